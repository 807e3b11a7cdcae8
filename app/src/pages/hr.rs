//! HR's (BKPSDM) pages (REFERENCE §4, §5.3): the ranking of a period (`/hr`), one officer
//! across periods with contests to rule on (`/hr/pegawai/:nip`), the periods with each unit's
//! organisation rating and distribution (`/hr/periode`) and the career follow-up lists
//! (`/hr/tindak-lanjut`). Plain links, GET filters and POST forms, so every page works without
//! JavaScript; a score is never shown without its n and interval. Each page loads its data once
//! per view (`OnceResource`, see `pages::apply::with_application`): the loads are audited.

pub mod dashboard;
pub mod followup;
pub mod officer;
pub mod periods;
pub mod talent;

use crate::api::appraisal::{PeriodView, ScoreView};
use crate::auth::Role;
use crate::i18n::{hr as h, use_i18n, I18n};
use crate::pages::appraisal::num;
use crate::pages::guard::{Door, Guard};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// The HR pages, for the tabs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tab {
    /// `/hr`.
    Ranking,
    /// `/hr/periode`.
    Periods,
    /// `/hr/tindak-lanjut`.
    Followup,
}

/// A query parameter of the address (`""` when absent).
pub fn query_param(name: &str) -> String {
    use_query_map()
        .get_untracked()
        .get(name)
        .unwrap_or_default()
}

/// `?periode=…` (empty for the default period).
pub fn period_query(period: &str) -> String {
    if period.is_empty() {
        String::new()
    } else {
        format!("?periode={period}")
    }
}

/// HR only: others get 403, signed-out visitors the staff sign-in.
#[component]
pub fn HrGuard(children: Children) -> impl IntoView {
    view! {
        <Guard allowed=|v| v.has_role(Role::Hr) door=Door::Staff>
            {children()}
        </Guard>
    }
}

/// Links between the HR pages, keeping the period.
#[component]
pub fn HrTabs(current: Tab, period: String) -> impl IntoView {
    let i18n = use_i18n();
    let q = period_query(&period);
    let tabs = [
        (Tab::Ranking, "/hr", h::TAB_RANKING),
        (Tab::Periods, "/hr/periode", h::TAB_PERIODS),
        (Tab::Followup, "/hr/tindak-lanjut", h::TAB_FOLLOWUP),
    ];
    view! {
        <nav class="tabs" aria-label=i18n.t(h::TABS_LABEL)>
            <ul>
                {tabs.into_iter().map(|(tab, path, label)| {
                    let href = format!("{path}{q}");
                    view! { <li><a href=href aria-current=(tab == current).then_some("page")>{i18n.t(label)}</a></li> }
                }).collect_view()}
            </ul>
        </nav>
    }
    .into_any()
}

/// Whether the period shown is open, closed or was never opened.
#[component]
pub fn PeriodNote(period: PeriodView, i18n: I18n) -> impl IntoView {
    let (class, msg) = if period.id == 0 {
        ("tag tag-grey", h::PERIOD_NOT_STORED)
    } else if period.open {
        ("tag tag-ok", h::PERIOD_OPEN_NOTE)
    } else {
        ("tag tag-warn", h::PERIOD_CLOSED_NOTE)
    };
    view! {
        <p class="caption" data-testid="period-note">
            <span class=class>{period.name.clone()}</span> " "
            {period.first_day.clone()} " – " {period.last_day.clone()} " · "
            {i18n.f(msg, &[("period", &period.name)])}
        </p>
    }
    .into_any()
}

/// The period field of a GET form: free text with the stored periods offered.
#[component]
pub fn PeriodField(current: String, periods: Vec<PeriodView>, i18n: I18n) -> impl IntoView {
    view! {
        <div class="field">
            <label for="f-periode">{i18n.t(h::PERIOD_LABEL)}</label>
            <p class="hint" id="f-periode-hint">{i18n.t(h::PERIOD_HINT)}</p>
            <input id="f-periode" name="periode" type="text" class="width-period" autocomplete="off"
                list="periode-list" value=current aria-describedby="f-periode-hint"/>
            <datalist id="periode-list">
                {periods.into_iter().map(|p| view! { <option value=p.name.clone()></option> }).collect_view()}
            </datalist>
        </div>
    }
    .into_any()
}

/// A GET form choosing only the period (`action`: the page's address).
#[component]
pub fn PeriodForm(
    #[prop(into)] action: String,
    current: String,
    periods: Vec<PeriodView>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <form method="get" action=action class="filters period-form">
            <PeriodField current periods i18n/>
            <button type="submit" class="button secondary">{i18n.t(h::PERIOD_SUBMIT)}</button>
        </form>
    }
    .into_any()
}

/// The shrunk score with its n and interval and the raw mean beside it, or "data belum cukup".
#[component]
pub fn ScoreCell(score: ScoreView, i18n: I18n) -> impl IntoView {
    match (score.shrunk, score.mean, score.ci_low, score.ci_high) {
        (Some(shrunk), Some(mean), Some(low), Some(high)) => view! {
            <span class="score-value" data-testid="shrunk">{num(shrunk)}</span>
            <span class="small muted nowrap" data-testid="interval">
                {i18n.f(h::N_AND_INTERVAL, &[("n", &score.n), ("low", &num(low)), ("high", &num(high))])}
            </span>
            " "
            <span class="small muted nowrap">{i18n.f(h::RAW_MEAN, &[("mean", &num(mean))])}</span>
        }
        .into_any(),
        _ => view! {
            <span class="tag tag-grey">{i18n.t(h::INSUFFICIENT)}</span>
            " "
            <span class="small muted">{i18n.f(h::N_OF_MIN, &[("n", &score.n), ("min", &score.min_n)])}</span>
        }
        .into_any(),
    }
}

/// Links downloading `list` as XLSX and CSV; `query` is `periode=…&…` without the `?`.
#[component]
pub fn Downloads(list: &'static str, query: String, title: &'static str) -> impl IntoView {
    let i18n = use_i18n();
    let sep = if query.is_empty() { "" } else { "&" };
    let xlsx = format!("/hr/ekspor/{list}?format=xlsx{sep}{query}");
    let csv = format!("/hr/ekspor/{list}?format=csv{sep}{query}");
    view! {
        <p class="links downloads">
            <a href=xlsx download data-testid=format!("download-{list}-xlsx")>
                {i18n.t(h::DOWNLOAD_XLSX)} <span class="visually-hidden">" " {title}</span>
            </a>
            " · "
            <a href=csv download data-testid=format!("download-{list}-csv")>
                {i18n.t(h::DOWNLOAD_CSV)} <span class="visually-hidden">" " {title}</span>
            </a>
        </p>
    }
    .into_any()
}
