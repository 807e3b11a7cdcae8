//! Password pages: forgotten (`/lupa-sandi`), set through a link (`/atur-sandi?t=…`), and
//! change while signed in (`/akun/sandi`).

use super::super::guard::{Door, Guard};
use crate::api::account::check_password_link;
use crate::components::form::{ErrorSummary, Submit, TextField};
use crate::forms::use_form;
use crate::i18n::{auth as a, use_i18n};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

/// Asks for the email to send a reset link to.
#[component]
pub fn ForgotPasswordPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Title text=i18n.t(a::FORGOT_TITLE)/>
        <div class="narrow">
            <h1>{i18n.t(a::FORGOT_TITLE)}</h1>
            <p>{i18n.t(a::FORGOT_LEAD)}</p>
            <ErrorSummary/>
            <form method="post" action="/lupa-sandi" novalidate>
                <TextField name="email" label=i18n.t(a::EMAIL) kind="email" autocomplete="email"/>
                <Submit label=i18n.t(a::FORGOT_SUBMIT)/>
            </form>
        </div>
    }
}

/// Sets a new password with the token from an emailed link.
#[component]
pub fn ResetPasswordPage() -> impl IntoView {
    let i18n = use_i18n();
    let form = use_form();
    let token = if form.values.is_empty() {
        use_query_map().get_untracked().get("t").unwrap_or_default()
    } else {
        form.value("t")
    };
    // Checked once per page view (see `pages::apply::with_application`).
    let checked = OnceResource::new(check_password_link(token.clone()));
    let body = move || {
        let token = token.clone();
        Suspend::new(async move {
            let valid = checked.await.unwrap_or(false);
            if !valid {
                return view! {
                    <div class="notice notice-error" role="alert"><p>{i18n.t(a::RESET_INVALID)}</p></div>
                    <p><a class="button" href="/lupa-sandi">{i18n.t(a::FORGOT_SUBMIT)}</a></p>
                }
                .into_any();
            }
            view! {
                <ErrorSummary/>
                <form method="post" action="/atur-sandi" novalidate>
                    <input type="hidden" name="t" value=token/>
                    <TextField name="password" label=i18n.t(a::NEW_PASSWORD) hint=i18n.t(a::PASSWORD_HINT) kind="password" autocomplete="new-password"/>
                    <TextField name="password_confirm" label=i18n.t(a::PASSWORD_CONFIRM) kind="password" autocomplete="new-password"/>
                    <Submit label=i18n.t(a::RESET_SUBMIT)/>
                </form>
            }
            .into_any()
        })
    };
    view! {
        <Title text=i18n.t(a::RESET_TITLE)/>
        <div class="narrow">
            <h1>{i18n.t(a::RESET_TITLE)}</h1>
            <Suspense>{body}</Suspense>
        </div>
    }
}

/// Changes the password of the signed-in person.
#[component]
pub fn ChangePasswordPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Title text=i18n.t(a::CHANGE_PASSWORD_TITLE)/>
        <Guard allowed=|v| v.is_signed_in() door=Door::Citizen>
            <div class="narrow">
                <h1>{i18n.t(a::CHANGE_PASSWORD_TITLE)}</h1>
                <ErrorSummary/>
                <form method="post" action="/akun/sandi" novalidate>
                    <TextField name="current" label=i18n.t(a::CURRENT_PASSWORD) kind="password" autocomplete="current-password"/>
                    <TextField name="password" label=i18n.t(a::NEW_PASSWORD) hint=i18n.t(a::PASSWORD_HINT) kind="password" autocomplete="new-password"/>
                    <TextField name="password_confirm" label=i18n.t(a::PASSWORD_CONFIRM) kind="password" autocomplete="new-password"/>
                    <Submit label=i18n.t(a::CHANGE_PASSWORD_TITLE)/>
                </form>
            </div>
        </Guard>
    }
}
