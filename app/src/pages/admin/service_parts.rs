//! The requirements checklist and extra questions of a service, each with its own small
//! add form and remove buttons (plain forms: no JavaScript needed to build a long list).

use crate::api::catalog::ServiceDetail;
use crate::components::form::{Checkbox, CheckboxGroup, SelectField, TextArea, TextField};
use crate::domain::document::DocKind;
use crate::domain::service::FieldKind;
use crate::forms::use_form;
use crate::i18n::{catalog as ct, errors, use_i18n};
use crate::pages::catalog::pick;
use leptos::prelude::*;

/// The requirements and the form to add one.
#[component]
pub fn RequirementsSection(service: ServiceDetail) -> impl IntoView {
    let i18n = use_i18n();
    let form = use_form();
    let add_action = format!("/admin/layanan/{}/persyaratan", service.code);
    let adding = form.values.iter().any(|(k, _)| k == "requirement_form");
    let kinds: Vec<(String, String)> = DocKind::ALL
        .iter()
        .map(|k| (k.code().to_owned(), k.code().to_uppercase()))
        .collect();
    view! {
        <section class="admin-section" id="persyaratan">
            <h2>{i18n.t(ct::REQUIREMENTS_TITLE)}</h2>
            {if service.requirements.is_empty() {
                view! { <p class="empty">{i18n.t(ct::NONE_YET)}</p> }.into_any()
            } else {
                view! {
                    <ol class="item-list">
                        {service.requirements.iter().map(|r| {
                            let action = format!("/admin/layanan/{}/hapus/requirement/{}", service.code, r.requirement_id);
                            let detail = r.needs_document.then(|| format!(" ({}, {} KB)", r.accepted_types.join("/"), r.max_size_kb));
                            view! {
                                <li>
                                    <span>{pick(i18n, &r.label_id, &r.label_en)} {detail}</span>
                                    <form method="post" action=action class="inline">
                                        <button type="submit" class="button secondary small">{i18n.t(ct::RETIRE)}</button>
                                    </form>
                                </li>
                            }
                        }).collect_view()}
                    </ol>
                }
                .into_any()
            }}
            <details class="add-form" open=adding>
                <summary>{i18n.t(ct::REQUIREMENT_ADD)}</summary>
                <form method="post" action=add_action novalidate class="narrow">
                    <input type="hidden" name="requirement_form" value="1"/>
                    <TextField name="label_id" label=i18n.t(ct::REQUIREMENT_LABEL_ID)/>
                    <TextField name="label_en" label=i18n.t(ct::REQUIREMENT_LABEL_EN) optional=true/>
                    <Checkbox name="needs_document" label=i18n.t(ct::REQUIREMENT_NEEDS_DOC) initial=true/>
                    <CheckboxGroup name="accepted_types" legend=i18n.t(ct::REQUIREMENT_TYPES) options=kinds initial=vec!["pdf".into(), "jpeg".into(), "png".into()]/>
                    <TextField name="max_size_kb" label=i18n.t(ct::REQUIREMENT_MAX) kind="number" class="width-20" initial="2048"/>
                    <button type="submit" class="button">{i18n.t(ct::REQUIREMENT_ADD)}</button>
                </form>
            </details>
        </section>
    }
}

/// The extra questions and the form to add one.
#[component]
pub fn FieldsSection(service: ServiceDetail) -> impl IntoView {
    let i18n = use_i18n();
    let form = use_form();
    let add_action = format!("/admin/layanan/{}/pertanyaan", service.code);
    let adding = form.values.iter().any(|(k, _)| k == "field_form");
    let kinds: Vec<(String, String)> = FieldKind::ALL
        .iter()
        .map(|k| (k.code().to_owned(), errors::field_kind(i18n, *k).to_owned()))
        .collect();
    view! {
        <section class="admin-section" id="pertanyaan">
            <h2>{i18n.t(ct::FIELDS_TITLE)}</h2>
            {if service.fields.is_empty() {
                view! { <p class="empty">{i18n.t(ct::NONE_YET)}</p> }.into_any()
            } else {
                view! {
                    <ol class="item-list">
                        {service.fields.iter().map(|fv| {
                            let action = format!("/admin/layanan/{}/hapus/field/{}", service.code, fv.field_id);
                            let kind = errors::field_kind(i18n, fv.kind);
                            view! {
                                <li>
                                    <span>{pick(i18n, &fv.label_id, &fv.label_en)} " (" {kind} ")"</span>
                                    <form method="post" action=action class="inline">
                                        <button type="submit" class="button secondary small">{i18n.t(ct::RETIRE)}</button>
                                    </form>
                                </li>
                            }
                        }).collect_view()}
                    </ol>
                }
                .into_any()
            }}
            <details class="add-form" open=adding>
                <summary>{i18n.t(ct::FIELD_ADD)}</summary>
                <form method="post" action=add_action novalidate class="narrow">
                    <input type="hidden" name="field_form" value="1"/>
                    <TextField name="label_id" label=i18n.t(ct::FIELD_LABEL_ID)/>
                    <TextField name="label_en" label=i18n.t(ct::FIELD_LABEL_EN) optional=true/>
                    <SelectField name="kind" label=i18n.t(ct::FIELD_KIND) options=kinds initial="text"/>
                    <TextArea name="choices" label=i18n.t(ct::FIELD_CHOICES) optional=true/>
                    <Checkbox name="required" label=i18n.t(ct::FIELD_REQUIRED) initial=true/>
                    <button type="submit" class="button">{i18n.t(ct::FIELD_ADD)}</button>
                </form>
            </details>
        </section>
    }
}
