//! Validated survey input of REFERENCE §4.1: an answer 1..4 and a response credited to an
//! officer, carrying only the two unsur about the person (U6, U7).

use serde::{Deserialize, Serialize};

use super::HALF_POINT;

/// One SKM answer (1..4, REFERENCE §3.1); holding one proves the range was checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "u8", into = "u8")]
pub struct Score(u8);

/// Why a number is not an SKM answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum ScoreError {
    /// Answers are 1..4; anything else is a data error, never clamped.
    #[error("an SKM answer must be 1..=4, got {value}")]
    OutOfRange {
        /// The rejected value.
        value: u8,
    },
}

impl Score {
    /// The only way in: out-of-range answers are rejected, not clamped.
    pub fn new(value: u8) -> Result<Self, ScoreError> {
        if (1..=4).contains(&value) {
            Ok(Self(value))
        } else {
            Err(ScoreError::OutOfRange { value })
        }
    }

    /// For storage and display.
    pub fn get(self) -> u8 {
        self.0
    }
}

impl TryFrom<u8> for Score {
    type Error = ScoreError;
    fn try_from(value: u8) -> Result<Self, Self::Error> {
        Self::new(value)
    }
}

impl From<Score> for u8 {
    fn from(score: Score) -> Self {
        score.0
    }
}

/// One survey response credited to an officer (REFERENCE §4: credit frozen at completion).
/// A response credited to two officers appears in both lists with the same `response_id`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreditedResponse {
    /// Identifies the response across officers, so the unit mean counts it once.
    pub response_id: i64,
    /// Kompetensi pelaksana; `None` when the respondent skipped it.
    pub u6: Option<Score>,
    /// Perilaku pelaksana; `None` when the respondent skipped it.
    pub u7: Option<Score>,
}

/// Which answer of a response was out of range.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum CreditedResponseError {
    /// U6 was not 1..4.
    #[error("U6: {0}")]
    U6(#[source] ScoreError),
    /// U7 was not 1..4.
    #[error("U7: {0}")]
    U7(#[source] ScoreError),
}

impl CreditedResponse {
    /// Builds a response from raw stored answers, rejecting anything outside 1..4.
    pub fn new(
        response_id: i64,
        u6: Option<u8>,
        u7: Option<u8>,
    ) -> Result<Self, CreditedResponseError> {
        let u6 = u6
            .map(Score::new)
            .transpose()
            .map_err(CreditedResponseError::U6)?;
        let u7 = u7
            .map(Score::new)
            .transpose()
            .map_err(CreditedResponseError::U7)?;
        Ok(Self {
            response_id,
            u6,
            u7,
        })
    }

    /// r_j in half-points (units of 12.5): 2·a with one answer, a + b with both.
    pub(super) fn half_points(&self) -> Option<u64> {
        match (self.u6, self.u7) {
            (Some(a), Some(b)) => Some(u64::from(a.0) + u64::from(b.0)),
            (Some(a), None) | (None, Some(a)) => Some(2 * u64::from(a.0)),
            (None, None) => None,
        }
    }

    /// r_j = 25 × mean of the answered U6, U7 (REFERENCE §4.1), for evidence views; `None`
    /// when neither was answered (the response is skipped, not counted as a zero).
    pub fn points(&self) -> Option<f64> {
        self.half_points().map(|h| HALF_POINT * h as f64)
    }
}
