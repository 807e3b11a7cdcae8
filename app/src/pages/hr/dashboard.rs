//! `/hr`: the ranking of a period (REFERENCE §4.1). Officers with a score are ranked by the
//! shrunk score, each with n, the 95% interval, the raw mean, the unit mean, the suggestion, the
//! response rate and the predikat; those below the gate follow without a number. Filters are a
//! GET form (bookmarkable, no JavaScript); the predikat chart is drawn on the server.

use super::{query_param, Downloads, HrGuard, HrTabs, PeriodField, PeriodNote, ScoreCell, Tab};
use crate::api::hr::{load_hr_ranking, HrRanking, PendingContest, RankedOfficer, RankingFilter};
use crate::components::charts::{Bar, BarChart};
use crate::components::notice::ErrorNotice;
use crate::domain::appraisal::Predikat;
use crate::i18n::{hr as h, use_i18n, I18n};
use crate::pages::appraisal::{num, predikat_class};
use crate::pages::guard::urlencode;
use leptos::prelude::*;
use leptos_meta::Title;

/// `/hr`.
#[component]
pub fn HrDashboardPage() -> impl IntoView {
    let i18n = use_i18n();
    let period = query_param("periode");
    view! {
        <Title text=i18n.t(h::DASHBOARD_TITLE)/>
        <HrGuard>
            <HrTabs current=Tab::Ranking period=period.clone()/>
            <h1>{i18n.t(h::DASHBOARD_TITLE)}</h1>
            <p class="lead">{i18n.t(h::DASHBOARD_LEAD)}</p>
            <DashboardBody/>
        </HrGuard>
    }
    .into_any()
}

/// The filters in the address (`?periode=&unit=&layanan=&predikat=&belum_cukup=1`).
fn filter_of_address() -> RankingFilter {
    RankingFilter {
        unit: query_param("unit"),
        service: query_param("layanan"),
        predikat: query_param("predikat"),
        insufficient: !query_param("belum_cukup").is_empty(),
    }
}

/// The same filters as a query string (for the downloads and the officers' links).
fn query_of(period: &str, f: &RankingFilter) -> String {
    let mut parts = vec![format!("periode={}", urlencode(period))];
    for (k, v) in [
        ("unit", &f.unit),
        ("layanan", &f.service),
        ("predikat", &f.predikat),
    ] {
        if !v.is_empty() {
            parts.push(format!("{k}={}", urlencode(v)));
        }
    }
    if f.insufficient {
        parts.push("belum_cukup=1".into());
    }
    parts.join("&")
}

#[component]
fn DashboardBody() -> impl IntoView {
    let i18n = use_i18n();
    // One load per page view: the load is audited (REFERENCE §6).
    let data = OnceResource::new(load_hr_ranking(query_param("periode"), filter_of_address()));
    let load = move || {
        Suspend::new(async move {
            match data.await {
                Ok(page) => view! { <Dashboard page i18n/> }.into_any(),
                Err(error) => view! {
                    <ErrorNotice error/>
                    <super::PeriodForm action="/hr" current=query_param("periode") periods=Vec::new()/>
                }
                .into_any(),
            }
        })
    };
    view! { <Suspense>{load}</Suspense> }
}

#[component]
fn Dashboard(page: HrRanking, i18n: I18n) -> impl IntoView {
    let period = page.period.name.clone();
    let query = query_of(&period, &page.filter);
    let shown = page.ranked.len() + page.insufficient.len();
    let min = page
        .ranked
        .iter()
        .chain(&page.insufficient)
        .map(|r| r.score.min_n)
        .next()
        .unwrap_or(20);
    view! {
        <PeriodNote period=page.period.clone() i18n/>
        <Pending pending=page.pending.clone() i18n/>
        <Filters page=page.clone() i18n/>
        <PredikatChart page=page.clone() shown i18n/>
        <Downloads list="peringkat" query=query title=i18n.t(h::LIST_RANKING)/>
        <section aria-labelledby="peringkat">
            <h2 id="peringkat">{i18n.f(h::RANKED_HEADING, &[("count", &page.ranked.len())])}</h2>
            {if page.ranked.is_empty() {
                view! { <p class="empty">{i18n.t(h::RANKED_EMPTY)}</p> }.into_any()
            } else {
                view! { <RankTable rows=page.ranked.clone() period=period.clone() ranked=true i18n/> }.into_any()
            }}
        </section>
        {(!page.insufficient.is_empty()).then(|| view! {
            <section aria-labelledby="belum-cukup">
                <h2 id="belum-cukup">{i18n.f(h::INSUFFICIENT_HEADING, &[("count", &page.insufficient.len())])}</h2>
                <p>{i18n.f(h::INSUFFICIENT_LEAD, &[("min", &min)])}</p>
                <RankTable rows=page.insufficient.clone() period=period.clone() ranked=false i18n/>
            </section>
        })}
    }
    .into_any()
}

/// Contests waiting for HR's ruling, each linked to the officer's page.
#[component]
fn Pending(pending: Vec<PendingContest>, i18n: I18n) -> impl IntoView {
    (!pending.is_empty()).then(|| {
        view! {
            <div class="notice" data-testid="pending-contests">
                <h2>{i18n.f(h::PENDING_HEADING, &[("count", &pending.len())])}</h2>
                <ul>
                    {pending.into_iter().map(|c| {
                        let href = format!("/hr/pegawai/{}?periode={}#keberatan", c.officer.nip, c.period);
                        view! {
                            <li>
                                <a href=href>{c.officer.name.clone()}</a> " (" {c.officer.unit_code.clone()} ") · "
                                {i18n.f(h::PENDING_ITEM, &[("period", &c.period), ("filed", &c.filed)])}
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </div>
        }
    })
}

/// The GET form of filters, showing what is applied.
#[component]
fn Filters(page: HrRanking, i18n: I18n) -> impl IntoView {
    let f = page.filter.clone();
    let select = |name: &'static str,
                  label,
                  hint: Option<&'static str>,
                  all,
                  options: Vec<(String, String)>,
                  current: String| {
        let id = format!("f-{name}");
        let hint_id = format!("{id}-hint");
        let described = hint.map(|_| hint_id.clone());
        view! {
            <div class="field">
                <label for=id.clone()>{label}</label>
                {hint.map(|h| view! { <p class="hint" id=hint_id.clone()>{h}</p> })}
                <select id=id name=name aria-describedby=described>
                    <option value="" selected=current.is_empty()>{all}</option>
                    {options.into_iter().map(|(v, t)| {
                        let selected = v == current;
                        view! { <option value=v selected=selected>{t}</option> }
                    }).collect_view()}
                </select>
            </div>
        }
    };
    let units = page
        .units
        .iter()
        .map(|u| (u.code.clone(), format!("{} — {}", u.code, u.name)))
        .collect();
    let services = page
        .services
        .iter()
        .map(|s| (s.code.clone(), format!("{} — {}", s.code, s.name)))
        .collect();
    let mut predikat: Vec<(String, String)> = Predikat::ALL
        .iter()
        .map(|p| (p.code().to_owned(), h::predikat(i18n, *p).to_owned()))
        .collect();
    predikat.push(("none".into(), i18n.t(h::FILTER_NOT_APPRAISED).to_owned()));
    view! {
        <form method="get" action="/hr" class="filters" aria-label=i18n.t(h::FILTERS_LABEL) data-testid="filters">
            <PeriodField current=page.period.name.clone() periods=page.periods.clone() i18n/>
            {select("unit", i18n.t(h::FILTER_UNIT), None, i18n.t(h::FILTER_ALL_UNITS), units, f.unit.clone())}
            {select("layanan", i18n.t(h::FILTER_SERVICE), Some(i18n.t(h::FILTER_SERVICE_HINT)), i18n.t(h::FILTER_ALL_SERVICES), services, f.service.clone())}
            {select("predikat", i18n.t(h::FILTER_PREDIKAT), None, i18n.t(h::FILTER_ALL_PREDIKAT), predikat, f.predikat.clone())}
            <div class="field checkbox">
                <input type="checkbox" id="f-belum_cukup" name="belum_cukup" value="1" checked=f.insufficient/>
                <label for="f-belum_cukup">{i18n.t(h::FILTER_INSUFFICIENT)}</label>
            </div>
            <button type="submit" class="button secondary">{i18n.t(h::FILTER_APPLY)}</button>
            " "
            <a href=format!("/hr?periode={}", page.period.name)>{i18n.t(h::FILTER_RESET)}</a>
        </form>
    }
    .into_any()
}

/// Bars of the predikat among the officers shown, with the same numbers as a table.
#[component]
fn PredikatChart(page: HrRanking, shown: usize, i18n: I18n) -> impl IntoView {
    let appraised = page.counts.total();
    let top = Predikat::ALL
        .iter()
        .map(|p| page.counts.get(*p))
        .max()
        .unwrap_or(0)
        .max(1);
    let bars = Predikat::ALL
        .iter()
        .map(|p| Bar {
            label: short(*p).to_owned(),
            value: Some(f64::from(page.counts.get(*p))),
        })
        .collect::<Vec<_>>();
    view! {
        <figure class="answer-chart hr-chart" data-testid="predikat-chart">
            <figcaption>
                <strong>{i18n.t(h::CHART_HEADING)}</strong> " · "
                {i18n.f(h::CHART_CAPTION, &[("appraised", &appraised), ("total", &shown)])}
            </figcaption>
            <BarChart bars min=0.0 max=f64::from(top)/>
            <table class="table compact">
                <tbody>
                    {Predikat::ALL.iter().map(|p| view! {
                        <tr><th scope="row">{short(*p)} " " {h::predikat(i18n, *p)}</th><td class="num">{page.counts.get(*p)}</td></tr>
                    }).collect_view()}
                    <tr><th scope="row">{i18n.t(h::FILTER_NOT_APPRAISED)}</th><td class="num">{page.not_appraised}</td></tr>
                </tbody>
            </table>
        </figure>
    }
    .into_any()
}

/// The chart's short label of a predikat.
fn short(p: Predikat) -> &'static str {
    match p {
        Predikat::SangatBaik => "SB",
        Predikat::Baik => "B",
        Predikat::ButuhPerbaikan => "BP",
        Predikat::Kurang => "K",
        Predikat::SangatKurang => "SK",
    }
}

/// The officers as a table (a card per officer on a phone).
#[component]
fn RankTable(rows: Vec<RankedOfficer>, period: String, ranked: bool, i18n: I18n) -> impl IntoView {
    let testid = if ranked { "ranking" } else { "insufficient" };
    view! {
        <div class="table-wrap">
            <table class="table stack" data-testid=testid>
                <thead><tr>
                    {ranked.then(|| view! { <th scope="col" class="num">{i18n.t(h::COL_RANK)}</th> })}
                    <th scope="col">{i18n.t(h::COL_OFFICER)}</th>
                    <th scope="col">{i18n.t(h::COL_UNIT)}</th>
                    <th scope="col">{i18n.t(h::COL_SHRUNK)}</th>
                    <th scope="col" class="num">{i18n.t(h::COL_UNIT_MEAN)}</th>
                    <th scope="col">{i18n.t(h::COL_SUGGESTION)}</th>
                    <th scope="col" class="num">{i18n.t(h::COL_RATE)}</th>
                    <th scope="col">{i18n.t(h::COL_PREDIKAT)}</th>
                </tr></thead>
                <tbody>
                    {rows.into_iter().map(|r| {
                        let href = format!("/hr/pegawai/{}?periode={}", r.officer.nip, period);
                        view! {
                            <tr data-testid="officer-row" data-nip=r.officer.nip.clone()>
                                {ranked.then(|| view! { <td class="num" data-label=i18n.t(h::COL_RANK)>{r.rank}</td> })}
                                <td data-label=i18n.t(h::COL_OFFICER)><div>
                                    <a href=href>{r.officer.name.clone()}</a>
                                    <br/><span class="mono small">{r.officer.nip.clone()}</span>
                                </div></td>
                                <td data-label=i18n.t(h::COL_UNIT)>{r.officer.unit_code.clone()}</td>
                                <td data-label=i18n.t(h::COL_SHRUNK)><div><ScoreCell score=r.score.clone() i18n/></div></td>
                                <td class="num" data-label=i18n.t(h::COL_UNIT_MEAN)>{r.score.unit_mean.map(num).unwrap_or_default()}</td>
                                <td data-label=i18n.t(h::COL_SUGGESTION)>{r.score.suggestion.map(|s| h::expectation(i18n, s)).unwrap_or_default()}</td>
                                <td class="num" data-label=i18n.t(h::COL_RATE)>
                                    {r.score.response_rate.map_or_else(|| i18n.t(h::NO_RATE).to_owned(), |v| format!("{}%", num(v)))}
                                </td>
                                <td data-label=i18n.t(h::COL_PREDIKAT)>
                                    {match r.predikat {
                                        Some(p) => view! { <span class=predikat_class(p) data-testid="predikat">{h::predikat(i18n, p)}</span> }.into_any(),
                                        None => view! { <span class="muted">{i18n.t(h::NOT_APPRAISED)}</span> }.into_any(),
                                    }}
                                </td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
    .into_any()
}
