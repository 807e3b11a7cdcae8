//! Walk-in applications: an officer files one for a citizen at the counter, recorded as such
//! (channel `counter`, filed by that officer). If the citizen has an account, it is linked so
//! they can follow it online too.

use super::is_staff_of;
use crate::api::catalog::ServiceSummary;
use crate::auth::Viewer;
use crate::domain::contact::{Email, FullName, Phone};
use crate::domain::nik::Nik;
use crate::forms::field_error;
use crate::i18n::{errors, work as w, I18n};
use crate::server::{
    accounts::RequestMeta, audit, db::now_millis, error::ServiceError, state::AppState,
};
use serde::Deserialize;

fn unit_of(viewer: &Viewer) -> Result<i64, ServiceError> {
    match viewer {
        Viewer::Anonymous => Err(ServiceError::Unauthorized),
        Viewer::Staff {
            unit_id: Some(unit),
            ..
        } if is_staff_of(viewer, *unit) => Ok(*unit),
        _ => Err(ServiceError::Forbidden),
    }
}

/// The active services of the officer's unit.
pub async fn services(
    state: &AppState,
    viewer: &Viewer,
    i18n: I18n,
) -> Result<Vec<ServiceSummary>, ServiceError> {
    let unit = unit_of(viewer)?;
    let rows: Vec<(String, String, String, String, i64, i64)> = sqlx::query_as(
        "SELECT s.code, s.name_id, s.name_en, u.name, s.completion_days, s.fee_rupiah FROM service_type s
         JOIN unit u ON u.unit_id = s.unit_id WHERE s.unit_id = $1 AND s.active = 1 ORDER BY s.name_id",
    )
    .bind(unit)
    .fetch_all(state.db.read())
    .await?;
    Ok(rows
        .into_iter()
        .map(
            |(code, name_id, name_en, unit_name, completion_days, fee_rupiah)| ServiceSummary {
                code,
                name: crate::pages::catalog::pick(i18n, &name_id, &name_en),
                unit_name,
                completion_days,
                fee_rupiah,
                active: true,
            },
        )
        .collect())
}

/// The counter form.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct CounterInput {
    /// Service code.
    pub service: String,
    /// Applicant's name.
    pub full_name: String,
    /// Applicant's NIK.
    pub nik: String,
    /// Applicant's email.
    pub email: String,
    /// Applicant's phone.
    pub phone: String,
    /// Idempotency key of the form: one filing per key.
    pub draft_key: String,
}

impl CounterInput {
    /// Values to show again if the form is refused.
    pub fn echo(&self) -> Vec<(String, String)> {
        [
            ("service", &self.service),
            ("full_name", &self.full_name),
            ("nik", &self.nik),
            ("email", &self.email),
            ("phone", &self.phone),
            ("draft_key", &self.draft_key),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_owned(), v.clone()))
        .collect()
    }
}

/// Creates a counter draft for the officer to complete.
pub async fn start(
    state: &AppState,
    viewer: &Viewer,
    input: &CounterInput,
    meta: &RequestMeta,
    i18n: I18n,
) -> Result<i64, ServiceError> {
    let unit = unit_of(viewer)?;
    let officer = viewer.account_id().unwrap_or_default();
    let mut errs = Vec::new();
    let name = FullName::parse(&input.full_name)
        .map_err(|e| errs.push(field_error("full_name", errors::name(i18n, &e))))
        .ok();
    let nik = Nik::parse(&input.nik)
        .map_err(|e| errs.push(field_error("nik", errors::nik(i18n, &e))))
        .ok();
    let email = match input.email.trim() {
        "" => None,
        t => Email::parse(t)
            .map_err(|e| errs.push(field_error("email", errors::email(i18n, &e))))
            .ok(),
    };
    let phone = match input.phone.trim() {
        "" => None,
        t => Phone::parse(t)
            .map_err(|e| errs.push(field_error("phone", errors::phone(i18n, &e))))
            .ok(),
    };
    let mut tx = state.db.begin().await?;
    let service: Option<i64> = sqlx::query_scalar(
        "SELECT service_type_id FROM service_type WHERE code = $1 AND unit_id = $2 AND active = 1",
    )
    .bind(input.service.trim().to_uppercase())
    .bind(unit)
    .fetch_optional(&mut *tx)
    .await?;
    if service.is_none() {
        errs.push(field_error("service", i18n.t(w::COUNTER_SERVICE)));
    }
    let (Some(name), Some(nik), Some(service_type_id)) = (name, nik, service) else {
        return Err(ServiceError::Validation(errs));
    };
    if !errs.is_empty() {
        return Err(ServiceError::Validation(errs));
    }
    let citizen: Option<i64> = sqlx::query_scalar("SELECT account_id FROM citizen WHERE nik = $1")
        .bind(nik.as_str())
        .fetch_optional(&mut *tx)
        .await?;
    let now = now_millis();
    let key = input.draft_key.trim();
    if !(16..=64).contains(&key.len()) {
        return Err(ServiceError::Validation(vec![]));
    }
    let created: Option<i64> = sqlx::query_scalar(
        "INSERT INTO application (service_type_id, unit_id, citizen_account_id, applicant_name, applicant_nik, applicant_email,
             applicant_phone, channel, filed_by_account_id, draft_key, state, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, 'counter', $8, $9, 'draft', $10, $10)
         ON CONFLICT (draft_key) DO NOTHING RETURNING application_id",
    )
    .bind(service_type_id)
    .bind(unit)
    .bind(citizen)
    .bind(name.as_str())
    .bind(nik.as_str())
    .bind(email.as_ref().map(Email::as_str))
    .bind(phone.as_ref().map(Phone::as_str))
    .bind(officer)
    .bind(key)
    .bind(now)
    .fetch_optional(&mut *tx)
    .await?;
    let Some(id) = created else {
        // The same form again (double click, resend): the filing it already made.
        return sqlx::query_scalar(
            "SELECT application_id FROM application WHERE draft_key = $1 AND filed_by_account_id = $2",
        )
        .bind(key)
        .bind(officer)
        .fetch_optional(&mut *tx)
        .await?
        .ok_or(ServiceError::Forbidden);
    };
    audit::record(
        &mut tx,
        &meta.actor(viewer),
        "application.counter_filed",
        Some(&format!("application:{id}")),
        None,
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}
