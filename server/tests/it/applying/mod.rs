//! Helpers of the application tests (issue 4): a service defined through the admin forms, a
//! citizen's application driven through the router, staff steps, multipart uploads, small
//! files with real signatures, and reads of the tracking log.

#![allow(dead_code)]

use crate::common::{body_text, people, Jar, TestApp, HOST, ORIGIN, PASSWORD};
use app::auth::{Role, Viewer};
use app::i18n::{I18n, Lang};
use axum::body::Body;
use axum::http::Request;

/// The service every test applies for: unit A, five working days, two documents and one
/// required question.
pub const CODE: &str = "IZIN-UJI";

/// Indonesian, as most visitors read it.
pub const ID: I18n = I18n { lang: Lang::Id };

/// The ids of what the test service asks for.
#[derive(Clone, Copy, Debug)]
pub struct Service {
    /// "KTP pemohon": PDF, PNG or JPEG up to 64 KB.
    pub ktp: i64,
    /// "Surat pernyataan": PDF only, up to 64 KB.
    pub letter: i64,
    /// "Nama usaha": a required text question.
    pub field: i64,
}

/// An answer to `POST`: status, `Location` and body.
pub type Answer = (u16, Option<String>, String);

/// A small but real PDF.
pub fn pdf(text: &str) -> Vec<u8> {
    format!("%PDF-1.4\n% {text}\n%%EOF\n").into_bytes()
}

/// A PNG header declaring `w` × `h` pixels.
pub fn png(w: u32, h: u32) -> Vec<u8> {
    let mut b = vec![0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13];
    b.extend_from_slice(b"IHDR");
    b.extend_from_slice(&w.to_be_bytes());
    b.extend_from_slice(&h.to_be_bytes());
    b.extend_from_slice(&[8, 6, 0, 0, 0, 0, 0, 0, 0]);
    b
}

/// Seeds the people, signs the admin in and defines the service through the admin forms.
pub async fn define_service(app: &TestApp) -> Service {
    app.seed_people().await;
    let mut admin = app.sign_in("/petugas/masuk", people::ADMIN, PASSWORD).await;
    let facing = [
        "start_verification",
        "request_correction",
        "accept_documents",
        "complete",
    ]
    .map(|s| format!("citizen_facing={s}"))
    .join("&");
    let service = format!(
        "code={CODE}&unit_code=UNIT-A&name_id=Izin+Uji+Coba&name_en=Test+Permit&completion_days=5&fee=0&permit_code=SIUJ&active=on&{facing}"
    );
    let parts = [
        ("/admin/layanan/baru".to_owned(), service),
        (
            format!("/admin/layanan/{CODE}/persyaratan"),
            "label_id=KTP+pemohon&needs_document=on&accepted_types=pdf&accepted_types=png&accepted_types=jpeg&max_size_kb=64".to_owned(),
        ),
        (
            format!("/admin/layanan/{CODE}/persyaratan"),
            "label_id=Surat+pernyataan&needs_document=on&accepted_types=pdf&max_size_kb=64"
                .to_owned(),
        ),
        (
            format!("/admin/layanan/{CODE}/pertanyaan"),
            "label_id=Nama+usaha&kind=text&required=on".to_owned(),
        ),
    ];
    for (path, body) in parts {
        let (status, _, page) = app.post_as(&path, &body, &mut admin).await;
        assert_eq!(status, 303, "{path}: {page}");
    }
    let requirements = ids(
        app,
        "SELECT requirement_id FROM service_requirement ORDER BY position",
    )
    .await;
    let fields = ids(app, "SELECT field_id FROM service_field").await;
    Service {
        ktp: requirements[0],
        letter: requirements[1],
        field: fields[0],
    }
}

/// Starts a draft with `draft_key` and returns its id.
pub async fn start(app: &TestApp, citizen: &mut Jar, draft_key: &str) -> i64 {
    let path = format!("/layanan/{CODE}/ajukan");
    let (status, location, page) = app
        .post_as(&path, &format!("draft_key={draft_key}"), citizen)
        .await;
    assert_eq!(status, 303, "{page}");
    let location = location.unwrap();
    location
        .strip_prefix("/permohonan/")
        .and_then(|rest| rest.strip_suffix("/isi"))
        .and_then(|id| id.parse().ok())
        .unwrap_or_else(|| panic!("unexpected redirect {location}"))
}

/// Uploads `bytes` as `file_name` for `requirement` (multipart field `file`).
pub async fn upload(
    app: &TestApp,
    jar: &Jar,
    id: i64,
    requirement: i64,
    file_name: &str,
    bytes: &[u8],
) -> Answer {
    let boundary = "XsigapUploadBoundary";
    let mut body = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{file_name}\"\r\nContent-Type: application/octet-stream\r\n\r\n"
    )
    .into_bytes();
    body.extend_from_slice(bytes);
    body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
    let request = Request::post(format!("/permohonan/{id}/dokumen/{requirement}"))
        .header("host", HOST)
        .header("origin", ORIGIN)
        .header("cookie", jar.header())
        .header(
            "content-type",
            format!("multipart/form-data; boundary={boundary}"),
        )
        .body(Body::from(body))
        .unwrap();
    let response = app.send(request).await;
    let status = response.status().as_u16();
    let location = response
        .headers()
        .get("location")
        .map(|v| v.to_str().unwrap().to_owned());
    (status, location, body_text(response).await)
}

/// Answers the question, uploads both documents and submits; returns the registration number.
pub async fn fill_and_submit(
    app: &TestApp,
    citizen: &mut Jar,
    service: Service,
    id: i64,
) -> String {
    let answers = format!("field_{}=Warung+Sejahtera", service.field);
    let (status, _, page) = app
        .post_as(&format!("/permohonan/{id}/isi"), &answers, citizen)
        .await;
    assert_eq!(status, 303, "{page}");
    for (requirement, name) in [(service.ktp, "ktp.pdf"), (service.letter, "surat.pdf")] {
        let (status, _, page) = upload(app, citizen, id, requirement, name, &pdf(name)).await;
        assert_eq!(status, 303, "{page}");
    }
    let (status, location, page) = app
        .post_as(&format!("/permohonan/{id}/ajukan"), "", citizen)
        .await;
    assert_eq!(
        (status, location.as_deref()),
        (303, Some(format!("/permohonan/{id}/terkirim").as_str())),
        "{page}"
    );
    reg_number(app, id).await.expect("a registration number")
}

/// A defined service and one application of citizen 1, submitted.
pub struct Submitted {
    /// The service.
    pub service: Service,
    /// The application.
    pub id: i64,
    /// Its registration number.
    pub number: String,
    /// Citizen 1, signed in.
    pub citizen: Jar,
    /// Officer A (the service's unit), signed in.
    pub officer: Jar,
}

/// Defines the service and submits one application as citizen 1.
pub async fn submitted(app: &TestApp) -> Submitted {
    let service = define_service(app).await;
    let mut citizen = app.sign_in("/masuk", people::CITIZEN_1, PASSWORD).await;
    let id = start(app, &mut citizen, "draft-key-0001-abcdef").await;
    let number = fill_and_submit(app, &mut citizen, service, id).await;
    let officer = app
        .sign_in("/petugas/masuk", people::OFFICER_A, PASSWORD)
        .await;
    Submitted {
        service,
        id,
        number,
        citizen,
        officer,
    }
}

/// A staff step through the router (`action=…` plus notes).
pub async fn step(app: &TestApp, staff: &mut Jar, id: i64, body: &str) -> Answer {
    app.post_as(&format!("/petugas/permohonan/{id}/langkah"), body, staff)
        .await
}

/// A staff step that must succeed.
pub async fn step_ok(app: &TestApp, staff: &mut Jar, id: i64, body: &str) {
    let (status, location, page) = step(app, staff, id, body).await;
    assert_eq!(
        (status, location.as_deref()),
        (
            303,
            Some(format!("/petugas/permohonan/{id}?ok=step").as_str())
        ),
        "{body}: {page}"
    );
}

/// A number from SQL.
pub async fn count(app: &TestApp, sql: &str) -> i64 {
    sqlx::query_scalar(sql)
        .fetch_one(app.db.read())
        .await
        .unwrap()
}

/// A column of ids from SQL.
pub async fn ids(app: &TestApp, sql: &str) -> Vec<i64> {
    sqlx::query_scalar(sql)
        .fetch_all(app.db.read())
        .await
        .unwrap()
}

/// Runs a statement (tests simulate days passing this way).
pub async fn exec(app: &TestApp, sql: &str) {
    sqlx::query(sql).execute(app.db.write()).await.unwrap();
}

/// The application's state code.
pub async fn state_of(app: &TestApp, id: i64) -> String {
    sqlx::query_scalar("SELECT state FROM application WHERE application_id = $1")
        .bind(id)
        .fetch_one(app.db.read())
        .await
        .unwrap()
}

/// The application's registration number.
pub async fn reg_number(app: &TestApp, id: i64) -> Option<String> {
    sqlx::query_scalar("SELECT reg_number FROM application WHERE application_id = $1")
        .bind(id)
        .fetch_one(app.db.read())
        .await
        .unwrap()
}

/// One tracking-log row: action, from, to, actor kind, actor account.
pub type Event = (String, String, String, String, Option<i64>);

/// The tracking log of an application, in order.
pub async fn events(app: &TestApp, id: i64) -> Vec<Event> {
    sqlx::query_as(
        "SELECT action, from_state, to_state, actor_kind, actor_account_id FROM application_event
         WHERE application_id = $1 ORDER BY event_id",
    )
    .bind(id)
    .fetch_all(app.db.read())
    .await
    .unwrap()
}

/// Outbox rows queued for an application's notice (`submitted`, `correction`, …).
pub async fn notices(app: &TestApp, id: i64, notice: &str) -> i64 {
    sqlx::query_scalar("SELECT COUNT(*) FROM outbox WHERE dedupe_key LIKE $1")
        .bind(format!("application:{id}:{notice}:%"))
        .fetch_one(app.db.read())
        .await
        .unwrap()
}

/// The account of a citizen (by NIK) or staff member (by NIP).
pub async fn account_id(app: &TestApp, identifier: &str) -> i64 {
    sqlx::query_scalar(
        "SELECT account_id FROM citizen WHERE nik = $1 UNION SELECT account_id FROM staff WHERE nip = $1",
    )
    .bind(identifier)
    .fetch_one(app.db.read())
    .await
    .unwrap()
}

/// The viewer the session layer would resolve for a seeded person, to call services directly.
pub async fn viewer(app: &TestApp, identifier: &str) -> Viewer {
    let account_id = account_id(app, identifier).await;
    let staff: Option<(String, Option<i64>)> =
        sqlx::query_as("SELECT full_name, unit_id FROM staff WHERE account_id = $1")
            .bind(account_id)
            .fetch_optional(app.db.read())
            .await
            .unwrap();
    match staff {
        Some((name, unit_id)) => {
            let roles: Vec<String> =
                sqlx::query_scalar("SELECT role FROM staff_role WHERE account_id = $1")
                    .bind(account_id)
                    .fetch_all(app.db.read())
                    .await
                    .unwrap();
            Viewer::Staff {
                account_id,
                name,
                unit_id,
                roles: roles.iter().filter_map(|r| Role::parse(r)).collect(),
            }
        }
        None => Viewer::Citizen {
            account_id,
            name: "Warga".into(),
        },
    }
}

/// A page's text without the markers the renderer puts between pieces (`<!>`, `<wbr>`).
pub fn visible(page: &str) -> String {
    page.replace("<!>", "").replace("<wbr>", "")
}
