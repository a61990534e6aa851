-- PostgreSQL's V12 (see db/migration/V12__outbox_claimed_by.sql): which instance's boot took a
-- row for sending. An instance holds a session advisory lock for its boot while it lives; another
-- that can take that lock knows the claimer is gone and takes its rows back at once.
alter table outbox add column claimed_by text;
