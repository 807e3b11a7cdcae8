-- Per-month rollups of the officer scores (REFERENCE §4.1; docs/SCORING.md "Rollups"): the
-- exact integer sums a score is made of, kept up to date in the transaction of every write that
-- changes them, so HR's ranking of a period reads a few rows per officer instead of every answer.
-- The views say what the rollups must equal; `sigap rollups verify` compares the two.

-- r_j of every response in half-points (r_j = 12.5 · hp), NULL when U6 and U7 were skipped.
CREATE VIEW response_half_points AS
SELECT response_id, substr(service_date, 1, 7) AS month, channel,
       CASE WHEN u6 IS NOT NULL AND u7 IS NOT NULL THEN u6 + u7
            WHEN u6 IS NOT NULL THEN 2 * u6
            WHEN u7 IS NOT NULL THEN 2 * u7 END AS hp
FROM survey_response;

-- Per officer and month (YYYY-MM): responses credited, usable ones (n), Σhp, Σhp², answers
-- that came through an invitation (not paper), and services that could invite them (completed
-- applications credited to the officer, counter invitations they issued).
CREATE TABLE officer_month_rollup (
    officer_account_id BIGINT NOT NULL,
    month              TEXT   NOT NULL,
    credited           BIGINT NOT NULL DEFAULT 0,
    n                  BIGINT NOT NULL DEFAULT 0,
    sum_hp             BIGINT NOT NULL DEFAULT 0,
    sum_sq_hp          BIGINT NOT NULL DEFAULT 0,
    invited            BIGINT NOT NULL DEFAULT 0,
    served             BIGINT NOT NULL DEFAULT 0,
    -- Month first: ranking a period reads only that period's rows, whatever else is stored.
    PRIMARY KEY (month, officer_account_id)
);
CREATE INDEX officer_month_rollup_officer_idx ON officer_month_rollup (officer_account_id, month);

-- Per unit (0 = staff without a unit) and month: the distinct usable responses credited to the
-- unit's officers and their Σhp — μ of REFERENCE §4.1, each response once.
CREATE TABLE unit_month_rollup (
    unit_key  BIGINT NOT NULL,
    month     TEXT   NOT NULL,
    responses BIGINT NOT NULL DEFAULT 0,
    sum_hp    BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (month, unit_key)
);

CREATE VIEW officer_month_recomputed AS
SELECT officer_account_id, month,
       CAST(SUM(credited) AS BIGINT) AS credited, CAST(SUM(n) AS BIGINT) AS n,
       CAST(SUM(sum_hp) AS BIGINT) AS sum_hp, CAST(SUM(sum_sq_hp) AS BIGINT) AS sum_sq_hp,
       CAST(SUM(invited) AS BIGINT) AS invited, CAST(SUM(served) AS BIGINT) AS served
FROM (
    SELECT c.officer_account_id, r.month, 1 AS credited,
           CASE WHEN r.hp IS NULL THEN 0 ELSE 1 END AS n,
           COALESCE(r.hp, 0) AS sum_hp, COALESCE(r.hp * r.hp, 0) AS sum_sq_hp,
           CASE WHEN r.channel = 'paper' THEN 0 ELSE 1 END AS invited, 0 AS served
    FROM survey_response_credit c JOIN response_half_points r ON r.response_id = c.response_id
    UNION ALL
    SELECT c.officer_account_id, substr(a.finished_on, 1, 7), 0, 0, 0, 0, 0, 1
    FROM application_credit c JOIN application a ON a.application_id = c.application_id
    WHERE a.state = 'completed' AND a.finished_on IS NOT NULL
    UNION ALL
    SELECT officer_account_id, substr(service_date, 1, 7), 0, 0, 0, 0, 0, 1
    FROM survey_invitation WHERE channel = 'counter' AND officer_account_id IS NOT NULL
) contributions
GROUP BY officer_account_id, month;

CREATE VIEW unit_month_recomputed AS
SELECT unit_key, month, CAST(COUNT(*) AS BIGINT) AS responses, CAST(SUM(hp) AS BIGINT) AS sum_hp
FROM (
    SELECT DISTINCT COALESCE(s.unit_id, 0) AS unit_key, r.response_id, r.month, r.hp
    FROM survey_response_credit c
    JOIN staff s ON s.account_id = c.officer_account_id
    JOIN response_half_points r ON r.response_id = c.response_id
    WHERE r.hp IS NOT NULL
) distinct_responses
GROUP BY unit_key, month;

INSERT INTO officer_month_rollup (officer_account_id, month, credited, n, sum_hp, sum_sq_hp, invited, served)
SELECT officer_account_id, month, credited, n, sum_hp, sum_sq_hp, invited, served FROM officer_month_recomputed;
INSERT INTO unit_month_rollup (unit_key, month, responses, sum_hp)
SELECT unit_key, month, responses, sum_hp FROM unit_month_recomputed;
