//! Applying, step by step (GOV.UK patterns): the service's questions, the documents, "check
//! your answers" with change links, and the confirmation with the registration number. Each
//! step is a plain form that saves the draft, so the citizen can stop and resume at any time.

pub mod documents;

use super::guard::{Door, Guard};
use crate::api::applications::{get_application, AnswerView, ApplicationDetail};
use crate::components::application::{AnswersList, DocumentsList};
use crate::components::form::{field_id, ErrorSummary};
use crate::components::notice::ErrorNotice;
use crate::domain::application_state::State;
use crate::domain::service::FieldKind;
use crate::forms::use_form;
use crate::i18n::{apply as ap, use_i18n, I18n};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

/// The application id in the address.
pub fn id_param() -> i64 {
    use_params_map()
        .get_untracked()
        .get("id")
        .and_then(|v| v.parse().ok())
        .unwrap_or(0)
}

/// Loads the application and renders `body` with it (or the error).
pub fn with_application<F, V>(id: i64, body: F) -> impl IntoView
where
    F: Fn(ApplicationDetail) -> V + Clone + Send + Sync + 'static,
    V: IntoView + 'static,
{
    // One load per page view: a `Suspend` built in the closure would run its future twice on
    // the server (once when `Suspense` walks its children, once to render), and this load is
    // audited when staff read the applicant's data (REFERENCE §6).
    let detail = OnceResource::new(get_application(id));
    let load = move || {
        let body = body.clone();
        Suspend::new(async move {
            match detail.await {
                Ok(detail) => body(detail).into_any(),
                Err(error) => view! { <ErrorNotice error/> }.into_any(),
            }
        })
    };
    view! { <Suspense>{load}</Suspense> }
}

/// "Step n of 3" (none when `step` is 0: a correction round) and the service name above each
/// step.
#[component]
pub fn StepHeader(detail: ApplicationDetail, step: u8, title: &'static str) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Title text=title/>
        <p class="caption">
            {(step > 0).then(|| view! { {i18n.f(ap::STEP_OF, &[("n", &step)])} " · " })}
            {detail.service_name.clone()}
            {detail.reg_number.clone().map(|n| view! { " · " <span class="mono">{n}</span> })}
        </p>
        <h1>{title}</h1>
    }
}

/// `/permohonan/:id/isi`: the service's extra questions.
#[component]
pub fn AnswersStep() -> impl IntoView {
    let i18n = use_i18n();
    let id = id_param();
    view! {
        <Guard allowed=|v| v.is_signed_in() door=Door::Citizen>
            {with_application(id, move |detail| {
                let action = format!("/permohonan/{}/isi", detail.id);
                let answers = detail.answers.clone();
                if detail.state != State::Draft {
                    // Submitted: the answers are fixed; say so instead of offering a form.
                    let href = format!("/permohonan/{}", detail.id);
                    return view! {
                        <div class="narrow">
                            <StepHeader detail=detail.clone() step=0 title=i18n.t(ap::STEP_ANSWERS)/>
                            // A refused change (a stale tab posting) is announced.
                            <ErrorSummary/>
                            <p>{i18n.t(ap::ANSWERS_LOCKED)}</p>
                            <AnswersList answers/>
                            <p><a href=href>{i18n.t(ap::BACK)}</a></p>
                        </div>
                    }
                    .into_any();
                }
                view! {
                    <div class="narrow">
                        <StepHeader detail=detail.clone() step=1 title=i18n.t(ap::STEP_ANSWERS)/>
                        <ErrorSummary/>
                        <form method="post" action=action novalidate>
                            {if answers.is_empty() {
                                view! { <p>{i18n.t(ap::NO_QUESTIONS)}</p> }.into_any()
                            } else {
                                answers.into_iter().map(|a| view! { <AnswerField answer=a i18n/> }).collect_view().into_any()
                            }}
                            <button type="submit" class="button">{i18n.t(ap::CONTINUE)}</button>
                        </form>
                    </div>
                }
                .into_any()
            })}
        </Guard>
    }
}

/// One question as an input of its kind.
#[component]
fn AnswerField(answer: AnswerView, i18n: I18n) -> impl IntoView {
    let form = use_form();
    let name = format!("field_{}", answer.field_id);
    let id = field_id(&name);
    let error = form.error(&name);
    let value = if form.values.is_empty() {
        answer.value.clone()
    } else {
        form.value(&name)
    };
    let class = if error.is_some() {
        "field field-error"
    } else {
        "field"
    };
    let optional = (!answer.required).then(
        || view! { " " <span class="optional">{i18n.t(crate::i18n::forms::OPTIONAL)}</span> },
    );
    let input = match answer.kind {
        FieldKind::Choice => view! {
            <fieldset class="fieldset">
                <legend>{answer.label.clone()} {optional}</legend>
                {error.clone().map(|e| view! { <p class="error-message">{e}</p> })}
                {answer.choices.iter().enumerate().map(|(i, c)| {
                    // The first option carries the field's id: the error summary links to it.
                    let cid = if i == 0 { id.clone() } else { format!("{id}-{i}") };
                    view! {
                        <div class="radio">
                            <input type="radio" id=cid.clone() name=name.clone() value=c.clone() checked=*c == value/>
                            <label for=cid>{c.clone()}</label>
                        </div>
                    }
                }).collect_view()}
            </fieldset>
        }
        .into_any(),
        kind => {
            let (kind_attr, mode) = match kind {
                FieldKind::Number => ("text", Some("decimal")),
                FieldKind::Date => ("date", None),
                _ => ("text", None),
            };
            view! {
                <label for=id.clone()>{answer.label.clone()} {optional}</label>
                {error.clone().map(|e| view! { <p class="error-message">{e}</p> })}
                <input id=id name=name type=kind_attr inputmode=mode value=value aria-invalid=error.map(|_| "true")/>
            }
            .into_any()
        }
    };
    view! { <div class=class>{input}</div> }
}

/// `/permohonan/:id/periksa`: everything on one page with change links, then submit.
#[component]
pub fn CheckStep() -> impl IntoView {
    let i18n = use_i18n();
    let id = id_param();
    view! {
        <Guard allowed=|v| v.is_signed_in() door=Door::Citizen>
            {with_application(id, move |detail| {
                let submit = format!("/permohonan/{}/ajukan", detail.id);
                let change_answers = format!("/permohonan/{}/isi", detail.id);
                let change_docs = format!("/permohonan/{}/dokumen", detail.id);
                let draft = detail.state == State::Draft;
                view! {
                    <StepHeader detail=detail.clone() step=3 title=i18n.t(ap::STEP_CHECK)/>
                    <CheckSummary id=detail.id/>
                    <div class="section-head">
                        <h2>{i18n.t(ap::ANSWERS)}</h2>
                        {draft.then(|| view! { <a href=change_answers.clone()>{i18n.t(ap::CHANGE)} <span class="visually-hidden">" " {i18n.t(ap::ANSWERS)}</span></a> })}
                    </div>
                    <dl class="summary-list">
                        <div><dt>{i18n.t(ap::APPLICANT)}</dt><dd>{detail.applicant_name.clone()} " · " {detail.applicant_nik.clone()}</dd></div>
                    </dl>
                    <AnswersList answers=detail.answers.clone()/>
                    <div class="section-head">
                        <h2>{i18n.t(ap::DOCUMENTS)}</h2>
                        {draft.then(|| view! { <a href=change_docs.clone()>{i18n.t(ap::CHANGE)} <span class="visually-hidden">" " {i18n.t(ap::DOCUMENTS)}</span></a> })}
                    </div>
                    <DocumentsList requirements=detail.requirements.clone()/>
                    {draft.then(|| view! {
                        <h2>{i18n.t(ap::SUBMIT_TITLE)}</h2>
                        <p>{i18n.t(ap::SUBMIT_DECLARATION)}</p>
                        <form method="post" action=submit.clone() class="submit-once">
                            <button type="submit" class="button" data-testid="submit-application">{i18n.t(ap::SUBMIT)}</button>
                        </form>
                    })}
                }
            })}
        </Guard>
    }
}

/// The error summary of a refused submission. What is missing lives on the other steps, so each
/// link opens the step that holds the field (answers or documents) at that field.
#[component]
fn CheckSummary(id: i64) -> impl IntoView {
    let form = use_form();
    let i18n = use_i18n();
    form.has_errors().then(|| {
        view! {
            <div class="error-summary" role="alert" tabindex="-1" aria-labelledby="error-summary-title">
                <h2 id="error-summary-title">{i18n.t(crate::i18n::forms::ERROR_SUMMARY_TITLE)}</h2>
                {form.notice.clone().filter(|n| !n.is_empty()).map(|n| view! { <p>{n}</p> })}
                <ul>
                    {form.errors.iter().map(|e| {
                        let step = if e.field.starts_with("file_") { "dokumen" } else { "isi" };
                        let href = format!("/permohonan/{id}/{step}#{}", field_id(&e.field));
                        view! { <li><a href=href>{e.message.clone()}</a></li> }
                    }).collect_view()}
                </ul>
            </div>
        }
    })
}

/// `/permohonan/:id/terkirim`: the confirmation panel with the registration number.
#[component]
pub fn Confirmation() -> impl IntoView {
    let i18n = use_i18n();
    let id = id_param();
    view! {
        <Guard allowed=|v| v.is_signed_in() door=Door::Citizen>
            {with_application(id, move |detail| {
                let href = format!("/permohonan/{}", detail.id);
                let due = detail.due_on.clone().unwrap_or_default();
                if detail.reg_number.is_none() {
                    // Not sent yet (an old bookmark, the back button): no number to show.
                    let check = format!("/permohonan/{}/periksa", detail.id);
                    return view! {
                        <Title text=i18n.t(ap::STEP_CHECK)/>
                        <h1>{detail.service_name.clone()}</h1>
                        <p>{i18n.t(ap::NEXT_DRAFT)}</p>
                        <p><a class="button" href=check>{i18n.t(ap::CONTINUE_DRAFT)}</a></p>
                    }
                    .into_any();
                }
                view! {
                    <Title text=i18n.t(ap::CONFIRMATION_TITLE)/>
                    <div class="panel-confirmation">
                        <h1>{i18n.t(ap::CONFIRMATION_TITLE)}</h1>
                        <p>{i18n.t(ap::CONFIRMATION_NUMBER)}</p>
                        <p class="reg-number" data-testid="reg-number">{detail.reg_number.clone().unwrap_or_default()}</p>
                    </div>
                    <p>{i18n.f(ap::CONFIRMATION_NEXT, &[("due", &due)])}</p>
                    <p><a class="button" href=href>{i18n.t(ap::VIEW_APPLICATION)}</a></p>
                }
                .into_any()
            })}
        </Guard>
    }
}
