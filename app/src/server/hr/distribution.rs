//! The periods page's data (REFERENCE §5.3): the stored periods, each unit's organisation rating
//! for the chosen period (HR sets it, `unit_org_rating`) and how the unit's predikat are spread,
//! with the warnings of `domain::appraisal::check_distribution`. The portal warns; it does not
//! block an appraisal. Only counts are shown here, so reading the page is not audited.

use crate::api::hr::{HrPeriodsPage, RuleKind, UnitDistribution, WarningView};
use crate::auth::Viewer;
use crate::domain::appraisal::{
    check_distribution, DistributionRule, OrgRating, Predikat, PredikatCounts,
};
use crate::domain::period::Period;
use crate::forms::field_error;
use crate::i18n::{hr as tx, I18n};
use crate::server::accounts::RequestMeta;
use crate::server::applications::today;
use crate::server::appraisal::{periods, require_hr};
use crate::server::{audit, db::now_millis, error::ServiceError, state::AppState};
use serde::Deserialize;
use std::collections::BTreeMap;

/// The warning as the page shows it.
pub fn warning_view(w: &crate::domain::appraisal::DistributionWarning) -> WarningView {
    let (kind, group, percent) = match &w.rule {
        DistributionRule::AtMost { group, percent } => (RuleKind::AtMost, group, percent.get()),
        DistributionRule::AtLeast { group, percent } => (RuleKind::AtLeast, group, percent.get()),
        DistributionRule::AtLeastOne { group } => (RuleKind::AtLeastOne, group, 0),
    };
    WarningView {
        kind,
        group: group.clone(),
        percent,
        count: w.count,
        total: w.total,
    }
}

/// The period to suggest opening: the current calendar period if it is not stored yet, else
/// the one after the newest stored period.
fn suggested(
    state: &AppState,
    kind: crate::domain::period::PeriodKind,
    stored: &[String],
) -> String {
    let mut candidate = Period::containing(today(state), kind).ok();
    while let Some(p) = candidate.filter(|p| stored.contains(&p.to_string())) {
        candidate = Period::containing(p.last_day() + time::Duration::days(1), kind).ok();
    }
    candidate.map(|p| p.to_string()).unwrap_or_default()
}

/// Each active unit's rating, counts and warnings in stored period `period_id`.
pub async fn units_in(
    state: &AppState,
    period_id: i64,
) -> Result<Vec<UnitDistribution>, ServiceError> {
    let units: Vec<(i64, String, String)> =
        sqlx::query_as("SELECT unit_id, code, name FROM unit WHERE active = 1 ORDER BY code")
            .fetch_all(state.db.read())
            .await?;
    let ratings: BTreeMap<i64, String> =
        sqlx::query_as("SELECT unit_id, rating FROM unit_org_rating WHERE period_id = $1")
            .bind(period_id)
            .fetch_all(state.db.read())
            .await?
            .into_iter()
            .collect();
    let rows: Vec<(Option<i64>, String, i64)> = sqlx::query_as(
        "SELECT unit_id, predikat, COUNT(*) FROM appraisal WHERE period_id = $1 GROUP BY unit_id, predikat",
    )
    .bind(period_id)
    .fetch_all(state.db.read())
    .await?;
    let mut counts: BTreeMap<i64, PredikatCounts> = BTreeMap::new();
    for (unit, code, n) in rows {
        let (Some(unit), Ok(p)) = (unit, Predikat::parse(&code)) else {
            continue;
        };
        let slot = counts.entry(unit).or_default();
        for _ in 0..n {
            slot.add(p);
        }
    }
    Ok(units
        .into_iter()
        .map(|(id, code, name)| {
            let rating = ratings.get(&id).and_then(|r| OrgRating::parse(r).ok());
            let counts = counts.get(&id).copied().unwrap_or_default();
            let warnings = rating
                .map(|r| {
                    check_distribution(r, &counts)
                        .iter()
                        .map(warning_view)
                        .collect()
                })
                .unwrap_or_default();
            UnitDistribution {
                code,
                name,
                rating,
                counts,
                warnings,
            }
        })
        .collect())
}

/// The periods page for `period` (`""` = the latest open one).
pub async fn page(
    state: &AppState,
    viewer: &Viewer,
    period: &str,
) -> Result<HrPeriodsPage, ServiceError> {
    require_hr(viewer)?;
    let kind = periods::kind(&state.db).await?;
    let list = periods::list(&state.db).await?;
    let names: Vec<String> = list.iter().map(|p| p.name.clone()).collect();
    let chosen = periods::chosen(&state.db, period).await?;
    let chosen = chosen.and_then(|c| list.iter().find(|p| p.id == c.id).cloned());
    let units = match &chosen {
        Some(p) => units_in(state, p.id).await?,
        None => Vec::new(),
    };
    Ok(HrPeriodsPage {
        kind,
        suggested: suggested(state, kind, &names),
        periods: list,
        chosen,
        units,
    })
}

/// The organisation rating form of one unit.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct OrgRatingInput {
    /// Unit code.
    pub unit: String,
    /// `istimewa`, `baik`, `butuh_perbaikan`, `kurang` or `sangat_kurang`.
    pub rating: String,
}

impl OrgRatingInput {
    /// What was typed, keyed as the page reads it back (one form per unit).
    pub fn echo(&self) -> Vec<(String, String)> {
        vec![(format!("rating_{}", self.unit.trim()), self.rating.clone())]
    }
}

/// Sets a unit's organisation rating for a stored period (HR). Allowed in a closed period as
/// well: the organisation's rating is often published after the staff appraisals.
pub async fn set_org_rating(
    state: &AppState,
    viewer: &Viewer,
    period: &str,
    input: &OrgRatingInput,
    meta: &RequestMeta,
    i18n: I18n,
) -> Result<String, ServiceError> {
    let hr = require_hr(viewer)?;
    let stored = periods::find(&state.db, period)
        .await?
        .ok_or(ServiceError::NotFound)?;
    let code = input.unit.trim().to_uppercase();
    let unit: Option<i64> = sqlx::query_scalar("SELECT unit_id FROM unit WHERE code = $1")
        .bind(&code)
        .fetch_optional(state.db.read())
        .await?;
    let unit = unit.ok_or(ServiceError::NotFound)?;
    let rating = OrgRating::parse(input.rating.trim()).map_err(|_| {
        ServiceError::Validation(vec![field_error(
            &format!("rating_{code}"),
            i18n.t(tx::ORG_RATING_REQUIRED),
        )])
    })?;
    let mut tx = state.db.begin().await?;
    sqlx::query(
        "INSERT INTO unit_org_rating (period_id, unit_id, rating, set_by, updated_at)
         VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (period_id, unit_id) DO UPDATE
         SET rating = excluded.rating, set_by = excluded.set_by, updated_at = excluded.updated_at",
    )
    .bind(stored.id)
    .bind(unit)
    .bind(rating.code())
    .bind(hr)
    .bind(now_millis())
    .execute(&mut *tx)
    .await?;
    audit::record(
        &mut tx,
        &meta.actor(viewer),
        "appraisal.org_rating_set",
        Some(&format!("unit:{code}")),
        Some(&format!("{} {}", stored.period, rating.code())),
    )
    .await?;
    tx.commit().await?;
    Ok(stored.period.to_string())
}
