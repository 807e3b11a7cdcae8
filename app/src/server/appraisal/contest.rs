//! The officer's contest (keberatan) of their own appraisal (REFERENCE §5.2; UU 27/2022 gives
//! the right to object to decisions resting on automated scoring): a written reason, one
//! undecided contest at a time, allowed after the period has closed. HR rules on it.

pub use crate::api::appraisal::MIN_CONTEST_REASON_CHARS;
use crate::auth::Viewer;
use crate::forms::field_error;
use crate::i18n::{appraisal as msg, I18n};
use crate::server::{
    accounts::RequestMeta, audit, db::now_millis, error::ServiceError, state::AppState,
};

/// Longest reason kept, in characters.
pub const MAX_CONTEST_REASON_CHARS: usize = 4000;

/// The contest form.
#[derive(Clone, Debug, Default, serde::Deserialize)]
#[serde(default)]
pub struct ContestInput {
    /// The appraisal contested.
    pub appraisal_id: String,
    /// Why.
    pub reason: String,
    /// The period shown on the page the form was on (only to show that page again).
    pub period: String,
}

/// Files a contest of the viewer's own appraisal `input.appraisal_id`; anyone else's appraisal
/// is not found. Returns the appraisal's period name.
pub async fn file(
    state: &AppState,
    viewer: &Viewer,
    input: &ContestInput,
    meta: &RequestMeta,
    i18n: I18n,
) -> Result<String, ServiceError> {
    let me = match viewer {
        Viewer::Anonymous => return Err(ServiceError::Unauthorized),
        Viewer::Staff { account_id, .. } => *account_id,
        Viewer::Citizen { .. } => return Err(ServiceError::NotFound),
    };
    let id: i64 = input
        .appraisal_id
        .trim()
        .parse()
        .map_err(|_| ServiceError::NotFound)?;
    let found: Option<(i64, String)> = sqlx::query_as(
        "SELECT a.officer_account_id, p.name FROM appraisal a
         JOIN appraisal_period p ON p.period_id = a.period_id WHERE a.appraisal_id = $1",
    )
    .bind(id)
    .fetch_optional(state.db.read())
    .await?;
    let period = match found {
        Some((officer, period)) if officer == me => period,
        _ => return Err(ServiceError::NotFound),
    };
    let reason = input.reason.trim();
    let chars = reason.chars().count();
    if chars == 0 {
        return Err(ServiceError::Validation(vec![field_error(
            "reason",
            i18n.t(msg::OBJ_REASON_MISSING),
        )]));
    }
    if chars < MIN_CONTEST_REASON_CHARS {
        return Err(ServiceError::Validation(vec![field_error(
            "reason",
            i18n.f(
                msg::OBJ_REASON_TOO_SHORT,
                &[("min", &MIN_CONTEST_REASON_CHARS)],
            ),
        )]));
    }
    if chars > MAX_CONTEST_REASON_CHARS {
        return Err(ServiceError::Validation(vec![field_error(
            "reason",
            i18n.f(
                msg::OBJ_REASON_TOO_LONG,
                &[("max", &MAX_CONTEST_REASON_CHARS)],
            ),
        )]));
    }
    let mut tx = state.db.begin().await?;
    // A no-op write on the appraisal serialises two contests sent at once (PostgreSQL holds
    // the row lock until commit; SQLite has one writer), so only one stays undecided.
    sqlx::query("UPDATE appraisal SET updated_at = updated_at WHERE appraisal_id = $1")
        .bind(id)
        .execute(&mut *tx)
        .await?;
    let pending: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM appraisal_contest WHERE appraisal_id = $1 AND decision IS NULL",
    )
    .bind(id)
    .fetch_one(&mut *tx)
    .await?;
    if pending > 0 {
        return Err(ServiceError::Conflict(
            i18n.t(msg::OBJ_PENDING_EXISTS).to_owned(),
        ));
    }
    sqlx::query(
        "INSERT INTO appraisal_contest (appraisal_id, reason, filed_at) VALUES ($1, $2, $3)",
    )
    .bind(id)
    .bind(reason)
    .bind(now_millis())
    .execute(&mut *tx)
    .await?;
    audit::record(
        &mut tx,
        &meta.actor(viewer),
        "appraisal.contested",
        Some(&format!("appraisal:{id}")),
        Some(&period),
    )
    .await?;
    tx.commit().await?;
    Ok(period)
}
