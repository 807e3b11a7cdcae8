//! Nothing lost (issue 8): the real binary takes survey answers, new applications and
//! completions concurrently over HTTP, is killed with SIGKILL in the middle, and started again.
//! Every submission that got a success response is there exactly once, nothing half-written
//! is visible (answers without their credit or rollups, applications without their number or
//! documents), the outbox delivers every completion notice once the server is back (the
//! mailbox dedupes by Message-ID), and replays after the restart store nothing more.
//! The figures are printed (docs/RELIABILITY.md records them).

use crate::applying::{self, CODE};
use crate::common::live::Live;
use crate::common::{people, Jar, TestApp, PASSWORD};
use crate::survey::ANSWERS;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

mod workers;
pub(crate) use workers::{approved, invitations};
use workers::{load, Acked};

/// Survey tokens thrown at the server, applicants and answerers working at once.
const TOKENS: usize = 3_000;
const ANSWERERS: usize = 8;
const APPLICANTS: usize = 4;
/// Applications prepared up to approval, completed during the run (each queues a notice).
const TO_COMPLETE: usize = 40;

async fn scalar(app: &TestApp, sql: &str) -> i64 {
    sqlx::query_scalar(sql)
        .fetch_one(app.db.write())
        .await
        .unwrap()
}

db_test!(every_acknowledged_submission_survives_a_sigkill, |app| {
    // Arrange: the service, the people, tokens and applications ready to complete.
    let service = applying::define_service(&app).await;
    let mut officer = app
        .sign_in("/petugas/masuk", people::OFFICER_A, PASSWORD)
        .await;
    let citizen = app.sign_in("/masuk", people::CITIZEN_1, PASSWORD).await;
    let to_complete = approved(&app, service, &mut officer).await;
    let tokens = Arc::new(invitations(&app, "crash", TOKENS).await);

    // Act: load the real server and kill it once enough is acknowledged.
    let live = Arc::new(Live::start(&app, 1).await);
    let acked = Arc::new(Mutex::new(Acked::default()));
    let stop = Arc::new(AtomicBool::new(false));
    let tasks = load(
        live.clone(),
        tokens.clone(),
        to_complete,
        (citizen.clone(), officer.clone()),
        service,
        acked.clone(),
        stop.clone(),
    )
    .await;
    let began = Instant::now();
    loop {
        tokio::time::sleep(Duration::from_millis(50)).await;
        let a = acked.lock().unwrap();
        let enough = a.answers.len() >= TOKENS / 3
            && a.completed.len() >= TO_COMPLETE / 4
            && a.submitted.len() >= 5;
        if enough || began.elapsed() > Duration::from_secs(60) {
            break;
        }
    }
    // SIGKILL with requests in flight (the workers are still sending).
    live.kill();
    stop.store(true, Ordering::Relaxed);
    let mut thrown = 0;
    for task in tasks {
        thrown += task.await.unwrap();
    }
    let acked = std::mem::take(&mut *acked.lock().unwrap());
    assert!(
        acked.answers.len() >= TOKENS / 3
            && !acked.submitted.is_empty()
            && !acked.completed.is_empty(),
        "the kill came before enough was acknowledged: {} answers, {} submitted, {} completed",
        acked.answers.len(),
        acked.submitted.len(),
        acked.completed.len()
    );
    drop(live);

    // Restart.
    let live = Live::start(&app, 2).await;

    // Every acknowledged answer is stored exactly once, with its credit and rollups.
    let stored: BTreeMap<String, i64> = sqlx::query_as(
        "SELECT i.jti, COUNT(s.response_id) FROM survey_invitation i
         LEFT JOIN survey_response_source s ON s.invitation_id = i.invitation_id
         WHERE i.used_at IS NOT NULL GROUP BY i.jti",
    )
    .fetch_all(app.db.write())
    .await
    .unwrap()
    .into_iter()
    .collect();
    for jti in &acked.answers {
        assert_eq!(stored.get(jti), Some(&1), "acknowledged answer {jti}");
    }
    assert!(
        stored.values().all(|n| *n == 1),
        "a used invitation without its one answer"
    );
    assert_eq!(
        scalar(&app, "SELECT COUNT(*) FROM survey_response").await,
        stored.len() as i64,
        "an answer without its invitation"
    );
    assert_eq!(
        scalar(&app, "SELECT COUNT(*) FROM survey_response r WHERE NOT EXISTS (SELECT 1 FROM survey_response_credit c WHERE c.response_id = r.response_id)").await,
        0,
        "an answer without its credit"
    );
    let drift = app::server::scoring::rollup::verify(&app.db).await.unwrap();
    assert!(drift.is_empty(), "rollups after the crash: {drift:?}");

    // Every acknowledged draft once; every acknowledged submission with its number and files.
    for (key, id) in &acked.drafts {
        let ids: Vec<i64> =
            sqlx::query_scalar("SELECT application_id FROM application WHERE draft_key = $1")
                .bind(key)
                .fetch_all(app.db.write())
                .await
                .unwrap();
        assert_eq!(ids, vec![*id], "draft {key}");
    }
    for id in &acked.submitted {
        let (state, number): (String, Option<String>) =
            sqlx::query_as("SELECT state, reg_number FROM application WHERE application_id = $1")
                .bind(id)
                .fetch_one(app.db.write())
                .await
                .unwrap();
        assert!(
            state == "submitted" && number.is_some(),
            "application {id}: {state} {number:?}"
        );
    }
    assert_eq!(
        scalar(
            &app,
            "SELECT COUNT(*) FROM application WHERE state <> 'draft' AND reg_number IS NULL"
        )
        .await,
        0,
        "a submitted application without its number"
    );
    let documents: Vec<(String, String)> =
        sqlx::query_as("SELECT storage_key, sha256 FROM application_document")
            .fetch_all(app.db.write())
            .await
            .unwrap();
    for (key, sha) in &documents {
        use sha2::Digest;
        let bytes = std::fs::read(app.data_dir.join("documents").join(key))
            .unwrap_or_else(|e| panic!("document {key}: {e}"));
        let digest: String = sha2::Sha256::digest(&bytes)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        assert_eq!(&digest, sha, "document {key}");
    }

    // Every acknowledged completion has its permit and notice; the outbox delivers them all.
    for id in &acked.completed {
        assert_eq!(applying::state_of(&app, *id).await, "completed");
    }
    let notices: BTreeSet<i64> = sqlx::query_scalar("SELECT outbox_id FROM outbox")
        .fetch_all(app.db.write())
        .await
        .unwrap()
        .into_iter()
        .collect();
    assert!(
        notices.len() >= acked.completed.len(),
        "{} notices for {} completions",
        notices.len(),
        acked.completed.len()
    );
    let deadline = Instant::now() + Duration::from_secs(crate::common::live::LEASE_SECS + 30);
    let delivered = loop {
        let received = received_ids(&app);
        if received == notices || Instant::now() > deadline {
            break received;
        }
        tokio::time::sleep(Duration::from_millis(250)).await;
    };
    assert_eq!(
        delivered, notices,
        "every notice delivered once the server is back"
    );

    // Replays after the restart store nothing more.
    let responses = scalar(&app, "SELECT COUNT(*) FROM survey_response").await;
    let applications = scalar(&app, "SELECT COUNT(*) FROM application").await;
    let by_jti: BTreeMap<&str, &str> = tokens
        .iter()
        .map(|(j, t)| (j.as_str(), t.as_str()))
        .collect();
    for jti in acked.answers.iter().take(100) {
        let r = live
            .post_form(
                &format!("/survei/{}", by_jti[jti.as_str()]),
                ANSWERS,
                &Jar::default(),
            )
            .await
            .unwrap();
        assert_eq!(
            r.location.as_deref(),
            Some("/survei/sudah-dijawab"),
            "replayed {jti}"
        );
    }
    for (key, id) in acked.drafts.iter().take(20) {
        let r = live
            .post_form(
                &format!("/layanan/{CODE}/ajukan"),
                &format!("draft_key={key}"),
                &citizen,
            )
            .await
            .unwrap();
        assert_eq!(
            r.location,
            Some(format!("/permohonan/{id}/isi")),
            "replayed draft {key}"
        );
    }
    assert_eq!(
        scalar(&app, "SELECT COUNT(*) FROM survey_response").await,
        responses
    );
    assert_eq!(
        scalar(&app, "SELECT COUNT(*) FROM application").await,
        applications
    );

    println!(
        "crash test ({:?}): {thrown} submissions thrown; killed after {} answers, {} drafts, {} submissions, {} completions acknowledged; \
         after restart all of them there once ({} answers stored in all, {} documents checked, {} notices delivered)",
        app.engine, acked.answers.len(), acked.drafts.len(), acked.submitted.len(), acked.completed.len(),
        stored.len(), documents.len(), delivered.len()
    );
});

/// Outbox ids of the messages in the development mailbox, by their Message-ID
/// (`<outbox-ID@sigap>`): the receiving side's deduplication key.
fn received_ids(app: &TestApp) -> BTreeSet<i64> {
    let Ok(entries) = std::fs::read_dir(app.data_dir.join("mailbox")) else {
        return BTreeSet::new();
    };
    entries
        .flatten()
        .filter_map(|e| std::fs::read_to_string(e.path()).ok())
        .filter_map(|text| {
            let line = text
                .lines()
                .find(|l| l.starts_with("Message-ID: <outbox-"))?;
            line.trim_start_matches("Message-ID: <outbox-")
                .split('@')
                .next()?
                .parse()
                .ok()
        })
        .collect()
}
