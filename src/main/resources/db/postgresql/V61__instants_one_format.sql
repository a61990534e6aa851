-- SQLite's V61 rewrites instants written before they had one fixed format (db/migration/V61__instants_one_format.sql).
-- A PostgreSQL database has had that format from its start: nothing to do, the version is kept in step.
select 1;
