//! The supervisor's rating form (REFERENCE §5.1, §5.2) and the saved appraisal as everyone reads
//! it: the two ratings as radio buttons, the predikat matrix (the predikat of the current
//! choice is highlighted by CSS `:has()`, so it follows the choice without JavaScript), the
//! written reason when perilaku kerja departs from the portal's suggestion, and the saved
//! appraisal with the formula version and parameters it used.

use super::{expectation_label, mean_with_interval, predikat_class, predikat_label, NotEnough};
use crate::api::appraisal::{AppraisalView, ContestView, PeriodView, ScoreView};
use crate::components::form::field_id;
use crate::domain::appraisal::{predikat, MIN_DEPARTURE_REASON_CHARS};
use crate::domain::officer_score::{Expectation, ScoringParams};
use crate::forms::use_form;
use crate::i18n::{appraisal as ap, forms as f, I18n};
use leptos::prelude::*;

/// Rows of the matrix (hasil kerja), top to bottom, as REFERENCE §5.1 prints them.
const ROWS: [Expectation; 3] = [
    Expectation::DiAtas,
    Expectation::Sesuai,
    Expectation::DiBawah,
];
/// Columns of the matrix (perilaku kerja), left to right.
const COLUMNS: [Expectation; 3] = [
    Expectation::DiBawah,
    Expectation::Sesuai,
    Expectation::DiAtas,
];
/// The order the radio buttons are offered in.
const CHOICES: [Expectation; 3] = [
    Expectation::DiAtas,
    Expectation::Sesuai,
    Expectation::DiBawah,
];

/// The form saving `nip`'s appraisal for an open `period`, prefilled with the saved one.
#[component]
pub fn RatingForm(
    nip: String,
    period: PeriodView,
    score: ScoreView,
    saved: Option<AppraisalView>,
    i18n: I18n,
) -> impl IntoView {
    let form = use_form();
    let initial = |field: &str, saved: Option<Expectation>| {
        if form.values.is_empty() {
            saved.map(|e| e.code().to_owned()).unwrap_or_default()
        } else {
            form.value(field)
        }
    };
    let hasil = initial("hasil_kerja", saved.as_ref().map(|a| a.hasil_kerja));
    let perilaku = initial("perilaku_kerja", saved.as_ref().map(|a| a.perilaku_kerja));
    let reason = if form.values.is_empty() {
        saved
            .as_ref()
            .and_then(|a| a.departure_reason.clone())
            .unwrap_or_default()
    } else {
        form.value("reason")
    };
    let suggestion = score.suggestion;
    let reason_error = form.error("reason");
    let reason_class = match (&reason_error, reason.is_empty()) {
        (Some(_), _) => "field field-error reason-field",
        (None, false) => "field reason-field has-value",
        (None, true) => "field reason-field",
    };
    let reason_hint = match suggestion {
        Some(s) => i18n.f(
            ap::RATE_REASON_HINT,
            &[
                ("suggestion", &expectation_label(i18n, s)),
                ("min", &MIN_DEPARTURE_REASON_CHARS),
            ],
        ),
        None => i18n.t(ap::RATE_NO_SUGGESTION).to_owned(),
    };
    let action = format!("/petugas/penilaian/{nip}");
    view! {
        <form method="post" action=action class="rating-form" novalidate data-testid="rating-form">
            <input type="hidden" name="period" value=period.name.clone()/>
            <Choice name="hasil_kerja" legend=i18n.t(ap::RATE_HASIL_LEGEND) hint=i18n.t(ap::RATE_HASIL_HINT)
                chosen=hasil suggestion=None i18n/>
            <Choice name="perilaku_kerja" legend=i18n.t(ap::RATE_PERILAKU_LEGEND) hint=i18n.t(ap::RATE_PERILAKU_HINT)
                chosen=perilaku suggestion i18n/>
            <div class=reason_class>
                <label for=field_id("reason")>
                    {i18n.t(ap::RATE_REASON_LABEL)}
                    {suggestion.is_none().then(|| view! { " " <span class="optional">{i18n.t(f::OPTIONAL)}</span> })}
                </label>
                <p class="hint" id="f-reason-hint">{reason_hint}</p>
                {reason_error.clone().map(|e| view! { <p class="error-message" id="f-reason-error">{e}</p> })}
                <textarea id=field_id("reason") name="reason" rows="4"
                    aria-describedby=if reason_error.is_some() { "f-reason-hint f-reason-error" } else { "f-reason-hint" }
                    aria-invalid=reason_error.map(|_| "true")>{reason}</textarea>
            </div>
            <PredikatMatrix current=None i18n/>
            <button type="submit" class="button">{i18n.t(ap::RATE_SUBMIT)}</button>
        </form>
    }
    .into_any()
}

/// One rating as three radio buttons; the portal's suggestion is marked, and the options that
/// depart from it carry `data-departs` (the stylesheet shows the reason field for them).
#[component]
fn Choice(
    name: &'static str,
    legend: &'static str,
    hint: &'static str,
    chosen: String,
    suggestion: Option<Expectation>,
    i18n: I18n,
) -> impl IntoView {
    let form = use_form();
    let error = form.error(name);
    let class = if error.is_some() {
        "fieldset field-error rating-choice"
    } else {
        "fieldset rating-choice"
    };
    view! {
        <fieldset class=class data-testid=name>
            <legend>{legend}</legend>
            <p class="hint">{hint}</p>
            {error.map(|e| view! { <p class="error-message">{e}</p> })}
            <div class="radios">
                {CHOICES.into_iter().enumerate().map(|(i, e)| {
                    // The first option carries the field's id, so the error summary links to it.
                    let id = if i == 0 { field_id(name) } else { format!("{}-{}", field_id(name), e.code()) };
                    let suggested = suggestion == Some(e);
                    let departs = suggestion.is_some_and(|s| s != e).then_some("true");
                    view! {
                        <div class="radio">
                            <input type="radio" id=id.clone() name=name value=e.code() checked=chosen == e.code() data-departs=departs/>
                            <label for=id>
                                {expectation_label(i18n, e)}
                                {suggested.then(|| view! { " " <span class="tag" data-testid="suggested">{i18n.t(ap::RATE_SUGGESTED_TAG)}</span> })}
                            </label>
                        </div>
                    }
                }).collect_view()}
            </div>
        </fieldset>
    }
    .into_any()
}

/// The predikat matrix of REFERENCE §5.1. `current`: the saved combination to highlight; in
/// the form the stylesheet highlights the checked combination instead.
#[component]
pub fn PredikatMatrix(current: Option<(Expectation, Expectation)>, i18n: I18n) -> impl IntoView {
    let live = current.is_none();
    view! {
        <div class="predikat-explained">
            {live.then(|| view! {
                <p class="predikat-live" aria-live="polite">
                    <span class="combo-none">{i18n.t(ap::RATE_PREDIKAT_CHOOSE)}</span>
                    {ROWS.into_iter().flat_map(|h| COLUMNS.into_iter().map(move |p| (h, p))).map(|(h, p)| {
                        let result = predikat(h, p);
                        view! {
                            <span class="combo" data-combo=format!("{}-{}", h.code(), p.code())>
                                {i18n.t(ap::RATE_PREDIKAT_NOW)} " " <span class=predikat_class(result)>{predikat_label(i18n, result)}</span>
                            </span>
                        }
                    }).collect_view()}
                </p>
            })}
            <div class="table-wrap">
                <table class="table predikat-matrix" data-testid="predikat-matrix">
                    <caption>{i18n.t(ap::RATE_MATRIX_CAPTION)}</caption>
                    <thead><tr>
                        <th scope="col">{i18n.t(ap::RATE_MATRIX_CORNER)}</th>
                        {COLUMNS.into_iter().map(|p| view! { <th scope="col">{short_label(i18n, p)}</th> }).collect_view()}
                    </tr></thead>
                    <tbody>
                        {ROWS.into_iter().map(|h| view! {
                            <tr>
                                <th scope="row">{short_label(i18n, h)}</th>
                                {COLUMNS.into_iter().map(|p| {
                                    let here = current == Some((h, p));
                                    view! {
                                        <td data-cell=format!("{}-{}", h.code(), p.code()) class:matrix-current=here
                                            aria-current=here.then_some("true")>
                                            {breakable(predikat_label(i18n, predikat(h, p)))}
                                        </td>
                                    }
                                }).collect_view()}
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </div>
    }
    .into_any()
}

/// The matrix's short row and column headings (as REFERENCE §5.1 prints them).
fn short_label(i18n: I18n, e: Expectation) -> &'static str {
    i18n.t(match e {
        Expectation::DiAtas => ap::RATE_SHORT_ABOVE,
        Expectation::Sesuai => ap::RATE_SHORT_MEETS,
        Expectation::DiBawah => ap::RATE_SHORT_BELOW,
    })
}

/// "Kurang/Misconduct" may wrap after the slash in a narrow matrix cell.
fn breakable(label: &str) -> String {
    label.replace('/', "/\u{200B}")
}

/// A saved appraisal: ratings, predikat, the suggestion and reason, who and when, and the score,
/// formula version and parameters it rested on.
#[component]
pub fn AppraisalSummary(appraisal: AppraisalView, i18n: I18n) -> impl IntoView {
    let a = appraisal;
    let params = serde_json::from_str::<ScoringParams>(&a.params)
        .ok()
        .map_or_else(
            || a.params.clone(),
            |p| {
                i18n.f(
                    ap::DONE_PARAMS_VALUE,
                    &[
                        ("min_n", &p.min_n()),
                        ("k", &p.k()),
                        ("margin", &p.margin()),
                        ("z", &p.z()),
                    ],
                )
            },
        );
    let score_then = match (a.score_then.shrunk, mean_with_interval(&a.score_then)) {
        (Some(shrunk), Some(mean)) => view! {
            {i18n.f(ap::DONE_SCORE_THEN_VALUE, &[("shrunk", &super::num(shrunk)), ("n", &a.score_then.n), ("mean", &mean)])}
        }
        .into_any(),
        _ => view! { <NotEnough score=a.score_then.clone() i18n/> }.into_any(),
    };
    view! {
        <dl class="summary-list appraisal-summary" data-testid="appraisal">
            <div><dt>{i18n.t(ap::DONE_PREDIKAT)}</dt>
                <dd><span class=predikat_class(a.predikat) data-testid="predikat" data-code=a.predikat.code()>{predikat_label(i18n, a.predikat)}</span></dd></div>
            <div><dt>{i18n.t(ap::RATE_HASIL_LEGEND)}</dt><dd data-testid="hasil">{expectation_label(i18n, a.hasil_kerja)}</dd></div>
            <div><dt>{i18n.t(ap::RATE_PERILAKU_LEGEND)}</dt><dd data-testid="perilaku">{expectation_label(i18n, a.perilaku_kerja)}</dd></div>
            <div><dt>{i18n.t(ap::DONE_SUGGESTION)}</dt>
                <dd>{a.suggestion.map_or_else(|| i18n.t(ap::DONE_NO_SUGGESTION).to_owned(), |s| expectation_label(i18n, s).to_owned())}</dd></div>
            {a.departure_reason.clone().map(|r| view! {
                <div><dt>{i18n.t(ap::DONE_REASON)}</dt><dd class="preline" data-testid="reason">{r}</dd></div>
            })}
            <div><dt>{i18n.t(ap::DONE_BY)}</dt><dd>{a.supervisor_name.clone()}</dd></div>
            <div><dt>{i18n.t(ap::DONE_UPDATED)}</dt><dd class="nowrap">{a.updated.clone()}</dd></div>
            <div><dt>{i18n.t(ap::DONE_SCORE_THEN)}</dt><dd>{score_then}</dd></div>
            <div><dt>{i18n.t(ap::DONE_RESPONSES)}</dt><dd data-testid="responses-used">{a.responses_used}</dd></div>
            <div><dt>{i18n.t(ap::DONE_FORMULA)}</dt><dd class="mono" data-testid="formula">{a.formula_version.clone()}</dd></div>
            <div><dt>{i18n.t(ap::DONE_PARAMS)}</dt><dd data-testid="params">{params}</dd></div>
        </dl>
    }
    .into_any()
}

/// The contests of an appraisal, oldest first, with HR's rulings.
#[component]
pub fn ContestList(contests: Vec<ContestView>, i18n: I18n) -> impl IntoView {
    if contests.is_empty() {
        return view! { <p class="empty">{i18n.t(ap::OBJ_EMPTY)}</p> }.into_any();
    }
    view! {
        <ol class="contest-list" data-testid="contests">
            {contests.into_iter().map(|c| {
                let (tag, text) = match c.decision.as_deref() {
                    None => ("tag tag-warn", i18n.t(ap::OBJ_PENDING)),
                    Some("changed") => ("tag tag-ok", i18n.t(ap::OBJ_CHANGED)),
                    Some(_) => ("tag tag-grey", i18n.t(ap::OBJ_UPHELD)),
                };
                view! {
                    <li class="contest" data-testid="contest">
                        <p class="meta">{i18n.f(ap::OBJ_FILED, &[("when", &c.filed)])} " " <span class=tag data-testid="contest-status">{text}</span></p>
                        <blockquote class="preline" data-testid="contest-reason">{c.reason.clone()}</blockquote>
                        {c.decided.clone().map(|when| view! {
                            <p class="meta">{i18n.f(ap::OBJ_DECIDED, &[("when", &when)])}</p>
                        })}
                        {c.decision_reason.clone().map(|r| view! {
                            <p><span class="followup-label">{i18n.t(ap::OBJ_DECISION_REASON)}</span> " " <span class="preline">{r}</span></p>
                        })}
                    </li>
                }
            }).collect_view()}
        </ol>
    }
    .into_any()
}
