-- PostgreSQL's V45 (SQLite's is db/migration/V45__follow_up_reports.sql): the yearly follow-up
-- report; a published report never changes (the triggers refuse it, as SQLite's do).
create table followup_reports (
    year             integer primary key check (year between 2000 and 2099),
    state            text not null default 'draft' check (state in ('draft', 'published')),
    meetings         text not null default '',
    created_at       text not null,
    created_by       text not null,
    updated_at       text not null,
    published_at     text,
    published_by     text,
    figures_taken_at text,
    figures_json     text,
    check ((state = 'published') = (published_at is not null and figures_json is not null))
);

-- ready stays 0/1 as on SQLite, where the store writes it so.
create table followup_sections (
    year       integer not null references followup_reports (year),
    section    text not null check (section in ('introduction', 'indicators', 'actions', 'dialogs', 'next_year')),
    body       text not null default '',
    ready      integer not null default 0 check (ready in (0, 1)),
    updated_at text not null,
    updated_by text not null,
    primary key (year, section)
);

create function planbot_followup_report_frozen() returns trigger language plpgsql as $$
begin
    if old.state = 'published' then
        if tg_op = 'DELETE' then
            raise exception 'a published follow-up report cannot be removed';
        end if;
        raise exception 'a published follow-up report cannot change';
    end if;
    return case when tg_op = 'DELETE' then old else new end;
end
$$;
create trigger followup_reports_frozen before update or delete on followup_reports
    for each row execute function planbot_followup_report_frozen();

create function planbot_followup_section_frozen() returns trigger language plpgsql as $$
begin
    if (select state from followup_reports
        where year = case when tg_op = 'INSERT' then new.year else old.year end) = 'published' then
        raise exception 'a published follow-up report cannot change';
    end if;
    return new;
end
$$;
create trigger followup_sections_frozen before insert or update on followup_sections
    for each row execute function planbot_followup_section_frozen();
