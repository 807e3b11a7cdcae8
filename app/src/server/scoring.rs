//! Per-officer service scores for a period (REFERENCE §4, §4.1): the exact sums are read from
//! the monthly rollups and their unfolded deltas (`rollup`), the arithmetic is the domain's (`score_from_sums`), and every
//! officer is compared with the mean of their own unit. Beside the score, the objective service
//! record (applications handled, share on time, corrections, working days), and the trend.

pub mod full;
pub mod record;
pub mod rollup;

use crate::domain::officer_score::{
    score_from_sums, OfficerScore, OfficerSums, ResponseRate, ScoringParams, UnitMean,
};
use crate::domain::period::Period;
use crate::server::applications::day_text;
use crate::server::{db::Db, error::ServiceError, settings};
use std::collections::BTreeMap;

/// Key of the scoring parameters setting (JSON of `ScoringParams`; defaults when absent).
pub const PARAMS_KEY: &str = "scoring_params";

/// The parameters in force (REFERENCE §4.1 defaults unless an admin stored others).
pub async fn params(db: &Db) -> Result<ScoringParams, ServiceError> {
    Ok(match settings::get(db, PARAMS_KEY).await? {
        Some(json) => serde_json::from_str(&json).unwrap_or_default(),
        None => ScoringParams::default(),
    })
}

/// One officer's score for a period, with who they are and what it rests on.
#[derive(Clone, Debug)]
pub struct OfficerRow {
    /// Their account.
    pub account_id: i64,
    /// NIP.
    pub nip: String,
    /// Name.
    pub name: String,
    /// Their unit.
    pub unit_id: Option<i64>,
    /// Unit code ("" without a unit).
    pub unit_code: String,
    /// Unit name.
    pub unit_name: String,
    /// The domain's result: a score, or "data belum cukup".
    pub score: OfficerScore,
    /// μ of their unit in the period (every credited response of the unit, each once).
    pub unit_mean: Option<f64>,
    /// Answers that came through their invitations ÷ the services those invitations came
    /// from (completed applications credited to them, counter invitations they issued). Paper
    /// answers count toward the score but not here: no invitation preceded them.
    pub response_rate: Option<ResponseRate>,
}

/// Staff row: account, NIP, name, unit id, unit code, unit name.
pub(crate) type StaffRow = (
    i64,
    String,
    String,
    Option<i64>,
    Option<String>,
    Option<String>,
);

/// Officer rollup sums over the period: account, credited, n, Σhp, Σhp², invited, served.
type SumsRow = (i64, i64, i64, i64, i64, i64, i64);

/// Every officer's score for `period`, optionally for one unit: officers (role `officer`) and
/// anyone else credited with answers in the period. Sorted by unit, then best shrunk score
/// first, then those below the gate. Read from the monthly rollups (a few rows per officer,
/// whatever the number of answers); `full::period_scores_full` recomputes the same from every
/// answer, and the tests hold the two equal. Reads may lag (a replica, when configured).
pub async fn period_scores(
    db: &Db,
    period: &Period,
    unit_code: Option<&str>,
    params: &ScoringParams,
) -> Result<Vec<OfficerRow>, ServiceError> {
    let (first, last) = rollup::month_bounds(period);
    // The deltas have no index (migration 0010): they are read once, uncorrelated, not per
    // officer.
    let wanted = unit_code.map(|c| c.trim().to_uppercase());
    let staff: Vec<StaffRow> = sqlx::query_as(
        "SELECT s.account_id, s.nip, s.full_name, s.unit_id, u.code, u.name
         FROM staff s LEFT JOIN unit u ON u.unit_id = s.unit_id
         WHERE ($3 = '' OR u.code = $3)
           AND (EXISTS (SELECT 1 FROM staff_role r WHERE r.account_id = s.account_id AND r.role = 'officer')
                OR EXISTS (SELECT 1 FROM officer_month_rollup m WHERE m.officer_account_id = s.account_id
                           AND m.month >= $1 AND m.month <= $2 AND m.credited > 0)
                OR s.account_id IN (SELECT m.officer_account_id FROM officer_month_delta m
                                    WHERE m.month >= $1 AND m.month <= $2 AND m.credited > 0))",
    )
    .bind(&first)
    .bind(&last)
    .bind(wanted.as_deref().unwrap_or(""))
    .fetch_all(db.lagging())
    .await?;
    // The folded rows and the unfolded deltas are summed separately and added here: under one
    // GROUP BY over a UNION ALL view PostgreSQL planned a parallel append with a default group
    // estimate, about twice the time of the plain table's query (BENCHMARKS.md, figure 3).
    let mut sums: Vec<SumsRow> = Vec::new();
    let mut units: Vec<(i64, i64, i64)> = Vec::new();
    for (officers, unit_rows) in [
        ("officer_month_rollup", "unit_month_rollup"),
        ("officer_month_delta", "unit_month_delta"),
    ] {
        sums.extend(
            sqlx::query_as::<_, SumsRow>(&format!(
                "SELECT officer_account_id, CAST(SUM(credited) AS BIGINT), CAST(SUM(n) AS BIGINT),
                        CAST(SUM(sum_hp) AS BIGINT), CAST(SUM(sum_sq_hp) AS BIGINT),
                        CAST(SUM(invited) AS BIGINT), CAST(SUM(served) AS BIGINT)
                 FROM {officers} WHERE month >= $1 AND month <= $2 GROUP BY officer_account_id"
            ))
            .bind(&first)
            .bind(&last)
            .fetch_all(db.lagging())
            .await?,
        );
        units.extend(
            sqlx::query_as::<_, (i64, i64, i64)>(&format!(
                "SELECT unit_key, CAST(SUM(responses) AS BIGINT), CAST(SUM(sum_hp) AS BIGINT)
                 FROM {unit_rows} WHERE month >= $1 AND month <= $2 GROUP BY unit_key"
            ))
            .bind(&first)
            .bind(&last)
            .fetch_all(db.lagging())
            .await?,
        );
    }
    let count = |v: i64| u32::try_from(v).map_err(|_| corrupt("a count out of range"));
    let total = |v: i64| u64::try_from(v).map_err(|_| corrupt("a sum out of range"));
    let mut totals: BTreeMap<i64, [i64; 6]> = BTreeMap::new();
    for (officer, credited, n, sum, sum_sq, invited, served) in sums {
        let t = totals.entry(officer).or_default();
        for (slot, v) in t
            .iter_mut()
            .zip([credited, n, sum, sum_sq, invited, served])
        {
            *slot += v;
        }
    }
    let mut by_officer = BTreeMap::new();
    for (officer, [credited, n, sum, sum_sq, invited, served]) in totals {
        let sums = OfficerSums {
            credited: count(credited)?,
            n: count(n)?,
            sum_half_points: total(sum)?,
            sum_sq_half_points: total(sum_sq)?,
        };
        by_officer.insert(officer, (sums, count(invited)?, count(served)?));
    }
    let mut unit_totals: BTreeMap<i64, (i64, i64)> = BTreeMap::new();
    for (unit_key, responses, sum) in units {
        let t = unit_totals.entry(unit_key).or_default();
        (t.0, t.1) = (t.0 + responses, t.1 + sum);
    }
    let mut unit_means = BTreeMap::new();
    for (unit_key, (responses, sum)) in unit_totals {
        unit_means.insert(
            unit_key,
            UnitMean::from_sums(total(sum)?, total(responses)?),
        );
    }
    let mut rows = Vec::with_capacity(staff.len());
    for s in staff {
        let (sums, invited, served) = by_officer.get(&s.0).copied().unwrap_or_default();
        // REFERENCE §4.1: μ is the unit's, over its distinct responses (0: no unit).
        let mu = unit_means.get(&s.3.unwrap_or(0)).copied().flatten();
        let score = score_from_sums(sums, served, mu, params)
            .map_err(|e| ServiceError::Unexpected(e.to_string()))?;
        rows.push(OfficerRow {
            account_id: s.0,
            nip: s.1,
            name: s.2,
            unit_id: s.3,
            unit_code: s.4.unwrap_or_default(),
            unit_name: s.5.unwrap_or_default(),
            score,
            unit_mean: mu.map(|m| m.value()),
            response_rate: ResponseRate::new(invited, served),
        });
    }
    sort_rows(&mut rows);
    Ok(rows)
}

fn corrupt(what: &str) -> ServiceError {
    ServiceError::Unexpected(format!("officer rollups: {what}"))
}

/// By unit, then best shrunk score first, then those below the gate (most answers first).
pub(crate) fn sort_rows(rows: &mut [OfficerRow]) {
    rows.sort_by(|a, b| {
        let shrunk = |r: &OfficerRow| match r.score {
            OfficerScore::Scored(s) => Some(s.shrunk()),
            OfficerScore::InsufficientData { .. } => None,
        };
        a.unit_code
            .cmp(&b.unit_code)
            .then_with(|| match (shrunk(a), shrunk(b)) {
                (Some(x), Some(y)) => y.total_cmp(&x),
                (Some(_), None) => std::cmp::Ordering::Less,
                (None, Some(_)) => std::cmp::Ordering::Greater,
                (None, None) => b.score.n().cmp(&a.score.n()),
            })
            .then_with(|| a.name.cmp(&b.name))
    });
}

/// The responses credited to one officer in `period` (what an appraisal stores as its
/// evidence), oldest first.
pub async fn credited_response_ids(
    db: &Db,
    period: &Period,
    account_id: i64,
) -> Result<Vec<i64>, ServiceError> {
    Ok(sqlx::query_scalar(
        "SELECT c.response_id FROM survey_response_credit c
         JOIN survey_response r ON r.response_id = c.response_id
         WHERE c.officer_account_id = $1 AND r.service_date >= $2 AND r.service_date <= $3
         ORDER BY c.response_id",
    )
    .bind(account_id)
    .bind(day_text(period.first_day()))
    .bind(day_text(period.last_day()))
    .fetch_all(db.read())
    .await?)
}

/// One officer's row for `period` (scored within their unit), if they are an officer.
pub async fn officer_score(
    db: &Db,
    period: &Period,
    account_id: i64,
    params: &ScoringParams,
) -> Result<Option<OfficerRow>, ServiceError> {
    let unit: Option<Option<String>> = sqlx::query_scalar(
        "SELECT u.code FROM staff s LEFT JOIN unit u ON u.unit_id = s.unit_id WHERE s.account_id = $1",
    )
    .bind(account_id)
    .fetch_optional(db.read())
    .await?;
    let Some(unit) = unit else { return Ok(None) };
    let rows = period_scores(db, period, unit.as_deref(), params).await?;
    Ok(rows.into_iter().find(|r| r.account_id == account_id))
}
