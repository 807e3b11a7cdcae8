//! `/masuk` (citizens: NIK or email) and `/petugas/masuk` (staff: NIP or email).

use crate::auth::use_viewer;
use crate::components::form::{ErrorSummary, Submit, TextField};
use crate::forms::use_form;
use crate::i18n::{auth as a, use_i18n, Msg};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

/// The citizens' sign-in page.
#[component]
pub fn SignInPage() -> impl IntoView {
    view! {
        <SignInForm action="/masuk" title=a::SIGN_IN_TITLE lead=a::SIGN_IN_LEAD identifier=a::IDENTIFIER_CITIZEN staff=false/>
    }
}

/// The staff sign-in page.
#[component]
pub fn StaffSignInPage() -> impl IntoView {
    view! {
        <SignInForm action="/petugas/masuk" title=a::STAFF_SIGN_IN_TITLE lead=a::STAFF_SIGN_IN_LEAD identifier=a::IDENTIFIER_STAFF staff=true/>
    }
}

#[component]
fn SignInForm(
    action: &'static str,
    title: Msg,
    lead: Msg,
    identifier: Msg,
    staff: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let form = use_form();
    let query = use_query_map().get_untracked();
    let next = if form.values.is_empty() {
        query.get("next").unwrap_or_default()
    } else {
        form.value("next")
    };
    if use_viewer().is_signed_in() {
        crate::pages::guard::redirect(if next.starts_with('/') && !next.starts_with("//") {
            &next
        } else {
            "/akun"
        });
    }
    view! {
        <Title text=i18n.t(title)/>
        <div class="narrow">
            <h1>{i18n.t(title)}</h1>
            <p class="lead">{i18n.t(lead)}</p>
            <ErrorSummary/>
            <form method="post" action=action novalidate>
                <input type="hidden" name="next" value=next/>
                <TextField name="identifier" label=i18n.t(identifier) autocomplete="username"/>
                <TextField name="password" label=i18n.t(a::PASSWORD) kind="password" autocomplete="current-password"/>
                <Submit label=i18n.t(a::SIGN_IN_SUBMIT)/>
            </form>
            <ul class="links">
                <li><a href="/lupa-sandi">{i18n.t(a::FORGOT_PASSWORD)}</a></li>
                {(!staff).then(|| view! {
                    <li>{i18n.t(a::NO_ACCOUNT)} " " <a href="/daftar">{i18n.t(a::NAV_REGISTER)}</a></li>
                    <li><a href="/petugas/masuk">{i18n.t(a::NAV_STAFF_SIGN_IN)}</a></li>
                })}
            </ul>
        </div>
    }
}
