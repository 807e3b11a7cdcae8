//! Resolves who sent each request before it is routed, so pages, server functions and form
//! handlers all see the same [`Viewer`]; renews the access cookie when it is about to expire
//! and clears cookies that no longer lead to a live session.

use app::auth::Viewer;
use app::server::{context::cookie_value, session, state::AppState};
use axum::{
    extract::{Request, State},
    http::{header, HeaderValue},
    middleware::Next,
    response::Response,
};

/// The live session id of the request, if any (for sign-out and password changes).
#[derive(Clone, Debug)]
pub struct SessionId(pub String);

/// Middleware: puts [`Viewer`] (and [`SessionId`]) into the request's extensions.
pub async fn resolve_session(
    State(state): State<AppState>,
    mut req: Request,
    next: Next,
) -> Response {
    let secure = state.config.secure_cookies();
    let (access_name, refresh_name) = session::cookie_names(secure);
    let access = cookie_value(req.headers(), access_name);
    let refresh = cookie_value(req.headers(), refresh_name);
    let resolved = match session::resolve(
        &state.db,
        &state.session_keys,
        access.as_deref(),
        refresh.as_deref(),
    )
    .await
    {
        Ok(resolved) => resolved,
        Err(error) => {
            tracing::error!(%error, "could not resolve the session; treating the request as signed out");
            session::Resolved::default()
        }
    };
    req.extensions_mut().insert(resolved.viewer.clone());
    if let Some(sid) = &resolved.session_id {
        req.extensions_mut().insert(SessionId(sid.clone()));
    }
    let mut response = next.run(req).await;
    // A handler that set session cookies itself (sign-in, sign-out) has the last word.
    if response.headers().contains_key(header::SET_COOKIE) {
        return response;
    }
    let headers = response.headers_mut();
    if let Some(access) = resolved.refreshed_access {
        let cookie =
            session::set_cookie(access_name, Some(&access), session::ACCESS_TTL_SECS, secure);
        if let Ok(v) = HeaderValue::from_str(&cookie) {
            headers.append(header::SET_COOKIE, v);
        }
    } else if resolved.clear {
        for name in [access_name, refresh_name] {
            if let Ok(v) = HeaderValue::from_str(&session::set_cookie(name, None, 0, secure)) {
                headers.append(header::SET_COOKIE, v);
            }
        }
    }
    response
}

/// `Set-Cookie` values that start `new` (sign-in).
pub fn session_cookies(state: &AppState, new: &session::NewSession) -> Vec<String> {
    let secure = state.config.secure_cookies();
    let (access_name, refresh_name) = session::cookie_names(secure);
    let refresh_age = session::SESSION_TTL_MILLIS / 1000;
    vec![
        session::set_cookie(
            access_name,
            Some(&new.access),
            session::ACCESS_TTL_SECS,
            secure,
        ),
        session::set_cookie(refresh_name, Some(&new.refresh), refresh_age, secure),
    ]
}

/// `Set-Cookie` values that clear the session cookies (sign-out).
pub fn clear_cookies(state: &AppState) -> Vec<String> {
    let secure = state.config.secure_cookies();
    let (access_name, refresh_name) = session::cookie_names(secure);
    vec![
        session::set_cookie(access_name, None, 0, secure),
        session::set_cookie(refresh_name, None, 0, secure),
    ]
}

/// The viewer the middleware resolved (anonymous if it did not run).
pub fn viewer_of(extensions: &http::Extensions) -> Viewer {
    extensions.get::<Viewer>().cloned().unwrap_or_default()
}
