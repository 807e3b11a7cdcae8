//! The NIP (Nomor Induk Pegawai) of a civil servant, 18 digits: birth date (`YYYYMMDD`),
//! appointment as CPNS (`YYYYMM`), gender digit (1 man, 2 woman), serial (`NNN`). Not secret.

use super::nik::Gender;
use serde::{Deserialize, Serialize};
use time::{Date, Month};

/// Why a typed NIP was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error, Serialize, Deserialize)]
pub enum NipError {
    /// Nothing typed.
    #[error("empty NIP")]
    Empty,
    /// Characters other than digits (spaces between groups are allowed).
    #[error("NIP has non-digit characters")]
    NotDigits,
    /// Not 18 digits.
    #[error("NIP has {len} digits instead of 18")]
    WrongLength {
        /// How many digits were typed.
        len: usize,
    },
    /// The first eight digits are not a plausible birth date.
    #[error("invalid birth date in NIP")]
    InvalidBirthDate,
    /// Appointment month outside 01–12, or before the person was 17.
    #[error("invalid appointment date in NIP")]
    InvalidAppointmentDate,
    /// Gender digit other than 1 or 2.
    #[error("invalid gender digit in NIP")]
    InvalidGender,
    /// Serial 000.
    #[error("serial number is zero")]
    ZeroSerial,
}

/// A NIP that passed every check.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Nip(String);

impl Nip {
    /// Parses a typed NIP (spaces between groups are allowed).
    pub fn parse(input: &str) -> Result<Nip, NipError> {
        let trimmed = input.trim();
        if trimmed.is_empty() {
            return Err(NipError::Empty);
        }
        let mut digits = String::with_capacity(18);
        for c in trimmed.chars() {
            match c {
                '0'..='9' => digits.push(c),
                ' ' => {}
                _ => return Err(NipError::NotDigits),
            }
        }
        if digits.len() != 18 {
            return Err(NipError::WrongLength { len: digits.len() });
        }
        let num = |r: std::ops::Range<usize>| -> i32 { digits[r].parse().unwrap_or(0) };
        let birth_year = num(0..4);
        let birth = month_of(num(4..6))
            .and_then(|m| Date::from_calendar_date(birth_year, m, num(6..8) as u8).ok())
            .filter(|_| (1930..=2015).contains(&birth_year));
        if birth.is_none() {
            return Err(NipError::InvalidBirthDate);
        }
        let appointed = num(8..12);
        if month_of(num(12..14)).is_none() || appointed < birth_year + 17 || appointed > 2100 {
            return Err(NipError::InvalidAppointmentDate);
        }
        if !matches!(&digits[14..15], "1" | "2") {
            return Err(NipError::InvalidGender);
        }
        if num(15..18) == 0 {
            return Err(NipError::ZeroSerial);
        }
        Ok(Nip(digits))
    }

    /// The 18 digits.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Date of birth.
    pub fn birth_date(&self) -> Date {
        let n = |r: std::ops::Range<usize>| -> i32 { self.0[r].parse().unwrap_or(1) };
        Date::from_calendar_date(
            n(0..4),
            month_of(n(4..6)).unwrap_or(Month::January),
            n(6..8) as u8,
        )
        .expect("checked when parsed")
    }

    /// Year and month of appointment (TMT CPNS).
    pub fn appointment(&self) -> (i32, Month) {
        let year = self.0[8..12].parse().unwrap_or(0);
        let month = month_of(self.0[12..14].parse().unwrap_or(1)).unwrap_or(Month::January);
        (year, month)
    }

    /// Sex from the gender digit.
    pub fn gender(&self) -> Gender {
        if &self.0[14..15] == "2" {
            Gender::Female
        } else {
            Gender::Male
        }
    }

    /// The serial number.
    pub fn serial(&self) -> u16 {
        self.0[15..].parse().unwrap_or(0)
    }
}

fn month_of(m: i32) -> Option<Month> {
    u8::try_from(m).ok().and_then(|m| Month::try_from(m).ok())
}

impl std::fmt::Display for Nip {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl TryFrom<String> for Nip {
    type Error = NipError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Nip::parse(&value)
    }
}

impl From<Nip> for String {
    fn from(nip: Nip) -> String {
        nip.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use time::macros::date;

    #[test]
    fn the_sample_nips_parse_into_their_parts() {
        let siti = Nip::parse("199001152015032001").unwrap();
        assert_eq!(siti.birth_date(), date!(1990 - 01 - 15));
        assert_eq!(siti.appointment(), (2015, Month::March));
        assert_eq!(siti.gender(), Gender::Female);
        assert_eq!(siti.serial(), 1);
        let rahmat = Nip::parse("197805102003121001").unwrap();
        assert_eq!(rahmat.birth_date(), date!(1978 - 05 - 10));
        assert_eq!(rahmat.appointment(), (2003, Month::December));
        assert_eq!(rahmat.gender(), Gender::Male);
    }

    #[test]
    fn every_kind_of_bad_nip_has_its_own_error() {
        assert_eq!(Nip::parse(""), Err(NipError::Empty));
        assert_eq!(Nip::parse("19900115201503200A"), Err(NipError::NotDigits));
        assert_eq!(
            Nip::parse("1990011520150320"),
            Err(NipError::WrongLength { len: 16 })
        );
        assert_eq!(
            Nip::parse("199013152015032001"),
            Err(NipError::InvalidBirthDate)
        );
        assert_eq!(
            Nip::parse("199002302015032001"),
            Err(NipError::InvalidBirthDate)
        );
        assert_eq!(
            Nip::parse("189001152015032001"),
            Err(NipError::InvalidBirthDate)
        );
        assert_eq!(
            Nip::parse("199001152015132001"),
            Err(NipError::InvalidAppointmentDate)
        );
        assert_eq!(
            Nip::parse("199001152000032001"),
            Err(NipError::InvalidAppointmentDate)
        );
        assert_eq!(
            Nip::parse("199001152015033001"),
            Err(NipError::InvalidGender)
        );
        assert_eq!(Nip::parse("199001152015032000"), Err(NipError::ZeroSerial));
    }

    #[test]
    fn spaces_between_groups_are_accepted() {
        assert_eq!(
            Nip::parse("19900115 201503 2 001").unwrap().as_str(),
            "199001152015032001"
        );
    }

    proptest! {
        #[test]
        fn any_input_parses_or_errs_without_panicking(s in "\\PC{0,40}") {
            let _ = Nip::parse(&s);
        }

        #[test]
        fn parsed_nips_round_trip(s in "19[5-7][0-9]0[1-9][0-2][1-8]20[0-2][0-9]0[1-9][12]00[1-9]") {
            let nip = Nip::parse(&s).unwrap();
            prop_assert_eq!(nip.as_str(), s.as_str());
            let _ = nip.birth_date();
        }
    }
}
