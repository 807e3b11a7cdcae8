//! `/petugas/loket`: an officer files an application for a citizen served at the counter. The
//! officer then completes the same steps a citizen would; the application is marked as filed at
//! the counter by them.

use super::OfficerGuard;
use crate::api::applications::counter_services;
use crate::components::form::{ErrorSummary, SelectField, Submit, TextField};
use crate::i18n::{apply as ap, auth as a, use_i18n, work as w};
use leptos::prelude::*;
use leptos_meta::Title;

/// The counter filing form.
#[component]
pub fn CounterPage() -> impl IntoView {
    let i18n = use_i18n();
    let services = move || {
        Suspend::new(async move {
            let options: Vec<(String, String)> = counter_services()
                .await
                .unwrap_or_default()
                .into_iter()
                .map(|s| (s.code, s.name))
                .collect();
            view! { <SelectField name="service" label=i18n.t(w::COUNTER_SERVICE) options/> }
        })
    };
    view! {
        <Title text=i18n.t(w::COUNTER_TITLE)/>
        <OfficerGuard>
            <p class="breadcrumb"><a href="/petugas/antrian">{i18n.t(w::QUEUE_TITLE)}</a></p>
            <h1>{i18n.t(w::COUNTER_TITLE)}</h1>
            <p>{i18n.t(w::COUNTER_LEAD)}</p>
            <ErrorSummary/>
            <form method="post" action="/petugas/loket" novalidate class="narrow">
                <input type="hidden" name="draft_key" value=crate::forms::idempotency_key(&crate::forms::use_form(), "draft_key")/>
                <Suspense>{services}</Suspense>
                <TextField name="full_name" label=i18n.t(a::FULL_NAME) hint=i18n.t(w::COUNTER_NAME_HINT)/>
                <TextField name="nik" label=i18n.t(a::NIK) inputmode="numeric" class="width-20"/>
                <TextField name="email" label=i18n.t(a::EMAIL) kind="email" optional=true/>
                <TextField name="phone" label=i18n.t(a::PHONE) kind="tel" optional=true class="width-20"/>
                <Submit label=i18n.t(w::COUNTER_SUBMIT)/>
            </form>
            <p class="hint">{i18n.t(ap::COUNTER_FILED)}</p>
        </OfficerGuard>
    }
}
