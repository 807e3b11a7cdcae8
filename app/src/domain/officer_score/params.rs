//! The configurable parameters of REFERENCE §4.1, checked once when built or deserialized.

use serde::{Deserialize, Serialize};

/// The tunable parts of REFERENCE §4.1. Fields are private so a stored or configured set is
/// always usable: every constructor (including deserialization) checks them.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "RawParams")]
pub struct ScoringParams {
    min_n: u32,
    k: f64,
    margin: f64,
    z: f64,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawParams {
    pub(super) min_n: u32,
    pub(super) k: f64,
    pub(super) margin: f64,
    pub(super) z: f64,
}

/// Why a parameter set is refused.
#[derive(Debug, Clone, Copy, PartialEq, thiserror::Error)]
pub enum ParamsError {
    /// With `min_n` = 0 an officer without any answer would get a number.
    #[error("min_n must be at least 1")]
    MinNZero,
    /// Negative k would push the score away from the unit mean.
    #[error("k must be finite and >= 0, got {k}")]
    InvalidK {
        /// The rejected value.
        k: f64,
    },
    /// A negative margin would label officers inside their own interval.
    #[error("margin must be finite and >= 0, got {margin}")]
    InvalidMargin {
        /// The rejected value.
        margin: f64,
    },
    /// The interval needs a positive critical value.
    #[error("z must be finite and > 0, got {z}")]
    InvalidZ {
        /// The rejected value.
        z: f64,
    },
}

impl ScoringParams {
    /// Checks a parameter set once, so scoring never meets NaN or a negative weight.
    pub fn new(min_n: u32, k: f64, margin: f64, z: f64) -> Result<Self, ParamsError> {
        if min_n == 0 {
            return Err(ParamsError::MinNZero);
        }
        if !(k.is_finite() && k >= 0.0) {
            return Err(ParamsError::InvalidK { k });
        }
        if !(margin.is_finite() && margin >= 0.0) {
            return Err(ParamsError::InvalidMargin { margin });
        }
        if !(z.is_finite() && z > 0.0) {
            return Err(ParamsError::InvalidZ { z });
        }
        Ok(Self {
            min_n,
            k,
            margin,
            z,
        })
    }

    /// Gate: fewer usable responses than this → "data belum cukup".
    pub fn min_n(&self) -> u32 {
        self.min_n
    }
    /// Shrinkage weight: the unit mean counts as this many pseudo-responses.
    pub fn k(&self) -> f64 {
        self.k
    }
    /// δ, in points, beyond the interval before suggesting di atas / di bawah.
    pub fn margin(&self) -> f64 {
        self.margin
    }
    /// Critical value of the interval (1.96 ≈ 95%).
    pub fn z(&self) -> f64 {
        self.z
    }
}

impl Default for ScoringParams {
    /// REFERENCE §4.1 defaults: min_n 20, k 10, δ 3, z 1.96.
    fn default() -> Self {
        Self {
            min_n: 20,
            k: 10.0,
            margin: 3.0,
            z: 1.96,
        }
    }
}

impl TryFrom<RawParams> for ScoringParams {
    type Error = ParamsError;
    fn try_from(raw: RawParams) -> Result<Self, Self::Error> {
        Self::new(raw.min_n, raw.k, raw.margin, raw.z)
    }
}
