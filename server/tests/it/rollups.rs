//! The per-month score rollups (migration 0006) always equal a full recomputation, on SQLite and
//! PostgreSQL: after random paper answers over months and years, an online answer credited
//! through a completed application, a counter invitation answered at the desk, and officers
//! moving between units — both as stored rows (`rollup::verify`) and as the scores HR reads
//! (`period_scores` from rollups vs `period_scores_full` from every answer), for every kind of
//! period.

use crate::applying;
use crate::common;
use crate::survey::{completed, ANSWERS};
use common::{people, Jar, PASSWORD};

use app::domain::officer_score::OfficerScore;
use app::domain::period::Period;
use app::i18n::{I18n, Lang};
use app::server::audit::Actor;
use app::server::scoring::{self, full::period_scores_full, rollup};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

const ID: I18n = I18n { lang: Lang::Id };
const NAMES: [&str; 8] = [
    "Ani Rahayu",
    "Bayu Pratama",
    "Citra Dewi",
    "Dodi Saputra",
    "Eka Putri",
    "Fajar Nugroho",
    "Gita Permata",
    "Hadi Kurniawan",
];
const UNITS: [(&str, &str); 2] = [("DPMPTSP", "SIUMK"), ("DISDUKCAPIL", "KTP-EL")];

/// Eight officers (NIPs parse: birth date, appointment, gender, serial), alternating units,
/// with officer `moved` in the other unit.
fn staff_csv(moved: Option<usize>) -> String {
    let mut csv = String::from("nip,name,unit_code,roles,supervisor_nip,email\n");
    for i in 0..8 {
        let unit = UNITS[(i + usize::from(moved == Some(i))) % 2].0;
        csv += &format!("{},{},{unit},officer,,\n", officer_nip(i), NAMES[i]);
    }
    csv
}

fn officer_nip(i: usize) -> String {
    format!("199001{:02}2015031{:03}", 10 + i, i + 1)
}

async fn city(app: &common::TestApp) {
    let actor = Actor::system();
    let units = "code,name\nDPMPTSP,Dinas Perizinan\nDISDUKCAPIL,Dinas Dukcapil\n";
    app::server::accounts::import::import_units(&app.db, &actor, units, ID)
        .await
        .unwrap();
    import_staff(app, None).await;
    let services = include_str!("../../../demo/services.csv");
    app::server::catalog::import::import_services(&app.db, &actor, services, ID)
        .await
        .unwrap();
}

async fn import_staff(app: &common::TestApp, moved: Option<usize>) {
    app::server::accounts::import::import_staff(&app.db, &Actor::system(), &staff_csv(moved), ID)
        .await
        .unwrap();
}

/// `count` random paper answers between December 2025 and December 2026, each for a random
/// officer of the answer's unit (or none), U6/U7 sometimes skipped.
async fn random_paper(
    app: &common::TestApp,
    rng: &mut ChaCha8Rng,
    count: usize,
    moved: Option<usize>,
) {
    let body = paper_csv(rng, count, moved);
    let tz = app.state.config.time_zone.offset();
    app::server::survey::paper::import_paper(&app.db, &Actor::system(), &body, tz, ID)
        .await
        .unwrap();
}

/// The survey CSV of `count` random paper answers (see [`random_paper`]).
fn paper_csv(rng: &mut ChaCha8Rng, count: usize, moved: Option<usize>) -> String {
    let mut body = app::domain::survey_csv::SURVEY_CSV_HEADER.join(",") + "\n";
    for _ in 0..count {
        let (year, month) = match rng.gen_range(0..13) {
            0 => (2025, 12),
            m => (2026, m),
        };
        let day = rng.gen_range(1..=28);
        let officer = rng.gen_range(0..8);
        let unit = (officer + usize::from(moved == Some(officer))) % 2;
        let (unit_code, service) = UNITS[unit];
        let nip = if rng.gen_bool(0.9) {
            officer_nip(officer)
        } else {
            String::new()
        };
        let mut answer = |skip: f64| {
            if rng.gen_bool(skip) {
                String::new()
            } else {
                rng.gen_range(1..=4).to_string()
            }
        };
        let (u6, u7) = (answer(0.15), answer(0.15));
        let u1 = answer(0.0);
        body += &format!(
            "{year}-{month:02}-{day:02},{unit_code},{service},{nip},{u1},3,3,3,3,{u6},{u7},3,3,,,,,\n"
        );
    }
    body
}

/// Rollups equal their recomputation, and the scores read from them equal the scores computed
/// from every answer, for years, semesters and quarters of both years.
async fn assert_consistent(app: &common::TestApp, stage: &str) {
    let differences = rollup::verify(&app.db).await.unwrap();
    assert!(differences.is_empty(), "{stage}: {differences:#?}");
    let params = scoring::params(&app.db).await.unwrap();
    let mut scored = 0;
    for name in [
        "2025", "2025-S2", "2025-Q4", "2026", "2026-S1", "2026-S2", "2026-Q1", "2026-Q2",
        "2026-Q3", "2026-Q4",
    ] {
        let period = Period::parse(name).unwrap();
        for unit in [None, Some("DPMPTSP"), Some("DISDUKCAPIL")] {
            let fast = scoring::period_scores(&app.db, &period, unit, &params)
                .await
                .unwrap();
            let full = period_scores_full(&app.db, &period, unit, &params)
                .await
                .unwrap();
            assert_eq!(
                format!("{fast:?}"),
                format!("{full:?}"),
                "{stage}: {name} {unit:?}"
            );
            scored += fast
                .iter()
                .filter(|r| matches!(r.score, OfficerScore::Scored(_)))
                .count();
        }
    }
    assert!(scored > 0, "{stage}: some officers pass the gate");
}

/// Folding moves every delta into the per-month rows and changes no sum: afterwards no delta is
/// left and the per-month rows alone equal the recomputation.
async fn assert_folded(app: &common::TestApp, stage: &str) {
    assert!(
        rollup::fold(&app.db).await.unwrap() > 0,
        "{stage}: something to fold"
    );
    for table in ["officer_month_delta", "unit_month_delta"] {
        let left: i64 = sqlx::query_scalar(&format!("SELECT COUNT(*) FROM {table}"))
            .fetch_one(app.db.read())
            .await
            .unwrap();
        assert_eq!(left, 0, "{stage}: {table} folded");
    }
    assert_consistent(app, stage).await;
}

/// An officer issues a counter invitation and the citizen answers it by its typed code.
async fn counter_answer(app: &common::TestApp) {
    let mut officer = app
        .sign_in("/petugas/masuk", people::OFFICER_A, PASSWORD)
        .await;
    let form = format!(
        "service={}&issue_key=counter-rollup-0001-abc",
        applying::CODE
    );
    let (status, _, page) = app
        .post_as("/petugas/survei-loket", &form, &mut officer)
        .await;
    assert_eq!(status, 303, "{page}");
    let code: String =
        sqlx::query_scalar("SELECT short_code FROM survey_invitation WHERE channel = 'counter'")
            .fetch_one(app.db.read())
            .await
            .unwrap();
    let mut citizen = Jar::default();
    let typed = format!("code={}-{}", &code[..4], &code[4..]);
    let (_, location, _) = app.post_as("/survei", &typed, &mut citizen).await;
    let (_, done, _) = app
        .post_as(&location.unwrap(), "u6=2&u7=3", &mut citizen)
        .await;
    assert_eq!(done.as_deref(), Some("/survei/terima-kasih"));
}

/// An answer credited to two officers of one unit (as when both served an application) is
/// added to both officers' rollups and once to the unit's.
async fn shared_answer(app: &common::TestApp) {
    let mut tx = app.db.begin().await.unwrap();
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO survey_response (unit_id, service_type_id, channel, service_date, submitted_at, u6, u7)
         SELECT unit_id, service_type_id, 'online', '2026-03-15', 0, 4, 3 FROM survey_response
         WHERE channel = 'paper' ORDER BY response_id LIMIT 1 RETURNING response_id",
    )
    .fetch_one(&mut *tx)
    .await
    .unwrap();
    for i in [0, 2] {
        sqlx::query(
            "INSERT INTO survey_response_credit (response_id, officer_account_id)
             SELECT $1, account_id FROM staff WHERE nip = $2",
        )
        .bind(id)
        .bind(officer_nip(i))
        .execute(&mut *tx)
        .await
        .unwrap();
    }
    rollup::credit_response(&mut tx, id).await.unwrap();
    tx.commit().await.unwrap();
}

db_test!(rollups_always_equal_a_full_recomputation, |app| {
    // An online answer, credited through a completed application (today's month).
    let (_, path, mut citizen) = completed(&app).await;
    let (_, done, _) = app.post_as(&path, ANSWERS, &mut citizen).await;
    assert_eq!(done.as_deref(), Some("/survei/terima-kasih"));
    counter_answer(&app).await;
    city(&app).await;
    let mut rng = ChaCha8Rng::seed_from_u64(7);
    random_paper(&app, &mut rng, 400, None).await;
    assert_consistent(&app, "after paper answers, unfolded").await;
    assert_folded(&app, "after paper answers").await;
    // Officer 3 moves unit: their answers now count toward the other unit's μ.
    import_staff(&app, Some(3)).await;
    assert_consistent(&app, "after a move").await;
    random_paper(&app, &mut rng, 300, Some(3)).await;
    // And back again, with more answers after, this time moving with deltas not yet folded.
    import_staff(&app, None).await;
    random_paper(&app, &mut rng, 200, None).await;
    assert_consistent(&app, "after moving back").await;
    import_staff(&app, Some(5)).await;
    assert_consistent(&app, "after a move over unfolded deltas").await;
    assert_folded(&app, "after a move over unfolded deltas").await;
    import_staff(&app, None).await;
    shared_answer(&app).await;
    assert_consistent(&app, "after an answer credited to two officers").await;
    assert_folded(&app, "after an answer credited to two officers").await;
    // A rebuild changes nothing when they agree.
    rollup::rebuild(&app.db).await.unwrap();
    assert_consistent(&app, "after a rebuild").await;
    // A corrupted rollup is found.
    sqlx::query("UPDATE officer_month_rollup SET n = n + 1 WHERE month = '2026-03'")
        .execute(app.db.write())
        .await
        .unwrap();
    assert!(!rollup::verify(&app.db).await.unwrap().is_empty());
});

// Answers keep arriving while several folds run at once (as on several servers): every delta is
// folded exactly once — none lost between reading and deleting, none counted twice.
db_test!(concurrent_folds_count_every_answer_once, |app| {
    city(&app).await;
    let mut writers = Vec::new();
    let tz = app.state.config.time_zone.offset();
    for seed in 0..6u64 {
        let db = app.db.clone();
        writers.push(tokio::spawn(async move {
            let mut rng = ChaCha8Rng::seed_from_u64(100 + seed);
            for _ in 0..8 {
                let body = paper_csv(&mut rng, 15, None);
                app::server::survey::paper::import_paper(&db, &Actor::system(), &body, tz, ID)
                    .await
                    .unwrap();
            }
        }));
    }
    let done = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let mut folders = Vec::new();
    for _ in 0..3 {
        let (db, done) = (app.db.clone(), done.clone());
        folders.push(tokio::spawn(async move {
            let mut rows = 0;
            while !done.load(std::sync::atomic::Ordering::Relaxed) {
                rows += rollup::fold(&db).await.unwrap();
            }
            rows
        }));
    }
    for w in writers {
        w.await.unwrap();
    }
    done.store(true, std::sync::atomic::Ordering::Relaxed);
    let mut rows = 0;
    for f in folders {
        rows += f.await.unwrap();
    }
    assert!(rows > 0, "the folds ran while answers arrived");
    let answers: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM survey_response")
        .fetch_one(app.db.read())
        .await
        .unwrap();
    assert_eq!(answers, 6 * 8 * 15, "every batch stored");
    assert_consistent(&app, "after concurrent folds").await;
    // A last batch after the folds stopped is folded by the next one.
    random_paper(&app, &mut ChaCha8Rng::seed_from_u64(99), 15, None).await;
    assert_folded(&app, "after concurrent folds").await;
});
