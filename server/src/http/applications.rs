//! Form handlers of applications: the citizen's steps, the officers' steps, the counter, and
//! document downloads.

use super::catalog::Empty;
use super::forms::{error_response, refused, refused_on, request_meta, see_other, Submission};
use super::session::viewer_of;
use app::i18n::I18n;
use app::server::applications::{
    citizen,
    counter::{self, CounterInput},
    download, draft,
    staff::{self, AssignInput, StepInput},
};
use app::server::context::request_lang;
use app::server::{error::ServiceError, state::AppState};
use axum::{
    body::Body,
    extract::{Multipart, Path, Request, State},
    http::{header, HeaderValue, StatusCode},
    response::{IntoResponse, Response},
};
use serde::Deserialize;

/// The start form.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct StartInput {
    draft_key: String,
}

/// `POST /layanan/{code}/ajukan`: starts (once per key) a draft.
pub async fn start(
    State(state): State<AppState>,
    Path(code): Path<String>,
    form: Submission<StartInput>,
) -> Response {
    let viewer = form.viewer();
    match draft::start_draft(&state, &viewer, &code, &form.input.draft_key).await {
        Ok(id) => see_other(&format!("/permohonan/{id}/isi")),
        Err(ServiceError::Unauthorized) => see_other(&format!("/masuk?next=/layanan/{code}")),
        Err(error) => error_response(error, form.i18n()),
    }
}

/// `POST /permohonan/{id}/isi`: saves the answers, then the documents step.
pub async fn answers(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    form: Submission<Vec<(String, String)>>,
) -> Response {
    match draft::save_answers(&state, &form.viewer(), id, &form.input, form.i18n()).await {
        Ok(()) => see_other(&format!("/permohonan/{id}/dokumen")),
        Err(error) => {
            let error = explained(error, form.i18n());
            refused(&state, form.parts, form.input.clone(), error).await
        }
    }
}

/// A refusal without words of its own (the application moved on, e.g. in another tab) says
/// that the step is no longer possible, instead of an empty error summary.
fn explained(error: ServiceError, i18n: I18n) -> ServiceError {
    match error {
        ServiceError::Conflict(message) if message.is_empty() => {
            ServiceError::Conflict(i18n.t(app::i18n::apply::STEP_NOT_POSSIBLE).into())
        }
        other => other,
    }
}

/// Largest upload accepted (the requirement's own limit is checked after reading).
pub const UPLOAD_LIMIT: usize = 20 * 1024 * 1024;

/// `POST /permohonan/{id}/dokumen/{requirement}` (multipart `file`).
pub async fn upload(
    State(state): State<AppState>,
    Path((id, requirement)): Path<(i64, i64)>,
    request: Request,
) -> Response {
    let (parts, body) = request.into_parts();
    let viewer = viewer_of(&parts.extensions);
    let i18n = I18n {
        lang: request_lang(&parts.headers),
    };
    let meta = request_meta(&parts);
    let (name, bytes, unreadable) = match read_file(Request::from_parts(parts.clone(), body)).await
    {
        Ok((name, bytes)) => (name, bytes, false),
        Err(()) => (String::new(), Vec::new(), true),
    };
    let result =
        draft::upload_document(&state, &viewer, id, requirement, &name, &bytes, &meta, i18n).await;
    // A body that could not be read is almost always a file over the hard limit, which the
    // per-requirement check never sees: say so (once the viewer may upload at all).
    let result = match (unreadable, result) {
        (true, Err(ServiceError::Validation(_))) => {
            let message = i18n.f(
                app::i18n::apply::UPLOAD_TOO_LARGE,
                &[("max", &format!("{} MB", UPLOAD_LIMIT / (1024 * 1024)))],
            );
            let field = format!("file_{requirement}");
            Err(ServiceError::Validation(vec![app::forms::field_error(
                &field, message,
            )]))
        }
        (_, result) => result,
    };
    match result {
        Ok(()) => see_other(&format!("/permohonan/{id}/dokumen")),
        Err(error) => {
            refused_on(
                &state,
                parts,
                &format!("/permohonan/{id}/dokumen"),
                vec![],
                explained(error, i18n),
            )
            .await
        }
    }
}

async fn read_file(request: Request) -> Result<(String, Vec<u8>), ()> {
    use axum::extract::FromRequest;
    let mut multipart = Multipart::from_request(request, &())
        .await
        .map_err(|_| ())?;
    while let Some(field) = multipart.next_field().await.map_err(|_| ())? {
        if field.name() == Some("file") {
            let name = field.file_name().unwrap_or_default().to_owned();
            let bytes = field.bytes().await.map_err(|_| ())?;
            return Ok((name, bytes.to_vec()));
        }
    }
    Ok((String::new(), Vec::new()))
}

/// `POST /permohonan/{id}/ajukan`: submits (replay-safe).
pub async fn submit(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    form: Submission<Empty>,
) -> Response {
    match draft::submit(&state, &form.viewer(), id, form.i18n()).await {
        Ok(_) => see_other(&format!("/permohonan/{id}/terkirim")),
        Err(error @ ServiceError::Validation(_)) => {
            refused_on(
                &state,
                form.parts,
                &format!("/permohonan/{id}/periksa"),
                vec![],
                error,
            )
            .await
        }
        Err(error) => error_response(error, form.i18n()),
    }
}

/// `POST /permohonan/{id}/batal`: withdraws.
pub async fn withdraw(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    form: Submission<Empty>,
) -> Response {
    match citizen::withdraw(&state, &form.viewer(), id, &form.meta(), form.i18n()).await {
        Ok(()) => see_other(&format!("/permohonan/{id}")),
        Err(error @ ServiceError::Conflict(_)) => refused(&state, form.parts, vec![], error).await,
        Err(error) => error_response(error, form.i18n()),
    }
}

/// `POST /permohonan/{id}/perbaikan`: sends the corrections.
pub async fn resubmit(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    form: Submission<Empty>,
) -> Response {
    match citizen::resubmit(&state, &form.viewer(), id, &form.meta(), form.i18n()).await {
        Ok(()) => see_other(&format!("/permohonan/{id}")),
        Err(error @ (ServiceError::Validation(_) | ServiceError::Conflict(_))) => {
            refused_on(
                &state,
                form.parts,
                &format!("/permohonan/{id}/dokumen"),
                vec![],
                error,
            )
            .await
        }
        Err(error) => error_response(error, form.i18n()),
    }
}

/// `POST /petugas/permohonan/{id}/langkah`: a staff step.
pub async fn step(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    form: Submission<Vec<(String, String)>>,
) -> Response {
    let get = |k: &str| {
        form.input
            .iter()
            .find(|(n, _)| n == k)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    };
    let input = StepInput {
        action: get("action"),
        reason: get("reason"),
        note: get("note"),
        notes: form
            .input
            .iter()
            .filter_map(|(k, v)| Some((k.strip_prefix("note_")?.parse().ok()?, v.clone())))
            .collect(),
    };
    match staff::act(
        &state,
        &form.viewer(),
        id,
        &input,
        &form.meta(),
        form.i18n(),
    )
    .await
    {
        Ok(_) => see_other(&format!("/petugas/permohonan/{id}?ok=step")),
        Err(error @ (ServiceError::Validation(_) | ServiceError::Conflict(_))) => {
            let page = format!("/petugas/permohonan/{id}");
            refused_on(&state, form.parts, &page, form.input.clone(), error).await
        }
        Err(error) => error_response(error, form.i18n()),
    }
}

/// `POST /petugas/permohonan/{id}/tugaskan`: claim or assign.
pub async fn assign(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    form: Submission<AssignInput>,
) -> Response {
    match staff::assign(
        &state,
        &form.viewer(),
        id,
        &form.input,
        &form.meta(),
        form.i18n(),
    )
    .await
    {
        Ok(()) => see_other(&format!("/petugas/permohonan/{id}?ok=step")),
        Err(error @ (ServiceError::Validation(_) | ServiceError::Conflict(_))) => {
            let page = format!("/petugas/permohonan/{id}");
            refused_on(&state, form.parts, &page, vec![], error).await
        }
        Err(error) => error_response(error, form.i18n()),
    }
}

/// `POST /petugas/loket`: files a counter application.
pub async fn counter(State(state): State<AppState>, form: Submission<CounterInput>) -> Response {
    match counter::start(
        &state,
        &form.viewer(),
        &form.input,
        &form.meta(),
        form.i18n(),
    )
    .await
    {
        Ok(id) => see_other(&format!("/permohonan/{id}/isi")),
        Err(error) => refused(&state, form.parts, form.input.echo(), error).await,
    }
}

/// `GET /dokumen/{id}`: the file, as a download that browsers do not sniff or render inline.
pub async fn document(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    request: Request,
) -> Response {
    let (parts, _) = request.into_parts();
    let viewer = viewer_of(&parts.extensions);
    let i18n = I18n {
        lang: request_lang(&parts.headers),
    };
    match download::download(&state, &viewer, id, &request_meta(&parts)).await {
        Ok(file) => {
            let mut response = (StatusCode::OK, Body::from(file.bytes)).into_response();
            let h = response.headers_mut();
            if let Ok(v) = HeaderValue::from_str(&file.content_type) {
                h.insert(header::CONTENT_TYPE, v);
            }
            let ascii: String = file
                .name
                .chars()
                .map(|c| {
                    if c.is_ascii_alphanumeric() || ".-_ ".contains(c) {
                        c
                    } else {
                        '_'
                    }
                })
                .collect();
            if let Ok(v) = HeaderValue::from_str(&format!("attachment; filename=\"{ascii}\"")) {
                h.insert(header::CONTENT_DISPOSITION, v);
            }
            h.insert(
                header::CACHE_CONTROL,
                HeaderValue::from_static("private, no-store"),
            );
            h.insert(
                header::X_CONTENT_TYPE_OPTIONS,
                HeaderValue::from_static("nosniff"),
            );
            response
        }
        Err(ServiceError::Unauthorized) => see_other("/masuk"),
        Err(error) => error_response(error, i18n),
    }
}

/// The status lookup form.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct StatusInput {
    nomor: String,
    nik4: String,
}

/// `POST /cek-status`: the public status lookup, answered on the same page (the NIK's last
/// digits never travel in an address).
pub async fn status(State(state): State<AppState>, form: Submission<StatusInput>) -> Response {
    let values = vec![
        ("nomor".to_owned(), form.input.nomor.clone()),
        ("nik4".to_owned(), form.input.nik4.clone()),
    ];
    let page = app::forms::FormState {
        values,
        errors: vec![],
        notice: None,
    };
    let mut response = super::forms::rerender(&state, form.parts, page).await;
    if response.status() == StatusCode::UNPROCESSABLE_ENTITY {
        *response.status_mut() = StatusCode::OK;
    }
    response
}
