//! Several servers on one PostgreSQL and one object store (issue 9, docs/DEPLOYMENT.md): real
//! `sigap` binaries on different ports, each with its own data folder (nothing on disk is
//! shared), against one database and one local S3 server. A citizen signs in on one and carries
//! on with the other; a document uploaded through one downloads through the other, identical;
//! one survey token sent to both at once is accepted once; the sign-in limit counts attempts
//! spread over both; an admin's change to the catalog reaches the other server's kept list within
//! a second; a burst of completions is notified exactly once; and a server frozen with
//! its claimed notices and then killed leaves them to the other, which delivers each once.

mod catalog;
pub(crate) mod s3;

use crate::applying::{self, pdf, Service, CODE};
use crate::common::live::{Live, Options, Reply, LEASE_SECS};
use crate::common::{enc, people, Jar, TestApp, PASSWORD};
use crate::crash::{approved, invitations};
use crate::survey::ANSWERS;
use s3::S3;
use std::collections::BTreeSet;
use std::path::Path;
use std::time::{Duration, Instant};

const PREFIX: &str = "kota-uji";

/// The jar after a response, as a browser keeps it.
fn keep(jar: &mut Jar, reply: &Reply) {
    for (name, value) in &reply.cookies {
        jar.0.retain(|(n, _)| n != name);
        if !value.is_empty() {
            jar.0.push((name.clone(), value.clone()));
        }
    }
}

async fn scalar(app: &TestApp, sql: &str) -> i64 {
    sqlx::query_scalar(sql)
        .fetch_one(app.db.write())
        .await
        .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_servers_share_one_database_and_one_object_store() {
    let Some(app) = TestApp::postgres().await else {
        return;
    };
    let Some(s3) = S3::start(&app.data_dir).await else {
        app.cleanup().await;
        return;
    };
    let service = applying::define_service(&app).await;
    let mut officer = app
        .sign_in("/petugas/masuk", people::OFFICER_A, PASSWORD)
        .await;
    let to_complete = approved(&app, service, &mut officer).await;
    let tokens = invitations(&app, "two-servers", 60).await;
    let options = |name: &str, more: Vec<(&'static str, String)>| Options {
        data_dir: Some(app.data_dir.join(name)),
        env: [s3.env(PREFIX), more].concat(),
        log: None,
    };
    let a = Live::start_with(&app, 1, options("server-a", vec![])).await;
    let b = Live::start_with(&app, 2, options("server-b", vec![])).await;

    citizen_moves_between_servers(&app, &s3, service, (&a, &b)).await;
    one_token_answered_once(&app, &tokens, (&a, &b)).await;
    sign_in_limit_spans_servers(&a, &b).await;
    catalog::a_catalog_change_reaches_the_other_server(&a, &b).await;
    let (first, rest) = to_complete.split_at(20);
    burst_notified_once(&app, &officer, first, (&a, &b)).await;

    // Server C claims notices and cannot deliver them (its mail server never answers); it is
    // killed holding them, and server A, frozen meanwhile, takes them over when the lease ends.
    drop(b);
    let blackhole = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let smtp = format!("smtp://{}", blackhole.local_addr().unwrap());
    let held = tokio::spawn(async move {
        let mut open = Vec::new();
        while let Ok((socket, _)) = blackhole.accept().await {
            open.push(socket);
        }
    });
    let c = Live::start_with(&app, 3, options("server-c", vec![("SIGAP_SMTP_URL", smtp)])).await;
    signal(&a, "STOP");
    let before = scalar(&app, "SELECT COUNT(*) FROM outbox").await;
    complete(&officer, rest, &c).await;
    let queued = scalar(&app, "SELECT COUNT(*) FROM outbox").await - before;
    assert_eq!(queued, rest.len() as i64, "one notice per completion");
    let claimed = "SELECT COUNT(*) FROM outbox WHERE state = 'sending'";
    wait_for(
        Duration::from_secs(30),
        "server C claims every new notice",
        || async { scalar(&app, claimed).await == queued },
    )
    .await;
    c.kill();
    signal(&a, "CONT");
    let pending = "SELECT COUNT(*) FROM outbox WHERE state <> 'sent'";
    wait_for(
        Duration::from_secs(LEASE_SECS + 40),
        "server A delivers what C held",
        || async { scalar(&app, pending).await == 0 },
    )
    .await;
    held.abort();
    let taken_over = scalar(&app, "SELECT COUNT(*) FROM outbox WHERE attempts = 2").await;
    assert_eq!(
        taken_over, queued,
        "each held notice claimed by C, then once by A"
    );
    let delivered = delivered_ids(&app.data_dir);
    let unique: BTreeSet<i64> = delivered.iter().copied().collect();
    let all: BTreeSet<i64> = sqlx::query_scalar("SELECT outbox_id FROM outbox")
        .fetch_all(app.db.write())
        .await
        .unwrap()
        .into_iter()
        .collect();
    assert_eq!(unique, all, "every notice delivered");
    assert_eq!(delivered.len(), unique.len(), "and none twice");
    drop(a);
    app.cleanup().await;
}

/// Signed in on A, the citizen's draft is started on A, filled and given documents on both,
/// submitted on B and read on A; each document downloads through the other server unchanged,
/// and lives in the object store, not in either server's folder.
async fn citizen_moves_between_servers(
    app: &TestApp,
    s3: &S3,
    service: Service,
    (a, b): (&Live, &Live),
) {
    let mut jar = Jar::default();
    let form = format!(
        "identifier={}&password={}",
        enc(people::CITIZEN_1),
        enc(PASSWORD)
    );
    let signed_in = a.post_form("/masuk", &form, &jar).await.unwrap();
    assert_eq!(
        signed_in.location.as_deref(),
        Some("/akun"),
        "{}",
        signed_in.body
    );
    keep(&mut jar, &signed_in);
    let account = b.get("/akun", &jar).await.unwrap();
    assert_eq!(account.status, 200, "B knows the session A made");
    assert!(account.body.contains("Warga Satu"));

    let started = a
        .post_form(
            &format!("/layanan/{CODE}/ajukan"),
            "draft_key=two-servers-draft-0001",
            &jar,
        )
        .await
        .unwrap();
    let id: i64 = started
        .location
        .as_deref()
        .unwrap()
        .trim_start_matches("/permohonan/")
        .trim_end_matches("/isi")
        .parse()
        .unwrap();
    let fill = format!("field_{}=Warung+Dua+Server", service.field);
    let filled = b
        .post_form(&format!("/permohonan/{id}/isi"), &fill, &jar)
        .await
        .unwrap();
    assert_eq!(filled.status, 303, "{}", filled.body);
    let ktp = pdf("KTP uploaded through server A");
    let letter = pdf("letter uploaded through server B");
    for (server, requirement, bytes) in [(a, service.ktp, &ktp), (b, service.letter, &letter)] {
        let path = format!("/permohonan/{id}/dokumen/{requirement}");
        let up = server
            .post_file(&path, "dokumen.pdf", bytes, &jar)
            .await
            .unwrap();
        assert_eq!(up.status, 303, "{}", up.body);
    }
    let sent = b
        .post_form(&format!("/permohonan/{id}/ajukan"), "", &jar)
        .await
        .unwrap();
    assert_eq!(
        sent.location,
        Some(format!("/permohonan/{id}/terkirim")),
        "{}",
        sent.body
    );
    let reg = applying::reg_number(app, id)
        .await
        .expect("a registration number");
    let status = a.get(&format!("/permohonan/{id}"), &jar).await.unwrap();
    assert!(status.body.contains(&reg), "A shows what B submitted");

    let documents: Vec<(i64, i64, String)> = sqlx::query_as(
        "SELECT document_id, requirement_id, storage_key FROM application_document WHERE application_id = $1",
    )
    .bind(id)
    .fetch_all(app.db.write())
    .await
    .unwrap();
    assert_eq!(documents.len(), 2);
    for (document, requirement, key) in documents {
        let (other, sent) = if requirement == service.ktp {
            (b, &ktp)
        } else {
            (a, &letter)
        };
        let got = other
            .get(&format!("/dokumen/{document}"), &jar)
            .await
            .unwrap();
        assert_eq!(got.status, 200);
        assert_eq!(
            got.body.as_bytes(),
            sent.as_slice(),
            "byte-identical through the other server"
        );
        assert_eq!(
            &std::fs::read(s3.file_of(PREFIX, &key)).unwrap(),
            sent,
            "kept in the store"
        );
    }
    for server in ["server-a", "server-b"] {
        assert!(
            !app.data_dir.join(server).join("documents").exists(),
            "nothing kept on {server}"
        );
    }
    let stranger = b.get("/dokumen/1", &Jar::default()).await.unwrap();
    assert_ne!(
        stranger.status, 200,
        "documents are served only after the access check"
    );
}

/// Each token goes to both servers at the same moment: one thanks, the other says answered.
async fn one_token_answered_once(
    app: &TestApp,
    tokens: &[(String, String)],
    (a, b): (&Live, &Live),
) {
    let nobody = Jar::default();
    for (_, token) in tokens {
        let path = format!("/survei/{token}");
        let (x, y) = tokio::join!(
            a.post_form(&path, ANSWERS, &nobody),
            b.post_form(&path, ANSWERS, &nobody)
        );
        let mut places = [x.unwrap().location, y.unwrap().location];
        places.sort();
        assert_eq!(
            places,
            [
                Some("/survei/sudah-dijawab".to_owned()),
                Some("/survei/terima-kasih".to_owned())
            ]
        );
    }
    let stored = scalar(
        app,
        "SELECT COUNT(*) FROM survey_response_source s JOIN survey_invitation i
         ON i.invitation_id = s.invitation_id WHERE i.jti LIKE 'two-servers-%'",
    )
    .await;
    assert_eq!(stored, tokens.len() as i64, "one answer per token");
}

/// Five wrong passwords spread over two servers use up the account's five attempts: the sixth,
/// even with the right password, is refused on either.
async fn sign_in_limit_spans_servers(a: &Live, b: &Live) {
    let limited = "Terlalu banyak percobaan";
    let wrong = format!(
        "identifier={}&password=salah-sekali-123",
        enc(people::CITIZEN_2)
    );
    for attempt in 0..5 {
        let server = if attempt % 2 == 0 { a } else { b };
        let reply = server
            .post_form("/masuk", &wrong, &Jar::default())
            .await
            .unwrap();
        assert!(!reply.body.contains(limited), "attempt {}", attempt + 1);
    }
    let right = format!(
        "identifier={}&password={}",
        enc(people::CITIZEN_2),
        enc(PASSWORD)
    );
    for server in [a, b] {
        let reply = server
            .post_form("/masuk", &right, &Jar::default())
            .await
            .unwrap();
        assert!(
            reply.body.contains(limited),
            "the limit holds across servers"
        );
        assert!(reply.location.is_none());
    }
}

/// Completions through both servers at once: every notice is claimed once and delivered once.
async fn burst_notified_once(app: &TestApp, officer: &Jar, ids: &[i64], (a, b): (&Live, &Live)) {
    let (left, right) = ids.split_at(ids.len() / 2);
    tokio::join!(complete(officer, left, a), complete(officer, right, b));
    let pending = "SELECT COUNT(*) FROM outbox WHERE state <> 'sent'";
    wait_for(
        Duration::from_secs(60),
        "the burst's notices are delivered",
        || async { scalar(app, pending).await == 0 },
    )
    .await;
    assert_eq!(
        scalar(app, "SELECT COUNT(*) FROM outbox WHERE attempts <> 1").await,
        0
    );
    let delivered = delivered_ids(&app.data_dir);
    let unique: BTreeSet<i64> = delivered.iter().copied().collect();
    assert_eq!(
        unique.len() as i64,
        scalar(app, "SELECT COUNT(*) FROM outbox").await
    );
    assert_eq!(delivered.len(), unique.len(), "no notice delivered twice");
}

async fn complete(officer: &Jar, ids: &[i64], server: &Live) {
    for id in ids {
        let path = format!("/petugas/permohonan/{id}/langkah");
        let reply = server
            .post_form(&path, "action=complete", officer)
            .await
            .unwrap();
        assert_eq!(reply.status, 303, "completing {id}: {}", reply.body);
    }
}

/// SIGSTOP / SIGCONT: the process keeps its connections and claims but does nothing.
fn signal(server: &Live, which: &str) {
    let status = std::process::Command::new("kill")
        .args([format!("-{which}"), server.pid().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
}

async fn wait_for<F, Fut>(limit: Duration, what: &str, mut done: F)
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = bool>,
{
    let deadline = Instant::now() + limit;
    while !done().await {
        assert!(Instant::now() < deadline, "timed out: {what}");
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

/// Outbox ids of every message in every server's mailbox folder, one entry per file.
fn delivered_ids(data_dir: &Path) -> Vec<i64> {
    let mut out = Vec::new();
    for server in ["server-a", "server-b", "server-c"] {
        let Ok(entries) = std::fs::read_dir(data_dir.join(server).join("mailbox")) else {
            continue;
        };
        for entry in entries.flatten() {
            let text = std::fs::read_to_string(entry.path()).unwrap();
            let id = text
                .lines()
                .find_map(|l| l.strip_prefix("Message-ID: <outbox-"))
                .and_then(|rest| rest.split('@').next()?.parse().ok())
                .expect("a Message-ID");
            out.push(id);
        }
    }
    out
}
