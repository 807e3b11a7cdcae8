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
struct Records {
    mine: i64,
    other: i64,
    requirement: i64,
    document: i64,
}

/// (method, route template, concrete request path, form body, expectations per role)
fn matrix(
    records: Records,
) -> Vec<(
    &'static str,
    &'static str,
    String,
    &'static str,
    &'static str,
)> {
    let target = |s: &str| {
        s.replace("{nip}", TARGET_NIP)
            .replace("{code}", "UNIT-B")
            .replace("{service}", "SVC-A")
            .replace("{mine}", &records.mine.to_string())
            .replace("{other}", &records.other.to_string())
            .replace("{requirement}", &records.requirement.to_string())
            .replace("{document}", &records.document.to_string())
            .replace("{what}", "requirement")
            .replace("{nothing}", "0")
            .replace("{day}", "2026-12-25")
            .replace("{token}", "not-a-token")
            .replace("{list}", "peringkat")
            .replace("{name}", "2026-S1")
    };
    let template_of = |s: &str| {
        s.replace("{service}", "{code}")
            .replace("{mine}", "{id}")
            .replace("{other}", "{id}")
            .replace("{document}", "{id}")
            .replace("{nothing}", "{id}")
    };
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
        // Service catalog and the public side of applications.
        ("GET", "/layanan", "", "OOOOOO"),
        ("GET", "/layanan/{service}", "", "OOOOOO"),
        ("GET", "/cek-status", "", "OOOOOO"),
        ("POST", "/cek-status", "nomor=X&nik4=0000", "NNNNNN"),
        ("GET", "/verifikasi/{code}", "", "NNNNNN"),
        ("GET", "/api/services?q=", "", "OOOOOO"),
        ("GET", "/api/service?code={service}", "", "OOOOOO"),
        (
            "GET",
            "/api/applications/status?number=X&nik4=0000",
            "",
            "NNNNNN",
        ),
        ("GET", "/api/permits/verify?code=unknown", "", "OOOOOO"),
        // The citizen's side: own application vs someone else's.
        ("GET", "/permohonan", "", "SOFFFF"),
        ("GET", "/api/applications/mine", "", "SOFFFF"),
        ("GET", "/permohonan/{mine}", "", "SOOONN"),
        ("GET", "/permohonan/{other}", "", "SNNNNN"),
        ("GET", "/api/applications/detail?id={mine}", "", "SOOONN"),
        ("GET", "/api/applications/detail?id={other}", "", "SNNNNN"),
        ("GET", "/permohonan/{mine}/isi", "", "SOOONN"),
        ("GET", "/permohonan/{mine}/dokumen", "", "SOOONN"),
        ("GET", "/permohonan/{mine}/periksa", "", "SOOONN"),
        ("GET", "/permohonan/{mine}/terkirim", "", "SOOONN"),
        ("GET", "/permohonan/{mine}/izin", "", "SNNNNN"),
        ("GET", "/permohonan/{mine}/batal", "", "SOOONN"),
        ("GET", "/api/permits/of?id={mine}", "", "SNNNNN"),
        ("GET", "/dokumen/{document}", "", "SOOONN"),
        ("POST", "/layanan/{service}/ajukan", "", "SOFFFF"),
        ("POST", "/permohonan/{mine}/isi", "", "SONNNN"),
        (
            "POST",
            "/permohonan/{mine}/dokumen/{requirement}",
            "",
            "SONNNN",
        ),
        ("POST", "/permohonan/{mine}/ajukan", "", "SONNNN"),
        ("POST", "/permohonan/{mine}/perbaikan", "", "SONNNN"),
        ("POST", "/permohonan/{other}/batal", "", "SNNNNN"),
        // Officers: their unit's queue and cases only.
        ("GET", "/petugas/antrian", "", "SFOOFF"),
        (
            "GET",
            "/api/applications/queue?tab=new&sort=&q=",
            "",
            "SFOOFF",
        ),
        ("GET", "/petugas/permohonan/{mine}", "", "SFOOFF"),
        ("GET", "/petugas/permohonan/{other}", "", "SFNNFF"),
        ("GET", "/petugas/loket", "", "SFOOFF"),
        ("GET", "/api/applications/counter-services", "", "SFOOFF"),
        ("POST", "/petugas/permohonan/{mine}/langkah", "", "SNOONN"),
        (
            "POST",
            "/petugas/permohonan/{other}/langkah",
            "action=reject",
            "SNNNNN",
        ),
        ("POST", "/petugas/permohonan/{mine}/tugaskan", "", "SNOONN"),
        ("POST", "/petugas/permohonan/{other}/tugaskan", "", "SNNNNN"),
        ("POST", "/petugas/loket", "", "SFOOFF"),
        // The satisfaction survey: answering (public), counter invitations (officers),
        // follow-up (supervisors), the published index (public).
        ("GET", "/survei", "", "OOOOOO"),
        ("GET", "/survei/terima-kasih", "", "OOOOOO"),
        ("GET", "/survei/sudah-dijawab", "", "OOOOOO"),
        ("GET", "/survei/{token}", "", "NNNNNN"),
        ("GET", "/api/survey/open?token={token}", "", "OOOOOO"),
        ("POST", "/survei", "", "OOOOOO"),
        ("POST", "/survei/{token}", "u1=4", "NNFFFF"),
        ("GET", "/api/survey/of-application?id={mine}", "", "SOOONN"),
        ("GET", "/api/survey/of-application?id={other}", "", "SNNNNN"),
        ("GET", "/petugas/survei-loket", "", "SFOFFF"),
        ("GET", "/petugas/survei-loket/{nothing}", "", "SFNFFF"),
        ("GET", "/api/survey/counter-slip?id={nothing}", "", "SNNNNN"),
        ("POST", "/petugas/survei-loket", "", "SFOFFF"),
        ("GET", "/petugas/tindak-lanjut", "", "SFFOFF"),
        ("GET", "/api/survey/followup?period=", "", "SFFOFF"),
        (
            "POST",
            "/petugas/tindak-lanjut/{nothing}/tutup",
            "",
            "SFFOFF",
        ),
        ("POST", "/petugas/rencana", "", "SFFOFF"),
        ("POST", "/petugas/rencana/{nothing}", "", "SFFOFF"),
        ("GET", "/ikm", "", "OOOOOO"),
        ("GET", "/ikm/{code}", "", "OOOOOO"),
        ("GET", "/api/ikm/units?period=", "", "OOOOOO"),
        ("GET", "/api/ikm/unit?code={code}&period=", "", "OOOOOO"),
        // Appraisal: the supervisor's officers, the officer's own page; others not even learn
        // that an appraisal exists.
        ("GET", "/petugas/penilaian", "", "SFFOFF"),
        ("GET", "/petugas/penilaian/{nip}", "", "SNNNON"),
        ("GET", "/penilaian/{nip}/cetak", "", "SNNNON"),
        ("GET", "/akun/kinerja", "", "SFOOOO"),
        ("GET", "/api/appraisal/supervised?period=", "", "SFFOFF"),
        ("GET", "/api/appraisal/mine?period=", "", "SFOOOO"),
        ("GET", "/api/appraisal/officer?nip={nip}&period=", "", "SNNNON"),
        ("GET", "/api/appraisal/periods", "", "SFOOOO"),
        ("POST", "/petugas/penilaian/{nip}", "", "SNNNNN"),
        ("POST", "/akun/kinerja/keberatan", "", "SNNNNN"),
        // HR (BKPSDM): the ranking, one officer, periods, follow-up lists and downloads.
        ("GET", "/hr", "", "SFFFOF"),
        ("GET", "/hr/pegawai/{nip}", "", "SFFFOF"),
        ("GET", "/hr/periode", "", "SFFFOF"),
        ("GET", "/hr/tindak-lanjut", "", "SFFFOF"),
        ("GET", "/hr/ekspor/{list}?format=csv", "", "SFFFOF"),
        (
            "GET",
            "/api/hr/ranking?period=&filter[unit]=&filter[service]=&filter[predikat]=&filter[insufficient]=false",
            "",
            "SFFFOF",
        ),
        ("GET", "/api/hr/officer?nip={nip}&period=", "", "SFFFOF"),
        ("GET", "/api/hr/periods?period=", "", "SFFFOF"),
        ("GET", "/api/hr/followup?period=", "", "SFFFOF"),
        ("POST", "/hr/periode", "", "SFFFOF"),
        ("POST", "/hr/periode/{name}/tutup", "", "SFFFNF"),
        ("POST", "/hr/periode/{name}/organisasi", "", "SFFFNF"),
        ("POST", "/hr/keberatan/{nothing}", "", "SFFFNF"),
        ("POST", "/hr/tindak-lanjut/potensi", "", "SFFFOF"),
        // Catalog administration.
        ("GET", "/admin/layanan", "", "SFFFFO"),
        ("GET", "/admin/layanan/baru", "", "SFFFFO"),
        ("GET", "/admin/layanan/{service}", "", "SFFFFO"),
        ("GET", "/admin/libur", "", "SFFFFO"),
        ("GET", "/admin/nomor-izin", "", "SFFFFO"),
        ("GET", "/api/admin/permit-pattern", "", "SFFFFO"),
        ("POST", "/admin/nomor-izin", "", "SFFFFO"),
        ("GET", "/api/admin/services", "", "SFFFFO"),
        ("GET", "/api/holidays", "", "OOOOOO"),
        ("POST", "/admin/layanan/baru", "", "SFFFFO"),
        ("POST", "/admin/layanan/{service}", "", "SFFFFO"),
        ("POST", "/admin/layanan/{service}/persyaratan", "", "SFFFFO"),
        ("POST", "/admin/layanan/{service}/pertanyaan", "", "SFFFFO"),
        (
            "POST",
            "/admin/layanan/{service}/hapus/{what}/{nothing}",
            "",
            "SFFFFN",
        ),
        ("POST", "/admin/libur", "", "SFFFFO"),
        ("POST", "/admin/libur/{day}/hapus", "", "SFFFFN"),
        // The applicant withdraws (changes the record, so after the rows that read it).
        ("POST", "/permohonan/{mine}/batal", "", "SONNNN"),
        // Last: signing out ends each role's session.
        ("POST", "/keluar", "", "OOOOOO"),
    ];
    rows.into_iter()
        .map(|(method, path, body, expect)| {
            let template = template_of(path.split('?').next().unwrap());
            let template: &'static str = Box::leak(template.into_boxed_str());
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
        let records = arrange_applications(&app).await;
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
