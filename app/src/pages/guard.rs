//! Page-level access: signed-out visitors are sent to sign in (and back afterwards), others
//! without the right role get a 403 page. Server functions and form handlers check again.

use crate::auth::{use_viewer, Viewer};
use crate::i18n::{auth as a, common as c, use_i18n};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_location;

/// Which sign-in page a protected page sends people to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Door {
    /// Citizens' pages.
    Citizen,
    /// Staff pages.
    Staff,
}

/// Renders `children` if `allowed(viewer)`; otherwise redirects to sign in (signed out) or
/// shows "access denied" with status 403 (signed in, but not allowed).
#[component]
pub fn Guard<F>(allowed: F, door: Door, children: Children) -> impl IntoView
where
    F: Fn(&Viewer) -> bool + Send + Sync + 'static,
{
    let viewer = use_viewer();
    if allowed(&viewer) {
        return children().into_any();
    }
    if !viewer.is_signed_in() {
        let location = use_location();
        let search = location.search.get_untracked();
        let here = if search.is_empty() {
            location.pathname.get_untracked()
        } else {
            format!("{}?{search}", location.pathname.get_untracked())
        };
        let path = match door {
            Door::Citizen => "/masuk",
            Door::Staff => "/petugas/masuk",
        };
        let target = format!("{path}?next={}", urlencode(&here));
        redirect(&target);
        let i18n = use_i18n();
        return view! {
            <section class="message-page">
                <h1>{i18n.t(a::SIGN_IN_TITLE)}</h1>
                <p>{i18n.t(a::SIGN_IN_REQUIRED)}</p>
                <p><a class="button" href=target>{i18n.t(a::SIGN_IN_SUBMIT)}</a></p>
            </section>
        }
        .into_any();
    }
    view! { <Forbidden/> }.into_any()
}

/// "Access denied", with status 403.
#[component]
pub fn Forbidden() -> impl IntoView {
    #[cfg(feature = "ssr")]
    crate::server::context::set_status(http::StatusCode::FORBIDDEN);
    let i18n = use_i18n();
    view! {
        <Title text=i18n.t(c::FORBIDDEN_TITLE)/>
        <section class="message-page">
            <h1>{i18n.t(c::FORBIDDEN_TITLE)}</h1>
            <p>{i18n.t(c::FORBIDDEN_BODY)}</p>
            <p><a class="button" href="/">{i18n.t(c::BACK_HOME)}</a></p>
        </section>
    }
}

/// Answers the page request with "302 Found, go to `path`" (the page's own HTML is the fallback
/// body). Works for any client, not only those that announce HTML.
pub fn redirect(path: &str) {
    #[cfg(feature = "ssr")]
    if let (Some(res), Ok(location)) = (
        use_context::<leptos_axum::ResponseOptions>(),
        http::HeaderValue::from_str(path),
    ) {
        crate::server::context::set_status(http::StatusCode::FOUND);
        res.insert_header(http::header::LOCATION, location);
    }
    #[cfg(not(feature = "ssr"))]
    let _ = path;
}

/// Percent-encodes a path for a query parameter.
pub fn urlencode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'/' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::urlencode;

    #[test]
    fn query_parts_are_encoded() {
        assert_eq!(
            urlencode("/admin/pegawai?unit=A&q=b c"),
            "/admin/pegawai%3Funit%3DA%26q%3Db%20c"
        );
    }
}
