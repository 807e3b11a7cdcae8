//! The supervisor's follow-up page (REFERENCE §3.4): the unit's low answers and suggestions to
//! act on, each closed with a note, and the unit's improvement plan (rencana tindak lanjut) for a
//! period, starting with the lowest unsur. What is shown is what was said and the application it
//! rates, never who said it. Every form is a plain post that works without JavaScript.

use crate::api::followup::{load_followup_page, FollowupItem, FollowupPage};
use crate::api::survey::PlanAction;
use crate::auth::Role;
use crate::components::form::{field_id, ErrorSummary, TextArea, TextField};
use crate::components::notice::ErrorNotice;
use crate::domain::skm::{Score, Unsur};
use crate::forms::{use_form, FormState};
use crate::i18n::{forms as f, staff_survey as ss, use_i18n, work as w, I18n, Lang};
use crate::pages::guard::{Door, Guard};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

/// The plan statuses the handler accepts, in their order of progress.
const STATUSES: [&str; 3] = ["planned", "in_progress", "done"];

fn status_label(i18n: I18n, status: &str) -> &'static str {
    i18n.t(match status {
        "in_progress" => ss::STATUS_IN_PROGRESS,
        "done" => ss::STATUS_DONE,
        _ => ss::STATUS_PLANNED,
    })
}

fn status_tag(status: &str) -> &'static str {
    match status {
        "in_progress" => "tag tag-warn",
        "done" => "tag tag-ok",
        _ => "tag tag-grey",
    }
}

fn unsur_name(i18n: I18n, unsur: Unsur) -> &'static str {
    match i18n.lang {
        Lang::En => unsur.name_en(),
        Lang::Id => unsur.name_id(),
    }
}

/// The official answer wording of a score (REFERENCE §3.1).
fn answer_label(i18n: I18n, unsur: Unsur, score: u8) -> &'static str {
    Score::try_from(score).map_or("", |s| match i18n.lang {
        Lang::En => unsur.label_en(s),
        Lang::Id => unsur.label_id(s),
    })
}

/// The value re-rendered for `key` after a refused form on this page, else `initial`. The page
/// holds many small forms, so only the one that was sent keeps what was typed.
fn kept(form: &FormState, key: &str, initial: &str) -> String {
    form.values
        .iter()
        .find(|(k, _)| k == key)
        .map_or_else(|| initial.to_owned(), |(_, v)| v.clone())
}

fn group_class(error: &Option<String>) -> &'static str {
    if error.is_some() {
        "field field-error"
    } else {
        "field"
    }
}

/// An unsur's code and name.
#[component]
fn UnsurName(unsur: Unsur, i18n: I18n) -> impl IntoView {
    view! { <span class="code-chip">{unsur.code()}</span> " " {unsur_name(i18n, unsur)} }
}

/// `/petugas/tindak-lanjut`.
#[component]
pub fn FollowupWorkPage() -> impl IntoView {
    // The content is built only for viewers the guard admits, so its data is loaded only
    // for them, and a failed load cannot overwrite the guard's answer.
    view! { <Guard allowed=|v| v.has_role(Role::Supervisor) door=Door::Staff><FollowupWorkPageBody/></Guard> }
}

/// The content of [`FollowupWorkPage`].
#[component]
fn FollowupWorkPageBody() -> impl IntoView {
    let i18n = use_i18n();
    let period = use_query_map()
        .get_untracked()
        .get("periode")
        .unwrap_or_default();
    let asked = period.clone();
    // Loaded once per page view (see `pages::apply::with_application`).
    let loaded = OnceResource::new(load_followup_page(period));
    let body = move || {
        let asked = asked.clone();
        Suspend::new(async move {
            match loaded.await {
                Ok(page) => view! { <FollowupBody page i18n/> }.into_any(),
                Err(error) => view! {
                    <ErrorNotice error/>
                    <PeriodForm asked i18n/>
                }
                .into_any(),
            }
        })
    };
    view! {
        <Title text=i18n.t(ss::FOLLOWUP_TITLE)/>
            <p class="breadcrumb"><a href="/petugas/antrian">{i18n.t(w::QUEUE_TITLE)}</a></p>
            <h1>{i18n.t(ss::FOLLOWUP_TITLE)}</h1>
            <p class="lead">{i18n.t(ss::FOLLOWUP_LEAD)}</p>
            <ErrorSummary/>
            <Suspense>{body}</Suspense>
    }
}

#[component]
fn FollowupBody(page: FollowupPage, i18n: I18n) -> impl IntoView {
    let (open, closed): (Vec<_>, Vec<_>) = page.items.into_iter().partition(|item| !item.closed);
    let count = open.len();
    view! {
        <section class="followup" aria-labelledby="followup-open">
            <h2 id="followup-open">{i18n.f(ss::OPEN_HEADING, &[("count", &count)])}</h2>
            {if open.is_empty() {
                view! { <p class="empty">{i18n.t(ss::OPEN_EMPTY)}</p> }.into_any()
            } else {
                open.into_iter().map(|item| view! { <OpenItem item i18n/> }).collect_view().into_any()
            }}
            <h2>{i18n.t(ss::CLOSED_HEADING)}</h2>
            {if closed.is_empty() {
                view! { <p class="empty">{i18n.t(ss::CLOSED_EMPTY)}</p> }.into_any()
            } else {
                view! {
                    <ul class="followup-closed">
                        {closed.into_iter().map(|item| view! { <ClosedItem item i18n/> }).collect_view()}
                    </ul>
                }
                .into_any()
            }}
        </section>
        <Plan period=page.period plan=page.plan lowest=page.lowest i18n/>
    }
}

/// The scores of one answer, low ones marked.
#[component]
fn Scores(scores: Vec<(Unsur, u8)>, i18n: I18n) -> impl IntoView {
    view! {
        <dl class="score-list" aria-label=i18n.t(ss::ITEM_SCORES)>
            {scores.into_iter().map(|(unsur, score)| {
                let low = score <= 2;
                view! {
                    <div class:score-low=low>
                        <dt><UnsurName unsur i18n/></dt>
                        <dd>
                            <span class="score-value">{score}</span> " " {answer_label(i18n, unsur, score)}
                            {low.then(|| view! { " " <span class="tag tag-error">{i18n.t(ss::ITEM_LOW)}</span> })}
                        </dd>
                    </div>
                }
            }).collect_view()}
        </dl>
    }
}

/// The rated application, linked to its case page, or where the answer came from.
fn rated_application(item: &FollowupItem, i18n: I18n) -> impl IntoView {
    let link = match (&item.reg_number, item.application_id) {
        (Some(number), Some(id)) => {
            let href = format!("/petugas/permohonan/{id}");
            view! { <a class="mono" href=href>{number.clone()}</a> }.into_any()
        }
        (Some(number), None) => view! { <span class="mono">{number.clone()}</span> }.into_any(),
        _ => view! { <span class="muted">{i18n.t(ss::ITEM_NO_APPLICATION)}</span> }.into_any(),
    };
    view! { <p class="followup-app"><span class="followup-label">{i18n.t(ss::ITEM_APPLICATION)}</span> " " {link}</p> }
}

/// An open item with its closing form.
#[component]
fn OpenItem(item: FollowupItem, i18n: I18n) -> impl IntoView {
    let form = use_form();
    let key = format!("note_{}", item.id);
    let id = field_id(&key);
    let error = form.error(&key);
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let described = match error {
        Some(_) => format!("{hint_id} {error_id}"),
        None => hint_id.clone(),
    };
    let invalid = error.as_ref().map(|_| "true");
    let class = group_class(&error);
    let value = kept(&form, &key, "");
    let action = format!("/petugas/tindak-lanjut/{}/tutup", item.id);
    view! {
        <article class="followup-item" id=format!("item-{}", item.id) data-testid="followup-item">
            <h3>{item.service_name.clone()}</h3>
            <p class="meta">{i18n.f(ss::ITEM_RECEIVED, &[("when", &item.opened)])}</p>
            <Scores scores=item.scores.clone() i18n/>
            <div class="followup-suggestion">
                <p class="followup-label">{i18n.t(ss::ITEM_SUGGESTION)}</p>
                {match item.suggestion.clone() {
                    Some(text) => view! { <blockquote class="preline" data-testid="suggestion">{text}</blockquote> }.into_any(),
                    None => view! { <p class="muted">{i18n.t(ss::ITEM_NO_SUGGESTION)}</p> }.into_any(),
                }}
            </div>
            {rated_application(&item, i18n)}
            <form method="post" action=action class="followup-close" novalidate>
                <div class=class>
                    <label for=id.clone()>{i18n.t(ss::CLOSE_NOTE)}</label>
                    <p class="hint" id=hint_id>{i18n.t(ss::CLOSE_NOTE_HINT)}</p>
                    {error.map(|e| view! { <p class="error-message" id=error_id>{e}</p> })}
                    <textarea id=id name="note" rows="3" required aria-describedby=described aria-invalid=invalid>{value}</textarea>
                </div>
                <button type="submit" class="button secondary">{i18n.t(ss::CLOSE_SUBMIT)}</button>
            </form>
        </article>
    }
}

/// A recently closed item: what was said and what was done.
#[component]
fn ClosedItem(item: FollowupItem, i18n: I18n) -> impl IntoView {
    let low: Vec<(Unsur, u8)> = item
        .scores
        .iter()
        .copied()
        .filter(|(_, s)| *s <= 2)
        .collect();
    view! {
        <li class="followup-closed-item" data-testid="followup-closed">
            <p class="meta">{item.service_name.clone()} " · " {i18n.f(ss::ITEM_RECEIVED, &[("when", &item.opened)])}</p>
            {(!low.is_empty()).then(|| view! {
                <p class="score-inline">
                    {low.into_iter().map(|(unsur, score)| view! {
                        <span class="score-chip"><span class="code-chip">{unsur.code()}</span> " " {score} " " {answer_label(i18n, unsur, score)}</span>
                    }).collect_view()}
                </p>
            })}
            {item.suggestion.clone().map(|text| view! { <blockquote class="preline">{text}</blockquote> })}
            {rated_application(&item, i18n)}
            <p class="followup-note"><span class="followup-label">{i18n.t(ss::CLOSED_NOTE)}</span> " " <span class="preline">{item.note.clone().unwrap_or_default()}</span></p>
        </li>
    }
}

/// The GET form choosing the plan's period (`asked`: the period shown, or the one asked for).
#[component]
fn PeriodForm(asked: String, i18n: I18n) -> impl IntoView {
    view! {
        <form method="get" action="/petugas/tindak-lanjut#rencana" class="filters period-form">
            <div class="field">
                <label for="f-periode">{i18n.t(ss::PERIOD_LABEL)}</label>
                <p class="hint" id="f-periode-hint">{i18n.t(ss::PERIOD_HINT)}</p>
                <input id="f-periode" name="periode" type="text" class="width-period" autocomplete="off" value=asked aria-describedby="f-periode-hint"/>
            </div>
            <button type="submit" class="button secondary">{i18n.t(ss::PERIOD_SUBMIT)}</button>
        </form>
    }
}

/// The improvement plan of the period: the lowest unsur, the actions and the form adding one.
#[component]
fn Plan(period: String, plan: Vec<PlanAction>, lowest: Vec<Unsur>, i18n: I18n) -> impl IntoView {
    let form = use_form();
    let first = lowest.first().map(|u| u.code()).unwrap_or("U1");
    let chosen = kept(&form, "unsur", first);
    let unsur_error = form.error("unsur");
    view! {
        <section id="rencana" class="plan" aria-labelledby="rencana-title">
            <h2 id="rencana-title">{i18n.f(ss::PLAN_HEADING, &[("period", &period)])}</h2>
            <p>{i18n.t(ss::PLAN_LEAD)}</p>
            <PeriodForm asked=period.clone() i18n/>
            <h3>{i18n.t(ss::LOWEST_HEADING)}</h3>
            {if lowest.is_empty() {
                view! { <p class="empty">{i18n.t(ss::LOWEST_EMPTY)}</p> }.into_any()
            } else {
                view! {
                    <ol class="lowest-list" data-testid="lowest">
                        {lowest.iter().enumerate().map(|(i, unsur)| view! {
                            <li>
                                <UnsurName unsur=*unsur i18n/>
                                {(i == 0).then(|| view! { " " <span class="tag tag-error">{i18n.t(ss::LOWEST_FIRST)}</span> })}
                            </li>
                        }).collect_view()}
                    </ol>
                }
                .into_any()
            }}
            <h3>{i18n.t(ss::PLAN_ACTIONS)}</h3>
            {if plan.is_empty() {
                view! { <p class="empty">{i18n.t(ss::PLAN_EMPTY)}</p> }.into_any()
            } else {
                view! {
                    <ul class="plan-list">
                        {plan.into_iter().map(|action| view! { <ActionItem action i18n/> }).collect_view()}
                    </ul>
                }
                .into_any()
            }}
            <div class="plan-add">
                <h3>{i18n.t(ss::ADD_HEADING)}</h3>
                <form method="post" action="/petugas/rencana" novalidate>
                    <input type="hidden" name="period" value=period.clone()/>
                    <div class=group_class(&unsur_error)>
                        <label for="f-unsur">{i18n.t(ss::ACTION_UNSUR)}</label>
                        {unsur_error.clone().map(|e| view! { <p class="error-message">{e}</p> })}
                        <select id="f-unsur" name="unsur">
                            {Unsur::ALL.into_iter().map(|u| view! {
                                <option value=u.code() selected=u.code() == chosen>{u.code()} " · " {unsur_name(i18n, u)}</option>
                            }).collect_view()}
                        </select>
                    </div>
                    <TextArea name="action" label=i18n.t(ss::ACTION_TEXT) hint=i18n.t(ss::ACTION_TEXT_HINT) rows=3/>
                    <TextField name="owner" label=i18n.t(ss::ACTION_OWNER) class="width-20"/>
                    <TextField name="due_on" label=i18n.t(ss::ACTION_DUE) kind="date" class="width-date"/>
                    <button type="submit" class="button">{i18n.t(ss::ADD_SUBMIT)}</button>
                </form>
            </div>
        </section>
    }
}

/// One action of the plan with its progress form.
#[component]
fn ActionItem(action: PlanAction, i18n: I18n) -> impl IntoView {
    let form = use_form();
    let status_key = format!("status_{}", action.id);
    let note_key = format!("progress_note_{}", action.id);
    let status_error = form.error(&status_key);
    let note_error = form.error(&note_key);
    let chosen = kept(&form, &status_key, &action.status);
    let note = kept(&form, &note_key, &action.progress_note);
    view! {
        <li class="plan-action" id=format!("aksi-{}", action.id) data-testid="plan-action">
            <p class="plan-unsur"><UnsurName unsur=action.unsur i18n/></p>
            <p class="plan-text preline">{action.action.clone()}</p>
            <dl class="plan-facts">
                <div><dt>{i18n.t(ss::ACTION_OWNER)}</dt><dd>{action.owner.clone()}</dd></div>
                <div><dt>{i18n.t(ss::ACTION_DUE)}</dt><dd class="nowrap">{action.due_on.clone()}</dd></div>
                <div><dt>{i18n.t(ss::ACTION_STATUS)}</dt><dd><span class=status_tag(&action.status) data-testid="plan-status">{status_label(i18n, &action.status)}</span></dd></div>
                {(!action.progress_note.is_empty()).then(|| view! {
                    <div><dt>{i18n.t(ss::ACTION_PROGRESS)}</dt><dd class="preline">{action.progress_note.clone()}</dd></div>
                })}
            </dl>
            <form method="post" action=format!("/petugas/rencana/{}", action.id) class="plan-update" novalidate>
                <div class=group_class(&status_error)>
                    <label for=field_id(&status_key)>{i18n.t(ss::ACTION_STATUS)}</label>
                    {status_error.clone().map(|e| view! { <p class="error-message">{e}</p> })}
                    <select id=field_id(&status_key) name="status">
                        {STATUSES.into_iter().map(|s| view! {
                            <option value=s selected=s == chosen>{status_label(i18n, s)}</option>
                        }).collect_view()}
                    </select>
                </div>
                <div class=group_class(&note_error)>
                    <label for=field_id(&note_key)>
                        {i18n.t(ss::ACTION_PROGRESS)} " " <span class="optional">{i18n.t(f::OPTIONAL)}</span>
                    </label>
                    {note_error.clone().map(|e| view! { <p class="error-message">{e}</p> })}
                    <textarea id=field_id(&note_key) name="progress_note" rows="2">{note}</textarea>
                </div>
                <button type="submit" class="button secondary small">{i18n.t(ss::UPDATE_SUBMIT)}</button>
            </form>
        </li>
    }
}
