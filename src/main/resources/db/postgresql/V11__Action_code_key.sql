-- PostgreSQL's V11 (SQLite's is the Java migration db.migration.V11__Action_code_key; index names differ
-- because actions_code_key is the name PostgreSQL gave the unique constraint on code): codes sort
-- by their numbered parts (plan/CodeKey, written by the store with every action). A new
-- PostgreSQL database has no actions yet; `planbot db copy` brings code_key along.
-- collate "C": byte order, as SQLite's BINARY sorts it, whatever the database's locale.
alter table actions add column code_key text collate "C" not null default '';
create index actions_by_code_key on actions (code_key, id);
create index actions_strategy_by_code_key on actions (strategy_id, code_key, id);
