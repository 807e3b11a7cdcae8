//! The respondent profile asked with the survey (REFERENCE §3.1): gender, age, education and
//! occupation. Published in aggregate beside the index (§3.4); never an identity (the form asks
//! no NIK and no name).
//!
//! Parsing is case-insensitive and accepts the spellings seen in spreadsheets; each type has
//! one canonical `code()` that is what gets stored and serialised.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

#[cfg(test)]
mod tests;

/// Why a profile value was rejected.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error, Serialize, Deserialize)]
pub enum ProfileError {
    /// Not `L` or `P`.
    #[error("unknown gender")]
    UnknownGender,
    /// Not one of the education levels of the form.
    #[error("unknown education level")]
    UnknownEducation,
    /// Not one of the occupations of the form.
    #[error("unknown occupation")]
    UnknownOccupation,
    /// The age is not a whole number.
    #[error("age is not a whole number")]
    AgeNotANumber,
    /// The age is outside the accepted range.
    #[error("age must be between {min} and {max}", min = Age::MIN, max = Age::MAX)]
    AgeOutOfRange,
}

/// Implements `code`, `parse`, `Display` and `FromStr` for a profile enum from one table of
/// (variant, canonical code, extra accepted spellings), so parse and display cannot disagree.
macro_rules! coded_enum {
    ($ty:ident, $err:expr, [$(($v:ident, $code:literal, [$($alt:literal),*])),+ $(,)?]) => {
        impl $ty {
            /// Every value in form order, for rendering the choices.
            pub const ALL: &'static [$ty] = &[$($ty::$v),+];

            /// Canonical stored code, as the CSV format spells it.
            pub const fn code(self) -> &'static str {
                match self { $($ty::$v => $code),+ }
            }

            /// Reads a form or CSV value case-insensitively, ignoring surrounding spaces.
            pub fn parse(s: &str) -> Result<Self, ProfileError> {
                let s = s.trim();
                $(
                    if s.eq_ignore_ascii_case($code) $(|| s.eq_ignore_ascii_case($alt))* {
                        return Ok($ty::$v);
                    }
                )+
                Err($err)
            }
        }

        impl fmt::Display for $ty {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.code())
            }
        }

        impl FromStr for $ty {
            type Err = ProfileError;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                $ty::parse(s)
            }
        }
    };
}

/// Gender as the form asks it: L (laki-laki) or P (perempuan).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Gender {
    /// Laki-laki.
    #[serde(rename = "L")]
    Male,
    /// Perempuan.
    #[serde(rename = "P")]
    Female,
}

coded_enum!(
    Gender,
    ProfileError::UnknownGender,
    [(Male, "L", ["Laki-laki"]), (Female, "P", ["Perempuan"])]
);

impl Gender {
    /// Indonesian label for published profiles.
    pub const fn label_id(self) -> &'static str {
        match self {
            Gender::Male => "Laki-laki",
            Gender::Female => "Perempuan",
        }
    }

    /// English label.
    pub const fn label_en(self) -> &'static str {
        match self {
            Gender::Male => "Male",
            Gender::Female => "Female",
        }
    }
}

/// Highest education completed, in the form's bands (REFERENCE §3.1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Education {
    /// Sekolah dasar (primary).
    #[serde(rename = "SD")]
    Sd,
    /// Sekolah menengah pertama (lower secondary).
    #[serde(rename = "SMP")]
    Smp,
    /// Sekolah menengah atas (upper secondary).
    #[serde(rename = "SMA")]
    Sma,
    /// Diploma 1 to 3; one band on the form, so D1, D2 and D3 all land here.
    #[serde(rename = "D1-D3")]
    Diploma,
    /// Sarjana (bachelor's, also D4).
    #[serde(rename = "S1")]
    S1,
    /// Magister (master's).
    #[serde(rename = "S2")]
    S2,
    /// Doktor (doctorate).
    #[serde(rename = "S3")]
    S3,
}

coded_enum!(
    Education,
    ProfileError::UnknownEducation,
    [
        (Sd, "SD", []),
        (Smp, "SMP", ["SLTP"]),
        (Sma, "SMA", ["SLTA", "SMK"]),
        (Diploma, "D1-D3", ["D1", "D2", "D3", "D1/D3", "D1 - D3"]),
        (S1, "S1", ["D4"]),
        (S2, "S2", []),
        (S3, "S3", []),
    ]
);

impl Education {
    /// English label; the Indonesian one is the code itself.
    pub const fn label_en(self) -> &'static str {
        match self {
            Education::Sd => "Primary school",
            Education::Smp => "Lower secondary school",
            Education::Sma => "Upper secondary school",
            Education::Diploma => "Diploma (D1-D3)",
            Education::S1 => "Bachelor's degree",
            Education::S2 => "Master's degree",
            Education::S3 => "Doctorate",
        }
    }
}

/// Occupation, in the form's categories (REFERENCE §3.1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Occupation {
    /// Pegawai negeri sipil (civil servant).
    #[serde(rename = "PNS")]
    Pns,
    /// Tentara Nasional Indonesia (armed forces).
    #[serde(rename = "TNI")]
    Tni,
    /// Kepolisian (police).
    #[serde(rename = "POLRI")]
    Polri,
    /// Pegawai swasta (private employee).
    Swasta,
    /// Wirausaha (self-employed).
    Wirausaha,
    /// Lainnya (other).
    Lainnya,
}

coded_enum!(
    Occupation,
    ProfileError::UnknownOccupation,
    [
        (Pns, "PNS", []),
        (Tni, "TNI", []),
        (Polri, "POLRI", []),
        (Swasta, "Swasta", ["Pegawai swasta"]),
        (Wirausaha, "Wirausaha", ["Wiraswasta"]),
        (Lainnya, "Lainnya", []),
    ]
);

impl Occupation {
    /// English label.
    pub const fn label_en(self) -> &'static str {
        match self {
            Occupation::Pns => "Civil servant",
            Occupation::Tni => "Armed forces",
            Occupation::Polri => "Police",
            Occupation::Swasta => "Private employee",
            Occupation::Wirausaha => "Self-employed",
            Occupation::Lainnya => "Other",
        }
    }
}

/// Respondent age in whole years, bounded to catch typos (a "341" or "3") rather than to
/// judge who may answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "u8", into = "u8")]
pub struct Age(u8);

impl Age {
    /// Youngest accepted age.
    pub const MIN: u8 = 15;
    /// Oldest accepted age.
    pub const MAX: u8 = 100;

    /// The age in years.
    pub const fn get(self) -> u8 {
        self.0
    }

    /// Reads a cell or form value; surrounding spaces are ignored, anything but ASCII digits is
    /// [`ProfileError::AgeNotANumber`].
    pub fn parse(s: &str) -> Result<Self, ProfileError> {
        let s = s.trim();
        if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
            return Err(ProfileError::AgeNotANumber);
        }
        s.parse::<u8>()
            .map_err(|_| ProfileError::AgeOutOfRange)
            .and_then(Age::try_from)
    }
}

impl TryFrom<u8> for Age {
    type Error = ProfileError;
    fn try_from(v: u8) -> Result<Self, Self::Error> {
        if (Age::MIN..=Age::MAX).contains(&v) {
            Ok(Age(v))
        } else {
            Err(ProfileError::AgeOutOfRange)
        }
    }
}

impl From<Age> for u8 {
    fn from(a: Age) -> u8 {
        a.0
    }
}

impl FromStr for Age {
    type Err = ProfileError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Age::parse(s)
    }
}

impl fmt::Display for Age {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}
