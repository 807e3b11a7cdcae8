//! `/daftar`: a citizen creates an account (REFERENCE §1, §6: consent to the use of their data).

use crate::auth::use_viewer;
use crate::components::form::{Checkbox, ErrorSummary, Submit, TextField};
use crate::i18n::{auth as a, use_i18n};
use leptos::prelude::*;
use leptos_meta::Title;

/// The registration form.
#[component]
pub fn RegisterPage() -> impl IntoView {
    let i18n = use_i18n();
    if use_viewer().is_signed_in() {
        crate::pages::guard::redirect("/akun");
    }
    view! {
        <Title text=i18n.t(a::REGISTER_TITLE)/>
        <div class="narrow">
            <h1>{i18n.t(a::REGISTER_TITLE)}</h1>
            <p class="lead">{i18n.t(a::REGISTER_LEAD)}</p>
            <ErrorSummary/>
            <form method="post" action="/daftar" novalidate>
                <TextField name="full_name" label=i18n.t(a::FULL_NAME) hint=i18n.t(a::FULL_NAME_HINT) autocomplete="name"/>
                <TextField name="nik" label=i18n.t(a::NIK) hint=i18n.t(a::NIK_HINT) inputmode="numeric" autocomplete="off" class="width-20"/>
                <fieldset class="fieldset">
                    <legend>{i18n.t(a::EMAIL)} " / " {i18n.t(a::PHONE)}</legend>
                    <p class="hint">{i18n.t(a::CONTACT_HINT)}</p>
                    <TextField name="email" label=i18n.t(a::EMAIL) kind="email" autocomplete="email" optional=true/>
                    <TextField name="phone" label=i18n.t(a::PHONE) kind="tel" autocomplete="tel" optional=true class="width-20"/>
                </fieldset>
                <TextField name="password" label=i18n.t(a::PASSWORD) hint=i18n.t(a::PASSWORD_HINT) kind="password" autocomplete="new-password"/>
                <TextField name="password_confirm" label=i18n.t(a::PASSWORD_CONFIRM) kind="password" autocomplete="new-password"/>
                <fieldset class="fieldset consent">
                    <legend>{i18n.t(a::CONSENT_TITLE)}</legend>
                    <p>{i18n.t(a::CONSENT_TEXT)} " " <a href="/privasi" target="_blank">{i18n.t(a::CONSENT_LINK)}</a></p>
                    <Checkbox name="consent" label=i18n.t(a::CONSENT_AGREE)/>
                </fieldset>
                <Submit label=i18n.t(a::REGISTER_SUBMIT)/>
            </form>
            <p>{i18n.t(a::HAVE_ACCOUNT)} " " <a href="/masuk">{i18n.t(a::SIGN_IN_TITLE)}</a></p>
        </div>
    }
}
