-- Append-only rollup deltas (docs/SCORING.md "Rollups"; BENCHMARKS.md Findings, figure 1).
-- Upserting the shared per-month rows of 0006 in every answer's transaction made concurrent
-- answers for the same officers and unit wait on each other's row locks. Writes now append one
-- delta row each — no row is shared, nothing waits — and the worker folds the deltas into the
-- rollups (`rollup::fold`). Readers read rollups and unfolded deltas together
-- (`officer_month_parts`, `unit_month_parts`), so a score is exact whether folded or not.

CREATE TABLE officer_month_delta (
    delta_id           INTEGER PRIMARY KEY,
    officer_account_id BIGINT NOT NULL,
    month              TEXT   NOT NULL,
    credited           BIGINT NOT NULL DEFAULT 0,
    n                  BIGINT NOT NULL DEFAULT 0,
    sum_hp             BIGINT NOT NULL DEFAULT 0,
    sum_sq_hp          BIGINT NOT NULL DEFAULT 0,
    invited            BIGINT NOT NULL DEFAULT 0,
    served             BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX officer_month_delta_month_idx ON officer_month_delta (month, officer_account_id);
CREATE INDEX officer_month_delta_officer_idx ON officer_month_delta (officer_account_id);

CREATE TABLE unit_month_delta (
    delta_id  INTEGER PRIMARY KEY,
    unit_key  BIGINT NOT NULL,
    month     TEXT   NOT NULL,
    responses BIGINT NOT NULL DEFAULT 0,
    sum_hp    BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX unit_month_delta_month_idx ON unit_month_delta (month, unit_key);
CREATE INDEX unit_month_delta_unit_idx ON unit_month_delta (unit_key);

-- What a reader sums: the folded rows and the deltas not yet folded (sum them by key).
CREATE VIEW officer_month_parts AS
SELECT officer_account_id, month, credited, n, sum_hp, sum_sq_hp, invited, served FROM officer_month_rollup
UNION ALL
SELECT officer_account_id, month, credited, n, sum_hp, sum_sq_hp, invited, served FROM officer_month_delta;

CREATE VIEW unit_month_parts AS
SELECT unit_key, month, responses, sum_hp FROM unit_month_rollup
UNION ALL
SELECT unit_key, month, responses, sum_hp FROM unit_month_delta;

-- The stored state per key, folded or not: what must equal officer/unit_month_recomputed.
CREATE VIEW officer_month_current AS
SELECT officer_account_id, month,
       CAST(SUM(credited) AS BIGINT) AS credited, CAST(SUM(n) AS BIGINT) AS n,
       CAST(SUM(sum_hp) AS BIGINT) AS sum_hp, CAST(SUM(sum_sq_hp) AS BIGINT) AS sum_sq_hp,
       CAST(SUM(invited) AS BIGINT) AS invited, CAST(SUM(served) AS BIGINT) AS served
FROM officer_month_parts GROUP BY officer_account_id, month;

CREATE VIEW unit_month_current AS
SELECT unit_key, month, CAST(SUM(responses) AS BIGINT) AS responses, CAST(SUM(sum_hp) AS BIGINT) AS sum_hp
FROM unit_month_parts GROUP BY unit_key, month;

-- The answer's one statement (0007), now appending deltas instead of upserting the rollups.
DROP TRIGGER survey_answer_submission_store;
CREATE TRIGGER survey_answer_submission_store INSTEAD OF INSERT ON survey_answer_submission
BEGIN
    SELECT RAISE(IGNORE) WHERE NOT EXISTS (
        SELECT 1 FROM survey_invitation
        WHERE jti = NEW.jti AND used_at IS NULL AND expires_at > NEW.now);
    UPDATE survey_invitation SET used_at = NEW.used_day WHERE jti = NEW.jti;
    INSERT INTO survey_response (unit_id, service_type_id, channel, service_date, submitted_at,
        u1, u2, u3, u4, u5, u6, u7, u8, u9, gender, age, education, occupation, suggestion)
    SELECT unit_id, service_type_id, channel, service_date, NEW.now,
           NEW.u1, NEW.u2, NEW.u3, NEW.u4, NEW.u5, NEW.u6, NEW.u7, NEW.u8, NEW.u9,
           NEW.gender, NEW.age, NEW.education, NEW.occupation, NEW.suggestion
    FROM survey_invitation WHERE jti = NEW.jti;
    INSERT INTO survey_response_source (response_id, invitation_id, application_id)
    SELECT last_insert_rowid(), invitation_id, application_id
    FROM survey_invitation WHERE jti = NEW.jti;
    -- Online answers credit the officers frozen on the application, counter answers the
    -- officer who issued the invitation.
    INSERT INTO survey_response_credit (response_id, officer_account_id)
    SELECT s.response_id, c.officer_account_id
    FROM survey_invitation i
    JOIN survey_response_source s ON s.invitation_id = i.invitation_id
    JOIN application_credit c ON c.application_id = i.application_id
    WHERE i.jti = NEW.jti
    UNION ALL
    SELECT s.response_id, i.officer_account_id
    FROM survey_invitation i
    JOIN survey_response_source s ON s.invitation_id = i.invitation_id
    WHERE i.jti = NEW.jti AND i.application_id IS NULL AND i.officer_account_id IS NOT NULL;
    -- The same sums as rollup::credit_response, appended as deltas (0008).
    INSERT INTO officer_month_delta (officer_account_id, month, credited, n, sum_hp, sum_sq_hp, invited, served)
    SELECT c.officer_account_id, r.month, 1, CASE WHEN r.hp IS NULL THEN 0 ELSE 1 END,
           COALESCE(r.hp, 0), COALESCE(r.hp * r.hp, 0), 1, 0
    FROM survey_invitation i
    JOIN survey_response_source s ON s.invitation_id = i.invitation_id
    JOIN survey_response_credit c ON c.response_id = s.response_id
    JOIN response_half_points r ON r.response_id = s.response_id
    WHERE i.jti = NEW.jti;
    INSERT INTO unit_month_delta (unit_key, month, responses, sum_hp)
    SELECT DISTINCT COALESCE(st.unit_id, 0), r.month, 1, r.hp
    FROM survey_invitation i
    JOIN survey_response_source s ON s.invitation_id = i.invitation_id
    JOIN survey_response_credit c ON c.response_id = s.response_id
    JOIN staff st ON st.account_id = c.officer_account_id
    JOIN response_half_points r ON r.response_id = s.response_id
    WHERE i.jti = NEW.jti AND r.hp IS NOT NULL;
    INSERT INTO survey_followup (response_id, unit_id, low_score, opened_at)
    SELECT s.response_id, i.unit_id, NEW.low, NEW.now
    FROM survey_invitation i JOIN survey_response_source s ON s.invitation_id = i.invitation_id
    WHERE i.jti = NEW.jti AND NEW.follow_up = 1;
END;
