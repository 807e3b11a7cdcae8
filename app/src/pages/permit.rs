//! The printable permit (`/permohonan/:id/izin`, A4 print styles), the public verification page
//! (`/verifikasi/:code`) and the public status lookup (`/cek-status`).

use super::apply::id_param;
use super::guard::{Door, Guard};
use crate::api::permits::{application_permit, lookup_status, verify_permit, Verification};
use crate::components::application::StatusTag;
use crate::components::notice::ErrorNotice;
use crate::i18n::{apply as ap, permit as pm, use_i18n};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

/// The permit, ready to print.
#[component]
pub fn PermitPage() -> impl IntoView {
    // The content is built only for viewers the guard admits, so its data is loaded only
    // for them, and a failed load cannot overwrite the guard's answer.
    view! { <Guard allowed=|v| v.is_signed_in() door=Door::Citizen><PermitPageBody/></Guard> }
}

/// The content of [`PermitPage`].
#[component]
fn PermitPageBody() -> impl IntoView {
    let i18n = use_i18n();
    let id = id_param();
    // Loaded once per page view (see `pages::apply::with_application`).
    let loaded = OnceResource::new(application_permit(id));
    let body = move || {
        Suspend::new(async move {
            let p = match loaded.await {
                Ok(p) => p,
                Err(error) => return view! { <ErrorNotice error/> }.into_any(),
            };
            view! {
                <Title text=format!("{} {}", i18n.t(pm::PERMIT_TITLE), p.number)/>
                <p class="breadcrumb no-print"><a href=format!("/permohonan/{id}")>{i18n.t(ap::VIEW_APPLICATION)}</a></p>
                <p class="hint no-print">{i18n.t(pm::PRINT_HINT)}</p>
                <article class="permit" data-testid="permit">
                    <header class="permit-head">
                        <p class="permit-gov">{i18n.t(pm::PERMIT_GOVERNMENT)}</p>
                        <p class="permit-unit">{p.unit_name.clone()}</p>
                    </header>
                    <h1 class="permit-title">{i18n.t(pm::PERMIT_TITLE)}</h1>
                    <p class="permit-number">{i18n.t(pm::PERMIT_NUMBER)} ": " <strong data-testid="permit-number">{breakable(&p.number)}</strong></p>
                    <dl class="permit-facts">
                        <div><dt>{i18n.t(pm::PERMIT_HOLDER)}</dt><dd>{p.holder_name.clone()}</dd></div>
                        <div><dt>{i18n.t(pm::PERMIT_FOR)}</dt><dd>{p.service_name.clone()}</dd></div>
                        <div><dt>{i18n.t(ap::REG_NUMBER)}</dt><dd>{p.reg_number.clone()}</dd></div>
                        <div><dt>{i18n.t(pm::PERMIT_ISSUED)}</dt><dd>{p.issued.clone()}</dd></div>
                        <div><dt>{i18n.t(pm::PERMIT_BY)}</dt><dd>{p.unit_name.clone()}</dd></div>
                    </dl>
                    <div class="permit-qr">
                        <div class="qr" role="img" aria-label=i18n.t(pm::PERMIT_QR) inner_html=p.qr_svg.clone()></div>
                        <p>{i18n.t(pm::PERMIT_VERIFY_NOTE)}</p>
                        <p class="mono small"><a href=p.verify_link.clone() data-testid="verify-link">{p.verify_link.clone()}</a></p>
                    </div>
                    <crate::pages::survey::InvitationBox application_id=id printed=true/>
                </article>
            }
            .into_any()
        })
    };
    view! {
            <Suspense>{body}</Suspense>
    }
}

/// A permit number that may wrap after its slashes on a narrow screen (503/0112/SIPD/…).
fn breakable(number: &str) -> impl IntoView {
    number
        .split('/')
        .enumerate()
        .map(|(i, part)| view! { {(i > 0).then(|| view! { "/" <wbr/> })} {part.to_owned()} })
        .collect_view()
}

/// `/verifikasi/:code`: is this permit genuine?
#[component]
pub fn VerifyPage() -> impl IntoView {
    let i18n = use_i18n();
    let code = use_params_map()
        .get_untracked()
        .get("code")
        .unwrap_or_default();
    // Loaded once per page view (see `pages::apply::with_application`).
    let loaded2 = OnceResource::new(verify_permit(code.clone()));
    let body = move || {
        Suspend::new(async move {
            match loaded2.await {
                Ok(Verification::Found(p)) => view! {
                    <div class=if p.valid { "notice notice-ok" } else { "notice notice-error" } role="status">
                        <p data-testid="verify-result">{if p.valid { i18n.t(pm::VERIFY_VALID) } else { i18n.t(pm::VERIFY_REVOKED) }}</p>
                    </div>
                    <dl class="summary-list">
                        <div><dt>{i18n.t(pm::PERMIT_NUMBER)}</dt><dd>{breakable(&p.number)}</dd></div>
                        <div><dt>{i18n.t(pm::PERMIT_HOLDER)}</dt><dd>{p.holder_name}</dd></div>
                        <div><dt>{i18n.t(pm::PERMIT_FOR)}</dt><dd>{p.service_name}</dd></div>
                        <div><dt>{i18n.t(pm::PERMIT_ISSUED)}</dt><dd>{p.issued}</dd></div>
                        <div><dt>{i18n.t(pm::PERMIT_BY)}</dt><dd>{p.unit_name}</dd></div>
                    </dl>
                }
                .into_any(),
                Ok(Verification::Unknown) => {
                    #[cfg(feature = "ssr")]
                    crate::server::context::set_status(http::StatusCode::NOT_FOUND);
                    view! { <div class="notice notice-error" role="alert"><p data-testid="verify-result">{i18n.t(pm::VERIFY_UNKNOWN)}</p></div> }.into_any()
                }
                Err(error) => view! { <ErrorNotice error/> }.into_any(),
            }
        })
    };
    view! {
        <Title text=i18n.t(pm::VERIFY_TITLE)/>
        <h1>{i18n.t(pm::VERIFY_TITLE)}</h1>
        <Suspense>{body}</Suspense>
    }
}

/// `/cek-status`: status by registration number and NIK ending. The form posts (the NIK's
/// digits must not end up in addresses or browser history) and the answer is rendered in reply.
#[component]
pub fn StatusPage() -> impl IntoView {
    let i18n = use_i18n();
    let form = crate::forms::use_form();
    let number = form.value("nomor");
    let nik4 = form.value("nik4");
    let asked = !number.is_empty() || !nik4.is_empty();
    // One lookup per page view (it is rate-limited): see `with_application`.
    let looked_up = OnceResource::new({
        let (n, k) = (number.clone(), nik4.clone());
        async move {
            if asked {
                Some(lookup_status(n, k).await)
            } else {
                None
            }
        }
    });
    let result = move || {
        Suspend::new(async move {
            let Some(found) = looked_up.await else {
                return ().into_any();
            };
            match found {
                Ok(s) => view! {
                    <h2>{i18n.t(pm::STATUS_RESULT)}</h2>
                    <dl class="summary-list" data-testid="status-result">
                        <div><dt>{i18n.t(ap::REG_NUMBER)}</dt><dd class="mono">{s.reg_number}</dd></div>
                        <div><dt>{i18n.t(ap::SERVICE)}</dt><dd>{s.service_name} " · " {s.unit_name}</dd></div>
                        <div><dt>{i18n.t(ap::STATUS)}</dt><dd><StatusTag state=s.state/></dd></div>
                        {s.submitted_on.map(|d| view! { <div><dt>{i18n.t(ap::SUBMITTED_ON)}</dt><dd>{d}</dd></div> })}
                        {s.due_on.filter(|_| !s.state.is_final()).map(|d| view! { <div><dt>{i18n.t(ap::DUE_ON)}</dt><dd>{d}</dd></div> })}
                    </dl>
                }
                .into_any(),
                Err(crate::api::error::ApiError::NotFound) => view! {
                    <div class="notice notice-error" role="alert"><p>{i18n.t(ap::STATUS_NOT_FOUND)}</p></div>
                }
                .into_any(),
                Err(error) => view! { <ErrorNotice error/> }.into_any(),
            }
        })
    };
    view! {
        <Title text=i18n.t(ap::STATUS_TITLE)/>
        <div class="narrow">
            <h1>{i18n.t(ap::STATUS_TITLE)}</h1>
            <p>{i18n.t(ap::STATUS_LEAD)}</p>
            <form method="post" action="/cek-status">
                <div class="field">
                    <label for="f-nomor">{i18n.t(ap::STATUS_NUMBER)}</label>
                    <p class="hint">{i18n.t(ap::STATUS_NUMBER_HINT)}</p>
                    <input id="f-nomor" name="nomor" type="text" autocomplete="off" value=number/>
                </div>
                <div class="field">
                    <label for="f-nik4">{i18n.t(ap::STATUS_NIK4)}</label>
                    <input id="f-nik4" name="nik4" type="text" inputmode="numeric" maxlength="4" class="width-5" autocomplete="off" value=nik4/>
                </div>
                <button type="submit" class="button">{i18n.t(ap::STATUS_SUBMIT)}</button>
            </form>
            <Suspense>{result}</Suspense>
        </div>
    }
}
