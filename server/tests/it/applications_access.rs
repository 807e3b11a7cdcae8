//! Who may see and act on an application (REFERENCE §6), on SQLite and PostgreSQL: the
//! applicant and the staff of the responsible unit, nobody else — others are told it does not
//! exist; every staff read of personal data is audited; the public status lookup shows the
//! state and nothing personal.

use crate::applying;
use crate::common;

use applying::{count, events, state_of, step, Submitted};
use common::{people, Jar, TestApp, PASSWORD};

/// The application's current document id.
async fn document_of(app: &TestApp, id: i64) -> i64 {
    let sql =
        format!("SELECT MIN(document_id) FROM application_document WHERE application_id = {id}");
    count(app, &sql).await
}

/// Audit rows of `action` by `identifier`.
async fn audited(app: &TestApp, action: &str, identifier: &str) -> i64 {
    let actor = applying::account_id(app, identifier).await;
    let sql = format!(
        "SELECT COUNT(*) FROM audit_event WHERE action = '{action}' AND actor_account_id = {actor}"
    );
    count(app, &sql).await
}

db_test!(
    another_citizen_is_told_the_application_does_not_exist,
    |app| {
        let s: Submitted = applying::submitted(&app).await;
        let document = document_of(&app, s.id).await;
        let other = app.sign_in("/masuk", people::CITIZEN_2, PASSWORD).await;
        for path in [
            format!("/permohonan/{}", s.id),
            format!("/permohonan/{}/periksa", s.id),
            format!("/api/applications/detail?id={}", s.id),
            format!("/dokumen/{document}"),
        ] {
            let (status, _, page) = app.get_as(&path, &other).await;
            assert_eq!(status, 404, "{path}");
            assert!(
                !page.contains(&s.number) && !page.contains("Warga Satu"),
                "{path}"
            );
            assert!(!page.contains("%PDF"), "{path}");
        }
        let (status, location, _) = app
            .get_as(&format!("/dokumen/{document}"), &Jar::default())
            .await;
        assert_eq!((status, location.as_deref()), (303, Some("/masuk")));
        // The applicant sees it, with the NIK masked.
        let (status, _, page) = app
            .get_as(&format!("/permohonan/{}", s.id), &s.citizen)
            .await;
        assert_eq!(status, 200);
        assert!(page.contains(&s.number));
        let (_, _, json) = app
            .get_as(&format!("/api/applications/detail?id={}", s.id), &s.citizen)
            .await;
        let detail: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(detail["applicant_nik"], "3171••••••••0003");
        assert!(
            !json.contains(people::CITIZEN_1),
            "the full NIK is not sent to the applicant"
        );
        let (status, _, body) = app
            .get_as(&format!("/dokumen/{document}"), &s.citizen)
            .await;
        assert_eq!(status, 200);
        assert!(body.starts_with("%PDF"));
        assert_eq!(
            audited(&app, "application.document_viewed", people::CITIZEN_1).await,
            0
        );
    }
);

db_test!(staff_of_another_unit_can_neither_see_nor_act, |app| {
    let s = applying::submitted(&app).await;
    let document = document_of(&app, s.id).await;
    let mut outsider = app
        .sign_in("/petugas/masuk", people::OFFICER_B, PASSWORD)
        .await;
    let mut admin = app.sign_in("/petugas/masuk", people::ADMIN, PASSWORD).await;
    let audit_before = count(&app, "SELECT COUNT(*) FROM audit_event").await;
    // The admin is in unit A but not one of its officers: the officers' page is forbidden.
    for (jar, case_page) in [(&outsider, 404), (&admin, 403)] {
        for (path, expected) in [
            (format!("/petugas/permohonan/{}", s.id), case_page),
            (format!("/api/applications/detail?id={}", s.id), 404),
            (format!("/dokumen/{document}"), 404),
        ] {
            let (status, _, page) = app.get_as(&path, jar).await;
            assert_eq!(status, expected, "{path}");
            assert!(!page.contains("Warga Satu") && !page.contains(people::CITIZEN_1));
        }
    }
    let (_, _, queue) = app.get_as("/petugas/antrian?tab=semua", &outsider).await;
    assert!(!queue.contains(&s.number), "not in the other unit's queue");
    let (_, _, queue) = app.get_as("/petugas/antrian?tab=semua", &s.officer).await;
    assert!(queue.contains(&s.number), "in its own unit's queue");
    for jar in [&mut outsider, &mut admin] {
        let (status, _, _) = step(&app, jar, s.id, "action=start_verification").await;
        assert_eq!(status, 404);
        let path = format!("/petugas/permohonan/{}/tugaskan", s.id);
        let (status, _, _) = app.post_as(&path, "officer=", jar).await;
        assert_eq!(status, 404);
    }
    assert_eq!(state_of(&app, s.id).await, "submitted");
    assert_eq!(events(&app, s.id).await.len(), 1);
    let assigned = "SELECT COUNT(*) FROM application WHERE assigned_account_id IS NOT NULL";
    assert_eq!(count(&app, assigned).await, 0);
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM audit_event").await,
        audit_before,
        "no read happened"
    );
    // A citizen cannot take staff steps on their own application either.
    let (status, _, _) = step(
        &app,
        &mut s.citizen.clone(),
        s.id,
        "action=start_verification",
    )
    .await;
    assert_eq!(status, 404);
    assert_eq!(state_of(&app, s.id).await, "submitted");
});

db_test!(a_draft_is_hidden_from_the_units_staff, |app| {
    let service = applying::define_service(&app).await;
    let mut citizen = app.sign_in("/masuk", people::CITIZEN_1, PASSWORD).await;
    let id = applying::start(&app, &mut citizen, "hidden-draft-key-000001").await;
    applying::upload(
        &app,
        &citizen,
        id,
        service.ktp,
        "ktp.pdf",
        &applying::pdf("ktp"),
    )
    .await;
    let document = document_of(&app, id).await;
    let mut officer = app
        .sign_in("/petugas/masuk", people::OFFICER_A, PASSWORD)
        .await;
    for path in [
        format!("/petugas/permohonan/{id}"),
        format!("/dokumen/{document}"),
    ] {
        assert_eq!(app.get_as(&path, &officer).await.0, 404, "{path}");
    }
    let (status, _, _) = step(&app, &mut officer, id, "action=start_verification").await;
    assert_eq!(status, 404, "a step on a draft does not reveal it either");
    let path = format!("/petugas/permohonan/{id}/tugaskan");
    assert_eq!(app.post_as(&path, "officer=", &mut officer).await.0, 404);
    assert_eq!(state_of(&app, id).await, "draft");
    assert_eq!(events(&app, id).await.len(), 0);
});

db_test!(every_staff_read_of_the_applicants_data_is_audited, |app| {
    let s = applying::submitted(&app).await;
    let document = document_of(&app, s.id).await;
    let supervisor = app
        .sign_in("/petugas/masuk", people::SUPERVISOR, PASSWORD)
        .await;
    // The case page shows the unit's staff the full NIK and contact, and records the read.
    let (status, _, page) = app
        .get_as(&format!("/petugas/permohonan/{}", s.id), &s.officer)
        .await;
    assert_eq!(status, 200);
    assert!(page.contains(people::CITIZEN_1) && page.contains("warga1@example.id"));
    // At least one row: the page's server-side render may load its data more than once.
    let page_reads = audited(&app, "application.viewed", people::OFFICER_A).await;
    assert!(page_reads >= 1);
    // Exactly one row per load of the case.
    let officer = applying::viewer(&app, people::OFFICER_A).await;
    let meta = app::server::accounts::RequestMeta::default();
    let detail =
        app::server::applications::detail::load(&app.state, &officer, s.id, applying::ID, &meta)
            .await
            .unwrap();
    assert_eq!(detail.applicant_nik, people::CITIZEN_1);
    assert_eq!(
        audited(&app, "application.viewed", people::OFFICER_A).await,
        page_reads + 1
    );
    // Each download by staff is one more row, naming the document.
    for expected in 1..=2 {
        let (status, _, body) = app
            .get_as(&format!("/dokumen/{document}"), &s.officer)
            .await;
        assert_eq!(status, 200);
        assert!(body.starts_with("%PDF"));
        assert_eq!(
            audited(&app, "application.document_viewed", people::OFFICER_A).await,
            expected
        );
    }
    assert_eq!(
        app.get_as(&format!("/dokumen/{document}"), &supervisor)
            .await
            .0,
        200
    );
    assert_eq!(
        audited(&app, "application.document_viewed", people::SUPERVISOR).await,
        1
    );
    let detail: String = sqlx::query_scalar(
        "SELECT detail FROM audit_event WHERE action = 'application.document_viewed' ORDER BY audit_id LIMIT 1",
    )
    .fetch_one(app.db.read())
    .await
    .unwrap();
    assert_eq!(detail, format!("document={document}"));
    let subject = format!("application:{}", s.id);
    let subjects = format!("SELECT COUNT(*) FROM audit_event WHERE action = 'application.document_viewed' AND subject = '{subject}'");
    assert_eq!(count(&app, &subjects).await, 3);
});

db_test!(
    the_public_status_lookup_shows_the_state_and_nothing_personal,
    |app| {
        let s = applying::submitted(&app).await;
        // The form posts, so the NIK's digits stay out of the address.
        let form = format!("nomor={}&nik4=0003", s.number.to_lowercase());
        let (status, _, page) = app.post_as("/cek-status", &form, &mut Jar::default()).await;
        assert_eq!(status, 200);
        assert!(page.contains("data-testid=\"status-result\""), "{page}");
        assert!(page.contains(&s.number) && page.contains("Izin Uji Coba"));
        for personal in [
            "Warga Satu",
            people::CITIZEN_1,
            "3171••••",
            "warga1@example.id",
            "Warung Sejahtera",
        ] {
            assert!(!page.contains(personal), "{personal} leaked");
        }
        let not_found = app::i18n::apply::STATUS_NOT_FOUND.id;
        for nik4 in ["9999", "003", "abcd", ""] {
            let form = format!("nomor={}&nik4={nik4}", s.number);
            let (_, _, page) = app.post_as("/cek-status", &form, &mut Jar::default()).await;
            assert!(page.contains(not_found), "nik4={nik4}");
            assert!(!page.contains("status-result") && !page.contains("Izin Uji Coba"));
        }
        // The server function behind the page answers the same, with only public fields.
        let (status, json) = app
            .get(&format!(
                "/api/applications/status?number={}&nik4=0003",
                s.number
            ))
            .await;
        assert_eq!(status, 200);
        let value: serde_json::Value = serde_json::from_str(&json).unwrap();
        let mut keys: Vec<&str> = value
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        keys.sort_unstable();
        assert_eq!(
            keys,
            [
                "due_on",
                "reg_number",
                "service_name",
                "state",
                "submitted_on",
                "unit_name"
            ]
        );
        assert_eq!(value["state"], "submitted");
        let wrong = format!("/api/applications/status?number={}&nik4=0004", s.number);
        assert_eq!(app.get(&wrong).await.0, 404);
    }
);

db_test!(status_lookups_are_rate_limited_per_address, |app| {
    use app::server::{accounts::RequestMeta, applications::lookup::lookup, error::ServiceError};
    let s = applying::submitted(&app).await;
    let meta = RequestMeta {
        ip: Some("203.0.113.7".into()),
        user_agent: None,
    };
    let max = app::server::applications::lookup::LOOKUP_PER_IP.max;
    for _ in 0..max {
        let found = lookup(&app.state, &s.number, "0003", &meta, applying::ID).await;
        assert_eq!(found.unwrap().reg_number, s.number);
    }
    let refused = lookup(&app.state, &s.number, "0003", &meta, applying::ID).await;
    assert!(
        matches!(refused, Err(ServiceError::RateLimited(_))),
        "{refused:?}"
    );
    let elsewhere = RequestMeta {
        ip: Some("198.51.100.1".into()),
        user_agent: None,
    };
    let found = lookup(&app.state, &s.number, "0003", &elsewhere, applying::ID).await;
    assert!(found.is_ok());
});
