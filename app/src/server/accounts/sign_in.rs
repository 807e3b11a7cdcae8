//! Signing in and out. Citizens use their NIK or email, staff their NIP or email. The answer
//! and its timing are the same whether or not the account exists; attempts are rate limited
//! per IP and per identifier; every success and failure is audited.

use super::{identifier_bucket, RequestMeta};
use crate::auth::Viewer;
use crate::server::{audit, db::Db, error::ServiceError, password, rate_limit, session};
use serde::Deserialize;

/// The sign-in form as submitted.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct SignInInput {
    /// NIK, NIP or email.
    pub identifier: String,
    /// The password.
    pub password: String,
    /// Where to go afterwards (a local path).
    pub next: String,
}

/// Who may sign in through a given form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Door {
    /// The citizens' sign-in (NIK or email).
    Citizen,
    /// The staff sign-in (NIP or email).
    Staff,
}

/// Why signing in failed, as the form may say it.
#[derive(Debug)]
pub enum SignInError {
    /// Wrong identifier or password (deliberately not saying which).
    Refused,
    /// Anything else (rate limit, database).
    Service(ServiceError),
}

impl From<ServiceError> for SignInError {
    fn from(e: ServiceError) -> Self {
        SignInError::Service(e)
    }
}

impl From<sqlx::Error> for SignInError {
    fn from(e: sqlx::Error) -> Self {
        SignInError::Service(e.into())
    }
}

type AccountRow = (i64, Option<String>, i64);

async fn find_account(
    db: &Db,
    door: Door,
    identifier: &str,
) -> Result<Option<AccountRow>, sqlx::Error> {
    let compact: String = identifier.chars().filter(|c| !c.is_whitespace()).collect();
    let all_digits = !compact.is_empty() && compact.chars().all(|c| c.is_ascii_digit());
    let sql = match (door, all_digits, compact.contains('@')) {
        (Door::Citizen, true, _) if compact.len() == 16 => {
            "SELECT a.account_id, a.password_hash, a.active FROM account a
             JOIN citizen c ON c.account_id = a.account_id WHERE c.nik = $1"
        }
        (Door::Staff, true, _) if compact.len() == 18 => {
            "SELECT a.account_id, a.password_hash, a.active FROM account a
             JOIN staff s ON s.account_id = a.account_id WHERE s.nip = $1"
        }
        (Door::Citizen, _, true) => {
            "SELECT account_id, password_hash, active FROM account WHERE kind = 'citizen' AND email = $1"
        }
        (Door::Staff, _, true) => {
            "SELECT account_id, password_hash, active FROM account WHERE kind = 'staff' AND email = $1"
        }
        _ => return Ok(None),
    };
    sqlx::query_as(sql)
        .bind(compact.to_lowercase())
        .fetch_optional(db.read())
        .await
}

/// Checks the credentials and starts a session.
pub async fn sign_in(
    db: &Db,
    keys: &session::SessionKeys,
    door: Door,
    input: &SignInInput,
    meta: &RequestMeta,
) -> Result<session::NewSession, SignInError> {
    let id_bucket = identifier_bucket("signin", &input.identifier);
    rate_limit::hit(db, &meta.ip_bucket("signin"), rate_limit::SIGN_IN_PER_IP).await?;
    rate_limit::hit(db, &id_bucket, rate_limit::SIGN_IN_PER_ACCOUNT).await?;
    let account = find_account(db, door, &input.identifier).await?;
    let stored = account.as_ref().and_then(|(_, hash, _)| hash.clone());
    let password_ok = password::verify(input.password.clone(), stored).await;
    let mut tx = db.begin().await?;
    match account {
        Some((account_id, _, 1)) if password_ok => {
            let actor = audit::Actor {
                account_id: Some(account_id),
                label: format!("account:{account_id}"),
                ip: meta.ip.clone(),
            };
            audit::record(
                &mut tx,
                &actor,
                "session.sign_in",
                Some(&format!("account:{account_id}")),
                None,
            )
            .await?;
            let new_session =
                session::start(&mut tx, keys, account_id, meta.user_agent.as_deref()).await?;
            tx.commit().await?;
            rate_limit::clear(db, &id_bucket).await?;
            Ok(new_session)
        }
        other => {
            let subject = other.map(|(id, _, _)| format!("account:{id}"));
            let detail = match door {
                Door::Citizen => "door=citizen",
                Door::Staff => "door=staff",
            };
            audit::record(
                &mut tx,
                &meta.actor(&Viewer::Anonymous),
                "session.sign_in_failed",
                subject.as_deref(),
                Some(detail),
            )
            .await?;
            tx.commit().await?;
            Err(SignInError::Refused)
        }
    }
}

/// Ends the caller's session.
pub async fn sign_out(db: &Db, session_id: &str) -> Result<(), ServiceError> {
    session::end(db, session_id).await
}
