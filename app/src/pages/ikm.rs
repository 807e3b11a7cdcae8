//! The published satisfaction index (REFERENCE §3.4): every unit's IKM for a period (`/ikm`)
//! and one unit's page (`/ikm/:code`) with its unsur, service types, respondents, trend and
//! follow-up plan. The period comes from `?periode=` through a plain GET form, so both pages
//! work the same without JavaScript; charts are plain HTML with fixed CSS widths (the CSP
//! forbids inline styles).

mod chart;
mod detail;
mod overview;
mod period;
mod unit;

use crate::api::error::ApiError;
use crate::api::survey::{load_unit_index, load_units_index};
use crate::components::notice::ErrorNotice;
use crate::domain::period::Period;
use crate::domain::skm::Mutu;
use crate::i18n::{ikm as ik, use_i18n, I18n, Lang};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

/// The query parameter naming the period (`?periode=2026-S1`).
pub const PERIOD_PARAM: &str = "periode";

/// `/ikm`: every unit's index for a period.
#[component]
pub fn IkmOverviewPage() -> impl IntoView {
    let i18n = use_i18n();
    let period = requested_period();
    let valid = period_is_valid(&period);
    // Loaded once per page view (see `pages::apply::with_application`).
    let units = OnceResource::new(load_units_index(period));
    let body = move || {
        Suspend::new(async move {
            if !valid {
                return view! { <IkmNotFound what=Missing::Period/> }.into_any();
            }
            match units.await {
                Ok((name, units)) => {
                    view! { <overview::Overview period=name units i18n/> }.into_any()
                }
                Err(ApiError::NotFound) => view! { <IkmNotFound what=Missing::Period/> }.into_any(),
                Err(error) => view! { <ErrorNotice error/> }.into_any(),
            }
        })
    };
    view! {
        <Title text=i18n.t(ik::OVERVIEW_TITLE)/>
        <Suspense>{body}</Suspense>
    }
}

/// `/ikm/:code`: one unit's index for a period.
#[component]
pub fn UnitIkmPage() -> impl IntoView {
    let i18n = use_i18n();
    let code = use_params_map()
        .get_untracked()
        .get("code")
        .unwrap_or_default();
    let period = requested_period();
    // A period that does not parse is refused before asking which unit it is, so the visitor
    // learns what is actually wrong. The index is loaded once per page view.
    let valid = period_is_valid(&period);
    let index = OnceResource::new(async move {
        if valid {
            Some(load_unit_index(code, period).await)
        } else {
            None
        }
    });
    let body = move || {
        Suspend::new(async move {
            let Some(index) = index.await else {
                return view! { <IkmNotFound what=Missing::Period/> }.into_any();
            };
            match index {
                Ok(index) => view! { <unit::UnitIndexView index i18n/> }.into_any(),
                Err(ApiError::NotFound) => view! { <IkmNotFound what=Missing::Unit/> }.into_any(),
                Err(error) => view! { <ErrorNotice error/> }.into_any(),
            }
        })
    };
    view! { <Suspense>{body}</Suspense> }
}

/// The period asked for in the address (empty: the current semester).
fn requested_period() -> String {
    use_query_map()
        .get_untracked()
        .get(PERIOD_PARAM)
        .unwrap_or_default()
        .trim()
        .to_owned()
}

fn period_is_valid(text: &str) -> bool {
    text.is_empty() || Period::parse(text).is_ok()
}

/// What a 404 is about.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Missing {
    Unit,
    Period,
}

/// An unknown unit or period: a real 404 with a way back.
#[component]
fn IkmNotFound(what: Missing) -> impl IntoView {
    #[cfg(feature = "ssr")]
    crate::server::context::set_status(http::StatusCode::NOT_FOUND);
    let i18n = use_i18n();
    let (title, body) = match what {
        Missing::Unit => (ik::UNIT_NOT_FOUND_TITLE, ik::UNIT_NOT_FOUND_BODY),
        Missing::Period => (ik::PERIOD_NOT_FOUND_TITLE, ik::PERIOD_NOT_FOUND_BODY),
    };
    view! {
        <Title text=i18n.t(title)/>
        <section class="message-page">
            <h1>{i18n.t(title)}</h1>
            <p>{i18n.t(body)}</p>
            <p><a class="button" href="/ikm">{i18n.t(ik::BACK_TO_OVERVIEW)}</a></p>
        </section>
    }
}

/// A published figure with two decimals (konversi, NRR, percentages).
fn fixed2(value: f64) -> String {
    format!("{value:.2}")
}

/// The IKM on the 1..4 scale, with the four decimals the regulation prints.
fn fixed4(value: f64) -> String {
    format!("{value:.4}")
}

/// The class with this letter.
fn mutu_of(letter: char) -> Option<Mutu> {
    Mutu::ALL.into_iter().find(|m| m.letter() == letter)
}

/// The regulation's performance wording for a class letter, in the visitor's language.
fn kinerja(i18n: I18n, letter: char) -> &'static str {
    match mutu_of(letter) {
        Some(m) if i18n.lang == Lang::En => m.kinerja_en(),
        Some(m) => m.kinerja_id(),
        None => "",
    }
}

/// The class letter as a coloured badge; the letter itself carries the meaning.
#[component]
fn MutuBadge(letter: char) -> impl IntoView {
    let class = format!("mutu mutu-{}", letter.to_ascii_lowercase());
    view! { <span class=class>{letter.to_string()}</span> }
}

/// The unsur's name in the visitor's language.
fn unsur_name(i18n: I18n, unsur: crate::domain::skm::Unsur) -> &'static str {
    if i18n.lang == Lang::En {
        unsur.name_en()
    } else {
        unsur.name_id()
    }
}
