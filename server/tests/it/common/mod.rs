//! Test harness: a fresh, migrated database per test on SQLite and on PostgreSQL, and the real
//! router driven in-process.
//!
//! PostgreSQL tests create their own database on the server at `SIGAP_TEST_PG`
//! (default `postgres://postgres@127.0.0.1:5432/postgres`) and drop it afterwards. When that
//! server is unreachable they are skipped with a message, except with `CI=true`, where they fail.

#![allow(dead_code)]

use app::server::config::{Config, Secret};
use app::server::{db::Db, state::AppState, state::StateParts};
use axum::{body::Body, http::Request, response::Response, Router};
use http_body_util::BodyExt;
use std::path::PathBuf;
use std::sync::atomic::{AtomicU32, Ordering};
use tower::ServiceExt;

mod empty_pg;
mod jar;
pub mod live;
pub use empty_pg::EmptyPostgres;
pub use jar::Jar;

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
    /// The database URL (for the real binary, see [`live`]).
    pub url: String,
    pg_name: Option<String>,
    /// The router over `state`, built on first use: building it renders the route list, which
    /// cost more than most requests. Tests that change `state` do it through [`Self::state_mut`].
    router: std::sync::OnceLock<Router>,
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
            time_zone: app::domain::tz::TimeZone::Jakarta,
            production: false,
            public_origin: None,
            trust_proxy: false,
            jwt_secret: Secret::new(live::SECRET.as_bytes().to_vec()),
            replica_url: None,
            storage_url: None,
            outbox_lease_secs: 60,
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
            url,
            pg_name,
            router: std::sync::OnceLock::new(),
        }
    }

    /// The real router over this test's state.
    pub fn router(&self) -> Router {
        self.router
            .get_or_init(|| server::http::router(self.state.clone()))
            .clone()
    }

    /// The state, to change it; the next request gets a router over the changed state.
    pub fn state_mut(&mut self) -> &mut StateParts {
        self.router = std::sync::OnceLock::new();
        self.state.parts_mut()
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

impl TestApp {
    /// GET with cookies; returns status, `Location` (if any) and body.
    pub async fn get_as(&self, path: &str, jar: &Jar) -> (u16, Option<String>, String) {
        let request = Request::get(path)
            .header("host", HOST)
            .header("cookie", jar.header())
            .body(Body::empty())
            .unwrap();
        let response = self.send(request).await;
        let status = response.status().as_u16();
        let location = response
            .headers()
            .get("location")
            .map(|v| v.to_str().unwrap().to_owned());
        (status, location, body_text(response).await)
    }

    /// A same-origin form POST with cookies; the jar takes any cookies set.
    pub async fn post_as(
        &self,
        path: &str,
        body: &str,
        jar: &mut Jar,
    ) -> (u16, Option<String>, String) {
        let request = Request::post(path)
            .header("host", HOST)
            .header("origin", ORIGIN)
            .header("cookie", jar.header())
            .header("content-type", "application/x-www-form-urlencoded")
            .body(Body::from(body.to_owned()))
            .unwrap();
        let response = self.send(request).await;
        jar.absorb(&response);
        let status = response.status().as_u16();
        let location = response
            .headers()
            .get("location")
            .map(|v| v.to_str().unwrap().to_owned());
        (status, location, body_text(response).await)
    }

    /// Signs in through `door` (`/masuk` or `/petugas/masuk`) and returns the cookies.
    pub async fn sign_in(&self, door: &str, identifier: &str, password: &str) -> Jar {
        let mut jar = Jar::default();
        let body = format!("identifier={}&password={}", enc(identifier), enc(password));
        let (status, location, page) = self.post_as(door, &body, &mut jar).await;
        assert_eq!(status, 303, "sign-in as {identifier} failed: {page}");
        assert_eq!(location.as_deref(), Some("/akun"));
        jar
    }

    /// Units `A` and `B`, and one person per role with password [`PASSWORD`]:
    /// admin, hr, supervisor (unit A), officer (unit A, supervised), officer (unit B), and two
    /// citizens.
    pub async fn seed_people(&self) -> People {
        use app::auth::Role;
        use app::domain::{contact::FullName, nip::Nip, password::NewPassword};
        use app::server::accounts::admin::{ensure_staff, DirectStaff};
        app::server::units::upsert_unit(&self.db, "UNIT-A", "Dinas A")
            .await
            .unwrap();
        app::server::units::upsert_unit(&self.db, "UNIT-B", "Dinas B")
            .await
            .unwrap();
        let password = NewPassword::parse(PASSWORD, &[]).unwrap();
        type Seed<'a> = (&'a str, &'a str, &'a str, &'a [Role], Option<&'a str>);
        let staff: [Seed<'_>; 5] = [
            (people::ADMIN, "Admin Satu", "UNIT-A", &[Role::Admin], None),
            (people::HR, "Hera Dua", "UNIT-B", &[Role::Hr], None),
            (
                people::SUPERVISOR,
                "Supri Tiga",
                "UNIT-A",
                &[Role::Supervisor],
                None,
            ),
            (
                people::OFFICER_A,
                "Opi Empat",
                "UNIT-A",
                &[Role::Officer],
                Some(people::SUPERVISOR),
            ),
            (
                people::OFFICER_B,
                "Obi Lima",
                "UNIT-B",
                &[Role::Officer],
                None,
            ),
        ];
        for (nip, name, unit, roles, supervisor) in staff {
            let nip = Nip::parse(nip).unwrap();
            let name = FullName::parse(name).unwrap();
            ensure_staff(
                &self.db,
                &DirectStaff {
                    nip: &nip,
                    name: &name,
                    email: None,
                    unit_code: Some(unit),
                    roles,
                    supervisor_nip: supervisor,
                    password: &password,
                },
                &app::server::audit::Actor::system(),
            )
            .await
            .unwrap();
        }
        for (nik, name, email) in [
            (people::CITIZEN_1, "Warga Satu", "warga1@example.id"),
            (people::CITIZEN_2, "Warga Dua", "warga2@example.id"),
        ] {
            let email = app::domain::contact::Email::parse(email).unwrap();
            app::server::accounts::register::create_citizen_directly(
                &self.db,
                nik,
                name,
                Some(&email),
                None,
                PASSWORD,
            )
            .await
            .unwrap();
        }
        People
    }
}

/// The password every seeded person has.
pub const PASSWORD: &str = "kopi susu pagi hari";

/// Identifiers of the seeded people.
pub mod people {
    pub const ADMIN: &str = "198001012005011001";
    pub const HR: &str = "198511252010012003";
    pub const SUPERVISOR: &str = "197805102003121001";
    pub const OFFICER_A: &str = "199001152015032001";
    pub const OFFICER_B: &str = "199203202016041002";
    pub const CITIZEN_1: &str = "3171011505900003";
    pub const CITIZEN_2: &str = "1275015508950001";
}

/// Marker that [`TestApp::seed_people`] ran.
pub struct People;

/// Percent-encodes a form value.
pub fn enc(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            b' ' => "+".to_owned(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}
