//! Numbers citizens and the public read: the registration number of an application (nomor
//! permohonan, REFERENCE §2.2) and the permit number (e.g. `503/0112/SIPD/DPM-PTSP/2026`).

use serde::{Deserialize, Serialize};
use time::Date;

/// Crockford's base-32 alphabet: no I, L, O or U, so nothing is misread.
const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// `SGP-YYYYMMDD-XXXXXC`: the submission date, five random characters and a check character
/// (a weighted sum mod 32 with odd weights, so any single mistyped character is caught).
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct RegistrationNumber(String);

/// Why a typed registration number was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum RegistrationError {
    /// Not the shape `SGP-YYYYMMDD-XXXXXX`.
    #[error("not a registration number")]
    Malformed,
    /// The check character does not match: a typo.
    #[error("check character does not match")]
    BadCheck,
}

fn value_of(c: u8) -> Option<u32> {
    let c = match c.to_ascii_uppercase() {
        b'O' => b'0',
        b'I' | b'L' => b'1',
        other => other,
    };
    ALPHABET.iter().position(|a| *a == c).map(|p| p as u32)
}

fn check_char(date_digits: &str, random: &[u32]) -> u8 {
    let values = date_digits
        .bytes()
        .map(|b| u32::from(b - b'0'))
        .chain(random.iter().copied());
    let sum: u32 = values
        .enumerate()
        .map(|(i, v)| v * (2 * i as u32 + 1))
        .sum();
    ALPHABET[(sum % 32) as usize]
}

impl RegistrationNumber {
    /// A number for an application submitted on `date`; `random` supplies the five characters
    /// (the caller draws it and retries on the rare collision).
    pub fn generate(date: Date, random: u64) -> RegistrationNumber {
        let digits = format!(
            "{:04}{:02}{:02}",
            date.year(),
            u8::from(date.month()),
            date.day()
        );
        let values: Vec<u32> = (0..5).map(|i| ((random >> (5 * i)) & 31) as u32).collect();
        let random_part: String = values
            .iter()
            .map(|v| ALPHABET[*v as usize] as char)
            .collect();
        let check = check_char(&digits, &values) as char;
        RegistrationNumber(format!("SGP-{digits}-{random_part}{check}"))
    }

    /// Reads a typed number: any case, spaces ignored, O/I/L read as 0/1.
    pub fn parse(input: &str) -> Result<RegistrationNumber, RegistrationError> {
        let compact: String = input
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_ascii_uppercase();
        let rest = compact
            .strip_prefix("SGP-")
            .ok_or(RegistrationError::Malformed)?;
        let (digits, code) = rest.split_once('-').ok_or(RegistrationError::Malformed)?;
        if digits.len() != 8 || !digits.bytes().all(|b| b.is_ascii_digit()) || code.len() != 6 {
            return Err(RegistrationError::Malformed);
        }
        let values: Vec<u32> = code
            .bytes()
            .map(value_of)
            .collect::<Option<_>>()
            .ok_or(RegistrationError::Malformed)?;
        if check_char(digits, &values[..5]) != ALPHABET[values[5] as usize] {
            return Err(RegistrationError::BadCheck);
        }
        let canonical: String = values
            .iter()
            .map(|v| ALPHABET[*v as usize] as char)
            .collect();
        Ok(RegistrationNumber(format!("SGP-{digits}-{canonical}")))
    }

    /// The number.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for RegistrationNumber {
    type Error = RegistrationError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        RegistrationNumber::parse(&value)
    }
}

impl From<RegistrationNumber> for String {
    fn from(n: RegistrationNumber) -> String {
        n.0
    }
}

/// The pattern of permit numbers, with placeholders `{archive}`, `{seq:N}` (zero-padded to N
/// digits), `{service}`, `{unit}` and `{year}`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PermitNumberPattern(String);

/// The default pattern: `503/0112/SIPD/DPM-PTSP/2026` (503 is the archive code of permits).
pub const DEFAULT_PERMIT_PATTERN: &str = "{archive}/{seq:4}/{service}/{unit}/{year}";

/// Why a permit number pattern was refused.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum PatternError {
    /// A placeholder the portal does not know.
    #[error("unknown placeholder {0}")]
    UnknownPlaceholder(String),
    /// No `{seq…}` placeholder: numbers would not be unique.
    #[error("the pattern needs {{seq}}")]
    MissingSequence,
    /// A `{` without its `}`.
    #[error("unbalanced braces")]
    Unbalanced,
}

/// The values a permit number is made of.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PermitNumberParts<'a> {
    /// Archive classification code (503 for permits).
    pub archive: &'a str,
    /// Sequence within the unit and year.
    pub seq: i64,
    /// The service's permit code.
    pub service: &'a str,
    /// The unit's code.
    pub unit: &'a str,
    /// The year of issue.
    pub year: i32,
}

impl PermitNumberPattern {
    /// Checks a pattern.
    pub fn parse(pattern: &str) -> Result<PermitNumberPattern, PatternError> {
        let mut has_seq = false;
        for placeholder in placeholders(pattern)? {
            match placeholder.as_str() {
                "archive" | "service" | "unit" | "year" => {}
                p if p == "seq"
                    || p.strip_prefix("seq:")
                        .is_some_and(|w| w.parse::<u8>().is_ok_and(|w| (1..=9).contains(&w))) =>
                {
                    has_seq = true
                }
                other => return Err(PatternError::UnknownPlaceholder(other.to_owned())),
            }
        }
        if !has_seq {
            return Err(PatternError::MissingSequence);
        }
        Ok(PermitNumberPattern(pattern.trim().to_owned()))
    }

    /// The pattern as typed.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The permit number for `parts`.
    pub fn render(&self, parts: &PermitNumberParts<'_>) -> String {
        let mut out = String::new();
        let mut rest = self.0.as_str();
        while let Some(start) = rest.find('{') {
            out.push_str(&rest[..start]);
            let end = rest[start..]
                .find('}')
                .map(|e| start + e)
                .unwrap_or(rest.len() - 1);
            let name = &rest[start + 1..end];
            match name {
                "archive" => out.push_str(parts.archive),
                "service" => out.push_str(parts.service),
                "unit" => out.push_str(parts.unit),
                "year" => out.push_str(&parts.year.to_string()),
                "seq" => out.push_str(&parts.seq.to_string()),
                seq => {
                    let width = seq.trim_start_matches("seq:").parse::<usize>().unwrap_or(1);
                    out.push_str(&format!("{:0width$}", parts.seq));
                }
            }
            rest = &rest[end + 1..];
        }
        out.push_str(rest);
        out
    }
}

fn placeholders(pattern: &str) -> Result<Vec<String>, PatternError> {
    let mut found = Vec::new();
    let mut rest = pattern;
    while let Some(start) = rest.find(['{', '}']) {
        if &rest[start..start + 1] == "}" {
            return Err(PatternError::Unbalanced);
        }
        let end = rest[start..].find('}').ok_or(PatternError::Unbalanced)? + start;
        let name = &rest[start + 1..end];
        if name.contains('{') {
            return Err(PatternError::Unbalanced);
        }
        found.push(name.to_owned());
        rest = &rest[end + 1..];
    }
    Ok(found)
}

#[cfg(test)]
mod tests;
