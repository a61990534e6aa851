-- PostgreSQL's V3 (see db/migration/V3__outbox_retries_and_reminder_points.sql).
alter table outbox add column claimed_at text;
alter table outbox add column dead_at text;
alter table outbox add column dead_noticed boolean not null default false;
alter table outbox add column age_from text;
create index outbox_dead on outbox (status, dead_noticed);

create table reminder_points (
    action_id  bigint not null,
    deadline   text not null,
    point      text not null,
    person_id  bigint not null,
    sent_on    text not null,
    outbox_key text not null,
    primary key (action_id, deadline, point)
);
