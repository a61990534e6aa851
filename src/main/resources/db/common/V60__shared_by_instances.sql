-- What several Planbot instances on one PostgreSQL must share, in SQL that SQLite and PostgreSQL
-- both run (this folder is common to both; see se.planbot.db.Dialect).

-- Slack request signatures already accepted (SHA-256 hex of the signature header), so a captured
-- request replayed to any instance within the five minutes its timestamp is valid gets 401.
-- Instants in epoch milliseconds; rows older than the window are pruned as new ones arrive.
create table slack_replays (
    signature_hash text primary key,
    seen_at        bigint not null
);
create index slack_replays_seen on slack_replays (seen_at);

-- One row per due moment of a scheduled job ('sweep' per sweep slot, 'digest' per cron fire):
-- the instance that inserts it runs it, holding a lease it renews while it runs; a row whose
-- lease ran out before done_at was set (its instance died mid-run) is taken over by another.
-- attempts counts the runs begun (1 unless taken over). Instants are epoch milliseconds.
create table scheduled_runs (
    job         text not null,
    due_at      text not null,
    run_by      text not null,
    lease_until bigint not null,
    attempts    integer not null default 1,
    started_at  bigint not null,
    done_at     bigint,
    primary key (job, due_at)
);
create index scheduled_runs_open on scheduled_runs (done_at, lease_until);
