-- PostgreSQL's V5 (see db/migration/V5__slack_events.sql): Slack event ids already handled.
create table slack_events (
    event_id    text primary key,
    received_at text not null
);
create index slack_events_received on slack_events (received_at);
