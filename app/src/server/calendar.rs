//! The working-day calendar (REFERENCE §2.2): weekends plus the public holidays admins enter.

use super::{
    accounts::staff::require_admin, accounts::RequestMeta, audit, db::now_millis, db::Db,
    error::ServiceError,
};
use crate::api::catalog::Holiday;
use crate::auth::Viewer;
use crate::forms::field_error;
use crate::i18n::{catalog as ct, I18n};
use serde::Deserialize;
use time::Date;

const DAY: &[time::format_description::BorrowedFormatItem<'static>] =
    time::macros::format_description!("[year]-[month]-[day]");

/// Every holiday, by date.
pub async fn list_holidays(db: &Db) -> Result<Vec<Holiday>, ServiceError> {
    let rows: Vec<(String, String)> = sqlx::query_as("SELECT day, name FROM holiday ORDER BY day")
        .fetch_all(db.read())
        .await?;
    Ok(rows
        .into_iter()
        .map(|(day, name)| Holiday { day, name })
        .collect())
}

/// The holidays as dates, for working-day arithmetic.
pub async fn holiday_dates(conn: &mut sqlx::AnyConnection) -> Result<Vec<Date>, ServiceError> {
    let days: Vec<String> = sqlx::query_scalar("SELECT day FROM holiday")
        .fetch_all(&mut *conn)
        .await?;
    Ok(days
        .iter()
        .filter_map(|d| Date::parse(d, DAY).ok())
        .collect())
}

/// The holiday form.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct HolidayInput {
    /// `YYYY-MM-DD`.
    pub day: String,
    /// The holiday's name.
    pub name: String,
}

/// Adds (or renames) a holiday.
pub async fn add_holiday(
    db: &Db,
    viewer: &Viewer,
    input: &HolidayInput,
    meta: &RequestMeta,
    i18n: I18n,
) -> Result<(), ServiceError> {
    require_admin(viewer)?;
    let mut errors = Vec::new();
    let day = Date::parse(input.day.trim(), DAY)
        .map_err(|_| errors.push(field_error("day", i18n.t(ct::HOLIDAY_DAY_INVALID))))
        .ok();
    let name = input.name.split_whitespace().collect::<Vec<_>>().join(" ");
    if name.is_empty() || name.chars().count() > 120 {
        errors.push(field_error("name", i18n.t(ct::HOLIDAY_NAME_INVALID)));
    }
    let Some(day) = day.filter(|_| errors.is_empty()) else {
        return Err(ServiceError::Validation(errors));
    };
    let day = day
        .format(DAY)
        .map_err(|e| ServiceError::Unexpected(e.to_string()))?;
    let mut tx = db.begin().await?;
    sqlx::query(
        "INSERT INTO holiday (day, name, created_at) VALUES ($1, $2, $3)
         ON CONFLICT (day) DO UPDATE SET name = excluded.name",
    )
    .bind(&day)
    .bind(&name)
    .bind(now_millis())
    .execute(&mut *tx)
    .await?;
    audit::record(
        &mut tx,
        &meta.actor(viewer),
        "calendar.holiday_added",
        Some(&day),
        Some(&name),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Removes a holiday.
pub async fn remove_holiday(
    db: &Db,
    viewer: &Viewer,
    day: &str,
    meta: &RequestMeta,
) -> Result<(), ServiceError> {
    require_admin(viewer)?;
    let mut tx = db.begin().await?;
    let removed = sqlx::query("DELETE FROM holiday WHERE day = $1")
        .bind(day)
        .execute(&mut *tx)
        .await?;
    if removed.rows_affected() == 0 {
        return Err(ServiceError::NotFound);
    }
    audit::record(
        &mut tx,
        &meta.actor(viewer),
        "calendar.holiday_removed",
        Some(day),
        None,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}
