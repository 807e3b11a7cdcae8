//! `sigap documents move-to-object-store` (issue 9, docs/DEPLOYMENT.md "From one machine to
//! several"): the documents of an instance that kept them in its data folder are copied into an
//! object store, each SHA-256 checked before and after; a second run finds them there; a file
//! that no longer matches its checksum is refused and left where it is; afterwards the portal,
//! configured with the store, serves the same bytes. On SQLite (the usual starting point) and
//! PostgreSQL.

use crate::applying::{self, pdf, upload};
use crate::common::{live::SECRET, TestApp};
use crate::servers::s3::S3;
use app::server::storage::Storage;

const PREFIX: &str = "pindahan";

fn run_move(app: &TestApp, s3: &S3) -> (bool, String) {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_sigap"))
        .args(["documents", "move-to-object-store", "--delete-local"])
        .env("DATABASE_URL", &app.url)
        .env("SIGAP_DATA_DIR", &app.data_dir)
        .env("SIGAP_JWT_SECRET", SECRET)
        .envs(s3.env(PREFIX))
        .output()
        .expect("run sigap documents");
    let text =
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    (out.status.success(), text)
}

async fn documents(app: &TestApp) -> Vec<(i64, String, String)> {
    sqlx::query_as(
        "SELECT document_id, storage_key, sha256 FROM application_document ORDER BY document_id",
    )
    .fetch_all(app.db.write())
    .await
    .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite() {
    moves(TestApp::sqlite().await).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres() {
    if let Some(app) = TestApp::postgres().await {
        moves(app).await;
    }
}

async fn moves(mut app: TestApp) {
    let Some(s3) = S3::start(&app.data_dir).await else {
        app.cleanup().await;
        return;
    };
    let submitted = applying::submitted(&app).await;
    let local = app.data_dir.join("documents");
    let stored = documents(&app).await;
    assert_eq!(stored.len(), 2);

    let (ok, said) = run_move(&app, &s3);
    assert!(ok, "{said}");
    assert!(
        said.contains("2 copied and verified, 0 already in s3://"),
        "{said}"
    );
    for (_, key, _) in &stored {
        assert!(
            !local.join(key).exists(),
            "the verified local copy of {key} is removed"
        );
        assert!(s3.file_of(PREFIX, key).is_file(), "{key} is in the store");
    }
    let (ok, said) = run_move(&app, &s3);
    assert!(
        ok && said.contains("0 copied and verified, 2 already"),
        "{said}"
    );

    // Served from the store, byte for byte, after the access check.
    app.state_mut().storage = Storage::s3_with(
        &format!("s3://sigap-dokumen/{PREFIX}"),
        s3.env(PREFIX).into_iter().map(|(k, v)| (k.to_owned(), v)),
    )
    .unwrap();
    let (status, _, body) = app
        .get_as(&format!("/dokumen/{}", stored[0].0), &submitted.citizen)
        .await;
    assert_eq!(status, 200);
    assert_eq!(body.as_bytes(), pdf("ktp.pdf").as_slice());

    // A local file that no longer matches what was uploaded is not moved, and says so.
    app.state_mut().storage = Storage::local(&app.data_dir);
    let mut citizen = submitted.citizen.clone();
    let id = applying::start(&app, &mut citizen, "draft-key-0002-moving").await;
    let (status, _, page) = upload(
        &app,
        &citizen,
        id,
        submitted.service.ktp,
        "ktp.pdf",
        &pdf("x"),
    )
    .await;
    assert_eq!(status, 303, "{page}");
    let (_, key, _) = documents(&app).await.pop().unwrap();
    std::fs::write(local.join(&key), b"%PDF-1.4 changed on disk").unwrap();
    let (ok, said) = run_move(&app, &s3);
    assert!(!ok, "{said}");
    assert!(
        said.contains(&format!("{key}: the local file does not match its SHA-256")),
        "{said}"
    );
    assert!(
        said.contains("0 copied and verified, 2 already") && said.contains("1 failed"),
        "{said}"
    );
    assert!(local.join(&key).is_file() && !s3.file_of(PREFIX, &key).exists());
    drop(s3);
    app.cleanup().await;
}

// An object store that cannot be reached refuses the upload with a localised message on the file
// field, and nothing is recorded: no document row, the draft as it was.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_unreachable_store_refuses_the_upload_and_records_nothing() {
    let mut app = TestApp::sqlite().await;
    let service = applying::define_service(&app).await;
    let mut citizen = app
        .sign_in(
            "/masuk",
            crate::common::people::CITIZEN_1,
            crate::common::PASSWORD,
        )
        .await;
    let id = applying::start(&app, &mut citizen, "draft-key-0003-nostore").await;
    let closed = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = closed.local_addr().unwrap().port();
    drop(closed);
    let settings = [
        ("AWS_ENDPOINT", format!("http://127.0.0.1:{port}")),
        ("AWS_ALLOW_HTTP", "true".into()),
        ("AWS_REGION", "us-east-1".into()),
        ("AWS_ACCESS_KEY_ID", "nobody".into()),
        ("AWS_SECRET_ACCESS_KEY", "nothing-at-all".into()),
    ];
    app.state_mut().storage = Storage::s3_with(
        "s3://sigap-dokumen/nowhere",
        settings.into_iter().map(|(k, v)| (k.to_owned(), v)),
    )
    .unwrap();
    let (status, _, page) = upload(&app, &citizen, id, service.ktp, "ktp.pdf", &pdf("k")).await;
    assert_eq!(status, 422, "{page}");
    assert!(
        page.contains("tempat penyimpanan sedang tidak dapat dihubungi"),
        "{page}"
    );
    assert!(
        page.contains(&format!("href=\"#f-file_{}\"", service.ktp)),
        "linked from the summary"
    );
    assert!(documents(&app).await.is_empty(), "nothing recorded");
    app.cleanup().await;
}
