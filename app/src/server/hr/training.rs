//! Training needs (REFERENCE §5.3: "the officer's weakest unsur and behaviour"): for every
//! officer above the gate, the weaker of U6 (competence) and U7 (courtesy) in the answers
//! credited to them, beside their unit's lowest unsur of all nine (what the unit's system needs,
//! not the person) and the work behaviour their supervisor rated. Below the gate the portal
//! suggests nothing (REFERENCE §4.1), so those officers are not listed. NRRs are the domain's
//! (`domain::skm::compute_index`), exact and rounded once.

use super::Appraised;
use crate::api::hr::{OfficerRef, TrainingRow};
use crate::domain::officer_score::{Expectation, OfficerScore};
use crate::domain::period::Period;
use crate::domain::skm::{compute_index, Answers, Mutu, Score, Unsur};
use crate::server::applications::day_text;
use crate::server::scoring;
use crate::server::{error::ServiceError, state::AppState};
use std::collections::BTreeMap;

fn score(v: Option<i64>) -> Option<Score> {
    v.and_then(|v| u8::try_from(v).ok())
        .and_then(|v| Score::try_from(v).ok())
}

/// Each unit's lowest unsur in `period`, with its NRR (2 decimals).
async fn unit_lowest(
    state: &AppState,
    period: &Period,
) -> Result<BTreeMap<i64, (Unsur, f64)>, ServiceError> {
    type Row = (
        i64,
        Option<i64>,
        Option<i64>,
        Option<i64>,
        Option<i64>,
        Option<i64>,
        Option<i64>,
        Option<i64>,
        Option<i64>,
        Option<i64>,
    );
    let rows: Vec<Row> = sqlx::query_as(
        "SELECT unit_id, u1, u2, u3, u4, u5, u6, u7, u8, u9 FROM survey_response
         WHERE service_date >= $1 AND service_date <= $2",
    )
    .bind(day_text(period.first_day()))
    .bind(day_text(period.last_day()))
    .fetch_all(state.db.read())
    .await?;
    let mut by_unit: BTreeMap<i64, Vec<Answers>> = BTreeMap::new();
    for (unit, u1, u2, u3, u4, u5, u6, u7, u8, u9) in rows {
        let cells = [u1, u2, u3, u4, u5, u6, u7, u8, u9];
        let pairs = Unsur::ALL
            .into_iter()
            .zip(cells)
            .filter_map(|(u, v)| score(v).map(|s| (u, s)));
        if let Ok(a) = Answers::from_pairs(pairs) {
            by_unit.entry(unit).or_default().push(a);
        }
    }
    Ok(by_unit
        .into_iter()
        .filter_map(|(unit, answers)| {
            let result = compute_index(&answers)?;
            let lowest = *result.lowest_unsur().first()?;
            Some((unit, (lowest, result.nrr_rounded(lowest)?)))
        })
        .collect())
}

/// Training needs in `period`, weakest first.
pub async fn needs(
    state: &AppState,
    period: &Period,
    appraised: &BTreeMap<i64, Appraised>,
) -> Result<Vec<TrainingRow>, ServiceError> {
    let params = scoring::params(&state.db).await?;
    let rows = scoring::period_scores(&state.db, period, None, &params).await?;
    let credits: Vec<(i64, Option<i64>, Option<i64>)> = sqlx::query_as(
        "SELECT c.officer_account_id, r.u6, r.u7 FROM survey_response_credit c
         JOIN survey_response r ON r.response_id = c.response_id
         WHERE r.service_date >= $1 AND r.service_date <= $2",
    )
    .bind(day_text(period.first_day()))
    .bind(day_text(period.last_day()))
    .fetch_all(state.db.read())
    .await?;
    let mut answers: BTreeMap<i64, Vec<Answers>> = BTreeMap::new();
    for (officer, u6, u7) in credits {
        let pairs = [(Unsur::U6, score(u6)), (Unsur::U7, score(u7))];
        let pairs = pairs.into_iter().filter_map(|(u, s)| s.map(|s| (u, s)));
        if let Ok(a) = Answers::from_pairs(pairs) {
            answers.entry(officer).or_default().push(a);
        }
    }
    let lowest = unit_lowest(state, period).await?;
    let mut out = Vec::new();
    for row in rows {
        let OfficerScore::Scored(s) = row.score else {
            continue;
        };
        let Some(result) = answers.get(&row.account_id).and_then(|a| compute_index(a)) else {
            continue;
        };
        let (u6, u7) = (result.nrr_rounded(Unsur::U6), result.nrr_rounded(Unsur::U7));
        // The domain orders exactly, ties in code order (U6 first).
        let Some(&weakest) = result.lowest_unsur().first() else {
            continue;
        };
        let weakest_nrr = result.nrr_rounded(weakest).unwrap_or_default();
        let perilaku = appraised.get(&row.account_id).map(|a| a.perilaku_kerja);
        let below_b = matches!(result.unsur_mutu(weakest), Some(Mutu::C | Mutu::D));
        out.push(TrainingRow {
            officer: OfficerRef {
                nip: row.nip.clone(),
                name: row.name.clone(),
                unit_code: row.unit_code.clone(),
                unit_name: row.unit_name.clone(),
            },
            n: s.n(),
            u6,
            u7,
            weakest,
            weakest_nrr,
            unit_weakest: row.unit_id.and_then(|u| lowest.get(&u).copied()),
            perilaku_kerja: perilaku,
            priority: below_b || perilaku == Some(Expectation::DiBawah),
        });
    }
    out.sort_by(|a, b| {
        a.weakest_nrr
            .total_cmp(&b.weakest_nrr)
            .then_with(|| a.officer.name.cmp(&b.officer.name))
    });
    Ok(out)
}
