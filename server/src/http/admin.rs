//! Form handlers of the administration pages. The services check that the caller is an admin;
//! these handlers only translate between HTTP and them.

use super::forms::{error_response, refused, rerender_with, see_other, Submission};
use app::forms::FormState;
use app::i18n::{admin as ad, I18n};
use app::pages::admin::import::ImportProblems;
use app::server::accounts::{
    import::{import_staff, import_units},
    staff::{self, StaffInput},
};
use app::server::csv_import::ImportError;
use app::server::{error::ServiceError, state::AppState, units};
use axum::{
    extract::{Multipart, Path, Request, State},
    response::Response,
};
use leptos::prelude::provide_context;
use serde::Deserialize;

/// `POST /admin/unit`: add or rename a unit.
pub async fn save_unit(
    State(state): State<AppState>,
    form: Submission<units::UnitInput>,
) -> Response {
    match units::save_unit(
        &state.db,
        &form.viewer(),
        &form.input,
        &form.meta(),
        form.i18n(),
    )
    .await
    {
        Ok(_) => {
            state.catalog.changed();
            see_other("/admin/unit?ok=saved")
        }
        Err(error) => refused(&state, form.parts, form.input.echo(), error).await,
    }
}

/// A status toggle form.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct StatusInput {
    active: String,
}

/// `POST /admin/unit/{code}/status`.
pub async fn unit_status(
    State(state): State<AppState>,
    Path(code): Path<String>,
    form: Submission<StatusInput>,
) -> Response {
    let active = form.input.active == "1";
    match units::set_unit_active(&state.db, &form.viewer(), &code, active, &form.meta()).await {
        Ok(()) => {
            state.catalog.changed();
            see_other("/admin/unit?ok=saved")
        }
        Err(error) => error_response(error, form.i18n()),
    }
}

/// `POST /admin/pegawai/baru`.
pub async fn create_staff(State(state): State<AppState>, form: Submission<StaffInput>) -> Response {
    let base = state.config.base_url();
    match staff::save_staff(
        &state.db,
        &form.viewer(),
        &form.input,
        None,
        &base,
        &form.meta(),
        form.i18n(),
    )
    .await
    {
        Ok(_) => {
            let nip: String = form
                .input
                .nip
                .chars()
                .filter(char::is_ascii_digit)
                .collect();
            see_other(&format!("/admin/pegawai/{nip}?ok=staff-created"))
        }
        Err(error) => refused(&state, form.parts, form.input.echo(), error).await,
    }
}

/// `POST /admin/pegawai/{nip}`.
pub async fn update_staff(
    State(state): State<AppState>,
    Path(nip): Path<String>,
    form: Submission<StaffInput>,
) -> Response {
    let base = state.config.base_url();
    let result = staff::save_staff(
        &state.db,
        &form.viewer(),
        &form.input,
        Some(&nip),
        &base,
        &form.meta(),
        form.i18n(),
    )
    .await;
    match result {
        Ok(_) => see_other(&format!("/admin/pegawai/{nip}?ok=staff-saved")),
        Err(error @ ServiceError::NotFound) => error_response(error, form.i18n()),
        Err(error) => refused(&state, form.parts, form.input.echo(), error).await,
    }
}

/// `POST /admin/pegawai/{nip}/status`: deactivate (ending sessions) or reactivate.
pub async fn staff_status(
    State(state): State<AppState>,
    Path(nip): Path<String>,
    form: Submission<StatusInput>,
) -> Response {
    let active = form.input.active == "1";
    match staff::set_active(&state.db, &form.viewer(), &nip, active, &form.meta()).await {
        Ok(()) => {
            let code = if active { "reactivated" } else { "deactivated" };
            see_other(&format!("/admin/pegawai/{nip}?ok={code}"))
        }
        Err(error) => error_response(error, form.i18n()),
    }
}

/// `POST /admin/pegawai/{nip}/aktivasi`: email a fresh activation link.
pub async fn send_activation(
    State(state): State<AppState>,
    Path(nip): Path<String>,
    form: Submission<StatusInput>,
) -> Response {
    let base = state.config.base_url();
    match staff::send_activation(
        &state.db,
        &form.viewer(),
        &nip,
        &base,
        &form.meta(),
        form.i18n(),
    )
    .await
    {
        Ok(()) => see_other(&format!("/admin/pegawai/{nip}?ok=activation-sent")),
        Err(error) => {
            let page = format!("/admin/pegawai/{nip}");
            super::forms::refused_on(&state, form.parts, &page, vec![], error).await
        }
    }
}

/// Largest CSV file accepted for import.
pub const IMPORT_LIMIT: usize = 5 * 1024 * 1024;

/// `POST /admin/impor` (multipart: `kind`, `file`).
pub async fn import(State(state): State<AppState>, request: Request) -> Response {
    let (parts, body) = request.into_parts();
    let viewer = super::session::viewer_of(&parts.extensions);
    let i18n = I18n {
        lang: app::server::context::request_lang(&parts.headers),
    };
    let meta = super::forms::request_meta(&parts);
    if let Err(error) = staff::require_admin(&viewer) {
        return error_response(error, i18n);
    }
    let (kind, file) = match read_upload(Request::from_parts(parts.clone(), body)).await {
        Ok(upload) => upload,
        Err(()) => return error_response(ServiceError::Validation(vec![]), i18n),
    };
    let values = vec![("kind".to_owned(), kind.clone())];
    let text = match file.map(String::from_utf8) {
        Some(Ok(text)) if !text.trim().is_empty() => text,
        Some(Err(_)) => {
            return file_error(&state, parts, values, i18n.t(ad::IMPORT_NOT_UTF8)).await
        }
        _ => return file_error(&state, parts, values, i18n.t(ad::IMPORT_NO_FILE)).await,
    };
    let actor = meta.actor(&viewer);
    let result = match kind.as_str() {
        "units" => import_units(&state.db, &actor, &text, i18n).await,
        "services" => {
            app::server::catalog::import::import_services(&state.db, &actor, &text, i18n).await
        }
        "survey" => {
            let tz = state.config.time_zone.offset();
            app::server::survey::paper::import_paper(&state.db, &actor, &text, tz, i18n).await
        }
        _ => import_staff(&state.db, &actor, &text, i18n).await,
    };
    if result.is_ok() && matches!(kind.as_str(), "units" | "services") {
        state.catalog.changed();
    }
    match result {
        Ok(r) => see_other(&format!(
            "/admin/impor?created={}&updated={}&unchanged={}",
            r.created, r.updated, r.unchanged
        )),
        Err(ImportError::Invalid(problems)) => {
            let form = FormState {
                values,
                errors: vec![],
                notice: None,
            };
            rerender_with(&state, parts, form, move || {
                provide_context(ImportProblems(problems.clone()))
            })
            .await
        }
        Err(ImportError::Service(error)) => error_response(error, i18n),
    }
}

async fn file_error(
    state: &AppState,
    parts: http::request::Parts,
    values: Vec<(String, String)>,
    message: &str,
) -> Response {
    let form = FormState::with_errors(values, super::forms::one_error("file", message));
    super::forms::rerender(state, parts, form).await
}

/// Reads the `kind` field and the `file` bytes of the import form.
async fn read_upload(request: Request) -> Result<(String, Option<Vec<u8>>), ()> {
    use axum::extract::FromRequest;
    let mut multipart = Multipart::from_request(request, &())
        .await
        .map_err(|_| ())?;
    let mut kind = String::from("staff");
    let mut file = None;
    while let Some(field) = multipart.next_field().await.map_err(|_| ())? {
        match field.name() {
            Some("kind") => kind = field.text().await.map_err(|_| ())?,
            Some("file") => {
                let bytes = field.bytes().await.map_err(|_| ())?;
                if bytes.len() > IMPORT_LIMIT {
                    return Err(());
                }
                if !bytes.is_empty() {
                    file = Some(bytes.to_vec());
                }
            }
            _ => {}
        }
    }
    Ok((kind, file))
}
