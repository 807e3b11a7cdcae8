//! Appraisal periods (REFERENCE §5.3): named like survey periods (`2026-S1` by default; `2026-Q1`
//! or `2026` where the institution evaluates quarterly or yearly), opened and closed by HR. A
//! closed period's appraisals are read-only.

use super::require_hr;
use crate::api::appraisal::PeriodView;
use crate::auth::Viewer;
use crate::domain::period::{Period, PeriodKind};
use crate::forms::field_error;
use crate::i18n::{appraisal as tx, I18n};
use crate::server::accounts::RequestMeta;
use crate::server::applications::day_text;
use crate::server::{audit, db::now_millis, db::Db, error::ServiceError, settings};

/// Key of the instance's period kind setting (`semester`, `quarter` or `year`).
pub const KIND_KEY: &str = "appraisal_period_kind";

/// The kind of period this instance appraises in (default: semester, REFERENCE §5.3).
pub async fn kind(db: &Db) -> Result<PeriodKind, ServiceError> {
    Ok(match settings::get(db, KIND_KEY).await?.as_deref() {
        Some("quarter") => PeriodKind::Quarter,
        Some("year") => PeriodKind::Year,
        _ => PeriodKind::Semester,
    })
}

/// A stored period: id, the domain period, open or not.
#[derive(Clone, Copy, Debug)]
pub struct StoredPeriod {
    /// Its id.
    pub id: i64,
    /// The calendar period.
    pub period: Period,
    /// Appraisals may still be written.
    pub open: bool,
}

/// Finds a period by name.
pub async fn find(db: &Db, name: &str) -> Result<Option<StoredPeriod>, ServiceError> {
    let row: Option<(i64, String, String)> =
        sqlx::query_as("SELECT period_id, name, state FROM appraisal_period WHERE name = $1")
            .bind(name.trim())
            .fetch_optional(db.read())
            .await?;
    Ok(row.and_then(|(id, name, state)| {
        Some(StoredPeriod {
            id,
            period: Period::parse(&name).ok()?,
            open: state == "open",
        })
    }))
}

/// The period named `name`, or (empty name) the latest open one, or else the latest one.
pub async fn chosen(db: &Db, name: &str) -> Result<Option<StoredPeriod>, ServiceError> {
    if !name.trim().is_empty() {
        return find(db, name).await;
    }
    let latest: Option<String> = sqlx::query_scalar(
        "SELECT name FROM appraisal_period ORDER BY CASE WHEN state = 'open' THEN 0 ELSE 1 END, last_day DESC LIMIT 1",
    )
    .fetch_optional(db.read())
    .await?;
    match latest {
        Some(name) => find(db, &name).await,
        None => Ok(None),
    }
}

/// Every period, newest first.
pub async fn list(db: &Db) -> Result<Vec<PeriodView>, ServiceError> {
    let rows: Vec<(i64, String, String, String, String)> = sqlx::query_as(
        "SELECT period_id, name, first_day, last_day, state FROM appraisal_period ORDER BY last_day DESC",
    )
    .fetch_all(db.read())
    .await?;
    Ok(rows
        .into_iter()
        .map(|(id, name, first_day, last_day, state)| PeriodView {
            id,
            name,
            first_day,
            last_day,
            open: state == "open",
        })
        .collect())
}

/// The form opening a period.
#[derive(Clone, Debug, Default, serde::Deserialize)]
#[serde(default)]
pub struct OpenInput {
    /// `2026-S1` and the like.
    pub name: String,
}

/// Opens a period (HR). Opening one that exists (closed or not) reopens nothing: it says so.
pub async fn open(
    db: &Db,
    viewer: &Viewer,
    input: &OpenInput,
    meta: &RequestMeta,
    i18n: I18n,
) -> Result<String, ServiceError> {
    let hr = require_hr(viewer)?;
    let period = Period::parse(input.name.trim()).map_err(|_| {
        ServiceError::Validation(vec![field_error("name", i18n.t(tx::PERIOD_INVALID))])
    })?;
    if period.kind() != kind(db).await? {
        return Err(ServiceError::Validation(vec![field_error(
            "name",
            i18n.t(tx::PERIOD_WRONG_KIND),
        )]));
    }
    let mut tx = db.begin().await?;
    let created: Option<i64> = sqlx::query_scalar(
        "INSERT INTO appraisal_period (name, first_day, last_day, state, opened_by, opened_at)
         VALUES ($1, $2, $3, 'open', $4, $5) ON CONFLICT (name) DO NOTHING RETURNING period_id",
    )
    .bind(period.to_string())
    .bind(day_text(period.first_day()))
    .bind(day_text(period.last_day()))
    .bind(hr)
    .bind(now_millis())
    .fetch_optional(&mut *tx)
    .await?;
    if created.is_none() {
        return Err(ServiceError::Validation(vec![field_error(
            "name",
            i18n.t(tx::PERIOD_EXISTS),
        )]));
    }
    audit::record(
        &mut tx,
        &meta.actor(viewer),
        "appraisal.period_opened",
        Some(&period.to_string()),
        None,
    )
    .await?;
    tx.commit().await?;
    Ok(period.to_string())
}

/// Closes a period (HR): its appraisals become read-only. Closing twice is harmless.
pub async fn close(
    db: &Db,
    viewer: &Viewer,
    name: &str,
    meta: &RequestMeta,
) -> Result<(), ServiceError> {
    let hr = require_hr(viewer)?;
    let mut tx = db.begin().await?;
    let changed = sqlx::query(
        "UPDATE appraisal_period SET state = 'closed', closed_by = $1, closed_at = $2 WHERE name = $3 AND state = 'open'",
    )
    .bind(hr)
    .bind(now_millis())
    .bind(name.trim())
    .execute(&mut *tx)
    .await?
    .rows_affected();
    if changed == 0 {
        let exists: Option<i64> =
            sqlx::query_scalar("SELECT period_id FROM appraisal_period WHERE name = $1")
                .bind(name.trim())
                .fetch_optional(&mut *tx)
                .await?;
        return exists.map(|_| ()).ok_or(ServiceError::NotFound);
    }
    audit::record(
        &mut tx,
        &meta.actor(viewer),
        "appraisal.period_closed",
        Some(name.trim()),
        None,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}
