//! Online permit applications (issue 4) end to end through the real router, on SQLite and
//! PostgreSQL: an admin defines a service, a citizen applies, an officer asks for a correction,
//! the citizen fixes only what was asked, and the unit approves and completes — with the
//! tracking log, the notifications, the permit and the frozen officer credit.

use crate::applying;
use crate::common;

use applying::{count, events, notices, state_of, step_ok, upload, Service, CODE};
use common::{people, PASSWORD};

fn event(action: &str, from: &str, to: &str, kind: &str, actor: i64) -> applying::Event {
    (
        action.into(),
        from.into(),
        to.into(),
        kind.into(),
        Some(actor),
    )
}

db_test!(
    a_permit_application_goes_from_draft_to_an_issued_permit,
    |app| {
        // Arrange: the service, defined through the admin forms, and a signed-in citizen.
        let service: Service = applying::define_service(&app).await;
        let mut citizen = app.sign_in("/masuk", people::CITIZEN_1, PASSWORD).await;
        let mut officer = app
            .sign_in("/petugas/masuk", people::OFFICER_A, PASSWORD)
            .await;
        let mut supervisor = app
            .sign_in("/petugas/masuk", people::SUPERVISOR, PASSWORD)
            .await;
        let citizen_id = applying::account_id(&app, people::CITIZEN_1).await;
        let officer_id = applying::account_id(&app, people::OFFICER_A).await;
        let supervisor_id = applying::account_id(&app, people::SUPERVISOR).await;

        // The citizen starts, answers (the required question first left empty), uploads, submits.
        let id = applying::start(&app, &mut citizen, "journey-key-0001-xyz").await;
        assert_eq!(state_of(&app, id).await, "draft");
        let (_, _, page) = app.get_as(&format!("/permohonan/{id}/isi"), &citizen).await;
        assert!(page.contains("Nama usaha"), "the question is asked");
        let answers = format!("/permohonan/{id}/isi");
        let (status, _, page) = app
            .post_as(&answers, &format!("field_{}=", service.field), &mut citizen)
            .await;
        assert_eq!(status, 422, "a required answer is required");
        assert!(page.contains("Nama usaha"), "{page}");
        let number = applying::fill_and_submit(&app, &mut citizen, service, id).await;
        assert!(app::domain::registration::RegistrationNumber::parse(&number).is_ok());
        assert_eq!(state_of(&app, id).await, "submitted");
        let (_, _, page) = app
            .get_as(&format!("/permohonan/{id}/terkirim"), &citizen)
            .await;
        assert!(page.contains(&number), "the number is shown on screen");

        // The officer verifies and asks for a better KTP scan.
        step_ok(&app, &mut officer, id, "action=start_verification").await;
        let ask = format!(
            "action=request_correction&note_{}=Foto+KTP+buram",
            service.ktp
        );
        step_ok(&app, &mut officer, id, &ask).await;
        assert_eq!(state_of(&app, id).await, "needs_correction");
        let open_pauses = "SELECT COUNT(*) FROM sla_pause WHERE resumed_on IS NULL";
        assert_eq!(count(&app, open_pauses).await, 1, "the clock is paused");
        let (_, _, page) = app.get_as(&format!("/permohonan/{id}"), &citizen).await;
        assert!(
            page.contains("Foto KTP buram"),
            "the citizen reads the note"
        );

        // Only the requirement asked about may change, and it must change before resubmitting.
        let letters = format!(
            "SELECT COUNT(*) FROM application_document WHERE requirement_id = {}",
            service.letter
        );
        let (status, _, page) = upload(
            &app,
            &citizen,
            id,
            service.letter,
            "lain.pdf",
            &applying::pdf("x"),
        )
        .await;
        assert_eq!(status, 422, "a requirement not asked about is locked");
        assert!(page.contains(app::i18n::apply::NOT_ASKED.id), "{page}");
        assert_eq!(count(&app, &letters).await, 1);
        // Uploads are told apart by order, not by the clock: even stamped in the millisecond of
        // the request, the documents sent before it do not answer it, one sent after does.
        let same_ms = "(SELECT MAX(requested_at) FROM application_correction)";
        applying::exec(
            &app,
            &format!("UPDATE application_document SET uploaded_at = {same_ms}"),
        )
        .await;
        let resubmit = format!("/permohonan/{id}/perbaikan");
        let (status, _, page) = app.post_as(&resubmit, "", &mut citizen).await;
        assert_eq!(status, 422, "the corrected document is missing");
        let missing = "Unggah dokumen perbaikan: KTP pemohon";
        assert!(page.contains(missing), "{page}");
        assert_eq!(state_of(&app, id).await, "needs_correction");
        let png = applying::png(1200, 800);
        let (status, _, page) = upload(&app, &citizen, id, service.ktp, "ktp.png", &png).await;
        assert_eq!(status, 303, "{page}");
        applying::exec(
            &app,
            &format!("UPDATE application_document SET uploaded_at = {same_ms}"),
        )
        .await;
        let (status, _, page) = app.post_as(&resubmit, "", &mut citizen).await;
        assert_eq!(status, 303, "{page}");
        assert_eq!(state_of(&app, id).await, "resubmitted");
        assert_eq!(count(&app, open_pauses).await, 0, "the clock runs again");

        // The unit accepts, the supervisor approves, the officer completes.
        step_ok(&app, &mut officer, id, "action=start_verification").await;
        step_ok(&app, &mut officer, id, "action=accept_documents").await;
        step_ok(&app, &mut supervisor, id, "action=approve").await;
        assert_eq!(
            count(&app, "SELECT COUNT(*) FROM application_credit").await,
            0
        );
        step_ok(&app, &mut officer, id, "action=complete").await;

        // Assert: the permit, its number in the unit's sequence, and the finished clock.
        assert_eq!(state_of(&app, id).await, "completed");
        let year = app::server::applications::today(&app.state).year();
        let (permit, holder): (String, String) =
            sqlx::query_as("SELECT number, holder_name FROM permit WHERE application_id = $1")
                .bind(id)
                .fetch_one(app.db.read())
                .await
                .unwrap();
        assert_eq!(permit, format!("503/0001/SIUJ/UNIT-A/{year}"));
        assert_eq!(holder, "Warga Satu");
        let finished = "SELECT COUNT(*) FROM application WHERE finished_on IS NOT NULL AND on_time = 1 AND completed_at IS NOT NULL";
        assert_eq!(count(&app, finished).await, 1);
        let (_, _, page) = app.get_as(&format!("/permohonan/{id}"), &citizen).await;
        assert!(
            applying::visible(&page).contains(&permit),
            "the applicant sees the permit number"
        );

        // The credit: the officer of the citizen-facing steps, not the back-office approver.
        let credited = applying::ids(
            &app,
            "SELECT officer_account_id FROM application_credit ORDER BY officer_account_id",
        )
        .await;
        assert_eq!(credited, vec![officer_id]);
        let path = format!("/petugas/permohonan/{id}/tugaskan");
        let body = format!("officer={supervisor_id}");
        let (status, _, _) = app.post_as(&path, &body, &mut supervisor).await;
        assert_ne!(status, 303, "a finished case cannot be reassigned");
        assert_eq!(
            applying::ids(&app, "SELECT officer_account_id FROM application_credit").await,
            vec![officer_id],
            "the credit stays frozen"
        );

        // The tracking log: one row per transition, with its actor and from → to.
        let log = vec![
            event("submit", "draft", "submitted", "citizen", citizen_id),
            event(
                "start_verification",
                "submitted",
                "in_verification",
                "staff",
                officer_id,
            ),
            event(
                "request_correction",
                "in_verification",
                "needs_correction",
                "staff",
                officer_id,
            ),
            event(
                "resubmit",
                "needs_correction",
                "resubmitted",
                "citizen",
                citizen_id,
            ),
            event(
                "start_verification",
                "resubmitted",
                "in_verification",
                "staff",
                officer_id,
            ),
            event(
                "accept_documents",
                "in_verification",
                "in_process",
                "staff",
                officer_id,
            ),
            event("approve", "in_process", "approved", "staff", supervisor_id),
            event("complete", "approved", "completed", "staff", officer_id),
        ];
        assert_eq!(events(&app, id).await, log);
        let note: Option<String> = sqlx::query_scalar(
            "SELECT note FROM application_event WHERE action = 'request_correction'",
        )
        .fetch_one(app.db.read())
        .await
        .unwrap();
        assert_eq!(note.as_deref(), Some("Foto KTP buram"));

        // The notifications, queued with their events.
        for notice in ["submitted", "correction", "approved", "completed"] {
            assert_eq!(notices(&app, id, notice).await, 1, "{notice}");
        }
        let mail = "SELECT COUNT(*) FROM outbox WHERE recipient = 'warga1@example.id' AND dedupe_key LIKE 'application:%'";
        assert_eq!(count(&app, mail).await, 4);
        let body: String = sqlx::query_scalar("SELECT body FROM outbox WHERE dedupe_key LIKE $1")
            .bind(format!("application:{id}:completed:%"))
            .fetch_one(app.db.read())
            .await
            .unwrap();
        assert!(body.contains(&number) && body.contains(&permit), "{body}");
        assert!(!body.contains(people::CITIZEN_1), "no NIK in email");
    }
);

db_test!(
    the_draft_page_of_a_service_unknown_or_inactive_is_not_found,
    |app| {
        applying::define_service(&app).await;
        let mut citizen = app.sign_in("/masuk", people::CITIZEN_1, PASSWORD).await;
        let (status, _, _) = app
            .post_as(
                "/layanan/TIDAK-ADA/ajukan",
                "draft_key=unknown-service-key-1",
                &mut citizen,
            )
            .await;
        assert_eq!(status, 404);
        applying::exec(
            &app,
            &format!("UPDATE service_type SET active = 0 WHERE code = '{CODE}'"),
        )
        .await;
        let path = format!("/layanan/{CODE}/ajukan");
        let (status, _, _) = app
            .post_as(&path, "draft_key=inactive-service-key-1", &mut citizen)
            .await;
        assert_eq!(status, 404);
        assert_eq!(count(&app, "SELECT COUNT(*) FROM application").await, 0);
    }
);

db_test!(
    the_permit_qr_code_opens_a_public_page_that_tells_genuine_from_forged,
    |app| {
        // Arrange: a completed application and its permit's verification code.
        let mut s = applying::submitted(&app).await;
        for action in [
            "start_verification",
            "accept_documents",
            "approve",
            "complete",
        ] {
            step_ok(&app, &mut s.officer, s.id, &format!("action={action}")).await;
        }
        let (number, code): (String, String) =
            sqlx::query_as("SELECT number, verify_code FROM permit")
                .fetch_one(app.db.read())
                .await
                .unwrap();
        let (status, _, page) = app
            .get_as(&format!("/permohonan/{}/izin", s.id), &s.citizen)
            .await;
        assert_eq!(status, 200);
        assert!(page.contains(&format!("/verifikasi/{code}")) && page.contains("<svg"));
        let other = app.sign_in("/masuk", people::CITIZEN_2, PASSWORD).await;
        let (status, _, _) = app
            .get_as(&format!("/permohonan/{}/izin", s.id), &other)
            .await;
        assert_eq!(status, 404, "only its holder and the unit see the permit");

        // Act / assert: the genuine code names the holder, and nothing personal beyond that.
        let (status, page) = app.get(&format!("/verifikasi/{code}")).await;
        let page = applying::visible(&page);
        assert_eq!(status, 200);
        assert!(page.contains(app::i18n::permit::VERIFY_VALID.id));
        assert!(page.contains("Warga Satu") && page.contains(&number));
        assert!(page.contains("Izin Uji Coba"));
        for private in [people::CITIZEN_1, s.number.as_str(), "warga1@example.id"] {
            assert!(!page.contains(private), "{private} shown publicly");
        }

        // One changed character, an unknown code, or garbage: "not a permit we issued".
        let last = code.chars().last().unwrap();
        let tampered = format!("{}{}", &code[..15], if last == 'A' { 'B' } else { 'A' });
        for forged in [tampered.as_str(), "AAAAAAAAAAAAAAAA", "abc", "%27%3B--"] {
            let (status, page) = app.get(&format!("/verifikasi/{forged}")).await;
            assert_eq!(status, 404, "{forged}");
            assert!(
                page.contains(app::i18n::permit::VERIFY_UNKNOWN.id),
                "{forged}"
            );
            assert!(!page.contains("Warga Satu"), "{forged}");
        }

        // A revoked permit is still recognised, and said to be invalid.
        applying::exec(&app, "UPDATE permit SET revoked_at = 1").await;
        let (_, page) = app.get(&format!("/verifikasi/{code}")).await;
        assert!(page.contains(app::i18n::permit::VERIFY_REVOKED.id));
        assert!(!page.contains(app::i18n::permit::VERIFY_VALID.id));
    }
);

db_test!(
    two_permits_completed_at_the_same_time_get_consecutive_numbers,
    |app| {
        use app::server::applications::staff::{act, StepInput};
        // Arrange: two approved applications of the same unit, by two citizens.
        let mut s = applying::submitted(&app).await;
        let mut second = app.sign_in("/masuk", people::CITIZEN_2, PASSWORD).await;
        let other = applying::start(&app, &mut second, "second-citizen-draft-key").await;
        applying::fill_and_submit(&app, &mut second, s.service, other).await;
        for id in [s.id, other] {
            for action in ["start_verification", "accept_documents", "approve"] {
                step_ok(&app, &mut s.officer, id, &format!("action={action}")).await;
            }
        }
        // Act: both completed at once, on separate tasks.
        let officer = applying::viewer(&app, people::OFFICER_A).await;
        let complete = |id: i64| {
            let (state, officer) = (app.state.clone(), officer.clone());
            tokio::spawn(async move {
                let input = StepInput {
                    action: "complete".into(),
                    ..StepInput::default()
                };
                let meta = app::server::accounts::RequestMeta::default();
                act(&state, &officer, id, &input, &meta, applying::ID).await
            })
        };
        let (a, b) = tokio::join!(complete(s.id), complete(other));
        // Assert: both completed, numbered 1 and 2 in the unit's sequence.
        a.unwrap().expect("first completion");
        b.unwrap().expect("second completion");
        let sequences = applying::ids(&app, "SELECT sequence FROM permit ORDER BY sequence").await;
        assert_eq!(sequences, vec![1, 2]);
        let completed = "SELECT COUNT(*) FROM application WHERE state = 'completed'";
        assert_eq!(count(&app, completed).await, 2);
    }
);
