//! The NIK (Nomor Induk Kependudukan), the 16-digit national identity number citizens apply
//! with: `PP KK CC DDMMYY SSSS` — province, regency/city, district, birth date (day + 40 for
//! women), serial. It is personal data (REFERENCE §6): `Debug` shows it masked, and only
//! [`Nik::as_str`] gives the digits, for storage and exact lookups.

use serde::{Deserialize, Serialize};
use time::{Date, Month};

/// Why a typed NIK was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error, Serialize, Deserialize)]
pub enum NikError {
    /// Nothing typed.
    #[error("empty NIK")]
    Empty,
    /// Characters other than digits (spaces, dots and dashes between groups are allowed).
    #[error("NIK has non-digit characters")]
    NotDigits,
    /// Not 16 digits.
    #[error("NIK has {len} digits instead of 16")]
    WrongLength {
        /// How many digits were typed.
        len: usize,
    },
    /// The first two digits are not a province code.
    #[error("unknown province code")]
    UnknownProvince,
    /// Regency/city code 00.
    #[error("invalid regency code")]
    InvalidRegency,
    /// District code 00.
    #[error("invalid district code")]
    InvalidDistrict,
    /// The birth-date part is not a calendar date (for either sex).
    #[error("invalid birth date in NIK")]
    InvalidBirthDate,
    /// Serial 0000.
    #[error("serial number is zero")]
    ZeroSerial,
}

/// The 38 province codes (Kepmendagri 100.1.1-6117/2022), including the Papua provinces
/// created in 2022 (93 Papua Selatan, 94 Papua Tengah, 95 Papua Pegunungan, 96 Papua Barat Daya).
const PROVINCES: &[u8] = &[
    11, 12, 13, 14, 15, 16, 17, 18, 19, 21, 31, 32, 33, 34, 35, 36, 51, 52, 53, 61, 62, 63, 64, 65,
    71, 72, 73, 74, 75, 76, 81, 82, 91, 92, 93, 94, 95, 96,
];

/// Sex as encoded in a NIK's day of birth or a NIP's gender digit.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Gender {
    /// Laki-laki.
    Male,
    /// Perempuan.
    Female,
}

/// A NIK that passed every check.
#[derive(Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Nik(String);

impl Nik {
    /// Parses a typed NIK; people paste it with spaces, dots or dashes between groups.
    pub fn parse(input: &str) -> Result<Nik, NikError> {
        let trimmed = input.trim();
        if trimmed.is_empty() {
            return Err(NikError::Empty);
        }
        let mut digits = String::with_capacity(16);
        for c in trimmed.chars() {
            match c {
                '0'..='9' => digits.push(c),
                ' ' | '.' | '-' => {}
                _ => return Err(NikError::NotDigits),
            }
        }
        if digits.len() != 16 {
            return Err(NikError::WrongLength { len: digits.len() });
        }
        let num = |range: std::ops::Range<usize>| -> u32 { digits[range].parse().unwrap_or(0) };
        if !PROVINCES.contains(&(num(0..2) as u8)) {
            return Err(NikError::UnknownProvince);
        }
        if num(2..4) == 0 {
            return Err(NikError::InvalidRegency);
        }
        if num(4..6) == 0 {
            return Err(NikError::InvalidDistrict);
        }
        let (day, month, yy) = (num(6..8), num(8..10), num(10..12));
        let day = if day > 40 { day - 40 } else { day };
        let valid_date = [1900 + yy as i32, 2000 + yy as i32]
            .into_iter()
            .any(|year| calendar_date(year, month, day).is_some());
        if !valid_date {
            return Err(NikError::InvalidBirthDate);
        }
        if num(12..16) == 0 {
            return Err(NikError::ZeroSerial);
        }
        Ok(Nik(digits))
    }

    /// The 16 digits, for storage and lookup. Never log them.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The first six digits: province, regency/city, district.
    pub fn region_code(&self) -> &str {
        &self.0[..6]
    }

    /// The province code.
    pub fn province_code(&self) -> &str {
        &self.0[..2]
    }

    /// The serial number (last four digits).
    pub fn serial(&self) -> u16 {
        self.0[12..].parse().unwrap_or(0)
    }

    /// The last four digits, which the public status lookup asks for.
    pub fn last4(&self) -> &str {
        &self.0[12..]
    }

    /// Sex, from the day of birth (women have 40 added).
    pub fn gender(&self) -> Gender {
        if self.raw_day() > 40 {
            Gender::Female
        } else {
            Gender::Male
        }
    }

    /// The birth date. The year has two digits; the century is the latest one that does not put
    /// the birth after `today`.
    pub fn birth_date(&self, today: Date) -> Option<Date> {
        let raw = self.raw_day();
        let day = if raw > 40 { raw - 40 } else { raw };
        let month: u32 = self.0[8..10].parse().ok()?;
        let yy: i32 = self.0[10..12].parse().ok()?;
        let recent = calendar_date(2000 + yy, month, day).filter(|d| *d <= today);
        recent.or_else(|| calendar_date(1900 + yy, month, day))
    }

    /// The NIK as shown by default: `1275••••••••0003`.
    pub fn masked(&self) -> String {
        format!("{}{}{}", &self.0[..4], "•".repeat(8), &self.0[12..])
    }

    fn raw_day(&self) -> u32 {
        self.0[6..8].parse().unwrap_or(0)
    }
}

fn calendar_date(year: i32, month: u32, day: u32) -> Option<Date> {
    let month = Month::try_from(u8::try_from(month).ok()?).ok()?;
    Date::from_calendar_date(year, month, u8::try_from(day).ok()?).ok()
}

impl std::fmt::Debug for Nik {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Nik({})", self.masked())
    }
}

impl TryFrom<String> for Nik {
    type Error = NikError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Nik::parse(&value)
    }
}

impl From<Nik> for String {
    fn from(nik: Nik) -> String {
        nik.0
    }
}

#[cfg(test)]
mod tests;
