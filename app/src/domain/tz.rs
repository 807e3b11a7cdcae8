//! The instance's time zone (REFERENCE §4.1 last paragraph): periods and service dates fall on
//! calendar days in this zone, while timestamps are stored in UTC.
//!
//! Indonesia has no daylight saving time, so each supported IANA zone is a fixed UTC offset
//! and no time-zone database is needed (in the browser either).

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};
use time::{Date, Duration, OffsetDateTime, UtcOffset};

use super::period::Period;

/// One of Indonesia's zones, named by IANA id. Defaults to Asia/Jakarta (REFERENCE §4.1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(try_from = "String", into = "&'static str")]
pub enum TimeZone {
    /// Asia/Jakarta, WIB, UTC+7.
    #[default]
    Jakarta,
    /// Asia/Pontianak, WIB, UTC+7.
    Pontianak,
    /// Asia/Makassar, WITA, UTC+8.
    Makassar,
    /// Asia/Jayapura, WIT, UTC+9.
    Jayapura,
}

/// Why a zone name was rejected.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error, Serialize, Deserialize)]
pub enum TimeZoneError {
    /// Not one of Asia/Jakarta, Asia/Pontianak, Asia/Makassar, Asia/Jayapura.
    #[error(
        "unsupported time zone (use Asia/Jakarta, Asia/Pontianak, Asia/Makassar or Asia/Jayapura)"
    )]
    Unsupported,
}

impl TimeZone {
    /// Every supported zone, for an admin's drop-down.
    pub const ALL: [TimeZone; 4] = [
        TimeZone::Jakarta,
        TimeZone::Pontianak,
        TimeZone::Makassar,
        TimeZone::Jayapura,
    ];

    /// The IANA id to store in configuration.
    pub const fn iana_name(self) -> &'static str {
        match self {
            TimeZone::Jakarta => "Asia/Jakarta",
            TimeZone::Pontianak => "Asia/Pontianak",
            TimeZone::Makassar => "Asia/Makassar",
            TimeZone::Jayapura => "Asia/Jayapura",
        }
    }

    /// The abbreviation Indonesians print after a time (WIB, WITA, WIT).
    pub const fn abbreviation(self) -> &'static str {
        match self {
            TimeZone::Jakarta | TimeZone::Pontianak => "WIB",
            TimeZone::Makassar => "WITA",
            TimeZone::Jayapura => "WIT",
        }
    }

    /// Hours ahead of UTC, fixed all year.
    pub const fn offset_hours(self) -> i8 {
        match self {
            TimeZone::Jakarta | TimeZone::Pontianak => 7,
            TimeZone::Makassar => 8,
            TimeZone::Jayapura => 9,
        }
    }

    /// The fixed offset, e.g. for `super::survey_csv::parse_survey_row`.
    pub const fn offset(self) -> UtcOffset {
        match UtcOffset::from_hms(self.offset_hours(), 0, 0) {
            Ok(o) => o,
            Err(_) => UtcOffset::UTC, // unreachable: 7..=9 hours are valid offsets
        }
    }

    /// Reads an IANA id (ASCII case-insensitive, surrounding spaces ignored), as found in
    /// configuration files and environment variables.
    pub fn parse(name: &str) -> Result<Self, TimeZoneError> {
        let name = name.trim();
        TimeZone::ALL
            .into_iter()
            .find(|tz| tz.iana_name().eq_ignore_ascii_case(name))
            .ok_or(TimeZoneError::Unsupported)
    }

    /// The local calendar day of an instant: which day, and so which period, it counts for.
    ///
    /// # Panics
    /// Only for instants within hours of the `time` crate's limits (year ±9999).
    pub fn local_date(self, instant: OffsetDateTime) -> Date {
        instant
            .checked_to_offset(self.offset())
            .expect("instant within the supported date range")
            .date()
    }

    /// The UTC instants of a local day as a half-open range `[start, end)`, for
    /// `WHERE at >= start AND at < end` on UTC timestamps.
    ///
    /// # Panics
    /// Only for dates within a day of the `time` crate's limits (year ±9999).
    pub fn day_bounds_utc(self, date: Date) -> (OffsetDateTime, OffsetDateTime) {
        self.days_bounds_utc(date, date)
    }

    /// The UTC instants of a period's calendar days as a half-open range `[start, end)`: from
    /// local midnight of its first day to local midnight after its last (REFERENCE §4.1).
    pub fn period_bounds_utc(self, period: &Period) -> (OffsetDateTime, OffsetDateTime) {
        // Cannot panic: period years are bounded far inside the supported range.
        self.days_bounds_utc(period.first_day(), period.last_day())
    }

    fn days_bounds_utc(self, first: Date, last: Date) -> (OffsetDateTime, OffsetDateTime) {
        let start = |d: Date| {
            d.midnight()
                .assume_offset(self.offset())
                .checked_to_offset(UtcOffset::UTC)
                .expect("date within the supported range")
        };
        let end = start(last)
            .checked_add(Duration::DAY)
            .expect("date within the supported range");
        (start(first), end)
    }
}

impl fmt::Display for TimeZone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.iana_name())
    }
}

impl FromStr for TimeZone {
    type Err = TimeZoneError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        TimeZone::parse(s)
    }
}

impl TryFrom<String> for TimeZone {
    type Error = TimeZoneError;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        TimeZone::parse(&s)
    }
}

impl From<TimeZone> for &'static str {
    fn from(tz: TimeZone) -> &'static str {
        tz.iana_name()
    }
}

#[cfg(test)]
mod tests;
