//! `/akun/kinerja`: the signed-in officer's own page (REFERENCE §5.2): their score and its
//! evidence (aggregated, never who answered), their supervisor's appraisal, its contests, and
//! the form contesting it (one undecided contest at a time; also after the period closed).

use super::evidence::EvidenceSections;
use super::rate::{AppraisalSummary, ContestList, PredikatMatrix};
use super::{period_param, period_query, PeriodLine, PeriodPicker};
use crate::api::appraisal::{
    my_performance, AppraisalView, OfficerEvidence, MIN_CONTEST_REASON_CHARS,
};
use crate::components::form::{field_id, ErrorSummary};
use crate::components::notice::ErrorNotice;
use crate::forms::use_form;
use crate::i18n::{appraisal as ap, use_i18n, I18n};
use crate::pages::guard::{Door, Guard};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

/// The officer's own page.
#[component]
pub fn MyPerformancePage() -> impl IntoView {
    let i18n = use_i18n();
    let period = period_param();
    let filed = use_query_map().get_untracked().get("ok").as_deref() == Some("keberatan");
    view! {
        <Title text=i18n.t(ap::MINE_TITLE)/>
        <Guard allowed=|v| v.is_staff() door=Door::Staff>
            {
                // One load per page view (see `pages::apply::with_application`).
                let evidence = OnceResource::new(my_performance(period.clone()));
                let body = move || {
                    Suspend::new(async move {
                        match evidence.await {
                            Ok(evidence) => view! { <MineBody evidence i18n/> }.into_any(),
                            Err(error) => view! { <ErrorNotice error/> }.into_any(),
                        }
                    })
                };
                view! {
                    <p class="breadcrumb no-print"><a href="/akun">{i18n.t(crate::i18n::auth::ACCOUNT_TITLE)}</a></p>
                    <h1>{i18n.t(ap::MINE_TITLE)}</h1>
                    {filed.then(|| view! { <div class="notice notice-ok" role="status" data-testid="flash"><p>{i18n.t(ap::OBJ_FILED_OK)}</p></div> })}
                    <p class="lead">{i18n.t(ap::MINE_LEAD)}</p>
                    <PeriodPicker action="/akun/kinerja".to_owned() current=period.clone()/>
                    <Suspense>{body}</Suspense>
                }
            }
        </Guard>
    }
    .into_any()
}

#[component]
fn MineBody(evidence: OfficerEvidence, i18n: I18n) -> impl IntoView {
    let print = format!(
        "/penilaian/{}/cetak{}",
        evidence.nip,
        period_query(&evidence.period.name)
    );
    let period = evidence.period.clone();
    let appraisal = evidence.appraisal.clone();
    view! {
        <PeriodLine period=period.clone() i18n/>
        <ErrorSummary/>
        <EvidenceSections evidence i18n/>
        <section id="penilaian" class="evidence-block rating" aria-labelledby="mine-appraisal">
            <h2 id="mine-appraisal">{i18n.f(ap::RATE_HEADING, &[("period", &period.name)])}</h2>
            {match appraisal {
                Some(a) => view! { <Appraised appraisal=a period=period.name.clone() i18n/> }.into_any(),
                None => view! { <p class="empty" data-testid="not-appraised">{i18n.t(ap::RATE_NOT_YET)}</p> }.into_any(),
            }}
        </section>
        <p class="no-print"><a href=print data-testid="print-link">{i18n.t(ap::SHEET_LINK)}</a></p>
    }
    .into_any()
}

/// The saved appraisal, its contests and the contest form.
#[component]
fn Appraised(appraisal: AppraisalView, period: String, i18n: I18n) -> impl IntoView {
    let pending = appraisal.contests.iter().any(|c| c.decision.is_none());
    let current = Some((appraisal.hasil_kerja, appraisal.perilaku_kerja));
    let contests = appraisal.contests.clone();
    let id = appraisal.id;
    view! {
        <AppraisalSummary appraisal i18n/>
        <PredikatMatrix current i18n/>
        <section id="keberatan" class="contests" aria-labelledby="keberatan-title">
            <h3 id="keberatan-title">{i18n.t(ap::OBJ_HEADING)}</h3>
            <p>{i18n.t(ap::OBJ_LEAD)}</p>
            <ContestList contests i18n/>
            {if pending {
                view! { <p class="notice" data-testid="contest-waiting">{i18n.t(ap::OBJ_WAITING)}</p> }.into_any()
            } else {
                view! { <ContestForm appraisal_id=id period i18n/> }.into_any()
            }}
        </section>
    }
    .into_any()
}

/// The contest form.
#[component]
fn ContestForm(appraisal_id: i64, period: String, i18n: I18n) -> impl IntoView {
    let form = use_form();
    let error = form.error("reason");
    let class = if error.is_some() {
        "field field-error"
    } else {
        "field"
    };
    let described = if error.is_some() {
        "f-reason-hint f-reason-error"
    } else {
        "f-reason-hint"
    };
    view! {
        <form method="post" action="/akun/kinerja/keberatan" class="contest-form no-print" novalidate data-testid="contest-form">
            <input type="hidden" name="appraisal_id" value=appraisal_id.to_string()/>
            <input type="hidden" name="period" value=period/>
            <div class=class>
                <label for=field_id("reason")>{i18n.t(ap::OBJ_REASON_LABEL)}</label>
                <p class="hint" id="f-reason-hint">{i18n.f(ap::OBJ_REASON_HINT, &[("min", &MIN_CONTEST_REASON_CHARS)])}</p>
                {error.clone().map(|e| view! { <p class="error-message" id="f-reason-error">{e}</p> })}
                <textarea id=field_id("reason") name="reason" rows="5" aria-describedby=described
                    aria-invalid=error.map(|_| "true")>{form.value("reason")}</textarea>
            </div>
            <button type="submit" class="button">{i18n.t(ap::OBJ_SUBMIT)}</button>
        </form>
    }
    .into_any()
}
