//! `/penilaian/:nip/cetak?periode=`: the appraisal sheet of one officer and period on one A4
//! page, for the officer, their supervisor and HR (the print stylesheet drops the site's
//! header, footer and links). The read is audited like the evidence page (REFERENCE §6).

use super::evidence::{RecordPanel, ScorePanel};
use super::rate::{AppraisalSummary, ContestList};
use super::{nip_param, period_param, period_query};
use crate::api::appraisal::{load_officer_evidence, OfficerEvidence, ReaderKind};
use crate::components::notice::ErrorNotice;
use crate::i18n::{appraisal as ap, common as c, use_i18n, I18n};
use crate::pages::guard::{Door, Guard};
use leptos::prelude::*;
use leptos_meta::Title;

/// The printable sheet.
#[component]
pub fn AppraisalSheetPage() -> impl IntoView {
    let i18n = use_i18n();
    let nip = nip_param();
    let period = period_param();
    view! {
        <Title text=i18n.t(ap::SHEET_TITLE)/>
        <Guard allowed=|v| v.is_signed_in() door=Door::Staff>
            {
                // One load per page view: the read is audited (REFERENCE §6).
                let evidence = OnceResource::new(load_officer_evidence(nip.clone(), period.clone()));
                let body = move || {
                    Suspend::new(async move {
                        match evidence.await {
                            Ok(evidence) => view! { <Sheet evidence i18n/> }.into_any(),
                            Err(error) => view! { <h1>{i18n.t(ap::SHEET_TITLE)}</h1><ErrorNotice error/> }.into_any(),
                        }
                    })
                };
                view! { <Suspense>{body}</Suspense> }
            }
        </Guard>
    }
    .into_any()
}

#[component]
fn Sheet(evidence: OfficerEvidence, i18n: I18n) -> impl IntoView {
    let back = match evidence.reader {
        ReaderKind::Own => format!("/akun/kinerja{}", period_query(&evidence.period.name)),
        _ => format!(
            "/petugas/penilaian/{}{}",
            evidence.nip,
            period_query(&evidence.period.name)
        ),
    };
    let supervisor = evidence
        .appraisal
        .as_ref()
        .map(|a| a.supervisor_name.clone())
        .unwrap_or_default();
    view! {
        <article class="appraisal-sheet" data-testid="appraisal-sheet">
            <p class="no-print"><a href=back>{i18n.t(ap::SHEET_BACK)}</a> " · " {i18n.t(ap::SHEET_PRINT_HINT)}</p>
            <header class="sheet-header">
                <p class="sheet-site">{i18n.t(c::SITE_NAME)}</p>
                <h1>{i18n.t(ap::SHEET_TITLE)}</h1>
                <p>{i18n.f(ap::PER_RANGE, &[("period", &evidence.period.name), ("first", &evidence.period.first_day), ("last", &evidence.period.last_day)])}</p>
            </header>
            <dl class="summary-list sheet-who">
                <div><dt>{i18n.t(ap::SHEET_OFFICER)}</dt><dd data-testid="officer-name">{evidence.name.clone()}</dd></div>
                <div><dt>{i18n.t(ap::EV_NIP)}</dt><dd class="mono">{evidence.nip.clone()}</dd></div>
                <div><dt>{i18n.t(ap::EV_UNIT)}</dt><dd>{evidence.unit_name.clone()}</dd></div>
            </dl>
            <ScorePanel score=evidence.score.clone() i18n/>
            <RecordPanel record=evidence.record.clone() i18n/>
            <section class="evidence-block" aria-labelledby="sheet-appraisal">
                <h2 id="sheet-appraisal">{i18n.f(ap::RATE_HEADING, &[("period", &evidence.period.name)])}</h2>
                {match evidence.appraisal.clone() {
                    Some(a) => {
                        let contests = a.contests.clone();
                        view! {
                            <AppraisalSummary appraisal=a i18n/>
                            <h3>{i18n.t(ap::OBJ_HEADING)}</h3>
                            <ContestList contests i18n/>
                        }
                        .into_any()
                    }
                    None => view! { <p data-testid="not-appraised">{i18n.t(ap::RATE_NOT_YET)}</p> }.into_any(),
                }}
            </section>
            <div class="sheet-signatures">
                <div><p>{i18n.t(ap::SHEET_SIGN_OFFICER)}</p><p class="sign-line">{evidence.name.clone()}</p></div>
                <div><p>{i18n.t(ap::SHEET_SIGN_SUPERVISOR)}</p><p class="sign-line">{supervisor}</p></div>
            </div>
        </article>
    }
    .into_any()
}
