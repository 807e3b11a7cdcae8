//! Per-officer service scores for a period (REFERENCE §4, §4.1): the credits are loaded here,
//! the arithmetic is the domain's (`domain::officer_score::score_unit`), per unit so every
//! officer is compared with the mean of their own unit. Beside the score, the objective service
//! record (applications handled, share on time, corrections, working days), and the trend.

pub mod record;

use crate::domain::officer_score::{
    score_unit, CreditedResponse, OfficerCredits, OfficerScore, ResponseRate, ScoringParams,
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
    /// The responses credited to them in the period (what an appraisal stores as evidence).
    pub response_ids: Vec<i64>,
    /// Answers that came through their invitations ÷ the services those invitations came
    /// from (completed applications credited to them, counter invitations they issued). Paper
    /// answers count toward the score but not here: no invitation preceded them.
    pub response_rate: Option<ResponseRate>,
}

/// Staff row: account, NIP, name, unit id, unit code, unit name.
type StaffRow = (
    i64,
    String,
    String,
    Option<i64>,
    Option<String>,
    Option<String>,
);
/// Credit row: officer, response, U6, U7, channel.
type CreditRow = (i64, i64, Option<i64>, Option<i64>, String);

/// Every officer's score for `period`, optionally for one unit: officers (role `officer`) and
/// anyone else credited with answers in the period. Sorted by unit, then best shrunk score
/// first, then those below the gate.
pub async fn period_scores(
    db: &Db,
    period: &Period,
    unit_code: Option<&str>,
    params: &ScoringParams,
) -> Result<Vec<OfficerRow>, ServiceError> {
    let (first, last) = (day_text(period.first_day()), day_text(period.last_day()));
    let credits: Vec<CreditRow> = sqlx::query_as(
        "SELECT c.officer_account_id, r.response_id, r.u6, r.u7, r.channel
         FROM survey_response_credit c JOIN survey_response r ON r.response_id = c.response_id
         WHERE r.service_date >= $1 AND r.service_date <= $2 ORDER BY r.response_id",
    )
    .bind(&first)
    .bind(&last)
    .fetch_all(db.read())
    .await?;
    let completed = record::completed_credited(db, period).await?;
    let staff: Vec<StaffRow> = sqlx::query_as(
        "SELECT s.account_id, s.nip, s.full_name, s.unit_id, u.code, u.name
         FROM staff s LEFT JOIN unit u ON u.unit_id = s.unit_id
         WHERE EXISTS (SELECT 1 FROM staff_role r WHERE r.account_id = s.account_id AND r.role = 'officer')
            OR EXISTS (SELECT 1 FROM survey_response_credit c JOIN survey_response sr ON sr.response_id = c.response_id
                       WHERE c.officer_account_id = s.account_id AND sr.service_date >= $1 AND sr.service_date <= $2)",
    )
    .bind(&first)
    .bind(&last)
    .fetch_all(db.read())
    .await?;
    let wanted = unit_code.map(|c| c.trim().to_uppercase());
    let staff: Vec<StaffRow> = staff
        .into_iter()
        .filter(|s| wanted.as_deref().is_none_or(|w| s.4.as_deref() == Some(w)))
        .collect();
    // Credits per officer; a unit's officers are scored together (REFERENCE §4.1: μ is the
    // unit's, each response once).
    let mut by_officer: BTreeMap<i64, Vec<CreditedResponse>> = BTreeMap::new();
    let mut invited: BTreeMap<i64, u32> = BTreeMap::new();
    for (officer, response_id, u6, u7, channel) in credits {
        if channel != "paper" {
            *invited.entry(officer).or_default() += 1;
        }
        let to_u8 = |v: Option<i64>| v.and_then(|v| u8::try_from(v).ok());
        let response = CreditedResponse::new(response_id, to_u8(u6), to_u8(u7))
            .map_err(|e| ServiceError::Unexpected(e.to_string()))?;
        by_officer.entry(officer).or_default().push(response);
    }
    let mut units: BTreeMap<Option<i64>, BTreeMap<i64, OfficerCredits>> = BTreeMap::new();
    for s in &staff {
        units.entry(s.3).or_default().insert(
            s.0,
            OfficerCredits {
                responses: by_officer.get(&s.0).cloned().unwrap_or_default(),
                completed_applications: completed.get(&s.0).copied().unwrap_or(0),
            },
        );
    }
    let mut rows = Vec::with_capacity(staff.len());
    for (unit_id, officers) in &units {
        let scored =
            score_unit(officers, params).map_err(|e| ServiceError::Unexpected(e.to_string()))?;
        for s in staff.iter().filter(|s| s.3 == *unit_id) {
            let Some(score) = scored.officers.get(&s.0) else {
                continue;
            };
            rows.push(OfficerRow {
                account_id: s.0,
                nip: s.1.clone(),
                name: s.2.clone(),
                unit_id: s.3,
                unit_code: s.4.clone().unwrap_or_default(),
                unit_name: s.5.clone().unwrap_or_default(),
                score: *score,
                unit_mean: scored.unit_mean.map(|m| m.value()),
                response_ids: officers[&s.0]
                    .responses
                    .iter()
                    .map(|r| r.response_id)
                    .collect(),
                response_rate: ResponseRate::new(
                    invited.get(&s.0).copied().unwrap_or(0),
                    completed.get(&s.0).copied().unwrap_or(0),
                ),
            });
        }
    }
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
    Ok(rows)
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
