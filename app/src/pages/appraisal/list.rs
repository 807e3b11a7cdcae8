//! `/petugas/penilaian`: the officers the signed-in supervisor appraises, for the chosen period
//! (`?periode=`), each with n, the shrunk score and its interval (or "data belum cukup"), the
//! portal's suggestion, and whether the appraisal is saved, its predikat and any contest.

use super::{
    expectation_label, mean_with_interval, num, period_param, period_query, predikat_class,
    predikat_label, NotEnough, PeriodLine, PeriodPicker,
};
use crate::api::appraisal::{supervised_officers, SupervisedList, SupervisedOfficer};
use crate::auth::Role;
use crate::components::notice::ErrorNotice;
use crate::i18n::{appraisal as ap, use_i18n, I18n};
use crate::pages::guard::{Door, Guard};
use leptos::prelude::*;
use leptos_meta::Title;

/// The supervisor's list.
#[component]
pub fn SupervisedPage() -> impl IntoView {
    let i18n = use_i18n();
    let period = period_param();
    view! {
        <Title text=i18n.t(ap::SUPV_TITLE)/>
        <Guard allowed=|v| v.has_role(Role::Supervisor) door=Door::Staff>
            {
                // One load per page view: the read is audited (REFERENCE §6).
                let list = OnceResource::new(supervised_officers(period.clone()));
                let body = move || {
                    Suspend::new(async move {
                        match list.await {
                            Ok(list) => view! { <ListBody list i18n/> }.into_any(),
                            Err(error) => view! { <ErrorNotice error/> }.into_any(),
                        }
                    })
                };
                view! {
                    <h1>{i18n.t(ap::SUPV_TITLE)}</h1>
                    <p class="lead">{i18n.t(ap::SUPV_LEAD)}</p>
                    <PeriodPicker action="/petugas/penilaian".to_owned() current=period.clone()/>
                    <Suspense>{body}</Suspense>
                }
            }
        </Guard>
    }
    .into_any()
}

#[component]
fn ListBody(list: SupervisedList, i18n: I18n) -> impl IntoView {
    let period = list.period.clone();
    let status = if period.id == 0 {
        Some(i18n.f(ap::RATE_PERIOD_NOT_OPEN, &[("period", &period.name)]))
    } else if !period.open {
        Some(i18n.f(ap::RATE_READ_ONLY, &[("period", &period.name)]))
    } else {
        None
    };
    let query = period_query(&period.name);
    view! {
        <PeriodLine period=period.clone() i18n/>
        {status.map(|s| view! { <p class="notice">{s}</p> })}
        {if list.officers.is_empty() {
            view! { <p class="empty">{i18n.t(ap::SUPV_EMPTY)}</p> }.into_any()
        } else {
            view! {
                <div class="table-wrap">
                    <table class="table stack supervised" data-testid="supervised">
                        <thead><tr>
                            <th scope="col">{i18n.t(ap::SUPV_COL_NAME)}</th>
                            <th scope="col" class="num">{i18n.t(ap::EV_COL_N)}</th>
                            <th scope="col">{i18n.t(ap::SUPV_COL_SCORE)}</th>
                            <th scope="col">{i18n.t(ap::SUPV_COL_SUGGESTION)}</th>
                            <th scope="col">{i18n.t(ap::SUPV_COL_STATUS)}</th>
                        </tr></thead>
                        <tbody>
                            {list.officers.into_iter().map(|o| view! { <OfficerRow officer=o query=query.clone() i18n/> }).collect_view()}
                        </tbody>
                    </table>
                </div>
            }
            .into_any()
        }}
    }
    .into_any()
}

#[component]
fn OfficerRow(officer: SupervisedOfficer, query: String, i18n: I18n) -> impl IntoView {
    let o = officer;
    let href = format!("/petugas/penilaian/{}{query}", o.nip);
    let score = match (o.score.shrunk, mean_with_interval(&o.score)) {
        (Some(shrunk), Some(mean)) => view! {
            <strong class="score-num">{num(shrunk)}</strong>
            <br/><span class="muted small">{i18n.t(ap::SUPV_RAW)} " " {mean}</span>
        }
        .into_any(),
        _ => view! { <NotEnough score=o.score.clone() i18n/> }.into_any(),
    };
    let suggestion = o
        .score
        .suggestion
        .map_or("—", |s| expectation_label(i18n, s));
    let status = match o.predikat {
        Some(p) => view! {
            <span class=predikat_class(p)>{predikat_label(i18n, p)}</span>
            {o.pending_contest.then(|| view! { " " <span class="tag tag-warn">{i18n.t(ap::SUPV_CONTESTED)}</span> })}
        }
        .into_any(),
        None => view! { <span class="tag tag-grey">{i18n.t(ap::RATE_NOT_YET)}</span> }.into_any(),
    };
    view! {
        <tr data-nip=o.nip.clone()>
            <td data-label=i18n.t(ap::SUPV_COL_NAME)>
                <span><a href=href>{o.name.clone()}</a><br/><span class="mono small">{o.nip.clone()}</span></span>
            </td>
            <td class="num" data-label=i18n.t(ap::EV_COL_N)>{o.score.n}</td>
            <td data-label=i18n.t(ap::SUPV_COL_SCORE)><span>{score}</span></td>
            <td data-label=i18n.t(ap::SUPV_COL_SUGGESTION)>{suggestion}</td>
            <td data-label=i18n.t(ap::SUPV_COL_STATUS) data-testid="status"><span class="status-tags">{status}</span></td>
        </tr>
    }
    .into_any()
}
