//! Paper answers and the published index (issue 5) on SQLite and PostgreSQL: the sample file
//! of the repository imported through the command-line path gives the worked example of
//! REFERENCE §3.3 on the unit's published index; a file with one bad row imports nothing;
//! importing twice changes nothing.

use crate::common;

use app::i18n::{I18n, Lang};
use app::server::audit::Actor;
use app::server::csv_import::ImportError;

const UNITS: &str = include_str!("../../../demo/units.csv");
const STAFF: &str = include_str!("../../../demo/staff.csv");
const SERVICES: &str = include_str!("../../../demo/services.csv");
const SAMPLE: &str = include_str!("../../../demo/skm_worked_example.csv");
const ID: I18n = I18n { lang: Lang::Id };

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

async fn import(
    app: &common::TestApp,
    text: &str,
) -> Result<app::api::admin::ImportReport, ImportError> {
    let tz = app.state.config.time_zone.offset();
    app::server::survey::paper::import_paper(&app.db, &Actor::system(), text, tz, ID).await
}

async fn count(app: &common::TestApp, sql: &str) -> i64 {
    sqlx::query_scalar(sql)
        .fetch_one(app.db.read())
        .await
        .unwrap()
}

db_test!(the_sample_paper_answers_publish_the_worked_example, |app| {
    city(&app).await;
    let report = import(&app, SAMPLE).await.unwrap();
    assert_eq!((report.created, report.unchanged), (5, 0));
    let again = import(&app, SAMPLE).await.unwrap();
    assert_eq!((again.created, again.unchanged), (0, 5));
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM survey_response WHERE channel = 'paper'"
        )
        .await,
        5
    );
    // Four sheets name an officer: each credits that officer.
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM survey_response_credit").await,
        4
    );
    let index = app::server::survey::index::unit_index(&app.state, "DPMPTSP", "2026-Q1", ID)
        .await
        .unwrap();
    let figures = index.figures.expect("answers in 2026-Q1");
    assert_eq!(
        (figures.n, figures.ikm, figures.konversi, figures.mutu),
        (5, 3.1556, 78.89, 'B')
    );
    assert_eq!(figures.kinerja, "Baik");
    let nrr: Vec<Option<f64>> = figures.unsur.iter().map(|u| u.nrr).collect();
    assert_eq!(
        nrr,
        [3.40, 3.00, 2.60, 4.00, 3.20, 3.40, 3.60, 2.80, 2.40].map(Some)
    );
    assert_eq!(figures.lowest.first(), Some(&app::domain::skm::Unsur::U9));
    let siumk = index.services.iter().find(|s| s.code == "SIUMK").unwrap();
    assert_eq!(siumk.figures.as_ref().map(|f| f.n), Some(5));
    // The profile is published in the form's order, with counts.
    let education: Vec<(&str, u64)> = index
        .profile
        .education
        .iter()
        .map(|c| (c.label.as_str(), c.count))
        .collect();
    assert_eq!(education, [("SMA", 2), ("D1-D3", 1), ("S1", 1), ("S2", 1)]);
    let gender: Vec<(&str, u64)> = index
        .profile
        .gender
        .iter()
        .map(|c| (c.label.as_str(), c.count))
        .collect();
    assert_eq!(gender, [("Laki-laki", 3), ("Perempuan", 2)]);
    // Paper answers have no invitations: no response rate is invented.
    assert_eq!(siumk.response_rate, None);
    // The semester holds the same answers; the other semester none.
    let s1 = app::server::survey::index::unit_index(&app.state, "DPMPTSP", "2026-S1", ID)
        .await
        .unwrap();
    assert_eq!(s1.figures.map(|f| f.konversi), Some(78.89));
    let s2 = app::server::survey::index::unit_index(&app.state, "DPMPTSP", "2026-S2", ID)
        .await
        .unwrap();
    assert!(s2.figures.is_none());
    assert_eq!(
        s2.trend
            .iter()
            .map(|t| t.period.as_str())
            .collect::<Vec<_>>(),
        ["2025-S1", "2025-S2", "2026-S1", "2026-S2"]
    );
    // Low answers and suggestions were opened for follow-up.
    assert!(count(&app, "SELECT COUNT(*) FROM survey_followup").await >= 3);
    // The same figures through the public server function.
    let (status, body) = app.get("/api/ikm/unit?code=DPMPTSP&period=2026-Q1").await;
    assert_eq!(status, 200, "{body}");
    assert!(body.contains("78.89"), "{body}");
});

db_test!(
    a_file_with_one_bad_row_imports_nothing_and_names_every_problem,
    |app| {
        city(&app).await;
        let mut text = SAMPLE.to_owned();
        text.push_str("2026-03-09,DPMPTSP,KTP-EL,,3,3,3,3,3,3,3,3,3,L,30,SMA,Swasta,\n");
        text.push_str(
            "2026-03-09,DPMPTSP,SIUMK,198511252010012003,3,3,3,3,3,3,3,3,3,L,30,SMA,Swasta,\n",
        );
        text.push_str("2026-03-09,DPMPTSP,SIUMK,,3,3,3,3,3,3,3,3,3,L,30,SMA,Swasta,\n");
        let Err(ImportError::Invalid(problems)) = import(&app, &text).await else {
            panic!("the file must be refused");
        };
        let at: Vec<(u64, Option<&str>)> = problems
            .iter()
            .map(|p| (p.line, p.column.as_deref()))
            .collect();
        assert_eq!(at, [(7, Some("service_code")), (8, Some("officer_nip"))]);
        assert!(
            problems[0].message.contains("bukan milik unit"),
            "{}",
            problems[0].message
        );
        assert_eq!(count(&app, "SELECT COUNT(*) FROM survey_response").await, 0);
    }
);

db_test!(an_unknown_unit_or_period_is_not_found, |app| {
    city(&app).await;
    let (status, _) = app.get("/api/ikm/unit?code=NOPE&period=").await;
    assert_eq!(status, 404);
    let (status, _) = app.get("/api/ikm/unit?code=DPMPTSP&period=2026-S9").await;
    assert_eq!(status, 404);
    let (status, body) = app.get("/api/ikm/units?period=").await;
    assert_eq!(status, 200);
    assert!(body.contains("DPMPTSP"));
});
