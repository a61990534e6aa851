-- Outbox bookkeeping for the dispatcher, and the reminder points already sent.

-- When the dispatcher took the row (status 'sending'); a row still 'sending' at start-up was
-- interrupted mid-send and goes back to 'pending' (only that one message can repeat).
alter table outbox add column claimed_at text;
-- When the row was marked dead, and whether the coordinator's daily notice has covered it.
alter table outbox add column dead_at text;
alter table outbox add column dead_noticed integer not null default 0;
-- A manual retry restarts the maximum-age clock from here (created_at stays: it is in the Message-ID).
alter table outbox add column age_from text;
create index outbox_dead on outbox (status, dead_noticed);

-- One row per reminder point of an action's deadline that has been queued to its owner:
-- 'before:14', 'before:7', 'before:1', 'overdue:0', 'overdue:1', ... A moved deadline has other
-- rows; the outbox row that carried the point is outbox_key (one message per person per day).
create table reminder_points (
    action_id  integer not null,
    deadline   text not null,
    point      text not null,
    person_id  integer not null,
    sent_on    text not null,
    outbox_key text not null,
    primary key (action_id, deadline, point)
);
