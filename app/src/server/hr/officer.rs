//! One officer as HR reads them (REFERENCE §4, §5.2): the evidence of the chosen period (score,
//! trend, U6/U7 profile, service record, appraisal: `appraisal::evidence::load`, which writes the
//! request's audit row), the appraisal of every stored period, and every contest with its ruling.

use super::contests;
use crate::api::hr::{HistoryRow, HrOfficer};
use crate::auth::Viewer;
use crate::server::accounts::RequestMeta;
use crate::server::appraisal::{evidence, periods, require_hr};
use crate::server::{error::ServiceError, state::AppState};

/// The drill-down for officer `nip` in `period` (`""` = the latest open one).
pub async fn load(
    state: &AppState,
    viewer: &Viewer,
    nip: &str,
    period: &str,
    meta: &RequestMeta,
) -> Result<HrOfficer, ServiceError> {
    require_hr(viewer)?;
    let evidence = evidence::load(state, viewer, nip, period, meta).await?;
    let (account_id, ..) = evidence::officer_by_nip(state, nip).await?;
    let mut history = Vec::new();
    for p in periods::list(&state.db).await? {
        let appraisal = if p.id == evidence.period.id {
            evidence.appraisal.clone()
        } else {
            evidence::appraisal_of(state, p.id, account_id).await?
        };
        history.push(HistoryRow {
            period: p,
            appraisal,
        });
    }
    let contests = contests::of_officer(state, account_id).await?;
    Ok(HrOfficer {
        evidence,
        history,
        contests,
    })
}
