//! Form handlers and downloads of HR's (BKPSDM) pages: opening and closing periods, each unit's
//! organisation rating, rulings on contests, officers' potential for the talent grid, and the
//! CSV/XLSX downloads of the ranking and the follow-up lists. Each calls one service, then
//! redirects (303), shows the same page again with what was typed and every error, or sends
//! the file. Signed-out visitors are sent to the staff sign-in.

use super::forms::{error_response, refused_on, request_meta, see_other, Submission};
use super::session::viewer_of;
use app::domain::period::Period;
use app::i18n::I18n;
use app::server::appraisal::periods::{self, OpenInput};
use app::server::context::request_lang;
use app::server::hr::{
    contests::{self, DecideInput},
    distribution::{self, OrgRatingInput},
    export::{self, ExportQuery},
    followup::{self, PotentialInput},
};
use app::server::{error::ServiceError, state::AppState};
use axum::{
    body::Body,
    extract::{Path, Request, State},
    http::{header, HeaderValue, StatusCode},
    response::{IntoResponse, Response},
};

/// `?periode=…` for a period name that parses (anything else is left out of the address).
fn period_query(name: &str) -> String {
    Period::parse(name.trim())
        .map(|p| format!("?periode={p}"))
        .unwrap_or_default()
}

/// A failure that is not about the form: staff sign-in, or the error page.
fn failed(error: ServiceError, i18n: I18n, back: &str) -> Response {
    match error {
        ServiceError::Unauthorized => see_other(&format!(
            "/petugas/masuk?next={}",
            app::pages::guard::urlencode(back)
        )),
        other => error_response(other, i18n),
    }
}

/// Sends refusals about the form back to `page`; anything else to [`failed`].
async fn refuse(
    state: &AppState,
    form: Submission<impl Sized>,
    page: &str,
    values: Vec<(String, String)>,
    error: ServiceError,
) -> Response {
    match error {
        error @ (ServiceError::Validation(_) | ServiceError::Conflict(_)) => {
            refused_on(state, form.parts, page, values, error).await
        }
        other => failed(other, form.i18n(), page),
    }
}

/// `POST /hr/periode`: opens a period.
pub async fn open_period(State(state): State<AppState>, form: Submission<OpenInput>) -> Response {
    match periods::open(
        &state.db,
        &form.viewer(),
        &form.input,
        &form.meta(),
        form.i18n(),
    )
    .await
    {
        Ok(name) => see_other(&format!("/hr/periode?periode={name}&ok=saved")),
        Err(error) => {
            let values = vec![("name".to_owned(), form.input.name.clone())];
            refuse(&state, form, "/hr/periode", values, error).await
        }
    }
}

/// `POST /hr/periode/{name}/tutup`: closes a period (its appraisals become read-only).
pub async fn close_period(
    State(state): State<AppState>,
    Path(name): Path<String>,
    form: Submission<Vec<(String, String)>>,
) -> Response {
    let page = format!("/hr/periode{}", period_query(&name));
    match periods::close(&state.db, &form.viewer(), &name, &form.meta()).await {
        Ok(()) => see_other(&format!("/hr/periode{}&ok=saved", period_query(&name))),
        Err(error) => failed(error, form.i18n(), &page),
    }
}

/// `POST /hr/periode/{name}/organisasi`: sets one unit's organisation rating.
pub async fn org_rating(
    State(state): State<AppState>,
    Path(name): Path<String>,
    form: Submission<OrgRatingInput>,
) -> Response {
    match distribution::set_org_rating(
        &state,
        &form.viewer(),
        &name,
        &form.input,
        &form.meta(),
        form.i18n(),
    )
    .await
    {
        Ok(period) => see_other(&format!("/hr/periode?periode={period}&ok=saved#distribusi")),
        Err(error) => {
            let page = format!("/hr/periode{}", period_query(&name));
            let values = form.input.echo();
            refuse(&state, form, &page, values, error).await
        }
    }
}

/// `POST /hr/keberatan/{id}`: HR rules on a contest.
pub async fn decide(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    form: Submission<DecideInput>,
) -> Response {
    let ruled = contests::decide(
        &state,
        &form.viewer(),
        id,
        &form.input,
        &form.meta(),
        form.i18n(),
    )
    .await;
    match ruled {
        Ok(r) => see_other(&format!(
            "/hr/pegawai/{}?periode={}&ok=saved#keberatan",
            r.nip, r.period
        )),
        Err(error @ (ServiceError::Validation(_) | ServiceError::Conflict(_))) => {
            match contests::location(&state, id).await {
                Ok(Some(r)) => {
                    let page = format!("/hr/pegawai/{}?periode={}", r.nip, r.period);
                    let values = form.input.echo(id);
                    refuse(&state, form, &page, values, error).await
                }
                Ok(None) => failed(ServiceError::NotFound, form.i18n(), "/hr"),
                Err(other) => failed(other, form.i18n(), "/hr"),
            }
        }
        Err(error) => failed(error, form.i18n(), "/hr"),
    }
}

/// `POST /hr/tindak-lanjut/potensi`: records an officer's potential.
pub async fn potential(
    State(state): State<AppState>,
    form: Submission<PotentialInput>,
) -> Response {
    match followup::set_potential(
        &state,
        &form.viewer(),
        &form.input,
        &form.meta(),
        form.i18n(),
    )
    .await
    {
        Ok(period) => see_other(&format!(
            "/hr/tindak-lanjut?periode={period}&ok=saved#talenta"
        )),
        Err(error) => {
            let page = format!("/hr/tindak-lanjut{}", period_query(&form.input.period));
            let values = form.input.echo();
            refuse(&state, form, &page, values, error).await
        }
    }
}

/// `GET /hr/ekspor/{list}?format=csv|xlsx&periode=…` (plus the dashboard's filters for the
/// ranking): the list as a download.
pub async fn download(
    State(state): State<AppState>,
    Path(list): Path<String>,
    request: Request,
) -> Response {
    let (parts, _) = request.into_parts();
    let viewer = viewer_of(&parts.extensions);
    let i18n = I18n {
        lang: request_lang(&parts.headers),
    };
    let back = parts
        .uri
        .path_and_query()
        .map_or("/hr", |p| p.as_str())
        .to_owned();
    let Ok(query) = serde_html_form::from_str::<ExportQuery>(parts.uri.query().unwrap_or(""))
    else {
        return failed(ServiceError::NotFound, i18n, &back);
    };
    match export::export(&state, &viewer, &list, &query, &request_meta(&parts), i18n).await {
        Ok(file) => {
            let mut response = (StatusCode::OK, Body::from(file.bytes)).into_response();
            let h = response.headers_mut();
            h.insert(
                header::CONTENT_TYPE,
                HeaderValue::from_static(file.content_type),
            );
            if let Ok(v) =
                HeaderValue::from_str(&format!("attachment; filename=\"{}\"", file.file_name))
            {
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
        Err(error) => failed(error, i18n, &back),
    }
}
