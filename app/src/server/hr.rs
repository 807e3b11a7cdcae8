//! HR's (BKPSDM) side of officer scores and appraisals (REFERENCE §4, §5.3): the ranking of a
//! period, one officer across periods, contests and their rulings, the periods with each unit's
//! organisation rating and distribution of predikat, the follow-up lists and their downloads.
//!
//! Everything here is HR only (`appraisal::require_hr`). Each request that shows officers' appraisals
//! writes one audit row (REFERENCE §6): `appraisal.ranking_viewed`, `appraisal.followup_viewed`,
//! `appraisal.exported`, and the drill-down's `appraisal.viewed` (written by
//! [`evidence::load`]).

pub mod contests;
pub mod distribution;
pub mod export;
pub mod followup;
pub mod officer;
pub mod ranking;
pub mod training;

use crate::api::appraisal::PeriodView;
use crate::api::hr::OfficerRef;
use crate::auth::Viewer;
use crate::domain::appraisal::Predikat;
use crate::domain::officer_score::Expectation;
use crate::domain::period::Period;
use crate::server::accounts::RequestMeta;
use crate::server::appraisal::evidence;
use crate::server::{audit, error::ServiceError, state::AppState};
use std::collections::BTreeMap;

/// The period HR asked for: the stored one named, else (empty) the latest open one, else the
/// calendar period containing today. A stored period has an id; a calendar one has id 0 and no
/// appraisals.
pub async fn chosen_period(
    state: &AppState,
    name: &str,
) -> Result<(Period, PeriodView), ServiceError> {
    evidence::period_view(state, name).await
}

/// One audit row for a request that showed officers' appraisals.
pub async fn audit_read(
    state: &AppState,
    viewer: &Viewer,
    meta: &RequestMeta,
    action: &str,
    period: &str,
    detail: &str,
) -> Result<(), ServiceError> {
    let mut conn = state.db.write().acquire().await?;
    audit::record(
        &mut conn,
        &meta.actor(viewer),
        action,
        Some(&format!("period:{period}")),
        Some(detail),
    )
    .await
}

/// A saved appraisal as the lists read it.
#[derive(Clone, Debug)]
pub struct Appraised {
    /// The officer's account.
    pub account_id: i64,
    /// Who.
    pub officer: OfficerRef,
    /// Work results.
    pub hasil_kerja: Expectation,
    /// Work behaviour.
    pub perilaku_kerja: Expectation,
    /// The predikat.
    pub predikat: Predikat,
}

/// Appraisal row: officer, NIP, name, unit code, unit name, hasil, perilaku, predikat.
type AppraisedRow = (
    i64,
    String,
    String,
    Option<String>,
    Option<String>,
    String,
    String,
    String,
);

/// Every appraisal of a stored period, by officer account (none for id 0).
pub async fn appraisals_in(
    state: &AppState,
    period_id: i64,
) -> Result<BTreeMap<i64, Appraised>, ServiceError> {
    let rows: Vec<AppraisedRow> = sqlx::query_as(
        "SELECT a.officer_account_id, s.nip, s.full_name, u.code, u.name, a.hasil_kerja, a.perilaku_kerja, a.predikat
         FROM appraisal a JOIN staff s ON s.account_id = a.officer_account_id
         LEFT JOIN unit u ON u.unit_id = s.unit_id
         WHERE a.period_id = $1 ORDER BY s.full_name, s.nip",
    )
    .bind(period_id)
    .fetch_all(state.db.read())
    .await?;
    let unexpected = |e: String| ServiceError::Unexpected(e);
    rows.into_iter()
        .map(|(id, nip, name, code, unit, hasil, perilaku, predikat)| {
            Ok((
                id,
                Appraised {
                    account_id: id,
                    officer: OfficerRef {
                        nip,
                        name,
                        unit_code: code.unwrap_or_default(),
                        unit_name: unit.unwrap_or_default(),
                    },
                    hasil_kerja: Expectation::parse(&hasil)
                        .map_err(|e| unexpected(e.to_string()))?,
                    perilaku_kerja: Expectation::parse(&perilaku)
                        .map_err(|e| unexpected(e.to_string()))?,
                    predikat: Predikat::parse(&predikat).map_err(|e| unexpected(e.to_string()))?,
                },
            ))
        })
        .collect()
}
