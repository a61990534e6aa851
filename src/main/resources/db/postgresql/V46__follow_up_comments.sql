-- PostgreSQL's V46 (SQLite's is db/migration/V46__follow_up_comments.sql): owners' short comments
-- on their actions for one year's follow-up, written from the mail's link.
create table followup_comments (
    year       integer not null references followup_reports (year),
    action_id  bigint not null references actions (id),
    person_id  bigint not null references people (id),
    comment    text not null,
    updated_at text not null,
    primary key (year, action_id)
);
