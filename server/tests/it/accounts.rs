//! Accounts end to end through the real router, on SQLite and PostgreSQL: registration,
//! sign-in and sign-out, revocation, rate limits, password reset through the outbox, profile.

use crate::common;

use common::{enc, people, Jar, PASSWORD};

const GOOD_FORM: &str = "full_name=Siti+Nurhaliza&nik=3171015508950004&email=siti%40example.id&phone=&password=teh+manis+di+sore+hari&password_confirm=teh+manis+di+sore+hari&consent=on";

async fn count(app: &common::TestApp, sql: &str) -> i64 {
    sqlx::query_scalar(sql)
        .fetch_one(app.db.read())
        .await
        .unwrap()
}

db_test!(a_citizen_registers_and_is_signed_in, |app| {
    let mut jar = Jar::default();
    let (status, location, _) = app.post_as("/daftar", GOOD_FORM, &mut jar).await;
    assert_eq!(
        (status, location.as_deref()),
        (303, Some("/akun?ok=registered"))
    );
    assert!(jar.has_session());
    let (status, _, page) = app.get_as("/akun", &jar).await;
    assert_eq!(status, 200);
    assert!(page.contains("3171••••••••0004"), "NIK shown masked");
    assert!(!page.contains("3171015508950004"), "full NIK never shown");
    assert!(page.contains("Siti Nurhaliza"));
    assert_eq!(count(&app, "SELECT COUNT(*) FROM citizen").await, 1);
});

db_test!(
    a_refused_registration_keeps_what_was_typed_and_writes_nothing,
    |app| {
        let mut jar = Jar::default();
        let body = "full_name=Siti&nik=3171019905950004&email=siti&phone=0215551234&password=short&password_confirm=short";
        let (status, _, page) = app.post_as("/daftar", body, &mut jar).await;
        assert_eq!(status, 422);
        assert!(page.contains("Ada masalah"));
        assert!(page.contains("Tanggal lahir pada NIK"));
        assert!(page.contains("Masukkan alamat email yang benar"));
        assert!(page.contains("Masukkan nomor ponsel Indonesia"));
        assert!(page.contains("Kata sandi minimal 8 karakter"));
        assert!(page.contains("Centang persetujuan"));
        assert!(
            page.contains(r#"value="3171019905950004""#),
            "the NIK typed is kept"
        );
        assert!(
            !page.contains(r#"value="short""#),
            "passwords are never echoed"
        );
        assert!(!jar.has_session());
        assert_eq!(count(&app, "SELECT COUNT(*) FROM account").await, 0);
    }
);

db_test!(
    registration_errors_are_in_english_for_english_visitors,
    |app| {
        let mut jar = Jar(vec![("sigap_lang".into(), "en".into())]);
        let (status, _, page) = app.post_as("/daftar", "nik=12", &mut jar).await;
        assert_eq!(status, 422);
        assert!(page.contains("There is a problem"));
        assert!(page.contains("A NIK has 16 digits; you typed 2."));
    }
);

db_test!(one_account_per_nik_and_per_email, |app| {
    let mut jar = Jar::default();
    app.post_as("/daftar", GOOD_FORM, &mut jar).await;
    let mut other = Jar::default();
    let (status, _, page) = app.post_as("/daftar", GOOD_FORM, &mut other).await;
    assert_eq!(status, 422);
    assert!(page.contains("NIK ini sudah terdaftar"));
    assert!(page.contains("Email ini sudah dipakai"));
    let same_email = GOOD_FORM.replace("3171015508950004", "3171011505900003");
    let (status, _, page) = app.post_as("/daftar", &same_email, &mut other).await;
    assert_eq!(status, 422);
    assert!(!page.contains("NIK ini sudah terdaftar"));
    assert!(page.contains("Email ini sudah dipakai"));
    assert_eq!(count(&app, "SELECT COUNT(*) FROM citizen").await, 1);
    assert_eq!(count(&app, "SELECT COUNT(*) FROM account").await, 1);
});

db_test!(citizens_sign_in_with_nik_or_email_and_out_again, |app| {
    app.seed_people().await;
    let jar = app.sign_in("/masuk", people::CITIZEN_1, PASSWORD).await;
    assert_eq!(app.get_as("/akun", &jar).await.0, 200);
    let mut by_email = app.sign_in("/masuk", "WARGA1@example.id", PASSWORD).await;
    let (status, location, _) = app.post_as("/keluar", "", &mut by_email).await;
    assert_eq!(
        (status, location.as_deref()),
        (303, Some("/?ok=signed-out"))
    );
    assert!(!by_email.has_session());
});

db_test!(
    a_wrong_password_and_an_unknown_account_get_the_same_answer,
    |app| {
        app.seed_people().await;
        let mut jar = Jar::default();
        let wrong = format!("identifier={}&password=salah+sekali+ini", people::CITIZEN_1);
        let (s1, _, p1) = app.post_as("/masuk", &wrong, &mut jar).await;
        let (s2, _, p2) = app
            .post_as(
                "/masuk",
                "identifier=3171011505900099&password=salah+sekali+ini",
                &mut jar,
            )
            .await;
        assert_eq!((s1, s2), (422, 422));
        let message = "NIK/NIP/email atau kata sandi salah.";
        assert!(p1.contains(message) && p2.contains(message));
        assert!(!jar.has_session());
        assert_eq!(
            count(
                &app,
                "SELECT COUNT(*) FROM audit_event WHERE action = 'session.sign_in_failed'"
            )
            .await,
            2
        );
    }
);

db_test!(
    staff_cannot_use_the_citizen_door_and_citizens_not_the_staff_door,
    |app| {
        app.seed_people().await;
        let mut jar = Jar::default();
        let body = format!(
            "identifier={}&password={}",
            people::OFFICER_A,
            enc(PASSWORD)
        );
        assert_eq!(app.post_as("/masuk", &body, &mut jar).await.0, 422);
        let body = format!(
            "identifier={}&password={}",
            people::CITIZEN_1,
            enc(PASSWORD)
        );
        assert_eq!(app.post_as("/petugas/masuk", &body, &mut jar).await.0, 422);
        app.sign_in("/petugas/masuk", people::OFFICER_A, PASSWORD)
            .await;
    }
);

db_test!(
    sign_in_is_rate_limited_per_account_with_a_clear_message,
    |app| {
        app.seed_people().await;
        let mut jar = Jar::default();
        let wrong = format!("identifier={}&password=salah+sekali+ini", people::CITIZEN_1);
        for _ in 0..5 {
            app.post_as("/masuk", &wrong, &mut jar).await;
        }
        let right = format!(
            "identifier={}&password={}",
            people::CITIZEN_1,
            enc(PASSWORD)
        );
        let (status, _, page) = app.post_as("/masuk", &right, &mut jar).await;
        assert_eq!(status, 422);
        assert!(
            page.contains("Terlalu banyak percobaan. Coba lagi dalam"),
            "{page}"
        );
        assert!(
            !jar.has_session(),
            "even the right password waits out the limit"
        );
    }
);

db_test!(signing_out_revokes_the_session_at_once, |app| {
    app.seed_people().await;
    let mut jar = app.sign_in("/masuk", people::CITIZEN_1, PASSWORD).await;
    let stolen = jar.clone();
    app.post_as("/keluar", "", &mut jar).await;
    let (status, location, _) = app.get_as("/akun", &stolen).await;
    assert_eq!(status, 302);
    assert!(location.unwrap().starts_with("/masuk?next="));
});

db_test!(
    changing_the_password_ends_other_sessions_but_keeps_this_one,
    |app| {
        app.seed_people().await;
        let mut here = app.sign_in("/masuk", people::CITIZEN_1, PASSWORD).await;
        let elsewhere = app.sign_in("/masuk", people::CITIZEN_1, PASSWORD).await;
        let body = format!(
            "current={}&password=roti+bakar+keju+coklat&password_confirm=roti+bakar+keju+coklat",
            enc(PASSWORD)
        );
        let (status, location, page) = app.post_as("/akun/sandi", &body, &mut here).await;
        assert_eq!(
            (status, location.as_deref()),
            (303, Some("/akun?ok=password-changed")),
            "{page}"
        );
        assert_eq!(app.get_as("/akun", &here).await.0, 200);
        assert_eq!(app.get_as("/akun", &elsewhere).await.0, 302);
        app.sign_in("/masuk", people::CITIZEN_1, "roti bakar keju coklat")
            .await;
    }
);

db_test!(a_wrong_current_password_changes_nothing, |app| {
    app.seed_people().await;
    let mut jar = app.sign_in("/masuk", people::CITIZEN_1, PASSWORD).await;
    let body =
        "current=bukan+ini&password=roti+bakar+keju+coklat&password_confirm=roti+bakar+keju+coklat";
    let (status, _, page) = app.post_as("/akun/sandi", body, &mut jar).await;
    assert_eq!(status, 422);
    assert!(page.contains("Kata sandi saat ini salah."));
    app.sign_in("/masuk", people::CITIZEN_1, PASSWORD).await;
});

db_test!(
    a_reset_link_arrives_by_outbox_and_works_exactly_once,
    |app| {
        app.seed_people().await;
        let mut jar = Jar::default();
        let (status, location, _) = app
            .post_as("/lupa-sandi", "email=warga1%40example.id", &mut jar)
            .await;
        assert_eq!(
            (status, location.as_deref()),
            (303, Some("/lupa-sandi?ok=forgot-sent"))
        );
        // An unknown email gets exactly the same answer and sends nothing.
        let (_, location, _) = app
            .post_as("/lupa-sandi", "email=nobody%40example.id", &mut jar)
            .await;
        assert_eq!(location.as_deref(), Some("/lupa-sandi?ok=forgot-sent"));
        let bodies: Vec<String> =
            sqlx::query_scalar("SELECT body FROM outbox WHERE recipient = 'warga1@example.id'")
                .fetch_all(app.db.read())
                .await
                .unwrap();
        assert_eq!(bodies.len(), 1);
        assert_eq!(count(&app, "SELECT COUNT(*) FROM outbox").await, 1);
        let token = bodies[0]
            .split("/atur-sandi?t=")
            .nth(1)
            .unwrap()
            .split_whitespace()
            .next()
            .unwrap()
            .to_owned();
        let (status, _, page) = app
            .get_as(&format!("/atur-sandi?t={token}"), &Jar::default())
            .await;
        assert_eq!(status, 200);
        assert!(page.contains(r#"name="password""#));
        let body = format!(
            "t={token}&password=nasi+goreng+pedas+sekali&password_confirm=nasi+goreng+pedas+sekali"
        );
        let (status, location, _) = app.post_as("/atur-sandi", &body, &mut jar).await;
        assert_eq!(
            (status, location.as_deref()),
            (303, Some("/masuk?ok=reset-done"))
        );
        app.sign_in("/masuk", people::CITIZEN_1, "nasi goreng pedas sekali")
            .await;
        let (status, _, page) = app.post_as("/atur-sandi", &body, &mut jar).await;
        assert_eq!(status, 422);
        assert!(page.contains("Tautan ini tidak berlaku"));
    }
);

db_test!(
    a_citizen_edits_their_profile_but_not_into_someone_elses_email,
    |app| {
        app.seed_people().await;
        let mut jar = app.sign_in("/masuk", people::CITIZEN_1, PASSWORD).await;
        let (status, location, _) = app
            .post_as(
                "/akun",
                "full_name=Warga+Satu+Baru&email=&phone=0812+3456+7890",
                &mut jar,
            )
            .await;
        assert_eq!((status, location.as_deref()), (303, Some("/akun?ok=saved")));
        let (_, _, page) = app.get_as("/akun", &jar).await;
        assert!(page.contains("Warga Satu Baru") && page.contains("+6281234567890"));
        let (status, _, page) = app
            .post_as(
                "/akun",
                "full_name=Warga+Satu&email=warga2%40example.id&phone=",
                &mut jar,
            )
            .await;
        assert_eq!(status, 422);
        assert!(page.contains("Email ini sudah dipakai"));
    }
);

db_test!(a_cross_site_sign_in_post_is_refused, |app| {
    use axum::body::Body;
    app.seed_people().await;
    let request = axum::http::Request::post("/masuk")
        .header("host", common::HOST)
        .header("origin", "https://evil.example")
        .header("content-type", "application/x-www-form-urlencoded")
        .body(Body::from(format!(
            "identifier={}&password={}",
            people::CITIZEN_1,
            enc(PASSWORD)
        )))
        .unwrap();
    let response = app.send(request).await;
    assert_eq!(response.status(), 403);
    assert!(response.headers().get("set-cookie").is_none());
});
