//! Nothing leaked into logs or pages (issue 8): the real binary, logging everything down to
//! debug (requests, SQL),
//! serves a registration, failed and good sign-ins, a password reset by email, a refused
//! registration and a survey answer with a suggestion; afterwards its log holds none of the
//! NIKs, passwords, tokens, cookies or the suggestion — while it does hold the events, so the
//! check reads a real log. The refused form never shows the password back.

use crate::common::live::{Live, SECRET};
use crate::common::{people, Jar, TestApp};
use crate::survey::ANSWERS;

const NEW_NIK: &str = "3171015708920004";
const NEW_PASSWORD: &str = "lampu merah jalan terus";
const RESET_PASSWORD: &str = "hujan deras sore ini";
const WRONG_PASSWORD: &str = "bukan sandi yang benar";

fn form(pairs: &[(&str, &str)]) -> String {
    pairs
        .iter()
        .map(|(k, v)| format!("{k}={}", crate::common::enc(v)))
        .collect::<Vec<_>>()
        .join("&")
}

/// A counter invitation of officer A and its signed token.
async fn counter_token(app: &TestApp) -> String {
    crate::applying::define_service(app).await;
    let officer = crate::applying::account_id(app, people::OFFICER_A).await;
    let (unit, service): (i64, i64) =
        sqlx::query_as("SELECT unit_id, service_type_id FROM service_type WHERE code = $1")
            .bind(crate::applying::CODE)
            .fetch_one(app.db.read())
            .await
            .unwrap();
    let now = app::server::db::now_millis();
    sqlx::query(
        "INSERT INTO survey_invitation (jti, channel, unit_id, service_type_id, officer_account_id, service_date, issued_at, expires_at)
         VALUES ('logs-1', 'counter', $1, $2, $3, '2026-12-01', $4, $5)",
    )
    .bind(unit)
    .bind(service)
    .bind(officer)
    .bind(now)
    .bind(now + 86_400_000)
    .execute(app.db.write())
    .await
    .unwrap();
    let keys = app::server::survey::SurveyKeys::new(&app::server::config::Secret::new(
        SECRET.as_bytes().to_vec(),
    ));
    keys.sign("logs-1", now / 1000, now / 1000 + 86_400)
}

db_test!(logs_never_hold_identities_passwords_or_tokens, |app| {
    let token = counter_token(&app).await;
    let live = Live::start_logging(&app, 1, "debug").await;
    let signed_out = Jar::default();
    let suggestion = "Petugas loket ramah sekali terima kasih";

    // A registration, then a refused one (the passwords differ).
    let register = |confirm: &str| {
        form(&[
            ("full_name", "Sari Wulandari"),
            ("nik", NEW_NIK),
            ("email", "sari.logs@example.test"),
            ("phone", ""),
            ("password", NEW_PASSWORD),
            ("password_confirm", confirm),
            ("consent", "on"),
        ])
    };
    let r = live
        .post_form("/daftar", &register(NEW_PASSWORD), &signed_out)
        .await
        .unwrap();
    assert_eq!(r.status, 303, "{}", r.body);
    let cookies = r.cookies.clone();
    assert!(!cookies.is_empty(), "registering signs in");
    let r = live
        .post_form("/daftar", &register("sandi lain sama sekali"), &signed_out)
        .await
        .unwrap();
    assert!(r.status < 500 && r.status != 303);
    assert!(
        !r.body.contains(NEW_PASSWORD),
        "a refused form shows the password back"
    );

    // A wrong password, then the right one.
    let sign_in = |password: &str| form(&[("identifier", NEW_NIK), ("password", password)]);
    let r = live
        .post_form("/masuk", &sign_in(WRONG_PASSWORD), &signed_out)
        .await
        .unwrap();
    assert!(!r.body.contains(WRONG_PASSWORD));
    let r = live
        .post_form("/masuk", &sign_in(NEW_PASSWORD), &signed_out)
        .await
        .unwrap();
    assert_eq!(r.status, 303);

    // A password reset by email: the link arrives in the mailbox, and is used.
    let r = live
        .post_form(
            "/lupa-sandi",
            &form(&[("email", "sari.logs@example.test")]),
            &signed_out,
        )
        .await
        .unwrap();
    assert_eq!(r.status, 303);
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    let reset = loop {
        let found = std::fs::read_dir(app.data_dir.join("mailbox"))
            .ok()
            .and_then(|dir| {
                dir.flatten().find_map(|e| {
                    let text = std::fs::read_to_string(e.path()).ok()?;
                    let at = text.find("t=")?;
                    Some(
                        text[at + 2..]
                            .chars()
                            .take_while(|c| {
                                c.is_ascii_alphanumeric() || *c == '-' || *c == '_' || *c == '.'
                            })
                            .collect::<String>(),
                    )
                })
            });
        if let Some(t) = found {
            break t;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "the reset message was not delivered"
        );
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    };
    assert!(reset.len() >= 16, "a reset token in the message: {reset}");
    let r = live
        .post_form(
            "/atur-sandi",
            &form(&[
                ("t", &reset),
                ("password", RESET_PASSWORD),
                ("password_confirm", RESET_PASSWORD),
            ]),
            &signed_out,
        )
        .await
        .unwrap();
    assert_eq!(r.status, 303, "{}", r.body);

    // A survey answer with a suggestion.
    let scores = ANSWERS.split("&suggestion=").next().unwrap();
    let answers = format!("{scores}&suggestion={}", crate::common::enc(suggestion));
    let r = live
        .post_form(&format!("/survei/{token}"), &answers, &signed_out)
        .await
        .unwrap();
    assert_eq!(r.location.as_deref(), Some("/survei/terima-kasih"));
    drop(live);

    let log = std::fs::read_to_string(app.data_dir.join("server-1.log")).unwrap();
    assert!(
        log.contains("survey answer stored"),
        "the log is read: {log}"
    );
    let mut secrets: Vec<(&str, String)> = vec![
        ("the new NIK", NEW_NIK.into()),
        ("the NIK's middle digits", NEW_NIK[4..12].into()),
        ("the password", NEW_PASSWORD.into()),
        ("the wrong password", WRONG_PASSWORD.into()),
        ("the reset password", RESET_PASSWORD.into()),
        ("the reset token", reset.clone()),
        ("the survey token", token.clone()),
        (
            "the survey token's signature",
            token.rsplit('.').next().unwrap().into(),
        ),
        ("the suggestion", suggestion.into()),
        ("the email", "sari.logs@example.test".into()),
    ];
    for (name, value) in &cookies {
        secrets.push(("a session cookie", format!("{name}={value}")));
        secrets.push(("a session cookie's value", value.clone()));
    }
    for (what, secret) in &secrets {
        assert!(!log.contains(secret.as_str()), "the log holds {what}");
    }
    println!(
        "logs: {} lines checked for {} secrets",
        log.lines().count(),
        secrets.len()
    );
});
