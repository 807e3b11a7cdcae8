//! Counter survey invitations: the officer issues a one-time invitation for a citizen served at
//! the desk and hands over its QR code and typed code, on a screen turned toward the citizen or
//! on a small printed slip. The slip names the service and unit, never the citizen.

use crate::api::applications::counter_services;
use crate::api::survey::load_counter_slip;
use crate::auth::Role;
use crate::components::form::{ErrorSummary, SelectField, Submit};
use crate::components::notice::ErrorNotice;
use crate::i18n::{staff_survey as ss, survey as sv, use_i18n, work as w};
use crate::pages::guard::{Door, Guard};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

/// Shows `children` to officers: only they serve at the counter and are credited for it.
#[component]
fn CounterOfficerGuard(children: Children) -> impl IntoView {
    view! {
        <Guard allowed=|v| v.has_role(Role::Officer) door=Door::Staff>
            {children()}
        </Guard>
    }
}

/// `/petugas/survei-loket`: issue a counter invitation.
#[component]
pub fn CounterSurveyPage() -> impl IntoView {
    // The content is built only for viewers the guard admits, so its data is loaded only
    // for them, and a failed load cannot overwrite the guard's answer.
    view! { <CounterOfficerGuard><CounterSurveyPageBody/></CounterOfficerGuard> }
}

/// The content of [`CounterSurveyPage`].
#[component]
fn CounterSurveyPageBody() -> impl IntoView {
    let i18n = use_i18n();
    // Loaded once per page view (see `pages::apply::with_application`).
    let loaded = OnceResource::new(counter_services());
    let form = move || {
        Suspend::new(async move {
            let options: Vec<(String, String)> = match loaded.await {
                Ok(services) => services.into_iter().map(|s| (s.code, s.name)).collect(),
                Err(error) => return view! { <ErrorNotice error/> }.into_any(),
            };
            if options.is_empty() {
                return view! { <p class="empty">{i18n.t(ss::COUNTER_NO_SERVICES)}</p> }.into_any();
            }
            view! {
                <form method="post" action="/petugas/survei-loket" novalidate class="narrow">
                    <input type="hidden" name="issue_key" value=crate::forms::idempotency_key(&crate::forms::use_form(), "issue_key")/>
                    <SelectField name="service" label=i18n.t(ss::COUNTER_SERVICE) options/>
                    <Submit label=i18n.t(ss::COUNTER_SUBMIT)/>
                </form>
            }
            .into_any()
        })
    };
    view! {
        <Title text=i18n.t(ss::COUNTER_TITLE)/>
            <p class="breadcrumb"><a href="/petugas/antrian">{i18n.t(w::QUEUE_TITLE)}</a></p>
            <h1>{i18n.t(ss::COUNTER_TITLE)}</h1>
            <p class="lead">{i18n.t(ss::COUNTER_LEAD)}</p>
            <ErrorSummary/>
            <Suspense>{form}</Suspense>
            <p class="hint">{i18n.t(ss::COUNTER_NOTE)}</p>
    }
}

/// The address a citizen types the code at: the portal's origin (without `https://`, which
/// every phone browser adds by itself); the page adds `/survei`.
fn code_origin(url: &str) -> String {
    let origin = match url.find("://") {
        Some(scheme) => {
            let host_start = scheme + 3;
            match url[host_start..].find('/') {
                Some(path) => &url[..host_start + path],
                None => url,
            }
        }
        None => "",
    };
    origin.strip_prefix("https://").unwrap_or(origin).to_owned()
}

/// `/petugas/survei-loket/:id`: the slip of one counter invitation.
#[component]
pub fn CounterSlipPage() -> impl IntoView {
    // The content is built only for viewers the guard admits, so its data is loaded only
    // for them, and a failed load cannot overwrite the guard's answer.
    view! { <CounterOfficerGuard><CounterSlipPageBody/></CounterOfficerGuard> }
}

/// The content of [`CounterSlipPage`].
#[component]
fn CounterSlipPageBody() -> impl IntoView {
    let i18n = use_i18n();
    let id = use_params_map()
        .get_untracked()
        .get("id")
        .and_then(|s| s.parse::<i64>().ok())
        .unwrap_or(0);
    // Loaded once per page view (see `pages::apply::with_application`).
    let loaded2 = OnceResource::new(load_counter_slip(id));
    let body = move || {
        Suspend::new(async move {
            let slip = match loaded2.await {
                Ok(slip) => slip,
                Err(error) => return view! { <ErrorNotice error/> }.into_any(),
            };
            let origin = code_origin(&slip.url);
            let status = if slip.answered {
                view! { <p class="slip-status slip-answered no-print" role="status" data-testid="slip-status">{i18n.t(ss::SLIP_ANSWERED)}</p> }.into_any()
            } else {
                view! { <p class="slip-status no-print" data-testid="slip-status">{i18n.t(ss::SLIP_WAITING)}</p> }.into_any()
            };
            view! {
                <Title text=i18n.f(ss::SLIP_PAGE_TITLE, &[("code", &slip.code)])/>
                {status}
                <article class="survey-slip" class:is-answered=slip.answered data-testid="survey-slip">
                    <p class="slip-unit">{slip.unit_name.clone()}</p>
                    <h1 class="slip-title">{i18n.t(ss::SLIP_HEADING)}</h1>
                    <p class="slip-lead">{i18n.t(ss::SLIP_INVITE)}</p>
                    <p class="slip-service">{slip.service_name.clone()}</p>
                    <div class="slip-qr qr" role="img" aria-label=i18n.t(ss::SLIP_QR_LABEL) data-testid="slip-qr" inner_html=slip.qr_svg.clone()></div>
                    <p class="slip-step">{i18n.t(ss::SLIP_SCAN)} " " {i18n.t(ss::SLIP_OR_TYPE)}</p>
                    <p class="slip-address mono" data-testid="slip-address">{origin}<wbr/>"/survei"</p>
                    <p class="slip-code-label">{i18n.t(ss::SLIP_CODE_LABEL)}</p>
                    <p class="slip-code" data-testid="slip-code">{slip.code.clone()}</p>
                    <p class="slip-expiry">{i18n.f(ss::SLIP_EXPIRES, &[("date", &slip.expires_on)])}</p>
                    <p class="slip-anon">{i18n.t(ss::SLIP_ANONYMOUS)}</p>
                </article>
                <p class="hint no-print">{i18n.t(ss::SLIP_PRINT_HINT)}</p>
                <p class="no-print"><a class="button secondary" href="/petugas/survei-loket">{i18n.t(ss::SLIP_NEXT)}</a></p>
            }
            .into_any()
        })
    };
    view! {
        <Title text=i18n.t(sv::TITLE)/>
            <p class="breadcrumb no-print"><a href="/petugas/survei-loket">{i18n.t(ss::COUNTER_TITLE)}</a></p>
            <Suspense>{body}</Suspense>
    }
}

#[cfg(test)]
mod tests {
    use super::code_origin;

    #[test]
    fn the_typed_code_address_is_the_portal_origin() {
        assert_eq!(
            code_origin("https://sigap.example.go.id/survei/abc.def"),
            "sigap.example.go.id"
        );
        assert_eq!(
            code_origin("http://127.0.0.1:3300/survei/abc"),
            "http://127.0.0.1:3300"
        );
    }
}
