-- PostgreSQL's V20 (see db/migration/V20__console_sign_in.sql): one-time sign-in links and
-- console sessions, by the SHA-256 of their secrets; instants in epoch milliseconds.
create table sign_in_links (
    token_hash  text primary key,
    person_id   bigint not null references people (id) on delete cascade,
    created_at  bigint not null,
    expires_at  bigint not null,
    used_at     bigint
);
create index sign_in_links_person on sign_in_links (person_id);

create table console_sessions (
    id_hash      text primary key,
    person_id    bigint not null references people (id) on delete cascade,
    via          text not null,
    created_at   bigint not null,
    last_seen_at bigint not null
);
create index console_sessions_person on console_sessions (person_id);

create function planbot_people_sign_in_changes() returns trigger language plpgsql as $$
begin
    if old.role is distinct from new.role then
        delete from console_sessions where person_id = old.id;
        delete from sign_in_links where person_id = old.id;
    elsif old.email is distinct from new.email then
        delete from sign_in_links where person_id = old.id;
    end if;
    return new;
end
$$;
create trigger people_sign_in_changes after update of role, email on people
    for each row execute function planbot_people_sign_in_changes();
