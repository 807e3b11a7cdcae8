//! The service-unit list on the home page, with a search box.
//!
//! On the server it renders the list already filtered by the `q` query parameter, inside a
//! plain GET form, so the search works without JavaScript. Hydrated, it filters as the visitor
//! types and hides the now redundant search button.

use crate::i18n::fill;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// A unit as the public list shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnitItem {
    /// The unit's short code, e.g. `DPMPTSP`.
    pub code: String,
    /// The unit's full name.
    pub name: String,
}

/// Texts the island shows, translated on the server so the WASM carries no catalogue.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnitFilterText {
    /// Label of the search field.
    pub label: String,
    /// Hint under the label.
    pub hint: String,
    /// The search button.
    pub button: String,
    /// Shown when nothing matches.
    pub no_match: String,
    /// `{shown} of {total}` template.
    pub count: String,
}

/// Whether `unit` matches the visitor's query: case-insensitive, on name or code.
pub fn unit_matches(unit: &UnitItem, query: &str) -> bool {
    let query = query.trim().to_lowercase();
    query.is_empty()
        || unit.name.to_lowercase().contains(&query)
        || unit.code.to_lowercase().contains(&query)
}

/// The searchable list of units.
#[island]
pub fn UnitFilter(units: Vec<UnitItem>, query: String, text: UnitFilterText) -> impl IntoView {
    let hydrated = RwSignal::new(false);
    Effect::new(move |_| hydrated.set(true));
    let q = RwSignal::new(query.clone());
    let total = units.len();
    let units = StoredValue::new(units);
    let shown = move || {
        units.with_value(|all| {
            all.iter()
                .filter(|u| unit_matches(u, &q.get()))
                .cloned()
                .collect::<Vec<_>>()
        })
    };
    let count_template = text.count.clone();
    let no_match = text.no_match.clone();
    view! {
        <form method="get" action="/" class="filter" role="search">
            <label for="unit-q">{text.label}</label>
            <p class="hint" id="unit-q-hint">{text.hint}</p>
            <div class="filter-row">
                <input
                    id="unit-q"
                    name="q"
                    type="search"
                    autocomplete="off"
                    aria-describedby="unit-q-hint"
                    value=query
                    on:input:target=move |ev| q.set(ev.target().value())
                />
                <button type="submit" class="button secondary" hidden=move || hydrated.get()>
                    {text.button}
                </button>
            </div>
        </form>
        <p class="count" aria-live="polite" data-testid="unit-count">
            {move || fill(&count_template, &[("shown", &shown().len()), ("total", &total)])}
        </p>
        <ul class="unit-list">
            {move || {
                let list = shown();
                if list.is_empty() {
                    view! { <li class="empty">{no_match.clone()}</li> }.into_any()
                } else {
                    list.into_iter()
                        .map(|u| {
                            view! {
                                <li>
                                    <span class="unit-code">{u.code}</span>
                                    <span class="unit-name">{u.name}</span>
                                </li>
                            }
                        })
                        .collect_view()
                        .into_any()
                }
            }}
        </ul>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unit(code: &str, name: &str) -> UnitItem {
        UnitItem {
            code: code.into(),
            name: name.into(),
        }
    }

    #[test]
    fn a_query_matches_name_or_code_ignoring_case() {
        let u = unit("DPMPTSP", "Dinas Penanaman Modal");
        assert!(unit_matches(&u, "modal"));
        assert!(unit_matches(&u, "dpm"));
        assert!(unit_matches(&u, "  "));
        assert!(!unit_matches(&u, "kependudukan"));
    }
}
