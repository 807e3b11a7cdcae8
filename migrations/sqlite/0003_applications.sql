-- Service catalog (REFERENCE §2.1), working-day calendar, applications with their tracking log
-- (REFERENCE §2.2), documents, corrections, SLA pauses, frozen officer credit (REFERENCE §4),
-- permits.

CREATE TABLE service_type (
    service_type_id   INTEGER PRIMARY KEY,
    unit_id           INTEGER NOT NULL REFERENCES unit (unit_id),
    code              TEXT    NOT NULL,
    name_id           TEXT    NOT NULL,
    name_en           TEXT    NOT NULL,
    description_id    TEXT    NOT NULL DEFAULT '',
    description_en    TEXT    NOT NULL DEFAULT '',
    completion_days   INTEGER NOT NULL CHECK (completion_days BETWEEN 1 AND 365),
    fee_rupiah        INTEGER NOT NULL DEFAULT 0 CHECK (fee_rupiah >= 0),
    product_id        TEXT    NOT NULL DEFAULT '',
    product_en        TEXT    NOT NULL DEFAULT '',
    legal_basis       TEXT    NOT NULL DEFAULT '',
    complaint_channel TEXT    NOT NULL DEFAULT '',
    permit_code       TEXT    NOT NULL DEFAULT '',
    citizen_facing    TEXT    NOT NULL DEFAULT 'start_verification,request_correction,accept_documents,approve,reject,complete',
    active            INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    created_at        INTEGER NOT NULL,
    updated_at        INTEGER NOT NULL,
    CONSTRAINT service_type_code_key UNIQUE (code)
);
CREATE INDEX service_type_unit_idx ON service_type (unit_id);

CREATE TABLE service_requirement (
    requirement_id  INTEGER PRIMARY KEY,
    service_type_id INTEGER NOT NULL REFERENCES service_type (service_type_id),
    position        INTEGER NOT NULL,
    label_id        TEXT    NOT NULL,
    label_en        TEXT    NOT NULL,
    needs_document  INTEGER NOT NULL DEFAULT 1 CHECK (needs_document IN (0, 1)),
    accepted_types  TEXT    NOT NULL DEFAULT 'pdf,jpeg,png',
    max_size_kb     INTEGER NOT NULL DEFAULT 2048 CHECK (max_size_kb BETWEEN 10 AND 20480),
    active          INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
);
CREATE INDEX service_requirement_service_idx ON service_requirement (service_type_id, position);

CREATE TABLE service_field (
    field_id        INTEGER PRIMARY KEY,
    service_type_id INTEGER NOT NULL REFERENCES service_type (service_type_id),
    position        INTEGER NOT NULL,
    label_id        TEXT    NOT NULL,
    label_en        TEXT    NOT NULL,
    kind            TEXT    NOT NULL CHECK (kind IN ('text', 'number', 'date', 'choice')),
    choices         TEXT    NOT NULL DEFAULT '',
    required        INTEGER NOT NULL DEFAULT 1 CHECK (required IN (0, 1)),
    active          INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
);
CREATE INDEX service_field_service_idx ON service_field (service_type_id, position);

CREATE TABLE holiday (
    day        TEXT    PRIMARY KEY,
    name       TEXT    NOT NULL,
    created_at INTEGER NOT NULL
);

CREATE TABLE application (
    application_id      INTEGER PRIMARY KEY,
    reg_number          TEXT,
    service_type_id     INTEGER NOT NULL REFERENCES service_type (service_type_id),
    unit_id             INTEGER NOT NULL REFERENCES unit (unit_id),
    citizen_account_id  INTEGER REFERENCES account (account_id),
    applicant_name      TEXT    NOT NULL,
    applicant_nik       TEXT    NOT NULL,
    applicant_email     TEXT,
    applicant_phone     TEXT,
    channel             TEXT    NOT NULL DEFAULT 'online' CHECK (channel IN ('online', 'counter')),
    filed_by_account_id INTEGER REFERENCES account (account_id),
    draft_key           TEXT    NOT NULL,
    state               TEXT    NOT NULL,
    field_values        TEXT    NOT NULL DEFAULT '{}',
    assigned_account_id INTEGER REFERENCES account (account_id),
    submitted_on        TEXT,
    due_on              TEXT,
    finished_on         TEXT,
    on_time             INTEGER CHECK (on_time IN (0, 1)),
    sla_days_used       INTEGER,
    decision_reason     TEXT,
    created_at          INTEGER NOT NULL,
    updated_at          INTEGER NOT NULL,
    submitted_at        INTEGER,
    completed_at        INTEGER,
    CONSTRAINT application_reg_number_key UNIQUE (reg_number),
    CONSTRAINT application_draft_key UNIQUE (draft_key)
);
CREATE INDEX application_citizen_idx ON application (citizen_account_id, created_at);
CREATE INDEX application_queue_idx ON application (unit_id, state, submitted_at);
CREATE INDEX application_assigned_idx ON application (assigned_account_id, state);

CREATE TABLE application_event (
    event_id         INTEGER PRIMARY KEY,
    application_id   INTEGER NOT NULL REFERENCES application (application_id),
    at               INTEGER NOT NULL,
    actor_account_id INTEGER REFERENCES account (account_id),
    actor_kind       TEXT    NOT NULL CHECK (actor_kind IN ('citizen', 'staff', 'system')),
    action           TEXT    NOT NULL,
    from_state       TEXT    NOT NULL,
    to_state         TEXT    NOT NULL,
    citizen_facing   INTEGER NOT NULL DEFAULT 0 CHECK (citizen_facing IN (0, 1)),
    note             TEXT
);
CREATE INDEX application_event_app_idx ON application_event (application_id, at);

CREATE TABLE application_document (
    document_id    INTEGER PRIMARY KEY,
    application_id INTEGER NOT NULL REFERENCES application (application_id),
    requirement_id INTEGER NOT NULL REFERENCES service_requirement (requirement_id),
    storage_key    TEXT    NOT NULL,
    original_name  TEXT    NOT NULL,
    content_type   TEXT    NOT NULL,
    size_bytes     INTEGER NOT NULL,
    sha256         TEXT    NOT NULL,
    uploaded_at    INTEGER NOT NULL,
    replaced_at    INTEGER,
    CONSTRAINT application_document_storage_key UNIQUE (storage_key)
);
CREATE INDEX application_document_app_idx ON application_document (application_id, requirement_id);

CREATE TABLE application_correction (
    correction_id  INTEGER PRIMARY KEY,
    application_id INTEGER NOT NULL REFERENCES application (application_id),
    requirement_id INTEGER REFERENCES service_requirement (requirement_id),
    note           TEXT    NOT NULL,
    requested_at   INTEGER NOT NULL,
    resolved_at    INTEGER
);
CREATE INDEX application_correction_app_idx ON application_correction (application_id);

CREATE TABLE sla_pause (
    pause_id       INTEGER PRIMARY KEY,
    application_id INTEGER NOT NULL REFERENCES application (application_id),
    paused_on      TEXT    NOT NULL,
    resumed_on     TEXT
);
CREATE INDEX sla_pause_app_idx ON sla_pause (application_id);

CREATE TABLE application_credit (
    application_id     INTEGER NOT NULL REFERENCES application (application_id),
    officer_account_id INTEGER NOT NULL REFERENCES account (account_id),
    PRIMARY KEY (application_id, officer_account_id)
);
CREATE INDEX application_credit_officer_idx ON application_credit (officer_account_id);

CREATE TABLE permit (
    permit_id       INTEGER PRIMARY KEY,
    application_id  INTEGER NOT NULL REFERENCES application (application_id),
    number          TEXT    NOT NULL,
    sequence        INTEGER NOT NULL,
    year            INTEGER NOT NULL,
    unit_id         INTEGER NOT NULL REFERENCES unit (unit_id),
    holder_name     TEXT    NOT NULL,
    verify_code     TEXT    NOT NULL,
    issued_at       INTEGER NOT NULL,
    revoked_at      INTEGER,
    CONSTRAINT permit_application_key UNIQUE (application_id),
    CONSTRAINT permit_number_key UNIQUE (number),
    CONSTRAINT permit_sequence_key UNIQUE (unit_id, year, sequence),
    CONSTRAINT permit_verify_code_key UNIQUE (verify_code)
);
