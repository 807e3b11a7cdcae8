//! `/hr/periode`: HR opens and closes appraisal periods (a closed period's appraisals are
//! read-only), and sets each unit's organisation rating for a period, beside the unit's
//! predikat counts and the distribution warnings of REFERENCE §5.3. Plain POST forms.

use super::{query_param, HrGuard, HrTabs, PeriodForm, Tab};
use crate::api::appraisal::PeriodView;
use crate::api::hr::{load_hr_periods, HrPeriodsPage, RuleKind, UnitDistribution, WarningView};
use crate::components::form::{field_id, ErrorSummary};
use crate::components::notice::ErrorNotice;
use crate::domain::appraisal::{OrgRating, Predikat};
use crate::domain::period::PeriodKind;
use crate::forms::use_form;
use crate::i18n::{hr as h, use_i18n, I18n};
use leptos::prelude::*;
use leptos_meta::Title;

/// `/hr/periode`.
#[component]
pub fn HrPeriodsPage() -> impl IntoView {
    let i18n = use_i18n();
    let period = query_param("periode");
    view! {
        <Title text=i18n.t(h::PERIODS_TITLE)/>
        <HrGuard>
            <HrTabs current=Tab::Periods period=period.clone()/>
            <h1>{i18n.t(h::PERIODS_TITLE)}</h1>
            <p class="lead">{i18n.t(h::PERIODS_LEAD)}</p>
            <ErrorSummary/>
            <PeriodsBody/>
        </HrGuard>
    }
    .into_any()
}

#[component]
fn PeriodsBody() -> impl IntoView {
    let i18n = use_i18n();
    let data = OnceResource::new(load_hr_periods(query_param("periode")));
    let load = move || {
        Suspend::new(async move {
            match data.await {
                Ok(page) => view! { <Periods page i18n/> }.into_any(),
                Err(error) => view! { <ErrorNotice error/> }.into_any(),
            }
        })
    };
    view! { <Suspense>{load}</Suspense> }
}

fn kind_label(i18n: I18n, kind: PeriodKind) -> &'static str {
    i18n.t(match kind {
        PeriodKind::Semester => h::KIND_SEMESTER,
        PeriodKind::Quarter => h::KIND_QUARTER,
        PeriodKind::Year => h::KIND_YEAR,
    })
}

#[component]
fn Periods(page: HrPeriodsPage, i18n: I18n) -> impl IntoView {
    let form = use_form();
    let name_error = form.error("name");
    let group = if name_error.is_some() {
        "field field-error"
    } else {
        "field"
    };
    let invalid = name_error.as_ref().map(|_| "true");
    let typed = if form.values.is_empty() {
        page.suggested.clone()
    } else {
        form.value("name")
    };
    let hint = i18n.f(
        h::OPEN_HINT,
        &[
            ("kind", &kind_label(i18n, page.kind)),
            ("example", &page.suggested),
        ],
    );
    view! {
        <section aria-labelledby="buka">
            <h2 id="buka">{i18n.t(h::OPEN_HEADING)}</h2>
            <form method="post" action="/hr/periode" novalidate data-testid="open-period">
                <div class=group>
                    <label for=field_id("name")>{i18n.t(h::OPEN_NAME)}</label>
                    <p class="hint" id="f-name-hint">{hint}</p>
                    {name_error.clone().map(|e| view! { <p class="error-message" id="f-name-error">{e}</p> })}
                    <input id=field_id("name") name="name" type="text" class="width-period" value=typed
                        autocomplete="off" aria-describedby="f-name-hint" aria-invalid=invalid/>
                </div>
                <button type="submit" class="button">{i18n.t(h::OPEN_SUBMIT)}</button>
            </form>
        </section>
        <PeriodTable periods=page.periods.clone() chosen=page.chosen.clone() i18n/>
        {match page.chosen.clone() {
            Some(chosen) => view! {
                <PeriodForm action="/hr/periode" current=chosen.name.clone() periods=page.periods.clone()/>
                <Distribution period=chosen units=page.units.clone() i18n/>
            }
            .into_any(),
            None => view! { <p class="empty">{i18n.t(h::DIST_NO_PERIOD)}</p> }.into_any(),
        }}
    }
    .into_any()
}

/// Every stored period with its state and the close button.
#[component]
fn PeriodTable(periods: Vec<PeriodView>, chosen: Option<PeriodView>, i18n: I18n) -> impl IntoView {
    if periods.is_empty() {
        return view! { <p class="empty">{i18n.t(h::PERIODS_EMPTY)}</p> }.into_any();
    }
    view! {
        <div class="table-wrap">
            <table class="table stack" data-testid="periods">
                <thead><tr>
                    <th scope="col">{i18n.t(h::COL_PERIOD)}</th>
                    <th scope="col">{i18n.t(h::COL_DAYS)}</th>
                    <th scope="col">{i18n.t(h::COL_STATUS)}</th>
                    <th scope="col">{i18n.t(h::COL_ACTIONS)}</th>
                </tr></thead>
                <tbody>
                    {periods.into_iter().map(|p| {
                        let here = chosen.as_ref().is_some_and(|c| c.id == p.id);
                        let href = format!("/hr/periode?periode={}#distribusi", p.name);
                        let close = format!("/hr/periode/{}/tutup", p.name);
                        view! {
                            <tr data-testid="period-row" data-period=p.name.clone()>
                                <td data-label=i18n.t(h::COL_PERIOD)><a href=href aria-current=here.then_some("true")>{p.name.clone()}</a></td>
                                <td data-label=i18n.t(h::COL_DAYS) class="nowrap">{format!("{} – {}", p.first_day, p.last_day)}</td>
                                <td data-label=i18n.t(h::COL_STATUS)>
                                    {if p.open {
                                        view! { <span class="tag tag-ok" data-testid="period-state">{i18n.t(h::STATE_OPEN)}</span> }.into_any()
                                    } else {
                                        view! { <span class="tag tag-grey" data-testid="period-state">{i18n.t(h::STATE_CLOSED)}</span> }.into_any()
                                    }}
                                </td>
                                <td data-label=i18n.t(h::COL_ACTIONS)><div>
                                    {p.open.then(|| view! {
                                        <form method="post" action=close class="inline">
                                            <button type="submit" class="button secondary small">
                                                {i18n.t(h::CLOSE_SUBMIT)} <span class="visually-hidden">" " {p.name.clone()}</span>
                                            </button>
                                        </form>
                                        <p class="hint small">{i18n.t(h::CLOSE_HINT)}</p>
                                    })}
                                </div></td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
    .into_any()
}

/// A warning in words.
pub fn warning_text(i18n: I18n, w: &WarningView) -> String {
    let names: Vec<&str> = w.group.iter().map(|p| h::predikat(i18n, *p)).collect();
    let group = names.join(&format!(" {} ", i18n.t(h::OR)));
    let msg = match w.kind {
        RuleKind::AtMost => h::WARN_AT_MOST,
        RuleKind::AtLeast => h::WARN_AT_LEAST,
        RuleKind::AtLeastOne => h::WARN_AT_LEAST_ONE,
    };
    i18n.f(
        msg,
        &[
            ("group", &group),
            ("percent", &w.percent),
            ("count", &w.count),
            ("total", &w.total),
        ],
    )
}

/// Each unit's organisation rating form, predikat counts and warnings.
#[component]
fn Distribution(period: PeriodView, units: Vec<UnitDistribution>, i18n: I18n) -> impl IntoView {
    let action = format!("/hr/periode/{}/organisasi", period.name);
    view! {
        <section id="distribusi" aria-labelledby="distribusi-title">
            <h2 id="distribusi-title">{i18n.f(h::DIST_HEADING, &[("period", &period.name)])}</h2>
            <p>{i18n.t(h::DIST_LEAD)}</p>
            <div class="table-wrap">
                <table class="table stack" data-testid="distribution">
                    <thead><tr>
                        <th scope="col">{i18n.t(h::COL_UNIT)}</th>
                        <th scope="col">{i18n.t(h::COL_ORG_RATING)}</th>
                        <th scope="col">{i18n.t(h::COL_COUNTS)}</th>
                        <th scope="col">{i18n.t(h::COL_WARNINGS)}</th>
                    </tr></thead>
                    <tbody>
                        {units.into_iter().map(|u| view! { <UnitRow u action=action.clone() i18n/> }).collect_view()}
                    </tbody>
                </table>
            </div>
        </section>
    }
    .into_any()
}

/// One unit: its rating form, counts and warnings.
#[component]
fn UnitRow(u: UnitDistribution, action: String, i18n: I18n) -> impl IntoView {
    let form = use_form();
    let key = format!("rating_{}", u.code);
    let error = form.error(&key);
    let chosen = if form.values.iter().any(|(k, _)| *k == key) {
        form.value(&key)
    } else {
        u.rating.map(|r| r.code().to_owned()).unwrap_or_default()
    };
    let total = u.counts.total();
    let status = if total == 0 {
        view! { <span class="muted">{i18n.t(h::DIST_NONE_APPRAISED)}</span> }.into_any()
    } else if u.rating.is_none() {
        view! { <span class="muted">{i18n.t(h::DIST_NO_RATING)}</span> }.into_any()
    } else if u.warnings.is_empty() {
        view! { <span class="tag tag-ok" data-testid="distribution-ok">{i18n.t(h::DIST_OK)}</span> }
            .into_any()
    } else {
        view! {
            <ul class="warnings" data-testid="distribution-warnings">
                {u.warnings.iter().map(|w| view! { <li><span class="tag tag-warn">"!"</span> " " {warning_text(i18n, w)}</li> }).collect_view()}
            </ul>
        }
        .into_any()
    };
    view! {
        <tr data-testid="unit-row" data-unit=u.code.clone() id=format!("unit-{}", u.code)>
            <th scope="row" data-label=i18n.t(h::COL_UNIT)>{u.code.clone()} <br/><span class="small">{u.name.clone()}</span></th>
            <td data-label=i18n.t(h::COL_ORG_RATING)>
                <form method="post" action=action.clone() class="inline" novalidate>
                    <input type="hidden" name="unit" value=u.code.clone()/>
                    <div class=if error.is_some() { "field field-error" } else { "field" }>
                        <label class="visually-hidden" for=field_id(&key)>{i18n.t(h::COL_ORG_RATING)} " " {u.code.clone()}</label>
                        {error.clone().map(|e| view! { <p class="error-message">{e}</p> })}
                        <select id=field_id(&key) name="rating">
                            <option value="" selected=chosen.is_empty()>{i18n.t(h::ORG_NOT_SET)}</option>
                            {OrgRating::ALL.into_iter().map(|r| {
                                let selected = r.code() == chosen;
                                view! { <option value=r.code() selected=selected>{h::org_rating(i18n, r)}</option> }
                            }).collect_view()}
                        </select>
                    </div>
                    <button type="submit" class="button secondary small">
                        {i18n.t(h::ORG_SUBMIT)} <span class="visually-hidden">" " {u.code.clone()}</span>
                    </button>
                </form>
            </td>
            <td data-label=i18n.t(h::COL_COUNTS)>
                <ul class="plain-list">
                    {Predikat::ALL.iter().map(|p| view! {
                        <li>{h::predikat(i18n, *p)} ": " <strong>{u.counts.get(*p)}</strong></li>
                    }).collect_view()}
                </ul>
            </td>
            <td data-label=i18n.t(h::COL_WARNINGS)>{status}</td>
        </tr>
    }
    .into_any()
}
