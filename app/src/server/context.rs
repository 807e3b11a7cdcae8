//! The context every page render and server function runs in: state, language, site facts and
//! the CSP nonce, all taken from the request.

use super::state::AppState;
use crate::components::layout::SiteInfo;
use crate::i18n::{I18n, Lang};
use http::request::Parts;
use leptos::prelude::*;

/// The per-request nonce that the Content-Security-Policy allows scripts with. Put into the
/// request's extensions by the security-headers middleware.
#[derive(Clone, Debug)]
pub struct CspNonce(pub String);

/// Provides what pages and server functions read from context. Called by leptos_axum after it
/// has put the request [`Parts`] into context.
pub fn provide_request_context(state: &AppState) {
    provide_context(state.clone());
    let parts = use_context::<Parts>();
    let lang = parts
        .as_ref()
        .map(|p| request_lang(&p.headers))
        .unwrap_or_default();
    provide_context(I18n { lang });
    let viewer = parts
        .as_ref()
        .and_then(|p| p.extensions.get::<crate::auth::Viewer>().cloned())
        .unwrap_or_default();
    provide_context(viewer);
    provide_context(SiteInfo { demo: state.demo });
    provide_context(StatusLatch::default());
    if let Some(nonce) = parts.as_ref().and_then(|p| p.extensions.get::<CspNonce>()) {
        provide_context(leptos::nonce::Nonce::from_value(nonce.0.clone()));
    }
}

/// The value of cookie `name` in the request headers, if any.
pub fn cookie_value(headers: &http::HeaderMap, name: &str) -> Option<String> {
    axum_extra::extract::CookieJar::from_headers(headers)
        .get(name)
        .map(|c| c.value().to_owned())
}

/// The visitor's language: their remembered choice, else Bahasa Indonesia.
pub fn request_lang(headers: &http::HeaderMap) -> Lang {
    cookie_value(headers, Lang::COOKIE)
        .and_then(|v| Lang::parse(&v))
        .unwrap_or_default()
}

/// The client's address as the server determined it (connection or trusted proxy header).
#[derive(Clone, Debug)]
pub struct ClientIp(pub String);

/// IP and user agent of the request being handled, for audit and rate limits.
pub fn request_meta(parts: &Parts) -> super::accounts::RequestMeta {
    super::accounts::RequestMeta {
        ip: parts.extensions.get::<ClientIp>().map(|ip| ip.0.clone()),
        user_agent: parts
            .headers
            .get(http::header::USER_AGENT)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned),
    }
}

/// [`request_meta`] of the request in context (server functions, page renders).
pub fn use_request_meta() -> super::accounts::RequestMeta {
    use_context::<Parts>()
        .map(|p| request_meta(&p))
        .unwrap_or_default()
}

/// The status of the page being rendered, set once: the first decision wins. A guard's
/// "sign in first" (302) or "forbidden" (403) is taken before the page's data loads, and a
/// load that fails later (a 404 from a server function the guard made pointless) must not
/// overwrite it.
#[derive(Clone, Debug, Default)]
pub struct StatusLatch(std::sync::Arc<std::sync::Mutex<Option<http::StatusCode>>>);

/// Sets the response status unless an earlier part of the render already set one.
pub fn set_status(status: http::StatusCode) {
    if let Some(latch) = use_context::<StatusLatch>() {
        let mut set = latch
            .0
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if set.is_some() {
            return;
        }
        *set = Some(status);
    }
    if let Some(res) = use_context::<leptos_axum::ResponseOptions>() {
        res.set_status(status);
    }
}
