//! The public service catalog (`/layanan`) and each service's start page (`/layanan/:code`)
//! showing its published standard before a citizen starts (REFERENCE §2.1; the GOV.UK "start
//! page").

use crate::api::catalog::{get_service, list_services, ServiceDetail};
use crate::auth::use_viewer;
use crate::components::notice::ErrorNotice;
use crate::domain::service::format_fee;
use crate::i18n::{catalog as ct, common as c, use_i18n, I18n, Lang};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

/// Picks the text in the visitor's language, falling back to Indonesian.
pub fn pick(i18n: I18n, id: &str, en: &str) -> String {
    if i18n.lang == Lang::En && !en.trim().is_empty() {
        en.to_owned()
    } else {
        id.to_owned()
    }
}

/// "3 working days", "1 working day".
pub fn working_days(i18n: I18n, n: i64) -> String {
    let key = if n == 1 {
        ct::WORKING_DAY
    } else {
        ct::WORKING_DAYS
    };
    i18n.f(key, &[("n", &n)])
}

/// `/layanan`: every active service, searchable (a GET form: works everywhere).
#[component]
pub fn CatalogPage() -> impl IntoView {
    let i18n = use_i18n();
    let q = use_query_map().get_untracked().get("q").unwrap_or_default();
    let query = q.clone();
    let found = OnceResource::new(list_services(q));
    let list = move || {
        Suspend::new(async move {
            let services = match found.await {
                Ok(services) => services,
                Err(error) => return view! { <ErrorNotice error/> }.into_any(),
            };
            if services.is_empty() {
                return view! { <p class="empty">{i18n.t(ct::CATALOG_EMPTY)}</p> }.into_any();
            }
            view! {
                <p class="count">{i18n.f(ct::CATALOG_COUNT, &[("n", &services.len())])}</p>
                <ul class="service-list">
                    {services.into_iter().map(|s| {
                        let href = format!("/layanan/{}", s.code);
                        view! {
                            <li class="service-card">
                                <h2><a href=href>{s.name}</a></h2>
                                <p class="meta">{s.unit_name}</p>
                                <p class="facts">
                                    <span>{working_days(i18n, s.completion_days)}</span>
                                    " · "
                                    <span>{format_fee(s.fee_rupiah, i18n.t(ct::FREE))}</span>
                                </p>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            }
            .into_any()
        })
    };
    view! {
        <Title text=i18n.t(ct::CATALOG_TITLE)/>
        <h1>{i18n.t(ct::CATALOG_TITLE)}</h1>
        <p class="lead">{i18n.t(ct::CATALOG_LEAD)}</p>
        <form method="get" action="/layanan" role="search" class="filter">
            <label for="catalog-q">{i18n.t(ct::CATALOG_SEARCH)}</label>
            <p class="hint" id="catalog-q-hint">{i18n.t(ct::CATALOG_SEARCH_HINT)}</p>
            <div class="filter-row">
                <input id="catalog-q" name="q" type="search" value=query aria-describedby="catalog-q-hint"/>
                <button type="submit" class="button secondary">{i18n.t(c::SEARCH)}</button>
            </div>
        </form>
        <Suspense>{list}</Suspense>
    }
}

/// `/layanan/:code`: the standard of one service, and the way to start.
#[component]
pub fn ServicePage() -> impl IntoView {
    let i18n = use_i18n();
    let code = use_params_map()
        .get_untracked()
        .get("code")
        .unwrap_or_default();
    let service = OnceResource::new(get_service(code));
    let body = move || {
        Suspend::new(async move {
            match service.await {
                Ok(service) => view! { <ServiceStandard service i18n/> }.into_any(),
                Err(error) => {
                    #[cfg(feature = "ssr")]
                    if error == crate::api::error::ApiError::NotFound {
                        crate::server::context::set_status(http::StatusCode::NOT_FOUND);
                    }
                    view! { <ErrorNotice error/> }.into_any()
                }
            }
        })
    };
    view! { <Suspense>{body}</Suspense> }
}

#[component]
fn ServiceStandard(service: ServiceDetail, i18n: I18n) -> impl IntoView {
    let viewer = use_viewer();
    let name = pick(i18n, &service.name_id, &service.name_en);
    let description = pick(i18n, &service.description_id, &service.description_en);
    let product = pick(i18n, &service.product_id, &service.product_en);
    let start = if !service.active {
        view! { <div class="notice"><p>{i18n.t(ct::SERVICE_INACTIVE)}</p></div> }.into_any()
    } else if viewer.is_citizen() {
        let action = format!("/layanan/{}/ajukan", service.code);
        view! {
            <form method="post" action=action class="start">
                <input type="hidden" name="draft_key" value=crate::forms::idempotency_key(&crate::forms::use_form(), "draft_key")/>
                <button type="submit" class="button start-button">{i18n.t(ct::START_APPLY)} " →"</button>
            </form>
            <p class="hint">{i18n.t(ct::START_NOTE)}</p>
        }
        .into_any()
    } else if viewer.is_staff() {
        ().into_any()
    } else {
        let href = format!("/masuk?next=/layanan/{}", service.code);
        view! {
            <p><a class="button start-button" href=href>{i18n.t(ct::START_SIGN_IN)} " →"</a></p>
            <p class="hint">{i18n.t(ct::START_NOTE)}</p>
        }
        .into_any()
    };
    view! {
        <Title text=name.clone()/>
        <p class="breadcrumb"><a href="/layanan">{i18n.t(ct::CATALOG_TITLE)}</a></p>
        <h1>{name}</h1>
        <p class="meta">{i18n.t(ct::STANDARD_UNIT)} ": " {service.unit_name.clone()}</p>
        {(!description.is_empty()).then(|| view! { <p class="lead">{description}</p> })}
        <dl class="summary-list">
            <div><dt>{i18n.t(ct::STANDARD_TIME)}</dt><dd>{working_days(i18n, service.completion_days)}</dd></div>
            <div><dt>{i18n.t(ct::STANDARD_FEE)}</dt><dd>{format_fee(service.fee_rupiah, i18n.t(ct::FREE))}</dd></div>
            {(!product.is_empty()).then(|| view! { <div><dt>{i18n.t(ct::STANDARD_PRODUCT)}</dt><dd>{product}</dd></div> })}
        </dl>
        <h2>{i18n.t(ct::STANDARD_REQUIREMENTS)}</h2>
        {if service.requirements.is_empty() {
            view! { <p>{i18n.t(ct::STANDARD_NO_REQUIREMENTS)}</p> }.into_any()
        } else {
            view! {
                <ol class="requirements">
                    {service.requirements.iter().map(|r| {
                        let upload = r.needs_document.then(|| {
                            let types = r.accepted_types.iter().map(|t| t.to_uppercase()).collect::<Vec<_>>().join(", ");
                            let size = format!("{} MB", (r.max_size_kb as f64 / 1024.0 * 10.0).round() / 10.0);
                            i18n.f(ct::STANDARD_UPLOAD, &[("types", &types), ("size", &size)])
                        });
                        view! {
                            <li>
                                {pick(i18n, &r.label_id, &r.label_en)}
                                {upload.map(|u| view! { <span class="hint block">{u}</span> })}
                            </li>
                        }
                    }).collect_view()}
                </ol>
            }
            .into_any()
        }}
        <h2>{i18n.t(ct::STANDARD_PROCEDURE)}</h2>
        <p>{i18n.t(ct::STANDARD_PROCEDURE_TEXT)}</p>
        {start}
        {(!service.legal_basis.is_empty()).then(|| view! {
            <h2>{i18n.t(ct::STANDARD_LEGAL)}</h2>
            <p class="preline">{service.legal_basis.clone()}</p>
        })}
        {(!service.complaint_channel.is_empty()).then(|| view! {
            <h2>{i18n.t(ct::STANDARD_COMPLAINT)}</h2>
            <p class="preline">{service.complaint_channel.clone()}</p>
        })}
    }
}
