-- Officer scores and the periodic appraisal (REFERENCE §4, §5; PermenPAN-RB 6/2022): periods
-- HR opens and closes, the supervisor's appraisal with the evidence it used, contests and HR's
-- rulings, each unit's organisation rating, and HR's potential rating for the talent grid.

CREATE TABLE appraisal_period (
    period_id  INTEGER PRIMARY KEY,
    name       TEXT    NOT NULL,
    first_day  TEXT    NOT NULL,
    last_day   TEXT    NOT NULL,
    state      TEXT    NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'closed')),
    opened_by  INTEGER REFERENCES account (account_id),
    opened_at  INTEGER NOT NULL,
    closed_by  INTEGER REFERENCES account (account_id),
    closed_at  INTEGER,
    CONSTRAINT appraisal_period_name_key UNIQUE (name)
);

CREATE TABLE appraisal (
    appraisal_id          INTEGER PRIMARY KEY,
    period_id             INTEGER NOT NULL REFERENCES appraisal_period (period_id),
    officer_account_id    INTEGER NOT NULL REFERENCES account (account_id),
    supervisor_account_id INTEGER NOT NULL REFERENCES account (account_id),
    unit_id               INTEGER REFERENCES unit (unit_id),
    hasil_kerja           TEXT    NOT NULL CHECK (hasil_kerja IN ('di_atas', 'sesuai', 'di_bawah')),
    perilaku_kerja        TEXT    NOT NULL CHECK (perilaku_kerja IN ('di_atas', 'sesuai', 'di_bawah')),
    predikat              TEXT    NOT NULL,
    suggestion            TEXT,
    departure_reason      TEXT,
    formula_version       TEXT    NOT NULL,
    params                TEXT    NOT NULL,
    evidence              TEXT    NOT NULL,
    created_at            INTEGER NOT NULL,
    updated_at            INTEGER NOT NULL,
    CONSTRAINT appraisal_period_officer_key UNIQUE (period_id, officer_account_id)
);
CREATE INDEX appraisal_unit_idx ON appraisal (period_id, unit_id);

CREATE TABLE appraisal_evidence (
    appraisal_id INTEGER NOT NULL REFERENCES appraisal (appraisal_id),
    response_id  INTEGER NOT NULL REFERENCES survey_response (response_id),
    PRIMARY KEY (appraisal_id, response_id)
);

CREATE TABLE appraisal_contest (
    contest_id      INTEGER PRIMARY KEY,
    appraisal_id    INTEGER NOT NULL REFERENCES appraisal (appraisal_id),
    reason          TEXT    NOT NULL,
    filed_at        INTEGER NOT NULL,
    decision        TEXT    CHECK (decision IN ('upheld', 'changed')),
    decision_reason TEXT,
    new_hasil_kerja TEXT    CHECK (new_hasil_kerja IN ('di_atas', 'sesuai', 'di_bawah')),
    new_perilaku_kerja TEXT CHECK (new_perilaku_kerja IN ('di_atas', 'sesuai', 'di_bawah')),
    decided_by      INTEGER REFERENCES account (account_id),
    decided_at      INTEGER
);
CREATE INDEX appraisal_contest_appraisal_idx ON appraisal_contest (appraisal_id);

CREATE TABLE unit_org_rating (
    period_id  INTEGER NOT NULL REFERENCES appraisal_period (period_id),
    unit_id    INTEGER NOT NULL REFERENCES unit (unit_id),
    rating     TEXT    NOT NULL CHECK (rating IN ('istimewa', 'baik', 'butuh_perbaikan', 'kurang', 'sangat_kurang')),
    set_by     INTEGER REFERENCES account (account_id),
    updated_at INTEGER NOT NULL,
    PRIMARY KEY (period_id, unit_id)
);

CREATE TABLE talent_potential (
    period_id          INTEGER NOT NULL REFERENCES appraisal_period (period_id),
    officer_account_id INTEGER NOT NULL REFERENCES account (account_id),
    potential          TEXT    NOT NULL CHECK (potential IN ('low', 'medium', 'high')),
    set_by             INTEGER REFERENCES account (account_id),
    updated_at         INTEGER NOT NULL,
    PRIMARY KEY (period_id, officer_account_id)
);
