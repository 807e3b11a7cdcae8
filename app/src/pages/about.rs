//! The static "about" and privacy-notice pages (REFERENCE §6: what personal data is used for).

use crate::i18n::{home as h, use_i18n};
use leptos::prelude::*;
use leptos_meta::Title;

/// What Sigap is and how citizens' ratings reach officers fairly.
#[component]
pub fn AboutPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Title text=i18n.t(h::ABOUT_TITLE)/>
        <article class="prose">
            <h1>{i18n.t(h::ABOUT_TITLE)}</h1>
            <p>{i18n.t(h::ABOUT_BODY_1)}</p>
            <p>{i18n.t(h::ABOUT_BODY_2)}</p>
        </article>
    }
}

/// The privacy notice the registration consent links to (UU 27/2022; REFERENCE §6).
#[component]
pub fn PrivacyPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Title text=i18n.t(h::PRIVACY_TITLE)/>
        <article class="prose">
            <h1>{i18n.t(h::PRIVACY_TITLE)}</h1>
            <p>{i18n.t(h::PRIVACY_BODY_1)}</p>
            <p>{i18n.t(h::PRIVACY_BODY_2)}</p>
            <p>{i18n.t(h::PRIVACY_BODY_3)}</p>
        </article>
    }
}
