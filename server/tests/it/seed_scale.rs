//! The generated region (`seed-demo --scale city|province`) is deterministic: the same seed and
//! day give the same data, checked by a digest of what was loaded at a small size; another
//! seed gives other data. Loads on SQLite and PostgreSQL alike.

use crate::common;

use server::seed::scale::{load, Spec};
use sha2::{Digest, Sha256};

const TINY: Spec = Spec {
    units: 3,
    officers: 24,
    citizens: 200,
    applications: 600,
    answers: 2_000,
    semesters: 2,
};

/// [`digest`] of the region of seed 7 generated for [`day`] at [`TINY`] size.
const GOLDEN: &str = "2a5e2ce2f4ee99d5e5c0d0fe8cbeceb8ce697dc397b17b9e45c2d1bdbcd336ce";

fn day() -> time::Date {
    time::macros::date!(2026 - 11 - 16)
}

/// A digest of the generated rows that matter (ids, numbers, states, dates, scores, credits).
async fn digest(app: &common::TestApp) -> String {
    let mut hash = Sha256::new();
    type App = (i64, String, String, String, Option<String>, Option<i64>);
    let apps: Vec<App> = sqlx::query_as(
        "SELECT application_id, reg_number, state, submitted_on, finished_on, on_time FROM application ORDER BY application_id",
    )
    .fetch_all(app.db.read())
    .await
    .unwrap();
    hash.update(format!("{apps:?}"));
    type Answer = (
        i64,
        i64,
        String,
        String,
        Option<i64>,
        Option<i64>,
        Option<i64>,
        Option<String>,
    );
    let answers: Vec<Answer> = sqlx::query_as(
        "SELECT response_id, unit_id, channel, service_date, u1, u6, u7, education FROM survey_response ORDER BY response_id",
    )
    .fetch_all(app.db.read())
    .await
    .unwrap();
    hash.update(format!("{answers:?}"));
    let credits: Vec<(i64, i64)> = sqlx::query_as(
        "SELECT response_id, officer_account_id FROM survey_response_credit ORDER BY response_id, officer_account_id",
    )
    .fetch_all(app.db.read())
    .await
    .unwrap();
    hash.update(format!("{credits:?}"));
    let staff: Vec<(String, String)> =
        sqlx::query_as("SELECT nip, full_name FROM staff ORDER BY nip")
            .fetch_all(app.db.read())
            .await
            .unwrap();
    hash.update(format!("{staff:?}"));
    hash.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

async fn count(app: &common::TestApp, sql: &str) -> i64 {
    sqlx::query_scalar(sql)
        .fetch_one(app.db.read())
        .await
        .unwrap()
}

db_test!(the_same_seed_generates_the_same_region, |app| {
    load(&app.state, &TINY, 7, day()).await.unwrap();
    let first = digest(&app).await;
    // The region of seed 7 on that day, as generated since 2026-12-02: a change to the
    // generator that changes the data (the draw order of the seeded generator, say) shows here.
    assert_eq!(first, GOLDEN, "the generated region changed");
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM survey_response").await,
        2_000
    );
    assert!(count(&app, "SELECT COUNT(*) FROM application").await > 500);
    // Every answer through an invitation used it once; every credited officer exists.
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM survey_response_source s JOIN survey_invitation i ON i.invitation_id = s.invitation_id WHERE i.used_at IS NULL").await,
        0
    );
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM survey_response_credit c LEFT JOIN staff s ON s.account_id = c.officer_account_id WHERE s.account_id IS NULL").await,
        0
    );
    // A second region from the same seed, in a fresh database, is the same data.
    let other = if app.engine == common::Engine::Sqlite {
        common::TestApp::sqlite().await
    } else {
        common::TestApp::postgres().await.unwrap()
    };
    load(&other.state, &TINY, 7, day()).await.unwrap();
    assert_eq!(digest(&other).await, first);
    other.cleanup().await;
    // Another seed, other data.
    let third = common::TestApp::sqlite().await;
    load(&third.state, &TINY, 8, day()).await.unwrap();
    assert_ne!(digest(&third).await, first);
    third.cleanup().await;
    // The identities continue after the generated ids (new rows still insert).
    sqlx::query("INSERT INTO unit (code, name, active, created_at, updated_at) VALUES ('NEW-UNIT', 'Baru', 1, 0, 0)")
        .execute(app.db.write())
        .await
        .unwrap();
});
