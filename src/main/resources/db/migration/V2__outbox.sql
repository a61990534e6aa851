-- Every message Planbot sends is first a row here, written in the same transaction as what
-- caused it. The idempotency key makes a second attempt to queue the same message a no-op.
create table outbox (
    id              integer primary key,
    idempotency_key text not null unique,
    channel         text not null check (channel in ('email', 'slack')),
    recipient       text not null,
    recipient_name  text not null default '',
    template        text not null,
    payload         text not null,
    locale          text not null default 'sv',
    status          text not null default 'pending' check (status in ('pending', 'sending', 'sent', 'dead')),
    attempts        integer not null default 0,
    next_attempt_at text not null,
    created_at      text not null,
    sent_at         text,
    last_error      text
);
create index outbox_due on outbox (status, next_attempt_at);
