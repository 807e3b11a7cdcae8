//! Horizontal bars in plain HTML. The CSP forbids inline styles, so a bar's length is one of a
//! fixed set of classes (`bar-w-0` … `bar-w-100`, steps of 5) in `style/sigap.css`. Bars are
//! decoration: the number beside each one, and the table that follows, carry the data.

use super::MutuBadge;
use leptos::prelude::*;

/// The width class for a share of the full bar (0..=100), rounded to the nearest 5.
pub fn width_class(percent: f64) -> String {
    let clamped = if percent.is_finite() {
        percent.clamp(0.0, 100.0)
    } else {
        0.0
    };
    let step = (clamped / 5.0).round() as u32 * 5;
    format!("bar-w-{step}")
}

/// One bar of a chart: a label, the bar, the value and (optionally) its class letter.
#[component]
pub fn BarRow(
    /// What the bar measures.
    label: AnyView,
    /// Its length as a share of the full bar (`None`: no value, no bar).
    percent: Option<f64>,
    /// The number printed beside it.
    value: String,
    /// The class letter, which also colours the bar.
    mutu: Option<char>,
    /// Extra content after the label (a "priority" tag).
    #[prop(default = None)]
    note: Option<AnyView>,
    /// Marks the row as highlighted.
    #[prop(optional)]
    highlight: bool,
) -> impl IntoView {
    let bar = percent.map(|p| {
        let tone = mutu.map_or("bar-none".to_owned(), |m| {
            format!("bar-{}", m.to_ascii_lowercase())
        });
        let class = format!("bar {} {tone}", width_class(p));
        view! { <span class=class></span> }
    });
    view! {
        <li class="bar-row" class:bar-row-highlight=highlight>
            <span class="bar-label">{label} {note}</span>
            <span class="bar-track" aria-hidden="true">{bar}</span>
            <span class="bar-value" class:bar-value-none=percent.is_none()>
                <span class="bar-number">{value}</span>
                {mutu.map(|letter| view! { " " <MutuBadge letter/> })}
            </span>
        </li>
    }
}

#[cfg(test)]
mod tests {
    use super::width_class;

    #[test]
    fn widths_round_to_the_nearest_step_of_five_within_the_track() {
        assert_eq!(width_class(85.0), "bar-w-85");
        assert_eq!(width_class(78.89), "bar-w-80");
        assert_eq!(width_class(77.4), "bar-w-75");
        assert_eq!(width_class(101.0), "bar-w-100");
        assert_eq!(width_class(-3.0), "bar-w-0");
        assert_eq!(width_class(f64::NAN), "bar-w-0");
    }
}
