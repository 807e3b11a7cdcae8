//! `sigap report officers` run as the real binary on a SQLite and a PostgreSQL database holding
//! the same answers: the two JSON outputs are identical and equal the figures computed by hand
//! in the parent module's note (REFERENCE §4.1).

use super::{arrange, OFFICER_A2};
use crate::common::{people, TestApp};
use serde_json::{json, Value};

fn report(app: &TestApp) -> Value {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_sigap"))
        .args([
            "report", "officers", "--period", "2026-S1", "--format", "json",
        ])
        .env("DATABASE_URL", &app.state.config.database_url)
        .env("SIGAP_DATA_DIR", &app.data_dir)
        .env(
            "SIGAP_JWT_SECRET",
            "test-secret-that-is-long-enough-0123456789",
        )
        .output()
        .expect("run sigap");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("JSON on stdout")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_officers_report_is_identical_on_sqlite_and_postgres_and_matches_the_hand_computation()
{
    let sqlite = TestApp::sqlite().await;
    arrange(&sqlite).await;
    let from_sqlite = report(&sqlite);
    sqlite.cleanup().await;

    // Unit A first (best shrunk score first), then unit B below the gate.
    assert_eq!(
        from_sqlite,
        json!([
            {
                // n = 20, m = 87.5, 87.5 ± 1.96 · 12.8247 / √20 = [81.88, 93.12], μ = 68.75,
                // shrunk = (20 · 87.5 + 10 · 68.75) / 30 = 81.25, lower bound > μ + 3.
                "nip": people::OFFICER_A, "name": "Opi Empat", "unit_code": "UNIT-A", "n": 20,
                "mean": 87.5, "ci_low": 81.88, "ci_high": 93.12, "unit_mean": 68.75,
                "shrunk": 81.25, "suggestion": "di atas ekspektasi", "response_rate": null,
            },
            {
                // n = 20, every r = 50: s = 0, interval [50, 50]; shrunk = 1687.5 / 30 = 56.25.
                "nip": OFFICER_A2, "name": "Ani Enam", "unit_code": "UNIT-A", "n": 20,
                "mean": 50.0, "ci_low": 50.0, "ci_high": 50.0, "unit_mean": 68.75,
                "shrunk": 56.25, "suggestion": "di bawah ekspektasi", "response_rate": null,
            },
            {
                // n = 5 < 20: no number; μ of unit B = 75.
                "nip": people::OFFICER_B, "name": "Obi Lima", "unit_code": "UNIT-B", "n": 5,
                "mean": null, "ci_low": null, "ci_high": null, "unit_mean": 75.0,
                "shrunk": null, "suggestion": null, "response_rate": null,
            },
        ])
    );

    let Some(postgres) = TestApp::postgres().await else {
        eprintln!("SKIPPED (PostgreSQL half): no server reachable");
        return;
    };
    arrange(&postgres).await;
    let from_postgres = report(&postgres);
    postgres.cleanup().await;
    assert_eq!(from_sqlite, from_postgres);
}
