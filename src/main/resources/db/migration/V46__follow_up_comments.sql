-- Owners' short comments on their actions for one year's follow-up, asked for by mail and written
-- from the mail's link (signin/OwnerLinks). The coordinator reads them while writing the report.
create table followup_comments (
    year       integer not null references followup_reports (year),
    action_id  integer not null references actions (id),
    person_id  integer not null references people (id),
    comment    text not null,
    updated_at text not null,
    primary key (year, action_id)
);
