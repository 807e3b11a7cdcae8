//! The role × endpoint matrix: every page, form handler and server function, tried as every
//! kind of person. Each row says what each role gets, in the order
//! anonymous, citizen, officer, supervisor, hr, admin:
//! `O` allowed (any answer below 500 that is not one of the next three), `S` sent to sign in
//! (302/303 to a sign-in page, or 401), `F` forbidden (403), `N` not found (404: someone else's
//! record, or one outside the viewer's unit, is not even admitted to exist).
//!
//! The test first checks that the matrix lists exactly the endpoints the router serves, so a
//! new endpoint without a row fails here. Later issues extend the rows.

use crate::common;

use axum::body::Body;
use axum::http::Request;
use common::{people, Jar, PASSWORD};
use std::collections::BTreeSet;

mod rows;
use rows::matrix;

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

/// Records the application rows act on: an application of citizen 1 to a service of unit A
/// (the officer's and supervisor's unit), one of citizen 2 to a service of unit B, and the
/// document uploaded to the first.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Records {
    mine: i64,
    other: i64,
    requirement: i64,
    document: i64,
}

/// Every endpoint the router serves, as (method, template).
fn served_endpoints() -> BTreeSet<(String, String)> {
    let mut served = BTreeSet::new();
    for listing in leptos_axum::generate_route_list(app::App) {
        served.insert(("GET".to_owned(), listing.path().to_owned()));
    }
    for (method, path, _) in server::http::plain_routes() {
        served.insert((method.to_owned(), path.to_owned()));
    }
    for (path, method) in leptos::server_fn::axum::server_fn_paths() {
        served.insert((method.to_string(), path.to_owned()));
    }
    served
}

#[test]
fn the_matrix_lists_every_endpoint_the_router_serves() {
    let listed: BTreeSet<(String, String)> = matrix(Records::default())
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
        (404, _) => 'N',
        (s, _) if s >= 500 => '!',
        _ => 'O',
    }
}

/// The people, the target staff member and the records the rows act on; one jar per role
/// (in the order of [`ROLES`]).
pub(crate) async fn arrange(app: &common::TestApp) -> (Records, Vec<Jar>) {
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
    let records = arrange_applications(app).await;
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
    (records, jars)
}

/// Every endpoint's concrete request: (method, template, path, form body).
pub(crate) fn requests(
    records: Records,
) -> Vec<(&'static str, &'static str, String, &'static str)> {
    matrix(records)
        .into_iter()
        .map(|(method, template, path, body, _)| (method, template, path, body))
        .collect()
}

db_test!(
    every_role_gets_what_the_matrix_says_at_every_endpoint,
    |app| {
        let (records, jars) = arrange(&app).await;
        let mut failures = Vec::new();
        let mut checked = 0;
        for (method, template, path, body, expect) in matrix(records) {
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
                let detail = if got == '!' {
                    common::body_text(response)
                        .await
                        .chars()
                        .take(300)
                        .collect()
                } else {
                    String::new()
                };
                let want = expect.chars().nth(i).unwrap();
                checked += 1;
                if got != want {
                    failures.push(format!("{method} {template} as {}: expected {want}, got {got} ({status} {location:?}) {detail}", ROLES[i]));
                }
            }
        }
        println!("role × endpoint matrix: {checked} checks");
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }
);

/// Two services (units A and B) and a submitted application to each, through the services.
async fn arrange_applications(app: &common::TestApp) -> Records {
    use app::server::accounts::RequestMeta;
    use app::server::catalog::admin::{
        add_requirement, save_service, RequirementInput, ServiceInput,
    };
    use app::server::session::account_viewer;
    let i18n = app::i18n::I18n {
        lang: app::i18n::Lang::Id,
    };
    let meta = RequestMeta::default();
    let account = |sql: &'static str, key: &'static str| async move {
        let id: i64 = sqlx::query_scalar(sql)
            .bind(key)
            .fetch_one(app.db.read())
            .await
            .unwrap();
        account_viewer(&app.db, id).await.unwrap().unwrap()
    };
    let staff_sql = "SELECT account_id FROM staff WHERE nip = $1";
    let citizen_sql = "SELECT account_id FROM citizen WHERE nik = $1";
    let admin = account(staff_sql, people::ADMIN).await;
    let mut ids = Vec::new();
    for (code, unit, nik) in [
        ("SVC-A", "UNIT-A", people::CITIZEN_1),
        ("SVC-B", "UNIT-B", people::CITIZEN_2),
    ] {
        let service = ServiceInput {
            code: code.into(),
            unit_code: unit.into(),
            name_id: format!("Layanan {code}"),
            completion_days: "5".into(),
            fee: "0".into(),
            active: "on".into(),
            ..ServiceInput::default()
        };
        save_service(&app.db, &admin, &service, None, &meta, i18n)
            .await
            .unwrap();
        let requirement = RequirementInput {
            label_id: "Fotokopi KTP".into(),
            needs_document: "on".into(),
            accepted_types: vec!["pdf".into()],
            max_size_kb: "1024".into(),
            ..RequirementInput::default()
        };
        add_requirement(&app.db, &admin, code, &requirement, &meta, i18n)
            .await
            .unwrap();
        let citizen = account(citizen_sql, nik).await;
        let id = app::server::applications::draft::start_draft(
            &app.state,
            &citizen,
            code,
            &format!("matrix-draft-key-{code}"),
        )
        .await
        .unwrap();
        let requirement: i64 = sqlx::query_scalar(
            "SELECT r.requirement_id FROM service_requirement r JOIN service_type s ON s.service_type_id = r.service_type_id WHERE s.code = $1",
        )
        .bind(code)
        .fetch_one(app.db.read())
        .await
        .unwrap();
        app::server::applications::draft::upload_document(
            &app.state,
            &citizen,
            id,
            requirement,
            "ktp.pdf",
            b"%PDF-1.4 matrix",
            &meta,
            i18n,
        )
        .await
        .unwrap();
        app::server::applications::draft::submit(&app.state, &citizen, id, i18n)
            .await
            .unwrap();
        ids.push((id, requirement));
    }
    let document: i64 = sqlx::query_scalar(
        "SELECT document_id FROM application_document WHERE application_id = $1",
    )
    .bind(ids[0].0)
    .fetch_one(app.db.read())
    .await
    .unwrap();
    Records {
        mine: ids[0].0,
        other: ids[1].0,
        requirement: ids[0].1,
        document,
    }
}
