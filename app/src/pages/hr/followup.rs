//! `/hr/tindak-lanjut`: the career follow-up HR reads off a period's appraisals (REFERENCE §5.3):
//! award candidates and the succession pool, training needs, improvement plans, the talent grid
//! and credit points (`talent.rs`), each downloadable as XLSX or CSV.

use super::talent::{CreditSection, TalentSection};
use super::{query_param, Downloads, HrGuard, HrTabs, PeriodForm, PeriodNote, Tab};
use crate::api::hr::{
    load_hr_followup, AwardRow, HrFollowup, ImprovementRow, OfficerRef, TrainingRow,
};
use crate::components::notice::ErrorNotice;
use crate::i18n::{hr as h, use_i18n, I18n};
use crate::pages::appraisal::{num, predikat_class};
use crate::pages::guard::urlencode;
use leptos::prelude::*;
use leptos_meta::Title;

/// `/hr/tindak-lanjut`.
#[component]
pub fn HrFollowupPage() -> impl IntoView {
    let i18n = use_i18n();
    let period = query_param("periode");
    view! {
        <Title text=i18n.t(h::FOLLOWUP_TITLE)/>
        <HrGuard>
            <HrTabs current=Tab::Followup period=period.clone()/>
            <h1>{i18n.t(h::FOLLOWUP_TITLE)}</h1>
            <p class="lead">{i18n.t(h::FOLLOWUP_LEAD)}</p>
            <crate::components::form::ErrorSummary/>
            <FollowupBody/>
        </HrGuard>
    }
    .into_any()
}

#[component]
fn FollowupBody() -> impl IntoView {
    let i18n = use_i18n();
    // One load per page view: the read is audited (REFERENCE §6).
    let data = OnceResource::new(load_hr_followup(query_param("periode")));
    let load = move || {
        Suspend::new(async move {
            match data.await {
                Ok(page) => view! { <Lists page i18n/> }.into_any(),
                Err(error) => view! { <ErrorNotice error/> }.into_any(),
            }
        })
    };
    view! { <Suspense>{load}</Suspense> }
}

#[component]
fn Lists(page: HrFollowup, i18n: I18n) -> impl IntoView {
    let query = format!("periode={}", urlencode(&page.period.name));
    let empty = page.credit.is_empty();
    view! {
        <PeriodNote period=page.period.clone() i18n/>
        <PeriodForm action="/hr/tindak-lanjut" current=page.period.name.clone() periods=page.periods.clone()/>
        {empty.then(|| view! { <p class="notice" data-testid="no-appraisals">{i18n.t(h::NO_APPRAISALS)}</p> })}
        <Awards rows=page.awards.clone() query=query.clone() i18n/>
        <Training rows=page.training.clone() query=query.clone() i18n/>
        <Improvement rows=page.improvement.clone() query=query.clone() i18n/>
        <TalentSection page=page.clone() query=query.clone() i18n/>
        <CreditSection rows=page.credit.clone() query i18n/>
    }
    .into_any()
}

/// A section heading with its count, the lead and the downloads.
#[component]
pub fn ListHead(
    id: &'static str,
    list: &'static str,
    title: &'static str,
    count: usize,
    lead: &'static str,
    query: String,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <h2 id=id>{i18n.f(h::WITH_COUNT, &[("title", &title), ("count", &count)])}</h2>
        <p>{lead}</p>
        <Downloads list query title/>
    }
    .into_any()
}

/// The officer cell: name (linked to their page) and NIP.
#[component]
pub fn OfficerCell(officer: OfficerRef, period: String, i18n: I18n) -> impl IntoView {
    let href = format!("/hr/pegawai/{}?periode={period}", officer.nip);
    view! {
        <td data-label=i18n.t(h::COL_OFFICER)><div>
            <a href=href>{officer.name.clone()}</a>
            <br/><span class="mono small">{officer.nip.clone()}</span>
            " · " <span class="small">{officer.unit_code.clone()}</span>
        </div></td>
    }
    .into_any()
}

fn period_of(query: &str) -> String {
    query
        .strip_prefix("periode=")
        .unwrap_or_default()
        .to_owned()
}

#[component]
fn Awards(rows: Vec<AwardRow>, query: String, i18n: I18n) -> impl IntoView {
    let period = period_of(&query);
    view! {
        <section id="penghargaan" aria-labelledby="penghargaan-title">
            <ListHead id="penghargaan-title" list="penghargaan" title=i18n.t(h::LIST_AWARDS) count=rows.len() lead=i18n.t(h::AWARDS_LEAD) query/>
            {if rows.is_empty() {
                view! { <p class="empty">{i18n.t(h::LIST_EMPTY)}</p> }.into_any()
            } else {
                view! {
                    <div class="table-wrap"><table class="table stack" data-testid="awards">
                        <thead><tr>
                            <th scope="col">{i18n.t(h::COL_OFFICER)}</th>
                            <th scope="col">{i18n.t(h::COL_SUCCESSION)}</th>
                            <th scope="col">{i18n.t(h::COL_HISTORY)}</th>
                        </tr></thead>
                        <tbody>
                            {rows.into_iter().map(|a| view! {
                                <tr data-testid="award-row" data-nip=a.officer.nip.clone()>
                                    <OfficerCell officer=a.officer.clone() period=period.clone() i18n/>
                                    <td data-label=i18n.t(h::COL_SUCCESSION)>
                                        {if a.succession {
                                            view! { <span class="tag tag-ok" data-testid="succession">{i18n.t(h::YES)}</span> }.into_any()
                                        } else {
                                            view! { <span class="muted">{i18n.t(h::NO)}</span> }.into_any()
                                        }}
                                    </td>
                                    <td data-label=i18n.t(h::COL_HISTORY)><div>
                                        {a.history.iter().map(|(name, p)| view! {
                                            <span class="nowrap">{name.clone()} " " <span class=predikat_class(*p)>{h::predikat(i18n, *p)}</span></span> " "
                                        }).collect_view()}
                                    </div></td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table></div>
                }
                .into_any()
            }}
        </section>
    }
    .into_any()
}

#[component]
fn Training(rows: Vec<TrainingRow>, query: String, i18n: I18n) -> impl IntoView {
    let period = period_of(&query);
    let nrr = |v: Option<f64>| v.map(num).unwrap_or_else(|| "—".into());
    view! {
        <section id="pelatihan" aria-labelledby="pelatihan-title">
            <ListHead id="pelatihan-title" list="pelatihan" title=i18n.t(h::LIST_TRAINING) count=rows.len() lead=i18n.t(h::TRAINING_LEAD) query/>
            {if rows.is_empty() {
                view! { <p class="empty">{i18n.t(h::LIST_EMPTY)}</p> }.into_any()
            } else {
                view! {
                    <div class="table-wrap"><table class="table stack" data-testid="training">
                        <thead><tr>
                            <th scope="col">{i18n.t(h::COL_OFFICER)}</th>
                            <th scope="col" class="num">{i18n.t(h::COL_N)}</th>
                            <th scope="col" class="num">{i18n.t(h::COL_U6)}</th>
                            <th scope="col" class="num">{i18n.t(h::COL_U7)}</th>
                            <th scope="col">{i18n.t(h::COL_WEAKEST)}</th>
                            <th scope="col">{i18n.t(h::COL_UNIT_WEAKEST)}</th>
                            <th scope="col">{i18n.t(h::COL_PERILAKU)}</th>
                        </tr></thead>
                        <tbody>
                            {rows.into_iter().map(|t| view! {
                                <tr data-testid="training-row" data-nip=t.officer.nip.clone()>
                                    <OfficerCell officer=t.officer.clone() period=period.clone() i18n/>
                                    <td class="num" data-label=i18n.t(h::COL_N)>{t.n}</td>
                                    <td class="num" data-label=i18n.t(h::COL_U6)>{nrr(t.u6)}</td>
                                    <td class="num" data-label=i18n.t(h::COL_U7)>{nrr(t.u7)}</td>
                                    <td data-label=i18n.t(h::COL_WEAKEST)><div>
                                        <span class="code-chip">{t.weakest.code()}</span> " " {h::unsur(i18n, t.weakest)} " (" {num(t.weakest_nrr)} ")"
                                        {t.priority.then(|| view! { " " <span class="tag tag-error">{i18n.t(h::PRIORITY)}</span> })}
                                    </div></td>
                                    <td data-label=i18n.t(h::COL_UNIT_WEAKEST)><div>
                                        {t.unit_weakest.map(|(u, v)| view! { <span class="code-chip">{u.code()}</span> " " {h::unsur(i18n, u)} " (" {num(v)} ")" })}
                                    </div></td>
                                    <td data-label=i18n.t(h::COL_PERILAKU)>
                                        {t.perilaku_kerja.map_or_else(|| i18n.t(h::NOT_APPRAISED), |e| h::expectation(i18n, e))}
                                    </td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table></div>
                }
                .into_any()
            }}
        </section>
    }
    .into_any()
}

#[component]
fn Improvement(rows: Vec<ImprovementRow>, query: String, i18n: I18n) -> impl IntoView {
    let period = period_of(&query);
    view! {
        <section id="perbaikan" aria-labelledby="perbaikan-title">
            <ListHead id="perbaikan-title" list="perbaikan" title=i18n.t(h::LIST_IMPROVEMENT) count=rows.len() lead=i18n.t(h::IMPROVEMENT_LEAD) query/>
            {if rows.is_empty() {
                view! { <p class="empty">{i18n.t(h::LIST_EMPTY)}</p> }.into_any()
            } else {
                view! {
                    <div class="table-wrap"><table class="table stack" data-testid="improvement">
                        <thead><tr>
                            <th scope="col">{i18n.t(h::COL_OFFICER)}</th>
                            <th scope="col">{i18n.t(h::COL_PREDIKAT)}</th>
                            <th scope="col">{i18n.t(h::COL_HASIL)}</th>
                            <th scope="col">{i18n.t(h::COL_PERILAKU)}</th>
                            <th scope="col">{i18n.t(h::COL_DUE)}</th>
                        </tr></thead>
                        <tbody>
                            {rows.into_iter().map(|r| view! {
                                <tr data-testid="improvement-row" data-nip=r.officer.nip.clone()>
                                    <OfficerCell officer=r.officer.clone() period=period.clone() i18n/>
                                    <td data-label=i18n.t(h::COL_PREDIKAT)><span class=predikat_class(r.predikat)>{h::predikat(i18n, r.predikat)}</span></td>
                                    <td data-label=i18n.t(h::COL_HASIL)>{h::expectation(i18n, r.hasil_kerja)}</td>
                                    <td data-label=i18n.t(h::COL_PERILAKU)>{h::expectation(i18n, r.perilaku_kerja)}</td>
                                    <td class="nowrap" data-label=i18n.t(h::COL_DUE) data-testid="due">{r.due.clone()}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table></div>
                }
                .into_any()
            }}
        </section>
    }
    .into_any()
}
