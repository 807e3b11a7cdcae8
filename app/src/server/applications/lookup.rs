//! The public status lookup: registration number plus the last four digits of the applicant's
//! NIK give the state of an application — never anything personal. Rate limited per IP so
//! numbers cannot be guessed.

use crate::api::applications::PublicStatus;
use crate::domain::application_state::State;
use crate::domain::registration::RegistrationNumber;
use crate::i18n::I18n;
use crate::server::{accounts::RequestMeta, error::ServiceError, rate_limit, state::AppState};

/// Lookups allowed per IP.
pub const LOOKUP_PER_IP: rate_limit::Limit = rate_limit::Limit {
    max: 30,
    window_secs: 15 * 60,
};

/// Service name (id, en), unit name, state, submitted on, due on, applicant NIK.
type StatusRow = (
    String,
    String,
    String,
    String,
    Option<String>,
    Option<String>,
    String,
);

/// Finds an application by number and NIK ending; `NotFound` for any mismatch.
pub async fn lookup(
    state: &AppState,
    number: &str,
    nik_last4: &str,
    meta: &RequestMeta,
    i18n: I18n,
) -> Result<PublicStatus, ServiceError> {
    rate_limit::hit(&state.db, &meta.ip_bucket("lookup"), LOOKUP_PER_IP).await?;
    let number = RegistrationNumber::parse(number).map_err(|_| ServiceError::NotFound)?;
    let last4: String = nik_last4.chars().filter(|c| !c.is_whitespace()).collect();
    if last4.len() != 4 || !last4.chars().all(|c| c.is_ascii_digit()) {
        return Err(ServiceError::NotFound);
    }
    let row: Option<StatusRow> = sqlx::query_as(
        "SELECT s.name_id, s.name_en, u.name, a.state, a.submitted_on, a.due_on, a.applicant_nik
         FROM application a JOIN service_type s ON s.service_type_id = a.service_type_id
         JOIN unit u ON u.unit_id = a.unit_id WHERE a.reg_number = $1",
    )
    .bind(number.as_str())
    .fetch_optional(state.db.read())
    .await?;
    let Some((name_id, name_en, unit_name, st, submitted_on, due_on, nik)) = row else {
        return Err(ServiceError::NotFound);
    };
    if !nik.ends_with(&last4) {
        return Err(ServiceError::NotFound);
    }
    Ok(PublicStatus {
        reg_number: number.as_str().to_owned(),
        service_name: crate::pages::catalog::pick(i18n, &name_id, &name_en),
        unit_name,
        state: State::parse(&st).unwrap_or(State::Submitted),
        submitted_on,
        due_on,
    })
}
