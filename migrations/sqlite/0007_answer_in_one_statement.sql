-- Storing one online or counter answer in one statement (docs/ARCHITECTURE.md "The answer's
-- write path"): the server inserts one row into this view and the trigger below does, under one
-- write lock, what took nine round trips to the connection before — consume the single-use
-- invitation, store the anonymous answer, its source and credit (REFERENCE §3.1, §4), the
-- rollups (0006) and the follow-up item (REFERENCE §3.4). An invitation already used or expired
-- stores nothing. `low` and `follow_up` are decided by the domain code (needs_follow_up).
CREATE VIEW survey_answer_submission AS
SELECT '' AS jti, 0 AS used_day, 0 AS now,
       0 AS u1, 0 AS u2, 0 AS u3, 0 AS u4, 0 AS u5, 0 AS u6, 0 AS u7, 0 AS u8, 0 AS u9,
       '' AS gender, 0 AS age, '' AS education, '' AS occupation, '' AS suggestion,
       0 AS low, 0 AS follow_up
WHERE 0;

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
    -- The same sums as rollup::credit_response.
    INSERT INTO officer_month_rollup (officer_account_id, month, credited, n, sum_hp, sum_sq_hp, invited, served)
    SELECT c.officer_account_id, r.month, 1, CASE WHEN r.hp IS NULL THEN 0 ELSE 1 END,
           COALESCE(r.hp, 0), COALESCE(r.hp * r.hp, 0), 1, 0
    FROM survey_invitation i
    JOIN survey_response_source s ON s.invitation_id = i.invitation_id
    JOIN survey_response_credit c ON c.response_id = s.response_id
    JOIN response_half_points r ON r.response_id = s.response_id
    WHERE i.jti = NEW.jti
    ON CONFLICT (month, officer_account_id) DO UPDATE SET
        credited = officer_month_rollup.credited + excluded.credited,
        n = officer_month_rollup.n + excluded.n,
        sum_hp = officer_month_rollup.sum_hp + excluded.sum_hp,
        sum_sq_hp = officer_month_rollup.sum_sq_hp + excluded.sum_sq_hp,
        invited = officer_month_rollup.invited + excluded.invited;
    INSERT INTO unit_month_rollup (unit_key, month, responses, sum_hp)
    SELECT DISTINCT COALESCE(st.unit_id, 0), r.month, 1, r.hp
    FROM survey_invitation i
    JOIN survey_response_source s ON s.invitation_id = i.invitation_id
    JOIN survey_response_credit c ON c.response_id = s.response_id
    JOIN staff st ON st.account_id = c.officer_account_id
    JOIN response_half_points r ON r.response_id = s.response_id
    WHERE i.jti = NEW.jti AND r.hp IS NOT NULL
    ON CONFLICT (month, unit_key) DO UPDATE SET
        responses = unit_month_rollup.responses + excluded.responses,
        sum_hp = unit_month_rollup.sum_hp + excluded.sum_hp;
    INSERT INTO survey_followup (response_id, unit_id, low_score, opened_at)
    SELECT s.response_id, i.unit_id, NEW.low, NEW.now
    FROM survey_invitation i JOIN survey_response_source s ON s.invitation_id = i.invitation_id
    WHERE i.jti = NEW.jti AND NEW.follow_up = 1;
END;
