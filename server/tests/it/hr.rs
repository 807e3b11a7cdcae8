//! HR's side of officer scores and appraisals (issue 6) on SQLite and PostgreSQL: the ranking
//! equals `sigap report officers` and the hand-computed figures; only HR reads the HR pages and
//! downloads, each read audited once; contests, periods and distribution warnings
//! (`hr/rulings.rs`); the follow-up lists and the CSV/XLSX downloads (`hr/lists.rs`); the real
//! binary on both engines (`hr/report.rs`).
//!
//! The data (2026-S1, paper answers, the other unsur all 3):
//! - Opi (OFFICER_A, unit A): 10 × (U6, U7) = (4, 4) → r = 100 and 10 × (3, 3) → r = 75;
//! - Ani (OFFICER_A2, unit A): 20 × (2, 2) → r = 50;
//! - Obi (OFFICER_B, unit B): 5 × (3, 3) → r = 75, below the gate;
//! - one answer in unit A credited to nobody, (1, 1): it counts for no officer and not in μ.
//!
//! By hand (REFERENCE §4.1): Opi n = 20, m = 87.5, s = 12.5 · √(20/19) = 12.8247, half-width
//! 1.96 · s / √20 = 5.6207 → interval [81.88, 93.12]; μ of unit A = (20 · 87.5 + 20 · 50) / 40
//! = 68.75; shrunk = (20 · 87.5 + 10 · 68.75) / 30 = 81.25; lower bound 81.88 > μ + 3 = 71.75
//! and 81.25 ≥ 76.61, so "di atas ekspektasi". Ani: m = 50, s = 0 → [50, 50]; shrunk =
//! (1000 + 687.5) / 30 = 56.25; upper bound 50 < μ − 3 = 65.75 → "di bawah ekspektasi".
//! Obi: n = 5 < 20 → no number; μ of unit B = 75.

mod lists;
mod report;
mod rulings;

use crate::common::{people, Jar, TestApp, PASSWORD};
use app::api::hr::RankingFilter;
use app::auth::{Role, Viewer};
use app::i18n::{I18n, Lang};
use app::server::accounts::RequestMeta;
use app::server::audit::Actor;

pub const ID: I18n = I18n { lang: Lang::Id };
/// A second officer of unit A.
pub const OFFICER_A2: &str = "199505052019031003";
pub const PERIOD: &str = "2026-S1";

/// `count` paper answers in unit `unit` for `nip` (empty: nobody) with the given U6 and U7.
fn rows(unit: &str, service: &str, nip: &str, count: usize, u6: u8, u7: u8) -> String {
    (0..count)
        .map(|_| format!("2026-02-10,{unit},{service},{nip},3,3,3,3,3,{u6},{u7},3,3,,,,,\n"))
        .collect()
}

/// The people, two services, the second officer of unit A and the answers of the module's
/// note.
pub async fn arrange(app: &TestApp) {
    use app::domain::{contact::FullName, nip::Nip, password::NewPassword};
    use app::server::catalog::admin::{save_service, ServiceInput};
    app.seed_people().await;
    let password = NewPassword::parse(PASSWORD, &[]).unwrap();
    app::server::accounts::admin::ensure_staff(
        &app.db,
        &app::server::accounts::admin::DirectStaff {
            nip: &Nip::parse(OFFICER_A2).unwrap(),
            name: &FullName::parse("Ani Enam").unwrap(),
            email: None,
            unit_code: Some("UNIT-A"),
            roles: &[Role::Officer],
            supervisor_nip: Some(people::SUPERVISOR),
            password: &password,
        },
        &Actor::system(),
    )
    .await
    .unwrap();
    let admin = viewer(app, people::ADMIN).await;
    for (code, unit) in [("SVC-A", "UNIT-A"), ("SVC-B", "UNIT-B")] {
        let service = ServiceInput {
            code: code.into(),
            unit_code: unit.into(),
            name_id: format!("Layanan {code}"),
            completion_days: "5".into(),
            fee: "0".into(),
            active: "on".into(),
            ..ServiceInput::default()
        };
        save_service(&app.db, &admin, &service, None, &RequestMeta::default(), ID)
            .await
            .unwrap();
    }
    let body = rows("UNIT-A", "SVC-A", people::OFFICER_A, 10, 4, 4)
        + &rows("UNIT-A", "SVC-A", people::OFFICER_A, 10, 3, 3)
        + &rows("UNIT-A", "SVC-A", OFFICER_A2, 20, 2, 2)
        + &rows("UNIT-B", "SVC-B", people::OFFICER_B, 5, 3, 3)
        + &rows("UNIT-A", "SVC-A", "", 1, 1, 1);
    let text = app::domain::survey_csv::SURVEY_CSV_HEADER.join(",") + "\n" + &body;
    let tz = app.state.config.time_zone.offset();
    app::server::survey::paper::import_paper(&app.db, &Actor::system(), &text, tz, ID)
        .await
        .unwrap();
}

/// The signed-in viewer of staff member `nip`.
pub async fn viewer(app: &TestApp, nip: &str) -> Viewer {
    let id = account(app, nip).await;
    app::server::session::account_viewer(&app.db, id)
        .await
        .unwrap()
        .unwrap()
}

/// The account of staff member `nip`.
pub async fn account(app: &TestApp, nip: &str) -> i64 {
    sqlx::query_scalar("SELECT account_id FROM staff WHERE nip = $1")
        .bind(nip)
        .fetch_one(app.db.read())
        .await
        .unwrap()
}

/// A staff member's cookies.
pub async fn staff(app: &TestApp, nip: &str) -> Jar {
    app.sign_in("/petugas/masuk", nip, PASSWORD).await
}

/// Audit rows with `action`.
pub async fn audits(app: &TestApp, action: &str) -> i64 {
    sqlx::query_scalar("SELECT COUNT(*) FROM audit_event WHERE action = $1")
        .bind(action)
        .fetch_one(app.db.read())
        .await
        .unwrap()
}

/// A scalar from SQL.
pub async fn scalar<T>(app: &TestApp, sql: &str) -> T
where
    T: Send + Unpin + for<'r> sqlx::Decode<'r, sqlx::Any> + sqlx::Type<sqlx::Any>,
    (T,): for<'r> sqlx::FromRow<'r, sqlx::any::AnyRow>,
{
    sqlx::query_scalar(sql)
        .fetch_one(app.db.read())
        .await
        .unwrap()
}

db_test!(
    the_ranking_shows_the_figures_of_the_officers_report,
    |app| {
        arrange(&app).await;
        let hr = viewer(&app, people::HR).await;
        let page = app::server::hr::ranking::ranking(
            &app.state,
            &hr,
            PERIOD,
            &RankingFilter::default(),
            &RequestMeta::default(),
            ID,
        )
        .await
        .unwrap();
        // Ranked by shrunk score, Obi below the gate after them without a number.
        let ranked: Vec<(&str, Option<u32>)> = page
            .ranked
            .iter()
            .map(|r| (r.officer.nip.as_str(), r.rank))
            .collect();
        assert_eq!(
            ranked,
            [(people::OFFICER_A, Some(1)), (OFFICER_A2, Some(2))]
        );
        assert_eq!(page.insufficient.len(), 1);
        let obi = &page.insufficient[0];
        assert_eq!(
            (obi.officer.nip.as_str(), obi.score.n),
            (people::OFFICER_B, 5)
        );
        assert_eq!(
            (obi.score.shrunk, obi.score.mean, obi.score.suggestion),
            (None, None, None)
        );
        let opi = &page.ranked[0].score;
        assert_eq!(
            (
                opi.n,
                opi.mean,
                opi.ci_low,
                opi.ci_high,
                opi.unit_mean,
                opi.shrunk
            ),
            (
                20,
                Some(87.5),
                Some(81.88),
                Some(93.12),
                Some(68.75),
                Some(81.25)
            )
        );
        assert_eq!(
            opi.suggestion.map(|s| s.label_id()),
            Some("di atas ekspektasi")
        );
        let ani = &page.ranked[1].score;
        assert_eq!(
            (ani.ci_low, ani.ci_high, ani.shrunk),
            (Some(50.0), Some(50.0), Some(56.25))
        );
        assert_eq!(
            ani.suggestion.map(|s| s.label_id()),
            Some("di bawah ekspektasi")
        );

        // The same figures as `sigap report officers` (its rate is a fraction, the page's a percent).
        let report = server::report_cli::officers(
            &app.db,
            &server::report_cli::OfficersArgs {
                period: PERIOD.into(),
                unit: None,
                format: server::report_cli::ReportFormat::Json,
            },
        )
        .await
        .unwrap();
        let report: Vec<serde_json::Value> = serde_json::from_str(&report).unwrap();
        assert_eq!(report.len(), 3);
        for o in &report {
            let nip = o["nip"].as_str().unwrap();
            let row = page
                .ranked
                .iter()
                .chain(&page.insufficient)
                .find(|r| r.officer.nip == nip)
                .unwrap();
            let s = &row.score;
            let num = |v: Option<f64>| v.map_or(serde_json::Value::Null, |v| serde_json::json!(v));
            assert_eq!(o["n"], serde_json::json!(s.n), "{nip}");
            for (key, value) in [
                ("mean", s.mean),
                ("ci_low", s.ci_low),
                ("ci_high", s.ci_high),
                ("unit_mean", s.unit_mean),
                ("shrunk", s.shrunk),
                ("response_rate", s.response_rate.map(|r| r / 100.0)),
            ] {
                assert_eq!(o[key], num(value), "{nip} {key}");
            }
            let suggestion = s.suggestion.map(|e| e.label_id());
            assert_eq!(o["suggestion"].as_str(), suggestion, "{nip}");
        }

        // Filters: a unit, a service, the officers below the gate only, a predikat.
        let filtered = |f: RankingFilter| {
            let hr = hr.clone();
            let state = app.state.clone();
            async move {
                let page = app::server::hr::ranking::ranking(
                    &state,
                    &hr,
                    PERIOD,
                    &f,
                    &RequestMeta::default(),
                    ID,
                )
                .await
                .unwrap();
                page.ranked
                    .iter()
                    .chain(&page.insufficient)
                    .map(|r| r.officer.nip.clone())
                    .collect::<Vec<_>>()
            }
        };
        let unit_b = RankingFilter {
            unit: "unit-b".into(),
            ..RankingFilter::default()
        };
        assert_eq!(filtered(unit_b).await, [people::OFFICER_B]);
        let service_a = RankingFilter {
            service: "SVC-A".into(),
            ..RankingFilter::default()
        };
        assert_eq!(filtered(service_a).await, [people::OFFICER_A, OFFICER_A2]);
        let below = RankingFilter {
            insufficient: true,
            ..RankingFilter::default()
        };
        assert_eq!(filtered(below).await, [people::OFFICER_B]);
        let none = RankingFilter {
            predikat: "none".into(),
            ..RankingFilter::default()
        };
        assert_eq!(filtered(none).await.len(), 3);
        let baik = RankingFilter {
            predikat: "baik".into(),
            ..RankingFilter::default()
        };
        assert!(filtered(baik).await.is_empty());

        // The page shows every number with its n and interval.
        let jar = staff(&app, people::HR).await;
        let (status, _, body) = app.get_as("/hr?periode=2026-S1", &jar).await;
        assert_eq!(status, 200, "{body}");
        assert!(body.contains("81.25"), "{body}");
        assert!(body.contains("n = 20 · selang 95%: 81.88–93.12"), "{body}");
        assert!(body.contains("data belum cukup"), "{body}");
        assert!(body.contains("Data belum cukup (1)"), "{body}");
        let (_, _, filtered) = app.get_as("/hr?periode=2026-S1&unit=UNIT-B", &jar).await;
        assert!(
            filtered.contains("Obi Lima") && !filtered.contains("Opi Empat"),
            "{filtered}"
        );
    }
);

db_test!(
    only_hr_reads_the_hr_pages_and_each_read_is_audited_once,
    |app| {
        arrange(&app).await;
        let pages = [
        "/hr?periode=2026-S1".to_owned(),
        format!("/hr/pegawai/{}?periode=2026-S1", people::OFFICER_A),
        "/hr/periode".to_owned(),
        "/hr/tindak-lanjut?periode=2026-S1".to_owned(),
        "/hr/ekspor/peringkat?format=csv&periode=2026-S1".to_owned(),
        "/hr/ekspor/talenta?format=xlsx&periode=2026-S1".to_owned(),
        "/api/hr/ranking?period=2026-S1&filter[unit]=&filter[service]=&filter[predikat]=&filter[insufficient]=false".to_owned(),
        format!("/api/hr/officer?nip={}&period=2026-S1", people::OFFICER_A),
        "/api/hr/periods?period=".to_owned(),
        "/api/hr/followup?period=2026-S1".to_owned(),
    ];
        for path in &pages {
            let (status, location, _) = app.get_as(path, &Jar::default()).await;
            let to_sign_in = matches!(status, 302 | 303)
                && location
                    .as_deref()
                    .is_some_and(|l| l.starts_with("/petugas/masuk"));
            assert!(
                to_sign_in || status == 401,
                "anonymous {path}: {status} {location:?}"
            );
        }
        let citizen = app.sign_in("/masuk", people::CITIZEN_1, PASSWORD).await;
        let mut others = vec![citizen];
        for nip in [people::OFFICER_A, people::SUPERVISOR, people::ADMIN] {
            others.push(staff(&app, nip).await);
        }
        for jar in &others {
            for path in &pages {
                let (status, _, _) = app.get_as(path, jar).await;
                assert_eq!(status, 403, "{path}");
            }
        }
        // HR: one audit row per request, however many officers it shows.
        let hr = staff(&app, people::HR).await;
        let before = audits(&app, "appraisal.ranking_viewed").await;
        let (status, _, body) = app.get_as(&pages[0], &hr).await;
        assert_eq!(status, 200, "{body}");
        assert_eq!(audits(&app, "appraisal.ranking_viewed").await, before + 1);
        let (status, _, body) = app.get_as(&pages[1], &hr).await;
        assert_eq!(status, 200, "{body}");
        assert_eq!(audits(&app, "appraisal.viewed").await, 1);
        assert!(body.contains("Opi Empat"), "{body}");
        let (status, _, _) = app.get_as(&pages[3], &hr).await;
        assert_eq!(status, 200);
        assert_eq!(audits(&app, "appraisal.followup_viewed").await, 1);
        let (status, _, csv) = app.get_as(&pages[4], &hr).await;
        assert_eq!(status, 200, "{csv}");
        assert_eq!(audits(&app, "appraisal.exported").await, 1);
        let (status, _, _) = app.get_as(&pages[2], &hr).await;
        assert_eq!(status, 200);
        // The audit row names the period, never an answer.
        let subject: String = scalar(
            &app,
            "SELECT subject FROM audit_event WHERE action = 'appraisal.exported'",
        )
        .await;
        assert_eq!(subject, "period:2026-S1");
        // An unknown list or format is not found.
        let (status, _, _) = app.get_as("/hr/ekspor/semua?format=csv", &hr).await;
        assert_eq!(status, 404);
        let (status, _, _) = app.get_as("/hr/ekspor/peringkat?format=pdf", &hr).await;
        assert_eq!(status, 404);
    }
);
