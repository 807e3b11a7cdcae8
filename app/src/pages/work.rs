//! The officers' pages: the unit's work queue (`/petugas/antrian`), one case
//! (`/petugas/permohonan/:id`) with the steps the state allows, and filing at the counter.

pub mod case;
pub mod counter;
pub mod followup;
pub mod survey_counter;

use super::guard::{Door, Guard};
use crate::api::applications::{work_queue, QueueTab};
use crate::auth::Role;
use crate::components::application::StatusTag;
use crate::components::notice::ErrorNotice;
use crate::i18n::{apply as ap, staff_survey as ss, use_i18n, work as w, I18n};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

fn tab_label(i18n: I18n, tab: QueueTab) -> &'static str {
    i18n.t(match tab {
        QueueTab::New => w::TAB_NEW,
        QueueTab::Mine => w::TAB_MINE,
        QueueTab::Correction => w::TAB_CORRECTION,
        QueueTab::Overdue => w::TAB_OVERDUE,
        QueueTab::All => w::TAB_ALL,
    })
}

/// Shows `children` to officers and supervisors.
#[component]
pub fn OfficerGuard(children: Children) -> impl IntoView {
    view! {
        <Guard allowed=|v| v.has_role(Role::Officer) || v.has_role(Role::Supervisor) door=Door::Staff>
            {children()}
        </Guard>
    }
}

/// The work queue.
#[component]
pub fn QueuePage() -> impl IntoView {
    // The content is built only for viewers the guard admits, so its data is loaded only
    // for them, and a failed load cannot overwrite the guard's answer.
    view! { <OfficerGuard><QueuePageBody/></OfficerGuard> }
}

/// The content of [`QueuePage`].
#[component]
fn QueuePageBody() -> impl IntoView {
    let i18n = use_i18n();
    let tab = QueueTab::parse(
        &use_query_map()
            .get_untracked()
            .get("tab")
            .unwrap_or_default(),
    );
    // Loaded once per page view (see `pages::apply::with_application`).
    let loaded = OnceResource::new(work_queue(tab.code().to_owned()));
    let body = move || {
        Suspend::new(async move {
            let queue = match loaded.await {
                Ok(q) => q,
                Err(error) => return view! { <ErrorNotice error/> }.into_any(),
            };
            view! {
                <nav class="tabs" aria-label=i18n.t(w::QUEUE_TITLE)>
                    <ul>
                        {queue.counts.iter().map(|(t, n)| {
                            let href = format!("/petugas/antrian?tab={}", t.code());
                            let current = (*t == tab).then_some("page");
                            view! { <li><a href=href aria-current=current>{tab_label(i18n, *t)} " " <span class="count-badge">{*n}</span></a></li> }
                        }).collect_view()}
                    </ul>
                </nav>
                {if queue.items.is_empty() {
                    view! { <p class="empty">{i18n.t(w::QUEUE_EMPTY)}</p> }.into_any()
                } else {
                    view! {
                        <div class="table-wrap">
                            <table class="table stack" data-testid="queue">
                                <thead><tr>
                                    <th scope="col">{i18n.t(ap::REG_NUMBER)}</th>
                                    <th scope="col">{i18n.t(ap::SERVICE)}</th>
                                    <th scope="col">{i18n.t(ap::APPLICANT)}</th>
                                    <th scope="col">{i18n.t(ap::STATUS)}</th>
                                    <th scope="col">{i18n.t(ap::DUE_ON)}</th>
                                    <th scope="col">{i18n.t(w::ASSIGNED_TO)}</th>
                                </tr></thead>
                                <tbody>
                                    {queue.items.into_iter().map(|a| {
                                        let href = format!("/petugas/permohonan/{}", a.id);
                                        view! {
                                            // `data-label`: on a phone each row stacks as a card, labelled
                                            // (one element per cell, next to its label).
                                            <tr class:overdue=a.overdue>
                                                <td class="mono" data-label=i18n.t(ap::REG_NUMBER)><a href=href>{a.reg_number.clone().unwrap_or_default()}</a></td>
                                                <td data-label=i18n.t(ap::SERVICE)><span>{a.service_name.clone()} {a.counter.then(|| view! { " " <span class="tag">{i18n.t(ap::COUNTER_FILED)}</span> })}</span></td>
                                                <td data-label=i18n.t(ap::APPLICANT)>{a.applicant_name.clone()}</td>
                                                <td data-label=i18n.t(ap::STATUS)><span><StatusTag state=a.state overdue=a.overdue/></span></td>
                                                <td class="nowrap" data-label=i18n.t(ap::DUE_ON)>{a.due_on.clone().unwrap_or_default()}</td>
                                                <td data-label=i18n.t(w::ASSIGNED_TO)>{a.assigned_to.clone().unwrap_or_else(|| i18n.t(w::UNASSIGNED).to_owned())}</td>
                                            </tr>
                                        }
                                    }).collect_view()}
                                </tbody>
                            </table>
                        </div>
                    }
                    .into_any()
                }}
            }
            .into_any()
        })
    };
    let viewer = crate::auth::use_viewer();
    view! {
        <Title text=i18n.t(w::QUEUE_TITLE)/>
            <h1>{i18n.t(w::QUEUE_TITLE)}</h1>
            <p class="queue-links">
                <a class="button secondary" href="/petugas/loket">{i18n.t(w::COUNTER_TITLE)}</a>
                {viewer.has_role(Role::Officer).then(|| view! { " " <a class="queue-link" href="/petugas/survei-loket">{i18n.t(ss::QUEUE_COUNTER_SURVEY)}</a> })}
                {viewer.has_role(Role::Supervisor).then(|| view! { " " <a class="queue-link" href="/petugas/tindak-lanjut">{i18n.t(ss::QUEUE_FOLLOWUP)}</a> })}
            </p>
            <Suspense>{body}</Suspense>
    }
}
