-- Links in an owner's reminder mail that open the update form of their own actions without
-- signing in: 256 random bits, only the SHA-256 stored, valid 14 days (epoch milliseconds).
create table owner_links (
    token_hash  text primary key,
    person_id   integer not null references people (id) on delete cascade,
    created_at  integer not null,
    expires_at  integer not null
);
create index owner_links_person on owner_links (person_id);

-- A new role starts from fresh links too (removal is the cascade).
create trigger people_role_change_ends_owner_links after update of role on people
when old.role is not new.role
begin
    delete from owner_links where person_id = old.id;
end;
