use super::*;
use proptest::prelude::*;
use time::macros::date;

#[test]
fn names_round_trip() {
    for name in [
        "2026", "2026-S1", "2026-S2", "2026-Q1", "2026-Q4", "1900", "2999-Q4",
    ] {
        assert_eq!(Period::parse(name).unwrap().to_string(), name);
    }
    assert_eq!(Period::parse("2026-s2").unwrap().to_string(), "2026-S2");
    assert_eq!(Period::parse("2026-q3").unwrap().to_string(), "2026-Q3");
}

#[test]
fn invalid_names() {
    use PeriodError::*;
    for (name, err) in [
        ("", Empty),
        ("2026-S3", SemesterOutOfRange),
        ("2026-S0", SemesterOutOfRange),
        ("2026-Q0", QuarterOutOfRange),
        ("2026-Q5", QuarterOutOfRange),
        ("26-S1", Malformed),
        ("02026", Malformed),
        ("2026-", Malformed),
        ("2026-S", Malformed),
        ("2026-S10", Malformed),
        ("2026-H1", Malformed),
        ("2026-1", Malformed),
        (" 2026", Malformed),
        ("2026 ", Malformed),
        ("2026-Q1-x", Malformed),
        ("+202", Malformed),
        ("1899", YearOutOfRange),
        ("3000-Q1", YearOutOfRange),
    ] {
        assert_eq!(Period::parse(name), Err(err), "{name:?}");
    }
}

#[test]
fn days() {
    let s1 = Period::parse("2026-S1").unwrap();
    assert_eq!(s1.kind(), PeriodKind::Semester);
    assert_eq!(
        (s1.first_day(), s1.last_day()),
        (date!(2026 - 01 - 01), date!(2026 - 06 - 30))
    );
    let s2 = Period::semester(2026, 2).unwrap();
    assert_eq!(
        (s2.first_day(), s2.last_day()),
        (date!(2026 - 07 - 01), date!(2026 - 12 - 31))
    );
    let q1 = Period::quarter(2024, 1).unwrap();
    assert_eq!(q1.last_day(), date!(2024 - 03 - 31));
    let q2 = Period::quarter(2026, 2).unwrap();
    assert_eq!(
        (q2.first_day(), q2.last_day()),
        (date!(2026 - 04 - 01), date!(2026 - 06 - 30))
    );
    let y = Period::year(2026).unwrap();
    assert_eq!(
        (y.first_day(), y.last_day()),
        (date!(2026 - 01 - 01), date!(2026 - 12 - 31))
    );
    assert!(s1.contains(date!(2026 - 06 - 30)));
    assert!(!s1.contains(date!(2026 - 07 - 01)));
    assert!(!s1.contains(date!(2025 - 12 - 31)));
}

#[test]
fn previous_and_containing() {
    let p = |s: &str| Period::parse(s).unwrap();
    assert_eq!(p("2026-Q1").previous(), Some(p("2025-Q4")));
    assert_eq!(p("2026-Q3").previous(), Some(p("2026-Q2")));
    assert_eq!(p("2026-S1").previous(), Some(p("2025-S2")));
    assert_eq!(p("2026-S2").previous(), Some(p("2026-S1")));
    assert_eq!(p("2026").previous(), Some(p("2025")));
    assert_eq!(p("1900-Q1").previous(), None);
    assert_eq!(
        Period::containing(date!(2026 - 03 - 31), PeriodKind::Quarter),
        Ok(p("2026-Q1"))
    );
    assert_eq!(
        Period::containing(date!(2026 - 04 - 01), PeriodKind::Quarter),
        Ok(p("2026-Q2"))
    );
    assert_eq!(
        Period::containing(date!(2026 - 07 - 01), PeriodKind::Semester),
        Ok(p("2026-S2"))
    );
    assert_eq!(
        Period::containing(date!(2026 - 12 - 31), PeriodKind::Year),
        Ok(p("2026"))
    );
    assert_eq!(
        Period::containing(date!(1850 - 01 - 01), PeriodKind::Year),
        Err(PeriodError::YearOutOfRange)
    );
}

fn kind() -> impl Strategy<Value = PeriodKind> {
    prop_oneof![
        Just(PeriodKind::Year),
        Just(PeriodKind::Semester),
        Just(PeriodKind::Quarter)
    ]
}

proptest! {
    #[test]
    fn round_trip(year in Period::MIN_YEAR..=Period::MAX_YEAR, kind in kind(), i in 1u8..=4) {
        let i = (i - 1) % kind.per_year() + 1;
        let p = Period::new(year, kind, i).unwrap();
        let name = p.to_string();
        prop_assert_eq!(Period::parse(&name), Ok(p));
        prop_assert_eq!(Period::parse(&name.to_lowercase()), Ok(p));
        prop_assert_eq!((p.calendar_year(), p.kind(), p.index()), (year, kind, i));
    }

    #[test]
    fn containing_contains(day in 0i32..(1100 * 366), kind in kind()) {
        let d = date!(1900 - 01 - 01) + time::Duration::days(day.into());
        prop_assume!(d.year() <= Period::MAX_YEAR);
        let p = Period::containing(d, kind).unwrap();
        prop_assert!(p.contains(d));
        if let Some(prev) = p.previous() {
            prop_assert_eq!(prev.last_day().next_day(), Some(p.first_day()));
        }
    }
}
