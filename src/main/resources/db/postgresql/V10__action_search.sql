-- PostgreSQL's V10: the full-text index of the actions, giving the answers of SQLite's FTS5 index
-- (db/migration/V10__action_search.sql). Words are folded as there (lower case, diacritics off:
-- "Åtgärd" = "atgard", by unaccent) and split where SQLite's unicode61 splits them (at anything
-- that is not a letter or digit: "1.2" is the words 1 and 2). Code, title and description weigh
-- A, B and C, ranked far apart like bm25(10000, 100, 1) there. A trigger keeps the vector in the
-- same transaction as the change.
create extension if not exists unaccent;

create function planbot_search_words(text) returns text language sql stable as $$
    select regexp_replace(lower(unaccent(coalesce($1, ''))), '[^[:alnum:]]+', ' ', 'g')
$$;

alter table actions add column search_vector tsvector not null default ''::tsvector;

create function planbot_action_search_vector() returns trigger language plpgsql as $$
begin
    new.search_vector :=
        setweight(to_tsvector('simple', planbot_search_words(new.code)), 'A')
        || setweight(to_tsvector('simple', planbot_search_words(new.title)), 'B')
        || setweight(to_tsvector('simple', planbot_search_words(new.description)), 'C');
    return new;
end
$$;
create trigger actions_search before insert or update of code, title, description on actions
    for each row execute function planbot_action_search_vector();
create index actions_search on actions using gin (search_vector);

alter table actions drop column search_text;
