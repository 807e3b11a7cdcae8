//! The applicant's side after submission: their list, withdrawing before a decision, and
//! resubmitting after corrections (which resumes the clock and moves the due date).

use super::{calendar_and_pauses, day_text, load_row, parse_day, record_event, today, ActorKind};
use crate::api::applications::ApplicationSummary;
use crate::auth::Viewer;
use crate::domain::application_state::{transition, Action, State};
use crate::domain::workdays::sla;
use crate::i18n::{apply as ap, I18n};
use crate::server::{
    accounts::RequestMeta, audit, db::now_millis, error::ServiceError, state::AppState,
};

type MineRow = (
    i64,
    Option<String>,
    String,
    String,
    String,
    String,
    Option<String>,
    Option<String>,
    String,
);

/// The signed-in citizen's applications, newest first.
pub async fn list_mine(
    state: &AppState,
    viewer: &Viewer,
    i18n: I18n,
) -> Result<Vec<ApplicationSummary>, ServiceError> {
    let account_id = match viewer {
        Viewer::Citizen { account_id, .. } => *account_id,
        Viewer::Anonymous => return Err(ServiceError::Unauthorized),
        Viewer::Staff { .. } => return Err(ServiceError::Forbidden),
    };
    let rows: Vec<MineRow> = sqlx::query_as(
        "SELECT a.application_id, a.reg_number, s.name_id, s.name_en, a.applicant_name, a.state, a.submitted_on, a.due_on, a.channel
         FROM application a JOIN service_type s ON s.service_type_id = a.service_type_id
         WHERE a.citizen_account_id = $1 ORDER BY a.created_at DESC LIMIT 200",
    )
    .bind(account_id)
    .fetch_all(state.db.read())
    .await?;
    let today = day_text(today(state));
    Ok(rows
        .into_iter()
        .map(
            |(
                id,
                reg_number,
                name_id,
                name_en,
                applicant_name,
                st,
                submitted_on,
                due_on,
                channel,
            )| {
                let st = State::parse(&st).unwrap_or(State::Draft);
                ApplicationSummary {
                    id,
                    reg_number,
                    service_name: crate::pages::catalog::pick(i18n, &name_id, &name_en),
                    applicant_name,
                    state: st,
                    overdue: st.is_open_for_staff()
                        && due_on.as_deref().is_some_and(|d| d < today.as_str()),
                    submitted_on,
                    due_on,
                    assigned_to: None,
                    counter: channel == "counter",
                }
            },
        )
        .collect())
}

/// Withdraws an application before a decision.
pub async fn withdraw(
    state: &AppState,
    viewer: &Viewer,
    id: i64,
    meta: &RequestMeta,
    i18n: I18n,
) -> Result<(), ServiceError> {
    let mut tx = state.db.begin().await?;
    let row = load_row(&mut tx, id).await?;
    if !row.is_applicant(viewer) {
        return Err(if viewer.is_signed_in() {
            ServiceError::NotFound
        } else {
            ServiceError::Unauthorized
        });
    }
    if row.state() == State::Withdrawn {
        return Ok(());
    }
    let step = transition(row.state(), Action::Withdraw)
        .map_err(|_| ServiceError::Conflict(i18n.t(ap::CANNOT_WITHDRAW).into()))?;
    let now = now_millis();
    let changed = sqlx::query("UPDATE application SET state = $1, updated_at = $2, finished_on = $3 WHERE application_id = $4 AND state = $5")
        .bind(step.to.code())
        .bind(now)
        .bind(day_text(today(state)))
        .bind(id)
        .bind(step.from.code())
        .execute(&mut *tx)
        .await?
        .rows_affected();
    if changed == 0 {
        return Err(ServiceError::Conflict(i18n.t(ap::CANNOT_WITHDRAW).into()));
    }
    sqlx::query(
        "UPDATE sla_pause SET resumed_on = $1 WHERE application_id = $2 AND resumed_on IS NULL",
    )
    .bind(day_text(today(state)))
    .bind(id)
    .execute(&mut *tx)
    .await?;
    record_event(
        &mut tx,
        id,
        viewer.account_id(),
        actor_kind(viewer),
        Action::Withdraw,
        step.from,
        step.to,
        false,
        None,
    )
    .await?;
    audit::record(
        &mut tx,
        &meta.actor(viewer),
        "application.withdraw",
        Some(&format!("application:{id}")),
        None,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

fn actor_kind(viewer: &Viewer) -> ActorKind {
    if viewer.is_staff() {
        ActorKind::Staff
    } else {
        ActorKind::Citizen
    }
}

/// Submits the corrections: every requirement staff asked about must have a document uploaded
/// after the request. Resumes the clock and moves the due date by the paused working days.
pub async fn resubmit(
    state: &AppState,
    viewer: &Viewer,
    id: i64,
    meta: &RequestMeta,
    i18n: I18n,
) -> Result<(), ServiceError> {
    let mut tx = state.db.begin().await?;
    let row = load_row(&mut tx, id).await?;
    if !row.is_applicant(viewer) {
        return Err(if viewer.is_signed_in() {
            ServiceError::NotFound
        } else {
            ServiceError::Unauthorized
        });
    }
    if row.state() == State::Resubmitted {
        return Ok(());
    }
    let step = transition(row.state(), Action::Resubmit)
        .map_err(|_| ServiceError::Conflict(i18n.t(ap::STEP_NOT_POSSIBLE).into()))?;
    let unresolved: Vec<(i64, String, String)> = sqlx::query_as(
        "SELECT r.requirement_id, r.label_id, r.label_en FROM application_correction c
         JOIN service_requirement r ON r.requirement_id = c.requirement_id
         WHERE c.application_id = $1 AND c.resolved_at IS NULL AND r.needs_document = 1
           AND NOT EXISTS (SELECT 1 FROM application_document d WHERE d.application_id = c.application_id
                           AND d.requirement_id = c.requirement_id
                           AND (d.document_id > c.document_before
                                OR (c.document_before IS NULL AND d.uploaded_at > c.requested_at)))",
    )
    .bind(id)
    .fetch_all(&mut *tx)
    .await?;
    if !unresolved.is_empty() {
        let errors = unresolved
            .iter()
            .map(|(rid, id_label, en_label)| {
                let label = crate::pages::catalog::pick(i18n, id_label, en_label);
                crate::forms::field_error(
                    &format!("file_{rid}"),
                    i18n.f(ap::CORRECTION_MISSING, &[("requirement", &label)]),
                )
            })
            .collect();
        return Err(ServiceError::Validation(errors));
    }
    let today_day = today(state);
    let now = now_millis();
    sqlx::query(
        "UPDATE sla_pause SET resumed_on = $1 WHERE application_id = $2 AND resumed_on IS NULL",
    )
    .bind(day_text(today_day))
    .bind(id)
    .execute(&mut *tx)
    .await?;
    sqlx::query("UPDATE application_correction SET resolved_at = $1 WHERE application_id = $2 AND resolved_at IS NULL")
        .bind(now)
        .bind(id)
        .execute(&mut *tx)
        .await?;
    let submitted = row
        .submitted_on
        .as_deref()
        .and_then(parse_day)
        .unwrap_or(today_day);
    let (calendar, pauses) = calendar_and_pauses(&mut tx, id).await?;
    let status = sla(
        submitted,
        &pauses,
        u32::try_from(row.completion_days).unwrap_or(1),
        None,
        today_day,
        &calendar,
    );
    let changed = sqlx::query("UPDATE application SET state = $1, due_on = $2, updated_at = $3 WHERE application_id = $4 AND state = $5")
        .bind(step.to.code())
        .bind(day_text(status.due))
        .bind(now)
        .bind(id)
        .bind(step.from.code())
        .execute(&mut *tx)
        .await?
        .rows_affected();
    if changed == 0 {
        return Err(ServiceError::Conflict(i18n.t(ap::STEP_NOT_POSSIBLE).into()));
    }
    record_event(
        &mut tx,
        id,
        viewer.account_id(),
        actor_kind(viewer),
        Action::Resubmit,
        step.from,
        step.to,
        false,
        None,
    )
    .await?;
    audit::record(
        &mut tx,
        &meta.actor(viewer),
        "application.resubmit",
        Some(&format!("application:{id}")),
        None,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}
