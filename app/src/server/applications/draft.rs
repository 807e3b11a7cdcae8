//! Applying: a draft is created once per start (idempotency key), filled in step by step
//! (answers, documents), and submitted. Submitting is replay-safe: the state change is a
//! conditional update, so a double click, a refresh or a retry submits exactly once.

use super::{day_text, load_row, record_event, today, ActorKind, AppRow};
use crate::api::error::FieldError;
use crate::auth::Viewer;
use crate::domain::application_state::{transition, Action, State};
use crate::domain::registration::RegistrationNumber;
use crate::domain::service::{check_answer, AnswerError, FieldKind, FieldSpec};
use crate::forms::field_error;
use crate::i18n::{apply as ap, I18n};
use crate::server::{db::now_millis, error::ServiceError, state::AppState};
use std::collections::BTreeMap;

mod upload;
pub use upload::upload_document;

/// Starts (or, for a repeated key, finds) a citizen's draft for the service `code`.
pub async fn start_draft(
    state: &AppState,
    viewer: &Viewer,
    code: &str,
    draft_key: &str,
) -> Result<i64, ServiceError> {
    let Viewer::Citizen { account_id, .. } = viewer else {
        return Err(if viewer.is_signed_in() {
            ServiceError::Forbidden
        } else {
            ServiceError::Unauthorized
        });
    };
    if draft_key.len() < 16 || draft_key.len() > 64 {
        return Err(ServiceError::Validation(vec![]));
    }
    let mut tx = state.db.begin().await?;
    let service: Option<(i64, i64)> = sqlx::query_as(
        "SELECT s.service_type_id, s.unit_id FROM service_type s JOIN unit u ON u.unit_id = s.unit_id
         WHERE s.code = $1 AND s.active = 1 AND u.active = 1",
    )
    .bind(code.trim().to_uppercase())
    .fetch_optional(&mut *tx)
    .await?;
    let (service_type_id, unit_id) = service.ok_or(ServiceError::NotFound)?;
    let (name, nik, email, phone): (String, String, Option<String>, Option<String>) = sqlx::query_as(
        "SELECT c.full_name, c.nik, a.email, c.phone FROM citizen c JOIN account a ON a.account_id = c.account_id
         WHERE c.account_id = $1",
    )
    .bind(account_id)
    .fetch_one(&mut *tx)
    .await?;
    let now = now_millis();
    let created: Option<i64> = sqlx::query_scalar(
        "INSERT INTO application (service_type_id, unit_id, citizen_account_id, applicant_name, applicant_nik,
             applicant_email, applicant_phone, channel, draft_key, state, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, 'online', $8, 'draft', $9, $9)
         ON CONFLICT (draft_key) DO NOTHING RETURNING application_id",
    )
    .bind(service_type_id)
    .bind(unit_id)
    .bind(account_id)
    .bind(&name)
    .bind(&nik)
    .bind(&email)
    .bind(&phone)
    .bind(draft_key)
    .bind(now)
    .fetch_optional(&mut *tx)
    .await?;
    let id = match created {
        Some(id) => id,
        None => sqlx::query_scalar("SELECT application_id FROM application WHERE draft_key = $1 AND citizen_account_id = $2")
            .bind(draft_key)
            .bind(account_id)
            .fetch_optional(&mut *tx)
            .await?
            .ok_or(ServiceError::Forbidden)?,
    };
    tx.commit().await?;
    Ok(id)
}

/// Whether the viewer may change this application's answers and documents now; `locked` says
/// why not when the application is no longer waiting for the citizen.
pub(super) fn check_editable(
    row: &AppRow,
    viewer: &Viewer,
    locked: &str,
) -> Result<(), ServiceError> {
    if !row.is_applicant(viewer) {
        return Err(if viewer.is_signed_in() {
            ServiceError::NotFound
        } else {
            ServiceError::Unauthorized
        });
    }
    if !row.state().awaiting_citizen() {
        return Err(ServiceError::Conflict(locked.to_owned()));
    }
    Ok(())
}

/// The answer specs of an application's service, with their labels.
pub async fn field_specs(
    conn: &mut sqlx::AnyConnection,
    service_type_id: i64,
) -> Result<Vec<FieldSpec>, ServiceError> {
    let rows: Vec<(i64, String, String, i64)> = sqlx::query_as(
        "SELECT field_id, kind, choices, required FROM service_field
         WHERE service_type_id = $1 AND active = 1 ORDER BY position, field_id",
    )
    .bind(service_type_id)
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows
        .into_iter()
        .filter_map(|(field_id, kind, choices, required)| {
            Some(FieldSpec {
                field_id,
                kind: FieldKind::parse(&kind)?,
                choices: choices
                    .lines()
                    .map(str::trim)
                    .filter(|c| !c.is_empty())
                    .map(str::to_owned)
                    .collect(),
                required: required == 1,
            })
        })
        .collect())
}

fn answer_message(i18n: I18n, error: AnswerError) -> String {
    i18n.t(match error {
        AnswerError::Missing => crate::i18n::forms::FIELD_REQUIRED,
        AnswerError::TooLong => ap::ANSWER_TOO_LONG,
        AnswerError::NotANumber => ap::ANSWER_NOT_NUMBER,
        AnswerError::NotADate => ap::ANSWER_NOT_DATE,
        AnswerError::NotAChoice => ap::ANSWER_NOT_CHOICE,
    })
    .to_owned()
}

/// Saves the answers to the service's extra questions (form fields `field_<id>`), refusing the
/// whole form if any answer is invalid.
pub async fn save_answers(
    state: &AppState,
    viewer: &Viewer,
    id: i64,
    submitted: &[(String, String)],
    i18n: I18n,
) -> Result<(), ServiceError> {
    let mut tx = state.db.begin().await?;
    let row = load_row(&mut tx, id).await?;
    check_editable(&row, viewer, i18n.t(ap::ANSWERS_LOCKED))?;
    if row.state() != State::Draft {
        return Err(ServiceError::Conflict(i18n.t(ap::ANSWERS_LOCKED).into()));
    }
    let specs = field_specs(&mut tx, row.service_type_id).await?;
    let mut answers = BTreeMap::new();
    let mut errors: Vec<FieldError> = Vec::new();
    for spec in &specs {
        let name = format!("field_{}", spec.field_id);
        let raw = submitted
            .iter()
            .find(|(k, _)| *k == name)
            .map(|(_, v)| v.as_str())
            .unwrap_or("");
        match check_answer(spec, raw) {
            Ok(value) => {
                answers.insert(spec.field_id.to_string(), value);
            }
            Err(e) => errors.push(field_error(&name, answer_message(i18n, e))),
        }
    }
    if !errors.is_empty() {
        return Err(ServiceError::Validation(errors));
    }
    let json =
        serde_json::to_string(&answers).map_err(|e| ServiceError::Unexpected(e.to_string()))?;
    sqlx::query(
        "UPDATE application SET field_values = $1, updated_at = $2 WHERE application_id = $3",
    )
    .bind(json)
    .bind(now_millis())
    .bind(id)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(())
}

/// What is still missing before a draft can be submitted (empty when ready).
pub async fn missing(
    conn: &mut sqlx::AnyConnection,
    row: &AppRow,
    i18n: I18n,
) -> Result<Vec<FieldError>, ServiceError> {
    let mut problems = Vec::new();
    let answers: BTreeMap<String, String> =
        serde_json::from_str(&row.field_values).unwrap_or_default();
    for spec in field_specs(conn, row.service_type_id).await? {
        let value = answers
            .get(&spec.field_id.to_string())
            .map(String::as_str)
            .unwrap_or("");
        if let Err(e) = check_answer(&spec, value) {
            problems.push(field_error(
                &format!("field_{}", spec.field_id),
                answer_message(i18n, e),
            ));
        }
    }
    let without_document: Vec<(i64, String, String)> = sqlx::query_as(
        "SELECT r.requirement_id, r.label_id, r.label_en FROM service_requirement r
         WHERE r.service_type_id = $1 AND r.active = 1 AND r.needs_document = 1
           AND NOT EXISTS (SELECT 1 FROM application_document d WHERE d.application_id = $2
                           AND d.requirement_id = r.requirement_id AND d.replaced_at IS NULL)
         ORDER BY r.position",
    )
    .bind(row.service_type_id)
    .bind(row.application_id)
    .fetch_all(&mut *conn)
    .await?;
    for (requirement_id, label_id, label_en) in without_document {
        let label = crate::pages::catalog::pick(i18n, &label_id, &label_en);
        problems.push(field_error(
            &format!("file_{requirement_id}"),
            i18n.f(ap::DOCUMENT_MISSING, &[("requirement", &label)]),
        ));
    }
    Ok(problems)
}

/// Submits a complete draft: registration number, due date, tracking log, notification — one
/// transaction. Submitting an application that is already submitted returns its number.
pub async fn submit(
    state: &AppState,
    viewer: &Viewer,
    id: i64,
    i18n: I18n,
) -> Result<String, ServiceError> {
    if !viewer.is_signed_in() {
        return Err(ServiceError::Unauthorized);
    }
    let mut tx = state.db.begin().await?;
    let row = load_row(&mut tx, id).await?;
    if !row.is_applicant(viewer) {
        return Err(ServiceError::NotFound);
    }
    if let (false, Some(number)) = (row.state() == State::Draft, &row.reg_number) {
        return Ok(number.clone());
    }
    let step = transition(row.state(), Action::Submit)
        .map_err(|_| ServiceError::Conflict(String::new()))?;
    let problems = missing(&mut tx, &row, i18n).await?;
    if !problems.is_empty() {
        return Err(ServiceError::Validation(problems));
    }
    let today = today(state);
    let calendar = super::calendar(&mut tx).await?;
    let due = calendar.add_working_days(today, u32::try_from(row.completion_days).unwrap_or(1));
    let number = loop {
        let candidate = RegistrationNumber::generate(today, rand::random::<u64>());
        let taken: Option<i64> =
            sqlx::query_scalar("SELECT application_id FROM application WHERE reg_number = $1")
                .bind(candidate.as_str())
                .fetch_optional(&mut *tx)
                .await?;
        if taken.is_none() {
            break candidate;
        }
    };
    let now = now_millis();
    let changed = sqlx::query(
        "UPDATE application SET state = $1, reg_number = $2, submitted_at = $3, submitted_on = $4, due_on = $5, updated_at = $3
         WHERE application_id = $6 AND state = 'draft'",
    )
    .bind(step.to.code())
    .bind(number.as_str())
    .bind(now)
    .bind(day_text(today))
    .bind(day_text(due))
    .bind(id)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    if changed == 0 {
        tx.rollback().await?;
        let mut conn = state.db.write().acquire().await?;
        return load_row(&mut conn, id)
            .await?
            .reg_number
            .ok_or(ServiceError::Conflict(String::new()));
    }
    let (actor, kind) = match viewer {
        Viewer::Staff { account_id, .. } => (Some(*account_id), ActorKind::Staff),
        other => (other.account_id(), ActorKind::Citizen),
    };
    record_event(
        &mut tx,
        id,
        actor,
        kind,
        Action::Submit,
        step.from,
        step.to,
        false,
        None,
    )
    .await?;
    super::complete::notify(
        &mut tx,
        &row,
        number.as_str(),
        super::complete::Notice::Submitted,
        None,
    )
    .await?;
    tx.commit().await?;
    tracing::info!(application.id = id, "application submitted");
    Ok(number.as_str().to_owned())
}
