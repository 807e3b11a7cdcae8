//! Per-officer scores from stored answers (REFERENCE §4.1), on SQLite and PostgreSQL, against
//! figures computed by hand: the gate at n = 19/20, the interval, the unit mean with an answer
//! credited to two officers counted once, the shrunk score and the suggestion; and the same
//! figures through `sigap report officers`.

use crate::common;

use app::domain::officer_score::{round2, OfficerScore};
use app::domain::period::Period;
use app::i18n::{I18n, Lang};
use app::server::audit::Actor;
use app::server::scoring;

const UNITS: &str = include_str!("../../../demo/units.csv");
const STAFF: &str = include_str!("../../../demo/staff.csv");
const SERVICES: &str = include_str!("../../../demo/services.csv");
const ID: I18n = I18n { lang: Lang::Id };
const SITI: &str = "199001152015032001";
const BUDI: &str = "199203202016041002";

async fn city(app: &common::TestApp) {
    let actor = Actor::system();
    app::server::accounts::import::import_units(&app.db, &actor, UNITS, ID)
        .await
        .unwrap();
    app::server::accounts::import::import_staff(&app.db, &actor, STAFF, ID)
        .await
        .unwrap();
    app::server::catalog::import::import_services(&app.db, &actor, SERVICES, ID)
        .await
        .unwrap();
}

/// `count` paper answers for `nip` with the given U6 and U7 (the other unsur 3).
fn rows(nip: &str, count: usize, u6: u8, u7: u8) -> String {
    (0..count)
        .map(|_| format!("2026-02-10,DPMPTSP,SIUMK,{nip},3,3,3,3,3,{u6},{u7},3,3,,,,,\n"))
        .collect()
}

async fn import(app: &common::TestApp, body: &str) {
    let text = app::domain::survey_csv::SURVEY_CSV_HEADER.join(",") + "\n" + body;
    let tz = app.state.config.time_zone.offset();
    app::server::survey::paper::import_paper(&app.db, &Actor::system(), &text, tz, ID)
        .await
        .unwrap();
}

async fn scores(app: &common::TestApp) -> Vec<scoring::OfficerRow> {
    let params = scoring::params(&app.db).await.unwrap();
    let period = Period::parse("2026-S1").unwrap();
    scoring::period_scores(&app.db, &period, Some("DPMPTSP"), &params)
        .await
        .unwrap()
}

fn of<'a>(rows: &'a [scoring::OfficerRow], nip: &str) -> &'a scoring::OfficerRow {
    rows.iter().find(|r| r.nip == nip).unwrap()
}

db_test!(
    the_hand_computed_officer_scores_come_out_of_the_stored_answers,
    |app| {
        city(&app).await;
        // Siti: 10 answers (4, 4) → r = 100 and 10 answers (3, 3) → r = 75. Budi: 5 × (2, 2) → 50.
        import(
            &app,
            &(rows(SITI, 10, 4, 4) + &rows(SITI, 10, 3, 3) + &rows(BUDI, 5, 2, 2)),
        )
        .await;
        let rows = scores(&app).await;
        let siti = of(&rows, SITI);
        let OfficerScore::Scored(s) = siti.score else {
            panic!("n = 20 passes the gate")
        };
        // n = 20, m = 87.5; s² = 20 · 12.5² / 19 = 164.47…, s = 12.8247; half-width
        // 1.96 · s / √20 = 5.6207 → [81.88, 93.12]. μ = (20 · 87.5 + 5 · 50) / 25 = 80.
        // shrunk = (20 · 87.5 + 10 · 80) / 30 = 85. Lower bound 81.88 ≤ μ + 3 and upper bound
        // 93.12 ≥ μ − 3: "sesuai ekspektasi".
        assert_eq!(s.n(), 20);
        assert_eq!(round2(s.raw_mean()), 87.5);
        assert_eq!(
            (round2(s.interval().lower()), round2(s.interval().upper())),
            (81.88, 93.12)
        );
        assert_eq!(round2(s.unit_mean().value()), 80.0);
        assert_eq!(round2(s.shrunk()), 85.0);
        assert_eq!(s.suggestion().label_id(), "sesuai ekspektasi");
        // Budi has five: below the gate, no number at all.
        let budi = of(&rows, BUDI);
        assert!(matches!(
            budi.score,
            OfficerScore::InsufficientData { n: 5, .. }
        ));
        // Paper answers came through no invitation: no response rate is invented.
        assert!(siti.response_rate.is_none());
        // The same figures as the report prints them.
        let json = server::report_cli::officer_json(siti);
        assert_eq!(json["shrunk"], 85.0);
        assert_eq!(json["ci_low"], 81.88);
        assert_eq!(json["suggestion"], "sesuai ekspektasi");
        let below = server::report_cli::officer_json(budi);
        assert_eq!(below["n"], 5);
        for field in ["mean", "ci_low", "ci_high", "shrunk", "suggestion"] {
            assert!(
                below[field].is_null(),
                "{field} must be null below the gate"
            );
        }
        assert_eq!(below["unit_mean"], 80.0);
    }
);

db_test!(nineteen_answers_give_no_score_and_twenty_do, |app| {
    city(&app).await;
    import(&app, &rows(SITI, 19, 4, 3)).await;
    let rows19 = scores(&app).await;
    assert!(matches!(
        of(&rows19, SITI).score,
        OfficerScore::InsufficientData { n: 19, .. }
    ));
    import(&app, &rows(SITI, 20, 4, 3)).await;
    let rows20 = scores(&app).await;
    let OfficerScore::Scored(s) = of(&rows20, SITI).score else {
        panic!("twenty pass")
    };
    // Every answer is (4, 3) → r = 87.5, no spread: the interval is the point itself.
    assert_eq!(
        (s.n(), round2(s.raw_mean()), round2(s.interval().lower())),
        (20, 87.5, 87.5)
    );
});

db_test!(
    an_answer_credited_to_two_officers_counts_once_in_the_unit_mean,
    |app| {
        city(&app).await;
        import(
            &app,
            &(rows(SITI, 10, 4, 4) + &rows(SITI, 10, 3, 3) + &rows(BUDI, 5, 2, 2)),
        )
        .await;
        // One more answer (4, 4) → 100, credited to both (an application both served).
        import(&app, &rows(BUDI, 1, 4, 4)).await;
        let shared: i64 = sqlx::query_scalar("SELECT MAX(response_id) FROM survey_response")
            .fetch_one(app.db.read())
            .await
            .unwrap();
        let siti_id: i64 = sqlx::query_scalar("SELECT account_id FROM staff WHERE nip = $1")
            .bind(SITI)
            .fetch_one(app.db.read())
            .await
            .unwrap();
        sqlx::query(
            "INSERT INTO survey_response_credit (response_id, officer_account_id) VALUES ($1, $2)",
        )
        .bind(shared)
        .bind(siti_id)
        .execute(app.db.write())
        .await
        .unwrap();
        // Written by hand, around the write paths: bring the rollups up to date.
        scoring::rollup::rebuild(&app.db).await.unwrap();
        let rows = scores(&app).await;
        let OfficerScore::Scored(s) = of(&rows, SITI).score else {
            panic!("21 answers")
        };
        // Siti: n = 21, m = (11 · 100 + 10 · 75) / 21 = 88.10 (the shared answer counts fully).
        assert_eq!((s.n(), round2(s.raw_mean())), (21, 88.1));
        // μ over the 26 distinct answers: (1750 + 250 + 100) / 26 = 80.77; counting the shared
        // one twice would give 81.48.
        assert_eq!(round2(s.unit_mean().value()), 80.77);
        assert_eq!(s.unit_mean().responses(), 26);
    }
);
