//! The role × endpoint matrix: every page, form handler and server function, tried as every
//! kind of person. Each row says what each role gets, in the order
//! anonymous, citizen, officer, supervisor, hr, admin:
//! `O` allowed (any answer below 500 that is not one of the next two), `S` sent to sign in
//! (302/303 to a sign-in page, or 401), `F` forbidden (403).
//!
//! The test first checks that the matrix lists exactly the endpoints the router serves, so a
//! new endpoint without a row fails here. Later issues extend the rows.

mod common;

use axum::body::Body;
use axum::http::Request;
use common::{people, Jar, PASSWORD};
use std::collections::BTreeSet;

/// A staff member the admin rows act on, so no role's own account changes mid-test.
const TARGET_NIP: &str = "199707072022031005";

const ROLES: [&str; 6] = [
    "anonymous",
    "citizen",
    "officer",
    "supervisor",
    "hr",
    "admin",
];

/// (method, route template, concrete request path, form body, expectations per role)
fn matrix() -> Vec<(
    &'static str,
    &'static str,
    String,
    &'static str,
    &'static str,
)> {
    let target = |s: &str| s.replace("{nip}", TARGET_NIP).replace("{code}", "UNIT-B");
    let rows: Vec<(&str, &str, &str, &str)> = vec![
        // Public pages.
        ("GET", "/", "", "OOOOOO"),
        ("GET", "/tentang", "", "OOOOOO"),
        ("GET", "/privasi", "", "OOOOOO"),
        ("GET", "/daftar", "", "OOOOOO"),
        ("GET", "/masuk", "", "OOOOOO"),
        ("GET", "/petugas/masuk", "", "OOOOOO"),
        ("GET", "/lupa-sandi", "", "OOOOOO"),
        ("GET", "/atur-sandi", "", "OOOOOO"),
        ("GET", "/healthz", "", "OOOOOO"),
        ("GET", "/readyz", "", "OOOOOO"),
        // Signed-in pages.
        ("GET", "/akun", "", "SOOOOO"),
        ("GET", "/akun/sandi", "", "SOOOOO"),
        // Admin pages.
        ("GET", "/admin", "", "SFFFFO"),
        ("GET", "/admin/unit", "", "SFFFFO"),
        ("GET", "/admin/pegawai", "", "SFFFFO"),
        ("GET", "/admin/pegawai/baru", "", "SFFFFO"),
        ("GET", "/admin/pegawai/{nip}", "", "SFFFFO"),
        ("GET", "/admin/impor", "", "SFFFFO"),
        ("GET", "/admin/audit", "", "SFFFFO"),
        // Public forms.
        ("POST", "/bahasa", "lang=en&next=/", "OOOOOO"),
        ("POST", "/daftar", "", "OOOOOO"),
        ("POST", "/masuk", "", "OOOOOO"),
        ("POST", "/petugas/masuk", "", "OOOOOO"),
        ("POST", "/lupa-sandi", "", "OOOOOO"),
        ("POST", "/atur-sandi", "", "OOOOOO"),
        // Own account.
        ("POST", "/akun", "", "SOFFFF"),
        ("POST", "/akun/sandi", "", "SOOOOO"),
        // Admin forms.
        ("POST", "/admin/unit", "", "SFFFFO"),
        ("POST", "/admin/unit/{code}/status", "active=1", "SFFFFO"),
        ("POST", "/admin/pegawai/baru", "", "SFFFFO"),
        ("POST", "/admin/pegawai/{nip}", "", "SFFFFO"),
        ("POST", "/admin/pegawai/{nip}/status", "active=1", "SFFFFO"),
        ("POST", "/admin/pegawai/{nip}/aktivasi", "", "SFFFFO"),
        ("POST", "/admin/impor", "", "SFFFFO"),
        // Server functions.
        ("GET", "/api/units", "", "OOOOOO"),
        ("GET", "/api/account/profile", "", "SOOOOO"),
        ("GET", "/api/account/password-link?token=x", "", "OOOOOO"),
        ("GET", "/api/admin/units", "", "SFFFFO"),
        (
            "GET",
            "/api/admin/staff?filter[unit]=&filter[q]=",
            "",
            "SFFFFO",
        ),
        ("GET", "/api/admin/staff-member?nip={nip}", "", "SFFFFO"),
        (
            "GET",
            "/api/admin/audit?actor=&action=&from=&until=&page=0",
            "",
            "SFFFFO",
        ),
        // Last: signing out ends each role's session.
        ("POST", "/keluar", "", "OOOOOO"),
    ];
    rows.into_iter()
        .map(|(method, path, body, expect)| {
            let template = path.split('?').next().unwrap();
            let template: &'static str = Box::leak(template.to_owned().into_boxed_str());
            (method, template, target(path), body, expect)
        })
        .collect()
}

/// Every endpoint the router serves, as (method, template).
fn served_endpoints() -> BTreeSet<(String, String)> {
    let mut served = BTreeSet::new();
    for listing in leptos_axum::generate_route_list(app::App) {
        served.insert(("GET".to_owned(), listing.path().to_owned()));
    }
    for (path, _) in server::http::plain_routes() {
        let method = if path == "/healthz" || path == "/readyz" {
            "GET"
        } else {
            "POST"
        };
        served.insert((method.to_owned(), path.to_owned()));
    }
    for (path, method) in leptos::server_fn::axum::server_fn_paths() {
        served.insert((method.to_string(), path.to_owned()));
    }
    served
}

#[test]
fn the_matrix_lists_every_endpoint_the_router_serves() {
    let listed: BTreeSet<(String, String)> = matrix()
        .iter()
        .map(|(m, t, ..)| (m.to_string(), t.to_string()))
        .collect();
    let served = served_endpoints();
    let missing: Vec<_> = served.difference(&listed).collect();
    let stale: Vec<_> = listed.difference(&served).collect();
    assert!(
        missing.is_empty(),
        "endpoints without a matrix row: {missing:?}"
    );
    assert!(
        stale.is_empty(),
        "matrix rows for endpoints that do not exist: {stale:?}"
    );
}

fn classify(status: u16, location: Option<&str>) -> char {
    match (status, location) {
        (401, _) => 'S',
        (302 | 303, Some(l)) if l.starts_with("/masuk") || l.starts_with("/petugas/masuk") => 'S',
        (403, _) => 'F',
        (s, _) if s >= 500 => '!',
        _ => 'O',
    }
}

db_test!(
    every_role_gets_what_the_matrix_says_at_every_endpoint,
    |app| {
        use app::auth::Role;
        use app::domain::{contact::FullName, nip::Nip, password::NewPassword};
        app.seed_people().await;
        let password = NewPassword::parse(PASSWORD, &[]).unwrap();
        app::server::accounts::admin::ensure_staff(
            &app.db,
            &app::server::accounts::admin::DirectStaff {
                nip: &Nip::parse(TARGET_NIP).unwrap(),
                name: &FullName::parse("Target Uji").unwrap(),
                email: None,
                unit_code: Some("UNIT-B"),
                roles: &[Role::Officer],
                supervisor_nip: None,
                password: &password,
            },
            &app::server::audit::Actor::system(),
        )
        .await
        .unwrap();
        let mut jars = vec![Jar::default()];
        jars.push(app.sign_in("/masuk", people::CITIZEN_1, PASSWORD).await);
        for nip in [
            people::OFFICER_A,
            people::SUPERVISOR,
            people::HR,
            people::ADMIN,
        ] {
            jars.push(app.sign_in("/petugas/masuk", nip, PASSWORD).await);
        }
        let mut failures = Vec::new();
        let mut checked = 0;
        for (method, template, path, body, expect) in matrix() {
            for (i, jar) in jars.iter().enumerate() {
                let request = Request::builder()
                    .method(method)
                    .uri(&path)
                    .header("host", common::HOST)
                    .header("origin", common::ORIGIN)
                    .header("cookie", jar.header())
                    .header("content-type", "application/x-www-form-urlencoded")
                    .body(Body::from(body))
                    .unwrap();
                let response = app.send(request).await;
                let status = response.status().as_u16();
                let location = response
                    .headers()
                    .get("location")
                    .map(|v| v.to_str().unwrap().to_owned());
                let got = classify(status, location.as_deref());
                let want = expect.chars().nth(i).unwrap();
                checked += 1;
                if got != want {
                    failures.push(format!("{method} {template} as {}: expected {want}, got {got} ({status} {location:?})", ROLES[i]));
                }
            }
        }
        println!("role × endpoint matrix: {checked} checks");
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }
);
