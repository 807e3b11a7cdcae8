//! The officers' steps on an application of their unit: claim and assign, verify, ask for
//! corrections, accept, approve or reject, complete. Each step is one transaction: the state
//! change, the tracking log entry, the step's own records and the applicant's notification.

use super::complete::{
    finish_clock, freeze_credit, issue_permit, notify, notify_with_link, Notice,
};
use super::{day_text, load_row, record_event, today, ActorKind, AppRow};
use crate::auth::{Role, Viewer};
use crate::domain::application_state::{transition, Action, Clock, StaffAction, State};
use crate::forms::field_error;
use crate::i18n::{apply as ap, I18n};
use crate::server::{
    accounts::RequestMeta, audit, db::now_millis, error::ServiceError, state::AppState,
};

/// The step form: the action and, depending on it, notes or a reason.
#[derive(Clone, Debug, Default, serde::Deserialize)]
#[serde(default)]
pub struct StepInput {
    /// The step's code.
    pub action: String,
    /// Rejection reason.
    pub reason: String,
    /// General correction note.
    pub note: String,
    /// Correction notes per requirement: (`note_<requirement id>`, text), collected by the handler.
    #[serde(skip)]
    pub notes: Vec<(i64, String)>,
}

/// The acting officer: staff of the application's unit, once it is submitted (a draft is not
/// visible to staff, so it is "not found" here as on its page).
fn staff_id(viewer: &Viewer, row: &AppRow) -> Result<i64, ServiceError> {
    match viewer {
        Viewer::Anonymous => Err(ServiceError::Unauthorized),
        v if row.is_unit_staff(v) && row.state() != State::Draft => {
            Ok(v.account_id().unwrap_or_default())
        }
        _ => Err(ServiceError::NotFound),
    }
}

/// Takes one staff step on application `id`.
pub async fn act(
    state: &AppState,
    viewer: &Viewer,
    id: i64,
    input: &StepInput,
    meta: &RequestMeta,
    i18n: I18n,
) -> Result<StaffAction, ServiceError> {
    let mut tx = state.db.begin().await?;
    let row = load_row(&mut tx, id).await?;
    let officer = staff_id(viewer, &row)?;
    let step_action = StaffAction::parse(&input.action).ok_or(ServiceError::Validation(vec![]))?;
    let step = transition(row.state(), Action::Staff(step_action))
        .map_err(|_| ServiceError::Conflict(i18n.t(ap::STEP_NOT_POSSIBLE).into()))?;
    let reason = input.reason.trim();
    let note = input.note.trim();
    // Notes count only for this service's own requirements: a note for any other id (a
    // tampered form) would break the foreign key or ask for an upload the citizen cannot make.
    let own: Vec<i64> = sqlx::query_scalar(
        "SELECT requirement_id FROM service_requirement WHERE service_type_id = $1 AND active = 1",
    )
    .bind(row.service_type_id)
    .fetch_all(&mut *tx)
    .await?;
    let notes: Vec<(i64, &str)> = input
        .notes
        .iter()
        .map(|(r, n)| (*r, n.trim()))
        .filter(|(r, n)| !n.is_empty() && own.contains(r))
        .collect();
    let log_note: Option<String> = match step_action {
        StaffAction::Reject if reason.chars().count() < 10 => {
            return Err(ServiceError::Validation(vec![field_error(
                "reason",
                i18n.t(ap::REASON_REQUIRED),
            )]));
        }
        StaffAction::Reject => Some(reason.to_owned()),
        StaffAction::RequestCorrection if notes.is_empty() && note.is_empty() => {
            return Err(ServiceError::Validation(vec![field_error(
                "note",
                i18n.t(ap::CORRECTION_NOTE_REQUIRED),
            )]));
        }
        StaffAction::RequestCorrection => {
            let mut all: Vec<String> = notes.iter().map(|(_, n)| n.to_string()).collect();
            if !note.is_empty() {
                all.push(note.to_owned());
            }
            Some(all.join(" · "))
        }
        _ => None,
    };
    let now = now_millis();
    let changed = sqlx::query("UPDATE application SET state = $1, updated_at = $2 WHERE application_id = $3 AND state = $4")
        .bind(step.to.code())
        .bind(now)
        .bind(id)
        .bind(step.from.code())
        .execute(&mut *tx)
        .await?
        .rows_affected();
    if changed == 0 {
        return Err(ServiceError::Conflict(i18n.t(ap::STEP_NOT_POSSIBLE).into()));
    }
    if row.assigned_account_id.is_none() {
        sqlx::query("UPDATE application SET assigned_account_id = $1 WHERE application_id = $2")
            .bind(officer)
            .bind(id)
            .execute(&mut *tx)
            .await?;
    }
    let facing = row
        .citizen_facing
        .split(',')
        .any(|c| c == step_action.code());
    record_event(
        &mut tx,
        id,
        Some(officer),
        ActorKind::Staff,
        step.action,
        step.from,
        step.to,
        facing,
        log_note.as_deref(),
    )
    .await?;
    let reg = row.reg_number.clone().unwrap_or_default();
    match step_action {
        StaffAction::RequestCorrection => {
            for (requirement_id, text) in &notes {
                insert_correction(&mut tx, id, Some(*requirement_id), text, now).await?;
            }
            if !note.is_empty() {
                insert_correction(&mut tx, id, None, note, now).await?;
            }
            notify(
                &mut tx,
                &row,
                &reg,
                Notice::CorrectionRequested,
                log_note.as_deref(),
            )
            .await?;
        }
        StaffAction::Approve => notify(&mut tx, &row, &reg, Notice::Approved, None).await?,
        StaffAction::Reject => {
            sqlx::query("UPDATE application SET decision_reason = $1 WHERE application_id = $2")
                .bind(reason)
                .bind(id)
                .execute(&mut *tx)
                .await?;
            finish_clock(&mut tx, state, &row).await?;
            notify(&mut tx, &row, &reg, Notice::Rejected, Some(reason)).await?;
        }
        StaffAction::Complete => {
            finish_clock(&mut tx, state, &row).await?;
            sqlx::query("UPDATE application SET completed_at = $1 WHERE application_id = $2")
                .bind(now)
                .bind(id)
                .execute(&mut *tx)
                .await?;
            let permit = issue_permit(&mut tx, state, &row).await?;
            freeze_credit(&mut tx, &row).await?;
            crate::server::scoring::rollup::served_application(&mut tx, id).await?;
            // REFERENCE §3: completing issues the survey invitation in the same transaction.
            let survey =
                crate::server::survey::invite::for_application(&mut tx, state, &row).await?;
            notify_with_link(
                &mut tx,
                &row,
                &reg,
                Notice::Completed,
                Some(&permit),
                Some(&survey),
            )
            .await?;
        }
        StaffAction::StartVerification | StaffAction::AcceptDocuments => {}
    }
    if step.clock == Clock::Pause {
        sqlx::query("INSERT INTO sla_pause (application_id, paused_on) VALUES ($1, $2)")
            .bind(id)
            .bind(day_text(today(state)))
            .execute(&mut *tx)
            .await?;
    }
    audit::record(
        &mut tx,
        &meta.actor(viewer),
        &format!("application.{}", step_action.code()),
        Some(&format!("application:{id}")),
        None,
    )
    .await?;
    tx.commit().await?;
    tracing::info!(
        application.id = id,
        step = step_action.code(),
        "application step"
    );
    Ok(step_action)
}

async fn insert_correction(
    conn: &mut sqlx::AnyConnection,
    id: i64,
    requirement_id: Option<i64>,
    note: &str,
    now: i64,
) -> Result<(), ServiceError> {
    let note: String = note.chars().take(1000).collect();
    // The newest document of the requirement now: a later one answers the request (0009).
    sqlx::query(
        "INSERT INTO application_correction (application_id, requirement_id, note, requested_at, document_before)
         SELECT $1, $2, $3, $4, COALESCE(MAX(document_id), 0) FROM application_document
         WHERE application_id = $1 AND requirement_id = $2",
    )
        .bind(id)
        .bind(requirement_id)
        .bind(note)
        .bind(now)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// The assignment form.
#[derive(Clone, Debug, Default, serde::Deserialize)]
#[serde(default)]
pub struct AssignInput {
    /// The officer's account id; empty means "me".
    pub officer: String,
}

/// Assigns an open application: an officer claims it for themselves, a supervisor may give it
/// to any officer of the unit.
pub async fn assign(
    state: &AppState,
    viewer: &Viewer,
    id: i64,
    input: &AssignInput,
    meta: &RequestMeta,
    i18n: I18n,
) -> Result<(), ServiceError> {
    let mut tx = state.db.begin().await?;
    let row = load_row(&mut tx, id).await?;
    let me = staff_id(viewer, &row)?;
    if !row.state().is_open_for_staff() {
        return Err(ServiceError::Conflict(i18n.t(ap::STEP_NOT_POSSIBLE).into()));
    }
    let target = match input.officer.trim() {
        "" => me,
        other => other
            .parse::<i64>()
            .map_err(|_| ServiceError::Validation(vec![]))?,
    };
    if target != me && !viewer.has_role(Role::Supervisor) {
        return Err(ServiceError::Forbidden);
    }
    let in_unit: Option<i64> = sqlx::query_scalar(
        "SELECT s.account_id FROM staff s JOIN account a ON a.account_id = s.account_id
         JOIN staff_role r ON r.account_id = s.account_id
         WHERE s.account_id = $1 AND s.unit_id = $2 AND a.active = 1 AND r.role = 'officer'",
    )
    .bind(target)
    .bind(row.unit_id)
    .fetch_optional(&mut *tx)
    .await?;
    if in_unit.is_none() && target != me {
        return Err(ServiceError::Validation(vec![field_error(
            "officer",
            i18n.t(ap::NOT_AN_OFFICER),
        )]));
    }
    sqlx::query("UPDATE application SET assigned_account_id = $1, updated_at = $2 WHERE application_id = $3")
        .bind(target)
        .bind(now_millis())
        .bind(id)
        .execute(&mut *tx)
        .await?;
    audit::record(
        &mut tx,
        &meta.actor(viewer),
        "application.assigned",
        Some(&format!("application:{id}")),
        Some(&format!("officer={target}")),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}
