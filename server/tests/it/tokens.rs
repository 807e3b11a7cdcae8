//! Attacks on the session token: each forged or stale token is treated as no session at all
//! (the protected page sends the visitor to sign in) and its cookies are cleared.

use crate::common;

use base64::{engine::general_purpose::URL_SAFE_NO_PAD, Engine};
use common::{people, Jar, PASSWORD};
use jsonwebtoken::{encode, Algorithm, EncodingKey, Header};
use serde_json::json;

fn session_key(app: &common::TestApp) -> Vec<u8> {
    app::server::keys::derive(
        &app.state.config.jwt_secret,
        app::server::keys::KeyPurpose::Session,
    )
    .to_vec()
}

fn now() -> i64 {
    time::OffsetDateTime::now_utc().unix_timestamp()
}

/// A jar with only the access cookie (no refresh token to fall back on).
fn access_only(token: &str) -> Jar {
    Jar(vec![("sigap_at".into(), token.into())])
}

async fn live_session(app: &common::TestApp) -> (i64, String) {
    let jar = app.sign_in("/masuk", people::CITIZEN_1, PASSWORD).await;
    let refresh = jar
        .0
        .iter()
        .find(|(n, _)| n == "sigap_rt")
        .unwrap()
        .1
        .clone();
    let sid = refresh.split('.').next().unwrap().to_owned();
    let account: i64 = sqlx::query_scalar("SELECT account_id FROM session WHERE session_id = $1")
        .bind(&sid)
        .fetch_one(app.db.read())
        .await
        .unwrap();
    (account, sid)
}

fn claims(account: i64, sid: &str) -> serde_json::Value {
    json!({ "sub": account.to_string(), "sid": sid, "aud": "sigap-session", "iss": "sigap", "iat": now(), "exp": now() + 600 })
}

async fn assert_refused(app: &common::TestApp, token: &str) {
    let (status, location, _) = app.get_as("/akun", &access_only(token)).await;
    assert_eq!(status, 302, "a forged token must not open /akun");
    assert!(location.unwrap().starts_with("/masuk"));
}

db_test!(a_genuine_token_opens_the_account_page, |app| {
    app.seed_people().await;
    let (account, sid) = live_session(&app).await;
    let token = encode(
        &Header::new(Algorithm::HS256),
        &claims(account, &sid),
        &EncodingKey::from_secret(&session_key(&app)),
    )
    .unwrap();
    assert_eq!(app.get_as("/akun", &access_only(&token)).await.0, 200);
});

db_test!(alg_none_is_refused, |app| {
    app.seed_people().await;
    let (account, sid) = live_session(&app).await;
    let header = URL_SAFE_NO_PAD.encode(br#"{"alg":"none","typ":"JWT"}"#);
    let payload = URL_SAFE_NO_PAD.encode(claims(account, &sid).to_string());
    assert_refused(&app, &format!("{header}.{payload}.")).await;
});

db_test!(a_token_signed_with_another_key_is_refused, |app| {
    app.seed_people().await;
    let (account, sid) = live_session(&app).await;
    let token = encode(
        &Header::new(Algorithm::HS256),
        &claims(account, &sid),
        &EncodingKey::from_secret(b"some other key entirely"),
    )
    .unwrap();
    assert_refused(&app, &token).await;
});

db_test!(an_expired_token_is_refused, |app| {
    app.seed_people().await;
    let (account, sid) = live_session(&app).await;
    let mut c = claims(account, &sid);
    c["iat"] = json!(now() - 3600);
    c["exp"] = json!(now() - 1800);
    let token = encode(
        &Header::new(Algorithm::HS256),
        &c,
        &EncodingKey::from_secret(&session_key(&app)),
    )
    .unwrap();
    assert_refused(&app, &token).await;
});

db_test!(a_token_for_another_audience_is_refused, |app| {
    app.seed_people().await;
    let (account, sid) = live_session(&app).await;
    let mut c = claims(account, &sid);
    c["aud"] = json!("sigap-survey");
    let token = encode(
        &Header::new(Algorithm::HS256),
        &c,
        &EncodingKey::from_secret(&session_key(&app)),
    )
    .unwrap();
    assert_refused(&app, &token).await;
});

db_test!(a_token_issued_in_the_future_is_refused, |app| {
    app.seed_people().await;
    let (account, sid) = live_session(&app).await;
    let mut c = claims(account, &sid);
    c["iat"] = json!(now() + 3600);
    c["exp"] = json!(now() + 7200);
    let token = encode(
        &Header::new(Algorithm::HS256),
        &c,
        &EncodingKey::from_secret(&session_key(&app)),
    )
    .unwrap();
    assert_refused(&app, &token).await;
});

db_test!(a_tampered_payload_is_refused, |app| {
    app.seed_people().await;
    let (account, sid) = live_session(&app).await;
    let token = encode(
        &Header::new(Algorithm::HS256),
        &claims(account, &sid),
        &EncodingKey::from_secret(&session_key(&app)),
    )
    .unwrap();
    let parts: Vec<&str> = token.split('.').collect();
    let forged = URL_SAFE_NO_PAD.encode(claims(account + 1, &sid).to_string());
    assert_refused(&app, &format!("{}.{forged}.{}", parts[0], parts[2])).await;
});

db_test!(a_token_of_a_revoked_session_is_refused, |app| {
    app.seed_people().await;
    let (account, sid) = live_session(&app).await;
    let token = encode(
        &Header::new(Algorithm::HS256),
        &claims(account, &sid),
        &EncodingKey::from_secret(&session_key(&app)),
    )
    .unwrap();
    app::server::session::end(&app.db, &sid).await.unwrap();
    assert_refused(&app, &token).await;
});

db_test!(a_forged_refresh_token_is_refused_and_cleared, |app| {
    app.seed_people().await;
    let (_, sid) = live_session(&app).await;
    let jar = Jar(vec![("sigap_rt".into(), format!("{sid}.not-the-secret"))]);
    let request = axum::http::Request::get("/akun")
        .header("host", common::HOST)
        .header("cookie", jar.header())
        .body(axum::body::Body::empty())
        .unwrap();
    let response = app.send(request).await;
    assert_eq!(response.status(), 302);
    let cleared: Vec<_> = response
        .headers()
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().unwrap().to_owned())
        .collect();
    assert!(
        cleared
            .iter()
            .any(|c| c.starts_with("sigap_rt=;") && c.contains("Max-Age=0")),
        "{cleared:?}"
    );
});

db_test!(
    an_expired_access_token_is_renewed_from_a_live_refresh_token,
    |app| {
        app.seed_people().await;
        let jar = app.sign_in("/masuk", people::CITIZEN_1, PASSWORD).await;
        let refresh_only = Jar(jar
            .0
            .iter()
            .filter(|(n, _)| n == "sigap_rt")
            .cloned()
            .collect());
        let request = axum::http::Request::get("/akun")
            .header("host", common::HOST)
            .header("cookie", refresh_only.header())
            .body(axum::body::Body::empty())
            .unwrap();
        let response = app.send(request).await;
        assert_eq!(response.status(), 200);
        let renewed = response
            .headers()
            .get("set-cookie")
            .unwrap()
            .to_str()
            .unwrap();
        assert!(
            renewed.starts_with("sigap_at=")
                && renewed.contains("HttpOnly")
                && renewed.contains("SameSite=Lax")
        );
    }
);
