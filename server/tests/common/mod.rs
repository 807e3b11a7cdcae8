//! Test harness: a fresh, migrated database per test on SQLite and on PostgreSQL, and the real
//! router driven in-process.
//!
//! PostgreSQL tests create their own database on the server at `SIGAP_TEST_PG`
//! (default `postgres://postgres@127.0.0.1:5432/postgres`) and drop it afterwards. When that
//! server is unreachable they are skipped with a message, except with `CI=true`, where they fail.

#![allow(dead_code)]

use app::server::{config::Config, config::Secret, db::Db, state::AppState};
use axum::{body::Body, http::Request, response::Response, Router};
use http_body_util::BodyExt;
use std::path::PathBuf;
use std::sync::atomic::{AtomicU32, Ordering};
use tower::ServiceExt;

static COUNTER: AtomicU32 = AtomicU32::new(0);

/// The engine a test runs on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Engine {
    Sqlite,
    Postgres,
}

/// One test's world: a database, the state and router on top of it.
pub struct TestApp {
    pub engine: Engine,
    pub db: Db,
    pub state: AppState,
    pub data_dir: PathBuf,
    pg_name: Option<String>,
}

fn admin_url() -> String {
    std::env::var("SIGAP_TEST_PG")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".into())
}

fn unique(prefix: &str) -> String {
    format!(
        "{prefix}_{}_{}_{}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::SeqCst),
        time::OffsetDateTime::now_utc().unix_timestamp_nanos() % 1_000_000
    )
}

impl TestApp {
    /// A fresh SQLite file in a temporary folder.
    pub async fn sqlite() -> TestApp {
        let data_dir = std::env::temp_dir().join(unique("sigap_test"));
        std::fs::create_dir_all(&data_dir).unwrap();
        let url = app::server::db::default_url(&data_dir);
        Self::open(Engine::Sqlite, url, data_dir, None).await
    }

    /// A fresh PostgreSQL database, or `None` (skip) when no server is reachable outside CI.
    pub async fn postgres() -> Option<TestApp> {
        use sqlx::Connection;
        sqlx::any::install_default_drivers();
        let admin = admin_url();
        let mut conn = match sqlx::AnyConnection::connect(&admin).await {
            Ok(conn) => conn,
            Err(error) => {
                if std::env::var("CI").is_ok_and(|v| v == "true") {
                    panic!("PostgreSQL at {admin} is unreachable in CI: {error}");
                }
                eprintln!("SKIPPED: PostgreSQL at {admin} is unreachable: {error}");
                return None;
            }
        };
        let name = unique("sigap_test");
        sqlx::query(&format!("CREATE DATABASE {name}"))
            .execute(&mut conn)
            .await
            .expect("create test database");
        conn.close().await.ok();
        let base = admin
            .rsplit_once('/')
            .map(|(b, _)| b.to_owned())
            .unwrap_or(admin);
        let url = format!("{base}/{name}");
        let data_dir = std::env::temp_dir().join(&name);
        std::fs::create_dir_all(&data_dir).unwrap();
        Some(Self::open(Engine::Postgres, url, data_dir, Some(name)).await)
    }

    async fn open(
        engine: Engine,
        url: String,
        data_dir: PathBuf,
        pg_name: Option<String>,
    ) -> TestApp {
        let config = Config {
            database_url: url.clone(),
            data_dir: data_dir.clone(),
            bind: "127.0.0.1:0".parse().unwrap(),
            time_zone: "Asia/Jakarta".into(),
            production: false,
            public_origin: None,
            jwt_secret: Secret::new(b"test-secret-that-is-long-enough-0123456789".to_vec()),
        };
        let db = server::startup::open_database(&config)
            .await
            .expect("open database");
        let state = server::startup::build_state(config, db.clone())
            .await
            .expect("state");
        TestApp {
            engine,
            db,
            state,
            data_dir,
            pg_name,
        }
    }

    /// The real router over this test's state.
    pub fn router(&self) -> Router {
        server::http::router(self.state.clone())
    }

    /// Sends one request through the router.
    pub async fn send(&self, request: Request<Body>) -> Response {
        self.router()
            .oneshot(request)
            .await
            .expect("router never fails")
    }

    /// GET `path` and return status and body text.
    pub async fn get(&self, path: &str) -> (u16, String) {
        let response = self
            .send(
                Request::get(path)
                    .header("host", HOST)
                    .body(Body::empty())
                    .unwrap(),
            )
            .await;
        let status = response.status().as_u16();
        (status, body_text(response).await)
    }

    /// Drops the PostgreSQL database / deletes the SQLite folder.
    pub async fn cleanup(self) {
        self.db.close().await;
        if let Some(name) = self.pg_name {
            use sqlx::Connection;
            if let Ok(mut conn) = sqlx::AnyConnection::connect(&admin_url()).await {
                let _ = sqlx::query(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
                    .execute(&mut conn)
                    .await;
            }
        }
        let _ = std::fs::remove_dir_all(&self.data_dir);
    }
}

/// The host tests send requests to.
pub const HOST: &str = "sigap.test";
/// The matching origin for state-changing requests.
pub const ORIGIN: &str = "http://sigap.test";

/// The whole body as text.
pub async fn body_text(response: Response) -> String {
    let bytes = response
        .into_body()
        .collect()
        .await
        .expect("body")
        .to_bytes();
    String::from_utf8_lossy(&bytes).into_owned()
}

/// A same-origin form POST.
pub fn form_post(path: &str, body: &str) -> Request<Body> {
    Request::post(path)
        .header("host", HOST)
        .header("origin", ORIGIN)
        .header("content-type", "application/x-www-form-urlencoded")
        .body(Body::from(body.to_owned()))
        .unwrap()
}

/// Runs the test body once on SQLite and once on PostgreSQL, as `NAME::sqlite` and
/// `NAME::postgres`.
#[macro_export]
macro_rules! db_test {
    ($name:ident, |$app:ident| $body:block) => {
        mod $name {
            #[allow(unused_imports)]
            use super::*;

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() {
                let $app = $crate::common::TestApp::sqlite().await;
                $body
                $app.cleanup().await;
            }

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn postgres() {
                let Some($app) = $crate::common::TestApp::postgres().await else {
                    return;
                };
                $body
                $app.cleanup().await;
            }
        }
    };
}
