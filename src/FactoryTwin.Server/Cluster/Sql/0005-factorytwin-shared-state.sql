-- FactoryTwin: the state the nodes of a cluster share (docs/adr/0003-cluster-on-postgresql.md): users, API tokens,
-- device credentials, sign-in sessions, the data-protection key ring, run-time settings and the audit log.
-- Secrets are stored as hashes only, as in the file store.

CREATE TABLE factorytwin_users
(
    name text NOT NULL,
    name_key text NOT NULL PRIMARY KEY,       -- upper-invariant name: user names are case-insensitive
    role smallint NOT NULL,
    password_hash text NOT NULL,
    lines text[] NULL,
    created timestamptz NOT NULL,
    stamp text NOT NULL
);

CREATE TABLE factorytwin_tokens
(
    id text NOT NULL PRIMARY KEY,
    name text NOT NULL,
    user_key text NOT NULL REFERENCES factorytwin_users (name_key) ON DELETE CASCADE,
    user_name text NOT NULL,
    role smallint NOT NULL,
    hash text NOT NULL,
    created timestamptz NOT NULL,
    expires timestamptz NULL
);

CREATE TABLE factorytwin_devices
(
    id text NOT NULL PRIMARY KEY,
    lines text[] NOT NULL,
    hash text NOT NULL,
    created timestamptz NOT NULL
);

CREATE TABLE factorytwin_sessions
(
    hash text NOT NULL PRIMARY KEY,
    user_key text NOT NULL REFERENCES factorytwin_users (name_key) ON DELETE CASCADE,
    user_name text NOT NULL,
    created timestamptz NOT NULL,
    last_seen timestamptz NOT NULL
);

CREATE INDEX ix_factorytwin_sessions_user ON factorytwin_sessions (user_key, last_seen);

CREATE TABLE factorytwin_dataprotection_keys
(
    friendly_name text NOT NULL PRIMARY KEY,
    xml text NOT NULL,
    created timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE factorytwin_settings
(
    id smallint NOT NULL PRIMARY KEY CHECK (id = 1),
    document jsonb NOT NULL
);

CREATE TABLE factorytwin_audit
(
    id bigserial PRIMARY KEY,
    at timestamptz NOT NULL,
    kind text NOT NULL,
    actor text NULL,
    target text NULL,
    address text NULL
);
