//! Instance-wide settings kept in the database (the `setting` table).

use super::{
    db::{now_millis, Db},
    error::ServiceError,
};

/// Key marking an instance that holds the fictitious demo city.
pub const DEMO_KEY: &str = "demo";

/// A setting's value, if set.
pub async fn get(db: &Db, key: &str) -> Result<Option<String>, ServiceError> {
    Ok(
        sqlx::query_scalar("SELECT value FROM setting WHERE key = $1")
            .bind(key)
            .fetch_optional(db.read())
            .await?,
    )
}

/// Sets a setting (insert or replace).
pub async fn set(db: &Db, key: &str, value: &str) -> Result<(), ServiceError> {
    sqlx::query(
        "INSERT INTO setting (key, value, updated_at) VALUES ($1, $2, $3)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
    )
    .bind(key)
    .bind(value)
    .bind(now_millis())
    .execute(db.write())
    .await?;
    Ok(())
}

/// Whether this instance runs on demo data.
pub async fn is_demo(db: &Db) -> Result<bool, ServiceError> {
    Ok(get(db, DEMO_KEY).await?.as_deref() == Some("1"))
}
