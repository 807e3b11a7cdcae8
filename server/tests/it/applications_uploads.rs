//! Uploaded documents through the real router, on SQLite and PostgreSQL: the type comes from the
//! content, sizes and image dimensions are checked, a refused file leaves nothing behind, and an
//! accepted one is stored under a generated key inside the data folder with its SHA-256.

use crate::applying;
use crate::common;

use applying::{count, pdf, png, upload, Service};
use common::{people, Jar, TestApp, PASSWORD};

/// SHA-256 of `pdf("passwd")`, computed with `sha256sum`.
const PASSWD_PDF_SHA256: &str = "79b3ccb60312dc465995ddbd6731cdd0b55556c6624edece4e364e88348c588c";

async fn draft(app: &TestApp) -> (Service, Jar, i64) {
    let service = applying::define_service(app).await;
    let mut citizen = app.sign_in("/masuk", people::CITIZEN_1, PASSWORD).await;
    let id = applying::start(app, &mut citizen, "uploads-draft-key-0001").await;
    (service, citizen, id)
}

/// Every file under the data folder's `documents`, as paths relative to it.
fn stored_files(app: &TestApp) -> Vec<String> {
    fn walk(dir: &std::path::Path, root: &std::path::Path, out: &mut Vec<String>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(&path, root, out);
            } else {
                let relative = path.strip_prefix(root).unwrap();
                out.push(relative.to_string_lossy().replace('\\', "/"));
            }
        }
    }
    let root = app.data_dir.join("documents");
    let mut out = Vec::new();
    walk(&root, &root, &mut out);
    out
}

db_test!(
    refused_files_are_explained_and_leave_nothing_behind,
    |app| {
        let (service, citizen, id) = draft(&app).await;
        let cases: Vec<(i64, &str, Vec<u8>, &str)> = vec![
            (
                service.ktp,
                "besar.pdf",
                pdf(&"x".repeat(70 * 1024)),
                "Berkas terlalu besar",
            ),
            (
                service.ktp,
                "x.pdf",
                b"just some text, not a PDF".to_vec(),
                "Isi berkas bukan jenis yang diterima",
            ),
            (
                service.ktp,
                "app.pdf",
                b"MZ\x90\x00 an executable".to_vec(),
                "Isi berkas bukan jenis yang diterima",
            ),
            (
                service.letter,
                "foto.png",
                png(800, 600),
                "Isi berkas bukan jenis yang diterima (PDF)",
            ),
            (
                service.ktp,
                "bom.png",
                png(100_000, 100_000),
                app::i18n::apply::UPLOAD_BAD_IMAGE.id,
            ),
            (
                service.ktp,
                "kosong.pdf",
                Vec::new(),
                app::i18n::apply::UPLOAD_EMPTY.id,
            ),
        ];
        for (requirement, name, bytes, message) in cases {
            let (status, location, page) =
                upload(&app, &citizen, id, requirement, name, &bytes).await;
            assert_eq!((status, location), (422, None), "{name}");
            assert!(page.contains(message), "{name}: expected {message}");
            assert!(
                page.contains("Dokumen persyaratan"),
                "{name}: the documents page again"
            );
        }
        assert_eq!(
            count(&app, "SELECT COUNT(*) FROM application_document").await,
            0
        );
        assert!(stored_files(&app).is_empty(), "{:?}", stored_files(&app));
        // The limit is the requirement's: the same size is fine where 64 KB is not exceeded.
        let just_under = pdf(&"x".repeat(60 * 1024));
        let (status, _, _) = upload(&app, &citizen, id, service.ktp, "pas.pdf", &just_under).await;
        assert_eq!(status, 303);
        // A phone photo passes where images are accepted.
        let (status, _, _) =
            upload(&app, &citizen, id, service.ktp, "ktp.png", &png(4000, 3000)).await;
        assert_eq!(status, 303);
    }
);

db_test!(
    a_file_name_with_path_tricks_is_stored_under_a_generated_key,
    |app| {
        // Arrange / act: a PDF whose name tries to climb out of the folder.
        let (service, citizen, id) = draft(&app).await;
        let bytes = pdf("passwd");
        let (status, _, page) = upload(
            &app,
            &citizen,
            id,
            service.ktp,
            "../../etc/passwd.pdf",
            &bytes,
        )
        .await;
        assert_eq!(status, 303, "{page}");

        // Assert: a safe display name, a generated key, the checksum of the content.
        let (document, key, name, mime, size, sha256): (i64, String, String, String, i64, String) =
            sqlx::query_as(
                "SELECT document_id, storage_key, original_name, content_type, size_bytes, sha256 FROM application_document",
            )
            .fetch_one(app.db.read())
            .await
            .unwrap();
        assert_eq!(name, "passwd.pdf");
        assert_eq!(mime, "application/pdf");
        assert_eq!(size, bytes.len() as i64);
        assert_eq!(sha256, PASSWD_PDF_SHA256);
        let parts: Vec<&str> = key.split('/').collect();
        assert_eq!(parts.len(), 3, "{key}");
        assert!(parts[0].len() == 4 && parts[1].len() == 2, "{key}");
        assert!(parts[2].ends_with(".bin") && parts[2].len() > 40, "{key}");
        assert!(!key.contains("..") && !key.contains("passwd"), "{key}");
        assert_eq!(
            stored_files(&app),
            vec![key.clone()],
            "one file, no leftovers"
        );
        let path = app.data_dir.join("documents").join(&key);
        let root = app.data_dir.canonicalize().unwrap();
        assert!(path.canonicalize().unwrap().starts_with(&root));
        assert_eq!(std::fs::read(&path).unwrap(), bytes);
        assert!(!app.data_dir.join("etc").exists());

        // The download is an attachment with the safe name, never sniffed or cached.
        let response = app
            .send(
                axum::http::Request::get(format!("/dokumen/{document}"))
                    .header("host", common::HOST)
                    .header("cookie", citizen.header())
                    .body(axum::body::Body::empty())
                    .unwrap(),
            )
            .await;
        assert_eq!(response.status().as_u16(), 200);
        let header = |h: &str| response.headers()[h].to_str().unwrap().to_owned();
        assert_eq!(header("content-type"), "application/pdf");
        assert_eq!(
            header("content-disposition"),
            "attachment; filename=\"passwd.pdf\""
        );
        assert_eq!(header("x-content-type-options"), "nosniff");
        assert_eq!(header("cache-control"), "private, no-store");
        assert_eq!(common::body_text(response).await.into_bytes(), bytes);

        // A file changed on disk no longer matches its checksum and is not served.
        std::fs::write(&path, pdf("tampered")).unwrap();
        let (status, _, _) = app.get_as(&format!("/dokumen/{document}"), &citizen).await;
        assert_eq!(status, 500);
    }
);

db_test!(a_new_upload_replaces_the_previous_document, |app| {
    let (service, citizen, id) = draft(&app).await;
    for name in ["pertama.pdf", "kedua.pdf"] {
        let (status, _, _) = upload(&app, &citizen, id, service.ktp, name, &pdf(name)).await;
        assert_eq!(status, 303);
    }
    let current = "SELECT COUNT(*) FROM application_document WHERE replaced_at IS NULL";
    assert_eq!(count(&app, current).await, 1);
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM application_document").await,
        2
    );
    let (_, _, page) = app
        .get_as(&format!("/permohonan/{id}/dokumen"), &citizen)
        .await;
    assert!(page.contains("kedua.pdf") && !page.contains("pertama.pdf"));
    let audited = "SELECT COUNT(*) FROM audit_event WHERE action = 'application.document_uploaded'";
    assert_eq!(count(&app, audited).await, 2);
});

db_test!(nobody_but_the_applicant_uploads_to_a_draft, |app| {
    let (service, _, id) = draft(&app).await;
    let other = app.sign_in("/masuk", people::CITIZEN_2, PASSWORD).await;
    let officer = app
        .sign_in("/petugas/masuk", people::OFFICER_A, PASSWORD)
        .await;
    for jar in [&other, &officer] {
        let (status, _, _) = upload(&app, jar, id, service.ktp, "a.pdf", &pdf("a")).await;
        assert_eq!(status, 404);
    }
    let (status, location, _) =
        upload(&app, &Jar::default(), id, service.ktp, "a.pdf", &pdf("a")).await;
    assert_eq!((status, location.as_deref()), (303, Some("/masuk")));
    // A requirement of another service is not this application's.
    let (status, _, _) = upload(&app, &other, id, 9999, "a.pdf", &pdf("a")).await;
    assert_eq!(status, 404);
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM application_document").await,
        0
    );
    assert!(stored_files(&app).is_empty());
});

db_test!(upload_refusals_are_in_english_for_english_visitors, |app| {
    let (service, mut citizen, id) = draft(&app).await;
    citizen.0.push(("sigap_lang".into(), "en".into()));
    let (status, _, page) = upload(&app, &citizen, id, service.letter, "x.pdf", b"hello").await;
    assert_eq!(status, 422);
    assert!(
        page.contains("content is not an accepted type (PDF)"),
        "{page}"
    );
    let (_, _, page) = upload(
        &app,
        &citizen,
        id,
        service.ktp,
        "bom.png",
        &png(90_000, 90_000),
    )
    .await;
    assert!(
        page.contains(app::i18n::apply::UPLOAD_BAD_IMAGE.en),
        "{page}"
    );
});
