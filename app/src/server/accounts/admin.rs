//! Accounts made from the command line: the first admin (`sigap create-admin`), and the demo
//! city's people. A person who already exists gains the roles and the new password.

use crate::auth::Role;
use crate::domain::contact::{Email, FullName};
use crate::domain::nip::Nip;
use crate::domain::password::NewPassword;
use crate::server::{audit, db::now_millis, db::Db, error::ServiceError, password};

/// A staff account to create or complete, with a password set directly.
#[derive(Debug)]
pub struct DirectStaff<'a> {
    /// NIP.
    pub nip: &'a Nip,
    /// Full name.
    pub name: &'a FullName,
    /// Work email.
    pub email: Option<&'a Email>,
    /// Unit code, if the person belongs to a unit.
    pub unit_code: Option<&'a str>,
    /// Roles to hold (added to any they already hold).
    pub roles: &'a [Role],
    /// Supervisor's NIP, if any.
    pub supervisor_nip: Option<&'a str>,
    /// The password.
    pub password: &'a NewPassword,
}

/// Whether the account was new.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// A new account.
    Created,
    /// An existing account gained roles and a new password.
    Updated,
}

/// Creates (or completes) a staff account with a password, active at once.
pub async fn ensure_staff(
    db: &Db,
    staff: &DirectStaff<'_>,
    actor: &audit::Actor,
) -> Result<Outcome, ServiceError> {
    let hash = password::hash(staff.password.expose().to_owned()).await?;
    let now = now_millis();
    let mut tx = db.begin().await?;
    let unit_id: Option<i64> = match staff.unit_code {
        Some(code) => Some(
            sqlx::query_scalar("SELECT unit_id FROM unit WHERE code = $1")
                .bind(code)
                .fetch_optional(&mut *tx)
                .await?
                .ok_or_else(|| ServiceError::Unexpected(format!("unknown unit {code}")))?,
        ),
        None => None,
    };
    let supervisor: Option<i64> = match staff.supervisor_nip {
        Some(nip) => {
            sqlx::query_scalar("SELECT account_id FROM staff WHERE nip = $1")
                .bind(nip)
                .fetch_optional(&mut *tx)
                .await?
        }
        None => None,
    };
    let existing: Option<i64> = sqlx::query_scalar("SELECT account_id FROM staff WHERE nip = $1")
        .bind(staff.nip.as_str())
        .fetch_optional(&mut *tx)
        .await?;
    let (account_id, outcome) = match existing {
        Some(id) => {
            sqlx::query(
                "UPDATE account SET password_hash = $1, password_changed_at = $2, active = 1, updated_at = $2,
                 email = COALESCE($3, email) WHERE account_id = $4",
            )
            .bind(&hash)
            .bind(now)
            .bind(staff.email.map(Email::as_str))
            .bind(id)
            .execute(&mut *tx)
            .await?;
            (id, Outcome::Updated)
        }
        None => {
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO account (kind, email, password_hash, active, password_changed_at, created_at, updated_at)
                 VALUES ('staff', $1, $2, 1, $3, $3, $3) RETURNING account_id",
            )
            .bind(staff.email.map(Email::as_str))
            .bind(&hash)
            .bind(now)
            .fetch_one(&mut *tx)
            .await?;
            sqlx::query(
                "INSERT INTO staff (account_id, nip, full_name, unit_id, supervisor_account_id) VALUES ($1, $2, $3, $4, $5)",
            )
            .bind(id)
            .bind(staff.nip.as_str())
            .bind(staff.name.as_str())
            .bind(unit_id)
            .bind(supervisor)
            .execute(&mut *tx)
            .await?;
            (id, Outcome::Created)
        }
    };
    for role in staff.roles {
        sqlx::query(
            "INSERT INTO staff_role (account_id, role) VALUES ($1, $2) ON CONFLICT DO NOTHING",
        )
        .bind(account_id)
        .bind(role.code())
        .execute(&mut *tx)
        .await?;
    }
    let roles: Vec<&str> = staff.roles.iter().map(|r| r.code()).collect();
    let detail = format!("nip={} roles+={}", staff.nip.as_str(), roles.join(";"));
    let action = match outcome {
        Outcome::Created => "staff.created",
        Outcome::Updated => "staff.roles_changed",
    };
    audit::record(
        &mut tx,
        actor,
        action,
        Some(&format!("account:{account_id}")),
        Some(&detail),
    )
    .await?;
    tx.commit().await?;
    Ok(outcome)
}
