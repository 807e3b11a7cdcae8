//! Following up what citizens said (REFERENCE §3.4): every low answer (an unsur scored 2 or
//! lower) or suggestion opens an item for the unit's supervisors, showing the answer and the
//! application it rates — never who answered; closing one needs a note. And the unit's
//! improvement plan (rencana tindak lanjut): actions per unsur, owner and due date, starting
//! with the lowest unsur, published with their progress on the unit's public page.

use crate::api::followup::{FollowupItem, FollowupPage};
use crate::api::survey::PlanAction;
use crate::auth::{Role, Viewer};
use crate::domain::period::Period;
use crate::domain::skm::Unsur;
use crate::forms::field_error;
use crate::i18n::{survey as sv, I18n};
use crate::server::{
    accounts::RequestMeta, audit, db::now_millis, error::ServiceError, state::AppState,
};

/// Opens the follow-up item of a new answer when it needs one, in the answer's transaction.
/// `reasons` is (some unsur ≤ 2, a suggestion was given).
pub async fn open_if_needed(
    conn: &mut sqlx::AnyConnection,
    response_id: i64,
    unit_id: i64,
    reasons: (bool, bool),
    now: i64,
) -> Result<(), ServiceError> {
    let (low, suggestion) = reasons;
    if !(low || suggestion) {
        return Ok(());
    }
    sqlx::query(
        "INSERT INTO survey_followup (response_id, unit_id, low_score, opened_at) VALUES ($1, $2, $3, $4)",
    )
    .bind(response_id)
    .bind(unit_id)
    .bind(i64::from(low))
    .bind(now)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// The supervisor's unit, or why they have none.
pub fn supervised_unit(viewer: &Viewer) -> Result<i64, ServiceError> {
    match viewer {
        Viewer::Anonymous => Err(ServiceError::Unauthorized),
        Viewer::Staff {
            unit_id: Some(unit),
            ..
        } if viewer.has_role(Role::Supervisor) => Ok(*unit),
        _ => Err(ServiceError::Forbidden),
    }
}

/// Id, opened at, response, closed at, note, service names, registration number.
type ItemRow = (
    i64,
    i64,
    i64,
    Option<i64>,
    Option<String>,
    String,
    String,
    Option<String>,
);

/// Open items (and the last closed ones) of the supervisor's unit, and its improvement plan for
/// `period` (default: the current semester).
pub async fn page(
    state: &AppState,
    viewer: &Viewer,
    period: &str,
    i18n: I18n,
) -> Result<FollowupPage, ServiceError> {
    let unit = supervised_unit(viewer)?;
    let period = super::index::period_or_current(state, period)?;
    let rows: Vec<ItemRow> = sqlx::query_as(
        "SELECT f.followup_id, f.opened_at, f.response_id, f.closed_at, f.note, s.name_id, s.name_en, a.reg_number
         FROM survey_followup f
         JOIN survey_response r ON r.response_id = f.response_id
         JOIN service_type s ON s.service_type_id = r.service_type_id
         LEFT JOIN survey_response_source src ON src.response_id = f.response_id
         LEFT JOIN application a ON a.application_id = src.application_id
         WHERE f.unit_id = $1 AND (f.closed_at IS NULL OR f.closed_at > $2)
         ORDER BY f.closed_at IS NOT NULL, f.opened_at DESC LIMIT 200",
    )
    .bind(unit)
    .bind(now_millis() - 30 * 24 * 60 * 60 * 1000)
    .fetch_all(state.db.read())
    .await?;
    let mut items = Vec::with_capacity(rows.len());
    for (id, opened_at, response_id, closed_at, note, name_id, name_en, reg_number) in rows {
        let (scores, suggestion, app_id) = answer_of(state, response_id).await?;
        items.push(FollowupItem {
            id,
            opened: crate::server::applications::detail::local_time(
                opened_at,
                state.config.time_zone,
            ),
            service_name: crate::pages::catalog::pick(i18n, &name_id, &name_en),
            scores,
            suggestion,
            reg_number,
            application_id: app_id,
            closed: closed_at.is_some(),
            note,
        });
    }
    let plan = plan_of(state, unit, &period).await?;
    let index = super::index::unit_figures(state, unit, &period).await?;
    Ok(FollowupPage {
        period: period.to_string(),
        items,
        plan,
        lowest: index.map(|f| f.lowest).unwrap_or_default(),
    })
}

/// The nine scores, the suggestion and the rated application of a response.
type AnswerRow = (
    Option<i64>,
    Option<i64>,
    Option<i64>,
    Option<i64>,
    Option<i64>,
    Option<i64>,
    Option<i64>,
    Option<i64>,
    Option<i64>,
    Option<String>,
    Option<i64>,
);

/// Scores given, suggestion, and the application rated.
type Answer = (Vec<(Unsur, u8)>, Option<String>, Option<i64>);

async fn answer_of(state: &AppState, response_id: i64) -> Result<Answer, ServiceError> {
    let row: AnswerRow =
        sqlx::query_as(
            "SELECT r.u1, r.u2, r.u3, r.u4, r.u5, r.u6, r.u7, r.u8, r.u9, r.suggestion, src.application_id
             FROM survey_response r LEFT JOIN survey_response_source src ON src.response_id = r.response_id
             WHERE r.response_id = $1",
        )
        .bind(response_id)
        .fetch_one(state.db.read())
        .await?;
    let values = [
        row.0, row.1, row.2, row.3, row.4, row.5, row.6, row.7, row.8,
    ];
    let scores = Unsur::ALL
        .into_iter()
        .zip(values)
        .filter_map(|(u, v)| v.and_then(|v| u8::try_from(v).ok()).map(|v| (u, v)))
        .collect();
    Ok((scores, row.9, row.10))
}

/// The closing form.
#[derive(Clone, Debug, Default, serde::Deserialize)]
#[serde(default)]
pub struct CloseInput {
    /// What was done.
    pub note: String,
}

/// Closes an item of the supervisor's unit with a note (at least 10 characters).
pub async fn close(
    state: &AppState,
    viewer: &Viewer,
    id: i64,
    input: &CloseInput,
    meta: &RequestMeta,
    i18n: I18n,
) -> Result<(), ServiceError> {
    let unit = supervised_unit(viewer)?;
    let note = input.note.trim();
    if note.chars().count() < 10 || note.chars().count() > 1000 {
        return Err(ServiceError::Validation(vec![field_error(
            &format!("note_{id}"),
            i18n.t(sv::FOLLOWUP_NOTE_REQUIRED),
        )]));
    }
    let mut tx = state.db.begin().await?;
    let changed = sqlx::query(
        "UPDATE survey_followup SET closed_at = $1, closed_by = $2, note = $3
         WHERE followup_id = $4 AND unit_id = $5 AND closed_at IS NULL",
    )
    .bind(now_millis())
    .bind(viewer.account_id())
    .bind(note)
    .bind(id)
    .bind(unit)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    if changed == 0 {
        let exists: Option<i64> = sqlx::query_scalar(
            "SELECT followup_id FROM survey_followup WHERE followup_id = $1 AND unit_id = $2",
        )
        .bind(id)
        .bind(unit)
        .fetch_optional(&mut *tx)
        .await?;
        return match exists {
            Some(_) => Ok(()),
            None => Err(ServiceError::NotFound),
        };
    }
    audit::record(
        &mut tx,
        &meta.actor(viewer),
        "survey.followup_closed",
        Some(&format!("survey_followup:{id}")),
        None,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// A unit's improvement plan for a period, by due date (the page marks the lowest unsur).
pub async fn plan_of(
    state: &AppState,
    unit: i64,
    period: &Period,
) -> Result<Vec<PlanAction>, ServiceError> {
    let rows: Vec<(i64, String, String, String, String, String, String)> = sqlx::query_as(
        "SELECT action_id, unsur, action, owner, due_on, status, progress_note FROM improvement_action
         WHERE unit_id = $1 AND period = $2 ORDER BY due_on, action_id",
    )
    .bind(unit)
    .bind(period.to_string())
    .fetch_all(state.db.read())
    .await?;
    Ok(rows
        .into_iter()
        .filter_map(
            |(id, unsur, action, owner, due_on, status, progress_note)| {
                Some(PlanAction {
                    id,
                    unsur: Unsur::parse(&unsur).ok()?,
                    action,
                    owner,
                    due_on,
                    status,
                    progress_note,
                })
            },
        )
        .collect())
}

/// The form adding an action to the plan.
#[derive(Clone, Debug, Default, serde::Deserialize)]
#[serde(default)]
pub struct ActionInput {
    /// The period (`2026-S1`).
    pub period: String,
    /// `U1`..`U9`.
    pub unsur: String,
    /// What will be done.
    pub action: String,
    /// Who is responsible.
    pub owner: String,
    /// Due day (`YYYY-MM-DD`).
    pub due_on: String,
}

impl ActionInput {
    /// Values to show again if refused.
    pub fn echo(&self) -> Vec<(String, String)> {
        [
            ("period", &self.period),
            ("unsur", &self.unsur),
            ("action", &self.action),
            ("owner", &self.owner),
            ("due_on", &self.due_on),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_owned(), v.clone()))
        .collect()
    }
}

/// Adds an action to the supervisor's unit's plan.
pub async fn add_action(
    state: &AppState,
    viewer: &Viewer,
    input: &ActionInput,
    meta: &RequestMeta,
    i18n: I18n,
) -> Result<String, ServiceError> {
    let unit = supervised_unit(viewer)?;
    let mut errors = Vec::new();
    let period = Period::parse(input.period.trim())
        .map_err(|_| errors.push(field_error("period", i18n.t(sv::PERIOD_INVALID))))
        .ok();
    let unsur = Unsur::parse(&input.unsur)
        .map_err(|_| errors.push(field_error("unsur", i18n.t(sv::PLAN_UNSUR_REQUIRED))))
        .ok();
    let action = input.action.trim();
    if action.chars().count() < 10 || action.chars().count() > 1000 {
        errors.push(field_error("action", i18n.t(sv::PLAN_ACTION_REQUIRED)));
    }
    let owner = input.owner.trim();
    if owner.is_empty() || owner.chars().count() > 200 {
        errors.push(field_error("owner", i18n.t(sv::PLAN_OWNER_REQUIRED)));
    }
    let due = time::Date::parse(
        input.due_on.trim(),
        time::macros::format_description!("[year]-[month]-[day]"),
    )
    .map_err(|_| errors.push(field_error("due_on", i18n.t(sv::PLAN_DUE_REQUIRED))))
    .ok();
    let (Some(period), Some(unsur), Some(due), true) = (period, unsur, due, errors.is_empty())
    else {
        return Err(ServiceError::Validation(errors));
    };
    let now = now_millis();
    let mut tx = state.db.begin().await?;
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO improvement_action (unit_id, period, unsur, action, owner, due_on, created_by, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8) RETURNING action_id",
    )
    .bind(unit)
    .bind(period.to_string())
    .bind(unsur.code())
    .bind(action)
    .bind(owner)
    .bind(crate::server::applications::day_text(due))
    .bind(viewer.account_id())
    .bind(now)
    .fetch_one(&mut *tx)
    .await?;
    audit::record(
        &mut tx,
        &meta.actor(viewer),
        "survey.plan_action_added",
        Some(&format!("improvement_action:{id}")),
        None,
    )
    .await?;
    tx.commit().await?;
    Ok(period.to_string())
}

/// The form updating an action's progress.
#[derive(Clone, Debug, Default, serde::Deserialize)]
#[serde(default)]
pub struct ProgressInput {
    /// `planned`, `in_progress` or `done`.
    pub status: String,
    /// Progress so far.
    pub progress_note: String,
}

/// Updates an action of the supervisor's unit; returns its period.
pub async fn update_progress(
    state: &AppState,
    viewer: &Viewer,
    id: i64,
    input: &ProgressInput,
    meta: &RequestMeta,
    i18n: I18n,
) -> Result<String, ServiceError> {
    let unit = supervised_unit(viewer)?;
    let status = input.status.trim();
    if !matches!(status, "planned" | "in_progress" | "done") {
        return Err(ServiceError::Validation(vec![field_error(
            &format!("status_{id}"),
            i18n.t(sv::PLAN_STATUS_REQUIRED),
        )]));
    }
    let note: String = input.progress_note.trim().chars().take(1000).collect();
    let mut tx = state.db.begin().await?;
    let period: Option<String> = sqlx::query_scalar(
        "UPDATE improvement_action SET status = $1, progress_note = $2, updated_at = $3
         WHERE action_id = $4 AND unit_id = $5 RETURNING period",
    )
    .bind(status)
    .bind(&note)
    .bind(now_millis())
    .bind(id)
    .bind(unit)
    .fetch_optional(&mut *tx)
    .await?;
    let period = period.ok_or(ServiceError::NotFound)?;
    audit::record(
        &mut tx,
        &meta.actor(viewer),
        "survey.plan_action_updated",
        Some(&format!("improvement_action:{id}")),
        Some(status),
    )
    .await?;
    tx.commit().await?;
    Ok(period)
}
