//! The satisfaction survey (issue 5) on SQLite and PostgreSQL: completing an application
//! issues exactly one invitation in the same transaction; its token is answered once (also
//! under 100 concurrent submissions); forged, expired and foreign tokens are refused; staff
//! cannot answer; GET changes nothing; answers carry no identity, credit the frozen officers,
//! and open follow-up items when low.

use crate::applying;
use crate::common;

use applying::{count, exec, step_ok};
use common::{body_text, people, Jar, PASSWORD};

/// Completes the standard test application and returns (application id, survey path).
pub(crate) async fn completed(app: &common::TestApp) -> (i64, String, Jar) {
    let s = applying::submitted(app).await;
    let mut officer = s.officer.clone();
    for action in [
        "start_verification",
        "accept_documents",
        "approve",
        "complete",
    ] {
        step_ok(app, &mut officer, s.id, &format!("action={action}")).await;
    }
    let (_, _, page) = app
        .get_as(&format!("/permohonan/{}", s.id), &s.citizen)
        .await;
    // The link's address (the QR code image's address also starts with it).
    let path = page
        .match_indices("/survei/")
        .map(|(start, _)| &page[start..start + page[start..].find('"').unwrap()])
        .find(|path| !path.ends_with("/qr.svg"))
        .expect("the application page links the survey")
        .to_owned();
    (s.id, path, s.citizen)
}

pub(crate) const ANSWERS: &str = "u1=3&u2=3&u3=2&u4=4&u5=3&u6=4&u7=4&u8=3&u9=2&gender=P&age=41&education=SMA&occupation=Swasta&suggestion=Ruang+tunggu+panas";

async fn post_answers(
    app: &common::TestApp,
    path: &str,
    body: &str,
    jar: &mut Jar,
) -> (u16, Option<String>, String) {
    app.post_as(path, body, jar).await
}

db_test!(
    completing_issues_one_invitation_delivered_with_the_completion_notice,
    |app| {
        let (id, path, _) = completed(&app).await;
        assert_eq!(
            count(
                &app,
                &format!("SELECT COUNT(*) FROM survey_invitation WHERE application_id = {id}")
            )
            .await,
            1
        );
        let body: String = sqlx::query_scalar("SELECT body FROM outbox WHERE dedupe_key LIKE $1")
            .bind(format!("application:{id}:completed:%"))
            .fetch_one(app.db.read())
            .await
            .unwrap();
        assert!(
            body.contains(&path),
            "the completion email carries the survey link"
        );
        // The printed permit carries it too.
        let citizen = app.sign_in("/masuk", people::CITIZEN_1, PASSWORD).await;
        let (_, _, permit) = app
            .get_as(&format!("/permohonan/{id}/izin"), &citizen)
            .await;
        assert!(permit.contains(&path));
    }
);

db_test!(
    a_survey_token_is_answered_once_and_a_replay_is_thanked,
    |app| {
        let (_, path, _) = completed(&app).await;
        let mut anonymous = Jar::default();
        // Opening the page changes nothing.
        let (status, page) = app.get(&path).await;
        assert_eq!(status, 200);
        assert!(
            page.contains("Kompetensi pelaksana") || page.contains("Kompetensi/kemampuan petugas"),
            "{page}"
        );
        assert_eq!(
            count(
                &app,
                "SELECT COUNT(*) FROM survey_invitation WHERE used_at IS NOT NULL"
            )
            .await,
            0
        );
        let (status, location, _) = post_answers(&app, &path, ANSWERS, &mut anonymous).await;
        assert_eq!(
            (status, location.as_deref()),
            (303, Some("/survei/terima-kasih"))
        );
        let (status, location, _) = post_answers(&app, &path, ANSWERS, &mut anonymous).await;
        assert_eq!(
            (status, location.as_deref()),
            (303, Some("/survei/sudah-dijawab"))
        );
        assert_eq!(count(&app, "SELECT COUNT(*) FROM survey_response").await, 1);
        let (_, page) = app.get(&path).await;
        assert!(page.contains("Sudah dijawab"));
    }
);

db_test!(
    one_token_submitted_100_times_at_once_stores_exactly_one_answer,
    |app| {
        let (_, path, _) = completed(&app).await;
        let mut tasks = Vec::new();
        for _ in 0..100 {
            let router = app.router();
            let path = path.clone();
            tasks.push(tokio::spawn(async move {
                use tower::ServiceExt;
                let request = common::form_post(&path, ANSWERS);
                router
                    .oneshot(request)
                    .await
                    .unwrap()
                    .headers()
                    .get("location")
                    .map(|l| l.to_str().unwrap().to_owned())
            }));
        }
        let mut stored = 0;
        let mut replays = 0;
        for t in tasks {
            match t.await.unwrap().as_deref() {
                Some("/survei/terima-kasih") => stored += 1,
                Some("/survei/sudah-dijawab") => replays += 1,
                other => panic!("unexpected answer {other:?}"),
            }
        }
        assert_eq!((stored, replays), (1, 99));
        assert_eq!(count(&app, "SELECT COUNT(*) FROM survey_response").await, 1);
        assert_eq!(
            count(&app, "SELECT COUNT(*) FROM survey_response_source").await,
            1
        );
    }
);

db_test!(
    forged_expired_and_foreign_tokens_are_refused_and_store_nothing,
    |app| {
        let (_, path, citizen) = completed(&app).await;
        let token = path.trim_start_matches("/survei/").to_owned();
        let mut jar = Jar::default();
        // Tampered payload.
        let mut parts: Vec<String> = token.split('.').map(str::to_owned).collect();
        parts[1].insert(3, 'x');
        let forged = format!("/survei/{}", parts.join("."));
        let (status, page) = app.get(&forged).await;
        assert_eq!(status, 404);
        assert!(page.contains("Tautan survei tidak valid"));
        let (status, _, page) = post_answers(&app, &forged, ANSWERS, &mut jar).await;
        assert_eq!(status, 404);
        assert!(page.contains("tidak valid"), "{page}");
        // Signed with another key (a session token as a survey token).
        let session_token = citizen
            .0
            .iter()
            .find(|(n, _)| n.contains("sigap_at"))
            .map(|(_, v)| v.clone())
            .unwrap();
        let (status, _) = app.get(&format!("/survei/{session_token}")).await;
        assert_eq!(status, 404);
        // And a survey token is no session: it does not sign anyone in.
        let (_, location, _) = app
            .get_as("/akun", &Jar(vec![("sigap_at".into(), token.clone())]))
            .await;
        assert!(location.unwrap_or_default().starts_with("/masuk"));
        // Expired.
        exec(&app, "UPDATE survey_invitation SET expires_at = 1").await;
        let (status, _, page) = post_answers(&app, &path, ANSWERS, &mut jar).await;
        assert_eq!(status, 422);
        assert!(page.contains("sudah habis"), "{page}");
        assert_eq!(count(&app, "SELECT COUNT(*) FROM survey_response").await, 0);
    }
);

db_test!(staff_cannot_answer_surveys, |app| {
    let (_, path, _) = completed(&app).await;
    let mut officer = app
        .sign_in("/petugas/masuk", people::OFFICER_B, PASSWORD)
        .await;
    let (status, _, page) = app.get_as(&path, &officer).await;
    assert_eq!(status, 403);
    assert!(page.contains("Akun pegawai tidak dapat mengisi survei"));
    let (status, ..) = post_answers(&app, &path, ANSWERS, &mut officer).await;
    assert_eq!(status, 403);
    assert_eq!(count(&app, "SELECT COUNT(*) FROM survey_response").await, 0);
});

db_test!(
    an_empty_or_tampered_form_is_refused_with_field_errors_and_keeps_the_token,
    |app| {
        let (_, path, _) = completed(&app).await;
        let mut jar = Jar::default();
        let (status, _, page) = post_answers(&app, &path, "gender=P", &mut jar).await;
        assert_eq!(status, 422);
        assert!(
            page.contains("Jawab paling sedikit satu pertanyaan")
                && page.contains("href=\"#f-u1\""),
            "{page}"
        );
        // What was chosen stays chosen.
        assert!(page.contains("value=\"P\" checked"), "{page}");
        let (status, _, page) = post_answers(&app, &path, "u1=7&age=abc", &mut jar).await;
        assert_eq!(status, 422);
        assert!(page.contains("Pilih salah satu jawaban"));
        assert_eq!(
            count(
                &app,
                "SELECT COUNT(*) FROM survey_invitation WHERE used_at IS NOT NULL"
            )
            .await,
            0
        );
        let (_, location, _) = post_answers(&app, &path, "u6=4", &mut jar).await;
        assert_eq!(location.as_deref(), Some("/survei/terima-kasih"));
    }
);

db_test!(
    answers_carry_no_identity_and_credit_the_frozen_officers,
    |app| {
        let (id, path, _) = completed(&app).await;
        let mut citizen = app.sign_in("/masuk", people::CITIZEN_1, PASSWORD).await;
        post_answers(&app, &path, ANSWERS, &mut citizen).await;
        // The response row has no column that names a person or an application.
        let columns: Vec<String> = match app.engine {
        common::Engine::Sqlite => sqlx::query_scalar("SELECT name FROM pragma_table_info('survey_response')").fetch_all(app.db.read()).await.unwrap(),
        common::Engine::Postgres => sqlx::query_scalar("SELECT column_name::text FROM information_schema.columns WHERE table_name = 'survey_response'").fetch_all(app.db.read()).await.unwrap(),
    };
        for forbidden in [
            "account",
            "nik",
            "application",
            "name",
            "email",
            "invitation",
        ] {
            assert!(
                !columns.iter().any(|c| c.contains(forbidden)),
                "survey_response has {forbidden}: {columns:?}"
            );
        }
        let credited = count(&app, "SELECT COUNT(*) FROM survey_response_credit c JOIN application_credit a ON a.officer_account_id = c.officer_account_id").await;
        let frozen = count(
            &app,
            &format!("SELECT COUNT(*) FROM application_credit WHERE application_id = {id}"),
        )
        .await;
        assert!(frozen >= 1);
        assert_eq!(credited, frozen);
        // A low score and a suggestion open one follow-up item for the unit.
        assert_eq!(
            count(
                &app,
                "SELECT COUNT(*) FROM survey_followup WHERE closed_at IS NULL AND low_score = 1"
            )
            .await,
            1
        );
        // The invitation keeps only the day it was used, not the moment.
        let used: i64 = sqlx::query_scalar("SELECT used_at FROM survey_invitation")
            .fetch_one(app.db.read())
            .await
            .unwrap();
        assert_eq!(used % (24 * 3600 * 1000), 0);
        // One invitation, one answer: the unit's published response rate is 100%.
        let i18n = app::i18n::I18n {
            lang: app::i18n::Lang::Id,
        };
        let index = app::server::survey::index::unit_index(&app.state, "UNIT-A", "", i18n)
            .await
            .unwrap();
        assert_eq!((index.invitations, index.response_rate), (1, Some(100.0)));
        assert_eq!(index.figures.map(|f| f.n), Some(1));
    }
);

db_test!(
    a_counter_invitation_is_typed_in_credited_to_its_officer_and_replay_safe,
    |app| {
        applying::define_service(&app).await;
        let mut officer = app
            .sign_in("/petugas/masuk", people::OFFICER_A, PASSWORD)
            .await;
        let form = format!(
            "service={}&issue_key=counter-key-0001-abcdef",
            applying::CODE
        );
        let (status, first, page) = app
            .post_as("/petugas/survei-loket", &form, &mut officer)
            .await;
        assert_eq!(status, 303, "{page}");
        let (_, again, _) = app
            .post_as("/petugas/survei-loket", &form, &mut officer)
            .await;
        assert_eq!(first, again, "the same form twice issues one invitation");
        assert_eq!(
            count(
                &app,
                "SELECT COUNT(*) FROM survey_invitation WHERE channel = 'counter'"
            )
            .await,
            1
        );
        let code: String = sqlx::query_scalar("SELECT short_code FROM survey_invitation")
            .fetch_one(app.db.read())
            .await
            .unwrap();
        let typed = format!("code={}-{}", &code[..4].to_lowercase(), &code[4..]);
        let mut citizen = Jar::default();
        let (status, location, _) = app.post_as("/survei", &typed, &mut citizen).await;
        assert_eq!(status, 303);
        let path = location.unwrap();
        assert!(path.starts_with("/survei/"));
        let (_, done, _) = post_answers(&app, &path, "u6=2&u7=3", &mut citizen).await;
        assert_eq!(done.as_deref(), Some("/survei/terima-kasih"));
        let officer_id = applying::account_id(&app, people::OFFICER_A).await;
        assert_eq!(count(&app, &format!("SELECT COUNT(*) FROM survey_response_credit WHERE officer_account_id = {officer_id}")).await, 1);
        assert_eq!(
            count(
                &app,
                "SELECT COUNT(*) FROM survey_response WHERE channel = 'counter'"
            )
            .await,
            1
        );
        // A wrong code is a field error, not a page of its own.
        let (status, _, page) = app.post_as("/survei", "code=AAAA-AAAA", &mut citizen).await;
        assert_eq!(status, 422);
        assert!(page.contains("Kode tidak dikenal"));
        // Another officer cannot see the slip.
        let (slip, ..) = app.get_as(first.as_deref().unwrap(), &officer).await;
        assert_eq!(slip, 200);
        let other = app
            .sign_in("/petugas/masuk", people::OFFICER_B, PASSWORD)
            .await;
        let (_, _, page) = app.get_as(first.as_deref().unwrap(), &other).await;
        assert!(!page.contains(&code[..4]));
        let _ = body_text;
    }
);

db_test!(
    the_invitation_qr_code_is_an_image_of_its_link_for_open_tokens_only,
    |app| {
        use axum::{body::Body, http::Request};
        let (id, path, citizen) = completed(&app).await;
        let (_, _, page) = app.get_as(&format!("/permohonan/{id}"), &citizen).await;
        let image = format!("{path}/qr.svg");
        assert!(page.contains(&format!("src=\"{image}\"")), "{page}");
        assert!(!page.contains("standalone"), "no QR markup in the page");
        let get = |path: String| Request::get(path).body(Body::empty()).unwrap();
        let response = app.send(get(image.clone())).await;
        assert_eq!(response.status(), 200);
        assert_eq!(response.headers()["content-type"], "image/svg+xml");
        assert_eq!(
            response.headers()["cache-control"],
            "private, max-age=86400"
        );
        let link = format!("{}{path}", app.state.config.base_url());
        let expected = app::server::permits::qr_svg_compact(&link);
        assert!(expected.contains("<svg"), "{expected}");
        assert_eq!(body_text(response).await, expected, "the code of the link");
        // A tampered token, and one this instance signed that has expired: not found.
        let token = path.trim_start_matches("/survei/");
        let tampered = format!("/survei/{}x/qr.svg", token);
        assert_eq!(app.send(get(tampered)).await.status(), 404);
        let now = app::server::db::now_millis() / 1000;
        let expired = app
            .state
            .survey_keys
            .sign("an-old-one", now - 7200, now - 60);
        let response = app.send(get(format!("/survei/{expired}/qr.svg"))).await;
        assert_eq!(response.status(), 404);
    }
);
