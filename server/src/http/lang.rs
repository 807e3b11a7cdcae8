//! `POST /bahasa`: remember the visitor's language and send them back where they were.

use super::forms::Submission;
use app::i18n::Lang;
use app::server::state::AppState;
use axum::{
    extract::State,
    http::{header, HeaderValue, StatusCode},
    response::{IntoResponse, Response},
};
use serde::Deserialize;

/// The language-switch form.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct LanguageForm {
    lang: String,
    #[serde(default)]
    next: String,
}

/// Sets the language cookie for a year and redirects (303) to a local `next` path.
pub async fn switch_language(
    State(state): State<AppState>,
    form: Submission<LanguageForm>,
) -> Response {
    let form = form.input;
    let lang = Lang::parse(&form.lang).unwrap_or_default();
    let secure = if state.config.secure_cookies() {
        "; Secure"
    } else {
        ""
    };
    let cookie = format!(
        "{}={}; Path=/; Max-Age=31536000; SameSite=Lax{secure}",
        Lang::COOKIE,
        lang.code()
    );
    let mut response = StatusCode::SEE_OTHER.into_response();
    let headers = response.headers_mut();
    if let Ok(value) = HeaderValue::from_str(&cookie) {
        headers.insert(header::SET_COOKIE, value);
    }
    let target = local_path(&form.next);
    if let Ok(value) = HeaderValue::from_str(target) {
        headers.insert(header::LOCATION, value);
    }
    response
}

/// `next` if it is a path on this site; `/` otherwise (no open redirects).
pub fn local_path(next: &str) -> &str {
    let ok = next.starts_with('/')
        && !next.starts_with("//")
        && !next.starts_with("/\\")
        && !next.chars().any(char::is_control);
    if ok {
        next
    } else {
        "/"
    }
}

#[cfg(test)]
mod tests {
    use super::local_path;

    #[test]
    fn only_local_paths_are_followed() {
        assert_eq!(local_path("/tentang?x=1"), "/tentang?x=1");
        assert_eq!(local_path("//evil.example/"), "/");
        assert_eq!(local_path("https://evil.example/"), "/");
        assert_eq!(local_path("/\\evil.example"), "/");
        assert_eq!(local_path(""), "/");
    }
}
