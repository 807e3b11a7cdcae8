-- The satisfaction survey (REFERENCE §3): single-use invitations, anonymous answers, the link
-- to the application and the officers' credit (read only by scoring and follow-up code), the
-- follow-up of low answers, and each unit's improvement plan (rencana tindak lanjut).

CREATE TABLE survey_invitation (
    invitation_id      INTEGER PRIMARY KEY,
    jti                TEXT    NOT NULL,
    short_code         TEXT,
    channel            TEXT    NOT NULL CHECK (channel IN ('online', 'counter')),
    application_id     INTEGER REFERENCES application (application_id),
    unit_id            INTEGER NOT NULL REFERENCES unit (unit_id),
    service_type_id    INTEGER NOT NULL REFERENCES service_type (service_type_id),
    officer_account_id INTEGER REFERENCES account (account_id),
    service_date       TEXT    NOT NULL,
    issue_key          TEXT,
    issued_at          INTEGER NOT NULL,
    expires_at         INTEGER NOT NULL,
    used_at            INTEGER,
    CONSTRAINT survey_invitation_jti_key UNIQUE (jti),
    CONSTRAINT survey_invitation_short_code_key UNIQUE (short_code),
    CONSTRAINT survey_invitation_application_key UNIQUE (application_id),
    CONSTRAINT survey_invitation_issue_key UNIQUE (issue_key)
);
CREATE INDEX survey_invitation_unit_idx ON survey_invitation (unit_id, service_date);
CREATE INDEX survey_invitation_service_idx ON survey_invitation (service_type_id, service_date);

CREATE TABLE survey_response (
    response_id     INTEGER PRIMARY KEY,
    unit_id         INTEGER NOT NULL REFERENCES unit (unit_id),
    service_type_id INTEGER NOT NULL REFERENCES service_type (service_type_id),
    channel         TEXT    NOT NULL CHECK (channel IN ('online', 'counter', 'paper')),
    service_date    TEXT    NOT NULL,
    submitted_at    INTEGER NOT NULL,
    u1              INTEGER CHECK (u1 BETWEEN 1 AND 4),
    u2              INTEGER CHECK (u2 BETWEEN 1 AND 4),
    u3              INTEGER CHECK (u3 BETWEEN 1 AND 4),
    u4              INTEGER CHECK (u4 BETWEEN 1 AND 4),
    u5              INTEGER CHECK (u5 BETWEEN 1 AND 4),
    u6              INTEGER CHECK (u6 BETWEEN 1 AND 4),
    u7              INTEGER CHECK (u7 BETWEEN 1 AND 4),
    u8              INTEGER CHECK (u8 BETWEEN 1 AND 4),
    u9              INTEGER CHECK (u9 BETWEEN 1 AND 4),
    gender          TEXT,
    age             INTEGER,
    education       TEXT,
    occupation      TEXT,
    suggestion      TEXT,
    import_key      TEXT,
    CONSTRAINT survey_response_import_key UNIQUE (import_key)
);
CREATE INDEX survey_response_unit_idx ON survey_response (unit_id, service_date);
CREATE INDEX survey_response_service_idx ON survey_response (service_type_id, service_date);

CREATE TABLE survey_response_source (
    response_id    INTEGER PRIMARY KEY REFERENCES survey_response (response_id),
    invitation_id  INTEGER REFERENCES survey_invitation (invitation_id),
    application_id INTEGER REFERENCES application (application_id),
    CONSTRAINT survey_response_source_invitation_key UNIQUE (invitation_id)
);

CREATE TABLE survey_response_credit (
    response_id        INTEGER NOT NULL REFERENCES survey_response (response_id),
    officer_account_id INTEGER NOT NULL REFERENCES account (account_id),
    PRIMARY KEY (response_id, officer_account_id)
);
CREATE INDEX survey_response_credit_officer_idx ON survey_response_credit (officer_account_id);

CREATE TABLE survey_followup (
    followup_id INTEGER PRIMARY KEY,
    response_id INTEGER NOT NULL REFERENCES survey_response (response_id),
    unit_id     INTEGER NOT NULL REFERENCES unit (unit_id),
    low_score   INTEGER NOT NULL CHECK (low_score IN (0, 1)),
    opened_at   INTEGER NOT NULL,
    closed_at   INTEGER,
    closed_by   INTEGER REFERENCES account (account_id),
    note        TEXT,
    CONSTRAINT survey_followup_response_key UNIQUE (response_id)
);
CREATE INDEX survey_followup_unit_idx ON survey_followup (unit_id, closed_at);

CREATE TABLE improvement_action (
    action_id     INTEGER PRIMARY KEY,
    unit_id       INTEGER NOT NULL REFERENCES unit (unit_id),
    period        TEXT    NOT NULL,
    unsur         TEXT    NOT NULL CHECK (unsur IN ('U1', 'U2', 'U3', 'U4', 'U5', 'U6', 'U7', 'U8', 'U9')),
    action        TEXT    NOT NULL,
    owner         TEXT    NOT NULL,
    due_on        TEXT    NOT NULL,
    status        TEXT    NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'in_progress', 'done')),
    progress_note TEXT    NOT NULL DEFAULT '',
    created_by    INTEGER REFERENCES account (account_id),
    created_at    INTEGER NOT NULL,
    updated_at    INTEGER NOT NULL
);
CREATE INDEX improvement_action_unit_idx ON improvement_action (unit_id, period);
