//! The admin's view of the audit log: filters as typed on the page (dates in the instance's
//! time zone), 50 events a page, newest first. Reading the log is itself not audited: it holds
//! no citizen data beyond account ids.

use super::{accounts::staff::require_admin, audit, error::ServiceError, state::AppState};
use crate::api::admin::AuditEntry;
use crate::auth::Viewer;
use time::{
    format_description::well_known::Iso8601, macros::format_description, Date, OffsetDateTime,
};

use crate::api::admin::AUDIT_PAGE_SIZE as PAGE_SIZE;

/// Searches the log; malformed dates are ignored (the page shows what was applied).
pub async fn search(
    state: &AppState,
    viewer: &Viewer,
    actor: &str,
    action: &str,
    from: &str,
    until: &str,
    page: u32,
) -> Result<Vec<AuditEntry>, ServiceError> {
    require_admin(viewer)?;
    let tz = state.config.time_zone;
    let day = |s: &str| Date::parse(s.trim(), &Iso8601::DATE).ok();
    let millis = |t: OffsetDateTime| (t.unix_timestamp_nanos() / 1_000_000) as i64;
    let filter = audit::AuditFilter {
        actor: actor.trim().to_owned(),
        action: action.trim().to_owned(),
        from: day(from).map(|d| millis(tz.day_bounds_utc(d).0)),
        until: day(until).map(|d| millis(tz.day_bounds_utc(d).1)),
    };
    let rows = audit::search(&state.db, &filter, PAGE_SIZE, i64::from(page) * PAGE_SIZE).await?;
    let format = format_description!("[year]-[month]-[day] [hour]:[minute]:[second]");
    Ok(rows
        .into_iter()
        .map(|r| {
            let when = OffsetDateTime::from_unix_timestamp_nanos(i128::from(r.at) * 1_000_000)
                .map(|t| t.to_offset(tz.offset()))
                .ok()
                .and_then(|t| t.format(&format).ok())
                .unwrap_or_default();
            AuditEntry {
                when,
                actor: r.actor,
                action: r.action,
                subject: r.subject,
                detail: r.detail,
                ip: r.ip,
            }
        })
        .collect())
}
