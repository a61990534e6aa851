-- Sign-ins through the identity provider that have begun but not come back yet: one row per
-- authorization request, taken (deleted) by its callback so a state works once. The state and the
-- browser's cookie are stored as SHA-256 hashes; the PKCE verifier and nonce only for the ten
-- minutes a row may live. Instants are epoch milliseconds.
create table oidc_logins (
    state_hash    text primary key,
    browser_hash  text not null,
    code_verifier text not null,
    nonce         text not null,
    created_at    integer not null,
    expires_at    integer not null
);
create index oidc_logins_expiry on oidc_logins (expires_at);
