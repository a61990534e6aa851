-- PostgreSQL's V21 (see db/migration/V21__owner_update_links.sql): links in an owner's reminder
-- mail that open the update form of their own actions; only the SHA-256 stored, epoch milliseconds.
create table owner_links (
    token_hash  text primary key,
    person_id   bigint not null references people (id) on delete cascade,
    created_at  bigint not null,
    expires_at  bigint not null
);
create index owner_links_person on owner_links (person_id);

create function planbot_people_role_ends_owner_links() returns trigger language plpgsql as $$
begin
    if old.role is distinct from new.role then
        delete from owner_links where person_id = old.id;
    end if;
    return new;
end
$$;
create trigger people_role_change_ends_owner_links after update of role on people
    for each row execute function planbot_people_role_ends_owner_links();
