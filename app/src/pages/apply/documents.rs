//! `/permohonan/:id/dokumen`: one upload form per requirement (each a plain multipart form, so
//! a slow connection loses at most one file). In a correction round only the requirements the
//! officer asked about can be replaced.

use super::{id_param, with_application, StepHeader};
use crate::api::applications::RequirementStatus;
use crate::components::application::size_text;
use crate::components::form::{field_id, ErrorSummary};
use crate::domain::application_state::State;
use crate::forms::use_form;
use crate::i18n::{apply as ap, use_i18n, I18n};
use crate::pages::guard::{Door, Guard};
use leptos::prelude::*;

/// The documents step.
#[component]
pub fn DocumentsStep() -> impl IntoView {
    let i18n = use_i18n();
    let id = id_param();
    view! {
        <Guard allowed=|v| v.is_signed_in() door=Door::Citizen>
            {with_application(id, move |detail| {
                let correcting = detail.state == State::NeedsCorrection;
                let editable = detail.editable;
                let check = format!("/permohonan/{}/periksa", detail.id);
                let back = format!("/permohonan/{}/isi", detail.id);
                let page = format!("/permohonan/{}", detail.id);
                let resubmit = format!("/permohonan/{}/perbaikan", detail.id);
                let requirements = detail.requirements.clone();
                let app_id = detail.id;
                let general = detail.general_correction.clone();
                // A correction round is not a step of the first filing: the header says so.
                let step = if correcting || !editable { 0 } else { 2 };
                let actions = if correcting && editable {
                    view! {
                        <p>{i18n.t(ap::NEXT_CORRECTION)}</p>
                        <form method="post" action=resubmit class="actions">
                            <button type="submit" class="button">{i18n.t(ap::RESUBMIT)}</button>
                            " " <a href=page.clone()>{i18n.t(ap::BACK)}</a>
                        </form>
                    }
                    .into_any()
                } else if editable {
                    view! {
                        <p class="actions">
                            <a class="button" href=check>{i18n.t(ap::CONTINUE)}</a>
                            " " <a href=back>{i18n.t(ap::BACK)}</a>
                        </p>
                    }
                    .into_any()
                } else {
                    view! { <p><a href=page.clone()>{i18n.t(ap::BACK)}</a></p> }.into_any()
                };
                view! {
                    <div class="narrow">
                        <StepHeader detail=detail.clone() step title=i18n.t(ap::STEP_DOCUMENTS)/>
                        <ErrorSummary/>
                        {general.clone().filter(|_| correcting).map(|n| view! {
                            <p class="correction">{i18n.f(ap::CORRECTION_ASKED, &[("note", &n)])}</p>
                        })}
                        {requirements.into_iter().map(|r| {
                            // A general note lets every document change (as the service allows).
                            let asked = r.correction.is_some() || general.is_some();
                            let locked = !editable || (correcting && !asked);
                            view! { <Upload app_id requirement=r locked i18n/> }
                        }).collect_view()}
                        {actions}
                    </div>
                }
            })}
        </Guard>
    }
}

#[component]
fn Upload(app_id: i64, requirement: RequirementStatus, locked: bool, i18n: I18n) -> impl IntoView {
    let form = use_form();
    let name = format!("file_{}", requirement.requirement_id);
    let id = field_id(&name);
    let error = form.error(&name);
    let action = format!(
        "/permohonan/{app_id}/dokumen/{}",
        requirement.requirement_id
    );
    let types = requirement
        .accepted_types
        .iter()
        .map(|t| t.to_uppercase())
        .collect::<Vec<_>>()
        .join(", ");
    // `.jpg` is the usual name of a JPEG; offer it only where JPEG is accepted.
    let accept = requirement
        .accepted_types
        .iter()
        .flat_map(|t| match t.as_str() {
            "jpeg" => vec![".jpeg".to_owned(), ".jpg".to_owned()],
            other => vec![format!(".{other}")],
        })
        .collect::<Vec<_>>()
        .join(",");
    let size = size_text(requirement.max_size_kb * 1024);
    // A phone photo only helps where images are accepted.
    let photo = requirement
        .accepted_types
        .iter()
        .any(|t| t == "jpeg" || t == "png");
    let class = if error.is_some() {
        "upload field-error"
    } else {
        "upload"
    };
    let current = requirement.document.clone().map(|d| {
        let href = format!("/dokumen/{}", d.id);
        view! { <p class="uploaded">"✓ " <a href=href>{i18n.f(ap::UPLOADED, &[("name", &d.name), ("size", &size_text(d.size_bytes))])}</a></p> }
    });
    view! {
        <section class=class id=format!("{id}-section")>
            <h2 class="upload-title">{requirement.label.clone()}</h2>
            {requirement.correction.clone().map(|n| view! { <p class="correction">{i18n.f(ap::CORRECTION_ASKED, &[("note", &n)])}</p> })}
            {if !requirement.needs_document {
                view! { <p class="muted">{i18n.t(ap::NO_DOCUMENT_NEEDED)}</p> }.into_any()
            } else {
                view! {
                    {current}
                    {requirement.document.is_none().then(|| view! { <p class="muted">{i18n.t(ap::NOT_UPLOADED)}</p> })}
                    {error.map(|e| view! { <p class="error-message">{e}</p> })}
                    {(!locked).then(|| view! {
                        <form method="post" action=action.clone() enctype="multipart/form-data">
                            <label for=id.clone() class="visually-hidden">{requirement.label.clone()}</label>
                            <p class="hint">
                                {i18n.f(ap::FILE_HINT, &[("types", &types), ("size", &size)])}
                                {photo.then(|| view! { " " {i18n.t(ap::FILE_HINT_PHOTO)} })}
                            </p>
                            <input type="file" id=id.clone() name="file" accept=accept.clone()/>
                            <button type="submit" class="button secondary">
                                {if requirement.document.is_some() { i18n.t(ap::REPLACE) } else { i18n.t(ap::UPLOAD) }}
                            </button>
                        </form>
                    })}
                }
                .into_any()
            }}
        </section>
    }
}
