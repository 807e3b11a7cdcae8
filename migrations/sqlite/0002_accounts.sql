-- Accounts, roles, sessions, one-time tokens, rate limits, the audit log and the outbox.

CREATE TABLE account (
    account_id          INTEGER PRIMARY KEY,
    kind                TEXT    NOT NULL CHECK (kind IN ('citizen', 'staff')),
    email               TEXT,
    password_hash       TEXT,
    active              INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    password_changed_at INTEGER,
    created_at          INTEGER NOT NULL,
    updated_at          INTEGER NOT NULL,
    CONSTRAINT account_kind_email_key UNIQUE (kind, email)
);

CREATE TABLE citizen (
    account_id      INTEGER PRIMARY KEY REFERENCES account (account_id),
    nik             TEXT    NOT NULL,
    full_name       TEXT    NOT NULL,
    phone           TEXT,
    consent_version TEXT    NOT NULL,
    consent_at      INTEGER NOT NULL,
    CONSTRAINT citizen_nik_key UNIQUE (nik)
);

CREATE TABLE staff (
    account_id            INTEGER PRIMARY KEY REFERENCES account (account_id),
    nip                   TEXT    NOT NULL,
    full_name             TEXT    NOT NULL,
    unit_id               INTEGER REFERENCES unit (unit_id),
    supervisor_account_id INTEGER REFERENCES staff (account_id),
    CONSTRAINT staff_nip_key UNIQUE (nip)
);
CREATE INDEX staff_unit_idx ON staff (unit_id);
CREATE INDEX staff_supervisor_idx ON staff (supervisor_account_id);

CREATE TABLE staff_role (
    account_id INTEGER NOT NULL REFERENCES staff (account_id),
    role       TEXT    NOT NULL CHECK (role IN ('officer', 'supervisor', 'hr', 'admin')),
    PRIMARY KEY (account_id, role)
);

CREATE TABLE session (
    session_id   TEXT    PRIMARY KEY,
    account_id   INTEGER NOT NULL REFERENCES account (account_id),
    refresh_hash TEXT    NOT NULL,
    created_at   INTEGER NOT NULL,
    last_seen_at INTEGER NOT NULL,
    expires_at   INTEGER NOT NULL,
    revoked_at   INTEGER,
    user_agent   TEXT
);
CREATE INDEX session_account_idx ON session (account_id);

CREATE TABLE account_token (
    token_hash TEXT    PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES account (account_id),
    purpose    TEXT    NOT NULL CHECK (purpose IN ('reset', 'activate')),
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    used_at    INTEGER
);
CREATE INDEX account_token_account_idx ON account_token (account_id);

CREATE TABLE rate_limit (
    bucket       TEXT    NOT NULL,
    window_start INTEGER NOT NULL,
    hits         INTEGER NOT NULL,
    PRIMARY KEY (bucket, window_start)
);

CREATE TABLE audit_event (
    audit_id         INTEGER PRIMARY KEY,
    at               INTEGER NOT NULL,
    actor_account_id INTEGER,
    actor            TEXT    NOT NULL,
    action           TEXT    NOT NULL,
    subject          TEXT,
    detail           TEXT,
    ip               TEXT
);
CREATE INDEX audit_event_at_idx ON audit_event (at);
CREATE INDEX audit_event_action_idx ON audit_event (action, at);
CREATE INDEX audit_event_actor_idx ON audit_event (actor_account_id, at);

-- The audit log is append-only: nothing in the portal may rewrite history.
CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event
BEGIN SELECT RAISE(ABORT, 'audit_event is append-only'); END;
CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event
BEGIN SELECT RAISE(ABORT, 'audit_event is append-only'); END;

CREATE TABLE outbox (
    outbox_id       INTEGER PRIMARY KEY,
    dedupe_key      TEXT    NOT NULL,
    channel         TEXT    NOT NULL CHECK (channel IN ('email')),
    recipient       TEXT    NOT NULL,
    subject         TEXT    NOT NULL,
    body            TEXT    NOT NULL,
    state           TEXT    NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sending', 'sent', 'failed')),
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL,
    claimed_until   INTEGER,
    last_error      TEXT,
    created_at      INTEGER NOT NULL,
    sent_at         INTEGER,
    CONSTRAINT outbox_dedupe_key UNIQUE (dedupe_key)
);
CREATE INDEX outbox_due_idx ON outbox (state, next_attempt_at);
