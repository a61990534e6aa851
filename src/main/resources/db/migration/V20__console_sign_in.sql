-- The console's sign-in without passwords: one-time links mailed to a person, and server-side
-- sessions. Only SHA-256 hashes of the secrets are stored, so a copy of the database opens
-- nothing. Instants are epoch milliseconds (they are compared, so one fixed format).

create table sign_in_links (
    token_hash  text primary key,
    person_id   integer not null references people (id) on delete cascade,
    created_at  integer not null,
    expires_at  integer not null,
    used_at     integer
);
create index sign_in_links_person on sign_in_links (person_id);

create table console_sessions (
    id_hash      text primary key,
    person_id    integer not null references people (id) on delete cascade,
    via          text not null,
    created_at   integer not null,
    last_seen_at integer not null
);
create index console_sessions_person on console_sessions (person_id);

-- What a person may do follows their role: a new role (or a new address for the links) starts
-- from a fresh sign-in. Removing a person removes their sessions and links by the cascade.
create trigger people_role_change_ends_sessions after update of role on people
when old.role is not new.role
begin
    delete from console_sessions where person_id = old.id;
    delete from sign_in_links where person_id = old.id;
end;

create trigger people_email_change_ends_links after update of email on people
when old.email is not new.email
begin
    delete from sign_in_links where person_id = old.id;
end;
