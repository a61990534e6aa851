-- The action plan: strategies, people, actions and their append-only history; API tokens.
-- Dates are ISO text (2026-12-01), instants ISO text in UTC (2026-12-01T07:00:00Z).

create table strategies (
    id          integer primary key check (id between 1 and 99),
    title       text not null,
    description text not null default ''
);

create table people (
    id            integer primary key,
    name          text not null,
    email         text unique collate nocase,
    slack_user_id text unique,
    role          text not null default 'owner' check (role in ('coordinator', 'owner', 'working_group')),
    created_at    text not null
);

create table actions (
    id          integer primary key,
    code        text not null unique,
    title       text not null,
    description text not null default '',
    strategy_id integer not null references strategies (id),
    owner_id    integer references people (id),
    department  text not null default '',
    start_date  text,
    deadline    text,
    status      text not null default 'planned' check (status in ('planned', 'in_progress', 'done', 'cancelled')),
    progress    integer not null default 0 check (progress between 0 and 100),
    origin      text not null default 'plan',
    search_text text not null default '',
    created_at  text not null,
    updated_at  text not null,
    check (start_date is null or deadline is null or deadline >= start_date)
);
create index actions_strategy on actions (strategy_id);
create index actions_owner on actions (owner_id);
create index actions_deadline on actions (deadline) where status in ('planned', 'in_progress');

-- One entry per change (who, when, why); one row per field it changed.
create table action_changes (
    id        integer primary key,
    action_id integer not null references actions (id),
    at        text not null,
    actor     text not null,
    note      text not null default ''
);
create index action_changes_action on action_changes (action_id, id);

create table action_change_fields (
    change_id integer not null references action_changes (id),
    field     text not null,
    old_value text,
    new_value text,
    primary key (change_id, field)
);

create trigger action_changes_append_only_update before update on action_changes
begin select raise(abort, 'action history is append-only'); end;
create trigger action_changes_append_only_delete before delete on action_changes
begin select raise(abort, 'action history is append-only'); end;
create trigger action_change_fields_append_only_update before update on action_change_fields
begin select raise(abort, 'action history is append-only'); end;
create trigger action_change_fields_append_only_delete before delete on action_change_fields
begin select raise(abort, 'action history is append-only'); end;

create table api_tokens (
    id         integer primary key,
    name       text not null,
    role       text not null check (role in ('admin', 'coordinator')),
    token_hash text not null unique,
    created_at text not null,
    revoked_at text
);
