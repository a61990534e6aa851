-- PostgreSQL's V50 (see db/migration/V50__oidc_logins.sql): sign-ins through the identity
-- provider waiting for their callback.
create table oidc_logins (
    state_hash    text primary key,
    browser_hash  text not null,
    code_verifier text not null,
    nonce         text not null,
    created_at    bigint not null,
    expires_at    bigint not null
);
create index oidc_logins_expiry on oidc_logins (expires_at);
