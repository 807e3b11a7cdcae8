//! The applicant's pages after starting: "my applications" (`/permohonan`) and one application
//! (`/permohonan/:id`) with its timeline, what happens next, corrections, withdrawal and the
//! permit.

use super::apply::{id_param, with_application};
use super::guard::{Door, Guard};
use crate::api::applications::{my_applications, ApplicationDetail};
use crate::components::application::{AnswersList, CaseFacts, DocumentsList, StatusTag, Timeline};
use crate::components::form::ErrorSummary;
use crate::components::notice::ErrorNotice;
use crate::domain::application_state::State;
use crate::i18n::{apply as ap, use_i18n, I18n};
use leptos::prelude::*;
use leptos_meta::Title;

/// `/permohonan`: the citizen's applications, drafts first to continue.
#[component]
pub fn MyApplicationsPage() -> impl IntoView {
    // The content is built only for viewers the guard admits, so its data is loaded only
    // for them, and a failed load cannot overwrite the guard's answer.
    view! { <Guard allowed=|v| v.is_citizen() door=Door::Citizen><MyApplicationsPageBody/></Guard> }
}

/// The content of [`MyApplicationsPage`].
#[component]
fn MyApplicationsPageBody() -> impl IntoView {
    let i18n = use_i18n();
    // Loaded once per page view (see `pages::apply::with_application`).
    let loaded = OnceResource::new(my_applications());
    let list = move || {
        Suspend::new(async move {
            let apps = match loaded.await {
                Ok(apps) => apps,
                Err(error) => return view! { <ErrorNotice error/> }.into_any(),
            };
            if apps.is_empty() {
                return view! { <p>{i18n.t(ap::MY_EMPTY)}</p> <p><a class="button" href="/layanan">{i18n.t(crate::i18n::catalog::CATALOG_TITLE)}</a></p> }.into_any();
            }
            view! {
                <ul class="app-list">
                    {apps.into_iter().map(|a| {
                        let href = if a.state == State::Draft { format!("/permohonan/{}/isi", a.id) } else { format!("/permohonan/{}", a.id) };
                        view! {
                            <li class="app-card">
                                <h2><a href=href>{a.service_name.clone()}</a></h2>
                                <p>
                                    <StatusTag state=a.state overdue=a.overdue/>
                                    {a.reg_number.clone().map(|n| view! { " " <span class="mono">{n}</span> })}
                                </p>
                                {a.due_on.clone().filter(|_| !a.state.is_final()).map(|d| view! {
                                    <p class="meta">{i18n.t(ap::DUE_ON)} ": " {d}</p>
                                })}
                                {(a.state == State::Draft).then(|| view! { <p class="meta">{i18n.t(ap::CONTINUE_DRAFT)} " →"</p> })}
                            </li>
                        }
                    }).collect_view()}
                </ul>
            }
            .into_any()
        })
    };
    view! {
        <Title text=i18n.t(ap::MY_TITLE)/>
            <h1>{i18n.t(ap::MY_TITLE)}</h1>
            <Suspense>{list}</Suspense>
    }
}

/// `/permohonan/:id`: one application as its applicant sees it.
#[component]
pub fn ApplicationPage() -> impl IntoView {
    let i18n = use_i18n();
    let id = id_param();
    view! {
        <Guard allowed=|v| v.is_signed_in() door=Door::Citizen>
            {with_application(id, move |detail| view! { <ApplicantView detail i18n/> })}
        </Guard>
    }
}

#[component]
fn ApplicantView(detail: ApplicationDetail, i18n: I18n) -> impl IntoView {
    let next = match detail.state {
        State::Draft => ap::NEXT_DRAFT,
        State::Submitted | State::Resubmitted | State::InVerification => ap::NEXT_WAITING,
        State::NeedsCorrection => ap::NEXT_CORRECTION,
        State::InProcess => ap::NEXT_PROCESS,
        State::Approved => ap::NEXT_APPROVED,
        State::Completed => ap::NEXT_COMPLETED,
        State::Rejected => ap::NEXT_REJECTED,
        State::Withdrawn => ap::NEXT_WITHDRAWN,
    };
    let id = detail.id;
    let correction = (detail.state == State::NeedsCorrection && detail.editable).then(|| {
        let docs = format!("/permohonan/{id}/dokumen");
        let resubmit = format!("/permohonan/{id}/perbaikan");
        view! {
            {detail.general_correction.clone().map(|n| view! { <p class="correction">{i18n.f(ap::CORRECTION_ASKED, &[("note", &n)])}</p> })}
            <p><a class="button secondary" href=docs>{i18n.t(ap::CORRECT_DOCUMENTS)}</a></p>
            <form method="post" action=resubmit>
                <button type="submit" class="button">{i18n.t(ap::RESUBMIT)}</button>
            </form>
        }
    });
    let draft = (detail.state == State::Draft).then(|| {
        let href = format!("/permohonan/{id}/isi");
        view! { <p><a class="button" href=href>{i18n.t(ap::CONTINUE_DRAFT)}</a></p> }
    });
    let permit = detail.permit_number.clone().map(|n| {
        let href = format!("/permohonan/{id}/izin");
        view! { <p>{n} " · " <a class="button secondary" href=href>{i18n.t(ap::PRINT_PERMIT)}</a></p> }
    });
    let withdraw = detail.can_withdraw.then(|| {
        let href = format!("/permohonan/{id}/batal");
        view! {
            <section class="danger-zone">
                <p class="hint">{i18n.t(ap::WITHDRAW_HINT)}</p>
                <p><a class="button warning" href=href>{i18n.t(ap::WITHDRAW)}</a></p>
            </section>
        }
    });
    view! {
        <Title text=detail.service_name.clone()/>
        <p class="breadcrumb"><a href="/permohonan">{i18n.t(ap::MY_TITLE)}</a></p>
        <h1>{detail.service_name.clone()}</h1>
        <ErrorSummary/>
        <CaseFacts detail=detail.clone()/>
        <section class="next-step">
            <h2>{i18n.t(ap::NEXT_STEP)}</h2>
            <p>{i18n.t(next)}</p>
            {detail.decision_reason.clone().map(|r| view! { <p class="reason">{r}</p> })}
            {correction}
            {draft}
            {permit}
        </section>
        {(detail.state == State::Completed).then(|| view! { <crate::pages::survey::InvitationBox application_id=id/> })}
        <h2>{i18n.t(ap::TIMELINE)}</h2>
        <Timeline entries=detail.timeline.clone()/>
        <h2>{i18n.t(ap::ANSWERS)}</h2>
        <AnswersList answers=detail.answers.clone()/>
        <h2>{i18n.t(ap::DOCUMENTS)}</h2>
        <DocumentsList requirements=detail.requirements.clone()/>
        {withdraw}
    }
}

/// `/permohonan/:id/batal`: "are you sure?" before withdrawing, which cannot be undone.
#[component]
pub fn WithdrawPage() -> impl IntoView {
    let i18n = use_i18n();
    let id = id_param();
    view! {
        <Guard allowed=|v| v.is_signed_in() door=Door::Citizen>
            {with_application(id, move |detail| {
                let back = format!("/permohonan/{}", detail.id);
                let action = format!("/permohonan/{}/batal", detail.id);
                view! {
                    <Title text=i18n.t(ap::WITHDRAW)/>
                    <div class="narrow">
                        <p class="breadcrumb"><a href=back.clone()>{detail.service_name.clone()}</a></p>
                        <h1>{i18n.t(ap::WITHDRAW_CONFIRM_TITLE)}</h1>
                        <ErrorSummary/>
                        <p>{i18n.f(ap::WITHDRAW_CONFIRM_BODY, &[("service", &detail.service_name), ("number", &detail.reg_number.clone().unwrap_or_default())])}</p>
                        <p class="hint">{i18n.t(ap::WITHDRAW_HINT)}</p>
                        {detail.can_withdraw.then(|| view! {
                            <form method="post" action=action.clone()>
                                <button type="submit" class="button warning">{i18n.t(ap::WITHDRAW_CONFIRM)}</button>
                            </form>
                        })}
                        <p><a href=back>{i18n.t(ap::WITHDRAW_KEEP)}</a></p>
                    </div>
                }
            })}
        </Guard>
    }
}
