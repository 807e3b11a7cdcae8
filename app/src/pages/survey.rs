//! The satisfaction questionnaire (REFERENCE §3.1): the nine unsur with the official answer
//! labels as large radio buttons, the respondent profile and a suggestion, all optional but one
//! answer; one plain form that works without JavaScript. Also the typed-code entry for counter
//! surveys, the thank-you page and the friendly pages for used, expired or invalid links.

use crate::api::survey::{open_survey, SurveyOpening};
use crate::components::form::{field_id, ErrorSummary, TextArea, TextField};
use crate::components::notice::ErrorNotice;
use crate::domain::respondent::{Education, Gender, Occupation};
use crate::domain::skm::{Score, Unsur};
use crate::domain::survey_form::field_name;
use crate::forms::use_form;
use crate::i18n::{survey as sv, use_i18n, I18n, Lang};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

/// `/survei/:token`: the questionnaire, or why it cannot be answered. Opening it changes
/// nothing.
#[component]
pub fn QuestionnairePage() -> impl IntoView {
    let i18n = use_i18n();
    let token = use_params_map()
        .get_untracked()
        .get("token")
        .unwrap_or_default();
    let opening = OnceResource::new(open_survey(token.clone()));
    let body = move || {
        let token = token.clone();
        Suspend::new(async move {
            match opening.await {
                Ok(SurveyOpening::Ready {
                    service_name,
                    unit_name,
                    service_date,
                }) => view! { <Questionnaire token service_name unit_name service_date i18n/> }
                    .into_any(),
                Ok(SurveyOpening::AlreadyAnswered) => {
                    view! { <Closed title=sv::ANSWERED_TITLE body=sv::ANSWERED_BODY/> }.into_any()
                }
                Ok(SurveyOpening::Expired) => {
                    view! { <Closed title=sv::EXPIRED_TITLE body=sv::EXPIRED_BODY/> }.into_any()
                }
                Ok(SurveyOpening::Invalid) => {
                    not_found();
                    view! { <Closed title=sv::INVALID_TITLE body=sv::INVALID_BODY/> }.into_any()
                }
                Ok(SurveyOpening::StaffRefused) => {
                    forbidden();
                    view! { <Closed title=sv::STAFF_TITLE body=sv::STAFF_BODY/> }.into_any()
                }
                Err(error) => view! { <ErrorNotice error/> }.into_any(),
            }
        })
    };
    view! { <Suspense>{body}</Suspense> }
}

fn not_found() {
    #[cfg(feature = "ssr")]
    crate::server::context::set_status(http::StatusCode::NOT_FOUND);
}

fn forbidden() {
    #[cfg(feature = "ssr")]
    crate::server::context::set_status(http::StatusCode::FORBIDDEN);
}

/// A page that says why there is no questionnaire, with a way on.
#[component]
fn Closed(title: crate::i18n::Msg, body: crate::i18n::Msg) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Title text=i18n.t(title)/>
        <div class="narrow panel-message">
            <h1>{i18n.t(title)}</h1>
            <p>{i18n.t(body)}</p>
            <p><a href="/ikm">{i18n.t(sv::SEE_INDEX)}</a></p>
        </div>
    }
}

#[component]
fn Questionnaire(
    token: String,
    service_name: String,
    unit_name: String,
    service_date: String,
    i18n: I18n,
) -> impl IntoView {
    let action = format!("/survei/{token}");
    view! {
        <Title text=i18n.t(sv::TITLE)/>
        <div class="narrow survey">
            <p class="caption">{unit_name} " · " {i18n.f(sv::SERVED_ON, &[("date", &service_date)])}</p>
            <h1>{i18n.t(sv::TITLE)}</h1>
            <p class="lead">{i18n.f(sv::LEAD, &[("service", &service_name)])}</p>
            <p class="hint">{i18n.t(sv::ANONYMOUS)}</p>
            <ErrorSummary/>
            <form method="post" action=action novalidate>
                {Unsur::ALL.into_iter().map(|u| view! { <UnsurQuestion unsur=u i18n/> }).collect_view()}
                <h2>{i18n.t(sv::PROFILE_TITLE)}</h2>
                <p class="hint">{i18n.t(sv::PROFILE_HINT)}</p>
                <ChoiceRow name="gender" legend=i18n.t(sv::GENDER) choices=Gender::ALL.iter().map(|g| (g.code().to_owned(), if i18n.lang == Lang::En { g.label_en() } else { g.label_id() }.to_owned())).collect()/>
                <TextField name="age" label=i18n.t(sv::AGE) inputmode="numeric" optional=true class="width-5"/>
                <ChoiceRow name="education" legend=i18n.t(sv::EDUCATION) choices=Education::ALL.iter().map(|e| (e.code().to_owned(), if i18n.lang == Lang::En { e.label_en().to_owned() } else { e.code().to_owned() })).collect()/>
                <ChoiceRow name="occupation" legend=i18n.t(sv::OCCUPATION) choices=Occupation::ALL.iter().map(|o| (o.code().to_owned(), if i18n.lang == Lang::En { o.label_en().to_owned() } else { o.code().to_owned() })).collect()/>
                <TextArea name="suggestion" label=i18n.t(sv::SUGGESTION) hint=i18n.t(sv::SUGGESTION_HINT) optional=true rows=4/>
                <button type="submit" class="button">{i18n.t(sv::SUBMIT)}</button>
            </form>
        </div>
    }
}

/// One unsur: its question and the four official answers, large enough to tap.
#[component]
fn UnsurQuestion(unsur: Unsur, i18n: I18n) -> impl IntoView {
    let form = use_form();
    let name = field_name(unsur);
    let id = field_id(&name);
    let error = form.error(&name);
    let chosen = form.value(&name);
    let en = i18n.lang == Lang::En;
    let question = i18n.t(question_of(unsur));
    let class = if error.is_some() {
        "fieldset likert field-error"
    } else {
        "fieldset likert"
    };
    view! {
        <fieldset class=class>
            <legend>
                <span class="unsur-code">{unsur.code()}</span> " " {question}
            </legend>
            {error.map(|e| view! { <p class="error-message">{e}</p> })}
            <div class="likert-options">
                {(1..=4u8).rev().filter_map(|v| Score::try_from(v).ok()).map(|score| {
                    let value = score.get().to_string();
                    let cid = if score.get() == 4 { id.clone() } else { format!("{id}-{}", score.get()) };
                    let label = if en { unsur.label_en(score) } else { unsur.label_id(score) };
                    view! {
                        <div class="radio likert-option">
                            <input type="radio" id=cid.clone() name=name.clone() value=value.clone() checked=chosen == value/>
                            <label for=cid>{label}</label>
                        </div>
                    }
                }).collect_view()}
            </div>
        </fieldset>
    }
}

/// An optional one-of-several profile question.
#[component]
fn ChoiceRow(
    name: &'static str,
    legend: &'static str,
    choices: Vec<(String, String)>,
) -> impl IntoView {
    let form = use_form();
    let i18n = use_i18n();
    let id = field_id(name);
    let error = form.error(name);
    let chosen = form.value(name);
    let class = if error.is_some() {
        "fieldset inline-choices field-error"
    } else {
        "fieldset inline-choices"
    };
    view! {
        <fieldset class=class>
            <legend>{legend} " " <span class="optional">{i18n.t(crate::i18n::forms::OPTIONAL)}</span></legend>
            {error.map(|e| view! { <p class="error-message">{e}</p> })}
            {choices.into_iter().enumerate().map(|(i, (value, text))| {
                let cid = if i == 0 { id.clone() } else { format!("{id}-{i}") };
                let checked = chosen == value;
                view! {
                    <div class="radio">
                        <input type="radio" id=cid.clone() name=name value=value checked=checked/>
                        <label for=cid>{text}</label>
                    </div>
                }
            }).collect_view()}
        </fieldset>
    }
}

/// The question asked for an unsur.
fn question_of(unsur: Unsur) -> crate::i18n::Msg {
    match unsur {
        Unsur::U1 => sv::Q_U1,
        Unsur::U2 => sv::Q_U2,
        Unsur::U3 => sv::Q_U3,
        Unsur::U4 => sv::Q_U4,
        Unsur::U5 => sv::Q_U5,
        Unsur::U6 => sv::Q_U6,
        Unsur::U7 => sv::Q_U7,
        Unsur::U8 => sv::Q_U8,
        Unsur::U9 => sv::Q_U9,
    }
}

/// `/survei`: enter the code from a counter slip.
#[component]
pub fn CodeEntryPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Title text=i18n.t(sv::CODE_TITLE)/>
        <div class="narrow">
            <h1>{i18n.t(sv::CODE_TITLE)}</h1>
            <p>{i18n.t(sv::CODE_LEAD)}</p>
            <ErrorSummary/>
            <form method="post" action="/survei" novalidate>
                <TextField name="code" label=i18n.t(sv::CODE_LABEL) hint=i18n.t(sv::CODE_HINT) autocomplete="off" class="width-10 mono"/>
                <button type="submit" class="button">{i18n.t(sv::CODE_SUBMIT)}</button>
            </form>
        </div>
    }
}

/// `/survei/terima-kasih`: after an answer was stored.
#[component]
pub fn ThanksPage() -> impl IntoView {
    view! { <Closed title=sv::THANKS_TITLE body=sv::THANKS_BODY/> }
}

/// `/survei/sudah-dijawab`: the same invitation was sent again.
#[component]
pub fn AlreadyAnsweredPage() -> impl IntoView {
    view! { <Closed title=sv::ANSWERED_TITLE body=sv::ANSWERED_BODY/> }
}

/// The survey invitation of a completed application: a link and a QR code on the citizen's
/// application page (`printed = false`) or on the printed permit (`printed = true`). Nothing
/// before completion.
#[component]
pub fn InvitationBox(application_id: i64, #[prop(optional)] printed: bool) -> impl IntoView {
    let i18n = use_i18n();
    let invitation = OnceResource::new(crate::api::survey::application_invitation(application_id));
    let body = move || {
        Suspend::new(async move {
            let Ok(Some(link)) = invitation.await else {
                return ().into_any();
            };
            if link.answered {
                return view! { <p class="survey-invite done" data-testid="survey-answered">{i18n.t(sv::INVITE_ANSWERED)}</p> }.into_any();
            }
            if link.expired {
                return ().into_any();
            }
            let class = if printed {
                "survey-invite printed"
            } else {
                "survey-invite"
            };
            view! {
                <section class=class data-testid="survey-invite">
                    <img class="qr" src=link.qr_image.clone() alt=i18n.t(sv::INVITE_QR) width="160" height="160"/>
                    <div>
                        <h2>{i18n.t(sv::INVITE_TITLE)}</h2>
                        <p>{i18n.f(sv::INVITE_BODY, &[("date", &link.expires_on)])}</p>
                        {(!printed).then(|| view! { <p><a class="button" href=link.url.clone() data-testid="survey-link">{i18n.t(sv::INVITE_OPEN)}</a></p> })}
                        {printed.then(|| view! { <p class="mono small">{link.url.clone()}</p> })}
                    </div>
                </section>
            }
            .into_any()
        })
    };
    view! { <Suspense>{body}</Suspense> }
}
