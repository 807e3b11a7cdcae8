//! Survey and appraisal periods (REFERENCE §4.1 last paragraph, §3.4, §5.3): a calendar year
//! `2026`, a semester `2026-S1` (Jan–Jun) / `2026-S2` (Jul–Dec), or a quarter `2026-Q1`…`Q4`.
//!
//! A period is a range of calendar days; which UTC instants those days cover depends on the
//! instance's time zone, see `super::tz::TimeZone::period_bounds_utc`.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};
use time::{Date, Month};

#[cfg(test)]
mod tests;

/// The granularity a unit runs its survey or appraisal at (§3.4: at least yearly, optionally
/// per semester or quarter).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PeriodKind {
    /// A calendar year.
    Year,
    /// Half a year: S1 = January–June, S2 = July–December.
    Semester,
    /// A calendar quarter.
    Quarter,
}

impl PeriodKind {
    /// How many periods of this kind a year has.
    pub const fn per_year(self) -> u8 {
        match self {
            PeriodKind::Year => 1,
            PeriodKind::Semester => 2,
            PeriodKind::Quarter => 4,
        }
    }

    const fn months(self) -> u8 {
        12 / self.per_year()
    }
}

/// A named period. Its name (`Display`) is the stable key for URLs and database rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Period {
    year: i32,
    kind: PeriodKind,
    /// 1-based position within the year (always 1 for a year).
    index: u8,
}

/// Why a text or a date does not give a period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error, Serialize, Deserialize)]
pub enum PeriodError {
    /// Nothing to parse.
    #[error("period is empty")]
    Empty,
    /// Not of the form `YYYY`, `YYYY-Sn` or `YYYY-Qn`.
    #[error("period must look like 2026, 2026-S1 or 2026-Q1")]
    Malformed,
    /// A year outside [`Period::MIN_YEAR`]..=[`Period::MAX_YEAR`].
    #[error("period year out of range")]
    YearOutOfRange,
    /// `S` followed by a digit other than 1 or 2.
    #[error("semester must be 1 or 2")]
    SemesterOutOfRange,
    /// `Q` followed by a digit other than 1..=4.
    #[error("quarter must be between 1 and 4")]
    QuarterOutOfRange,
}

impl Period {
    /// Earliest year accepted: a sanity bound that keeps every period's day arithmetic total.
    pub const MIN_YEAR: i32 = 1900;
    /// Latest year accepted.
    pub const MAX_YEAR: i32 = 2999;

    /// A whole calendar year.
    pub fn year(year: i32) -> Result<Self, PeriodError> {
        Period::new(year, PeriodKind::Year, 1)
    }

    /// Semester 1 (Jan–Jun) or 2 (Jul–Dec) of a year.
    pub fn semester(year: i32, semester: u8) -> Result<Self, PeriodError> {
        Period::new(year, PeriodKind::Semester, semester)
    }

    /// Quarter 1..=4 of a year.
    pub fn quarter(year: i32, quarter: u8) -> Result<Self, PeriodError> {
        Period::new(year, PeriodKind::Quarter, quarter)
    }

    fn new(year: i32, kind: PeriodKind, index: u8) -> Result<Self, PeriodError> {
        if !(Period::MIN_YEAR..=Period::MAX_YEAR).contains(&year) {
            return Err(PeriodError::YearOutOfRange);
        }
        if !(1..=kind.per_year()).contains(&index) {
            return Err(match kind {
                PeriodKind::Quarter => PeriodError::QuarterOutOfRange,
                _ => PeriodError::SemesterOutOfRange,
            });
        }
        Ok(Period { year, kind, index })
    }

    /// Reads a period name. The year must have four digits (`26-S1` is ambiguous);
    /// `s`/`q` may be lower case; no spaces are accepted, since a name is a key.
    pub fn parse(s: &str) -> Result<Self, PeriodError> {
        if s.is_empty() {
            return Err(PeriodError::Empty);
        }
        let (year, part) = match s.split_once('-') {
            Some((y, p)) => (y, Some(p)),
            None => (s, None),
        };
        if year.len() != 4 || !year.bytes().all(|b| b.is_ascii_digit()) {
            return Err(PeriodError::Malformed);
        }
        let year: i32 = year.parse().map_err(|_| PeriodError::Malformed)?;
        let Some(part) = part else {
            return Period::year(year);
        };
        let &[letter, digit] = part.as_bytes() else {
            return Err(PeriodError::Malformed);
        };
        if !digit.is_ascii_digit() {
            return Err(PeriodError::Malformed);
        }
        let index = digit - b'0';
        match letter.to_ascii_uppercase() {
            b'S' => Period::semester(year, index),
            b'Q' => Period::quarter(year, index),
            _ => Err(PeriodError::Malformed),
        }
    }

    /// The period of the given kind that a day falls in, e.g. to file a survey response.
    pub fn containing(date: Date, kind: PeriodKind) -> Result<Self, PeriodError> {
        let month0 = u8::from(date.month()) - 1;
        Period::new(date.year(), kind, month0 / kind.months() + 1)
    }

    /// The calendar year the period lies in.
    pub const fn calendar_year(self) -> i32 {
        self.year
    }

    /// Year, semester or quarter.
    pub const fn kind(self) -> PeriodKind {
        self.kind
    }

    /// 1-based position within the year (semester 1..=2, quarter 1..=4, 1 for a year), for
    /// localised titles like "Semester I 2026".
    pub const fn index(self) -> u8 {
        self.index
    }

    /// The period just before, of the same kind: §3.4 sizes a sample from the previous
    /// period's recipients. `None` before [`Period::MIN_YEAR`].
    pub fn previous(self) -> Option<Self> {
        if self.index > 1 {
            Some(Period {
                index: self.index - 1,
                ..self
            })
        } else {
            Period::new(self.year - 1, self.kind, self.kind.per_year()).ok()
        }
    }

    fn first_month(self) -> Month {
        let m = (self.index - 1) * self.kind.months() + 1;
        Month::try_from(m).unwrap_or(Month::January) // m is 1, 4, 7 or 10 by construction
    }

    fn last_month(self) -> Month {
        let m = self.index * self.kind.months();
        Month::try_from(m).unwrap_or(Month::December) // m is 3, 6, 9 or 12 by construction
    }

    /// First calendar day, inclusive.
    pub fn first_day(self) -> Date {
        Date::from_calendar_date(self.year, self.first_month(), 1).unwrap_or(Date::MIN)
        // always valid: the year is within MIN_YEAR..=MAX_YEAR
    }

    /// Last calendar day, inclusive.
    pub fn last_day(self) -> Date {
        let month = self.last_month();
        Date::from_calendar_date(self.year, month, month.length(self.year)).unwrap_or(Date::MAX)
    }

    /// Whether a (local) calendar day belongs to the period.
    pub fn contains(self, date: Date) -> bool {
        self.first_day() <= date && date <= self.last_day()
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.kind {
            PeriodKind::Year => write!(f, "{:04}", self.year),
            PeriodKind::Semester => write!(f, "{:04}-S{}", self.year, self.index),
            PeriodKind::Quarter => write!(f, "{:04}-Q{}", self.year, self.index),
        }
    }
}

impl FromStr for Period {
    type Err = PeriodError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Period::parse(s)
    }
}

impl TryFrom<String> for Period {
    type Error = PeriodError;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        Period::parse(&s)
    }
}

impl From<Period> for String {
    fn from(p: Period) -> String {
        p.to_string()
    }
}
