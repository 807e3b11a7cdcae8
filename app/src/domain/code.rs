//! Short identifiers that admins give units and service types (`DPMPTSP`, `SIUMK`, `KTP-EL`)
//! and that CSV files and URLs use to refer to them.
//!
//! Input is accepted in any letter case and normalised to upper case, so `siumk` in a
//! spreadsheet and `SIUMK` in the database are the same code and a unique index on the stored
//! text is enough.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// A validated, upper-case code: 1..=32 characters of `A-Z`, `0-9`, `-` and `_`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Code(String);

/// Why a text is not a code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error, Serialize, Deserialize)]
pub enum CodeError {
    /// Nothing but spaces.
    #[error("code is empty")]
    Empty,
    /// More than [`Code::MAX_LEN`] characters.
    #[error("code is longer than {max} characters", max = Code::MAX_LEN)]
    TooLong,
    /// A character other than letters, digits, `-` and `_` (spaces inside included).
    #[error("code may only contain letters, digits, '-' and '_'")]
    InvalidChar,
}

impl Code {
    /// Longest accepted code, sized for database columns and URL segments.
    pub const MAX_LEN: usize = 32;

    /// Trims surrounding spaces, upper-cases ASCII letters and checks the alphabet.
    pub fn parse(s: &str) -> Result<Self, CodeError> {
        let s = s.trim();
        if s.is_empty() {
            return Err(CodeError::Empty);
        }
        if !s
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        {
            return Err(CodeError::InvalidChar);
        }
        // All ASCII from here, so bytes are characters.
        if s.len() > Code::MAX_LEN {
            return Err(CodeError::TooLong);
        }
        Ok(Code(s.to_ascii_uppercase()))
    }

    /// The canonical (upper-case) text to store and compare.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl FromStr for Code {
    type Err = CodeError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Code::parse(s)
    }
}

impl TryFrom<String> for Code {
    type Error = CodeError;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        Code::parse(&s)
    }
}

impl From<Code> for String {
    fn from(c: Code) -> String {
        c.0
    }
}

impl AsRef<str> for Code {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn normalises_case_and_trims() {
        assert_eq!(Code::parse(" siumk ").unwrap().as_str(), "SIUMK");
        assert_eq!(Code::parse("ktp-el").unwrap().as_str(), "KTP-EL");
        assert_eq!(Code::parse("A_1").unwrap().as_str(), "A_1");
    }

    #[test]
    fn rejects_bad_codes() {
        assert_eq!(Code::parse(""), Err(CodeError::Empty));
        assert_eq!(Code::parse("   "), Err(CodeError::Empty));
        assert_eq!(Code::parse("KTP EL"), Err(CodeError::InvalidChar));
        assert_eq!(Code::parse("DINAS/1"), Err(CodeError::InvalidChar));
        assert_eq!(Code::parse("PERIZINAN-É"), Err(CodeError::InvalidChar));
        assert!(Code::parse(&"A".repeat(32)).is_ok());
        assert_eq!(Code::parse(&"A".repeat(33)), Err(CodeError::TooLong));
    }

    proptest! {
        #[test]
        fn parse_is_idempotent(s in "[A-Za-z0-9_-]{1,32}") {
            let c = Code::parse(&s).unwrap();
            prop_assert_eq!(Code::parse(c.as_str()).unwrap(), c.clone());
            prop_assert_eq!(c.as_str(), s.to_ascii_uppercase());
        }
    }
}
