-- Foundation: service units and instance settings.
-- Timestamps are milliseconds since the Unix epoch (UTC); booleans are 0/1 integers, and every
-- integer is BIGINT so the engine-neutral `Any` driver decodes it as i64 on both engines.

CREATE TABLE unit (
    unit_id    BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code       TEXT   NOT NULL,
    name       TEXT   NOT NULL,
    active     BIGINT NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    CONSTRAINT unit_code_key UNIQUE (code)
);

CREATE TABLE setting (
    key        TEXT   PRIMARY KEY,
    value      TEXT   NOT NULL,
    updated_at BIGINT NOT NULL
);
