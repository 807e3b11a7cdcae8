//! The foundation on both engines: migrations, the home page from the database, health probes,
//! security headers, the same-origin rule, the language switch, SQLite write concurrency and its
//! checkpoints.

use crate::common;

use axum::body::Body;
use axum::http::Request;
use common::{body_text, form_post, HOST};

db_test!(migrations_apply_and_a_second_run_changes_nothing, |app| {
    app.db
        .migrate()
        .await
        .expect("second migration run is a no-op");
    let units: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM unit")
        .fetch_one(app.db.read())
        .await
        .unwrap();
    assert_eq!(units, 0);
});

db_test!(the_home_page_lists_units_from_the_database, |app| {
    app::server::units::upsert_unit(&app.db, "DINKES", "Dinas Kesehatan")
        .await
        .unwrap();
    app::server::units::upsert_unit(&app.db, "DPMPTSP", "Dinas Penanaman Modal")
        .await
        .unwrap();
    let (status, html) = app.get("/").await;
    assert_eq!(status, 200);
    assert!(html.contains(r#"<html lang="id">"#));
    assert!(html.contains("Layanan publik tanpa antre"));
    assert!(html.contains("Dinas Kesehatan") && html.contains("Dinas Penanaman Modal"));
    assert!(html.contains("2 dari 2 unit"));
});

db_test!(
    the_unit_search_filters_on_the_server_without_javascript,
    |app| {
        app::server::units::upsert_unit(&app.db, "DINKES", "Dinas Kesehatan")
            .await
            .unwrap();
        app::server::units::upsert_unit(&app.db, "DPMPTSP", "Dinas Penanaman Modal")
            .await
            .unwrap();
        let (_, html) = app.get("/?q=modal").await;
        assert!(html.contains("1 dari 2 unit"));
        assert!(!html.contains("<span class=\"unit-name\">Dinas Kesehatan</span>"));
    }
);

db_test!(the_units_server_function_answers_json, |app| {
    app::server::units::upsert_unit(&app.db, "DINKES", "Dinas Kesehatan")
        .await
        .unwrap();
    let (status, body) = app.get("/api/units").await;
    assert_eq!(status, 200);
    let units: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(units[0]["code"], "DINKES");
});

db_test!(readiness_reports_the_database, |app| {
    assert_eq!(app.get("/healthz").await, (200, "ok".to_owned()));
    assert_eq!(app.get("/readyz").await, (200, "ready".to_owned()));
    app.db.close().await;
    assert_eq!(app.get("/readyz").await.0, 503);
});

db_test!(every_response_carries_the_security_headers, |app| {
    for path in ["/", "/tidak-ada", "/healthz", "/pkg/tidak-ada.js"] {
        let response = app
            .send(
                Request::get(path)
                    .header("host", HOST)
                    .body(Body::empty())
                    .unwrap(),
            )
            .await;
        let h = response.headers();
        let csp = h["content-security-policy"].to_str().unwrap();
        assert!(csp.contains("frame-ancestors 'none'"), "{path}");
        assert!(csp.contains("script-src 'self' 'nonce-"), "{path}");
        assert!(!csp.contains("unsafe-inline"), "{path}");
        assert_eq!(h["x-content-type-options"], "nosniff", "{path}");
        assert_eq!(
            h["referrer-policy"], "strict-origin-when-cross-origin",
            "{path}"
        );
    }
});

db_test!(the_page_script_carries_the_nonce_of_its_policy, |app| {
    let response = app
        .send(
            Request::get("/")
                .header("host", HOST)
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    let csp = response.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .to_owned();
    let nonce = csp
        .split("'nonce-")
        .nth(1)
        .unwrap()
        .split('\'')
        .next()
        .unwrap()
        .to_owned();
    let html = body_text(response).await;
    assert!(html.contains(&format!(r#"<script type="module" nonce="{nonce}">"#)));
});

db_test!(unknown_pages_are_a_localised_404, |app| {
    let (status, html) = app.get("/tidak-ada").await;
    assert_eq!(status, 404);
    assert!(html.contains("Halaman tidak ditemukan"));
});

db_test!(a_cross_site_post_is_refused, |app| {
    let request = Request::post("/bahasa")
        .header("host", HOST)
        .header("origin", "https://evil.example")
        .header("content-type", "application/x-www-form-urlencoded")
        .body(Body::from("lang=en&next=/"))
        .unwrap();
    let response = app.send(request).await;
    assert_eq!(response.status(), 403);
    assert!(response.headers().get("set-cookie").is_none());
    let no_origin = Request::post("/bahasa")
        .header("host", HOST)
        .header("content-type", "application/x-www-form-urlencoded")
        .body(Body::from("lang=en&next=/"))
        .unwrap();
    assert_eq!(app.send(no_origin).await.status(), 403);
});

db_test!(the_language_switch_is_remembered_in_a_cookie, |app| {
    let response = app
        .send(form_post("/bahasa", "lang=en&next=/tentang"))
        .await;
    assert_eq!(response.status(), 303);
    assert_eq!(response.headers()["location"], "/tentang");
    let cookie = response.headers()["set-cookie"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(cookie.starts_with("sigap_lang=en;") && cookie.contains("SameSite=Lax"));
    let english = app
        .send(
            Request::get("/tentang")
                .header("host", HOST)
                .header("cookie", "sigap_lang=en")
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    let html = body_text(english).await;
    assert!(html.contains(r#"<html lang="en">"#));
    assert!(html.contains("About Sigap"));
});

db_test!(the_language_switch_never_redirects_off_site, |app| {
    let response = app
        .send(form_post("/bahasa", "lang=en&next=//evil.example/"))
        .await;
    assert_eq!(response.headers()["location"], "/");
});

db_test!(concurrent_writes_never_fail_with_a_locked_database, |app| {
    let mut tasks = Vec::new();
    for i in 0..64 {
        let db = app.db.clone();
        tasks.push(tokio::spawn(async move {
            app::server::units::upsert_unit(&db, &format!("U{i:03}"), &format!("Unit {i}")).await
        }));
    }
    for task in tasks {
        task.await
            .unwrap()
            .expect("every concurrent write succeeds");
    }
    let count: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM unit")
        .fetch_one(app.db.read())
        .await
        .unwrap();
    assert_eq!(count, 64);
});

db_test!(
    the_write_ahead_log_is_checkpointed_from_a_reader_not_the_writer,
    |app| {
        for i in 0..64 {
            app::server::units::upsert_unit(&app.db, &format!("C{i:03}"), &format!("Unit {i}"))
                .await
                .unwrap();
        }
        let checkpoint = app.db.checkpoint().await.expect("a checkpoint runs");
        match app.db.engine() {
            app::server::db::Engine::Sqlite => {
                let (log, done) = checkpoint.expect("SQLite reports its log");
                assert!(log > 0, "64 writes leave frames in the log");
                assert_eq!(done, log, "nothing holds the log: all of it is copied");
                // The writer leaves checkpoints to the reader until the log is large.
                let pages: i64 = sqlx::query_scalar("PRAGMA wal_autocheckpoint")
                    .fetch_one(app.db.write())
                    .await
                    .unwrap();
                assert_eq!(pages, 8000);
            }
            app::server::db::Engine::Postgres => assert_eq!(checkpoint, None),
        }
        let count: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM unit")
            .fetch_one(app.db.read())
            .await
            .unwrap();
        assert_eq!(count, 64);
    }
);
