-- Full-text index of the actions (code, title, description): words folded for case and
-- diacritics ("Åtgärd" = "atgard"), prefixes of 2-4 characters indexed for prefix queries,
-- ranked by bm25 with code before title before description (weights far apart, so a hit in a
-- column outweighs any number of hits in the columns after it). An external-content table: the
-- text lives in actions once, the triggers keep the index in the same transaction as the change.
create virtual table action_search using fts5(
    code, title, description,
    content = 'actions', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '2 3 4'
);
insert into action_search (action_search, rank) values ('rank', 'bm25(10000.0, 100.0, 1.0)');

create trigger actions_search_insert after insert on actions begin
    insert into action_search (rowid, code, title, description) values (new.id, new.code, new.title, new.description);
end;
create trigger actions_search_delete after delete on actions begin
    insert into action_search (action_search, rowid, code, title, description)
    values ('delete', old.id, old.code, old.title, old.description);
end;
create trigger actions_search_update after update of code, title, description on actions begin
    insert into action_search (action_search, rowid, code, title, description)
    values ('delete', old.id, old.code, old.title, old.description);
    insert into action_search (rowid, code, title, description) values (new.id, new.code, new.title, new.description);
end;

insert into action_search (action_search) values ('rebuild');

-- The words of the index, for "Menade du …?" when a search word has a typo.
create virtual table action_search_terms using fts5vocab(action_search, 'row');

-- search_text was the LIKE scan's folded copy of code, title and description; the index replaces it.
alter table actions drop column search_text;
