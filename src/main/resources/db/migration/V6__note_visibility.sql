-- Issue 15 item 8: a note is internal (staff only) unless its writer made it public.
-- Notes written before this migration were shown publicly without anyone choosing so, and one
-- held a phone number: they become internal; a coordinator can repeat one as a public note.
alter table action_changes add column note_public integer not null default 0;
