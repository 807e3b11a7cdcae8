//! Pieces of the application pages shared by the applicant's and the officer's views.

use crate::api::applications::{AnswerView, ApplicationDetail, RequirementStatus, TimelineEntry};
use crate::domain::application_state::State;
use crate::i18n::{apply as ap, errors, use_i18n};
use leptos::prelude::*;

/// A coloured tag with the state's name.
#[component]
pub fn StatusTag(state: State, #[prop(optional)] overdue: bool) -> impl IntoView {
    let i18n = use_i18n();
    let class = match state {
        State::Completed | State::Approved => "tag tag-ok",
        State::Rejected | State::Withdrawn => "tag tag-grey",
        State::NeedsCorrection | State::Draft => "tag tag-warn",
        _ => "tag",
    };
    view! {
        <span class=class data-testid="status">{errors::state(i18n, state)}</span>
        {overdue.then(|| view! { " " <span class="tag tag-error">{i18n.t(ap::OVERDUE)}</span> })}
    }
}

/// The answers to the extra questions.
#[component]
pub fn AnswersList(answers: Vec<AnswerView>) -> impl IntoView {
    view! {
        <dl class="summary-list">
            {answers.into_iter().map(|a| view! {
                <div><dt>{a.label}</dt><dd>{if a.value.is_empty() { "—".to_owned() } else { a.value }}</dd></div>
            }).collect_view()}
        </dl>
    }
}

/// Human-readable size.
pub fn size_text(bytes: i64) -> String {
    if bytes >= 1024 * 1024 {
        let text = format!("{:.1}", bytes as f64 / (1024.0 * 1024.0));
        format!("{} MB", text.trim_end_matches(".0"))
    } else {
        format!("{} KB", (bytes + 1023) / 1024)
    }
}

/// The requirements with their documents (download links) and open corrections.
#[component]
pub fn DocumentsList(requirements: Vec<RequirementStatus>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <ul class="doc-list">
            {requirements.into_iter().map(|r| {
                let doc = r.document.clone().map(|d| {
                    let href = format!("/dokumen/{}", d.id);
                    view! { <a href=href>{d.name}</a> " (" {size_text(d.size_bytes)} ")" }.into_any()
                }).unwrap_or_else(|| if r.needs_document {
                    view! { <span class="muted">{i18n.t(ap::NOT_UPLOADED)}</span> }.into_any()
                } else {
                    view! { <span class="muted">{i18n.t(ap::NO_DOCUMENT_NEEDED)}</span> }.into_any()
                });
                view! {
                    <li>
                        <span class="doc-label">{r.label.clone()}</span>
                        <span class="doc-file">{doc}</span>
                        {r.correction.clone().map(|n| view! {
                            <span class="correction">{i18n.f(ap::CORRECTION_ASKED, &[("note", &n)])}</span>
                        })}
                    </li>
                }
            }).collect_view()}
        </ul>
    }
}

/// The tracking log.
#[component]
pub fn Timeline(entries: Vec<TimelineEntry>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <ol class="timeline" data-testid="timeline">
            {entries.into_iter().map(|e| view! {
                <li>
                    <span class="when">{e.when}</span>
                    <span class="what">{errors::action(i18n, e.action)}</span>
                    <span class="who">{e.actor}</span>
                    {e.note.map(|n| view! { <span class="note">{n}</span> })}
                </li>
            }).collect_view()}
        </ol>
    }
}

/// The facts block: number, service, status, dates, clock.
#[component]
pub fn CaseFacts(detail: ApplicationDetail) -> impl IntoView {
    let i18n = use_i18n();
    let clock = match (detail.used_days, detail.on_time) {
        (_, Some(true)) => Some(i18n.t(ap::ON_TIME).to_owned()),
        (_, Some(false)) => Some(i18n.t(ap::LATE).to_owned()),
        (Some(used), None) => Some(i18n.f(
            ap::DAYS_USED,
            &[("used", &used), ("total", &detail.completion_days)],
        )),
        _ => None,
    };
    view! {
        <dl class="summary-list">
            {detail.reg_number.clone().map(|n| view! {
                <div><dt>{i18n.t(ap::REG_NUMBER)}</dt><dd class="mono" data-testid="reg-number">{n}</dd></div>
            })}
            <div><dt>{i18n.t(ap::SERVICE)}</dt><dd>{detail.service_name.clone()} " · " {detail.unit_name.clone()}</dd></div>
            <div><dt>{i18n.t(ap::STATUS)}</dt><dd><StatusTag state=detail.state overdue=detail.overdue/></dd></div>
            {detail.submitted_on.clone().map(|d| view! { <div><dt>{i18n.t(ap::SUBMITTED_ON)}</dt><dd>{d}</dd></div> })}
            {detail.due_on.clone().filter(|_| !detail.state.is_final()).map(|d| view! { <div><dt>{i18n.t(ap::DUE_ON)}</dt><dd>{d}</dd></div> })}
            {clock.map(|c| view! { <div><dt>{i18n.t(crate::i18n::catalog::STANDARD_TIME)}</dt><dd>{c}</dd></div> })}
        </dl>
    }
}
