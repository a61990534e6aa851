-- Issue 11: proposals (förslag) from dialogs, the web form and the coordinator, their review and
-- decision, and the actions they became. Instants are ISO text in UTC as in V1 and V4 (compared in
-- Java, not as text). Written to run on SQLite and PostgreSQL alike: no COLLATE NOCASE (addresses
-- are compared lower-cased), booleans as boolean, no AUTOINCREMENT.

create table proposals (
    id               integer primary key,
    title            text not null,
    description      text not null default '',
    strategy_id      integer references strategies (id),
    origin           text not null check (origin in ('dialog', 'web', 'email', 'meeting')),
    dialog_id        integer references dialogs (id),
    -- The proposer: all optional; erasure empties them and sets anonymised_at.
    proposer_name    text not null default '',
    proposer_company text not null default '',
    proposer_email   text,
    proposer_locale  text not null default 'sv' check (proposer_locale in ('sv', 'en')),
    show_name        boolean not null default false,
    -- The proof of consent for the contact details, as for subscribers: when, which text, from where.
    consent_version  text,
    consent_at       text,
    consent_source   text,
    mails_stopped    boolean not null default false,
    state            text not null default 'received'
                     check (state in ('received', 'under_review', 'accepted', 'rejected', 'merged')),
    answer           text not null default '',
    merged_into      integer references proposals (id),
    -- The newest action_changes id the proposer has been told about (progress mails).
    progress_seen    integer not null default 0,
    created_at       text not null,
    updated_at       text not null,
    decided_at       text,
    anonymised_at    text
);
create index proposals_state on proposals (state, id);
create index proposals_dialog on proposals (dialog_id);
create index proposals_email on proposals (proposer_email);

-- Accepted proposals and the actions they became or were linked to.
create table proposal_actions (
    proposal_id integer not null references proposals (id),
    action_id   integer not null references actions (id),
    linked_at   text not null,
    primary key (proposal_id, action_id)
);
create index proposal_actions_action on proposal_actions (action_id);

-- Every change: who, when, from which state to which, and the answer or comment. Comments of the
-- working group are internal (is_public false); states and answers are public.
create table proposal_history (
    id          integer primary key,
    proposal_id integer not null references proposals (id),
    at          text not null,
    actor       text not null,
    kind        text not null check (kind in ('created', 'state', 'comment', 'edit', 'linked', 'anonymised')),
    from_state  text,
    to_state    text,
    body        text not null default '',
    is_public   boolean not null default false
);
create index proposal_history_proposal on proposal_history (proposal_id, id);

-- Links in the proposer's mails (public page, stop mails, my data): only the SHA-256 is stored.
create table proposal_tokens (
    token_hash  text primary key,
    proposal_id integer not null references proposals (id) on delete cascade,
    created_at  text not null
);
create index proposal_tokens_proposal on proposal_tokens (proposal_id);
