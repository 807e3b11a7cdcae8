//! The published service standard (REFERENCE §2.1) as values: the extra questions a service asks
//! (and checking a citizen's answers to them), the fee as people read it, and one service row
//! of the catalog CSV (`code,unit_code,name,completion_days,fee`).

use super::code::{Code, CodeError};
use serde::{Deserialize, Serialize};
use time::Date;

/// The kind of an extra form field a service asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FieldKind {
    /// Free text, one line (at most 500 characters).
    Text,
    /// A number (digits, optional decimal part).
    Number,
    /// A calendar date `YYYY-MM-DD`.
    Date,
    /// One of a fixed list of choices.
    Choice,
}

impl FieldKind {
    /// Every kind.
    pub const ALL: [FieldKind; 4] = [
        FieldKind::Text,
        FieldKind::Number,
        FieldKind::Date,
        FieldKind::Choice,
    ];

    /// Stored code.
    pub fn code(self) -> &'static str {
        match self {
            FieldKind::Text => "text",
            FieldKind::Number => "number",
            FieldKind::Date => "date",
            FieldKind::Choice => "choice",
        }
    }

    /// Reads a stored code.
    pub fn parse(code: &str) -> Option<FieldKind> {
        FieldKind::ALL.into_iter().find(|k| k.code() == code.trim())
    }
}

/// One extra question of a service.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldSpec {
    /// Its id (the form field is named `field_<id>`).
    pub field_id: i64,
    /// The kind of answer.
    pub kind: FieldKind,
    /// Allowed answers for [`FieldKind::Choice`].
    pub choices: Vec<String>,
    /// Whether an answer is required.
    pub required: bool,
}

/// Why an answer was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum AnswerError {
    /// Required but empty.
    #[error("required")]
    Missing,
    /// Longer than 500 characters.
    #[error("too long")]
    TooLong,
    /// Not a number.
    #[error("not a number")]
    NotANumber,
    /// Not a date `YYYY-MM-DD`.
    #[error("not a date")]
    NotADate,
    /// Not one of the choices.
    #[error("not a choice")]
    NotAChoice,
}

/// Checks one answer; returns the normalised answer (empty when optional and not given).
pub fn check_answer(spec: &FieldSpec, raw: &str) -> Result<String, AnswerError> {
    let value = raw.trim();
    if value.is_empty() {
        return if spec.required {
            Err(AnswerError::Missing)
        } else {
            Ok(String::new())
        };
    }
    if value.chars().count() > 500 {
        return Err(AnswerError::TooLong);
    }
    match spec.kind {
        FieldKind::Text => Ok(value.split_whitespace().collect::<Vec<_>>().join(" ")),
        FieldKind::Number => {
            let normalised = value.replace(',', ".");
            let valid = normalised.parse::<f64>().is_ok_and(f64::is_finite)
                && normalised
                    .chars()
                    .all(|c| c.is_ascii_digit() || c == '.' || c == '-');
            if valid {
                Ok(normalised)
            } else {
                Err(AnswerError::NotANumber)
            }
        }
        FieldKind::Date => {
            let format = time::macros::format_description!("[year]-[month]-[day]");
            Date::parse(value, &format)
                .map(|_| value.to_owned())
                .map_err(|_| AnswerError::NotADate)
        }
        FieldKind::Choice => spec
            .choices
            .iter()
            .find(|c| c.as_str() == value)
            .cloned()
            .ok_or(AnswerError::NotAChoice),
    }
}

/// A fee in rupiah as people read it: `Gratis` / `Free` for 0, else `Rp 150.000`.
pub fn format_fee(rupiah: i64, free_label: &str) -> String {
    if rupiah <= 0 {
        return free_label.to_owned();
    }
    let digits = rupiah.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    format!("Rp {out}")
}

/// One row of the services CSV, parsed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ServiceRecord {
    /// The service's code (unique in the instance).
    pub code: Code,
    /// The unit that provides it.
    pub unit_code: Code,
    /// Its name (Indonesian; the English name starts as a copy).
    pub name: String,
    /// Completion time in working days (1–365).
    pub completion_days: i64,
    /// Fee in rupiah (0 = free).
    pub fee_rupiah: i64,
}

/// One problem in a services row, with its column.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ServiceRowError {
    /// A bad code (`code` or `unit_code`).
    Code(&'static str, CodeError),
    /// Empty name or longer than 200 characters.
    Name,
    /// Not a whole number of days in 1–365.
    CompletionDays,
    /// Not a whole, non-negative number of rupiah.
    Fee,
}

impl ServiceRowError {
    /// The CSV column (and form field) of the problem.
    pub fn field(&self) -> &'static str {
        match self {
            ServiceRowError::Code(field, _) => field,
            ServiceRowError::Name => "name",
            ServiceRowError::CompletionDays => "completion_days",
            ServiceRowError::Fee => "fee",
        }
    }
}

/// Parses a service from its fields, reporting every problem.
pub fn parse_service(
    code: &str,
    unit_code: &str,
    name: &str,
    completion_days: &str,
    fee: &str,
) -> Result<ServiceRecord, Vec<ServiceRowError>> {
    let mut errors = Vec::new();
    let code = Code::parse(code)
        .map_err(|e| errors.push(ServiceRowError::Code("code", e)))
        .ok();
    let unit_code = Code::parse(unit_code)
        .map_err(|e| errors.push(ServiceRowError::Code("unit_code", e)))
        .ok();
    let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
    if name.is_empty() || name.chars().count() > 200 {
        errors.push(ServiceRowError::Name);
    }
    let completion_days = completion_days
        .trim()
        .parse::<i64>()
        .ok()
        .filter(|d| (1..=365).contains(d));
    if completion_days.is_none() {
        errors.push(ServiceRowError::CompletionDays);
    }
    let fee_text: String = fee
        .trim()
        .chars()
        .filter(|c| *c != '.' && *c != ' ')
        .collect();
    let fee_rupiah = fee_text.parse::<i64>().ok().filter(|f| *f >= 0);
    if fee_rupiah.is_none() {
        errors.push(ServiceRowError::Fee);
    }
    match (code, unit_code, completion_days, fee_rupiah) {
        (Some(code), Some(unit_code), Some(completion_days), Some(fee_rupiah))
            if errors.is_empty() =>
        {
            Ok(ServiceRecord {
                code,
                unit_code,
                name,
                completion_days,
                fee_rupiah,
            })
        }
        _ => Err(errors),
    }
}

#[cfg(test)]
mod tests;
