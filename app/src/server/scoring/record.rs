//! The objective service record beside an officer's score (REFERENCE §4): applications
//! handled, how many of those credited to them completed within the service's standard time,
//! corrections requested, and working days used.

use crate::domain::period::Period;
use crate::domain::tz::TimeZone;
use crate::server::applications::day_text;
use crate::server::{db::Db, error::ServiceError};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// An officer's service record in a period.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ServiceRecord {
    /// Applications they took a step on in the period.
    pub handled: u32,
    /// Applications credited to them that completed in the period.
    pub completed: u32,
    /// Of those, finished within the service's completion time.
    pub on_time: u32,
    /// Correction requests they sent in the period.
    pub corrections: u32,
    /// Mean working days used by their completed applications (one decimal), if any.
    pub avg_working_days: Option<f64>,
    /// Counter invitations they issued in the period.
    pub counter_invitations: u32,
}

impl ServiceRecord {
    /// Share completed on time, in percent (one decimal), if any completed.
    pub fn on_time_share(&self) -> Option<f64> {
        (self.completed > 0)
            .then(|| (f64::from(self.on_time) * 1000.0 / f64::from(self.completed)).round() / 10.0)
    }
}

/// Per officer: applications credited to them that completed in `period`, plus counter
/// invitations they issued — the services their credited answers can come from (the
/// denominator of the response rate, REFERENCE §4.1).
pub async fn completed_credited(
    db: &Db,
    period: &Period,
) -> Result<BTreeMap<i64, u32>, ServiceError> {
    let (first, last) = (day_text(period.first_day()), day_text(period.last_day()));
    let rows: Vec<(i64, i64)> = sqlx::query_as(
        "SELECT officer, COUNT(*) FROM (
             SELECT c.officer_account_id AS officer FROM application_credit c
             JOIN application a ON a.application_id = c.application_id
             WHERE a.state = 'completed' AND a.finished_on >= $1 AND a.finished_on <= $2
             UNION ALL
             SELECT officer_account_id AS officer FROM survey_invitation
             WHERE channel = 'counter' AND service_date >= $1 AND service_date <= $2
         ) served GROUP BY officer",
    )
    .bind(&first)
    .bind(&last)
    .fetch_all(db.read())
    .await?;
    Ok(rows
        .into_iter()
        .map(|(o, n)| (o, u32::try_from(n).unwrap_or(u32::MAX)))
        .collect())
}

/// One officer's record for `period`.
pub async fn service_record(
    db: &Db,
    tz: TimeZone,
    period: &Period,
    account_id: i64,
) -> Result<ServiceRecord, ServiceError> {
    let (first, last) = (day_text(period.first_day()), day_text(period.last_day()));
    let (start, end) = tz.period_bounds_utc(period);
    let (start, end) = (
        i64::try_from(start.unix_timestamp_nanos() / 1_000_000).unwrap_or(0),
        i64::try_from(end.unix_timestamp_nanos() / 1_000_000).unwrap_or(i64::MAX),
    );
    let (handled, corrections): (i64, i64) = sqlx::query_as(
        "SELECT COUNT(DISTINCT application_id),
                COALESCE(SUM(CASE WHEN action = 'request_correction' THEN 1 ELSE 0 END), 0)
         FROM application_event WHERE actor_account_id = $1 AND actor_kind = 'staff' AND at >= $2 AND at < $3",
    )
    .bind(account_id)
    .bind(start)
    .bind(end)
    .fetch_one(db.read())
    .await?;
    let (completed, on_time, days_sum): (i64, i64, i64) = sqlx::query_as(
        "SELECT COUNT(*), COALESCE(SUM(CASE WHEN a.on_time = 1 THEN 1 ELSE 0 END), 0),
                CAST(COALESCE(SUM(a.sla_days_used), 0) AS BIGINT)
         FROM application_credit c JOIN application a ON a.application_id = c.application_id
         WHERE c.officer_account_id = $1 AND a.state = 'completed' AND a.finished_on >= $2 AND a.finished_on <= $3",
    )
    .bind(account_id)
    .bind(&first)
    .bind(&last)
    .fetch_one(db.read())
    .await?;
    let counter: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM survey_invitation WHERE officer_account_id = $1 AND channel = 'counter'
         AND service_date >= $2 AND service_date <= $3",
    )
    .bind(account_id)
    .bind(&first)
    .bind(&last)
    .fetch_one(db.read())
    .await?;
    let count = |v: i64| u32::try_from(v).unwrap_or(u32::MAX);
    Ok(ServiceRecord {
        handled: count(handled),
        completed: count(completed),
        on_time: count(on_time),
        corrections: count(corrections),
        avg_working_days: (completed > 0)
            .then(|| (days_sum as f64 * 10.0 / completed as f64).round() / 10.0),
        counter_invitations: count(counter),
    })
}
