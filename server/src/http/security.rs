//! Protections on every response and every state-changing request.
//!
//! - Security headers, including a Content-Security-Policy whose script nonce is fresh per
//!   request (Leptos puts it on its hydration script); no inline script runs without it.
//! - Cross-site request forgery: a request that changes state (anything but GET, HEAD,
//!   OPTIONS) must come from this site, shown by its `Origin` (or `Referer`) header, and must
//!   not be marked cross-site by `Sec-Fetch-Site`. Session cookies are also `SameSite`.

use app::i18n::{common as c, I18n};
use app::server::context::{request_lang, CspNonce};
use app::server::state::AppState;
use axum::{
    body::Body,
    extract::{Request, State},
    http::{header, HeaderMap, HeaderValue, Method, StatusCode},
    middleware::Next,
    response::{Html, IntoResponse, Response},
};
use base64::Engine;

/// Adds the security headers; generates the CSP nonce pages use.
pub async fn security_headers(mut req: Request, next: Next) -> Response {
    // The thread's CSPRNG (ChaCha, seeded and reseeded from the OS): unpredictable like the
    // OS source, without a system call on every page.
    let mut bytes = [0u8; 18];
    rand::RngCore::fill_bytes(&mut rand::thread_rng(), &mut bytes);
    let nonce = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes);
    req.extensions_mut().insert(CspNonce(nonce.clone()));
    let mut response = next.run(req).await;
    let headers = response.headers_mut();
    let csp = format!(
        "default-src 'self'; script-src 'self' 'nonce-{nonce}' 'wasm-unsafe-eval'; \
         style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; \
         object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    );
    if let Ok(value) = HeaderValue::from_str(&csp) {
        headers.insert(header::CONTENT_SECURITY_POLICY, value);
    }
    let fixed = [
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        (header::X_FRAME_OPTIONS, "DENY"),
        (header::REFERRER_POLICY, "strict-origin-when-cross-origin"),
        (
            header::HeaderName::from_static("permissions-policy"),
            "camera=(), microphone=(), geolocation=(), payment=()",
        ),
        (
            header::HeaderName::from_static("cross-origin-opener-policy"),
            "same-origin",
        ),
    ];
    for (name, value) in fixed {
        headers.insert(name, HeaderValue::from_static(value));
    }
    response
}

/// Refuses state-changing requests that do not come from this site.
pub async fn same_origin_only(State(state): State<AppState>, req: Request, next: Next) -> Response {
    if matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS)
        || is_same_origin(req.headers(), state.config.public_origin.as_deref())
    {
        return next.run(req).await;
    }
    tracing::warn!(method = %req.method(), "refused a cross-site or origin-less state change");
    let i18n = I18n {
        lang: request_lang(req.headers()),
    };
    message_page(
        StatusCode::FORBIDDEN,
        i18n,
        c::FORBIDDEN_TITLE,
        c::REQUEST_REFUSED,
    )
}

/// Whether the request's origin is this site: the `Host` it was sent to, or the configured
/// public origin when running behind a proxy.
pub fn is_same_origin(headers: &HeaderMap, public_origin: Option<&str>) -> bool {
    if headers
        .get("sec-fetch-site")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v == "cross-site" || v == "same-site")
    {
        return false;
    }
    let claimed = headers
        .get(header::ORIGIN)
        .and_then(|v| v.to_str().ok())
        .filter(|v| *v != "null")
        .map(str::to_owned)
        .or_else(|| {
            headers
                .get(header::REFERER)
                .and_then(|v| v.to_str().ok())
                .and_then(origin_of)
        });
    let Some(claimed) = claimed else {
        return false;
    };
    let host = headers.get(header::HOST).and_then(|v| v.to_str().ok());
    let host_matches = host.is_some_and(|host| {
        claimed
            .split_once("://")
            .is_some_and(|(_, authority)| authority.eq_ignore_ascii_case(host))
    });
    host_matches
        || public_origin.is_some_and(|o| o.trim_end_matches('/').eq_ignore_ascii_case(&claimed))
}

/// `scheme://authority` of a URL.
fn origin_of(url: &str) -> Option<String> {
    let (scheme, rest) = url.split_once("://")?;
    let authority = rest.split(['/', '?', '#']).next()?;
    (!authority.is_empty()).then(|| format!("{scheme}://{authority}"))
}

/// A small, complete HTML page for refusals produced outside Leptos.
pub fn message_page(
    status: StatusCode,
    i18n: I18n,
    title: app::i18n::Msg,
    body: app::i18n::Msg,
) -> Response {
    let page = format!(
        "<!DOCTYPE html><html lang=\"{lang}\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{title} · Sigap</title><link rel=\"stylesheet\" href=\"/pkg/sigap.css\"></head>\
         <body><main id=\"main\" class=\"container\"><section class=\"message-page\">\
         <h1>{title}</h1><p>{body}</p><p><a class=\"button\" href=\"/\">{home}</a></p>\
         </section></main></body></html>",
        lang = i18n.lang.code(),
        title = i18n.t(title),
        body = i18n.t(body),
        home = i18n.t(c::BACK_HOME),
    );
    (status, Html(page)).into_response()
}

/// A panic in a handler becomes a generic, localised error page (and a log line).
pub fn panic_response(_: Box<dyn std::any::Any + Send + 'static>) -> Response<Body> {
    tracing::error!("a request handler panicked");
    message_page(
        StatusCode::INTERNAL_SERVER_ERROR,
        I18n::default(),
        c::ERROR_TITLE,
        c::ERROR_BODY,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (k, v) in pairs {
            map.insert(*k, HeaderValue::from_static(v));
        }
        map
    }

    #[test]
    fn a_post_from_the_same_host_is_accepted() {
        let h = headers(&[
            ("host", "127.0.0.1:3000"),
            ("origin", "http://127.0.0.1:3000"),
        ]);
        assert!(is_same_origin(&h, None));
    }

    #[test]
    fn a_post_from_another_site_is_refused() {
        let h = headers(&[
            ("host", "sigap.example"),
            ("origin", "https://evil.example"),
        ]);
        assert!(!is_same_origin(&h, None));
    }

    #[test]
    fn a_post_without_origin_or_referer_is_refused() {
        assert!(!is_same_origin(
            &headers(&[("host", "sigap.example")]),
            None
        ));
    }

    #[test]
    fn the_referer_stands_in_for_a_missing_origin() {
        let h = headers(&[
            ("host", "sigap.example"),
            ("referer", "https://sigap.example/daftar?x"),
        ]);
        assert!(is_same_origin(&h, None));
    }

    #[test]
    fn sec_fetch_site_cross_site_is_refused_even_with_a_matching_origin() {
        let h = headers(&[
            ("host", "sigap.example"),
            ("origin", "https://sigap.example"),
            ("sec-fetch-site", "cross-site"),
        ]);
        assert!(!is_same_origin(&h, None));
    }

    #[test]
    fn the_configured_public_origin_is_accepted_behind_a_proxy() {
        let h = headers(&[
            ("host", "10.0.0.5:3000"),
            ("origin", "https://sigap.kota.go.id"),
        ]);
        assert!(is_same_origin(&h, Some("https://sigap.kota.go.id/")));
    }
}
