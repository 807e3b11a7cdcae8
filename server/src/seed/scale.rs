//! The demo city at scale (`seed-demo --scale city|province`): tens of units, thousands of
//! officers, hundreds of thousands of applications and a million answers, generated from a
//! seed (the same `--seed` and `--today` give the same data) and loaded in bulk. It comes on
//! top of the small demo city (its accounts still sign in), so every page has data to show.
//!
//! The data is shaped like a real region's: service mixes per unit, officers of varying
//! quality (their U6/U7 answers differ), response rates of 20–60% per unit, correction rounds,
//! late completions, holidays, respondent profiles, answers online, at the counter and on
//! paper. Generated rows respect the same rules the portal enforces (credit from the
//! citizen-facing steps, one answer per invitation, answers without identity).

mod bulk;
mod generate;
mod names;

pub use generate::{load, Spec};

/// Sizes of the generated region.
pub fn spec_of(scale: super::Scale) -> Option<Spec> {
    match scale {
        super::Scale::Small => None,
        super::Scale::City => Some(Spec {
            units: 40,
            officers: 2_000,
            citizens: 60_000,
            applications: 300_000,
            answers: 1_000_000,
            semesters: 4,
        }),
        super::Scale::Province => Some(Spec {
            units: 100,
            officers: 5_000,
            citizens: 80_000,
            applications: 200_000,
            answers: 2_000_000,
            semesters: 1,
        }),
    }
}
