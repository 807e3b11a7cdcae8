-- A lighter answer write (BENCHMARKS.md Findings, figure 1). A delta row lives until the next
-- fold, about two seconds (0008, `rollup::fold`), so its table stays small and is read whole;
-- the secondary indexes on it only cost every answer two index entries per table, written and
-- then deleted again by the fold.
DROP INDEX officer_month_delta_month_idx;
DROP INDEX officer_month_delta_officer_idx;
DROP INDEX unit_month_delta_month_idx;
DROP INDEX unit_month_delta_unit_idx;

-- The answer's one statement (0007, 0008) without reading back what it just wrote: the month
-- and the half points (0006 `response_half_points`: U6 and U7, REFERENCE §4) come from the
-- invitation and the parameters, and the credited officers feed the deltas directly.
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
    v_month TEXT;
    v_hp BIGINT;
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
    v_month := substr(inv.service_date, 1, 7);
    v_hp := CASE WHEN p_u6 IS NOT NULL AND p_u7 IS NOT NULL THEN p_u6 + p_u7
                 WHEN p_u6 IS NOT NULL THEN 2 * p_u6
                 WHEN p_u7 IS NOT NULL THEN 2 * p_u7 END;
    -- Online answers credit the officers frozen on the application, counter answers the
    -- officer who issued the invitation; each credit appends the sums of rollup::credit_response.
    WITH credited AS (
        INSERT INTO survey_response_credit (response_id, officer_account_id)
        SELECT rid, officer_account_id FROM application_credit
        WHERE inv.application_id IS NOT NULL AND application_id = inv.application_id
        UNION ALL
        SELECT rid, inv.officer_account_id
        WHERE inv.application_id IS NULL AND inv.officer_account_id IS NOT NULL
        RETURNING officer_account_id
    ), officer AS (
        INSERT INTO officer_month_delta (officer_account_id, month, credited, n, sum_hp, sum_sq_hp, invited, served)
        SELECT officer_account_id, v_month, 1, CASE WHEN v_hp IS NULL THEN 0 ELSE 1 END,
               COALESCE(v_hp, 0), COALESCE(v_hp * v_hp, 0), 1, 0
        FROM credited
    )
    INSERT INTO unit_month_delta (unit_key, month, responses, sum_hp)
    SELECT DISTINCT COALESCE(s.unit_id, 0), v_month, 1, v_hp
    FROM credited c JOIN staff s ON s.account_id = c.officer_account_id
    WHERE v_hp IS NOT NULL;
    IF p_follow_up = 1 THEN
        INSERT INTO survey_followup (response_id, unit_id, low_score, opened_at)
        VALUES (rid, inv.unit_id, p_low, p_now);
    END IF;
    RETURN rid;
END;
$$;
