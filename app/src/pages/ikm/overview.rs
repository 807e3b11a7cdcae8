//! The all-units overview (`/ikm`) and the short explanation of IKM and mutu shared by both
//! pages (REFERENCE §3.2–§3.3).

use super::period::{period_label, PeriodPicker};
use super::{fixed2, kinerja, MutuBadge};
use crate::api::survey::UnitSummary;
use crate::domain::skm::Mutu;
use crate::i18n::{ikm as ik, I18n, Lang};
use leptos::prelude::*;

/// Every unit's line for one period.
#[component]
pub fn Overview(period: String, units: Vec<UnitSummary>, i18n: I18n) -> impl IntoView {
    let label = period_label(i18n, &period);
    let table = if units.is_empty() {
        view! { <p class="empty">{i18n.t(ik::UNITS_EMPTY)}</p> }.into_any()
    } else {
        let query = format!("?{}={period}", super::PERIOD_PARAM);
        view! {
            <div class="table-wrap">
                <table class="table stack ikm-units" data-testid="ikm-units">
                    <caption class="visually-hidden">{i18n.f(ik::UNITS_CAPTION, &[("period", &label)])}</caption>
                    <thead><tr>
                        <th scope="col">{i18n.t(ik::COL_UNIT)}</th>
                        <th scope="col" class="num">{i18n.t(ik::COL_KONVERSI)}</th>
                        <th scope="col">{i18n.t(ik::COL_MUTU)}</th>
                        <th scope="col" class="num">{i18n.t(ik::COL_RESPONDENTS)}</th>
                    </tr></thead>
                    <tbody>
                        {units.into_iter().map(|u| view! { <UnitLine unit=u query=query.clone() i18n/> }).collect_view()}
                    </tbody>
                </table>
            </div>
        }
        .into_any()
    };
    view! {
        <h1>{i18n.t(ik::OVERVIEW_TITLE)}</h1>
        <p class="lead">{i18n.f(ik::OVERVIEW_LEAD, &[("period", &label)])}</p>
        <PeriodPicker action="/ikm".to_owned() selected=period.clone() i18n/>
        {table}
        <IkmExplainer i18n/>
    }
}

#[component]
fn UnitLine(unit: UnitSummary, query: String, i18n: I18n) -> impl IntoView {
    let href = format!("/ikm/{}{query}", unit.unit_code);
    let figures = match unit.konversi.zip(unit.mutu) {
        Some((konversi, letter)) => view! {
            <td class="num" data-label=i18n.t(ik::COL_KONVERSI)><span class="ikm-value">{fixed2(konversi)}</span></td>
            <td data-label=i18n.t(ik::COL_MUTU)><span><MutuBadge letter/> " " {kinerja(i18n, letter)}</span></td>
        }
        .into_any(),
        // One cell for both columns: "no answers" once, not twice.
        None => view! {
            <td colspan="2" class="no-answers" data-label=i18n.t(ik::COL_KONVERSI)>
                <span class="muted">{i18n.t(ik::NO_ANSWERS)}</span>
            </td>
        }
        .into_any(),
    };
    view! {
        <tr data-unit=unit.unit_code.clone()>
            <td data-label=i18n.t(ik::COL_UNIT)><a href=href>{unit.unit_name}</a></td>
            {figures}
            <td class="num" data-label=i18n.t(ik::COL_RESPONDENTS)><span>{unit.n}</span></td>
        </tr>
    }
}

/// What IKM and mutu mean, with the class boundaries taken from the domain (never restated).
#[component]
pub fn IkmExplainer(i18n: I18n) -> impl IntoView {
    let mut upper_e2 = 10_000;
    let rows = Mutu::ALL
        .into_iter()
        .map(|m| {
            let range = format!(
                "{} – {}",
                fixed2(f64::from(m.min_konversi_e2()) / 100.0),
                fixed2(f64::from(upper_e2) / 100.0)
            );
            upper_e2 = m.min_konversi_e2() - 1;
            let label = if i18n.lang == Lang::En {
                m.kinerja_en()
            } else {
                m.kinerja_id()
            };
            view! {
                <tr>
                    <td><MutuBadge letter=m.letter()/></td>
                    <td class="num nowrap">{range}</td>
                    <td>{label}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <section class="ikm-about" aria-labelledby="ikm-about-title">
            <h2 id="ikm-about-title">{i18n.t(ik::ABOUT_TITLE)}</h2>
            <p>{i18n.t(ik::ABOUT_BODY)}</p>
            <p>{i18n.t(ik::ABOUT_MUTU)}</p>
            <div class="table-wrap">
                <table class="table ikm-classes">
                    <caption class="visually-hidden">{i18n.t(ik::CLASSES_CAPTION)}</caption>
                    <thead><tr>
                        <th scope="col">{i18n.t(ik::COL_GRADE)}</th>
                        <th scope="col" class="num">{i18n.t(ik::COL_KONVERSI)}</th>
                        <th scope="col">{i18n.t(ik::COL_KINERJA)}</th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </section>
    }
}
