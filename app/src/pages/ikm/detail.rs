//! The rest of a unit's published index: per service type (with the response rate and the
//! progress toward the Krejcie–Morgan minimum), the respondents' profile, the trend over the
//! last periods, and the follow-up plan (REFERENCE §3.4).

use super::chart::{width_class, BarRow};
use super::period::period_label;
use super::unit::rate_text;
use super::{fixed2, kinerja, unsur_name, MutuBadge};
use crate::api::survey::{PlanAction, ProfileBreakdown, ProfileCount, ServiceIndex, TrendPoint};
use crate::domain::skm::Unsur;
use crate::i18n::{ikm as ik, I18n, Msg};
use leptos::prelude::*;

/// One row per service type.
#[component]
pub fn ServicesSection(services: Vec<ServiceIndex>, i18n: I18n) -> impl IntoView {
    let body = if services.is_empty() {
        view! { <p class="empty">{i18n.t(ik::SERVICES_EMPTY)}</p> }.into_any()
    } else {
        let rows = services
            .into_iter()
            .map(|s| view! { <ServiceLine service=s i18n/> })
            .collect_view();
        view! {
            <div class="table-wrap">
                <table class="table stack ikm-services" data-testid="services-table">
                    <thead><tr>
                        <th scope="col">{i18n.t(ik::COL_SERVICE)}</th>
                        <th scope="col" class="num">{i18n.t(ik::COL_RESPONDENTS)}</th>
                        <th scope="col" class="num">{i18n.t(ik::COL_KONVERSI)}</th>
                        <th scope="col">{i18n.t(ik::COL_MUTU)}</th>
                        <th scope="col">{i18n.t(ik::RESPONSE_RATE)}</th>
                        <th scope="col">{i18n.t(ik::COL_SAMPLE)}</th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            <p class="hint">{i18n.t(ik::SERVICES_NOTE)}</p>
        }
        .into_any()
    };
    view! {
        <section aria-labelledby="ikm-services-title" class="ikm-section">
            <h2 id="ikm-services-title">{i18n.t(ik::SERVICES_TITLE)}</h2>
            {body}
        </section>
    }
}

#[component]
fn ServiceLine(service: ServiceIndex, i18n: I18n) -> impl IntoView {
    let n = service.figures.as_ref().map_or(0, |f| f.n);
    let figures = match &service.figures {
        Some(f) => view! {
            <td class="num" data-label=i18n.t(ik::COL_KONVERSI)><span class="ikm-value">{fixed2(f.konversi)}</span></td>
            <td data-label=i18n.t(ik::COL_MUTU)><span><MutuBadge letter=f.mutu/> " " {kinerja(i18n, f.mutu)}</span></td>
        }
        .into_any(),
        // One cell for both columns: "no answers" once, not twice.
        None => view! {
            <td colspan="2" class="no-answers" data-label=i18n.t(ik::COL_KONVERSI)>
                <span class="muted">{i18n.t(ik::NO_ANSWERS)}</span>
            </td>
        }
        .into_any(),
    };
    let sample = if service.minimum == 0 {
        view! { <span class="muted">{i18n.t(ik::SAMPLE_UNKNOWN)}</span> }.into_any()
    } else {
        let share = n as f64 * 100.0 / service.minimum as f64;
        let reached = n >= service.minimum;
        let bar = format!(
            "bar {} {}",
            width_class(share),
            if reached { "bar-a" } else { "bar-none" }
        );
        view! {
            <span class="sample">
                <span class="sample-text">
                    {i18n.f(ik::SAMPLE_PROGRESS, &[("n", &n), ("min", &service.minimum)])}
                    {reached.then(|| view! { " " <span class="tag tag-ok">{i18n.t(ik::SAMPLE_REACHED)}</span> })}
                </span>
                <span class="bar-track small-track" aria-hidden="true"><span class=bar></span></span>
            </span>
        }
        .into_any()
    };
    view! {
        <tr>
            <td data-label=i18n.t(ik::COL_SERVICE)><span>{service.name}</span></td>
            <td class="num" data-label=i18n.t(ik::COL_RESPONDENTS)><span>{n}</span></td>
            {figures}
            <td data-label=i18n.t(ik::RESPONSE_RATE)><span>{rate_text(i18n, service.response_rate, service.invitations)}</span></td>
            <td data-label=i18n.t(ik::COL_SAMPLE)>{sample}</td>
        </tr>
    }
}

/// The respondents by gender, age band, education and occupation.
#[component]
pub fn ProfileSection(profile: ProfileBreakdown, i18n: I18n) -> impl IntoView {
    let groups = [
        (ik::PROFILE_GENDER, profile.gender),
        (ik::PROFILE_AGE, profile.age),
        (ik::PROFILE_EDUCATION, profile.education),
        (ik::PROFILE_OCCUPATION, profile.occupation),
    ];
    let empty = groups.iter().all(|(_, counts)| counts.is_empty());
    let body = if empty {
        view! { <p class="empty">{i18n.t(ik::NO_ANSWERS)}</p> }.into_any()
    } else {
        groups
            .into_iter()
            .map(|(title, counts)| view! { <ProfileTable title counts i18n/> })
            .collect_view()
            .into_any()
    };
    view! {
        <section aria-labelledby="ikm-profile-title" class="ikm-section">
            <h2 id="ikm-profile-title">{i18n.t(ik::PROFILE_TITLE)}</h2>
            <p class="hint">{i18n.t(ik::PROFILE_LEAD)}</p>
            <div class="profile-grid" data-testid="ikm-profile">{body}</div>
        </section>
    }
}

#[component]
fn ProfileTable(title: Msg, counts: Vec<ProfileCount>, i18n: I18n) -> impl IntoView {
    view! {
        <table class="table profile-table">
            <caption>{i18n.t(title)}</caption>
            <thead><tr>
                <th scope="col">{i18n.t(ik::COL_GROUP)}</th>
                <th scope="col" class="num">{i18n.t(ik::COL_COUNT)}</th>
            </tr></thead>
            <tbody>
                {counts.into_iter().map(|c| view! {
                    <tr><th scope="row">{c.label}</th><td class="num">{c.count}</td></tr>
                }).collect_view()}
            </tbody>
        </table>
    }
}

/// The index over the last periods of the same kind, oldest first.
#[component]
pub fn TrendSection(trend: Vec<TrendPoint>, i18n: I18n) -> impl IntoView {
    let bars = trend
        .iter()
        .map(|p| {
            let label = view! { {period_label(i18n, &p.period)} }.into_any();
            let value = p
                .konversi
                .map_or_else(|| i18n.t(ik::NO_ANSWERS).to_owned(), fixed2);
            view! { <BarRow label percent=p.konversi value mutu=p.mutu/> }
        })
        .collect_view();
    let rows = trend
        .into_iter()
        .map(|p| {
            view! {
                <tr>
                    <th scope="row">{period_label(i18n, &p.period)}</th>
                    {match p.konversi.zip(p.mutu) {
                        Some((konversi, letter)) => view! {
                            <td class="num"><span class="ikm-value">{fixed2(konversi)}</span></td>
                            <td><MutuBadge letter/> " " {kinerja(i18n, letter)}</td>
                        }
                        .into_any(),
                        None => view! { <td colspan="2" class="no-answers muted">{i18n.t(ik::NO_ANSWERS)}</td> }.into_any(),
                    }}
                    <td class="num">{p.n}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <section aria-labelledby="ikm-trend-title" class="ikm-section">
            <h2 id="ikm-trend-title">{i18n.t(ik::TREND_TITLE)}</h2>
            <ul class="bar-chart" aria-label=i18n.t(ik::TREND_CHART)>{bars}</ul>
            <div class="table-wrap">
                <table class="table ikm-trend" data-testid="trend-table">
                    <caption>{i18n.t(ik::TREND_CAPTION)}</caption>
                    <thead><tr>
                        <th scope="col">{i18n.t(ik::COL_PERIOD)}</th>
                        <th scope="col" class="num">{i18n.t(ik::COL_KONVERSI)}</th>
                        <th scope="col">{i18n.t(ik::COL_GRADE)}</th>
                        <th scope="col" class="num">{i18n.t(ik::COL_RESPONDENTS)}</th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </section>
    }
}

/// The status of an action in the visitor's language, and its tag colour.
fn status_text(status: &str) -> (Msg, &'static str) {
    match status {
        "done" => (ik::STATUS_DONE, "tag tag-ok"),
        "in_progress" => (ik::STATUS_IN_PROGRESS, "tag tag-warn"),
        _ => (ik::STATUS_PLANNED, "tag tag-grey"),
    }
}

/// The follow-up plan (rencana tindak lanjut) for the period and how far it has got.
#[component]
pub fn PlanSection(plan: Vec<PlanAction>, priority: Option<Unsur>, i18n: I18n) -> impl IntoView {
    let body = if plan.is_empty() {
        view! { <p class="empty" data-testid="plan-empty">{i18n.t(ik::PLAN_EMPTY)}</p> }.into_any()
    } else {
        let done = plan.iter().filter(|a| a.status == "done").count();
        let total = plan.len();
        let rows = plan
            .into_iter()
            .map(|a| {
                let (status, tag) = status_text(&a.status);
                let note = if a.progress_note.trim().is_empty() {
                    view! { <span class="muted">{i18n.t(ik::NO_PROGRESS_NOTE)}</span> }.into_any()
                } else {
                    view! { <span class="preline">{a.progress_note}</span> }.into_any()
                };
                let is_priority = Some(a.unsur) == priority;
                view! {
                    <tr>
                        <td data-label=i18n.t(ik::COL_UNSUR)>
                            <span>
                                <span class="ikm-unsur-code">{a.unsur.code()}</span> " " {unsur_name(i18n, a.unsur)}
                                {is_priority.then(|| view! { " " <span class="tag tag-warn">{i18n.t(ik::PRIORITY)}</span> })}
                            </span>
                        </td>
                        <td data-label=i18n.t(ik::COL_ACTION)><span>{a.action}</span></td>
                        <td data-label=i18n.t(ik::COL_OWNER)><span>{a.owner}</span></td>
                        <td class="nowrap" data-label=i18n.t(ik::COL_DUE)><span>{a.due_on}</span></td>
                        <td data-label=i18n.t(ik::COL_STATUS)><span class=tag>{i18n.t(status)}</span></td>
                        <td data-label=i18n.t(ik::COL_PROGRESS)>{note}</td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <p class="plan-summary">{i18n.f(ik::PLAN_SUMMARY, &[("done", &done), ("total", &total)])}</p>
            <div class="table-wrap">
                <table class="table stack ikm-plan" data-testid="plan-table">
                    <thead><tr>
                        <th scope="col">{i18n.t(ik::COL_UNSUR)}</th>
                        <th scope="col">{i18n.t(ik::COL_ACTION)}</th>
                        <th scope="col">{i18n.t(ik::COL_OWNER)}</th>
                        <th scope="col">{i18n.t(ik::COL_DUE)}</th>
                        <th scope="col">{i18n.t(ik::COL_STATUS)}</th>
                        <th scope="col">{i18n.t(ik::COL_PROGRESS)}</th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        }
        .into_any()
    };
    view! {
        <section aria-labelledby="ikm-plan-title" class="ikm-section">
            <h2 id="ikm-plan-title">{i18n.t(ik::PLAN_TITLE)}</h2>
            <p class="hint">{i18n.t(ik::PLAN_LEAD)}</p>
            {body}
        </section>
    }
}
