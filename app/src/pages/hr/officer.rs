//! `/hr/pegawai/:nip?periode=`: one officer as HR reads them (REFERENCE §4, §5.2): the evidence
//! of the period (score with n and interval, trend, U6/U7 answers, service record, comments),
//! the appraisal of every period, and every contest with HR's ruling form (uphold or change the
//! two ratings, with a reason of at least 20 characters). The ruling is a plain POST to
//! `/hr/keberatan/:id`; a refused ruling shows this page again with what was typed.

use super::{period_query, query_param, HrGuard, PeriodForm, PeriodNote};
use crate::api::hr::{load_hr_officer, HistoryRow, HrContest, HrOfficer, MIN_RULING_REASON_CHARS};
use crate::components::form::{field_id, ErrorSummary};
use crate::components::notice::ErrorNotice;
use crate::domain::officer_score::Expectation;
use crate::forms::{use_form, FormState};
use crate::i18n::{hr as h, use_i18n, I18n};
use crate::pages::appraisal::evidence::EvidenceSections;
use crate::pages::appraisal::{mean_with_interval, num, predikat_class};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

/// `/hr/pegawai/:nip`.
#[component]
pub fn HrOfficerPage() -> impl IntoView {
    let i18n = use_i18n();
    let period = query_param("periode");
    view! {
        <Title text=i18n.t(h::NAV_HR)/>
        <HrGuard>
            <p class="breadcrumb"><a href=format!("/hr{}", period_query(&period))>{i18n.t(h::BACK_TO_RANKING)}</a></p>
            <ErrorSummary/>
            <OfficerBody/>
        </HrGuard>
    }
    .into_any()
}

#[component]
fn OfficerBody() -> impl IntoView {
    let i18n = use_i18n();
    let nip = use_params_map()
        .get_untracked()
        .get("nip")
        .unwrap_or_default();
    // One load per page view: the read is audited (REFERENCE §6).
    let data = OnceResource::new(load_hr_officer(nip, query_param("periode")));
    let load = move || {
        Suspend::new(async move {
            match data.await {
                Ok(officer) => view! { <Officer officer i18n/> }.into_any(),
                Err(error) => view! { <ErrorNotice error/> }.into_any(),
            }
        })
    };
    view! { <Suspense>{load}</Suspense> }
}

#[component]
fn Officer(officer: HrOfficer, i18n: I18n) -> impl IntoView {
    let e = officer.evidence.clone();
    let action = format!("/hr/pegawai/{}", e.nip);
    let periods = officer
        .history
        .iter()
        .map(|r| r.period.clone())
        .collect::<Vec<_>>();
    let sheet = e
        .appraisal
        .is_some()
        .then(|| format!("/penilaian/{}/cetak?periode={}", e.nip, e.period.name));
    view! {
        <h1 data-testid="officer-name">{e.name.clone()}</h1>
        <p class="lead">{i18n.f(h::OFFICER_LEAD, &[("nip", &e.nip), ("unit", &e.unit_name)])}</p>
        <PeriodNote period=e.period.clone() i18n/>
        <PeriodForm action current=e.period.name.clone() periods/>
        {sheet.map(|href| view! { <p><a href=href data-testid="print-sheet">{i18n.t(h::PRINT_SHEET)}</a></p> })}
        <EvidenceSections evidence=e.clone() i18n/>
        <History rows=officer.history.clone() nip=e.nip.clone() current=e.period.name.clone() i18n/>
        <Contests contests=officer.contests.clone() i18n/>
    }
    .into_any()
}

/// The appraisal of every stored period.
#[component]
fn History(rows: Vec<HistoryRow>, nip: String, current: String, i18n: I18n) -> impl IntoView {
    let body = if rows.is_empty() {
        view! { <p class="empty">{i18n.t(h::HISTORY_EMPTY)}</p> }.into_any()
    } else {
        view! {
            <div class="table-wrap">
                <table class="table stack" data-testid="history">
                    <thead><tr>
                        <th scope="col">{i18n.t(h::COL_PERIOD)}</th>
                        <th scope="col">{i18n.t(h::COL_PREDIKAT)}</th>
                        <th scope="col">{i18n.t(h::COL_HASIL)}</th>
                        <th scope="col">{i18n.t(h::COL_PERILAKU)}</th>
                        <th scope="col">{i18n.t(h::COL_SUPERVISOR)}</th>
                        <th scope="col">{i18n.t(h::COL_SCORE_THEN)}</th>
                    </tr></thead>
                    <tbody>
                        {rows.into_iter().map(|r| {
                            let href = format!("/hr/pegawai/{nip}?periode={}", r.period.name);
                            let here = r.period.name == current;
                            let state = if r.period.open { h::STATE_OPEN } else { h::STATE_CLOSED };
                            let cells = match r.appraisal {
                                Some(a) => view! {
                                    <td data-label=i18n.t(h::COL_PREDIKAT)><span class=predikat_class(a.predikat)>{h::predikat(i18n, a.predikat)}</span></td>
                                    <td data-label=i18n.t(h::COL_HASIL)>{h::expectation(i18n, a.hasil_kerja)}</td>
                                    <td data-label=i18n.t(h::COL_PERILAKU)>{h::expectation(i18n, a.perilaku_kerja)}</td>
                                    <td data-label=i18n.t(h::COL_SUPERVISOR)>{a.supervisor_name.clone()}</td>
                                    <td data-label=i18n.t(h::COL_SCORE_THEN)>
                                        {match (a.score_then.shrunk, mean_with_interval(&a.score_then)) {
                                            (Some(s), Some(m)) => format!("{} · n = {} · {}", num(s), a.score_then.n, m),
                                            _ => i18n.t(h::INSUFFICIENT).to_owned(),
                                        }}
                                    </td>
                                }
                                .into_any(),
                                None => view! {
                                    <td colspan="5" class="muted" data-label=i18n.t(h::COL_PREDIKAT)>{i18n.t(h::NOT_APPRAISED)}</td>
                                }
                                .into_any(),
                            };
                            view! {
                                <tr class:current=here>
                                    <th scope="row">
                                        <a href=href aria-current=here.then_some("true")>{r.period.name.clone()}</a>
                                        " " <span class="tag tag-grey small">{i18n.t(state)}</span>
                                    </th>
                                    {cells}
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        }
        .into_any()
    };
    view! {
        <section class="evidence-block" aria-labelledby="riwayat">
            <h2 id="riwayat">{i18n.t(h::HISTORY_HEADING)}</h2>
            {body}
        </section>
    }
    .into_any()
}

/// Every contest, the undecided ones with the ruling form.
#[component]
fn Contests(contests: Vec<HrContest>, i18n: I18n) -> impl IntoView {
    view! {
        <section class="evidence-block" id="keberatan" aria-labelledby="keberatan-title">
            <h2 id="keberatan-title">{i18n.t(h::CONTESTS_HEADING)}</h2>
            {if contests.is_empty() {
                view! { <p class="empty">{i18n.t(h::CONTESTS_EMPTY)}</p> }.into_any()
            } else {
                contests.into_iter().map(|c| view! { <Contest contest=c i18n/> }).collect_view().into_any()
            }}
        </section>
    }
    .into_any()
}

/// What was typed into contest `id`'s form after a refusal, else `initial`.
fn kept(form: &FormState, key: &str, initial: &str) -> String {
    form.values
        .iter()
        .find(|(k, _)| k == key)
        .map_or_else(|| initial.to_owned(), |(_, v)| v.clone())
}

#[component]
fn Contest(contest: HrContest, i18n: I18n) -> impl IntoView {
    let c = contest;
    let current = i18n.f(
        h::CONTEST_CURRENT,
        &[
            ("hasil", &h::expectation(i18n, c.hasil_kerja)),
            ("perilaku", &h::expectation(i18n, c.perilaku_kerja)),
            ("predikat", &h::predikat(i18n, c.predikat)),
        ],
    );
    let outcome = c.decision.clone().map(|decision| {
        let what = match (decision.as_str(), c.new_hasil_kerja, c.new_perilaku_kerja) {
            ("changed", Some(hasil), Some(perilaku)) => i18n.f(
                h::DECIDED_CHANGED,
                &[("hasil", &h::expectation(i18n, hasil)), ("perilaku", &h::expectation(i18n, perilaku))],
            ),
            _ => i18n.t(h::DECIDED_UPHELD).to_owned(),
        };
        let by = i18n.f(
            h::DECIDED_BY,
            &[("when", &c.decided.clone().unwrap_or_default()), ("who", &c.decided_by.clone().unwrap_or_default())],
        );
        view! {
            <div class="panel-message" data-testid="ruling">
                <p><strong data-testid="ruling-decision" data-code=decision.clone()>{what}</strong></p>
                <blockquote class="preline">{c.decision_reason.clone().unwrap_or_default()}</blockquote>
                <p class="meta">{by}</p>
            </div>
        }
    });
    view! {
        <article class="followup-item" id=format!("keberatan-{}", c.id) data-testid="contest">
            <p class="meta">{i18n.f(h::CONTEST_FILED, &[("period", &c.period), ("when", &c.filed)])}</p>
            <p class="followup-label">{i18n.t(h::CONTEST_REASON)}</p>
            <blockquote class="preline">{c.reason.clone()}</blockquote>
            <p>{current}</p>
            {match outcome {
                Some(done) => done.into_any(),
                None => view! { <RulingForm id=c.id i18n/> }.into_any(),
            }}
        </article>
    }
    .into_any()
}

/// HR's ruling on contest `id`.
#[component]
fn RulingForm(id: i64, i18n: I18n) -> impl IntoView {
    let form = use_form();
    let key = |f: &str| format!("{f}_{id}");
    let decision = kept(&form, &key("decision"), "");
    let hasil = kept(&form, &key("hasil"), "");
    let perilaku = kept(&form, &key("perilaku"), "");
    let reason = kept(&form, &key("reason"), "");
    let group = |name: &str| {
        if form.error(&key(name)).is_some() {
            "field field-error"
        } else {
            "field"
        }
    };
    let error = |name: &str| {
        form.error(&key(name))
            .map(|e| view! { <p class="error-message">{e}</p> })
    };
    let rating = |name: &'static str, field: &'static str, label: &'static str, chosen: String| {
        let id_attr = field_id(&key(name));
        view! {
            <div class=group(name)>
                <label for=id_attr.clone()>{label}</label>
                {error(name)}
                <select id=id_attr name=field>
                    <option value="" selected=chosen.is_empty()>{i18n.t(h::RULING_CHOOSE)}</option>
                    {[Expectation::DiAtas, Expectation::Sesuai, Expectation::DiBawah].into_iter().map(|e| {
                        let selected = e.code() == chosen;
                        view! { <option value=e.code() selected=selected>{h::expectation(i18n, e)}</option> }
                    }).collect_view()}
                </select>
            </div>
        }
    };
    let decision_id = field_id(&key("decision"));
    let reason_id = field_id(&key("reason"));
    let hint_id = format!("{reason_id}-hint");
    view! {
        <form method="post" action=format!("/hr/keberatan/{id}") class="followup-close" novalidate data-testid="ruling-form">
            <fieldset class=if form.error(&key("decision")).is_some() { "fieldset field-error" } else { "fieldset" }>
                <legend>{i18n.t(h::RULING_LEGEND)}</legend>
                {error("decision")}
                <div class="radio">
                    <input type="radio" id=decision_id.clone() name="decision" value="upheld" checked=decision == "upheld"/>
                    <label for=decision_id.clone()>{i18n.t(h::RULING_UPHOLD)}</label>
                </div>
                <div class="radio">
                    <input type="radio" id=format!("{decision_id}-changed") name="decision" value="changed" checked=decision == "changed"/>
                    <label for=format!("{decision_id}-changed")>{i18n.t(h::RULING_CHANGE)}</label>
                </div>
            </fieldset>
            <p class="hint">{i18n.t(h::RULING_CHANGE_HINT)}</p>
            {rating("hasil", "hasil_kerja", i18n.t(h::RULING_HASIL), hasil)}
            {rating("perilaku", "perilaku_kerja", i18n.t(h::RULING_PERILAKU), perilaku)}
            <div class=group("reason")>
                <label for=reason_id.clone()>{i18n.t(h::RULING_REASON)}</label>
                <p class="hint" id=hint_id.clone()>{i18n.f(h::RULING_REASON_HINT, &[("min", &MIN_RULING_REASON_CHARS)])}</p>
                {error("reason")}
                <textarea id=reason_id name="reason" rows="3" aria-describedby=hint_id>{reason}</textarea>
            </div>
            <button type="submit" class="button">{i18n.t(h::RULING_SUBMIT)}</button>
        </form>
    }
    .into_any()
}
