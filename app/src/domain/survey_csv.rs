//! One row of the survey CSV format (counter and paper surveys typed into a spreadsheet, and
//! exports): already split into fields by the caller, so this module does no IO and no CSV
//! quoting.
//!
//! A row is checked completely: every problem is reported with its column, so an admin can fix
//! a spreadsheet in one pass instead of one error per upload.

use std::fmt;

use serde::{Deserialize, Serialize};
use time::format_description::well_known::{Iso8601, Rfc3339};
use time::macros::format_description;
use time::{Date, OffsetDateTime, PrimitiveDateTime, UtcOffset};

use super::code::{Code, CodeError};
use super::period::Period;
use super::respondent::{Age, Education, Gender, Occupation, ProfileError};
use super::skm::{Answers, Score, ScoreError, Unsur};

#[cfg(test)]
mod tests;

/// The header line, in the only column order accepted.
pub const SURVEY_CSV_HEADER: [&str; 18] = [
    "submitted_at",
    "unit_code",
    "service_code",
    "officer_nip",
    "u1",
    "u2",
    "u3",
    "u4",
    "u5",
    "u6",
    "u7",
    "u8",
    "u9",
    "gender",
    "age",
    "education",
    "occupation",
    "suggestion",
];

/// Longest suggestion kept, in characters (Unicode scalar values, not bytes).
pub const SUGGESTION_MAX_CHARS: usize = 2000;

/// A column of the format, so errors point at a column by meaning rather than by position.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Column {
    /// `submitted_at`.
    SubmittedAt,
    /// `unit_code`.
    UnitCode,
    /// `service_code`.
    ServiceCode,
    /// `officer_nip`.
    OfficerNip,
    /// `u1`..`u9`.
    Answer(Unsur),
    /// `gender`.
    Gender,
    /// `age`.
    Age,
    /// `education`.
    Education,
    /// `occupation`.
    Occupation,
    /// `suggestion`.
    Suggestion,
}

impl Column {
    /// Every column in file order (matches [`SURVEY_CSV_HEADER`]).
    pub const ALL: [Column; 18] = [
        Column::SubmittedAt,
        Column::UnitCode,
        Column::ServiceCode,
        Column::OfficerNip,
        Column::Answer(Unsur::U1),
        Column::Answer(Unsur::U2),
        Column::Answer(Unsur::U3),
        Column::Answer(Unsur::U4),
        Column::Answer(Unsur::U5),
        Column::Answer(Unsur::U6),
        Column::Answer(Unsur::U7),
        Column::Answer(Unsur::U8),
        Column::Answer(Unsur::U9),
        Column::Gender,
        Column::Age,
        Column::Education,
        Column::Occupation,
        Column::Suggestion,
    ];

    /// The header name of the column, as users see it in their spreadsheet.
    pub fn name(self) -> &'static str {
        let i = Column::ALL.iter().position(|&c| c == self).unwrap_or(0);
        SURVEY_CSV_HEADER[i]
    }
}

impl fmt::Display for Column {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Why a header line is not the survey format.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize, Deserialize)]
pub enum HeaderError {
    /// A column name differs from the expected one at that position (the first such column).
    #[error("expected column `{expected}`, found `{found}`")]
    UnexpectedColumn {
        /// The column that belongs at that position.
        expected: Column,
        /// What the file has there, trimmed.
        found: String,
    },
    /// The names match as far as they go, but there are too few or too many columns.
    #[error("expected 18 columns, found {found}")]
    ColumnCount {
        /// Number of columns in the file.
        found: usize,
    },
}

/// Accepts the header with surrounding spaces, any letter case and a UTF-8 byte-order mark
/// (spreadsheet exports add these); the order is fixed.
pub fn check_header(fields: &[&str]) -> Result<(), HeaderError> {
    for (i, (&got, &want)) in fields.iter().zip(SURVEY_CSV_HEADER.iter()).enumerate() {
        let got = got.trim_start_matches('\u{feff}').trim();
        if !got.eq_ignore_ascii_case(want) {
            return Err(HeaderError::UnexpectedColumn {
                expected: Column::ALL[i],
                found: got.to_owned(),
            });
        }
    }
    if fields.len() != SURVEY_CSV_HEADER.len() {
        return Err(HeaderError::ColumnCount {
            found: fields.len(),
        });
    }
    Ok(())
}

/// What is wrong with one cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error, Serialize, Deserialize)]
pub enum FieldError {
    /// A required cell is empty.
    #[error("required")]
    Missing,
    /// Neither a date `YYYY-MM-DD` nor an RFC 3339 timestamp (or an impossible one).
    #[error("not a date (2026-03-14) or RFC 3339 timestamp (2026-03-14T10:15:00+07:00)")]
    InvalidTimestamp,
    /// A date and time without offset: which zone was meant is a guess, so it is refused.
    #[error("timestamp has no UTC offset")]
    TimestampWithoutOffset,
    /// A date whose year is outside what periods can name.
    #[error("year out of range")]
    YearOutOfRange,
    /// An invalid unit or service code.
    #[error("{0}")]
    Code(CodeError),
    /// Not exactly 18 ASCII digits.
    #[error("NIP must be 18 digits")]
    InvalidNip,
    /// An answer cell that is not 1..=4.
    #[error("{0}")]
    Score(ScoreError),
    /// An invalid gender, age, education or occupation.
    #[error("{0}")]
    Profile(ProfileError),
    /// The suggestion exceeds [`SUGGESTION_MAX_CHARS`].
    #[error("longer than {max} characters", max = SUGGESTION_MAX_CHARS)]
    TooLong,
}

/// One problem in a row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error, Serialize, Deserialize)]
pub enum RowError {
    /// The row does not have 18 fields, so no cell can be trusted to be what it seems; this is
    /// then the only error reported.
    #[error("expected 18 fields, found {found}")]
    FieldCount {
        /// Number of fields in the row.
        found: usize,
    },
    /// A cell is invalid.
    #[error("{column}: {reason}")]
    Field {
        /// Which cell.
        column: Column,
        /// What is wrong with it.
        reason: FieldError,
    },
    /// All nine answer cells are empty: not a response (REFERENCE §3.2 counts responses).
    #[error("no unsur answered")]
    NoUnsurAnswered,
}

/// A valid survey row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SurveyRow {
    /// When the response was given, in UTC. A date-only cell becomes local midnight of that
    /// day: the time is unknown, the day is what counts.
    pub submitted_at: OffsetDateTime,
    /// The local calendar day that files the response into a period (REFERENCE §4.1: for
    /// counter and paper surveys, the day of the survey).
    pub service_date: Date,
    /// The unit surveyed.
    pub unit_code: Code,
    /// The service type surveyed.
    pub service_code: Code,
    /// The officer credited, if the sheet names one: exactly 18 ASCII digits.
    pub officer_nip: Option<String>,
    /// The scores, keyed by unsur.
    pub answers: Answers,
    /// Respondent profile, each optional.
    pub gender: Option<Gender>,
    /// Respondent age.
    pub age: Option<Age>,
    /// Respondent education.
    pub education: Option<Education>,
    /// Respondent occupation.
    pub occupation: Option<Occupation>,
    /// Free text, trimmed; `None` when empty.
    pub suggestion: Option<String>,
}

/// Parses one data row (fields already split; each is trimmed here). `tz` is the instance's
/// offset, used for date-only cells and to find the local service date.
pub fn parse_survey_row(fields: &[&str], tz: UtcOffset) -> Result<SurveyRow, Vec<RowError>> {
    let &[submitted_at, unit, service, nip, u1, u2, u3, u4, u5, u6, u7, u8, u9, gender, age, education, occupation, suggestion] =
        fields
    else {
        return Err(vec![RowError::FieldCount {
            found: fields.len(),
        }]);
    };
    let mut errors = Errors(Vec::new());

    let when = errors.check(Column::SubmittedAt, parse_submitted_at(submitted_at, tz));
    let unit_code = errors.check(Column::UnitCode, required(unit).and_then(parse_code));
    let service_code = errors.check(Column::ServiceCode, required(service).and_then(parse_code));
    let officer_nip = errors.check(Column::OfficerNip, optional(nip).map(parse_nip).transpose());
    let cells = [u1, u2, u3, u4, u5, u6, u7, u8, u9];
    let mut scores = Vec::with_capacity(9);
    for (u, cell) in Unsur::ALL.into_iter().zip(cells) {
        let parsed = optional(cell).map(|s| Score::parse(s).map_err(FieldError::Score));
        if let Some(score) = errors
            .check(Column::Answer(u), parsed.transpose())
            .flatten()
        {
            scores.push((u, score));
        }
    }
    let gender = errors
        .check(Column::Gender, profile(gender, Gender::parse))
        .flatten();
    let age = errors
        .check(Column::Age, profile(age, Age::parse))
        .flatten();
    let education = errors
        .check(Column::Education, profile(education, Education::parse))
        .flatten();
    let occupation = errors
        .check(Column::Occupation, profile(occupation, Occupation::parse))
        .flatten();
    let suggestion = errors
        .check(Column::Suggestion, parse_suggestion(suggestion))
        .flatten();

    let answers = if cells.iter().all(|c| c.trim().is_empty()) {
        errors.0.push(RowError::NoUnsurAnswered);
        None
    } else {
        // Fails only if every non-empty cell was invalid, and those are already reported.
        Answers::from_pairs(scores).ok()
    };

    match (when, unit_code, service_code, officer_nip, answers) {
        (
            Some((submitted_at, service_date)),
            Some(unit_code),
            Some(service_code),
            Some(officer_nip),
            Some(answers),
        ) if errors.0.is_empty() => Ok(SurveyRow {
            submitted_at,
            service_date,
            unit_code,
            service_code,
            officer_nip,
            answers,
            gender,
            age,
            education,
            occupation,
            suggestion,
        }),
        _ => Err(errors.0),
    }
}

/// Collects every cell's error instead of stopping at the first.
struct Errors(Vec<RowError>);

impl Errors {
    fn check<T>(&mut self, column: Column, r: Result<T, FieldError>) -> Option<T> {
        r.map_err(|reason| self.0.push(RowError::Field { column, reason }))
            .ok()
    }
}

fn profile<T>(
    cell: &str,
    parse: fn(&str) -> Result<T, ProfileError>,
) -> Result<Option<T>, FieldError> {
    optional(cell)
        .map(|s| parse(s).map_err(FieldError::Profile))
        .transpose()
}

/// Trimmed cell, or `None` if blank.
fn optional(cell: &str) -> Option<&str> {
    Some(cell.trim()).filter(|s| !s.is_empty())
}

fn required(cell: &str) -> Result<&str, FieldError> {
    optional(cell).ok_or(FieldError::Missing)
}

fn parse_code(s: &str) -> Result<Code, FieldError> {
    Code::parse(s).map_err(FieldError::Code)
}

fn parse_nip(s: &str) -> Result<String, FieldError> {
    if s.len() == 18 && s.bytes().all(|b| b.is_ascii_digit()) {
        Ok(s.to_owned())
    } else {
        Err(FieldError::InvalidNip)
    }
}

fn parse_suggestion(cell: &str) -> Result<Option<String>, FieldError> {
    match optional(cell) {
        Some(s) if s.chars().count() > SUGGESTION_MAX_CHARS => Err(FieldError::TooLong),
        other => Ok(other.map(str::to_owned)),
    }
}

/// `(instant in UTC, local service date)` from a date or an RFC 3339 timestamp.
fn parse_submitted_at(cell: &str, tz: UtcOffset) -> Result<(OffsetDateTime, Date), FieldError> {
    let s = required(cell)?;
    let local = if let Ok(date) = Date::parse(s, format_description!("[year]-[month]-[day]")) {
        date.midnight().assume_offset(tz)
    } else if let Ok(instant) = OffsetDateTime::parse(s, &Rfc3339) {
        instant
            .checked_to_offset(tz)
            .ok_or(FieldError::YearOutOfRange)?
    } else if PrimitiveDateTime::parse(&s.replacen(' ', "T", 1), &Iso8601::DEFAULT).is_ok() {
        return Err(FieldError::TimestampWithoutOffset);
    } else {
        return Err(FieldError::InvalidTimestamp);
    };
    let service_date = local.date();
    if !(Period::MIN_YEAR..=Period::MAX_YEAR).contains(&service_date.year()) {
        return Err(FieldError::YearOutOfRange);
    }
    let utc = local
        .checked_to_offset(UtcOffset::UTC)
        .ok_or(FieldError::YearOutOfRange)?;
    Ok((utc, service_date))
}
