//! One unit's published index: the headline figures (IKM konversi, mutu, IKM, respondents,
//! response rate) and the nine unsur as bars and as a table, the lowest marked as the
//! follow-up priority (REFERENCE §3.4). The remaining sections are in `detail`.

use super::chart::BarRow;
use super::detail::{PlanSection, ProfileSection, ServicesSection, TrendSection};
use super::overview::IkmExplainer;
use super::period::{period_label, PeriodPicker};
use super::{fixed2, fixed4, unsur_name, MutuBadge, PERIOD_PARAM};
use crate::api::survey::{IndexFigures, UnitIndex};
use crate::i18n::{ikm as ik, I18n};
use leptos::prelude::*;
use leptos_meta::Title;

/// The whole unit page once its index has loaded.
#[component]
pub fn UnitIndexView(index: UnitIndex, i18n: I18n) -> impl IntoView {
    let label = period_label(i18n, &index.period);
    let range = i18n.f(
        ik::PERIOD_RANGE,
        &[("from", &index.from), ("until", &index.until)],
    );
    let back = format!("/ikm?{PERIOD_PARAM}={}", index.period);
    let action = format!("/ikm/{}", index.unit_code);
    let title = i18n.f(ik::UNIT_PAGE_TITLE, &[("unit", &index.unit_name)]);
    let priority = index
        .figures
        .as_ref()
        .and_then(|f| f.lowest.first().copied());
    let main = match index.figures.clone() {
        Some(figures) => view! {
            <Headline figures=figures.clone() invitations=index.invitations rate=index.response_rate i18n/>
            <UnsurSection figures i18n/>
        }
        .into_any(),
        None => view! {
            <div class="notice" data-testid="ikm-no-answers"><p>{i18n.t(ik::UNIT_NO_ANSWERS)}</p></div>
        }
        .into_any(),
    };
    view! {
        <Title text=title/>
        <p class="breadcrumb"><a href=back>{i18n.t(ik::OVERVIEW_TITLE)}</a></p>
        <h1>{index.unit_name.clone()}</h1>
        <p class="lead">{i18n.f(ik::UNIT_LEAD, &[("period", &label), ("range", &range)])}</p>
        <PeriodPicker action selected=index.period.clone() i18n/>
        {main}
        <ServicesSection services=index.services i18n/>
        <ProfileSection profile=index.profile i18n/>
        <TrendSection trend=index.trend i18n/>
        <PlanSection plan=index.plan priority i18n/>
        <IkmExplainer i18n/>
    }
}

/// The response rate as published: answers ÷ invitations, when there were invitations.
pub fn rate_text(i18n: I18n, rate: Option<f64>, invitations: u64) -> String {
    match rate {
        Some(rate) if invitations > 0 => i18n.f(
            ik::RESPONSE_RATE_VALUE,
            &[("rate", &fixed2(rate)), ("invitations", &invitations)],
        ),
        _ => i18n.t(ik::NO_INVITATIONS).to_owned(),
    }
}

#[component]
fn Headline(
    figures: IndexFigures,
    invitations: u64,
    rate: Option<f64>,
    i18n: I18n,
) -> impl IntoView {
    let tone = format!("ikm-headline tone-{}", figures.mutu.to_ascii_lowercase());
    view! {
        <section class=tone aria-labelledby="ikm-headline-label" data-testid="ikm-headline">
            <div class="ikm-score">
                <p class="ikm-score-label" id="ikm-headline-label">{i18n.t(ik::HEADLINE_LABEL)}</p>
                <p class="ikm-score-value" data-testid="ikm-konversi">{fixed2(figures.konversi)}</p>
                <p class="ikm-score-mutu">
                    <span class="visually-hidden">{i18n.t(ik::COL_MUTU)} ": "</span>
                    <span data-testid="ikm-mutu"><MutuBadge letter=figures.mutu/></span>
                    " "
                    <span data-testid="ikm-kinerja">{figures.kinerja.clone()}</span>
                </p>
            </div>
            <dl class="ikm-facts">
                <div><dt>{i18n.t(ik::IKM_SCALE)}</dt><dd data-testid="ikm-scale">{fixed4(figures.ikm)}</dd></div>
                <div><dt>{i18n.t(ik::COL_RESPONDENTS)}</dt><dd data-testid="ikm-respondents">{figures.n}</dd></div>
                <div><dt>{i18n.t(ik::RESPONSE_RATE)}</dt><dd data-testid="ikm-rate">{rate_text(i18n, rate, invitations)}</dd></div>
            </dl>
        </section>
    }
}

#[component]
fn UnsurSection(figures: IndexFigures, i18n: I18n) -> impl IntoView {
    let priority = figures.lowest.first().copied();
    let bars = figures
        .unsur
        .iter()
        .map(|u| {
            let is_priority = Some(u.unsur) == priority;
            let label = view! { <span class="ikm-unsur-code">{u.unsur.code()}</span> " " {unsur_name(i18n, u.unsur)} }.into_any();
            let value = u.nrr.map_or_else(|| i18n.t(ik::NOT_ANSWERED).to_owned(), fixed2);
            let note = is_priority.then(|| view! { " " <span class="tag tag-warn">{i18n.t(ik::PRIORITY)}</span> }.into_any());
            view! { <BarRow label percent=u.nrr.map(|n| n * 25.0) value mutu=u.mutu note highlight=is_priority/> }
        })
        .collect_view();
    let rows = figures
        .unsur
        .iter()
        .map(|u| {
            let is_priority = Some(u.unsur) == priority;
            let nrr = u.nrr.map_or_else(|| i18n.t(ik::NOT_ANSWERED).to_owned(), fixed2);
            view! {
                <tr class:priority=is_priority>
                    <th scope="row">
                        <span class="ikm-unsur-code">{u.unsur.code()}</span> " " {unsur_name(i18n, u.unsur)}
                        {is_priority.then(|| view! { " " <span class="tag tag-warn">{i18n.t(ik::PRIORITY)}</span> })}
                    </th>
                    <td class="num">{nrr}</td>
                    <td>{u.mutu.map(|letter| view! { <MutuBadge letter/> })}</td>
                    <td class="num">{u.answered}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <section aria-labelledby="ikm-unsur-title" class="ikm-section">
            <h2 id="ikm-unsur-title">{i18n.t(ik::UNSUR_TITLE)}</h2>
            <p class="hint">{i18n.t(ik::UNSUR_LEAD)}</p>
            <ul class="bar-chart" aria-label=i18n.t(ik::UNSUR_CHART) data-testid="unsur-chart">{bars}</ul>
            {priority.map(|u| view! {
                <p class="priority-note" data-testid="ikm-priority">
                    {i18n.f(ik::PRIORITY_NOTE, &[("unsur", &format!("{} {}", u.code(), unsur_name(i18n, u)))])}
                </p>
            })}
            <div class="table-wrap">
                <table class="table ikm-unsur" data-testid="unsur-table">
                    <caption>{i18n.t(ik::UNSUR_TABLE_CAPTION)}</caption>
                    <thead><tr>
                        <th scope="col">{i18n.t(ik::COL_UNSUR)}</th>
                        <th scope="col" class="num">{i18n.t(ik::COL_NRR)}</th>
                        <th scope="col">{i18n.t(ik::COL_GRADE)}</th>
                        <th scope="col" class="num">{i18n.t(ik::COL_ANSWERED)}</th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </section>
    }
}
