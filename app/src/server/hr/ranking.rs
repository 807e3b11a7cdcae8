//! The HR dashboard (REFERENCE §4, §4.1): every officer of a period ranked by shrunk score, each
//! number with its n and 95% interval, the unit mean, the suggestion, the response rate and the
//! predikat if appraised; officers below the gate ("data belum cukup") after them, without a
//! number. The figures are `scoring::period_scores`', the same `sigap report officers` prints.
//!
//! Officers are scored within their own unit (μ is the unit's) and then ranked together by the
//! shrunk score; the rank is the position among the officers shown after filtering.

use super::{appraisals_in, audit_read, chosen_period};
use crate::api::appraisal::PeriodView;
use crate::api::hr::{Choice, HrRanking, OfficerRef, RankedOfficer, RankingFilter};
use crate::auth::Viewer;
use crate::domain::appraisal::{Predikat, PredikatCounts};
use crate::domain::officer_score::OfficerScore;
use crate::domain::period::Period;
use crate::i18n::I18n;
use crate::server::accounts::RequestMeta;
use crate::server::applications::day_text;
use crate::server::appraisal::{evidence::score_view, periods, require_hr};
use crate::server::scoring::{self, OfficerRow};
use crate::server::{error::ServiceError, state::AppState};
use std::collections::BTreeSet;

/// The dashboard for `period` (`""` = the latest open one), filtered; one audit row.
pub async fn ranking(
    state: &AppState,
    viewer: &Viewer,
    period: &str,
    filter: &RankingFilter,
    meta: &RequestMeta,
    i18n: I18n,
) -> Result<HrRanking, ServiceError> {
    require_hr(viewer)?;
    let (calendar, view) = chosen_period(state, period).await?;
    let page = build(state, &calendar, view, filter, i18n).await?;
    let shown = page.ranked.len() + page.insufficient.len();
    audit_read(
        state,
        viewer,
        meta,
        "appraisal.ranking_viewed",
        &page.period.name,
        &format!("officers={shown}"),
    )
    .await?;
    Ok(page)
}

/// Which predikat the filter asks for: `None` = any, `Some(None)` = not appraised. An unknown
/// code (a hand-edited address) filters nothing rather than hiding everyone.
fn predikat_filter(code: &str) -> Option<Option<Predikat>> {
    match code.trim() {
        "" => None,
        "none" => Some(None),
        other => Predikat::parse(other).ok().map(Some),
    }
}

/// Accounts credited with answers about service `code` whose service date falls in `period`.
async fn credited_for_service(
    state: &AppState,
    period: &Period,
    code: &str,
) -> Result<BTreeSet<i64>, ServiceError> {
    let ids: Vec<i64> = sqlx::query_scalar(
        "SELECT DISTINCT c.officer_account_id FROM survey_response_credit c
         JOIN survey_response r ON r.response_id = c.response_id
         JOIN service_type s ON s.service_type_id = r.service_type_id
         WHERE s.code = $1 AND r.service_date >= $2 AND r.service_date <= $3",
    )
    .bind(code.trim().to_uppercase())
    .bind(day_text(period.first_day()))
    .bind(day_text(period.last_day()))
    .fetch_all(state.db.lagging())
    .await?;
    Ok(ids.into_iter().collect())
}

fn shrunk_of(row: &OfficerRow) -> Option<f64> {
    match row.score {
        OfficerScore::Scored(s) => Some(s.shrunk()),
        OfficerScore::InsufficientData { .. } => None,
    }
}

/// The dashboard's content, without access check or audit (the export shares it).
pub async fn build(
    state: &AppState,
    calendar: &Period,
    view: PeriodView,
    filter: &RankingFilter,
    i18n: I18n,
) -> Result<HrRanking, ServiceError> {
    let params = scoring::params(&state.db).await?;
    let rows = scoring::period_scores(&state.db, calendar, None, &params).await?;
    let appraised = appraisals_in(state, view.id).await?;
    let for_service = match filter.service.trim() {
        "" => None,
        code => Some(credited_for_service(state, calendar, code).await?),
    };
    let unit = filter.unit.trim().to_uppercase();
    let wanted_predikat = predikat_filter(&filter.predikat);
    let mut shown: Vec<(OfficerRow, Option<Predikat>)> = rows
        .into_iter()
        .map(|row| {
            let predikat = appraised.get(&row.account_id).map(|a| a.predikat);
            (row, predikat)
        })
        .filter(|(row, predikat)| {
            (unit.is_empty() || row.unit_code == unit)
                && for_service
                    .as_ref()
                    .is_none_or(|ids| ids.contains(&row.account_id))
                && wanted_predikat.is_none_or(|w| w == *predikat)
                && (!filter.insufficient || shrunk_of(row).is_none())
        })
        .collect();
    // Best shrunk score first on the unrounded value; below the gate, most answers first.
    shown.sort_by(|(a, _), (b, _)| match (shrunk_of(a), shrunk_of(b)) {
        (Some(x), Some(y)) => y.total_cmp(&x).then_with(|| a.name.cmp(&b.name)),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => b
            .score
            .n()
            .cmp(&a.score.n())
            .then_with(|| a.name.cmp(&b.name)),
    });
    let mut counts = PredikatCounts::default();
    let mut not_appraised = 0;
    let (mut ranked, mut insufficient) = (Vec::new(), Vec::new());
    for (row, predikat) in &shown {
        match predikat {
            Some(p) => counts.add(*p),
            None => not_appraised += 1,
        }
        let scored = shrunk_of(row).is_some();
        let officer = RankedOfficer {
            rank: scored.then(|| u32::try_from(ranked.len() + 1).unwrap_or(u32::MAX)),
            officer: OfficerRef {
                nip: row.nip.clone(),
                name: row.name.clone(),
                unit_code: row.unit_code.clone(),
                unit_name: row.unit_name.clone(),
            },
            score: score_view(Some(row), &params),
            predikat: *predikat,
        };
        if scored {
            ranked.push(officer);
        } else {
            insufficient.push(officer);
        }
    }
    let units: Vec<(String, String)> = sqlx::query_as("SELECT code, name FROM unit ORDER BY code")
        .fetch_all(state.db.lagging())
        .await?;
    let services: Vec<(String, String, String)> =
        sqlx::query_as("SELECT code, name_id, name_en FROM service_type ORDER BY code")
            .fetch_all(state.db.lagging())
            .await?;
    Ok(HrRanking {
        period: view,
        periods: periods::list(&state.db).await?,
        units: units
            .into_iter()
            .map(|(code, name)| Choice { code, name })
            .collect(),
        services: services
            .into_iter()
            .map(|(code, id, en)| Choice {
                code,
                name: crate::pages::catalog::pick(i18n, &id, &en),
            })
            .collect(),
        filter: filter.clone(),
        ranked,
        insufficient,
        counts,
        not_appraised,
        pending: super::contests::pending(state).await?,
    })
}
