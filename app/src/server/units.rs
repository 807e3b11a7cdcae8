//! Service units (unit pelayanan, REFERENCE §1): the public list, and the admin's management
//! (create, rename, activate/deactivate), shared with the CSV import.

use super::{
    accounts::staff::require_admin, accounts::RequestMeta, audit, db::now_millis, db::Db,
    error::ServiceError,
};
use crate::api::admin::UnitAdminRow;
use crate::auth::Viewer;
use crate::domain::code::Code;
use crate::domain::roster::parse_unit;
use crate::forms::field_error;
use crate::i18n::{errors, I18n};
use crate::islands::unit_filter::UnitItem;
use serde::Deserialize;

/// Active units in name order, as the public sees them.
pub async fn list_public_units(db: &Db) -> Result<Vec<UnitItem>, ServiceError> {
    let rows: Vec<(String, String)> =
        sqlx::query_as("SELECT code, name FROM unit WHERE active = 1 ORDER BY name")
            .fetch_all(db.read())
            .await?;
    Ok(rows
        .into_iter()
        .map(|(code, name)| UnitItem { code, name })
        .collect())
}

/// Every unit with its staff count, for admins.
pub async fn list_for_admin(db: &Db, viewer: &Viewer) -> Result<Vec<UnitAdminRow>, ServiceError> {
    require_admin(viewer)?;
    let rows: Vec<(String, String, i64, i64)> = sqlx::query_as(
        "SELECT u.code, u.name, u.active, (SELECT COUNT(*) FROM staff s WHERE s.unit_id = u.unit_id)
         FROM unit u ORDER BY u.name",
    )
    .fetch_all(db.read())
    .await?;
    Ok(rows
        .into_iter()
        .map(|(code, name, active, staff_count)| UnitAdminRow {
            code,
            name,
            active: active == 1,
            staff_count,
        })
        .collect())
}

/// What storing a unit did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnitChange {
    /// A new unit.
    Created,
    /// An existing unit got a new name.
    Renamed,
    /// Nothing differed.
    Unchanged,
}

/// Creates a unit, or renames the one with that code, within the caller's transaction.
pub async fn upsert_unit_in(
    conn: &mut sqlx::AnyConnection,
    code: &Code,
    name: &str,
) -> Result<UnitChange, ServiceError> {
    let existing: Option<String> = sqlx::query_scalar("SELECT name FROM unit WHERE code = $1")
        .bind(code.as_str())
        .fetch_optional(&mut *conn)
        .await?;
    let now = now_millis();
    match existing {
        None => {
            sqlx::query(
                "INSERT INTO unit (code, name, active, created_at, updated_at) VALUES ($1, $2, 1, $3, $3)",
            )
            .bind(code.as_str())
            .bind(name)
            .bind(now)
            .execute(&mut *conn)
            .await?;
            Ok(UnitChange::Created)
        }
        Some(old) if old == name => Ok(UnitChange::Unchanged),
        Some(_) => {
            sqlx::query("UPDATE unit SET name = $1, updated_at = $2 WHERE code = $3")
                .bind(name)
                .bind(now)
                .bind(code.as_str())
                .execute(&mut *conn)
                .await?;
            Ok(UnitChange::Renamed)
        }
    }
}

/// Creates or renames a unit in its own transaction (demo data, tests).
pub async fn upsert_unit(db: &Db, code: &str, name: &str) -> Result<bool, ServiceError> {
    let record = parse_unit(code, name)
        .map_err(|_| ServiceError::Unexpected(format!("invalid unit {code}")))?;
    let mut tx = db.begin().await?;
    let change = upsert_unit_in(&mut tx, &record.code, &record.name).await?;
    tx.commit().await?;
    Ok(change != UnitChange::Unchanged)
}

/// The unit form as submitted.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct UnitInput {
    /// Code.
    pub code: String,
    /// Name.
    pub name: String,
}

impl UnitInput {
    /// The values to show again if the form is refused.
    pub fn echo(&self) -> Vec<(String, String)> {
        vec![
            ("code".into(), self.code.clone()),
            ("name".into(), self.name.clone()),
        ]
    }
}

/// Saves the admin's unit form (create, or rename by code).
pub async fn save_unit(
    db: &Db,
    viewer: &Viewer,
    input: &UnitInput,
    meta: &RequestMeta,
    i18n: I18n,
) -> Result<UnitChange, ServiceError> {
    require_admin(viewer)?;
    let record = parse_unit(&input.code, &input.name).map_err(|errs| {
        ServiceError::Validation(
            errs.iter()
                .map(|e| field_error(e.field(), errors::record(i18n, e)))
                .collect(),
        )
    })?;
    let mut tx = db.begin().await?;
    let change = upsert_unit_in(&mut tx, &record.code, &record.name).await?;
    if change != UnitChange::Unchanged {
        let action = if change == UnitChange::Created {
            "unit.created"
        } else {
            "unit.renamed"
        };
        audit::record(
            &mut tx,
            &meta.actor(viewer),
            action,
            Some(&format!("unit:{}", record.code)),
            Some(&record.name),
        )
        .await?;
    }
    tx.commit().await?;
    Ok(change)
}

/// Activates or deactivates a unit (inactive units leave the public list).
pub async fn set_unit_active(
    db: &Db,
    viewer: &Viewer,
    code: &str,
    active: bool,
    meta: &RequestMeta,
) -> Result<(), ServiceError> {
    require_admin(viewer)?;
    let mut tx = db.begin().await?;
    let changed = sqlx::query("UPDATE unit SET active = $1, updated_at = $2 WHERE code = $3")
        .bind(i64::from(active))
        .bind(now_millis())
        .bind(code)
        .execute(&mut *tx)
        .await?
        .rows_affected();
    if changed == 0 {
        return Err(ServiceError::NotFound);
    }
    let action = if active {
        "unit.activated"
    } else {
        "unit.deactivated"
    };
    audit::record(
        &mut tx,
        &meta.actor(viewer),
        action,
        Some(&format!("unit:{code}")),
        None,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}
