//! Citizen self-registration (REFERENCE §1, §6): name as on the KTP, NIK (parsed), email and/or
//! mobile number, password, explicit consent. One account per NIK and per email, enforced by
//! database constraints and explained per field.

use super::RequestMeta;
use crate::api::error::FieldError;
use crate::auth::Viewer;
use crate::domain::contact::{Email, FullName, Phone};
use crate::domain::nik::Nik;
use crate::domain::password::NewPassword;
use crate::forms::field_error;
use crate::i18n::{auth as a, errors, I18n};
use crate::server::{
    audit, db::now_millis, db::Db, error::ServiceError, password, rate_limit, session,
};
use serde::Deserialize;

/// The version of the consent text a citizen agreed to (stored with the account).
pub const CONSENT_VERSION: &str = "2026-11-privacy-v1";

/// The registration form as submitted.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct RegisterInput {
    /// Full name as on the KTP.
    pub full_name: String,
    /// NIK as typed.
    pub nik: String,
    /// Email (optional if a phone is given).
    pub email: String,
    /// Mobile number (optional if an email is given).
    pub phone: String,
    /// New password.
    pub password: String,
    /// The password again.
    pub password_confirm: String,
    /// "on" when the consent box is ticked.
    pub consent: String,
}

impl RegisterInput {
    /// The values to show again if the form is refused (no passwords).
    pub fn echo(&self) -> Vec<(String, String)> {
        vec![
            ("full_name".into(), self.full_name.clone()),
            ("nik".into(), self.nik.clone()),
            ("email".into(), self.email.clone()),
            ("phone".into(), self.phone.clone()),
            ("consent".into(), self.consent.clone()),
        ]
    }
}

struct Registration {
    name: FullName,
    nik: Nik,
    email: Option<Email>,
    phone: Option<Phone>,
    password: NewPassword,
}

fn parse(input: &RegisterInput, i18n: I18n) -> Result<Registration, Vec<FieldError>> {
    let mut errs = Vec::new();
    let name = FullName::parse(&input.full_name)
        .map_err(|e| errs.push(field_error("full_name", errors::name(i18n, &e))))
        .ok();
    let nik = Nik::parse(&input.nik)
        .map_err(|e| errs.push(field_error("nik", errors::nik(i18n, &e))))
        .ok();
    let email = match input.email.trim() {
        "" => None,
        typed => Email::parse(typed)
            .map_err(|e| errs.push(field_error("email", errors::email(i18n, &e))))
            .ok(),
    };
    let phone = match input.phone.trim() {
        "" => None,
        typed => Phone::parse(typed)
            .map_err(|e| errs.push(field_error("phone", errors::phone(i18n, &e))))
            .ok(),
    };
    if input.email.trim().is_empty() && input.phone.trim().is_empty() {
        errs.push(field_error("email", i18n.t(a::CONTACT_REQUIRED)));
    }
    let email_local = input.email.split('@').next().unwrap_or_default().to_owned();
    let phone_digits: String = input.phone.chars().filter(char::is_ascii_digit).collect();
    let compact_name: String = input.full_name.split_whitespace().collect();
    let personal = [
        input.nik.trim(),
        email_local.as_str(),
        phone_digits.as_str(),
        compact_name.as_str(),
    ];
    let password = match NewPassword::parse(&input.password, &personal) {
        Ok(p) if input.password == input.password_confirm => Some(p),
        Ok(_) => {
            errs.push(field_error(
                "password_confirm",
                i18n.t(crate::i18n::forms::PASSWORD_MISMATCH),
            ));
            None
        }
        Err(e) => {
            errs.push(field_error("password", errors::password(i18n, &e)));
            None
        }
    };
    if input.consent.is_empty() {
        errs.push(field_error("consent", i18n.t(a::CONSENT_REQUIRED)));
    }
    match (name, nik, password) {
        (Some(name), Some(nik), Some(password)) if errs.is_empty() => Ok(Registration {
            name,
            nik,
            email,
            phone,
            password,
        }),
        _ => Err(errs),
    }
}

/// Registers a citizen and signs them in. Refusals come back as field errors; nothing is
/// written unless everything is valid and unique.
pub async fn register_citizen(
    db: &Db,
    keys: &session::SessionKeys,
    input: &RegisterInput,
    meta: &RequestMeta,
    i18n: I18n,
) -> Result<session::NewSession, ServiceError> {
    rate_limit::hit(db, &meta.ip_bucket("register"), rate_limit::REGISTER_PER_IP).await?;
    rate_limit::hit(
        db,
        &super::identifier_bucket("register", &input.nik),
        rate_limit::REGISTER_PER_ACCOUNT,
    )
    .await?;
    let reg = parse(input, i18n).map_err(ServiceError::Validation)?;
    let hash = password::hash(reg.password.expose().to_owned()).await?;
    let now = now_millis();
    let mut tx = db.begin().await?;
    let account_id: Option<i64> = sqlx::query_scalar(
        "INSERT INTO account (kind, email, password_hash, active, password_changed_at, created_at, updated_at)
         VALUES ('citizen', $1, $2, 1, $3, $3, $3)
         ON CONFLICT DO NOTHING RETURNING account_id",
    )
    .bind(reg.email.as_ref().map(Email::as_str))
    .bind(&hash)
    .bind(now)
    .fetch_optional(&mut *tx)
    .await?;
    let inserted = match account_id {
        Some(account_id) => sqlx::query(
            "INSERT INTO citizen (account_id, nik, full_name, phone, consent_version, consent_at)
             VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING",
        )
        .bind(account_id)
        .bind(reg.nik.as_str())
        .bind(reg.name.as_str())
        .bind(reg.phone.as_ref().map(Phone::as_str))
        .bind(CONSENT_VERSION)
        .bind(now)
        .execute(&mut *tx)
        .await?
        .rows_affected()
            == 1,
        None => false,
    };
    let Some(account_id) = account_id.filter(|_| inserted) else {
        tx.rollback().await?;
        return Err(ServiceError::Validation(conflicts(db, &reg, i18n).await?));
    };
    let viewer = Viewer::Citizen {
        account_id,
        name: reg.name.as_str().to_owned(),
    };
    audit::record(
        &mut tx,
        &meta.actor(&viewer),
        "account.register",
        Some(&format!("account:{account_id}")),
        None,
    )
    .await?;
    let new_session = session::start(&mut tx, keys, account_id, meta.user_agent.as_deref()).await?;
    tx.commit().await?;
    tracing::info!(account.id = account_id, "citizen registered");
    Ok(new_session)
}

/// Which unique field made the insert a no-op.
async fn conflicts(
    db: &Db,
    reg: &Registration,
    i18n: I18n,
) -> Result<Vec<FieldError>, ServiceError> {
    let mut errs = Vec::new();
    let nik_taken: Option<i64> =
        sqlx::query_scalar("SELECT account_id FROM citizen WHERE nik = $1")
            .bind(reg.nik.as_str())
            .fetch_optional(db.write())
            .await?;
    if nik_taken.is_some() {
        errs.push(field_error("nik", i18n.t(a::NIK_TAKEN)));
    }
    if let Some(email) = &reg.email {
        let email_taken: Option<i64> = sqlx::query_scalar(
            "SELECT account_id FROM account WHERE kind = 'citizen' AND email = $1",
        )
        .bind(email.as_str())
        .fetch_optional(db.write())
        .await?;
        if email_taken.is_some() {
            errs.push(field_error("email", i18n.t(a::EMAIL_TAKEN)));
        }
    }
    if errs.is_empty() {
        return Err(ServiceError::Unexpected(
            "registration conflicted on no known field".into(),
        ));
    }
    Ok(errs)
}

/// Creates a citizen account without the form (demo data). Does nothing if the NIK exists.
pub async fn create_citizen_directly(
    db: &Db,
    nik: &str,
    name: &str,
    email: Option<&Email>,
    phone: Option<&str>,
    password_text: &str,
) -> Result<(), ServiceError> {
    let nik = Nik::parse(nik).map_err(|e| ServiceError::Unexpected(format!("demo NIK: {e}")))?;
    let name =
        FullName::parse(name).map_err(|e| ServiceError::Unexpected(format!("demo name: {e}")))?;
    let phone = phone
        .map(Phone::parse)
        .transpose()
        .map_err(|e| ServiceError::Unexpected(format!("demo phone: {e}")))?;
    let hash = password::hash(password_text.to_owned()).await?;
    let now = now_millis();
    let mut tx = db.begin().await?;
    let exists: Option<i64> = sqlx::query_scalar("SELECT account_id FROM citizen WHERE nik = $1")
        .bind(nik.as_str())
        .fetch_optional(&mut *tx)
        .await?;
    if exists.is_some() {
        return Ok(());
    }
    let account_id: i64 = sqlx::query_scalar(
        "INSERT INTO account (kind, email, password_hash, active, password_changed_at, created_at, updated_at)
         VALUES ('citizen', $1, $2, 1, $3, $3, $3) RETURNING account_id",
    )
    .bind(email.map(Email::as_str))
    .bind(&hash)
    .bind(now)
    .fetch_one(&mut *tx)
    .await?;
    sqlx::query(
        "INSERT INTO citizen (account_id, nik, full_name, phone, consent_version, consent_at)
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(account_id)
    .bind(nik.as_str())
    .bind(name.as_str())
    .bind(phone.as_ref().map(Phone::as_str))
    .bind(CONSENT_VERSION)
    .bind(now)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(())
}
