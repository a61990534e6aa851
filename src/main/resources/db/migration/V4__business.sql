-- Businesses: subscribers (double opt-in, topics, consent), dialogs and registrations.
-- Link tokens are random (256 bits) and stored only as their SHA-256 hex.
-- Everything that holds a subscriber's address or identity hangs off subscribers with
-- "on delete cascade", so erasing the subscriber row erases the rest in one statement.

create table subscribers (
    id                 integer primary key,
    email              text not null unique collate nocase,
    name               text not null default '',
    company            text not null default '',
    org_number         text,
    locale             text not null default 'sv' check (locale in ('sv', 'en')),
    status             text not null check (status in ('pending', 'confirmed', 'unsubscribed')),
    created_at         text not null,
    confirmed_at       text,
    unsubscribed_at    text
);

create table subscriber_topics (
    subscriber_id integer not null references subscribers (id) on delete cascade,
    strategy_id   integer not null references strategies (id),
    primary key (subscriber_id, strategy_id)
);

-- purpose: confirm (double opt-in link, expires), manage (unsubscribe/preferences/data links).
create table subscriber_tokens (
    token_hash    text primary key,
    subscriber_id integer not null references subscribers (id) on delete cascade,
    purpose       text not null check (purpose in ('confirm', 'manage')),
    created_at    text not null,
    expires_at    text,
    used_at       text
);
create index subscriber_tokens_subscriber on subscriber_tokens (subscriber_id);

-- The proof of consent: when, which text version, from where, and what happened.
create table consent_records (
    id            integer primary key,
    subscriber_id integer not null references subscribers (id) on delete cascade,
    at            text not null,
    event         text not null check (event in ('given', 'confirmed', 'changed', 'withdrawn')),
    text_version  text not null,
    source        text not null
);
create index consent_records_subscriber on consent_records (subscriber_id);

create table dialogs (
    id           integer primary key,
    uid          text not null unique,
    title        text not null,
    theme        text not null default '',
    description  text not null default '',
    starts_at    text not null,
    ends_at      text not null,
    place        text not null default '',
    online_url   text not null default '',
    capacity     integer check (capacity is null or capacity > 0),
    state        text not null default 'draft' check (state in ('draft', 'published', 'cancelled')),
    sequence     integer not null default 0,
    created_at   text not null,
    updated_at   text not null,
    published_at text,
    cancelled_at text,
    check (ends_at > starts_at)
);
create index dialogs_starts on dialogs (starts_at);

create table dialog_strategies (
    dialog_id   integer not null references dialogs (id),
    strategy_id integer not null references strategies (id),
    primary key (dialog_id, strategy_id)
);

-- Who was invited, so updates and cancellations reach the same people.
create table dialog_invitations (
    dialog_id     integer not null references dialogs (id),
    subscriber_id integer not null references subscribers (id) on delete cascade,
    invited_at    text not null,
    primary key (dialog_id, subscriber_id)
);

create table registrations (
    id           integer primary key,
    dialog_id    integer not null references dialogs (id),
    name         text not null,
    company      text not null default '',
    email        text not null collate nocase,
    locale       text not null default 'sv' check (locale in ('sv', 'en')),
    status       text not null check (status in ('registered', 'waiting', 'cancelled')),
    created_at   text not null,
    cancelled_at text
);
create index registrations_dialog on registrations (dialog_id, status, id);
create unique index registrations_one_active on registrations (dialog_id, email) where status <> 'cancelled';
create index registrations_email on registrations (email);

create table registration_tokens (
    token_hash      text primary key,
    registration_id integer not null references registrations (id) on delete cascade,
    created_at      text not null
);
create index registration_tokens_registration on registration_tokens (registration_id);
