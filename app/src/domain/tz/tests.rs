use super::*;
use time::macros::{date, datetime};

#[test]
fn names_and_offsets() {
    assert_eq!(TimeZone::default(), TimeZone::Jakarta);
    assert_eq!(TimeZone::parse("Asia/Jakarta"), Ok(TimeZone::Jakarta));
    assert_eq!(TimeZone::parse("asia/pontianak"), Ok(TimeZone::Pontianak));
    assert_eq!(
        TimeZone::parse("Asia/Makassar").map(TimeZone::offset_hours),
        Ok(8)
    );
    assert_eq!(
        TimeZone::parse("Asia/Jayapura").map(TimeZone::abbreviation),
        Ok("WIT")
    );
    for bad in ["", "WIB", "UTC+7", "Asia/Singapore", "Asia/Ujung_Pandang"] {
        assert_eq!(
            TimeZone::parse(bad),
            Err(TimeZoneError::Unsupported),
            "{bad}"
        );
    }
    for tz in TimeZone::ALL {
        assert_eq!(TimeZone::parse(&tz.to_string()), Ok(tz));
        assert_eq!(tz.offset().whole_hours(), tz.offset_hours());
    }
    assert_eq!(TimeZone::Pontianak.offset(), TimeZone::Jakarta.offset());
}

#[test]
fn local_dates() {
    let t = datetime!(2026-03-31 17:30 UTC);
    assert_eq!(TimeZone::Jakarta.local_date(t), date!(2026 - 04 - 01));
    assert_eq!(TimeZone::Jayapura.local_date(t), date!(2026 - 04 - 01));
    assert_eq!(
        TimeZone::Jakarta.local_date(datetime!(2026-03-31 16:59:59 UTC)),
        date!(2026 - 03 - 31)
    );
}

#[test]
fn day_bounds() {
    let (start, end) = TimeZone::Makassar.day_bounds_utc(date!(2026 - 03 - 14));
    assert_eq!(start, datetime!(2026-03-13 16:00 UTC));
    assert_eq!(end, datetime!(2026-03-14 16:00 UTC));
    assert_eq!(start.offset(), UtcOffset::UTC);
}

#[test]
fn period_bounds_in_jakarta() {
    let s1 = Period::parse("2026-S1").unwrap();
    let (start, end) = TimeZone::Jakarta.period_bounds_utc(&s1);
    assert_eq!(start, datetime!(2025-12-31 17:00 UTC));
    assert_eq!(end, datetime!(2026-06-30 17:00 UTC));
    assert_eq!(
        (start.offset(), end.offset()),
        (UtcOffset::UTC, UtcOffset::UTC)
    );
    // Half-open: the last instant of 30 June local is in, local midnight of 1 July is out.
    assert!(
        TimeZone::Jakarta.local_date(end - time::Duration::NANOSECOND) == date!(2026 - 06 - 30)
    );
    assert_eq!(TimeZone::Jakarta.local_date(end), date!(2026 - 07 - 01));
    let (js, _) = TimeZone::Jayapura.period_bounds_utc(&s1);
    assert_eq!(js, datetime!(2025-12-31 15:00 UTC));
}
