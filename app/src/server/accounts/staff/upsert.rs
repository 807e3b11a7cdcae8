//! Storing one staff record (shared by the admin form and the CSV import): create or update
//! the account, its roles and unit (moving the officer's answers to the new unit's μ), and the
//! supervisor link.

use crate::domain::roster::StaffRecord;
use crate::server::{audit, db::now_millis, error::ServiceError, scoring};

/// What storing one record did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Upserted {
    /// A new account.
    Created(i64),
    /// An existing account changed.
    Updated(i64),
    /// Nothing differed.
    Unchanged(i64),
}

impl Upserted {
    /// The account either way.
    pub fn account_id(self) -> i64 {
        match self {
            Upserted::Created(id) | Upserted::Updated(id) | Upserted::Unchanged(id) => id,
        }
    }
}

/// Creates or updates a staff member (not their supervisor link: see [`set_supervisor`]).
pub async fn upsert_staff(
    conn: &mut sqlx::AnyConnection,
    record: &StaffRecord,
    unit_id: i64,
    actor: &audit::Actor,
) -> Result<Upserted, ServiceError> {
    let now = now_millis();
    let email = record.email.as_ref().map(|e| e.as_str().to_owned());
    let roles: Vec<&str> = record.roles.iter().map(|r| r.code()).collect();
    let existing: Option<(i64, String, Option<i64>, Option<String>)> = sqlx::query_as(
        "SELECT s.account_id, s.full_name, s.unit_id, a.email FROM staff s
         JOIN account a ON a.account_id = s.account_id WHERE s.nip = $1",
    )
    .bind(record.nip.as_str())
    .fetch_optional(&mut *conn)
    .await?;
    let Some((account_id, name, old_unit, old_email)) = existing else {
        let account_id: i64 = sqlx::query_scalar(
            "INSERT INTO account (kind, email, password_hash, active, created_at, updated_at)
             VALUES ('staff', $1, NULL, 1, $2, $2) RETURNING account_id",
        )
        .bind(&email)
        .bind(now)
        .fetch_one(&mut *conn)
        .await?;
        sqlx::query(
            "INSERT INTO staff (account_id, nip, full_name, unit_id) VALUES ($1, $2, $3, $4)",
        )
        .bind(account_id)
        .bind(record.nip.as_str())
        .bind(record.name.as_str())
        .bind(unit_id)
        .execute(&mut *conn)
        .await?;
        replace_roles(conn, account_id, &roles).await?;
        let detail = format!("nip={} roles={}", record.nip.as_str(), roles.join(";"));
        audit::record(
            conn,
            actor,
            "staff.created",
            Some(&format!("account:{account_id}")),
            Some(&detail),
        )
        .await?;
        return Ok(Upserted::Created(account_id));
    };
    let old_roles: Vec<String> =
        sqlx::query_scalar("SELECT role FROM staff_role WHERE account_id = $1 ORDER BY role")
            .bind(account_id)
            .fetch_all(&mut *conn)
            .await?;
    let mut sorted_old = old_roles.clone();
    sorted_old.sort();
    let mut sorted_new: Vec<String> = roles.iter().map(|r| r.to_string()).collect();
    sorted_new.sort();
    let same = name == record.name.as_str()
        && old_unit == Some(unit_id)
        && old_email == email
        && sorted_old == sorted_new;
    if same {
        return Ok(Upserted::Unchanged(account_id));
    }
    sqlx::query("UPDATE staff SET full_name = $1, unit_id = $2 WHERE account_id = $3")
        .bind(record.name.as_str())
        .bind(unit_id)
        .bind(account_id)
        .execute(&mut *conn)
        .await?;
    // The officer's answers now count toward the new unit's μ, no longer the old one's.
    if old_unit != Some(unit_id) && scoring::rollup::has_credits(conn, account_id).await? {
        scoring::rollup::refresh_unit(conn, old_unit.unwrap_or(0)).await?;
        scoring::rollup::refresh_unit(conn, unit_id).await?;
    }
    sqlx::query("UPDATE account SET email = $1, updated_at = $2 WHERE account_id = $3")
        .bind(&email)
        .bind(now)
        .bind(account_id)
        .execute(&mut *conn)
        .await?;
    if sorted_old != sorted_new {
        replace_roles(conn, account_id, &roles).await?;
        let detail = format!("roles {} -> {}", sorted_old.join(";"), sorted_new.join(";"));
        audit::record(
            conn,
            actor,
            "staff.roles_changed",
            Some(&format!("account:{account_id}")),
            Some(&detail),
        )
        .await?;
    }
    audit::record(
        conn,
        actor,
        "staff.updated",
        Some(&format!("account:{account_id}")),
        None,
    )
    .await?;
    Ok(Upserted::Updated(account_id))
}

async fn replace_roles(
    conn: &mut sqlx::AnyConnection,
    account_id: i64,
    roles: &[&str],
) -> Result<(), ServiceError> {
    sqlx::query("DELETE FROM staff_role WHERE account_id = $1")
        .bind(account_id)
        .execute(&mut *conn)
        .await?;
    for role in roles {
        sqlx::query("INSERT INTO staff_role (account_id, role) VALUES ($1, $2)")
            .bind(account_id)
            .bind(*role)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

/// Links a staff member to their supervisor; returns whether it changed.
pub async fn set_supervisor(
    conn: &mut sqlx::AnyConnection,
    account_id: i64,
    supervisor: Option<i64>,
) -> Result<bool, ServiceError> {
    let changed = sqlx::query(
        "UPDATE staff SET supervisor_account_id = $1
         WHERE account_id = $2 AND supervisor_account_id IS DISTINCT FROM $1",
    )
    .bind(supervisor)
    .bind(account_id)
    .execute(&mut *conn)
    .await?;
    Ok(changed.rows_affected() > 0)
}

/// The account of a supervisor by NIP, if that person holds the supervisor role.
pub async fn find_supervisor(
    conn: &mut sqlx::AnyConnection,
    nip: &str,
) -> Result<Option<i64>, ServiceError> {
    Ok(sqlx::query_scalar(
        "SELECT s.account_id FROM staff s JOIN staff_role r ON r.account_id = s.account_id
         WHERE s.nip = $1 AND r.role = 'supervisor'",
    )
    .bind(nip)
    .fetch_optional(&mut *conn)
    .await?)
}
