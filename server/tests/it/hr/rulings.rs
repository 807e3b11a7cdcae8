//! HR rules on contests (a reason of at least 20 characters, audited, the appraisal changed in
//! the same transaction, once), opens and closes periods, and sees each unit's distribution
//! warnings (REFERENCE §5.2, §5.3).

use super::{account, arrange, audits, staff, viewer, ID, OFFICER_A2, PERIOD};
use crate::common::{enc, people, TestApp};
use app::domain::appraisal::predikat;
use app::domain::officer_score::Expectation;
use app::server::accounts::RequestMeta;
use app::server::appraisal::periods::{self, OpenInput};

/// Opens `name` as HR (through the service).
pub async fn open(app: &TestApp, name: &str) {
    let hr = viewer(app, people::HR).await;
    periods::open(
        &app.db,
        &hr,
        &OpenInput { name: name.into() },
        &RequestMeta::default(),
        ID,
    )
    .await
    .unwrap();
}

/// Stores an appraisal of `nip` in `period` by the unit A supervisor (the other helper's form
/// writes the same row; the tests here need only its ratings).
pub async fn appraise(app: &TestApp, period: &str, nip: &str, hasil: &str, perilaku: &str) -> i64 {
    let period_id: i64 =
        sqlx::query_scalar("SELECT period_id FROM appraisal_period WHERE name = $1")
            .bind(period)
            .fetch_one(app.db.read())
            .await
            .unwrap();
    let (officer, unit): (i64, Option<i64>) =
        sqlx::query_as("SELECT account_id, unit_id FROM staff WHERE nip = $1")
            .bind(nip)
            .fetch_one(app.db.read())
            .await
            .unwrap();
    let supervisor = account(app, people::SUPERVISOR).await;
    let p = predikat(
        Expectation::parse(hasil).unwrap(),
        Expectation::parse(perilaku).unwrap(),
    );
    sqlx::query_scalar(
        "INSERT INTO appraisal (period_id, officer_account_id, supervisor_account_id, unit_id, hasil_kerja,
             perilaku_kerja, predikat, formula_version, params, evidence, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, 'skm-officer-v1', '{}', '{}', 1, 1) RETURNING appraisal_id",
    )
    .bind(period_id)
    .bind(officer)
    .bind(supervisor)
    .bind(unit)
    .bind(hasil)
    .bind(perilaku)
    .bind(p.code())
    .fetch_one(app.db.write())
    .await
    .unwrap()
}

/// The officer's contest of appraisal `appraisal`.
pub async fn contest(app: &TestApp, appraisal: i64) -> i64 {
    sqlx::query_scalar(
        "INSERT INTO appraisal_contest (appraisal_id, reason, filed_at)
         VALUES ($1, 'Hasil kerja saya melampaui target SKP semester ini.', 2) RETURNING contest_id",
    )
    .bind(appraisal)
    .fetch_one(app.db.write())
    .await
    .unwrap()
}

async fn appraisal_row(app: &TestApp, id: i64) -> (String, String, String) {
    sqlx::query_as(
        "SELECT hasil_kerja, perilaku_kerja, predikat FROM appraisal WHERE appraisal_id = $1",
    )
    .bind(id)
    .fetch_one(app.db.read())
    .await
    .unwrap()
}

type ContestRow = (
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<i64>,
);

async fn contest_row(app: &TestApp, id: i64) -> ContestRow {
    sqlx::query_as(
        "SELECT decision, decision_reason, new_hasil_kerja, new_perilaku_kerja, decided_by
         FROM appraisal_contest WHERE contest_id = $1",
    )
    .bind(id)
    .fetch_one(app.db.read())
    .await
    .unwrap()
}

db_test!(
    a_contest_is_decided_once_with_a_logged_reason_and_changes_the_appraisal,
    |app| {
        arrange(&app).await;
        open(&app, PERIOD).await;
        let opi = appraise(&app, PERIOD, people::OFFICER_A, "sesuai", "sesuai").await;
        let ani = appraise(&app, PERIOD, OFFICER_A2, "di_bawah", "sesuai").await;
        let (first, second) = (contest(&app, opi).await, contest(&app, ani).await);
        let mut hr = staff(&app, people::HR).await;
        let path = format!("/hr/keberatan/{first}");

        // A short reason, or "changed" without ratings, is refused on the officer's page.
        let short =
            "decision=changed&hasil_kerja=di_atas&perilaku_kerja=di_atas&reason=terlalu+singkat";
        let (status, _, page) = app.post_as(&path, short, &mut hr).await;
        assert_eq!(status, 422, "{page}");
        assert!(
            page.contains("Ada masalah") && page.contains("paling sedikit 20 karakter"),
            "{page}"
        );
        assert!(page.contains("Opi Empat"), "{page}");
        let reason = "Bukti capaian SKP menunjukkan target terlampaui dan perilaku teladan.";
        let (status, _, page) = app
            .post_as(
                &path,
                &format!("decision=changed&reason={}", enc(reason)),
                &mut hr,
            )
            .await;
        assert_eq!(status, 422);
        assert!(page.contains("Pilih hasil kerja yang baru."), "{page}");
        assert_eq!(appraisal_row(&app, opi).await.2, "baik");

        // Only HR rules.
        let mut officer = staff(&app, people::OFFICER_A).await;
        let body = format!(
            "decision=changed&hasil_kerja=di_atas&perilaku_kerja=di_atas&reason={}",
            enc(reason)
        );
        let (status, _, _) = app.post_as(&path, &body, &mut officer).await;
        assert_eq!(status, 403);

        // The ruling changes the ratings and the predikat follows the matrix, in one transaction.
        let (status, location, _) = app.post_as(&path, &body, &mut hr).await;
        assert_eq!(status, 303);
        assert_eq!(
            location.as_deref(),
            Some(
                format!(
                    "/hr/pegawai/{}?periode=2026-S1&ok=saved#keberatan",
                    people::OFFICER_A
                )
                .as_str()
            )
        );
        assert_eq!(
            appraisal_row(&app, opi).await,
            ("di_atas".into(), "di_atas".into(), "sangat_baik".into())
        );
        let hr_id = account(&app, people::HR).await;
        assert_eq!(
            contest_row(&app, first).await,
            (
                Some("changed".into()),
                Some(reason.into()),
                Some("di_atas".into()),
                Some("di_atas".into()),
                Some(hr_id)
            )
        );
        let detail: String = sqlx::query_scalar(
            "SELECT detail FROM audit_event WHERE action = 'appraisal.contest_decided'",
        )
        .fetch_one(app.db.read())
        .await
        .unwrap();
        let detail: serde_json::Value = serde_json::from_str(&detail).unwrap();
        assert_eq!(detail["old"]["predikat"], "baik");
        assert_eq!(detail["new"]["predikat"], "sangat_baik");
        assert_eq!(detail["reason"], reason);

        // Decided once: a second ruling is refused and changes nothing.
        let again = format!("decision=upheld&reason={}", enc(reason));
        let (status, _, page) = app.post_as(&path, &again, &mut hr).await;
        assert_eq!(status, 422);
        assert!(page.contains("Keberatan ini sudah diputuskan."), "{page}");
        assert_eq!(appraisal_row(&app, opi).await.2, "sangat_baik");
        assert_eq!(audits(&app, "appraisal.contest_decided").await, 1);

        // Upheld: the appraisal stays, no new ratings are stored.
        let (status, _, _) = app
            .post_as(&format!("/hr/keberatan/{second}"), &again, &mut hr)
            .await;
        assert_eq!(status, 303);
        assert_eq!(appraisal_row(&app, ani).await.2, "butuh_perbaikan");
        let upheld = contest_row(&app, second).await;
        assert_eq!(
            (upheld.0.as_deref(), upheld.2, upheld.3),
            (Some("upheld"), None, None)
        );

        // The officer's page shows both rulings; an unknown contest is not found.
        let (_, _, page) = app
            .get_as(
                &format!("/hr/pegawai/{}?periode=2026-S1", people::OFFICER_A),
                &hr,
            )
            .await;
        assert!(
            page.contains("Penilaian diubah: hasil kerja di atas ekspektasi"),
            "{page}"
        );
        let (status, _, _) = app.post_as("/hr/keberatan/999999", &again, &mut hr).await;
        assert_eq!(status, 404);
    }
);

db_test!(hr_opens_and_closes_a_period, |app| {
    arrange(&app).await;
    let mut hr = staff(&app, people::HR).await;
    let (status, location, _) = app.post_as("/hr/periode", "name=2026-S1", &mut hr).await;
    assert_eq!(
        (status, location.as_deref()),
        (303, Some("/hr/periode?periode=2026-S1&ok=saved"))
    );
    for (name, message) in [
        ("2026-S1", "Periode ini sudah ada."),
        ("2026-Q1", "Instansi ini menilai per jenis periode lain"),
        ("semester+satu", "Tulis periode seperti 2026-S1"),
    ] {
        let (status, _, page) = app
            .post_as("/hr/periode", &format!("name={name}"), &mut hr)
            .await;
        assert_eq!(status, 422, "{name}");
        assert!(
            page.contains(message) && page.contains("Ada masalah"),
            "{name}: {page}"
        );
    }
    let (_, _, page) = app.get_as("/hr/periode", &hr).await;
    assert!(
        page.contains("data-period=\"2026-S1\"") && page.contains("Terbuka"),
        "{page}"
    );
    let mut officer = staff(&app, people::OFFICER_A).await;
    let (status, _, _) = app
        .post_as("/hr/periode/2026-S1/tutup", "", &mut officer)
        .await;
    assert_eq!(status, 403);
    let (status, _, _) = app
        .post_as("/hr/periode", "name=2026-S2", &mut officer)
        .await;
    assert_eq!(status, 403);
    let (status, location, _) = app.post_as("/hr/periode/2026-S1/tutup", "", &mut hr).await;
    assert_eq!(
        (status, location.as_deref()),
        (303, Some("/hr/periode?periode=2026-S1&ok=saved"))
    );
    let (state, closed_by): (String, Option<i64>) =
        sqlx::query_as("SELECT state, closed_by FROM appraisal_period WHERE name = '2026-S1'")
            .fetch_one(app.db.read())
            .await
            .unwrap();
    assert_eq!(
        (state.as_str(), closed_by),
        ("closed", Some(account(&app, people::HR).await))
    );
    assert_eq!(audits(&app, "appraisal.period_opened").await, 1);
    assert_eq!(audits(&app, "appraisal.period_closed").await, 1);
    let (_, _, page) = app.get_as("/hr?periode=2026-S1", &hr).await;
    assert!(page.contains("sudah ditutup"), "{page}");
    let (status, _, _) = app.post_as("/hr/periode/2030-S1/tutup", "", &mut hr).await;
    assert_eq!(status, 404);
});

db_test!(a_unit_breaking_its_distribution_pattern_is_warned, |app| {
    use app::api::hr::RuleKind;
    use app::domain::appraisal::Predikat;
    arrange(&app).await;
    open(&app, PERIOD).await;
    appraise(&app, PERIOD, people::OFFICER_A, "sesuai", "sesuai").await;
    let ani = appraise(&app, PERIOD, OFFICER_A2, "sesuai", "di_atas").await;
    let mut hr = staff(&app, people::HR).await;
    let (status, _, page) = app
        .post_as(
            "/hr/periode/2026-S1/organisasi",
            "unit=UNIT-A&rating=terbaik",
            &mut hr,
        )
        .await;
    assert_eq!(status, 422);
    assert!(page.contains("Pilih predikat organisasi."), "{page}");
    let (status, location, _) = app
        .post_as(
            "/hr/periode/2026-S1/organisasi",
            "unit=UNIT-A&rating=baik",
            &mut hr,
        )
        .await;
    assert_eq!(status, 303);
    assert_eq!(
        location.as_deref(),
        Some("/hr/periode?periode=2026-S1&ok=saved#distribusi")
    );
    // A unit rated Baik: at most 70% Baik, and some Butuh Perbaikan or Kurang. Two of two Baik
    // break both rules.
    let hr_viewer = viewer(&app, people::HR).await;
    let page = app::server::hr::distribution::page(&app.state, &hr_viewer, PERIOD)
        .await
        .unwrap();
    let unit_a = page.units.iter().find(|u| u.code == "UNIT-A").unwrap();
    assert_eq!(unit_a.counts.baik, 2);
    let kinds: Vec<(RuleKind, u64, u64)> = unit_a
        .warnings
        .iter()
        .map(|w| (w.kind, w.count, w.total))
        .collect();
    assert_eq!(
        kinds,
        [(RuleKind::AtMost, 2, 2), (RuleKind::AtLeastOne, 0, 2)]
    );
    assert_eq!(
        unit_a.warnings[1].group,
        [Predikat::ButuhPerbaikan, Predikat::Kurang]
    );
    let unit_b = page.units.iter().find(|u| u.code == "UNIT-B").unwrap();
    assert!(unit_b.rating.is_none() && unit_b.warnings.is_empty());
    let (_, _, html) = app.get_as("/hr/periode?periode=2026-S1", &hr).await;
    assert!(
        html.contains("Baik: paling banyak 70% — sekarang 2 dari 2."),
        "{html}"
    );
    assert!(
        html.contains("Harus ada paling sedikit satu Butuh Perbaikan atau Kurang/Misconduct"),
        "{html}"
    );
    // One Butuh Perbaikan: 50% Baik and one below: the pattern holds.
    sqlx::query("UPDATE appraisal SET hasil_kerja = 'di_bawah', predikat = 'butuh_perbaikan' WHERE appraisal_id = $1")
        .bind(ani)
        .execute(app.db.write())
        .await
        .unwrap();
    let page = app::server::hr::distribution::page(&app.state, &hr_viewer, PERIOD)
        .await
        .unwrap();
    let unit_a = page.units.iter().find(|u| u.code == "UNIT-A").unwrap();
    assert!(unit_a.warnings.is_empty(), "{:?}", unit_a.warnings);
    assert_eq!(audits(&app, "appraisal.org_rating_set").await, 1);
});
