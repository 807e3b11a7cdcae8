//! Passwords: change (signed in), forgotten (a single-use, expiring link through the outbox),
//! and first activation of a staff account (the same kind of link). Every change ends the
//! account's other sessions.

use super::RequestMeta;
use crate::auth::Viewer;
use crate::domain::contact::Email;
use crate::domain::password::NewPassword;
use crate::forms::field_error;
use crate::i18n::{auth as a, errors, forms as f, I18n};
use crate::server::{
    audit, db::now_millis, db::Db, error::ServiceError, keys, outbox, password, rate_limit, session,
};
use serde::Deserialize;

/// How long a reset link works.
pub const RESET_TTL_MILLIS: i64 = 60 * 60 * 1000;
/// How long a staff activation link works.
pub const ACTIVATE_TTL_MILLIS: i64 = 72 * 60 * 60 * 1000;

/// The change-password form.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct ChangePasswordInput {
    /// The current password.
    pub current: String,
    /// The new password.
    pub password: String,
    /// The new password again.
    pub password_confirm: String,
}

/// The set-a-new-password form (reset or activation).
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct ResetInput {
    /// The token from the link.
    pub t: String,
    /// The new password.
    pub password: String,
    /// The new password again.
    pub password_confirm: String,
}

/// What a one-time link is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenPurpose {
    /// A forgotten password.
    Reset,
    /// A new staff account's first password.
    Activate,
}

impl TokenPurpose {
    fn code(self) -> &'static str {
        match self {
            TokenPurpose::Reset => "reset",
            TokenPurpose::Activate => "activate",
        }
    }
}

/// Creates a one-time token for `account_id` (stored hashed) and returns it.
pub async fn issue_token(
    conn: &mut sqlx::AnyConnection,
    account_id: i64,
    purpose: TokenPurpose,
) -> Result<String, ServiceError> {
    let token = keys::random_token();
    let now = now_millis();
    let ttl = match purpose {
        TokenPurpose::Reset => RESET_TTL_MILLIS,
        TokenPurpose::Activate => ACTIVATE_TTL_MILLIS,
    };
    sqlx::query(
        "INSERT INTO account_token (token_hash, account_id, purpose, created_at, expires_at)
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(keys::token_hash(&token))
    .bind(account_id)
    .bind(purpose.code())
    .bind(now)
    .bind(now + ttl)
    .execute(&mut *conn)
    .await?;
    Ok(token)
}

/// The words a person's password must not contain.
async fn personal_words(db: &Db, account_id: i64) -> Result<Vec<String>, ServiceError> {
    let row: Option<(Option<String>, Option<String>, Option<String>)> = sqlx::query_as(
        "SELECT a.email, c.nik, s.nip FROM account a
         LEFT JOIN citizen c ON c.account_id = a.account_id
         LEFT JOIN staff s ON s.account_id = a.account_id WHERE a.account_id = $1",
    )
    .bind(account_id)
    .fetch_optional(db.write())
    .await?;
    let (email, nik, nip) = row.ok_or(ServiceError::NotFound)?;
    let local = email.and_then(|e| e.split('@').next().map(str::to_owned));
    Ok([local, nik, nip].into_iter().flatten().collect())
}

fn check_new(
    db_words: &[String],
    password: &str,
    confirm: &str,
    i18n: I18n,
) -> Result<NewPassword, ServiceError> {
    let words: Vec<&str> = db_words.iter().map(String::as_str).collect();
    let new = NewPassword::parse(password, &words).map_err(|e| {
        ServiceError::Validation(vec![field_error("password", errors::password(i18n, &e))])
    })?;
    if password != confirm {
        return Err(ServiceError::Validation(vec![field_error(
            "password_confirm",
            i18n.t(f::PASSWORD_MISMATCH),
        )]));
    }
    Ok(new)
}

/// Changes the signed-in person's password after checking the current one; ends their other
/// sessions (the current one stays).
pub async fn change_password(
    db: &Db,
    viewer: &Viewer,
    session_id: &str,
    input: &ChangePasswordInput,
    meta: &RequestMeta,
    i18n: I18n,
) -> Result<(), ServiceError> {
    let account_id = viewer.account_id().ok_or(ServiceError::Unauthorized)?;
    let stored: Option<String> =
        sqlx::query_scalar("SELECT password_hash FROM account WHERE account_id = $1")
            .bind(account_id)
            .fetch_one(db.read())
            .await?;
    if !password::verify(input.current.clone(), stored).await {
        return Err(ServiceError::Validation(vec![field_error(
            "current",
            i18n.t(a::CURRENT_PASSWORD_WRONG),
        )]));
    }
    let words = personal_words(db, account_id).await?;
    let new = check_new(&words, &input.password, &input.password_confirm, i18n)?;
    let hash = password::hash(new.expose().to_owned()).await?;
    let mut tx = db.begin().await?;
    set_hash(&mut tx, account_id, &hash).await?;
    session::end_all(&mut tx, account_id, Some(session_id)).await?;
    audit::record(
        &mut tx,
        &meta.actor(viewer),
        "account.password_changed",
        Some(&format!("account:{account_id}")),
        None,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

async fn set_hash(
    conn: &mut sqlx::AnyConnection,
    account_id: i64,
    hash: &str,
) -> Result<(), ServiceError> {
    let now = now_millis();
    sqlx::query(
        "UPDATE account SET password_hash = $1, password_changed_at = $2, updated_at = $2 WHERE account_id = $3",
    )
    .bind(hash)
    .bind(now)
    .bind(account_id)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Sends a reset link to `email` if an active account has it. Says nothing about whether one
/// does: the caller always shows the same confirmation.
pub async fn request_reset(
    db: &Db,
    base_url: &str,
    email: &str,
    meta: &RequestMeta,
    i18n: I18n,
) -> Result<(), ServiceError> {
    rate_limit::hit(db, &meta.ip_bucket("reset"), rate_limit::RESET_PER_IP).await?;
    rate_limit::hit(
        db,
        &super::identifier_bucket("reset", email),
        rate_limit::RESET_PER_ACCOUNT,
    )
    .await?;
    let Ok(email) = Email::parse(email) else {
        return Ok(());
    };
    let accounts: Vec<(i64, String)> = sqlx::query_as(
        "SELECT a.account_id, COALESCE(c.full_name, s.full_name, '') FROM account a
         LEFT JOIN citizen c ON c.account_id = a.account_id
         LEFT JOIN staff s ON s.account_id = a.account_id
         WHERE a.email = $1 AND a.active = 1",
    )
    .bind(email.as_str())
    .fetch_all(db.read())
    .await?;
    for (account_id, name) in accounts {
        let mut tx = db.begin().await?;
        let token = issue_token(&mut tx, account_id, TokenPurpose::Reset).await?;
        send_link(
            &mut tx,
            base_url,
            email.as_str(),
            &name,
            &token,
            TokenPurpose::Reset,
            i18n,
        )
        .await?;
        audit::record(
            &mut tx,
            &meta.actor(&Viewer::Anonymous),
            "account.reset_requested",
            Some(&format!("account:{account_id}")),
            None,
        )
        .await?;
        tx.commit().await?;
    }
    Ok(())
}

/// Queues the email with a one-time link.
pub async fn send_link(
    conn: &mut sqlx::AnyConnection,
    base_url: &str,
    email: &str,
    name: &str,
    token: &str,
    purpose: TokenPurpose,
    i18n: I18n,
) -> Result<(), ServiceError> {
    let link = format!("{}/atur-sandi?t={token}", base_url.trim_end_matches('/'));
    let (subject, body) = match purpose {
        TokenPurpose::Reset => (a::RESET_MAIL_SUBJECT, a::RESET_MAIL_BODY),
        TokenPurpose::Activate => (a::ACTIVATE_MAIL_SUBJECT, a::ACTIVATE_MAIL_BODY),
    };
    let body = i18n.f(body, &[("name", &name), ("link", &link)]);
    let dedupe = format!("{}:{}", purpose.code(), keys::token_hash(token));
    outbox::enqueue(
        conn,
        &outbox::NewMessage {
            dedupe_key: &dedupe,
            recipient: email,
            subject: i18n.t(subject),
            body: &body,
        },
    )
    .await
}

/// Whether a link's token is currently usable (for showing the form or an explanation).
pub async fn token_is_valid(db: &Db, token: &str) -> Result<bool, ServiceError> {
    let found: Option<i64> = sqlx::query_scalar(
        "SELECT account_id FROM account_token WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2",
    )
    .bind(keys::token_hash(token))
    .bind(now_millis())
    .fetch_optional(db.read())
    .await?;
    Ok(found.is_some())
}

/// Sets a new password through a one-time link. The token is consumed atomically, so a link
/// works exactly once even when submitted twice at the same moment.
pub async fn complete_reset(
    db: &Db,
    input: &ResetInput,
    meta: &RequestMeta,
    i18n: I18n,
) -> Result<(), ServiceError> {
    let hash_of_token = keys::token_hash(input.t.trim());
    let account_id: Option<i64> = sqlx::query_scalar(
        "SELECT account_id FROM account_token WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2",
    )
    .bind(&hash_of_token)
    .bind(now_millis())
    .fetch_optional(db.read())
    .await?;
    let account_id =
        account_id.ok_or_else(|| ServiceError::Conflict(i18n.t(a::RESET_INVALID).into()))?;
    let words = personal_words(db, account_id).await?;
    let new = check_new(&words, &input.password, &input.password_confirm, i18n)?;
    let hash = password::hash(new.expose().to_owned()).await?;
    let mut tx = db.begin().await?;
    let consumed: Option<(i64, String)> = sqlx::query_as(
        "UPDATE account_token SET used_at = $1 WHERE token_hash = $2 AND used_at IS NULL AND expires_at > $1
         RETURNING account_id, purpose",
    )
    .bind(now_millis())
    .bind(&hash_of_token)
    .fetch_optional(&mut *tx)
    .await?;
    let Some((account_id, purpose)) = consumed else {
        tx.rollback().await?;
        return Err(ServiceError::Conflict(i18n.t(a::RESET_INVALID).into()));
    };
    set_hash(&mut tx, account_id, &hash).await?;
    session::end_all(&mut tx, account_id, None).await?;
    let action = if purpose == "activate" {
        "account.activated"
    } else {
        "account.password_reset"
    };
    let actor = audit::Actor {
        account_id: Some(account_id),
        label: format!("account:{account_id}"),
        ip: meta.ip.clone(),
    };
    audit::record(
        &mut tx,
        &actor,
        action,
        Some(&format!("account:{account_id}")),
        None,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}
