//! The appraisal pages (REFERENCE §4, §5): the supervisor's list of the officers they appraise
//! (`/petugas/penilaian`), one officer's evidence with the rating form
//! (`/petugas/penilaian/:nip`), the officer's own page with their contests (`/akun/kinerja`),
//! and a printable A4 sheet (`/penilaian/:nip/cetak`). Plain forms and GET links, so every page
//! works without JavaScript; a score is never shown without its n and interval, and below the
//! gate the pages say "data belum cukup" and show no number.

pub mod evidence;
pub mod list;
pub mod officer;
pub mod own;
pub mod print;
pub mod rate;

use crate::api::appraisal::{appraisal_periods, PeriodView, ScoreView};
use crate::components::notice::ErrorNotice;
use crate::domain::appraisal::Predikat;
use crate::domain::officer_score::Expectation;
use crate::i18n::{appraisal as ap, use_i18n, I18n, Lang};
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

/// The query parameter naming the period (`?periode=2026-S1`).
pub const PERIOD_PARAM: &str = "periode";

/// The period asked for in the address (`""`: the latest open one).
pub fn period_param() -> String {
    use_query_map()
        .get_untracked()
        .get(PERIOD_PARAM)
        .unwrap_or_default()
}

/// The NIP in the address.
pub fn nip_param() -> String {
    use_params_map()
        .get_untracked()
        .get("nip")
        .unwrap_or_default()
}

/// `?periode=…` for links to another page of the same period.
pub fn period_query(period: &str) -> String {
    if period.is_empty() {
        String::new()
    } else {
        format!("?{PERIOD_PARAM}={period}")
    }
}

/// An expectation in the visitor's language (the regulation's wording in Indonesian).
pub fn expectation_label(i18n: I18n, e: Expectation) -> &'static str {
    match i18n.lang {
        Lang::Id => e.label_id(),
        Lang::En => e.label_en(),
    }
}

/// A predikat in the visitor's language.
pub fn predikat_label(i18n: I18n, p: Predikat) -> &'static str {
    match i18n.lang {
        Lang::Id => p.label_id(),
        Lang::En => p.label_en(),
    }
}

/// The tag colour of a predikat.
pub fn predikat_class(p: Predikat) -> &'static str {
    match p {
        Predikat::SangatBaik | Predikat::Baik => "tag tag-ok",
        Predikat::ButuhPerbaikan => "tag tag-warn",
        Predikat::Kurang | Predikat::SangatKurang => "tag tag-error",
    }
}

/// A number as reports show it (two decimals).
pub fn num(v: f64) -> String {
    format!("{v:.2}")
}

/// "88.00 (84.10 – 91.90)": a raw mean is never shown without its interval.
pub fn mean_with_interval(score: &ScoreView) -> Option<String> {
    match (score.mean, score.ci_low, score.ci_high) {
        (Some(m), Some(lo), Some(hi)) => Some(format!("{} ({} – {})", num(m), num(lo), num(hi))),
        _ => None,
    }
}

/// "Data belum cukup" with how far the officer is from the gate.
#[component]
pub fn NotEnough(score: ScoreView, i18n: I18n) -> impl IntoView {
    view! {
        <span class="not-enough" data-testid="not-enough">
            <span class="tag tag-grey">{i18n.t(ap::EV_NOT_ENOUGH)}</span>
            " "
            <span class="muted">{i18n.f(ap::EV_NOT_ENOUGH_N, &[("n", &score.n), ("min", &score.min_n)])}</span>
        </span>
    }
    .into_any()
}

/// The period: its name and days, and whether it is open.
#[component]
pub fn PeriodLine(period: PeriodView, i18n: I18n) -> impl IntoView {
    let state = if period.id == 0 {
        view! { <span class="tag tag-grey" data-testid="period-state">{i18n.t(ap::PER_NOT_OPENED)}</span> }
    } else if period.open {
        view! { <span class="tag tag-ok" data-testid="period-state">{i18n.t(ap::PER_OPEN)}</span> }
    } else {
        view! { <span class="tag tag-grey" data-testid="period-state">{i18n.t(ap::PER_CLOSED)}</span> }
    };
    view! {
        <p class="caption period-line">
            {i18n.f(ap::PER_RANGE, &[("period", &period.name), ("first", &period.first_day), ("last", &period.last_day)])}
            " " {state}
        </p>
    }
    .into_any()
}

/// The GET form choosing the period among those HR opened (`action`: the page's address).
#[component]
pub fn PeriodPicker(action: String, current: String) -> impl IntoView {
    let i18n = use_i18n();
    // Only staff may list periods; for anyone else the page's own load decides the answer
    // (a 404), and a refused list must not set the status first.
    if !crate::auth::use_viewer().is_staff() {
        return ().into_any();
    }
    // Loaded once per page view (see `pages::apply::with_application`).
    let periods = OnceResource::new(appraisal_periods());
    let body = move || {
        let action = action.clone();
        let current = current.clone();
        Suspend::new(async move {
            match periods.await {
                Ok(list) if list.is_empty() => ().into_any(),
                Ok(list) => view! {
                    <form method="get" action=action class="filters period-form no-print">
                        <div class="field">
                            <label for="f-periode">{i18n.t(ap::PER_LABEL)}</label>
                            <select id="f-periode" name=PERIOD_PARAM>
                                {list.into_iter().map(|p| {
                                    let selected = p.name == current;
                                    let state = if p.open { i18n.t(ap::PER_OPEN) } else { i18n.t(ap::PER_CLOSED) };
                                    view! { <option value=p.name.clone() selected=selected>{p.name.clone()} " (" {state} ")"</option> }
                                }).collect_view()}
                            </select>
                        </div>
                        <button type="submit" class="button secondary">{i18n.t(ap::PER_SUBMIT)}</button>
                    </form>
                }
                .into_any(),
                Err(error) => view! { <ErrorNotice error/> }.into_any(),
            }
        })
    };
    view! { <Suspense>{body}</Suspense> }.into_any()
}
