-- The yearly follow-up report (årlig uppföljning): one per year, a text per section written by
-- the coordinator, and — once published — the figures frozen as JSON with the time they were taken.
-- A published report never changes: triggers refuse any later edit of it or of its sections.

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

create table followup_sections (
    year       integer not null references followup_reports (year),
    section    text not null check (section in ('introduction', 'indicators', 'actions', 'dialogs', 'next_year')),
    body       text not null default '',
    ready      integer not null default 0 check (ready in (0, 1)),
    updated_at text not null,
    updated_by text not null,
    primary key (year, section)
);

create trigger followup_reports_frozen before update on followup_reports
when old.state = 'published'
begin select raise(abort, 'a published follow-up report cannot change'); end;

create trigger followup_reports_no_delete before delete on followup_reports
when old.state = 'published'
begin select raise(abort, 'a published follow-up report cannot be removed'); end;

create trigger followup_sections_frozen before update on followup_sections
when (select state from followup_reports where year = old.year) = 'published'
begin select raise(abort, 'a published follow-up report cannot change'); end;

create trigger followup_sections_no_insert_after before insert on followup_sections
when (select state from followup_reports where year = new.year) = 'published'
begin select raise(abort, 'a published follow-up report cannot change'); end;
