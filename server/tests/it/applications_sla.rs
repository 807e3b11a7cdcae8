//! The completion-time clock in working days (REFERENCE §2.2), on SQLite and PostgreSQL: the
//! due date skips weekends and the stored holidays, a correction round pauses the clock and
//! moves the due date, and a finished application records whether it was on time. Days passing
//! are simulated by moving the stored dates back.

use crate::applying;
use crate::common;

use applying::{count, exec, step_ok, upload};
use common::{people, TestApp, PASSWORD};
use time::{Date, Duration, Weekday};

/// The test's own count of working days: Monday–Friday, not one of `holidays`.
fn working(day: Date, holidays: &[Date]) -> bool {
    !matches!(day.weekday(), Weekday::Saturday | Weekday::Sunday) && !holidays.contains(&day)
}

/// The `n`-th working day after `start`.
fn add_working(start: Date, n: u32, holidays: &[Date]) -> Date {
    let (mut day, mut left) = (start, n);
    while left > 0 {
        day += Duration::days(1);
        if working(day, holidays) {
            left -= 1;
        }
    }
    day
}

/// Working days in `(from, to]`.
fn working_between(from: Date, to: Date, holidays: &[Date]) -> u32 {
    let mut day = from;
    let mut n = 0;
    while day < to {
        day += Duration::days(1);
        n += u32::from(working(day, holidays));
    }
    n
}

fn text(day: Date) -> String {
    app::server::applications::day_text(day)
}

async fn today(app: &TestApp) -> Date {
    app::server::applications::today(&app.state)
}

async fn stored_day(app: &TestApp, column: &str) -> Date {
    let sql = format!("SELECT {column} FROM application");
    let value: String = sqlx::query_scalar(&sql)
        .fetch_one(app.db.read())
        .await
        .unwrap();
    app::server::applications::parse_day(&value).unwrap()
}

db_test!(the_due_date_skips_weekends_and_the_stored_holidays, |app| {
    // Arrange: the next three calendar days are holidays, entered through the admin form.
    let service = applying::define_service(&app).await;
    let mut admin = app.sign_in("/petugas/masuk", people::ADMIN, PASSWORD).await;
    let now = today(&app).await;
    let holidays: Vec<Date> = (1..=3).map(|d| now + Duration::days(d)).collect();
    for (n, day) in holidays.iter().enumerate() {
        let body = format!("day={}&name=Cuti+bersama+{n}", text(*day));
        let (status, location, page) = app.post_as("/admin/libur", &body, &mut admin).await;
        assert_eq!(
            (status, location.as_deref()),
            (303, Some("/admin/libur?ok=saved")),
            "{page}"
        );
    }
    let (status, _, page) = app
        .post_as("/admin/libur", "day=2026-02-30&name=Salah", &mut admin)
        .await;
    assert_eq!(status, 422, "{page}");
    assert_eq!(count(&app, "SELECT COUNT(*) FROM holiday").await, 3);

    // Act: submit today.
    let mut citizen = app.sign_in("/masuk", people::CITIZEN_1, PASSWORD).await;
    let id = applying::start(&app, &mut citizen, "sla-holidays-draft-key").await;
    applying::fill_and_submit(&app, &mut citizen, service, id).await;

    // Assert: five working days after today, none of them a weekend day or a holiday.
    assert_eq!(stored_day(&app, "submitted_on").await, now);
    let due = stored_day(&app, "due_on").await;
    assert_eq!(due, add_working(now, 5, &holidays));
    assert!(due > add_working(now, 5, &[]), "the holidays moved it");
    assert!(working(due, &holidays));
    assert_eq!(working_between(now, due, &holidays), 5);
});

db_test!(
    a_correction_round_pauses_the_clock_and_moves_the_due_date,
    |app| {
        // Arrange: submitted on a Monday ten weeks ago, with that Thursday a holiday; the
        // officer asked for a correction on the Wednesday.
        let mut s = applying::submitted(&app).await;
        step_ok(&app, &mut s.officer, s.id, "action=start_verification").await;
        let ask = format!("action=request_correction&note_{}=Buram", s.service.ktp);
        step_ok(&app, &mut s.officer, s.id, &ask).await;
        let now = today(&app).await;
        let back = now - Duration::days(70);
        let monday = back - Duration::days(i64::from(back.weekday().number_days_from_monday()));
        let holidays = [monday + Duration::days(3)];
        let (wednesday, next_tuesday) = (monday + Duration::days(2), monday + Duration::days(8));
        exec(
            &app,
            &format!(
                "INSERT INTO holiday (day, name, created_at) VALUES ('{}', 'Nyepi', 0)",
                text(holidays[0])
            ),
        )
        .await;
        exec(
            &app,
            &format!(
                "UPDATE application SET submitted_on = '{}', due_on = '{}'",
                text(monday),
                text(next_tuesday)
            ),
        )
        .await;
        exec(
            &app,
            &format!("UPDATE sla_pause SET paused_on = '{}'", text(wednesday)),
        )
        .await;

        // Act: the citizen sends the correction today.
        let (status, _, _) = upload(
            &app,
            &s.citizen,
            s.id,
            s.service.ktp,
            "ktp.pdf",
            &applying::pdf("jelas"),
        )
        .await;
        assert_eq!(status, 303);
        let path = format!("/permohonan/{}/perbaikan", s.id);
        let (status, _, page) = app.post_as(&path, "", &mut s.citizen).await;
        assert_eq!(status, 303, "{page}");

        // Assert: the due date moved by the working days the citizen took.
        let paused = working_between(wednesday, now, &holidays);
        assert!(paused > 40);
        let (paused_on, resumed_on): (String, Option<String>) =
            sqlx::query_as("SELECT paused_on, resumed_on FROM sla_pause")
                .fetch_one(app.db.read())
                .await
                .unwrap();
        assert_eq!((paused_on, resumed_on), (text(wednesday), Some(text(now))));
        let due = stored_day(&app, "due_on").await;
        assert_eq!(due, add_working(monday, 5 + paused, &holidays));

        // A pause of a known length: Friday, Monday and Tuesday of the next week (Thursday is
        // the holiday), so five working days become due on the second Friday.
        exec(
            &app,
            &format!("UPDATE sla_pause SET resumed_on = '{}'", text(next_tuesday)),
        )
        .await;
        let officer = applying::viewer(&app, people::OFFICER_A).await;
        let meta = app::server::accounts::RequestMeta::default();
        let load = || {
            app::server::applications::detail::load(&app.state, &officer, s.id, applying::ID, &meta)
        };
        let detail = load().await.unwrap();
        assert_eq!(detail.due_on, Some(text(monday + Duration::days(11))));
        let used = working_between(monday, now, &holidays) - 3;
        assert_eq!(detail.used_days, Some(i64::from(used)));
        assert!(detail.overdue, "ten weeks is far past five working days");

        // Completing today records the working days used and that it was late.
        for action in [
            "start_verification",
            "accept_documents",
            "approve",
            "complete",
        ] {
            step_ok(&app, &mut s.officer, s.id, &format!("action={action}")).await;
        }
        let (used_days, on_time, finished): (i64, i64, String) =
            sqlx::query_as("SELECT sla_days_used, on_time, finished_on FROM application")
                .fetch_one(app.db.read())
                .await
                .unwrap();
        assert_eq!(
            (used_days, on_time, finished),
            (i64::from(used), 0, text(now))
        );
        assert!(
            !load().await.unwrap().overdue,
            "a finished application is not overdue"
        );
    }
);

db_test!(a_withdrawal_during_a_correction_closes_the_pause, |app| {
    let mut s = applying::submitted(&app).await;
    step_ok(&app, &mut s.officer, s.id, "action=start_verification").await;
    step_ok(
        &app,
        &mut s.officer,
        s.id,
        "action=request_correction&note=Lengkapi",
    )
    .await;
    let path = format!("/permohonan/{}/batal", s.id);
    let (status, _, _) = app.post_as(&path, "", &mut s.citizen).await;
    assert_eq!(status, 303);
    let open = "SELECT COUNT(*) FROM sla_pause WHERE resumed_on IS NULL";
    assert_eq!(count(&app, open).await, 0);
    let unset = "SELECT COUNT(*) FROM application WHERE on_time IS NULL AND state = 'withdrawn'";
    assert_eq!(count(&app, unset).await, 1, "neither on time nor late");
});
