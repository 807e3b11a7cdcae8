//! The supervisor's list (REFERENCE §5): the officers they appraise (`staff.supervisor_account_id`)
//! for one period, each with their score (n, shrunk score and interval, or "data belum cukup"),
//! the portal's suggestion and where their appraisal stands. Each read is audited (§6).

use super::evidence::{period_view, score_view};
use crate::api::appraisal::{SupervisedList, SupervisedOfficer};
use crate::auth::{Role, Viewer};
use crate::domain::appraisal::Predikat;
use crate::server::scoring::{self, OfficerRow};
use crate::server::{accounts::RequestMeta, audit, error::ServiceError, state::AppState};
use std::collections::BTreeMap;

/// Account, NIP, name, unit code, unit name.
type StaffRow = (i64, String, String, Option<String>, Option<String>);

/// The officers `viewer` supervises, for `period_name` (`""`: the latest open period).
pub async fn list(
    state: &AppState,
    viewer: &Viewer,
    period_name: &str,
    meta: &RequestMeta,
) -> Result<SupervisedList, ServiceError> {
    let me = match viewer {
        Viewer::Anonymous => return Err(ServiceError::Unauthorized),
        v @ Viewer::Staff { account_id, .. } if v.has_role(Role::Supervisor) => *account_id,
        _ => return Err(ServiceError::Forbidden),
    };
    let (calendar, period) = period_view(state, period_name).await?;
    let staff: Vec<StaffRow> = sqlx::query_as(
        "SELECT s.account_id, s.nip, s.full_name, u.code, u.name
         FROM staff s JOIN account a ON a.account_id = s.account_id
         LEFT JOIN unit u ON u.unit_id = s.unit_id
         WHERE s.supervisor_account_id = $1 AND a.active = 1 ORDER BY s.full_name, s.nip",
    )
    .bind(me)
    .fetch_all(state.db.read())
    .await?;
    let params = scoring::params(&state.db).await?;
    // One scoring pass per unit: every officer is compared with their own unit's mean.
    let mut scored: BTreeMap<i64, OfficerRow> = BTreeMap::new();
    let mut units: Vec<&str> = staff.iter().filter_map(|s| s.3.as_deref()).collect();
    units.sort_unstable();
    units.dedup();
    for unit in units {
        for row in scoring::period_scores(&state.db, &calendar, Some(unit), &params).await? {
            scored.insert(row.account_id, row);
        }
    }
    for s in staff.iter().filter(|s| s.3.is_none()) {
        if let Some(row) = scoring::officer_score(&state.db, &calendar, s.0, &params).await? {
            scored.insert(row.account_id, row);
        }
    }
    let appraisals: Vec<(i64, String, i64)> = sqlx::query_as(
        "SELECT a.officer_account_id, a.predikat,
                (SELECT COUNT(*) FROM appraisal_contest c WHERE c.appraisal_id = a.appraisal_id AND c.decision IS NULL)
         FROM appraisal a WHERE a.period_id = $1",
    )
    .bind(period.id)
    .fetch_all(state.db.read())
    .await?;
    let appraisals: BTreeMap<i64, (Option<Predikat>, bool)> = appraisals
        .into_iter()
        .map(|(officer, predikat, pending)| {
            (officer, (Predikat::parse(&predikat).ok(), pending > 0))
        })
        .collect();
    let officers = staff
        .into_iter()
        .map(|(account_id, nip, name, _, unit_name)| {
            let (predikat, pending_contest) = appraisals
                .get(&account_id)
                .copied()
                .unwrap_or((None, false));
            SupervisedOfficer {
                nip,
                name,
                unit_name: unit_name.unwrap_or_default(),
                score: score_view(scored.get(&account_id), &params),
                appraised: appraisals.contains_key(&account_id),
                predikat,
                pending_contest,
            }
        })
        .collect::<Vec<_>>();
    let mut conn = state.db.write().acquire().await?;
    audit::record(
        &mut conn,
        &meta.actor(viewer),
        "appraisal.list_viewed",
        Some(&format!("period:{}", period.name)),
        Some(&format!("{} officers", officers.len())),
    )
    .await?;
    Ok(SupervisedList { period, officers })
}
