-- Storing one online or counter answer in one round trip (docs/ARCHITECTURE.md "The answer's
-- write path"): `SELECT survey_store_answer(…)` does, in the statement's own transaction, what
-- took nine round trips before — consume the single-use invitation (a concurrent second use
-- waits for the row lock and then finds it used), store the anonymous answer, its source and
-- credit (REFERENCE §3.1, §4), the rollups (0006) and the follow-up item (REFERENCE §3.4).
-- Returns the response id, or NULL when the invitation is used, expired or unknown (nothing is
-- stored). `p_low` and `p_follow_up` are decided by the domain code (needs_follow_up).
CREATE FUNCTION survey_store_answer(
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
    -- The same sums as rollup::credit_response.
    INSERT INTO officer_month_rollup (officer_account_id, month, credited, n, sum_hp, sum_sq_hp, invited, served)
    SELECT c.officer_account_id, r.month, 1, CASE WHEN r.hp IS NULL THEN 0 ELSE 1 END,
           COALESCE(r.hp, 0), COALESCE(r.hp * r.hp, 0), 1, 0
    FROM survey_response_credit c JOIN response_half_points r ON r.response_id = c.response_id
    WHERE c.response_id = rid
    ON CONFLICT (month, officer_account_id) DO UPDATE SET
        credited = officer_month_rollup.credited + excluded.credited,
        n = officer_month_rollup.n + excluded.n,
        sum_hp = officer_month_rollup.sum_hp + excluded.sum_hp,
        sum_sq_hp = officer_month_rollup.sum_sq_hp + excluded.sum_sq_hp,
        invited = officer_month_rollup.invited + excluded.invited;
    INSERT INTO unit_month_rollup (unit_key, month, responses, sum_hp)
    SELECT DISTINCT COALESCE(s.unit_id, 0), r.month, 1, r.hp
    FROM survey_response_credit c
    JOIN staff s ON s.account_id = c.officer_account_id
    JOIN response_half_points r ON r.response_id = c.response_id
    WHERE c.response_id = rid AND r.hp IS NOT NULL
    ON CONFLICT (month, unit_key) DO UPDATE SET
        responses = unit_month_rollup.responses + excluded.responses,
        sum_hp = unit_month_rollup.sum_hp + excluded.sum_hp;
    IF p_follow_up = 1 THEN
        INSERT INTO survey_followup (response_id, unit_id, low_score, opened_at)
        VALUES (rid, inv.unit_id, p_low, p_now);
    END IF;
    RETURN rid;
END;
$$;
