//! Small charts drawn on the server as SVG, so they appear without JavaScript, scale on a
//! phone and print sharply. Each chart also has its numbers in text next to it (a table or a
//! caption) for screen readers; the SVG is `aria-hidden`.

use leptos::prelude::*;

/// One bar of a [`BarChart`].
#[derive(Clone, Debug, PartialEq)]
pub struct Bar {
    /// Label under the bar.
    pub label: String,
    /// Its value (0 when missing is drawn as no bar).
    pub value: Option<f64>,
}

/// Vertical bars on a fixed scale `[min, max]`, with an optional reference line (a unit mean).
#[component]
pub fn BarChart(
    bars: Vec<Bar>,
    /// Lowest value of the scale.
    min: f64,
    /// Highest value of the scale.
    max: f64,
    /// A horizontal reference line and its label.
    #[prop(optional)]
    reference: Option<(f64, String)>,
) -> impl IntoView {
    const W: f64 = 320.0;
    const H: f64 = 160.0;
    const PAD_L: f64 = 30.0;
    const PAD_B: f64 = 24.0;
    let plot_w = W - PAD_L - 6.0;
    let plot_h = H - PAD_B - 8.0;
    let span = (max - min).max(f64::EPSILON);
    let y = move |v: f64| 8.0 + plot_h * (1.0 - ((v - min) / span).clamp(0.0, 1.0));
    let n = bars.len().max(1) as f64;
    let slot = plot_w / n;
    let bar_w = (slot * 0.6).min(40.0);
    let items = bars
        .into_iter()
        .enumerate()
        .map(|(i, b)| {
            let x = PAD_L + slot * i as f64 + (slot - bar_w) / 2.0;
            let label_x = PAD_L + slot * (i as f64 + 0.5);
            let rect = b.value.map(|v| {
                let top = y(v);
                view! { <rect class="chart-bar" x=format!("{x:.1}") y=format!("{top:.1}") width=format!("{bar_w:.1}") height=format!("{:.1}", (8.0 + plot_h - top).max(0.0))></rect> }
            });
            view! {
                {rect}
                <text class="chart-label" x=format!("{label_x:.1}") y=format!("{:.1}", H - 8.0) text-anchor="middle">{b.label}</text>
            }
        })
        .collect_view();
    let reference = reference.map(|(v, label)| {
        let ry = y(v);
        view! {
            <line class="chart-ref" x1=format!("{PAD_L}") x2=format!("{:.1}", W - 6.0) y1=format!("{ry:.1}") y2=format!("{ry:.1}")></line>
            <text class="chart-ref-label" x=format!("{:.1}", W - 8.0) y=format!("{:.1}", ry - 3.0) text-anchor="end">{label}</text>
        }
    });
    view! {
        <svg class="chart" viewBox=format!("0 0 {W} {H}") role="presentation" aria-hidden="true" focusable="false">
            <line class="chart-axis" x1=format!("{PAD_L}") x2=format!("{PAD_L}") y1="8" y2=format!("{:.1}", 8.0 + plot_h)></line>
            <line class="chart-axis" x1=format!("{PAD_L}") x2=format!("{:.1}", W - 6.0) y1=format!("{:.1}", 8.0 + plot_h) y2=format!("{:.1}", 8.0 + plot_h)></line>
            <text class="chart-tick" x=format!("{:.1}", PAD_L - 4.0) y="12" text-anchor="end">{format!("{max:.0}")}</text>
            <text class="chart-tick" x=format!("{:.1}", PAD_L - 4.0) y=format!("{:.1}", 8.0 + plot_h) text-anchor="end">{format!("{min:.0}")}</text>
            {items}
            {reference}
        </svg>
    }
}

/// One point of an [`IntervalChart`]: a value with its interval, or nothing (below the gate).
#[derive(Clone, Debug, PartialEq)]
pub struct IntervalPoint {
    /// Label under the point (a period).
    pub label: String,
    /// The value and its interval `(value, low, high)`.
    pub value: Option<(f64, f64, f64)>,
}

/// Points with 95% interval whiskers on a fixed scale, for a score's trend: a number is never
/// drawn without its uncertainty.
#[component]
pub fn IntervalChart(points: Vec<IntervalPoint>, min: f64, max: f64) -> impl IntoView {
    const W: f64 = 320.0;
    const H: f64 = 160.0;
    const PAD_L: f64 = 30.0;
    const PAD_B: f64 = 24.0;
    let plot_w = W - PAD_L - 6.0;
    let plot_h = H - PAD_B - 8.0;
    let span = (max - min).max(f64::EPSILON);
    let y = move |v: f64| 8.0 + plot_h * (1.0 - ((v - min) / span).clamp(0.0, 1.0));
    let slot = plot_w / points.len().max(1) as f64;
    let items = points
        .into_iter()
        .enumerate()
        .map(|(i, p)| {
            let x = PAD_L + slot * (i as f64 + 0.5);
            let mark = p.value.map(|(v, lo, hi)| {
                view! {
                    <line class="chart-whisker" x1=format!("{x:.1}") x2=format!("{x:.1}") y1=format!("{:.1}", y(lo)) y2=format!("{:.1}", y(hi))></line>
                    <circle class="chart-point" cx=format!("{x:.1}") cy=format!("{:.1}", y(v)) r="4"></circle>
                }
            });
            view! {
                {mark}
                <text class="chart-label" x=format!("{x:.1}") y=format!("{:.1}", H - 8.0) text-anchor="middle">{p.label}</text>
            }
        })
        .collect_view();
    view! {
        <svg class="chart" viewBox=format!("0 0 {W} {H}") role="presentation" aria-hidden="true" focusable="false">
            <line class="chart-axis" x1=format!("{PAD_L}") x2=format!("{PAD_L}") y1="8" y2=format!("{:.1}", 8.0 + plot_h)></line>
            <line class="chart-axis" x1=format!("{PAD_L}") x2=format!("{:.1}", W - 6.0) y1=format!("{:.1}", 8.0 + plot_h) y2=format!("{:.1}", 8.0 + plot_h)></line>
            <text class="chart-tick" x=format!("{:.1}", PAD_L - 4.0) y="12" text-anchor="end">{format!("{max:.0}")}</text>
            <text class="chart-tick" x=format!("{:.1}", PAD_L - 4.0) y=format!("{:.1}", 8.0 + plot_h) text-anchor="end">{format!("{min:.0}")}</text>
            {items}
        </svg>
    }
}
