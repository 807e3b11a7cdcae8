//! `/petugas/penilaian/:nip`: one officer's evidence for a period and, for their supervisor
//! while the period is open, the rating form. Closed, the saved appraisal is shown read-only
//! with the formula version and parameters it used. HR reads the same page. Anyone else is
//! told the officer does not exist (404).

use super::evidence::EvidenceSections;
use super::rate::{AppraisalSummary, ContestList, PredikatMatrix, RatingForm};
use super::{nip_param, period_param, period_query, PeriodLine, PeriodPicker};
use crate::api::appraisal::{load_officer_evidence, OfficerEvidence, ReaderKind};
use crate::components::form::ErrorSummary;
use crate::components::notice::ErrorNotice;
use crate::i18n::{appraisal as ap, use_i18n, I18n};
use crate::pages::guard::{Door, Guard};
use leptos::prelude::*;
use leptos_meta::Title;

/// The supervisor's (and HR's) page of one officer.
#[component]
pub fn OfficerAppraisalPage() -> impl IntoView {
    let i18n = use_i18n();
    let nip = nip_param();
    let period = period_param();
    let action = format!("/petugas/penilaian/{nip}");
    view! {
        <Title text=i18n.t(ap::SUPV_TITLE)/>
        <Guard allowed=|v| v.is_signed_in() door=Door::Staff>
            {
                // One load per page view: the read is audited (REFERENCE §6).
                let evidence = OnceResource::new(load_officer_evidence(nip.clone(), period.clone()));
                let body = move || {
                    Suspend::new(async move {
                        match evidence.await {
                            Ok(evidence) => view! { <OfficerBody evidence i18n/> }.into_any(),
                            Err(error) => view! { <h1>{i18n.t(ap::SUPV_TITLE)}</h1><ErrorNotice error/> }.into_any(),
                        }
                    })
                };
                view! {
                    <p class="breadcrumb no-print"><a href=format!("/petugas/penilaian{}", period_query(&period))>{i18n.t(ap::SUPV_TITLE)}</a></p>
                    <PeriodPicker action current=period.clone()/>
                    <Suspense>{body}</Suspense>
                }
            }
        </Guard>
    }
    .into_any()
}

#[component]
fn OfficerBody(evidence: OfficerEvidence, i18n: I18n) -> impl IntoView {
    let print = format!(
        "/penilaian/{}/cetak{}",
        evidence.nip,
        period_query(&evidence.period.name)
    );
    let rating = rating_section(&evidence, i18n);
    view! {
        <h1 data-testid="officer-name">{evidence.name.clone()}</h1>
        <p class="caption">
            {i18n.t(ap::EV_NIP)} " " <span class="mono">{evidence.nip.clone()}</span>
            {(!evidence.unit_name.is_empty()).then(|| view! { " · " {evidence.unit_name.clone()} })}
        </p>
        <PeriodLine period=evidence.period.clone() i18n/>
        <ErrorSummary/>
        <EvidenceSections evidence=evidence.clone() i18n/>
        {rating}
        <p class="no-print"><a href=print data-testid="print-link">{i18n.t(ap::SHEET_LINK)}</a></p>
    }
    .into_any()
}

/// The rating: the form (supervisor, open period), or the saved appraisal read-only.
fn rating_section(evidence: &OfficerEvidence, i18n: I18n) -> impl IntoView {
    let period = evidence.period.clone();
    let saved = evidence.appraisal.clone();
    let can_rate = evidence.reader == ReaderKind::Supervisor && period.open && period.id != 0;
    let status = if period.id == 0 {
        Some(i18n.f(ap::RATE_PERIOD_NOT_OPEN, &[("period", &period.name)]))
    } else if !period.open {
        Some(i18n.f(ap::RATE_READ_ONLY, &[("period", &period.name)]))
    } else {
        None
    };
    view! {
        <section id="penilaian" class="evidence-block rating" aria-labelledby="rating-title">
            <h2 id="rating-title">{i18n.f(ap::RATE_HEADING, &[("period", &period.name)])}</h2>
            {status.map(|s| view! { <p class="notice" data-testid="rating-status">{s}</p> })}
            {saved.clone().map(|a| {
                let contests = a.contests.clone();
                let current = Some((a.hasil_kerja, a.perilaku_kerja));
                view! {
                    <h3>{i18n.t(ap::DONE_HEADING)}</h3>
                    <AppraisalSummary appraisal=a i18n/>
                    {(!can_rate).then(|| view! { <PredikatMatrix current i18n/> })}
                    <h3>{i18n.t(ap::OBJ_HEADING)}</h3>
                    <ContestList contests i18n/>
                }
            })}
            {match (can_rate, saved.is_some()) {
                (true, _) => view! {
                    {saved.is_some().then(|| view! { <h3>{i18n.t(ap::RATE_CHANGE_HEADING)}</h3> })}
                    <p>{i18n.t(ap::RATE_LEAD)}</p>
                    <RatingForm nip=evidence.nip.clone() period score=evidence.score.clone() saved i18n/>
                }
                .into_any(),
                (false, false) => view! { <p class="empty" data-testid="not-appraised">{i18n.t(ap::RATE_NOT_YET)}</p> }.into_any(),
                (false, true) => ().into_any(),
            }}
        </section>
    }
    .into_any()
}
