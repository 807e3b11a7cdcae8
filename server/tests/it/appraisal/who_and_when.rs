//! Who may appraise (only the officer's supervisor; everyone else gets not found) and when
//! (a closed period is read-only).

use super::*;

db_test!(
    only_the_officers_supervisor_may_appraise_everyone_else_gets_not_found,
    |app| {
        arrange(&app).await;
        let body = rating("sesuai", "sesuai", "");
        for who in [
            people::OFFICER_B,
            SUPERVISOR_B,
            people::HR,
            people::ADMIN,
            people::OFFICER_A,
        ] {
            let mut jar = staff(&app, who).await;
            let (status, _, _) = app.post_as(&save_path(), &body, &mut jar).await;
            assert_eq!(status, 404, "{who}");
        }
        let mut citizen = app.sign_in("/masuk", people::CITIZEN_1, PASSWORD).await;
        let (status, _, _) = app.post_as(&save_path(), &body, &mut citizen).await;
        assert_eq!(status, 404);
        let (status, location, _) = app.post_as(&save_path(), &body, &mut Jar::default()).await;
        assert_eq!((status, location.as_deref()), (303, Some("/masuk")));
        // An unknown officer or period is not found either.
        let mut boss = staff(&app, people::SUPERVISOR).await;
        let (status, _, _) = app
            .post_as("/petugas/penilaian/199901012020011001", &body, &mut boss)
            .await;
        assert_eq!(status, 404);
        let (status, _, _) = app
            .post_as(
                &save_path(),
                "period=2019-S1&hasil_kerja=sesuai&perilaku_kerja=sesuai",
                &mut boss,
            )
            .await;
        assert_eq!(status, 404);
        assert_eq!(count(&app, "SELECT COUNT(*) FROM appraisal").await, 0);
    }
);

db_test!(a_closed_period_is_read_only, |app| {
    arrange(&app).await;
    let mut boss = staff(&app, people::SUPERVISOR).await;
    let (status, _, _) = app
        .post_as(&save_path(), &rating("di_atas", "sesuai", ""), &mut boss)
        .await;
    assert_eq!(status, 303);
    let hr = viewer(&app, people::HR).await;
    periods::close(&app.db, &hr, PERIOD, &RequestMeta::default())
        .await
        .unwrap();
    let (status, _, page) = app
        .post_as(&save_path(), &rating("di_bawah", "sesuai", ""), &mut boss)
        .await;
    assert_eq!(status, 422);
    assert!(
        visible(&page).contains(
            "Periode ini sudah ditutup: penilaian hanya dapat dibaca dan tidak dapat diubah lagi."
        ),
        "{page}"
    );
    let predikat: String = sqlx::query_scalar("SELECT predikat FROM appraisal")
        .fetch_one(app.db.read())
        .await
        .unwrap();
    assert_eq!(predikat, "baik");
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM audit_event WHERE action = 'appraisal.saved'"
        )
        .await,
        1
    );
    // The page shows the saved appraisal read-only, with what it used.
    let (status, _, page) = app
        .get_as(
            &format!("/petugas/penilaian/{}?periode={PERIOD}", people::OFFICER_A),
            &boss,
        )
        .await;
    assert_eq!(status, 200);
    let page = visible(&page);
    assert!(
        page.contains("Periode 2026-S1 sudah ditutup: penilaian hanya dapat dibaca."),
        "{page}"
    );
    assert!(!page.contains("data-testid=\"rating-form\""), "{page}");
    assert!(
        page.contains(FORMULA_VERSION) && page.contains("n minimal 20, k = 10"),
        "{page}"
    );
    assert!(
        page.contains("aria-current=\"true\""),
        "the saved cell of the matrix is marked"
    );
});
