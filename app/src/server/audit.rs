//! The audit log (REFERENCE §6): sign-ins, failed sign-ins, role and account changes, and every
//! staff read of a citizen's personal data — who, what, when, from where. Append-only: the
//! database refuses updates and deletes; admins read it through [`search`].

use super::{db::now_millis, db::Db, error::ServiceError};
use serde::{Deserialize, Serialize};

/// Who acted.
#[derive(Clone, Debug)]
pub struct Actor {
    /// Their account, if signed in.
    pub account_id: Option<i64>,
    /// A label readable without joins: `nip:…`, `citizen:<id>`, `system`, `anonymous`.
    pub label: String,
    /// Their IP address, if known.
    pub ip: Option<String>,
}

impl Actor {
    /// The command line or the background worker.
    pub fn system() -> Actor {
        Actor {
            account_id: None,
            label: "system".into(),
            ip: None,
        }
    }
}

/// Appends one event within the caller's transaction.
pub async fn record(
    conn: &mut sqlx::AnyConnection,
    actor: &Actor,
    action: &str,
    subject: Option<&str>,
    detail: Option<&str>,
) -> Result<(), ServiceError> {
    sqlx::query(
        "INSERT INTO audit_event (at, actor_account_id, actor, action, subject, detail, ip)
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(now_millis())
    .bind(actor.account_id)
    .bind(&actor.label)
    .bind(action)
    .bind(subject)
    .bind(detail)
    .bind(actor.ip.as_deref())
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// One event as the admin page shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditRow {
    /// Milliseconds since the epoch (UTC).
    pub at: i64,
    /// Who.
    pub actor: String,
    /// What.
    pub action: String,
    /// On what.
    pub subject: Option<String>,
    /// Details.
    pub detail: Option<String>,
    /// From where.
    pub ip: Option<String>,
}

/// Filters for [`search`]; empty fields match everything.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditFilter {
    /// Substring of the actor label.
    pub actor: String,
    /// Exact action code.
    pub action: String,
    /// From this instant (ms), inclusive.
    pub from: Option<i64>,
    /// Until this instant (ms), exclusive.
    pub until: Option<i64>,
}

type AuditDbRow = (
    i64,
    String,
    String,
    Option<String>,
    Option<String>,
    Option<String>,
);

/// The newest events matching `filter`, at most `limit`, skipping `offset`.
pub async fn search(
    db: &Db,
    filter: &AuditFilter,
    limit: i64,
    offset: i64,
) -> Result<Vec<AuditRow>, ServiceError> {
    let rows: Vec<AuditDbRow> = sqlx::query_as(
        "SELECT at, actor, action, subject, detail, ip FROM audit_event
             WHERE ($1 = '' OR actor LIKE '%' || $1 || '%')
               AND ($2 = '' OR action = $2)
               AND at >= $3 AND at < $4
             ORDER BY at DESC, audit_id DESC LIMIT $5 OFFSET $6",
    )
    .bind(&filter.actor)
    .bind(&filter.action)
    .bind(filter.from.unwrap_or(i64::MIN))
    .bind(filter.until.unwrap_or(i64::MAX))
    .bind(limit)
    .bind(offset)
    .fetch_all(db.read())
    .await?;
    Ok(rows
        .into_iter()
        .map(|(at, actor, action, subject, detail, ip)| AuditRow {
            at,
            actor,
            action,
            subject,
            detail,
            ip,
        })
        .collect())
}
