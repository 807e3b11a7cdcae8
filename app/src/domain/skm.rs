//! The public satisfaction survey (SKM, PermenPAN-RB 14/2017, REFERENCE §3): its nine elements
//! (unsur), one respondent's answers, the satisfaction index (IKM) with its class (mutu), and
//! the minimum sample size.
//!
//! The index is computed exactly: sums and counts are integers, so every NRR and the IKM are
//! rationals, and only the final values are rounded (half away from zero) from those rationals.
//! No binary floating point enters a rounding or a classification, so 78.885 rounds to 78.89 as
//! a person with a calculator would, and the class can never flip on a representation error.

use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

pub use index::{compute_index, minimum_sample, IkmResult, Mutu};

mod exact;
mod index;
mod labels;
#[cfg(test)]
mod tests;

/// One of the nine survey elements. Identified by its code, never by its position on a form:
/// sources disagree on the order of U8 and U9 (REFERENCE §3.1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Unsur {
    /// Persyaratan (requirements).
    U1,
    /// Sistem, mekanisme, dan prosedur.
    U2,
    /// Waktu penyelesaian (completion time).
    U3,
    /// Biaya/tarif (fee).
    U4,
    /// Produk spesifikasi jenis pelayanan.
    U5,
    /// Kompetensi pelaksana (officer competence).
    U6,
    /// Perilaku pelaksana (officer courtesy).
    U7,
    /// Sarana dan prasarana (facilities).
    U8,
    /// Penanganan pengaduan, saran dan masukan.
    U9,
}

/// Why a text is not an unsur code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error, Serialize, Deserialize)]
pub enum UnsurError {
    /// Not one of `U1`..`U9` (case-insensitive).
    #[error("unknown unsur code")]
    UnknownCode,
}

impl Unsur {
    /// Every unsur in code order, for loops that must not depend on any form's layout.
    pub const ALL: [Unsur; 9] = [
        Unsur::U1,
        Unsur::U2,
        Unsur::U3,
        Unsur::U4,
        Unsur::U5,
        Unsur::U6,
        Unsur::U7,
        Unsur::U8,
        Unsur::U9,
    ];

    /// The stable storage key (`"U1"`..`"U9"`) used in databases, CSV headers and URLs.
    pub const fn code(self) -> &'static str {
        labels::CODES[self.slot()]
    }

    /// Reads a code leniently (surrounding spaces, lower case) because spreadsheets and
    /// hand-typed URLs vary; what is stored is always [`Unsur::code`].
    pub fn parse(s: &str) -> Result<Self, UnsurError> {
        let s = s.trim();
        Unsur::ALL
            .into_iter()
            .find(|u| u.code().eq_ignore_ascii_case(s))
            .ok_or(UnsurError::UnknownCode)
    }

    /// The regulation's Indonesian name, shown to respondents and in published results.
    pub const fn name_id(self) -> &'static str {
        labels::NAMES_ID[self.slot()]
    }

    /// An English rendering of [`Unsur::name_id`] for the English UI.
    pub const fn name_en(self) -> &'static str {
        labels::NAMES_EN[self.slot()]
    }

    /// The official answer wording for a score (REFERENCE §3.1): the form must show exactly
    /// these words, since the respondent answers the words, not the number.
    pub const fn label_id(self, score: Score) -> &'static str {
        labels::ANSWERS_ID[self.slot()][score.0 as usize - 1]
    }

    /// A faithful English rendering of [`Unsur::label_id`].
    pub const fn label_en(self, score: Score) -> &'static str {
        labels::ANSWERS_EN[self.slot()][score.0 as usize - 1]
    }

    /// Array slot derived from the code's number (U1 → 0), not from any form order.
    const fn slot(self) -> usize {
        self as usize
    }
}

impl fmt::Display for Unsur {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl FromStr for Unsur {
    type Err = UnsurError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Unsur::parse(s)
    }
}

/// One answer on the 1..=4 scale (REFERENCE §3.1). Holding a `Score` proves the value is on the
/// scale, so the index code never checks ranges.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "u8", into = "u8")]
pub struct Score(u8);

/// Why a value is not a score.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error, Serialize, Deserialize)]
pub enum ScoreError {
    /// The text is not a whole number written in ASCII digits.
    #[error("score is not a whole number")]
    NotANumber,
    /// A whole number outside 1..=4.
    #[error("score must be between 1 and 4")]
    OutOfRange,
}

impl Score {
    /// The lowest answer, for bounds in UIs and generators.
    pub const MIN: Score = Score(1);
    /// The highest answer.
    pub const MAX: Score = Score(4);
    /// All four answers in ascending order, for rendering a question's choices.
    pub const ALL: [Score; 4] = [Score(1), Score(2), Score(3), Score(4)];

    /// The number to store and sum.
    pub const fn get(self) -> u8 {
        self.0
    }

    /// Reads a cell or form value; surrounding spaces are ignored, signs and decimals are not
    /// (a "3.5" is a data error, not a rounding opportunity).
    pub fn parse(s: &str) -> Result<Self, ScoreError> {
        let s = s.trim();
        if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
            return Err(ScoreError::NotANumber);
        }
        s.parse::<u8>()
            .map_err(|_| ScoreError::OutOfRange)
            .and_then(Score::try_from)
    }
}

impl TryFrom<u8> for Score {
    type Error = ScoreError;
    fn try_from(v: u8) -> Result<Self, Self::Error> {
        match v {
            1..=4 => Ok(Score(v)),
            _ => Err(ScoreError::OutOfRange),
        }
    }
}

impl From<Score> for u8 {
    fn from(s: Score) -> u8 {
        s.0
    }
}

impl FromStr for Score {
    type Err = ScoreError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Score::parse(s)
    }
}

impl fmt::Display for Score {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// One respondent's answers, keyed by unsur. Any unsur may be skipped, but a response that
/// answers nothing is not a response, so it cannot be built (and never counts toward `n`).
/// Serialised as a map from code to score with skipped unsur left out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "BTreeMap<Unsur, Score>", into = "BTreeMap<Unsur, Score>")]
pub struct Answers([Option<Score>; 9]);

/// Why a set of answers is not a response.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error, Serialize, Deserialize)]
pub enum AnswersError {
    /// Every unsur was left unanswered.
    #[error("no unsur answered")]
    NoUnsurAnswered,
    /// The same unsur was given twice; which one wins would be a guess.
    #[error("unsur {0} answered twice")]
    DuplicateUnsur(Unsur),
}

impl Answers {
    /// Builds a response by asking for each unsur in turn; `None` means skipped.
    pub fn from_fn(mut f: impl FnMut(Unsur) -> Option<Score>) -> Result<Self, AnswersError> {
        let mut slots = [None; 9];
        for u in Unsur::ALL {
            slots[u.slot()] = f(u);
        }
        Answers::check(slots)
    }

    /// Builds a response from (unsur, score) pairs; unsur not listed are skipped.
    pub fn from_pairs(
        pairs: impl IntoIterator<Item = (Unsur, Score)>,
    ) -> Result<Self, AnswersError> {
        let mut slots = [None; 9];
        for (u, s) in pairs {
            if slots[u.slot()].replace(s).is_some() {
                return Err(AnswersError::DuplicateUnsur(u));
            }
        }
        Answers::check(slots)
    }

    fn check(slots: [Option<Score>; 9]) -> Result<Self, AnswersError> {
        if slots.iter().all(Option::is_none) {
            Err(AnswersError::NoUnsurAnswered)
        } else {
            Ok(Answers(slots))
        }
    }

    /// The score given for one unsur, or `None` if it was skipped.
    pub const fn get(&self, unsur: Unsur) -> Option<Score> {
        self.0[unsur.slot()]
    }

    /// The answered unsur with their scores, in code order.
    pub fn answered(&self) -> impl Iterator<Item = (Unsur, Score)> + '_ {
        Unsur::ALL
            .into_iter()
            .filter_map(|u| self.get(u).map(|s| (u, s)))
    }
}

impl TryFrom<BTreeMap<Unsur, Score>> for Answers {
    type Error = AnswersError;
    fn try_from(map: BTreeMap<Unsur, Score>) -> Result<Self, Self::Error> {
        Answers::from_pairs(map)
    }
}

impl From<Answers> for BTreeMap<Unsur, Score> {
    fn from(a: Answers) -> Self {
        a.answered().collect()
    }
}
