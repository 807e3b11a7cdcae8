//! The officer scores of a period recomputed from every credited answer, without the rollups:
//! the reference the rollup-based `period_scores` must always equal (tests, `sigap rollups
//! verify`). The arithmetic is the domain's `score_unit`, per unit, so μ is each unit's own.

use super::{record, sort_rows, OfficerRow, StaffRow};
use crate::domain::officer_score::{
    score_unit, CreditedResponse, OfficerCredits, ResponseRate, ScoringParams,
};
use crate::domain::period::Period;
use crate::server::applications::day_text;
use crate::server::{db::Db, error::ServiceError};
use std::collections::BTreeMap;

/// Credit row: officer, response, U6, U7, channel.
type CreditRow = (i64, i64, Option<i64>, Option<i64>, String);

/// What `super::period_scores` returns, computed from the raw answers.
pub async fn period_scores_full(
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
    .fetch_all(db.write())
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
    .fetch_all(db.write())
    .await?;
    let wanted = unit_code.map(|c| c.trim().to_uppercase());
    let staff: Vec<StaffRow> = staff
        .into_iter()
        .filter(|s| wanted.as_deref().is_none_or(|w| s.4.as_deref() == Some(w)))
        .collect();
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
    // A unit's officers are scored together (REFERENCE §4.1: μ is the unit's, each response once).
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
                response_rate: ResponseRate::new(
                    invited.get(&s.0).copied().unwrap_or(0),
                    completed.get(&s.0).copied().unwrap_or(0),
                ),
            });
        }
    }
    sort_rows(&mut rows);
    Ok(rows)
}
