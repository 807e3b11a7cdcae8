//! The three-step expectation scale shared by the portal's suggestion (REFERENCE §4.1) and
//! the supervisor's ratings (REFERENCE §5.1).

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// The SKM suggestion scale, shared with the appraisal ratings (REFERENCE §5.1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Expectation {
    /// Code `di_atas`.
    DiAtas,
    /// Code `sesuai`.
    Sesuai,
    /// Code `di_bawah`.
    DiBawah,
}

/// Why a text is not an expectation code.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ExpectationError {
    /// Codes are exactly `di_atas`, `sesuai`, `di_bawah` (as stored and serialized).
    #[error("unknown expectation code {code:?}")]
    UnknownCode {
        /// The rejected text.
        code: String,
    },
}

impl Expectation {
    /// Stable code for storage and APIs; equal to the serde form.
    pub fn code(self) -> &'static str {
        match self {
            Self::DiAtas => "di_atas",
            Self::Sesuai => "sesuai",
            Self::DiBawah => "di_bawah",
        }
    }

    /// Reads a stored code; exact match only, so a typo never becomes a rating.
    pub fn parse(code: &str) -> Result<Self, ExpectationError> {
        match code {
            "di_atas" => Ok(Self::DiAtas),
            "sesuai" => Ok(Self::Sesuai),
            "di_bawah" => Ok(Self::DiBawah),
            _ => Err(ExpectationError::UnknownCode {
                code: code.to_owned(),
            }),
        }
    }

    /// The wording of PermenPAN-RB 6/2022, as supervisors know it.
    pub fn label_id(self) -> &'static str {
        match self {
            Self::DiAtas => "di atas ekspektasi",
            Self::Sesuai => "sesuai ekspektasi",
            Self::DiBawah => "di bawah ekspektasi",
        }
    }

    /// English wording for the bilingual UI.
    pub fn label_en(self) -> &'static str {
        match self {
            Self::DiAtas => "above expectations",
            Self::Sesuai => "meets expectations",
            Self::DiBawah => "below expectations",
        }
    }
}

impl FromStr for Expectation {
    type Err = ExpectationError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

impl fmt::Display for Expectation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}
