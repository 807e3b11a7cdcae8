//! The machinery of server-handled forms: reading a urlencoded body (with a localised refusal
//! when it cannot be read), re-rendering the page with the submission's [`FormState`] when it is
//! refused, and redirecting (303) when it succeeds.

use super::session::viewer_of;
use crate::http::security::message_page;
use app::api::error::FieldError;
use app::auth::Viewer;
use app::forms::FormState;
use app::i18n::{common as c, errors, forms as f, I18n};
use app::server::{
    accounts::RequestMeta,
    context::{provide_request_context, request_lang},
    error::ServiceError,
    state::AppState,
};
use axum::{
    body::{Body, Bytes},
    extract::{FromRequest, Request},
    http::{header, request::Parts, HeaderValue, StatusCode},
    response::{IntoResponse, Response},
};
use leptos::prelude::provide_context;
use serde::de::DeserializeOwned;

/// A submitted form: its typed input plus the request it came with.
pub struct Submission<T> {
    /// The typed input (every field defaulted, so only an unreadable body fails).
    pub input: T,
    /// The request without its body, to render the page again.
    pub parts: Parts,
}

impl<T> Submission<T> {
    /// Who submitted it.
    pub fn viewer(&self) -> Viewer {
        viewer_of(&self.parts.extensions)
    }

    /// Their language.
    pub fn i18n(&self) -> I18n {
        I18n {
            lang: request_lang(&self.parts.headers),
        }
    }

    /// IP and user agent, for audit and rate limits.
    pub fn meta(&self) -> RequestMeta {
        request_meta(&self.parts)
    }
}

pub use app::server::context::{request_meta, ClientIp};

impl<S: Send + Sync, T: DeserializeOwned> FromRequest<S> for Submission<T> {
    type Rejection = Response;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        let (parts, body) = req.into_parts();
        let i18n = I18n {
            lang: request_lang(&parts.headers),
        };
        let bytes = Bytes::from_request(Request::from_parts(parts.clone(), body), state)
            .await
            .map_err(|_| {
                message_page(
                    StatusCode::PAYLOAD_TOO_LARGE,
                    i18n,
                    c::ERROR_TITLE,
                    c::REQUEST_TOO_LARGE,
                )
            })?;
        let input = serde_html_form::from_bytes::<T>(&without_controls(&bytes)).map_err(|_| {
            message_page(StatusCode::BAD_REQUEST, i18n, c::ERROR_TITLE, f::BAD_FORM)
        })?;
        Ok(Submission { input, parts })
    }
}

/// The body with every control character other than tab and line breaks removed from its
/// names and values: nobody types them, pasted text can carry them, and PostgreSQL cannot
/// store U+0000 at all. Bodies without any are returned as they are.
fn without_controls(body: &[u8]) -> std::borrow::Cow<'_, [u8]> {
    let unwanted = |c: char| c.is_control() && !matches!(c, '\t' | '\n' | '\r');
    let pairs: Vec<(String, String)> = form_urlencoded::parse(body).into_owned().collect();
    if !pairs
        .iter()
        .any(|(k, v)| k.chars().chain(v.chars()).any(unwanted))
    {
        return std::borrow::Cow::Borrowed(body);
    }
    let clean = |s: &str| s.chars().filter(|c| !unwanted(*c)).collect::<String>();
    let mut out = form_urlencoded::Serializer::new(String::new());
    for (k, v) in &pairs {
        out.append_pair(&clean(k), &clean(v));
    }
    std::borrow::Cow::Owned(out.finish().into_bytes())
}

/// Renders the page at the request's path again with `form` in context (status 422), so the
/// person sees what they typed and every error.
pub async fn rerender(state: &AppState, parts: Parts, form: FormState) -> Response {
    rerender_with(state, parts, form, || {}).await
}

/// Like [`rerender`], with more context for the page (e.g. an import's problems).
pub async fn rerender_with(
    state: &AppState,
    parts: Parts,
    form: FormState,
    extra: impl Fn() + Clone + Send + Sync + 'static,
) -> Response {
    let options = state.leptos_options.clone();
    let context_state = state.clone();
    let handler = leptos_axum::render_app_async_with_context(
        move || {
            provide_request_context(&context_state);
            provide_context(form.clone());
            extra();
        },
        move || app::shell(options.clone()),
    );
    let mut request = Request::from_parts(parts, Body::empty());
    *request.method_mut() = http::Method::GET;
    let mut response = handler(request).await;
    if response.status() == StatusCode::OK {
        *response.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
    }
    response
}

/// Turns a refused service call into the re-rendered form; other failures into error pages.
pub async fn refused(
    state: &AppState,
    parts: Parts,
    values: Vec<(String, String)>,
    error: ServiceError,
) -> Response {
    let i18n = I18n {
        lang: request_lang(&parts.headers),
    };
    let form = match error {
        // Refused without naming a field: the form itself was tampered with or cut short
        // (a hidden key missing, an unknown action).
        ServiceError::Validation(errors) if errors.is_empty() => FormState {
            values,
            errors: vec![],
            notice: Some(i18n.t(f::BAD_FORM).to_owned()),
        },
        ServiceError::Validation(errors) => FormState::with_errors(values, errors),
        ServiceError::RateLimited(secs) => FormState {
            values,
            errors: vec![],
            notice: Some(errors::rate_limited(i18n, secs)),
        },
        ServiceError::Conflict(message) => FormState {
            values,
            errors: vec![],
            notice: Some(message),
        },
        other => return error_response(other, i18n),
    };
    rerender(state, parts, form).await
}

/// Like [`refused`] for a form whose action is not its page's address (an upload, a step, a
/// sub-form): the page at `page` is rendered again instead.
pub async fn refused_on(
    state: &AppState,
    mut parts: Parts,
    page: &str,
    values: Vec<(String, String)>,
    error: ServiceError,
) -> Response {
    if let Ok(uri) = page.parse() {
        parts.uri = uri;
    }
    refused(state, parts, values, error).await
}

/// The page for a failure that is not about the form's content.
pub fn error_response(error: ServiceError, i18n: I18n) -> Response {
    match error {
        ServiceError::Unauthorized => see_other("/masuk"),
        ServiceError::Forbidden => message_page(
            StatusCode::FORBIDDEN,
            i18n,
            c::FORBIDDEN_TITLE,
            c::FORBIDDEN_BODY,
        ),
        ServiceError::NotFound => message_page(
            StatusCode::NOT_FOUND,
            i18n,
            c::NOT_FOUND_TITLE,
            c::NOT_FOUND_BODY,
        ),
        ServiceError::Conflict(_) | ServiceError::Validation(_) | ServiceError::RateLimited(_) => {
            message_page(StatusCode::BAD_REQUEST, i18n, c::ERROR_TITLE, f::BAD_FORM)
        }
        internal => {
            // Converting logs the internal error once.
            let _ = app::api::error::ApiError::from(internal);
            message_page(
                StatusCode::INTERNAL_SERVER_ERROR,
                i18n,
                c::ERROR_TITLE,
                c::ERROR_BODY,
            )
        }
    }
}

/// A field error list from one message (for refusals that belong to one field).
pub fn one_error(field: &str, message: impl Into<String>) -> Vec<FieldError> {
    vec![app::forms::field_error(field, message)]
}

/// 303 See Other to a local path.
pub fn see_other(location: &str) -> Response {
    let mut response = StatusCode::SEE_OTHER.into_response();
    if let Ok(value) = HeaderValue::from_str(location) {
        response.headers_mut().insert(header::LOCATION, value);
    }
    response
}

/// 303 to `location` that also sets cookies.
pub fn see_other_with_cookies(location: &str, cookies: Vec<String>) -> Response {
    let mut response = see_other(location);
    for cookie in cookies {
        if let Ok(value) = HeaderValue::from_str(&cookie) {
            response.headers_mut().append(header::SET_COOKIE, value);
        }
    }
    response
}
