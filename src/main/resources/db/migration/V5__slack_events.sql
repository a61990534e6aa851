-- Slack retries an event (same event_id) when it did not see our 200 in time; one row per
-- event id makes the second delivery a no-op, also across a restart. Old rows are pruned.
create table slack_events (
    event_id    text primary key,
    received_at text not null
);
create index slack_events_received on slack_events (received_at);
