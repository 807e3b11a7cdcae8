//! Service units (unit pelayanan, REFERENCE §1): storage and queries.

use super::{db::Db, error::ServiceError};
use crate::islands::unit_filter::UnitItem;

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

/// Creates or renames a unit by code; returns whether anything changed.
pub async fn upsert_unit(db: &Db, code: &str, name: &str) -> Result<bool, ServiceError> {
    let now = super::db::now_millis();
    let result = sqlx::query(
        "INSERT INTO unit (code, name, active, created_at, updated_at) VALUES ($1, $2, 1, $3, $3)
         ON CONFLICT (code) DO UPDATE SET name = excluded.name, updated_at = excluded.updated_at
         WHERE unit.name <> excluded.name",
    )
    .bind(code)
    .bind(name)
    .bind(now)
    .execute(db.write())
    .await?;
    Ok(result.rows_affected() > 0)
}
