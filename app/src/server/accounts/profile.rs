//! A person's own profile: read it, and (citizens) correct their name and contact details.

use super::RequestMeta;
use crate::api::account::Profile;
use crate::auth::{Role, Viewer};
use crate::domain::contact::{Email, FullName, Phone};
use crate::domain::nik::Nik;
use crate::forms::field_error;
use crate::i18n::{auth as a, errors, I18n};
use crate::server::{audit, db::now_millis, db::Db, error::ServiceError};
use serde::Deserialize;

/// The profile form as submitted (citizens).
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct ProfileInput {
    /// Full name as on the KTP.
    pub full_name: String,
    /// Email (optional if a phone is given).
    pub email: String,
    /// Mobile number (optional if an email is given).
    pub phone: String,
}

impl ProfileInput {
    /// The values to show again if the form is refused.
    pub fn echo(&self) -> Vec<(String, String)> {
        vec![
            ("full_name".into(), self.full_name.clone()),
            ("email".into(), self.email.clone()),
            ("phone".into(), self.phone.clone()),
        ]
    }
}

/// The signed-in person's own profile.
pub async fn get_profile(db: &Db, viewer: &Viewer) -> Result<Profile, ServiceError> {
    match viewer {
        Viewer::Anonymous => Err(ServiceError::Unauthorized),
        Viewer::Citizen { account_id, .. } => {
            let (full_name, nik, email, phone): (String, String, Option<String>, Option<String>) =
                sqlx::query_as(
                    "SELECT c.full_name, c.nik, a.email, c.phone FROM citizen c
                     JOIN account a ON a.account_id = c.account_id WHERE c.account_id = $1",
                )
                .bind(account_id)
                .fetch_one(db.read())
                .await?;
            let nik_masked = Nik::parse(&nik)
                .map(|n| n.masked())
                .map_err(|_| ServiceError::Unexpected("stored NIK does not parse".into()))?;
            Ok(Profile::Citizen {
                full_name,
                nik_masked,
                email,
                phone,
            })
        }
        Viewer::Staff {
            account_id, roles, ..
        } => {
            let (full_name, nip, unit, email): (String, String, Option<String>, Option<String>) =
                sqlx::query_as(
                    "SELECT s.full_name, s.nip, u.name, a.email FROM staff s
                     JOIN account a ON a.account_id = s.account_id
                     LEFT JOIN unit u ON u.unit_id = s.unit_id WHERE s.account_id = $1",
                )
                .bind(account_id)
                .fetch_one(db.read())
                .await?;
            let roles: Vec<Role> = roles.clone();
            Ok(Profile::Staff {
                full_name,
                nip,
                unit,
                roles,
                email,
            })
        }
    }
}

/// Updates a citizen's name and contact details.
pub async fn update_citizen_profile(
    db: &Db,
    viewer: &Viewer,
    input: &ProfileInput,
    meta: &RequestMeta,
    i18n: I18n,
) -> Result<(), ServiceError> {
    let Viewer::Citizen { account_id, .. } = viewer else {
        return Err(ServiceError::Forbidden);
    };
    let mut errs = Vec::new();
    let name = FullName::parse(&input.full_name)
        .map_err(|e| errs.push(field_error("full_name", errors::name(i18n, &e))))
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
    let Some(name) = name.filter(|_| errs.is_empty()) else {
        return Err(ServiceError::Validation(errs));
    };
    let now = now_millis();
    let mut tx = db.begin().await?;
    let changed = sqlx::query(
        "UPDATE account SET email = $1, updated_at = $2 WHERE account_id = $3
         AND NOT EXISTS (SELECT 1 FROM account o WHERE o.kind = 'citizen' AND o.email = $1 AND o.account_id <> $3)",
    )
    .bind(email.as_ref().map(Email::as_str))
    .bind(now)
    .bind(account_id)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    if changed == 0 {
        tx.rollback().await?;
        return Err(ServiceError::Validation(vec![field_error(
            "email",
            i18n.t(a::EMAIL_TAKEN),
        )]));
    }
    sqlx::query("UPDATE citizen SET full_name = $1, phone = $2 WHERE account_id = $3")
        .bind(name.as_str())
        .bind(phone.as_ref().map(Phone::as_str))
        .bind(account_id)
        .execute(&mut *tx)
        .await?;
    audit::record(
        &mut tx,
        &meta.actor(viewer),
        "account.profile_updated",
        Some(&format!("account:{account_id}")),
        None,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}
