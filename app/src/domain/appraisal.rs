//! Appraisal rules of PermenPAN-RB 6/2022 that the portal applies after the supervisor has
//! rated an officer (REFERENCE §5): the predikat matrix, the written reason for departing from
//! the portal's suggestion, the organisation-driven distribution check, credit points, the
//! nine-box talent grid and award candidacy. Pure functions; the supervisor and HR decide.

use serde::{Deserialize, Serialize};

use super::officer_score::Expectation;

/// Why an appraisal input is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AppraisalError {
    /// The rating departs from the suggestion and no reason (or only blanks) was written.
    #[error(
        "rating {chosen} departs from the suggestion {suggested}: a written reason is required"
    )]
    ReasonRequired {
        /// What the portal suggested.
        suggested: Expectation,
        /// What the supervisor chose.
        chosen: Expectation,
    },
    /// A reason was written but is too short to explain anything.
    #[error("the reason has {actual_chars} characters; at least {min_chars} are required")]
    ReasonTooShort {
        /// [`MIN_DEPARTURE_REASON_CHARS`].
        min_chars: usize,
        /// Characters after trimming.
        actual_chars: usize,
    },
    /// Not a predikat code.
    #[error("unknown predikat code {code:?}")]
    UnknownPredikat {
        /// The rejected text.
        code: String,
    },
    /// Not an organisation rating code.
    #[error("unknown organisation rating code {code:?}")]
    UnknownOrgRating {
        /// The rejected text.
        code: String,
    },
    /// Not a performance-level code.
    #[error("unknown performance level code {code:?}")]
    UnknownPerformanceLevel {
        /// The rejected text.
        code: String,
    },
    /// Not a potential code.
    #[error("unknown potential code {code:?}")]
    UnknownPotential {
        /// The rejected text.
        code: String,
    },
    /// Nine-box numbers are 1..9.
    #[error("nine-box number must be 1..=9, got {number}")]
    InvalidNineBox {
        /// The rejected number.
        number: u8,
    },
    /// Percentages are 0..100.
    #[error("percent must be 0..=100, got {value}")]
    InvalidPercent {
        /// The rejected value.
        value: u8,
    },
}

/// Generates `ALL`, `code`, `parse`, labels, `FromStr` and `Display` for a code-list enum.
macro_rules! coded_enum {
    ($ty:ident, $err:ident, [$($variant:ident => $code:literal, $id:literal, $en:literal;)+]) => {
        impl $ty {
            /// Every value in declaration order, for pickers and loops.
            pub const ALL: [$ty; [$($code),+].len()] = [$($ty::$variant),+];

            /// Stable snake_case code for storage and APIs; equal to the serde form.
            pub fn code(self) -> &'static str {
                match self { $($ty::$variant => $code),+ }
            }

            /// Reads a stored code; exact match only, so a typo never becomes a rating.
            pub fn parse(code: &str) -> Result<Self, AppraisalError> {
                match code {
                    $($code => Ok($ty::$variant),)+
                    _ => Err(AppraisalError::$err { code: code.to_owned() }),
                }
            }

            /// Indonesian wording as used in the regulation.
            pub fn label_id(self) -> &'static str {
                match self { $($ty::$variant => $id),+ }
            }

            /// English wording for the bilingual UI.
            pub fn label_en(self) -> &'static str {
                match self { $($ty::$variant => $en),+ }
            }
        }

        impl ::std::str::FromStr for $ty {
            type Err = AppraisalError;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                Self::parse(s)
            }
        }

        impl ::std::fmt::Display for $ty {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.code())
            }
        }
    };
}

mod distribution;
mod talent;
#[cfg(test)]
mod tests;

pub use distribution::{
    check_distribution, check_distribution_with, DistributionRule, DistributionTable,
    DistributionWarning, OrgRating, Percent, PredikatCounts,
};
pub use talent::{is_promotion_pool, nine_box, NineBox, PerformanceLevel, Potential};

/// Predikat kinerja pegawai (REFERENCE §5.1): what HR reads off an appraisal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Predikat {
    /// Sangat Baik.
    SangatBaik,
    /// Baik.
    Baik,
    /// Butuh Perbaikan.
    ButuhPerbaikan,
    /// Kurang/Misconduct: shown with "Misconduct" because behaviour below expectation puts
    /// even good results here (REFERENCE §5.1).
    Kurang,
    /// Sangat Kurang.
    SangatKurang,
}

coded_enum!(Predikat, UnknownPredikat, [
    SangatBaik => "sangat_baik", "Sangat Baik", "Very good";
    Baik => "baik", "Baik", "Good";
    ButuhPerbaikan => "butuh_perbaikan", "Butuh Perbaikan", "Needs improvement";
    Kurang => "kurang", "Kurang/Misconduct", "Poor/Misconduct";
    SangatKurang => "sangat_kurang", "Sangat Kurang", "Very poor";
]);

/// The predikat from the two ratings (REFERENCE §5.1 matrix; rows hasil kerja, columns
/// perilaku kerja). Behaviour below expectation caps even top results at Kurang/Misconduct.
pub fn predikat(hasil_kerja: Expectation, perilaku_kerja: Expectation) -> Predikat {
    use Expectation::{DiAtas, DiBawah, Sesuai};
    match (hasil_kerja, perilaku_kerja) {
        (DiAtas, DiAtas) => Predikat::SangatBaik,
        (DiAtas, Sesuai) | (Sesuai, Sesuai) | (Sesuai, DiAtas) => Predikat::Baik,
        (DiAtas, DiBawah) | (Sesuai, DiBawah) => Predikat::Kurang,
        (DiBawah, DiAtas) | (DiBawah, Sesuai) => Predikat::ButuhPerbaikan,
        (DiBawah, DiBawah) => Predikat::SangatKurang,
    }
}

/// Shortest acceptable departure reason, in characters (Unicode scalar values) after trimming.
/// Ten rules out "ok", "-", "sesuai" while accepting a terse real sentence; the regulation sets
/// no number, so this is the portal's choice.
pub const MIN_DEPARTURE_REASON_CHARS: usize = 10;

/// REFERENCE §5.2: a rating that departs from the portal's suggestion needs a written reason.
/// `chosen` is the supervisor's rating of the part the suggestion is about (Berorientasi
/// pelayanan). No suggestion (data belum cukup) or agreement → no reason required.
pub fn check_departure(
    suggestion: Option<Expectation>,
    chosen: Expectation,
    reason: Option<&str>,
) -> Result<(), AppraisalError> {
    let Some(suggested) = suggestion else {
        return Ok(());
    };
    if suggested == chosen {
        return Ok(());
    }
    let actual_chars = reason.map_or(0, |r| r.trim().chars().count());
    if actual_chars == 0 {
        Err(AppraisalError::ReasonRequired { suggested, chosen })
    } else if actual_chars < MIN_DEPARTURE_REASON_CHARS {
        Err(AppraisalError::ReasonTooShort {
            min_chars: MIN_DEPARTURE_REASON_CHARS,
            actual_chars,
        })
    } else {
        Ok(())
    }
}

/// Share of the annual credit-point coefficient for functional positions (REFERENCE §5.3).
pub fn credit_percentage(p: Predikat) -> u32 {
    match p {
        Predikat::SangatBaik => 150,
        Predikat::Baik => 100,
        Predikat::ButuhPerbaikan => 75,
        Predikat::Kurang => 50,
        Predikat::SangatKurang => 25,
    }
}

/// Award and succession candidate (REFERENCE §5.3: Sangat Baik two years running). Takes the
/// officer's ANNUAL predikat as `(year, predikat)` in any order, up to the year being decided.
/// True when the latest year present and the year before it are both present and Sangat Baik.
/// A year listed more than once counts only if every entry for it is Sangat Baik, so a
/// conflicting record never helps; a missing year breaks the run.
pub fn award_candidate(annual_history: &[(i32, Predikat)]) -> bool {
    let Some(latest) = annual_history.iter().map(|&(year, _)| year).max() else {
        return false;
    };
    let sangat_baik_in = |year: i32| {
        let mut entries = annual_history
            .iter()
            .filter(|&&(y, _)| y == year)
            .peekable();
        entries.peek().is_some() && entries.all(|&(_, p)| p == Predikat::SangatBaik)
    };
    latest
        .checked_sub(1)
        .is_some_and(|previous| sangat_baik_in(latest) && sangat_baik_in(previous))
}
