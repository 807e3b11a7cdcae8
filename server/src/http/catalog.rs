//! Form handlers of the catalog administration: service types, their requirements and
//! questions, and the holidays of the working-day calendar.

use super::forms::{error_response, refused, refused_on, see_other, Submission};
use app::server::calendar::{self, HolidayInput};
use app::server::catalog::admin::{self as cat, FieldInput, RequirementInput, ServiceInput};
use app::server::{error::ServiceError, state::AppState};
use axum::{
    extract::{Path, State},
    response::Response,
};
use serde::Deserialize;

/// `POST /admin/layanan/baru`.
pub async fn create_service(
    State(state): State<AppState>,
    form: Submission<ServiceInput>,
) -> Response {
    match cat::save_service(
        &state.db,
        &form.viewer(),
        &form.input,
        None,
        &form.meta(),
        form.i18n(),
    )
    .await
    {
        Ok(code) => {
            state.catalog.changed();
            see_other(&format!("/admin/layanan/{code}?ok=saved"))
        }
        Err(error) => refused(&state, form.parts, form.input.echo(), error).await,
    }
}

/// `POST /admin/layanan/{code}`.
pub async fn update_service(
    State(state): State<AppState>,
    Path(code): Path<String>,
    form: Submission<ServiceInput>,
) -> Response {
    match cat::save_service(
        &state.db,
        &form.viewer(),
        &form.input,
        Some(&code),
        &form.meta(),
        form.i18n(),
    )
    .await
    {
        Ok(code) => {
            state.catalog.changed();
            see_other(&format!("/admin/layanan/{code}?ok=saved"))
        }
        Err(error @ ServiceError::NotFound) => error_response(error, form.i18n()),
        Err(error) => refused(&state, form.parts, form.input.echo(), error).await,
    }
}

/// `POST /admin/layanan/{code}/persyaratan`.
pub async fn add_requirement(
    State(state): State<AppState>,
    Path(code): Path<String>,
    form: Submission<RequirementInput>,
) -> Response {
    match cat::add_requirement(
        &state.db,
        &form.viewer(),
        &code,
        &form.input,
        &form.meta(),
        form.i18n(),
    )
    .await
    {
        Ok(()) => see_other(&format!("/admin/layanan/{code}?ok=saved#persyaratan")),
        Err(error @ ServiceError::NotFound) => error_response(error, form.i18n()),
        Err(error) => {
            let mut values = vec![
                ("requirement_form".to_owned(), "1".to_owned()),
                ("label_id".to_owned(), form.input.label_id.clone()),
                ("label_en".to_owned(), form.input.label_en.clone()),
                (
                    "needs_document".to_owned(),
                    form.input.needs_document.clone(),
                ),
                ("max_size_kb".to_owned(), form.input.max_size_kb.clone()),
            ];
            values.extend(
                form.input
                    .accepted_types
                    .iter()
                    .map(|t| (format!("accepted_types_{t}"), "on".to_owned())),
            );
            refused_on(
                &state,
                form.parts,
                &format!("/admin/layanan/{code}"),
                values,
                error,
            )
            .await
        }
    }
}

/// `POST /admin/layanan/{code}/pertanyaan`.
pub async fn add_field(
    State(state): State<AppState>,
    Path(code): Path<String>,
    form: Submission<FieldInput>,
) -> Response {
    match cat::add_field(
        &state.db,
        &form.viewer(),
        &code,
        &form.input,
        &form.meta(),
        form.i18n(),
    )
    .await
    {
        Ok(()) => see_other(&format!("/admin/layanan/{code}?ok=saved#pertanyaan")),
        Err(error @ ServiceError::NotFound) => error_response(error, form.i18n()),
        Err(error) => {
            let values = vec![
                ("field_form".to_owned(), "1".to_owned()),
                ("label_id".to_owned(), form.input.label_id.clone()),
                ("label_en".to_owned(), form.input.label_en.clone()),
                ("kind".to_owned(), form.input.kind.clone()),
                ("choices".to_owned(), form.input.choices.clone()),
                ("required".to_owned(), form.input.required.clone()),
            ];
            refused_on(
                &state,
                form.parts,
                &format!("/admin/layanan/{code}"),
                values,
                error,
            )
            .await
        }
    }
}

/// A form with no fields.
#[derive(Debug, Default, Deserialize)]
pub struct Empty {}

/// `POST /admin/layanan/{code}/hapus/{what}/{id}`.
pub async fn retire(
    State(state): State<AppState>,
    Path((code, what, id)): Path<(String, String, i64)>,
    form: Submission<Empty>,
) -> Response {
    match cat::retire(&state.db, &form.viewer(), &code, &what, id, &form.meta()).await {
        Ok(()) => see_other(&format!("/admin/layanan/{code}?ok=saved")),
        Err(error) => error_response(error, form.i18n()),
    }
}

/// `POST /admin/libur`.
pub async fn add_holiday(
    State(state): State<AppState>,
    form: Submission<HolidayInput>,
) -> Response {
    match calendar::add_holiday(
        &state.db,
        &form.viewer(),
        &form.input,
        &form.meta(),
        form.i18n(),
    )
    .await
    {
        Ok(()) => see_other("/admin/libur?ok=saved"),
        Err(error) => {
            let values = vec![
                ("day".to_owned(), form.input.day.clone()),
                ("name".to_owned(), form.input.name.clone()),
            ];
            refused(&state, form.parts, values, error).await
        }
    }
}

/// `POST /admin/libur/{day}/hapus`.
pub async fn remove_holiday(
    State(state): State<AppState>,
    Path(day): Path<String>,
    form: Submission<Empty>,
) -> Response {
    match calendar::remove_holiday(&state.db, &form.viewer(), &day, &form.meta()).await {
        Ok(()) => see_other("/admin/libur?ok=saved"),
        Err(error) => error_response(error, form.i18n()),
    }
}

/// `POST /admin/nomor-izin`: the permit-number pattern.
pub async fn save_permit_pattern(
    State(state): State<AppState>,
    form: Submission<app::server::permit_pattern::PatternInput>,
) -> Response {
    let result = app::server::permit_pattern::save(
        &state.db,
        &form.viewer(),
        &form.input,
        &form.meta(),
        form.i18n(),
    )
    .await;
    match result {
        Ok(()) => see_other("/admin/nomor-izin?ok=pattern-saved"),
        Err(error) => {
            let values = vec![("pattern".to_owned(), form.input.pattern.clone())];
            refused(&state, form.parts, values, error).await
        }
    }
}
