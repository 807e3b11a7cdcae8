//! The talent grid and credit points of the follow-up page (REFERENCE §5.3): the nine boxes with
//! their counts (performance from the predikat, potential entered by HR in a plain form per
//! officer; boxes 7–9 the promotion pool), and each appraised officer's share of the annual
//! credit-point coefficient.

use super::followup::{ListHead, OfficerCell};
use crate::api::hr::{CreditRow, HrFollowup, TalentRow};
use crate::components::form::field_id;
use crate::domain::appraisal::{nine_box, PerformanceLevel, Potential};
use crate::forms::use_form;
use crate::i18n::{hr as h, I18n};
use crate::pages::appraisal::predikat_class;
use leptos::prelude::*;

/// The grid, then the officers with their potential forms.
#[component]
pub fn TalentSection(page: HrFollowup, query: String, i18n: I18n) -> impl IntoView {
    let period = page.period.name.clone();
    let stored = page.period.id != 0;
    let rows = page.talent.clone();
    let count = |perf: PerformanceLevel, pot: Potential| {
        rows.iter()
            .filter(|t| t.performance == perf && t.potential == Some(pot))
            .count()
    };
    let levels = [
        PerformanceLevel::High,
        PerformanceLevel::Medium,
        PerformanceLevel::Low,
    ];
    let grid = view! {
        <table class="table compact nine-box" data-testid="nine-box">
            <caption>{i18n.t(h::GRID_CAPTION)}</caption>
            <thead><tr>
                <td></td>
                {Potential::ALL.into_iter().map(|p| view! { <th scope="col">{i18n.t(h::COL_POTENTIAL)} " " {h::potential(i18n, p)}</th> }).collect_view()}
            </tr></thead>
            <tbody>
                {levels.into_iter().map(|perf| view! {
                    <tr>
                        <th scope="row">{h::performance(i18n, perf)}</th>
                        {Potential::ALL.into_iter().map(|pot| {
                            let b = nine_box(perf, pot);
                            view! {
                                <td class:pool=b.is_promotion_pool() data-box=b.number()>
                                    <span class="small muted">{i18n.t(h::COL_BOX)} " " {b.number()}</span>
                                    <br/><strong>{count(perf, pot)}</strong>
                                </td>
                            }
                        }).collect_view()}
                    </tr>
                }).collect_view()}
            </tbody>
        </table>
    };
    view! {
        <section id="talenta" aria-labelledby="talenta-title">
            <ListHead id="talenta-title" list="talenta" title=i18n.t(h::LIST_TALENT) count=page.talent.len() lead=i18n.t(h::TALENT_LEAD) query/>
            {grid}
            {if page.talent.is_empty() {
                view! { <p class="empty">{i18n.t(h::LIST_EMPTY)}</p> }.into_any()
            } else {
                view! {
                    <div class="table-wrap"><table class="table stack" data-testid="talent">
                        <thead><tr>
                            <th scope="col">{i18n.t(h::COL_OFFICER)}</th>
                            <th scope="col">{i18n.t(h::COL_PREDIKAT)}</th>
                            <th scope="col">{i18n.t(h::COL_BOX)}</th>
                            <th scope="col">{i18n.t(h::COL_POTENTIAL)}</th>
                        </tr></thead>
                        <tbody>
                            {page.talent.into_iter().map(|t| view! { <TalentLine row=t period=period.clone() stored i18n/> }).collect_view()}
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
fn TalentLine(row: TalentRow, period: String, stored: bool, i18n: I18n) -> impl IntoView {
    let form = use_form();
    let key = format!("potential_{}", row.officer.nip);
    let error = form.error(&key);
    let chosen = if form.values.iter().any(|(k, _)| *k == key) {
        form.value(&key)
    } else {
        row.potential
            .map(|p| p.code().to_owned())
            .unwrap_or_default()
    };
    let label = i18n.f(h::POTENTIAL_OF, &[("name", &row.officer.name)]);
    view! {
        <tr data-testid="talent-row" data-nip=row.officer.nip.clone()>
            <OfficerCell officer=row.officer.clone() period=period.clone() i18n/>
            <td data-label=i18n.t(h::COL_PREDIKAT)><span class=predikat_class(row.predikat)>{h::predikat(i18n, row.predikat)}</span></td>
            <td data-label=i18n.t(h::COL_BOX) data-testid="box"><div>
                {match row.nine_box {
                    Some(b) => view! {
                        <strong>{b.number()}</strong>
                        {b.is_promotion_pool().then(|| view! { " " <span class="tag tag-ok">{i18n.t(h::COL_POOL)}</span> })}
                    }
                    .into_any(),
                    None => view! { <span class="muted">{i18n.t(h::POTENTIAL_NONE)}</span> }.into_any(),
                }}
            </div></td>
            <td data-label=i18n.t(h::COL_POTENTIAL)>
                {stored.then(|| view! {
                    <form method="post" action="/hr/tindak-lanjut/potensi" class="inline" novalidate>
                        <input type="hidden" name="period" value=period.clone()/>
                        <input type="hidden" name="nip" value=row.officer.nip.clone()/>
                        <div class=if error.is_some() { "field field-error" } else { "field" }>
                            <label class="visually-hidden" for=field_id(&key)>{label.clone()}</label>
                            {error.clone().map(|e| view! { <p class="error-message">{e}</p> })}
                            <select id=field_id(&key) name="potential">
                                <option value="" selected=chosen.is_empty()>{i18n.t(h::POTENTIAL_NONE)}</option>
                                {Potential::ALL.into_iter().map(|p| {
                                    let selected = p.code() == chosen;
                                    view! { <option value=p.code() selected=selected>{h::potential(i18n, p)}</option> }
                                }).collect_view()}
                            </select>
                        </div>
                        <button type="submit" class="button secondary small">
                            {i18n.t(h::POTENTIAL_SUBMIT)} <span class="visually-hidden">" " {row.officer.name.clone()}</span>
                        </button>
                    </form>
                })}
            </td>
        </tr>
    }
    .into_any()
}

/// Credit points: the predikat's share of the annual coefficient.
#[component]
pub fn CreditSection(rows: Vec<CreditRow>, query: String, i18n: I18n) -> impl IntoView {
    let period = query
        .strip_prefix("periode=")
        .unwrap_or_default()
        .to_owned();
    view! {
        <section id="angka-kredit" aria-labelledby="angka-kredit-title">
            <ListHead id="angka-kredit-title" list="angka-kredit" title=i18n.t(h::LIST_CREDIT) count=rows.len() lead=i18n.t(h::CREDIT_LEAD) query/>
            {if rows.is_empty() {
                view! { <p class="empty">{i18n.t(h::LIST_EMPTY)}</p> }.into_any()
            } else {
                view! {
                    <div class="table-wrap"><table class="table stack" data-testid="credit">
                        <thead><tr>
                            <th scope="col">{i18n.t(h::COL_OFFICER)}</th>
                            <th scope="col">{i18n.t(h::COL_PREDIKAT)}</th>
                            <th scope="col" class="num">{i18n.t(h::COL_PERCENT)}</th>
                        </tr></thead>
                        <tbody>
                            {rows.into_iter().map(|c| view! {
                                <tr data-testid="credit-row" data-nip=c.officer.nip.clone()>
                                    <OfficerCell officer=c.officer.clone() period=period.clone() i18n/>
                                    <td data-label=i18n.t(h::COL_PREDIKAT)><span class=predikat_class(c.predikat)>{h::predikat(i18n, c.predikat)}</span></td>
                                    <td class="num" data-label=i18n.t(h::COL_PERCENT) data-testid="percent">{format!("{}%", c.percent)}</td>
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
