//! A soak (issue 8): the real binary under a steady open-loop load of survey answers (each
//! with a fresh token) and citizen pages for a while: no request fails and the server's
//! memory stays flat. The test command runs it for 40 s at 40 answers + 40 pages a second;
//! `SIGAP_SOAK_SECS`, `SIGAP_SOAK_RATE` and `SIGAP_TEST_BIN` (a release binary) make it the
//! long run docs/RELIABILITY.md records. The figures are printed.

use crate::applying;
use crate::common::live::Live;
use crate::common::Jar;
use crate::survey::ANSWERS;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

fn setting(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// Resident memory of a process, in KiB.
fn rss_kib(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    status
        .lines()
        .find(|l| l.starts_with("VmRSS:"))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|n| n.parse().ok())
        .unwrap_or(0)
}

db_test!(a_steady_load_fails_nothing_and_memory_stays_flat, |app| {
    let secs = setting("SIGAP_SOAK_SECS", 40);
    let rate = setting("SIGAP_SOAK_RATE", 40);
    applying::define_service(&app).await;
    let tokens =
        Arc::new(crate::crash::invitations(&app, "soak", (secs * rate) as usize + 10).await);
    let live = Arc::new(Live::start(&app, 1).await);
    let pages = ["/", "/layanan", &format!("/layanan/{}", applying::CODE)].map(str::to_owned);
    let failures = Arc::new(AtomicUsize::new(0));
    let sent = Arc::new(AtomicUsize::new(0));
    let start = Instant::now();
    let mut samples: Vec<(u64, u64)> = Vec::new();
    let mut tasks = Vec::new();
    // Open loop: request i is due at start + i/rate, whatever the previous ones took.
    for i in 0..(secs * rate) as usize {
        let due = start + Duration::from_micros(i as u64 * 1_000_000 / rate);
        if let Some(wait) = due.checked_duration_since(Instant::now()) {
            tokio::time::sleep(wait).await;
        }
        let second = start.elapsed().as_secs();
        if samples.last().is_none_or(|(s, _)| *s + 2 <= second) {
            samples.push((second, rss_kib(live.pid())));
        }
        let (live, tokens, failures, sent) =
            (live.clone(), tokens.clone(), failures.clone(), sent.clone());
        let page = pages[i % pages.len()].clone();
        tasks.push(tokio::spawn(async move {
            let answer = live
                .post_form(
                    &format!("/survei/{}", tokens[i].1),
                    ANSWERS,
                    &Jar::default(),
                )
                .await;
            let read = live.get(&page, &Jar::default()).await;
            sent.fetch_add(2, Ordering::Relaxed);
            let answered =
                matches!(&answer, Ok(r) if r.location.as_deref() == Some("/survei/terima-kasih"));
            let shown = matches!(&read, Ok(r) if r.status == 200);
            if !answered || !shown {
                failures.fetch_add(1, Ordering::Relaxed);
                eprintln!(
                    "soak failure at {i}: answer {:?}, page {page} {:?}",
                    answer.map(|r| r.status),
                    read.map(|r| r.status)
                );
            }
        }));
    }
    for task in tasks {
        task.await.unwrap();
    }
    samples.push((start.elapsed().as_secs(), rss_kib(live.pid())));
    let stored: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM survey_response")
        .fetch_one(app.db.write())
        .await
        .unwrap();
    // Flat: the last third's peak within 10% (+4 MiB) of the peak after the first third's warm-up.
    let third = samples.len() / 3;
    let warm = samples[third..2 * third]
        .iter()
        .map(|s| s.1)
        .max()
        .unwrap_or(0);
    let late = samples[2 * third..].iter().map(|s| s.1).max().unwrap_or(0);
    println!(
        "soak ({:?}): {secs} s at {rate} answers/s + {rate} pages/s: {} requests, {} failures, {stored} answers stored; RSS KiB over time {:?}; middle third peak {warm}, last third peak {late}",
        app.engine,
        sent.load(Ordering::Relaxed),
        failures.load(Ordering::Relaxed),
        samples
    );
    assert_eq!(failures.load(Ordering::Relaxed), 0);
    assert_eq!(stored as u64, secs * rate, "every answer stored");
    assert!(
        late <= warm + warm / 10 + 4096,
        "memory grew: {warm} KiB → {late} KiB"
    );
});
