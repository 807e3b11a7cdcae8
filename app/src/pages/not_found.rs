//! The localised "page not found" page, with a real 404 status.

use crate::i18n::{common as c, use_i18n};
use leptos::prelude::*;
use leptos_meta::Title;

/// Shown for any address no route matches.
#[component]
pub fn NotFound() -> impl IntoView {
    #[cfg(feature = "ssr")]
    crate::server::context::set_status(http::StatusCode::NOT_FOUND);
    let i18n = use_i18n();
    view! {
        <Title text=i18n.t(c::NOT_FOUND_TITLE)/>
        <section class="message-page">
            <h1>{i18n.t(c::NOT_FOUND_TITLE)}</h1>
            <p>{i18n.t(c::NOT_FOUND_BODY)}</p>
            <p><a class="button" href="/">{i18n.t(c::BACK_HOME)}</a></p>
        </section>
    }
}
