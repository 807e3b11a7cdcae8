//! What scoring returns (REFERENCE §4, §4.1): types whose shape makes it impossible to read a
//! number below the gate, and whose numbers always travel with n, rate and interval.

use serde::ser::SerializeStruct;
use serde::Serialize;

use super::{Expectation, HALF_POINT};

/// μ of REFERENCE §4.1: the mean r_j over the distinct responses of the unit in the period.
/// Only [`unit_mean`](super::unit_mean) makes one, so it is always deduplicated by response.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UnitMean {
    pub(super) sum_half_points: u64,
    pub(super) responses: u64,
}

impl UnitMean {
    /// μ on the 25..100 scale, unrounded.
    pub fn value(&self) -> f64 {
        HALF_POINT * self.sum_half_points as f64 / self.responses as f64
    }

    /// Number of distinct responses with U6 or U7 answered behind μ (evidence for HR).
    pub fn responses(&self) -> u64 {
        self.responses
    }
}

impl Serialize for UnitMean {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("UnitMean", 2)?;
        s.serialize_field("value", &self.value())?;
        s.serialize_field("responses", &self.responses)?;
        s.end()
    }
}

/// Responses per completed application (REFERENCE §4), kept as the two counts so storage
/// and display never lose precision. Counts every credited response, including ones that
/// skipped both U6 and U7. Not clamped: a value above 1 means counter or paper surveys were
/// credited without an application, which HR should see.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct ResponseRate {
    responses: u32,
    completed_applications: u32,
}

impl ResponseRate {
    /// `None` when no application was completed: a rate over nothing is not zero.
    pub fn new(responses: u32, completed_applications: u32) -> Option<Self> {
        (completed_applications > 0).then_some(Self {
            responses,
            completed_applications,
        })
    }
    /// Numerator.
    pub fn responses(&self) -> u32 {
        self.responses
    }
    /// Denominator, never zero.
    pub fn completed_applications(&self) -> u32 {
        self.completed_applications
    }
    /// The rate as a fraction (0.25 = 25%), unrounded.
    pub fn ratio(&self) -> f64 {
        f64::from(self.responses) / f64::from(self.completed_applications)
    }
}

/// The 95% interval of REFERENCE §4.1, clipped to the 25..100 scale.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Interval {
    pub(super) lower: f64,
    pub(super) upper: f64,
}

impl Interval {
    /// Lower bound, unrounded.
    pub fn lower(&self) -> f64 {
        self.lower
    }
    /// Upper bound, unrounded.
    pub fn upper(&self) -> f64 {
        self.upper
    }
}

/// An officer who passed the gate. Fields are private: only scoring makes one, so a number
/// shown to HR always comes with its n, rate and interval (REFERENCE §4).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct ScoredOfficer {
    pub(super) n: u32,
    pub(super) response_rate: Option<ResponseRate>,
    pub(super) raw_mean: f64,
    pub(super) sd: Option<f64>,
    pub(super) interval: Interval,
    pub(super) unit_mean: UnitMean,
    pub(super) shrunk: f64,
    pub(super) interval_suggestion: Expectation,
    pub(super) suggestion: Expectation,
}

impl ScoredOfficer {
    /// Usable responses (U6 or U7 answered).
    pub fn n(&self) -> u32 {
        self.n
    }
    /// `None` when no application credited to the officer completed in the period.
    pub fn response_rate(&self) -> Option<ResponseRate> {
        self.response_rate
    }
    /// m, shown beside the shrunk score (REFERENCE §4).
    pub fn raw_mean(&self) -> f64 {
        self.raw_mean
    }
    /// Sample SD (n − 1); `None` at n = 1, where the interval is the whole scale.
    pub fn sd(&self) -> Option<f64> {
        self.sd
    }
    /// The clipped 95% interval around m.
    pub fn interval(&self) -> Interval {
        self.interval
    }
    /// μ the officer was compared with.
    pub fn unit_mean(&self) -> UnitMean {
        self.unit_mean
    }
    /// (n·m + k·μ)/(n + k): the number to rank by.
    pub fn shrunk(&self) -> f64 {
        self.shrunk
    }
    /// What the interval and margin alone say, before the mutu guard; lets the UI explain
    /// "capped because the score is mutu A" when it differs from [`Self::suggestion`].
    pub fn interval_suggestion(&self) -> Expectation {
        self.interval_suggestion
    }
    /// The suggestion for "Berorientasi pelayanan" (REFERENCE §5.2).
    pub fn suggestion(&self) -> Expectation {
        self.suggestion
    }
}

/// An officer's result for one period. Below the gate there is no variant holding a mean,
/// interval or suggestion, so none can be shown by mistake ("data belum cukup").
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum OfficerScore {
    /// n < min_n: show "data belum cukup" and suggest nothing.
    InsufficientData {
        /// Usable responses so far (progress toward the gate).
        n: u32,
        /// Responses per completed application.
        response_rate: Option<ResponseRate>,
    },
    /// n ≥ min_n.
    Scored(ScoredOfficer),
}

impl OfficerScore {
    /// Usable responses, in either case.
    pub fn n(&self) -> u32 {
        match self {
            Self::InsufficientData { n, .. } => *n,
            Self::Scored(s) => s.n,
        }
    }
    /// The response rate, in either case.
    pub fn response_rate(&self) -> Option<ResponseRate> {
        match self {
            Self::InsufficientData { response_rate, .. } => *response_rate,
            Self::Scored(s) => s.response_rate,
        }
    }
    /// The suggestion to feed into the departure check; `None` below the gate.
    pub fn suggestion(&self) -> Option<Expectation> {
        match self {
            Self::InsufficientData { .. } => None,
            Self::Scored(s) => Some(s.suggestion),
        }
    }
}
