//! `/admin/nomor-izin`: the pattern of permit numbers (REFERENCE §2.2), with an example of the
//! number it gives.

use super::AdminGuard;
use crate::api::permits::permit_pattern;
use crate::components::form::{ErrorSummary, Submit, TextField};
use crate::components::notice::ErrorNotice;
use crate::i18n::{catalog as ct, use_i18n};
use leptos::prelude::*;
use leptos_meta::Title;

/// The permit-number settings page.
#[component]
pub fn PermitNumbersPage() -> impl IntoView {
    // The content is built only for viewers the guard admits, so its data is loaded only
    // for them, and a failed load cannot overwrite the guard's answer.
    view! { <AdminGuard><PermitNumbersPageBody/></AdminGuard> }
}

/// The content of [`PermitNumbersPage`].
#[component]
fn PermitNumbersPageBody() -> impl IntoView {
    let i18n = use_i18n();
    // Loaded once per page view (see `pages::apply::with_application`).
    let loaded = OnceResource::new(permit_pattern());
    let body = move || {
        Suspend::new(async move {
            let view = match loaded.await {
                Ok(v) => v,
                Err(error) => return view! { <ErrorNotice error/> }.into_any(),
            };
            view! {
                <p class="hint">{i18n.f(ct::PATTERN_EXAMPLE, &[("example", &view.example)])}</p>
                <ErrorSummary/>
                <form method="post" action="/admin/nomor-izin" novalidate class="narrow">
                    <TextField name="pattern" label=i18n.t(ct::PATTERN_LABEL) hint=i18n.t(ct::PATTERN_HINT) initial=view.pattern class="mono"/>
                    <p class="hint">{i18n.f(ct::PATTERN_DEFAULT, &[("pattern", &view.default_pattern)])}</p>
                    <Submit label=i18n.t(ct::PATTERN_SAVE)/>
                </form>
            }
            .into_any()
        })
    };
    view! {
        <Title text=i18n.t(ct::PERMIT_NUMBERS_TITLE)/>
            <p class="breadcrumb"><a href="/admin">{i18n.t(crate::i18n::auth::NAV_ADMIN)}</a></p>
            <h1>{i18n.t(ct::PERMIT_NUMBERS_TITLE)}</h1>
            <p>{i18n.t(ct::PERMIT_NUMBERS_LEAD)}</p>
            <Suspense>{body}</Suspense>
    }
}
