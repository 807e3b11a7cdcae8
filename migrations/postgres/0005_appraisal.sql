-- Officer scores and the periodic appraisal (REFERENCE §4, §5; PermenPAN-RB 6/2022): periods
-- HR opens and closes, the supervisor's appraisal with the evidence it used, contests and HR's
-- rulings, each unit's organisation rating, and HR's potential rating for the talent grid.

CREATE TABLE appraisal_period (
    period_id  BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name       TEXT    NOT NULL,
    first_day  TEXT    NOT NULL,
    last_day   TEXT    NOT NULL,
    state      TEXT    NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'closed')),
    opened_by  BIGINT REFERENCES account (account_id),
    opened_at  BIGINT NOT NULL,
    closed_by  BIGINT REFERENCES account (account_id),
    closed_at  BIGINT,
    CONSTRAINT appraisal_period_name_key UNIQUE (name)
);

CREATE TABLE appraisal (
    appraisal_id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    period_id             BIGINT NOT NULL REFERENCES appraisal_period (period_id),
    officer_account_id    BIGINT NOT NULL REFERENCES account (account_id),
    supervisor_account_id BIGINT NOT NULL REFERENCES account (account_id),
    unit_id               BIGINT REFERENCES unit (unit_id),
    hasil_kerja           TEXT    NOT NULL CHECK (hasil_kerja IN ('di_atas', 'sesuai', 'di_bawah')),
    perilaku_kerja        TEXT    NOT NULL CHECK (perilaku_kerja IN ('di_atas', 'sesuai', 'di_bawah')),
    predikat              TEXT    NOT NULL,
    suggestion            TEXT,
    departure_reason      TEXT,
    formula_version       TEXT    NOT NULL,
    params                TEXT    NOT NULL,
    evidence              TEXT    NOT NULL,
    created_at            BIGINT NOT NULL,
    updated_at            BIGINT NOT NULL,
    CONSTRAINT appraisal_period_officer_key UNIQUE (period_id, officer_account_id)
);
CREATE INDEX appraisal_unit_idx ON appraisal (period_id, unit_id);

CREATE TABLE appraisal_evidence (
    appraisal_id BIGINT NOT NULL REFERENCES appraisal (appraisal_id),
    response_id  BIGINT NOT NULL REFERENCES survey_response (response_id),
    PRIMARY KEY (appraisal_id, response_id)
);

CREATE TABLE appraisal_contest (
    contest_id      BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    appraisal_id    BIGINT NOT NULL REFERENCES appraisal (appraisal_id),
    reason          TEXT    NOT NULL,
    filed_at        BIGINT NOT NULL,
    decision        TEXT    CHECK (decision IN ('upheld', 'changed')),
    decision_reason TEXT,
    new_hasil_kerja TEXT    CHECK (new_hasil_kerja IN ('di_atas', 'sesuai', 'di_bawah')),
    new_perilaku_kerja TEXT CHECK (new_perilaku_kerja IN ('di_atas', 'sesuai', 'di_bawah')),
    decided_by      BIGINT REFERENCES account (account_id),
    decided_at      BIGINT
);
CREATE INDEX appraisal_contest_appraisal_idx ON appraisal_contest (appraisal_id);

CREATE TABLE unit_org_rating (
    period_id  BIGINT NOT NULL REFERENCES appraisal_period (period_id),
    unit_id    BIGINT NOT NULL REFERENCES unit (unit_id),
    rating     TEXT    NOT NULL CHECK (rating IN ('istimewa', 'baik', 'butuh_perbaikan', 'kurang', 'sangat_kurang')),
    set_by     BIGINT REFERENCES account (account_id),
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (period_id, unit_id)
);

CREATE TABLE talent_potential (
    period_id          BIGINT NOT NULL REFERENCES appraisal_period (period_id),
    officer_account_id BIGINT NOT NULL REFERENCES account (account_id),
    potential          TEXT    NOT NULL CHECK (potential IN ('low', 'medium', 'high')),
    set_by             BIGINT REFERENCES account (account_id),
    updated_at         BIGINT NOT NULL,
    PRIMARY KEY (period_id, officer_account_id)
);
