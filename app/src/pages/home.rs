//! The home page: what Sigap offers and the searchable list of service units.

use crate::api::units::list_units;
use crate::components::notice::ErrorNotice;
use crate::i18n::{common as c, home as h, use_i18n};
use crate::islands::unit_filter::{UnitFilter, UnitFilterText};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

/// `/`: the three things citizens come for, then the units they can reach.
#[component]
pub fn HomePage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map().get_untracked().get("q").unwrap_or_default();
    let text = UnitFilterText {
        label: i18n.t(h::UNITS_FILTER_LABEL).into(),
        hint: i18n.t(h::UNITS_FILTER_HINT).into(),
        button: i18n.t(c::SEARCH).into(),
        no_match: i18n.t(h::UNITS_NO_MATCH).into(),
        count: i18n.t(h::UNITS_COUNT).into(),
    };
    // Loaded once per page view (see `pages::apply::with_application`).
    let loaded = OnceResource::new(list_units());
    let units = move || {
        let query = query.clone();
        let text = text.clone();
        Suspend::new(async move {
            match loaded.await {
                Ok(units) if units.is_empty() => {
                    view! { <p class="empty">{i18n.t(h::UNITS_EMPTY)}</p> }.into_any()
                }
                Ok(units) => view! { <UnitFilter units query text/> }.into_any(),
                Err(error) => view! { <ErrorNotice error/> }.into_any(),
            }
        })
    };
    view! {
        <Title text=i18n.t(h::HOME_TITLE)/>
        <section class="hero">
            <h1>{i18n.t(h::HOME_TITLE)}</h1>
            <p class="lead">{i18n.t(h::HOME_LEAD)}</p>
        </section>
        <section class="pillars">
            <Pillar title=i18n.t(h::PILLAR_APPLY_TITLE) body=i18n.t(h::PILLAR_APPLY_BODY)/>
            <Pillar title=i18n.t(h::PILLAR_RATE_TITLE) body=i18n.t(h::PILLAR_RATE_BODY)/>
            <Pillar
                title=i18n.t(h::PILLAR_INDEX_TITLE)
                body=i18n.t(h::PILLAR_INDEX_BODY)
                link=("/ikm", i18n.t(crate::i18n::ikm::PILLAR_LINK))
            />
        </section>
        <section class="units" aria-labelledby="units-title">
            <h2 id="units-title">{i18n.t(h::UNITS_TITLE)}</h2>
            <Suspense fallback=move || view! { <p>{i18n.t(c::LOADING)}</p> }>{units}</Suspense>
        </section>
    }
}

/// One of the three things Sigap offers.
#[component]
fn Pillar(
    title: &'static str,
    body: &'static str,
    /// Where to read more: address and link text.
    #[prop(optional)]
    link: Option<(&'static str, &'static str)>,
) -> impl IntoView {
    view! {
        <div class="card">
            <h2 class="card-title">{title}</h2>
            <p>{body}</p>
            {link.map(|(href, text)| view! { <p><a href=href>{text} "\u{a0}→"</a></p> })}
        </div>
    }
}
