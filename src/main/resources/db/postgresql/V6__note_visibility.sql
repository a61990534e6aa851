-- PostgreSQL's V6 (see db/migration/V6__note_visibility.sql): a note is internal unless made public.
alter table action_changes add column note_public boolean not null default false;
