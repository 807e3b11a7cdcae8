//! One officer's service score from the citizens' survey (REFERENCE §4, §4.1) and the
//! "di atas / sesuai / di bawah ekspektasi" suggestion the supervisor sees (REFERENCE §5.2).
//!
//! Only U6 (competence) and U7 (courtesy) describe the person who served; the other unsur
//! describe the unit and never move one officer (REFERENCE §4). Period filtering and credit
//! (which responses belong to whom) happen before this module: it receives, per officer, the
//! responses credited to them in one period.
//!
//! Exactness: a response's score is a multiple of 12.5 points, so every sum below is an exact
//! integer count of half-points. Means, the standard deviation and the unit mean therefore
//! depend only on those integers: the result is bit-for-bit independent of input order.
//!
//! Why the margin δ (REFERENCE §4.1): a region appraises thousands of officers per period. With
//! real SKM-like answers (per-answer spread ≈ 11 points) the 95% interval alone labels 2–3% of
//! exactly average officers "di bawah"; with δ = 3 that falls to about 0.2% or less. The price:
//! an officer truly 10 points below the unit is caught about 80% of the time at n = 20 and nearly
//! always at n = 40 when few colleagues are like them, but only about 50% / 78% when a sixth of
//! the unit is equally weak (they pull the unit mean down). Raising δ or `min_n` trades missed
//! weak officers for fewer wrong labels; the supervisor decides either way (REFERENCE §5.2).

use std::collections::btree_map::Entry;
use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

mod expectation;
mod params;
mod response;
mod result;
mod round;
mod sums;
#[cfg(test)]
mod tests;

pub use expectation::{Expectation, ExpectationError};
pub use params::{ParamsError, ScoringParams};
pub use response::{CreditedResponse, CreditedResponseError, Score, ScoreError};
pub use result::{Interval, OfficerScore, ResponseRate, ScoredOfficer, UnitMean};
pub use round::round2;
pub use sums::OfficerSums;

use round::round_to_hundredths;

/// Stored with every appraisal next to the params, so a later change of formula never silently
/// reinterprets an old suggestion (REFERENCE §5.2: "which formula version it used").
pub const FORMULA_VERSION: &str = "skm-officer-v1";

// REFERENCE §3.3: mutu A starts at 88.31, mutu B at 76.61, on the rounded konversi value.
const MUTU_A_MIN_HUNDREDTHS: i64 = 8831;
const MUTU_B_MIN_HUNDREDTHS: i64 = 7661;
const SCALE_MIN: f64 = 25.0;
const SCALE_MAX: f64 = 100.0;
/// A response's score r_j is a whole number of these (25 × mean of scores 1..4).
const HALF_POINT: f64 = 12.5;

/// Why a set of credits cannot be scored.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum ScoringError {
    /// One officer's list holds the same response twice; counting it twice would double its
    /// weight, so the data must be fixed upstream.
    #[error("response {response_id} is credited twice to the same officer")]
    DuplicateResponse {
        /// The repeated response.
        response_id: i64,
    },
    /// The same response appears with different answers under different officers.
    #[error("response {response_id} appears with different answers")]
    ConflictingResponse {
        /// The inconsistent response.
        response_id: i64,
    },
    /// The officer passed the gate but no unit mean was given.
    #[error("the officer has enough responses but no unit mean was supplied")]
    MissingUnitMean,
    /// The unit mean rests on fewer responses than this officer alone has, so it cannot have
    /// been computed from the same credits.
    #[error("unit mean covers {unit_responses} responses, fewer than the officer's {officer_n}")]
    InconsistentUnitMean {
        /// Usable responses of the officer.
        officer_n: u32,
        /// Distinct usable responses behind the unit mean.
        unit_responses: u64,
    },
    /// Sums that no set of responses can produce (a corrupt rollup).
    #[error("the stored sums are not consistent with any set of responses")]
    InconsistentSums,
    /// More than `u32::MAX` responses for one officer.
    #[error("too many responses for one officer")]
    TooManyResponses,
}

/// μ over the unit's credits for the period (REFERENCE §4.1): pass every officer's responses,
/// e.g. `unit_mean(credits.values().flatten())`. A response credited to several officers counts
/// once. `Ok(None)` when no response answered U6 or U7 (no officer can pass the gate then).
pub fn unit_mean<'a, I>(credited: I) -> Result<Option<UnitMean>, ScoringError>
where
    I: IntoIterator<Item = &'a CreditedResponse>,
{
    let mut distinct: BTreeMap<i64, CreditedResponse> = BTreeMap::new();
    for response in credited {
        match distinct.entry(response.response_id) {
            Entry::Vacant(e) => {
                e.insert(*response);
            }
            Entry::Occupied(e) if e.get() != response => {
                return Err(ScoringError::ConflictingResponse {
                    response_id: response.response_id,
                });
            }
            Entry::Occupied(_) => {}
        }
    }
    let (mut sum_half_points, mut responses) = (0_u64, 0_u64);
    for h in distinct.values().filter_map(CreditedResponse::half_points) {
        sum_half_points += h;
        responses += 1;
    }
    Ok((responses > 0).then_some(UnitMean {
        sum_half_points,
        responses,
    }))
}

/// Scores one officer for one period (REFERENCE §4.1). `credited` are the responses credited
/// to the officer; `completed_applications` the applications credited to them that completed
/// in the period. `unit_mean` may be `None` only when the officer is below the gate.
pub fn score_officer(
    credited: &[CreditedResponse],
    completed_applications: u32,
    unit_mean: Option<UnitMean>,
    params: &ScoringParams,
) -> Result<OfficerScore, ScoringError> {
    // Checked first, so the u32 counters below cannot overflow.
    let responses = u32::try_from(credited.len()).map_err(|_| ScoringError::TooManyResponses)?;
    let mut ids = BTreeSet::new();
    let mut sums = OfficerSums::default();
    for response in credited {
        if !ids.insert(response.response_id) {
            return Err(ScoringError::DuplicateResponse {
                response_id: response.response_id,
            });
        }
        // REFERENCE §4.1: skip j if neither U6 nor U7 is answered (counted in `credited` only).
        sums.add(response.half_points());
    }
    debug_assert_eq!(sums.credited, responses);
    score_from_sums(sums, completed_applications, unit_mean, params)
}

/// Scores one officer for one period from the exact sums of their credited responses
/// (REFERENCE §4.1) — what `score_officer` computes, and what the per-month rollups keep.
pub fn score_from_sums(
    sums: OfficerSums,
    completed_applications: u32,
    unit_mean: Option<UnitMean>,
    params: &ScoringParams,
) -> Result<OfficerScore, ScoringError> {
    if !sums.is_consistent() {
        return Err(ScoringError::InconsistentSums);
    }
    let response_rate = ResponseRate::new(sums.credited, completed_applications);

    // REFERENCE §4.1 gate: n < min_n → no score and no suggestion (min_n ≥ 1, so n = 0 too).
    if sums.n < params.min_n() {
        return Ok(OfficerScore::InsufficientData {
            n: sums.n,
            response_rate,
        });
    }
    let unit = unit_mean.ok_or(ScoringError::MissingUnitMean)?;
    if unit.responses < u64::from(sums.n) {
        return Err(ScoringError::InconsistentUnitMean {
            officer_n: sums.n,
            unit_responses: unit.responses,
        });
    }
    Ok(OfficerScore::Scored(scored(
        sums,
        response_rate,
        unit,
        params,
    )))
}

fn scored(
    sums: OfficerSums,
    response_rate: Option<ResponseRate>,
    unit: UnitMean,
    params: &ScoringParams,
) -> ScoredOfficer {
    let n = f64::from(sums.n);
    // REFERENCE §4.1: m = Σ r_j / n. Σ r_j is exact; one rounding, and m ∈ [25, 100].
    let sum_points = HALF_POINT * sums.sum_half_points as f64;
    let raw_mean = (sum_points / n).clamp(SCALE_MIN, SCALE_MAX);
    // REFERENCE §4.1: s with n − 1, from exact integers: s² = 12.5²·(nΣh² − (Σh)²)/(n(n − 1)).
    let sd = (sums.n >= 2).then(|| {
        let nn = u128::from(sums.n);
        let num = (nn * u128::from(sums.sum_sq_half_points))
            .saturating_sub(u128::from(sums.sum_half_points).pow(2));
        HALF_POINT * (num as f64 / (nn * (nn - 1)) as f64).sqrt()
    });
    // REFERENCE §4.1: m ± z·s/√n clipped to [25, 100]; s undefined at n = 1 → whole scale.
    let interval = match sd {
        Some(s) => {
            let half = params.z() * s / n.sqrt();
            Interval {
                lower: (raw_mean - half).max(SCALE_MIN),
                upper: (raw_mean + half).min(SCALE_MAX),
            }
        }
        None => Interval {
            lower: SCALE_MIN,
            upper: SCALE_MAX,
        },
    };
    // REFERENCE §4.1: shrunk = (n·m + k·μ)/(n + k). The clamp only removes rounding noise:
    // the exact value always lies between m and μ.
    let mu = unit.value();
    let shrunk = ((sum_points + params.k() * mu) / (n + params.k()))
        .clamp(raw_mean.min(mu), raw_mean.max(mu));
    // REFERENCE §4.1 suggestion with margin δ, on unrounded numbers.
    let interval_suggestion = if interval.lower > mu + params.margin() {
        Expectation::DiAtas
    } else if interval.upper < mu - params.margin() {
        Expectation::DiBawah
    } else {
        Expectation::Sesuai
    };
    ScoredOfficer {
        n: sums.n,
        response_rate,
        raw_mean,
        sd,
        interval,
        unit_mean: unit,
        shrunk,
        interval_suggestion,
        suggestion: mutu_guard(interval_suggestion, shrunk),
    }
}

/// REFERENCE §4.1: never "di bawah" while the shrunk score is mutu A, never "di atas" while it
/// is mutu C or D. Mutu is read from the shrunk score rounded to 2 decimals, as §3.3 classifies
/// the rounded value: the supervisor never sees "88.31 (A)" next to "di bawah".
fn mutu_guard(by_interval: Expectation, shrunk: f64) -> Expectation {
    let Some(h) = round_to_hundredths(shrunk) else {
        return Expectation::Sesuai;
    };
    match by_interval {
        Expectation::DiBawah if h >= MUTU_A_MIN_HUNDREDTHS => Expectation::Sesuai,
        Expectation::DiAtas if h < MUTU_B_MIN_HUNDREDTHS => Expectation::Sesuai,
        other => other,
    }
}

/// Credits of one officer in one period, for [`score_unit`].
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct OfficerCredits {
    /// Responses credited to the officer.
    pub responses: Vec<CreditedResponse>,
    /// Applications credited to the officer that completed in the period.
    pub completed_applications: u32,
}

/// A unit's results for one period, with the μ every officer was compared with.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct UnitScores<O: Ord> {
    /// `None` when no response of the unit answered U6 or U7.
    pub unit_mean: Option<UnitMean>,
    /// One result per officer.
    pub officers: BTreeMap<O, OfficerScore>,
}

/// Scores a whole unit, computing μ from the same credits so the two can never disagree.
pub fn score_unit<O: Ord + Clone>(
    unit: &BTreeMap<O, OfficerCredits>,
    params: &ScoringParams,
) -> Result<UnitScores<O>, ScoringError> {
    let mu = unit_mean(unit.values().flat_map(|c| c.responses.iter()))?;
    let officers = unit
        .iter()
        .map(|(id, c)| {
            score_officer(&c.responses, c.completed_applications, mu, params)
                .map(|s| (id.clone(), s))
        })
        .collect::<Result<_, _>>()?;
    Ok(UnitScores {
        unit_mean: mu,
        officers,
    })
}
