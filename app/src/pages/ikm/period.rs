//! Choosing the period of a published index: a plain GET form with the current year and the
//! two before it, each as a year, its semesters and its quarters (REFERENCE §3.4: yearly at
//! least, or per semester or quarter).

use super::PERIOD_PARAM;
use crate::domain::period::{Period, PeriodKind};
use crate::i18n::{ikm as ik, I18n, Lang};
use leptos::prelude::*;

/// How many years the form offers (the current one included).
const YEARS_OFFERED: i32 = 3;

/// A period's name for people: "Semester II 2026", "Quarter 1, 2026".
pub fn period_label(i18n: I18n, name: &str) -> String {
    let Ok(period) = Period::parse(name) else {
        return name.to_owned();
    };
    let year = period.calendar_year();
    let n = numeral(i18n, period.index());
    match period.kind() {
        PeriodKind::Year => i18n.f(ik::PERIOD_YEAR, &[("year", &year)]),
        PeriodKind::Semester => i18n.f(ik::PERIOD_SEMESTER, &[("n", &n), ("year", &year)]),
        PeriodKind::Quarter => i18n.f(ik::PERIOD_QUARTER, &[("n", &n), ("year", &year)]),
    }
}

/// Indonesian names periods with Roman numerals (Semester II, Triwulan IV).
fn numeral(i18n: I18n, index: u8) -> String {
    match (i18n.lang, index) {
        (Lang::Id, 1) => "I".to_owned(),
        (Lang::Id, 2) => "II".to_owned(),
        (Lang::Id, 3) => "III".to_owned(),
        (Lang::Id, 4) => "IV".to_owned(),
        (_, n) => n.to_string(),
    }
}

/// The period names of one year, in calendar order: the year, its semesters, its quarters.
fn names_of_year(year: i32) -> Vec<String> {
    let mut names = vec![format!("{year:04}")];
    names.extend((1..=2).map(|s| format!("{year:04}-S{s}")));
    names.extend((1..=4).map(|q| format!("{year:04}-Q{q}")));
    names
}

/// The current year in the instance's time zone; `fallback` where no server state exists.
fn current_year(fallback: i32) -> i32 {
    #[cfg(feature = "ssr")]
    if let Ok(state) = crate::server::state::use_state() {
        return crate::server::applications::today(&state).year();
    }
    fallback
}

/// The period form, submitting `?periode=` to `action`, with `selected` (a canonical period
/// name) chosen.
#[component]
pub fn PeriodPicker(action: String, selected: String, i18n: I18n) -> impl IntoView {
    let selected_year = Period::parse(&selected).map_or(2026, |p| p.calendar_year());
    let this_year = current_year(selected_year);
    let years: Vec<i32> = (0..YEARS_OFFERED).map(|back| this_year - back).collect();
    // A period typed into the address outside the offered years stays selectable.
    let extra = (!years.contains(&selected_year)).then(|| selected.clone());
    let option = {
        let selected = selected.clone();
        move |name: String| {
            let is_selected = name == selected;
            let label = period_label(i18n, &name);
            view! { <option value=name selected=is_selected>{label}</option> }
        }
    };
    view! {
        <form method="get" action=action class="filter ikm-period">
            <label for="ikm-periode">{i18n.t(ik::PERIOD_LABEL)}</label>
            <p class="hint" id="ikm-periode-hint">{i18n.t(ik::PERIOD_HINT)}</p>
            <div class="filter-row">
                <select id="ikm-periode" name=PERIOD_PARAM aria-describedby="ikm-periode-hint">
                    {extra.map(option.clone())}
                    {years.into_iter().map(|year| {
                        let option = option.clone();
                        view! {
                            <optgroup label=year.to_string()>
                                {names_of_year(year).into_iter().map(option).collect_view()}
                            </optgroup>
                        }
                    }).collect_view()}
                </select>
                <button type="submit" class="button secondary">{i18n.t(ik::PERIOD_SHOW)}</button>
            </div>
        </form>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_year_offers_itself_its_semesters_and_its_quarters() {
        assert_eq!(
            names_of_year(2026),
            ["2026", "2026-S1", "2026-S2", "2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"]
        );
        assert!(names_of_year(2026).iter().all(|n| Period::parse(n).is_ok()));
    }

    #[test]
    fn periods_are_named_in_the_visitors_language() {
        let id = I18n { lang: Lang::Id };
        let en = I18n { lang: Lang::En };
        assert_eq!(period_label(id, "2026-S2"), "Semester II 2026");
        assert_eq!(period_label(en, "2026-S2"), "Semester 2, 2026");
        assert_eq!(period_label(id, "2025-Q4"), "Triwulan IV 2025");
        assert_eq!(period_label(en, "2025"), "Year 2025");
    }
}
