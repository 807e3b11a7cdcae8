//! The permit-number pattern admins set (REFERENCE §2.2): a bad pattern is refused with a
//! localised message and changes nothing; a good one is used for the next permit, and the page
//! shows an example number.

use crate::common;

use common::{enc, people, PASSWORD};

async fn stored_pattern(app: &common::TestApp) -> Option<String> {
    sqlx::query_scalar("SELECT value FROM setting WHERE key = 'permit_pattern'")
        .fetch_optional(app.db.read())
        .await
        .unwrap()
}

db_test!(
    a_pattern_without_a_sequence_is_refused_and_nothing_is_stored,
    |app| {
        app.seed_people().await;
        let mut admin = app.sign_in("/petugas/masuk", people::ADMIN, PASSWORD).await;
        let body = format!("pattern={}", enc("503/{service}/{unit}/{year}"));
        let (status, _, page) = app.post_as("/admin/nomor-izin", &body, &mut admin).await;
        assert_eq!(status, 422, "{page}");
        assert!(page.contains("Pola harus memuat {seq}"), "{page}");
        // What was typed is shown again.
        assert!(page.contains("503/{service}/{unit}/{year}"));
        let body = format!("pattern={}", enc("503/{seq:3}/{kota}"));
        let (status, _, page) = app.post_as("/admin/nomor-izin", &body, &mut admin).await;
        assert_eq!(status, 422);
        assert!(page.contains("Bagian {kota} tidak dikenal"), "{page}");
        assert_eq!(stored_pattern(&app).await, None);
    }
);

db_test!(
    a_saved_pattern_is_shown_with_an_example_and_audited,
    |app| {
        app.seed_people().await;
        let mut admin = app.sign_in("/petugas/masuk", people::ADMIN, PASSWORD).await;
        let body = format!("pattern={}", enc("IZIN-{year}-{unit}-{seq:5}"));
        let (status, location, page) = app.post_as("/admin/nomor-izin", &body, &mut admin).await;
        assert_eq!(
            (status, location.as_deref()),
            (303, Some("/admin/nomor-izin?ok=pattern-saved")),
            "{page}"
        );
        assert_eq!(
            stored_pattern(&app).await.as_deref(),
            Some("IZIN-{year}-{unit}-{seq:5}")
        );
        let (_, _, page) = app.get_as("/admin/nomor-izin", &admin).await;
        assert!(page.contains("-DPM-PTSP-00112"), "{page}");
        let audited: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM audit_event WHERE action = 'settings.permit_pattern'",
        )
        .fetch_one(app.db.read())
        .await
        .unwrap();
        assert_eq!(audited, 1);
    }
);

db_test!(only_admins_may_change_the_pattern, |app| {
    app.seed_people().await;
    let mut officer = app
        .sign_in("/petugas/masuk", people::OFFICER_A, PASSWORD)
        .await;
    let body = format!("pattern={}", enc("{seq}"));
    let (status, ..) = app.post_as("/admin/nomor-izin", &body, &mut officer).await;
    assert_eq!(status, 403);
    assert_eq!(stored_pattern(&app).await, None);
});
