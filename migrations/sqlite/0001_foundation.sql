-- Foundation: service units and instance settings.
-- Timestamps are milliseconds since the Unix epoch (UTC); booleans are 0/1 integers.

CREATE TABLE unit (
    unit_id    INTEGER PRIMARY KEY,
    code       TEXT    NOT NULL,
    name       TEXT    NOT NULL,
    active     INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    CONSTRAINT unit_code_key UNIQUE (code)
);

CREATE TABLE setting (
    key        TEXT    PRIMARY KEY,
    value      TEXT    NOT NULL,
    updated_at INTEGER NOT NULL
);
