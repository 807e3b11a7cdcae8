//! `/petugas/permohonan/:id`: one case as the unit's officers see it — the applicant's data
//! (this read is audited), documents, answers, timeline, assignment and the steps its state
//! allows.

use super::OfficerGuard;
use crate::api::applications::ApplicationDetail;
use crate::components::application::{AnswersList, CaseFacts, DocumentsList, Timeline};
use crate::components::form::{field_id, ErrorSummary};
use crate::domain::application_state::StaffAction;
use crate::forms::use_form;
use crate::i18n::{apply as ap, errors, use_i18n, work as w, I18n};
use crate::pages::apply::{id_param, with_application};
use leptos::prelude::*;
use leptos_meta::Title;

/// The case page.
#[component]
pub fn CasePage() -> impl IntoView {
    let i18n = use_i18n();
    let id = id_param();
    view! {
        <OfficerGuard>
            {with_application(id, move |detail| view! { <CaseView detail i18n/> })}
        </OfficerGuard>
    }
}

#[component]
fn CaseView(detail: ApplicationDetail, i18n: I18n) -> impl IntoView {
    let title = i18n.f(
        w::CASE_TITLE,
        &[("number", &detail.reg_number.clone().unwrap_or_default())],
    );
    let steps = detail.staff_actions.clone();
    view! {
        <Title text=title.clone()/>
        <p class="breadcrumb"><a href="/petugas/antrian">{i18n.t(w::QUEUE_TITLE)}</a></p>
        <h1>{title}</h1>
        <ErrorSummary/>
        // On a phone the actions come after the case file: a link goes straight to them.
        <p class="jump-to-actions"><a href="#actions">{i18n.t(w::STEPS)} " ↓"</a></p>
        <div class="case-grid">
            <div>
                <CaseFacts detail=detail.clone()/>
                <h2>{i18n.t(w::APPLICANT_DATA)}</h2>
                <dl class="summary-list">
                    <div><dt>{i18n.t(ap::APPLICANT)}</dt><dd>{detail.applicant_name.clone()}</dd></div>
                    <div><dt>{i18n.t(w::APPLICANT_NIK)}</dt><dd class="mono">{detail.applicant_nik.clone()}</dd></div>
                    {detail.applicant_contact.clone().map(|c| view! { <div><dt>{i18n.t(w::APPLICANT_CONTACT)}</dt><dd>{c}</dd></div> })}
                </dl>
                <h2>{i18n.t(ap::DOCUMENTS)}</h2>
                <DocumentsList requirements=detail.requirements.clone()/>
                <h2>{i18n.t(ap::ANSWERS)}</h2>
                <AnswersList answers=detail.answers.clone()/>
                <h2>{i18n.t(ap::TIMELINE)}</h2>
                <Timeline entries=detail.timeline.clone()/>
            </div>
            <aside class="case-actions" id="actions">
                <h2>{i18n.t(w::STEPS)}</h2>
                <Assignment detail=detail.clone() i18n/>
                {if steps.is_empty() {
                    view! { <p class="muted">{i18n.t(w::NO_STEPS)}</p> }.into_any()
                } else {
                    steps.into_iter().map(|step| view! { <StepForm detail=detail.clone() step i18n/> }).collect_view().into_any()
                }}
            </aside>
        </div>
    }
}

#[component]
fn Assignment(detail: ApplicationDetail, i18n: I18n) -> impl IntoView {
    let action = format!("/petugas/permohonan/{}/tugaskan", detail.id);
    let open = detail.state.is_open_for_staff();
    view! {
        <p>{i18n.t(w::ASSIGNED_TO)} ": " <strong>{detail.assigned_to.clone().unwrap_or_else(|| i18n.t(w::UNASSIGNED).to_owned())}</strong></p>
        {(open && detail.assigned_to.is_none()).then(|| view! {
            <form method="post" action=action.clone()>
                <button type="submit" class="button secondary">{i18n.t(w::CLAIM)}</button>
            </form>
        })}
    }
}

#[component]
fn StepForm(detail: ApplicationDetail, step: StaffAction, i18n: I18n) -> impl IntoView {
    let form = use_form();
    let action = format!("/petugas/permohonan/{}/langkah", detail.id);
    let label = errors::staff_action(i18n, step);
    let button_class = match step {
        StaffAction::Reject => "button warning",
        StaffAction::RequestCorrection => "button secondary",
        _ => "button",
    };
    let extra = match step {
        StaffAction::RequestCorrection => {
            let notes = detail.requirements.iter().map(|r| {
                let name = format!("note_{}", r.requirement_id);
                let id = field_id(&name);
                let value = form.value(&name);
                view! {
                    <label for=id.clone()>{i18n.f(w::CORRECTION_FOR, &[("requirement", &r.label)])}</label>
                    <textarea id=id name=name rows="2">{value}</textarea>
                }
            }).collect_view();
            let error = form.error("note");
            Some(
                view! {
                    <p class="hint">{i18n.t(w::CORRECTION_HINT)}</p>
                    {error.map(|e| view! { <p class="error-message">{e}</p> })}
                    {notes}
                    <label for="f-note">{i18n.t(w::CORRECTION_GENERAL)}</label>
                    <textarea id="f-note" name="note" rows="2">{form.value("note")}</textarea>
                }
                .into_any(),
            )
        }
        StaffAction::Reject => {
            let error = form.error("reason");
            Some(
                view! {
                    <label for="f-reason">{i18n.t(w::REJECT_REASON)}</label>
                    {error.map(|e| view! { <p class="error-message">{e}</p> })}
                    <textarea id="f-reason" name="reason" rows="3">{form.value("reason")}</textarea>
                }
                .into_any(),
            )
        }
        StaffAction::Complete => {
            Some(view! { <p class="hint">{i18n.t(w::COMPLETE_HINT)}</p> }.into_any())
        }
        _ => None,
    };
    view! {
        <form method="post" action=action class="step-form">
            <input type="hidden" name="action" value=step.code()/>
            {extra}
            <button type="submit" class=button_class data-step=step.code()>{label}</button>
        </form>
    }
}
