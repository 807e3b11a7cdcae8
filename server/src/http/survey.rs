//! Form handlers of the satisfaction survey: answering (by link or typed code), counter
//! invitations, and the supervisors' follow-up and improvement plan.

use super::forms::{error_response, refused, refused_on, see_other, Submission};
use app::server::survey::{
    answer::{self, Submitted},
    followup::{self, ActionInput, CloseInput, ProgressInput},
    invite::{self, CounterInvitationInput},
};
use app::server::{error::ServiceError, state::AppState};
use axum::{
    extract::{Path, State},
    http::{header, StatusCode},
    response::{IntoResponse, Response},
};
use serde::Deserialize;

/// The typed-code form.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct CodeInput {
    code: String,
}

/// `POST /survei`: a typed counter code opens its questionnaire.
pub async fn code_entry(State(state): State<AppState>, form: Submission<CodeInput>) -> Response {
    match invite::token_for_code(&state, &form.input.code, &form.meta(), form.i18n()).await {
        Ok(token) => see_other(&format!("/survei/{token}")),
        Err(error) => {
            let values = vec![("code".to_owned(), form.input.code.clone())];
            refused(&state, form.parts, values, error).await
        }
    }
}

/// `POST /survei/{token}`: the answers (stored once; a replay is thanked, not stored).
pub async fn submit(
    State(state): State<AppState>,
    Path(token): Path<String>,
    form: Submission<Vec<(String, String)>>,
) -> Response {
    match answer::submit(&state, &form.viewer(), &token, &form.input, form.i18n()).await {
        Ok(Submitted::Stored) => see_other("/survei/terima-kasih"),
        Ok(Submitted::AlreadyAnswered) => see_other("/survei/sudah-dijawab"),
        Err(error @ (ServiceError::Validation(_) | ServiceError::Conflict(_))) => {
            refused(&state, form.parts, form.input.clone(), error).await
        }
        Err(error) => error_response(error, form.i18n()),
    }
}

/// `GET /survei/{token}/qr.svg`: the QR code of an open questionnaire link, as an image the
/// browser keeps for a day (the same token always gives the same code). Private: the token is
/// the invitation. Anything else is "not found".
pub async fn qr(State(state): State<AppState>, Path(token): Path<String>) -> Response {
    match invite::qr_of_token(&state, &token) {
        Some(svg) => (
            [
                (header::CONTENT_TYPE, "image/svg+xml"),
                (header::CACHE_CONTROL, "private, max-age=86400"),
            ],
            svg,
        )
            .into_response(),
        None => StatusCode::NOT_FOUND.into_response(),
    }
}

/// `POST /petugas/survei-loket`: a counter invitation (replay-safe).
pub async fn issue_counter(
    State(state): State<AppState>,
    form: Submission<CounterInvitationInput>,
) -> Response {
    match invite::issue_counter(
        &state,
        &form.viewer(),
        &form.input,
        &form.meta(),
        form.i18n(),
    )
    .await
    {
        Ok(id) => see_other(&format!("/petugas/survei-loket/{id}")),
        Err(error) => {
            let values = vec![
                ("service".to_owned(), form.input.service.clone()),
                ("issue_key".to_owned(), form.input.issue_key.clone()),
            ];
            refused(&state, form.parts, values, error).await
        }
    }
}

/// `POST /petugas/tindak-lanjut/{id}/tutup`: closes a follow-up item with a note.
pub async fn close_followup(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    form: Submission<CloseInput>,
) -> Response {
    match followup::close(
        &state,
        &form.viewer(),
        id,
        &form.input,
        &form.meta(),
        form.i18n(),
    )
    .await
    {
        Ok(()) => see_other("/petugas/tindak-lanjut?ok=saved"),
        Err(error) => {
            let values = vec![(format!("note_{id}"), form.input.note.clone())];
            refused_on(&state, form.parts, "/petugas/tindak-lanjut", values, error).await
        }
    }
}

/// `POST /petugas/rencana`: adds an improvement action.
pub async fn add_action(State(state): State<AppState>, form: Submission<ActionInput>) -> Response {
    match followup::add_action(
        &state,
        &form.viewer(),
        &form.input,
        &form.meta(),
        form.i18n(),
    )
    .await
    {
        Ok(period) => see_other(&format!(
            "/petugas/tindak-lanjut?periode={period}&ok=saved#rencana"
        )),
        Err(error) => {
            let page = format!(
                "/petugas/tindak-lanjut?periode={}",
                form.input.period.trim()
            );
            refused_on(&state, form.parts, &page, form.input.echo(), error).await
        }
    }
}

/// `POST /petugas/rencana/{id}`: updates an action's progress.
pub async fn update_action(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    form: Submission<ProgressInput>,
) -> Response {
    match followup::update_progress(
        &state,
        &form.viewer(),
        id,
        &form.input,
        &form.meta(),
        form.i18n(),
    )
    .await
    {
        Ok(period) => see_other(&format!(
            "/petugas/tindak-lanjut?periode={period}&ok=saved#rencana"
        )),
        Err(error) => {
            let values = vec![
                (format!("status_{id}"), form.input.status.clone()),
                (
                    format!("progress_note_{id}"),
                    form.input.progress_note.clone(),
                ),
            ];
            refused_on(&state, form.parts, "/petugas/tindak-lanjut", values, error).await
        }
    }
}
