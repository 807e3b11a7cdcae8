-- Append-only rollup deltas (docs/SCORING.md "Rollups"; BENCHMARKS.md Findings, figure 1).
-- Upserting the shared per-month rows of 0006 in every answer's transaction made concurrent
-- answers for the same officers and unit wait on each other's row locks. Writes now append one
-- delta row each — no row is shared, nothing waits — and the worker folds the deltas into the
-- rollups (`rollup::fold`). Readers read rollups and unfolded deltas together
-- (`officer_month_parts`, `unit_month_parts`), so a score is exact whether folded or not.

CREATE TABLE officer_month_delta (
    delta_id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
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
    delta_id  BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
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
CREATE OR REPLACE FUNCTION survey_store_answer(
    p_jti TEXT, p_used_day BIGINT, p_now BIGINT,
    p_u1 BIGINT, p_u2 BIGINT, p_u3 BIGINT, p_u4 BIGINT, p_u5 BIGINT, p_u6 BIGINT, p_u7 BIGINT,
    p_u8 BIGINT, p_u9 BIGINT,
    p_gender TEXT, p_age BIGINT, p_education TEXT, p_occupation TEXT, p_suggestion TEXT,
    p_low BIGINT, p_follow_up BIGINT
) RETURNS BIGINT LANGUAGE plpgsql AS $$
DECLARE
    inv survey_invitation%ROWTYPE;
    rid BIGINT;
BEGIN
    UPDATE survey_invitation SET used_at = p_used_day
    WHERE jti = p_jti AND used_at IS NULL AND expires_at > p_now
    RETURNING * INTO inv;
    IF NOT FOUND THEN
        RETURN NULL;
    END IF;
    INSERT INTO survey_response (unit_id, service_type_id, channel, service_date, submitted_at,
        u1, u2, u3, u4, u5, u6, u7, u8, u9, gender, age, education, occupation, suggestion)
    VALUES (inv.unit_id, inv.service_type_id, inv.channel, inv.service_date, p_now,
        p_u1, p_u2, p_u3, p_u4, p_u5, p_u6, p_u7, p_u8, p_u9,
        p_gender, p_age, p_education, p_occupation, p_suggestion)
    RETURNING response_id INTO rid;
    INSERT INTO survey_response_source (response_id, invitation_id, application_id)
    VALUES (rid, inv.invitation_id, inv.application_id);
    -- Online answers credit the officers frozen on the application, counter answers the
    -- officer who issued the invitation.
    IF inv.application_id IS NOT NULL THEN
        INSERT INTO survey_response_credit (response_id, officer_account_id)
        SELECT rid, officer_account_id FROM application_credit WHERE application_id = inv.application_id;
    ELSIF inv.officer_account_id IS NOT NULL THEN
        INSERT INTO survey_response_credit (response_id, officer_account_id)
        VALUES (rid, inv.officer_account_id);
    END IF;
    -- The same sums as rollup::credit_response, appended as deltas (0008).
    INSERT INTO officer_month_delta (officer_account_id, month, credited, n, sum_hp, sum_sq_hp, invited, served)
    SELECT c.officer_account_id, r.month, 1, CASE WHEN r.hp IS NULL THEN 0 ELSE 1 END,
           COALESCE(r.hp, 0), COALESCE(r.hp * r.hp, 0), 1, 0
    FROM survey_response_credit c JOIN response_half_points r ON r.response_id = c.response_id
    WHERE c.response_id = rid;
    INSERT INTO unit_month_delta (unit_key, month, responses, sum_hp)
    SELECT DISTINCT COALESCE(s.unit_id, 0), r.month, 1, r.hp
    FROM survey_response_credit c
    JOIN staff s ON s.account_id = c.officer_account_id
    JOIN response_half_points r ON r.response_id = c.response_id
    WHERE c.response_id = rid AND r.hp IS NOT NULL;
    IF p_follow_up = 1 THEN
        INSERT INTO survey_followup (response_id, unit_id, low_score, opened_at)
        VALUES (rid, inv.unit_id, p_low, p_now);
    END IF;
    RETURN rid;
END;
$$;
