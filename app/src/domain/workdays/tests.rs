use super::*;
use proptest::prelude::*;
use time::macros::date;

fn cal() -> Calendar {
    // Wednesday 17 August 2026 is Independence Day.
    Calendar::new([date!(2026 - 08 - 17)])
}

#[test]
fn weekends_and_holidays_are_not_working_days() {
    let c = cal();
    assert!(c.is_working_day(date!(2026 - 08 - 14))); // Friday
    assert!(!c.is_working_day(date!(2026 - 08 - 15))); // Saturday
    assert!(!c.is_working_day(date!(2026 - 08 - 16))); // Sunday
    assert!(!c.is_working_day(date!(2026 - 08 - 17))); // holiday (Monday)
    assert!(c.is_working_day(date!(2026 - 08 - 18)));
}

#[test]
fn three_working_days_after_a_friday_skip_the_weekend_and_a_holiday() {
    // Submitted Friday 14 Aug: Tue 18, Wed 19, Thu 20 (Mon 17 is a holiday).
    assert_eq!(
        cal().add_working_days(date!(2026 - 08 - 14), 3),
        date!(2026 - 08 - 20)
    );
    assert_eq!(
        Calendar::default().add_working_days(date!(2026 - 08 - 14), 3),
        date!(2026 - 08 - 19)
    );
    assert_eq!(
        cal().add_working_days(date!(2026 - 08 - 14), 0),
        date!(2026 - 08 - 14)
    );
}

#[test]
fn counting_between_days_excludes_the_first_and_includes_the_last() {
    let c = cal();
    assert_eq!(
        c.working_days_between(date!(2026 - 08 - 14), date!(2026 - 08 - 20)),
        3
    );
    assert_eq!(
        c.working_days_between(date!(2026 - 08 - 20), date!(2026 - 08 - 14)),
        0
    );
    assert_eq!(
        c.working_days_between(date!(2026 - 08 - 14), date!(2026 - 08 - 14)),
        0
    );
}

#[test]
fn finishing_on_the_due_date_is_on_time_and_a_day_later_is_late() {
    let c = cal();
    let submitted = date!(2026 - 08 - 14);
    let on_due = sla(
        submitted,
        &[],
        3,
        Some(date!(2026 - 08 - 20)),
        date!(2026 - 09 - 01),
        &c,
    );
    assert_eq!(
        (on_due.used_days, on_due.due, on_due.on_time),
        (3, date!(2026 - 08 - 20), Some(true))
    );
    let late = sla(
        submitted,
        &[],
        3,
        Some(date!(2026 - 08 - 21)),
        date!(2026 - 09 - 01),
        &c,
    );
    assert_eq!(
        (late.used_days, late.on_time, late.overdue),
        (4, Some(false), false)
    );
}

#[test]
fn a_correction_round_over_a_weekend_pauses_the_clock() {
    let c = cal();
    // Submitted Mon 3 Aug, 5 days. Correction asked Thu 6 Aug, resubmitted Tue 11 Aug:
    // paused working days in (6, 11] = Fri 7, Mon 10, Tue 11 = 3.
    let pauses = [Pause {
        from: date!(2026 - 08 - 06),
        until: Some(date!(2026 - 08 - 11)),
    }];
    let s = sla(
        date!(2026 - 08 - 03),
        &pauses,
        5,
        Some(date!(2026 - 08 - 13)),
        date!(2026 - 08 - 13),
        &c,
    );
    // Elapsed (3, 13] = 8 working days; minus 3 paused = 5: on time.
    assert_eq!((s.used_days, s.paused_days, s.on_time), (5, 3, Some(true)));
    // Due: 5 + 3 = 8 working days after Mon 3 Aug = Thu 13 Aug.
    assert_eq!(s.due, date!(2026 - 08 - 13));
}

#[test]
fn an_open_pause_stops_the_clock_until_today() {
    let c = cal();
    let pauses = [Pause {
        from: date!(2026 - 08 - 04),
        until: None,
    }];
    let s = sla(
        date!(2026 - 08 - 03),
        &pauses,
        1,
        None,
        date!(2026 - 08 - 28),
        &c,
    );
    assert_eq!(s.used_days, 1);
    assert!(
        !s.overdue,
        "waiting for the citizen is not the office's delay"
    );
}

#[test]
fn an_open_application_past_its_standard_is_overdue() {
    let s = sla(
        date!(2026 - 08 - 03),
        &[],
        2,
        None,
        date!(2026 - 08 - 06),
        &cal(),
    );
    assert_eq!((s.used_days, s.overdue, s.on_time), (3, true, None));
    let s = sla(
        date!(2026 - 08 - 03),
        &[],
        2,
        None,
        date!(2026 - 08 - 05),
        &cal(),
    );
    assert!(!s.overdue);
}

fn any_date() -> impl Strategy<Value = Date> {
    (0i64..3000).prop_map(|d| date!(2024 - 01 - 01) + Duration::days(d))
}

fn any_calendar() -> impl Strategy<Value = Calendar> {
    proptest::collection::vec(any_date(), 0..40).prop_map(Calendar::new)
}

proptest! {
    #[test]
    fn adding_n_working_days_lands_on_a_working_day_n_away(start in any_date(), n in 1u32..60, c in any_calendar()) {
        let due = c.add_working_days(start, n);
        prop_assert!(c.is_working_day(due));
        prop_assert_eq!(c.working_days_between(start, due), n);
    }

    #[test]
    fn more_holidays_never_bring_a_due_date_earlier(start in any_date(), n in 1u32..60, c in any_calendar(), extra in any_date()) {
        let mut more = c.holidays.clone();
        more.insert(extra);
        let more = Calendar { holidays: more };
        prop_assert!(more.add_working_days(start, n) >= c.add_working_days(start, n));
    }

    #[test]
    fn pauses_never_make_an_application_later(
        start in any_date(), len in 1i64..200, p in 0i64..200, q in 0i64..200, days in 1u32..30, c in any_calendar()
    ) {
        let finished = start + Duration::days(len);
        let (a, b) = (p.min(q), p.max(q));
        let pauses = [Pause { from: start + Duration::days(a), until: Some(start + Duration::days(b)) }];
        let with = sla(start, &pauses, days, Some(finished), finished, &c);
        let without = sla(start, &[], days, Some(finished), finished, &c);
        prop_assert!(with.used_days <= without.used_days);
        prop_assert!(with.due >= without.due);
    }
}
