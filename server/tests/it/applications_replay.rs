//! Applications are replay-safe and the server refuses what the lifecycle does not allow
//! (REFERENCE §2.2), on SQLite and PostgreSQL: a repeated start or submit does its work once,
//! even when the two requests race, and an illegal step changes nothing at all.

use crate::applying;
use crate::common;

use applying::{count, events, notices, state_of, step, step_ok};
use axum::{body::Body, http::Request};
use common::{people, TestApp, PASSWORD};
use tower::ServiceExt;

/// Everything a step writes: state, tracking log, notifications, corrections, pauses, permits.
async fn snapshot(app: &TestApp, id: i64) -> (String, usize, [i64; 4]) {
    let tables = ["outbox", "application_correction", "sla_pause", "permit"];
    let mut counts = [0; 4];
    for (n, table) in tables.iter().enumerate() {
        counts[n] = count(app, &format!("SELECT COUNT(*) FROM {table}")).await;
    }
    (state_of(app, id).await, events(app, id).await.len(), counts)
}

db_test!(starting_twice_with_the_same_key_makes_one_draft, |app| {
    applying::define_service(&app).await;
    let mut citizen = app.sign_in("/masuk", people::CITIZEN_1, PASSWORD).await;
    let first = applying::start(&app, &mut citizen, "same-key-for-a-double-click").await;
    let again = applying::start(&app, &mut citizen, "same-key-for-a-double-click").await;
    assert_eq!(first, again);
    assert_eq!(count(&app, "SELECT COUNT(*) FROM application").await, 1);
    // Another citizen replaying the key neither gets that draft nor makes one.
    let mut other = app.sign_in("/masuk", people::CITIZEN_2, PASSWORD).await;
    let path = format!("/layanan/{}/ajukan", applying::CODE);
    let (status, location, _) = app
        .post_as(&path, "draft_key=same-key-for-a-double-click", &mut other)
        .await;
    assert_eq!((status, location), (403, None));
    assert_eq!(count(&app, "SELECT COUNT(*) FROM application").await, 1);
    // A new key is a new draft.
    let second = applying::start(&app, &mut citizen, "another-key-another-draft").await;
    assert_ne!(first, second);
});

db_test!(
    submitting_twice_in_a_row_submits_once_with_one_number,
    |app| {
        let mut s = applying::submitted(&app).await;
        let path = format!("/permohonan/{}/ajukan", s.id);
        let (status, location, _) = app.post_as(&path, "", &mut s.citizen).await;
        assert_eq!(
            (status, location),
            (303, Some(format!("/permohonan/{}/terkirim", s.id))),
            "the replay lands on the same confirmation"
        );
        assert_eq!(applying::reg_number(&app, s.id).await, Some(s.number));
        let submits = events(&app, s.id).await;
        assert_eq!(submits.len(), 1);
        assert_eq!(submits[0].0, "submit");
        assert_eq!(notices(&app, s.id, "submitted").await, 1);
    }
);

db_test!(two_racing_submissions_submit_once_with_one_number, |app| {
    // Arrange: a complete draft.
    let service = applying::define_service(&app).await;
    let mut citizen = app.sign_in("/masuk", people::CITIZEN_1, PASSWORD).await;
    let id = applying::start(&app, &mut citizen, "racing-submissions-key").await;
    let answers = format!("field_{}=Toko+Maju", service.field);
    app.post_as(&format!("/permohonan/{id}/isi"), &answers, &mut citizen)
        .await;
    for requirement in [service.ktp, service.letter] {
        let pdf = applying::pdf("scan");
        let (status, _, _) = applying::upload(&app, &citizen, id, requirement, "a.pdf", &pdf).await;
        assert_eq!(status, 303);
    }
    // Act: two submissions at once through the router, on separate tasks, plus two direct
    // calls of the service racing with them.
    let request = || {
        Request::post(format!("/permohonan/{id}/ajukan"))
            .header("host", common::HOST)
            .header("origin", common::ORIGIN)
            .header("cookie", citizen.header())
            .header("content-type", "application/x-www-form-urlencoded")
            .body(Body::empty())
            .unwrap()
    };
    let (one, two) = (app.router(), app.router());
    let (first, second) = (request(), request());
    let viewer = applying::viewer(&app, people::CITIZEN_1).await;
    let (a, b, c, d) = tokio::join!(
        tokio::spawn(async move { one.oneshot(first).await.unwrap().status().as_u16() }),
        tokio::spawn(async move { two.oneshot(second).await.unwrap().status().as_u16() }),
        app::server::applications::draft::submit(&app.state, &viewer, id, applying::ID),
        app::server::applications::draft::submit(&app.state, &viewer, id, applying::ID),
    );
    // Assert: every caller was told the same number; it was written once.
    assert_eq!((a.unwrap(), b.unwrap()), (303, 303));
    let number = applying::reg_number(&app, id).await.unwrap();
    assert_eq!(c.unwrap(), number);
    assert_eq!(d.unwrap(), number);
    let submitted = "SELECT COUNT(*) FROM application WHERE reg_number IS NOT NULL";
    assert_eq!(count(&app, submitted).await, 1);
    let log = events(&app, id).await;
    assert_eq!(log.len(), 1, "{log:?}");
    assert_eq!(
        (log[0].0.as_str(), log[0].1.as_str(), log[0].2.as_str()),
        ("submit", "draft", "submitted")
    );
    assert_eq!(notices(&app, id, "submitted").await, 1);
    assert_eq!(count(&app, "SELECT COUNT(*) FROM outbox").await, 1);
});

db_test!(an_incomplete_draft_is_not_submitted, |app| {
    let service = applying::define_service(&app).await;
    let mut citizen = app.sign_in("/masuk", people::CITIZEN_1, PASSWORD).await;
    let id = applying::start(&app, &mut citizen, "incomplete-draft-key-01").await;
    let pdf = applying::pdf("ktp");
    applying::upload(&app, &citizen, id, service.ktp, "ktp.pdf", &pdf).await;
    let (status, _, page) = app
        .post_as(&format!("/permohonan/{id}/ajukan"), "", &mut citizen)
        .await;
    assert_eq!(status, 422);
    assert!(page.contains("Unggah dokumen: Surat pernyataan"), "{page}");
    assert!(page.contains(app::i18n::forms::FIELD_REQUIRED.id), "{page}");
    assert!(
        !page.contains("Unggah dokumen: KTP pemohon"),
        "what is there is not missing"
    );
    assert_eq!(state_of(&app, id).await, "draft");
    assert_eq!(applying::reg_number(&app, id).await, None);
    assert_eq!(count(&app, "SELECT COUNT(*) FROM outbox").await, 0);
});

db_test!(
    a_withdrawn_application_cannot_be_approved_or_verified,
    |app| {
        let mut s = applying::submitted(&app).await;
        let (status, _, _) = app
            .post_as(&format!("/permohonan/{}/batal", s.id), "", &mut s.citizen)
            .await;
        assert_eq!(status, 303);
        assert_eq!(state_of(&app, s.id).await, "withdrawn");
        let before = snapshot(&app, s.id).await;
        for action in [
            "approve",
            "start_verification",
            "complete",
            "accept_documents",
        ] {
            let body = format!("action={action}");
            let (status, _, page) = step(&app, &mut s.officer, s.id, &body).await;
            assert_eq!(status, 422, "{action}");
            assert!(
                page.contains(app::i18n::apply::STEP_NOT_POSSIBLE.id),
                "{page}"
            );
        }
        assert_eq!(snapshot(&app, s.id).await, before, "nothing was written");
    }
);

db_test!(an_application_cannot_be_completed_before_approval, |app| {
    let mut s = applying::submitted(&app).await;
    let before = snapshot(&app, s.id).await;
    let (status, _, _) = step(&app, &mut s.officer, s.id, "action=complete").await;
    assert_eq!(status, 422);
    step_ok(&app, &mut s.officer, s.id, "action=start_verification").await;
    let before_second = snapshot(&app, s.id).await;
    for action in ["complete", "approve", "start_verification"] {
        let (status, _, _) = step(&app, &mut s.officer, s.id, &format!("action={action}")).await;
        assert_eq!(status, 422, "{action} from in_verification");
    }
    assert_eq!(snapshot(&app, s.id).await, before_second);
    assert_eq!(
        before.1 + 1,
        before_second.1,
        "only the legal step was logged"
    );
    assert_eq!(count(&app, "SELECT COUNT(*) FROM permit").await, 0);
});

db_test!(the_citizen_cannot_withdraw_after_the_decision, |app| {
    let mut s = applying::submitted(&app).await;
    for action in ["start_verification", "accept_documents", "approve"] {
        step_ok(&app, &mut s.officer, s.id, &format!("action={action}")).await;
    }
    let before = snapshot(&app, s.id).await;
    let (status, _, page) = app
        .post_as(&format!("/permohonan/{}/batal", s.id), "", &mut s.citizen)
        .await;
    assert_eq!(status, 422);
    assert!(
        page.contains(app::i18n::apply::CANNOT_WITHDRAW.id),
        "{page}"
    );
    let (status, _, _) = app
        .post_as(
            &format!("/permohonan/{}/perbaikan", s.id),
            "",
            &mut s.citizen,
        )
        .await;
    assert_eq!(status, 422, "nothing to resubmit");
    assert_eq!(snapshot(&app, s.id).await, before);
    assert_eq!(state_of(&app, s.id).await, "approved");
});

db_test!(refused_steps_with_missing_notes_write_nothing, |app| {
    let mut s = applying::submitted(&app).await;
    step_ok(&app, &mut s.officer, s.id, "action=start_verification").await;
    let before = snapshot(&app, s.id).await;
    let (status, _, page) = step(&app, &mut s.officer, s.id, "action=reject&reason=tidak").await;
    assert_eq!(status, 422);
    assert!(page.contains("Tulis alasan penolakan"), "{page}");
    let (status, _, page) = step(&app, &mut s.officer, s.id, "action=request_correction").await;
    assert_eq!(status, 422);
    assert!(
        page.contains(app::i18n::apply::CORRECTION_NOTE_REQUIRED.id),
        "{page}"
    );
    let (status, _, _) = step(&app, &mut s.officer, s.id, "action=teleport").await;
    assert_eq!(status, 422, "an unknown step");
    assert_eq!(snapshot(&app, s.id).await, before);
    // A real rejection is final, with its reason kept and told.
    let reason = "action=reject&reason=Lokasi+usaha+di+zona+hijau";
    step_ok(&app, &mut s.officer, s.id, reason).await;
    assert_eq!(state_of(&app, s.id).await, "rejected");
    assert_eq!(notices(&app, s.id, "rejected").await, 1);
    let (status, _, _) = step(&app, &mut s.officer, s.id, "action=approve").await;
    assert_eq!(status, 422);
    assert_eq!(state_of(&app, s.id).await, "rejected");
});

db_test!(answers_and_documents_are_locked_after_submission, |app| {
    let mut s = applying::submitted(&app).await;
    let documents = "SELECT COUNT(*) FROM application_document";
    let before = (count(&app, documents).await, snapshot(&app, s.id).await);
    let answers = format!("field_{}=Nama+Lain", s.service.field);
    let (status, _, page) = app
        .post_as(
            &format!("/permohonan/{}/isi", s.id),
            &answers,
            &mut s.citizen,
        )
        .await;
    assert_eq!(status, 422);
    assert!(page.contains(app::i18n::apply::ANSWERS_LOCKED.id), "{page}");
    let pdf = applying::pdf("new");
    let (status, _, page) =
        applying::upload(&app, &s.citizen, s.id, s.service.ktp, "baru.pdf", &pdf).await;
    assert_eq!(status, 422);
    assert!(
        page.contains(app::i18n::apply::STEP_NOT_POSSIBLE.id),
        "{page}"
    );
    let values: String = sqlx::query_scalar("SELECT field_values FROM application")
        .fetch_one(app.db.read())
        .await
        .unwrap();
    assert!(values.contains("Warung Sejahtera"), "{values}");
    assert_eq!(
        (count(&app, documents).await, snapshot(&app, s.id).await),
        before
    );
});

db_test!(
    a_correction_note_for_another_services_requirement_is_refused,
    |app| {
        // Arrange: a requirement of another service, and one that does not exist.
        let mut s = applying::submitted(&app).await;
        applying::exec(
            &app,
            "INSERT INTO service_type (unit_id, code, name_id, name_en, completion_days, created_at, updated_at)
             SELECT unit_id, 'LAIN', 'Layanan lain', 'Other', 3, 0, 0 FROM unit WHERE code = 'UNIT-A'",
        )
        .await;
        applying::exec(
            &app,
            "INSERT INTO service_requirement (service_type_id, position, label_id, label_en)
             SELECT service_type_id, 1, 'Lain', 'Other' FROM service_type WHERE code = 'LAIN'",
        )
        .await;
        let foreign = count(&app, "SELECT MAX(requirement_id) FROM service_requirement").await;
        step_ok(&app, &mut s.officer, s.id, "action=start_verification").await;
        let before = snapshot(&app, s.id).await;

        // Act / assert: a note only for those is no correction request at all.
        for requirement in [foreign, 9999] {
            let body = format!("action=request_correction&note_{requirement}=Palsu");
            let (status, _, page) = step(&app, &mut s.officer, s.id, &body).await;
            assert_eq!(status, 422, "{requirement}");
            assert!(page.contains(app::i18n::apply::CORRECTION_NOTE_REQUIRED.id));
        }
        assert_eq!(snapshot(&app, s.id).await, before);
        // Mixed with a real note, only the real one is kept.
        let body = format!(
            "action=request_correction&note_{foreign}=Palsu&note_{}=Foto+buram",
            s.service.ktp
        );
        step_ok(&app, &mut s.officer, s.id, &body).await;
        let kept = applying::ids(&app, "SELECT requirement_id FROM application_correction").await;
        assert_eq!(kept, vec![s.service.ktp]);
    }
);
