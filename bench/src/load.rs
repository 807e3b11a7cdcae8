//! The load generator: one HTTP/1.1 client (hyper) driving the server over loopback, in two
//! modes. `peak` is closed-loop: `concurrency` workers send back to back for a fixed time and the
//! completed requests per second are the peak. `paced` is open-loop at a fixed rate: request i
//! is due at start + i/rate and its latency is measured from that due time, not from when it was
//! actually sent, so a stalled server cannot hide its stall by slowing the generator down (the
//! coordinated-omission correction of wrk2 and oha). Requests are built per request because each
//! survey answer needs its own single-use token, which `oha` (one fixed request) cannot send.

use anyhow::Context;
use hdrhistogram::Histogram;
use http_body_util::{BodyExt, Full};
use hyper::body::Bytes;
use hyper::{Request, StatusCode};
use hyper_util::client::legacy::{connect::HttpConnector, Client};
use hyper_util::rt::TokioExecutor;
use serde::Serialize;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// Builds the i-th request.
pub type MakeRequest = Arc<dyn Fn(usize) -> Request<Full<Bytes>> + Send + Sync>;

/// The HTTP client every measurement uses (keep-alive pool, no TLS, no decompression).
pub fn client(pool: usize) -> Client<HttpConnector, Full<Bytes>> {
    Client::builder(TokioExecutor::new())
        .pool_max_idle_per_host(pool)
        .build_http()
}

/// A closed-loop run's result.
#[derive(Debug, Clone, Serialize)]
pub struct Peak {
    /// Completed requests per second.
    pub per_second: f64,
    /// Requests completed.
    pub completed: u64,
    /// Responses with an unexpected status (counted apart, not in `completed`).
    pub errors: u64,
    /// Concurrency used.
    pub concurrency: usize,
}

/// Several closed-loop runs of equal length as one: requests over their total time.
pub fn combined(runs: &[Peak]) -> Peak {
    let completed = runs.iter().map(|r| r.completed).sum();
    let secs: f64 = runs
        .iter()
        .map(|r| r.completed as f64 / r.per_second.max(f64::MIN_POSITIVE))
        .sum();
    Peak {
        per_second: completed as f64 / secs.max(f64::MIN_POSITIVE),
        completed,
        errors: runs.iter().map(|r| r.errors).sum(),
        concurrency: runs.first().map_or(0, |r| r.concurrency),
    }
}

/// An open-loop run's result.
#[derive(Debug, Clone, Serialize)]
pub struct Paced {
    /// The target rate.
    pub rate: f64,
    /// Rate actually completed.
    pub achieved: f64,
    /// Median latency from the due time, in ms.
    pub p50_ms: f64,
    /// 99th percentile, in ms.
    pub p99_ms: f64,
    /// Slowest, in ms.
    pub max_ms: f64,
    /// Unexpected statuses.
    pub errors: u64,
}

fn ok(status: StatusCode, expected: StatusCode) -> bool {
    status == expected
}

/// Closed loop: `concurrency` workers for `duration`, requests numbered from `first`.
/// Returns the result and the next unused request number.
pub async fn peak(
    make: MakeRequest,
    expected: StatusCode,
    concurrency: usize,
    duration: Duration,
    first: usize,
) -> anyhow::Result<(Peak, usize)> {
    let client = client(concurrency);
    let next = Arc::new(AtomicUsize::new(first));
    let (done, errors) = (Arc::new(AtomicU64::new(0)), Arc::new(AtomicU64::new(0)));
    let start = Instant::now();
    let mut workers = Vec::new();
    for _ in 0..concurrency {
        let (client, make, next) = (client.clone(), make.clone(), next.clone());
        let (done, errors) = (done.clone(), errors.clone());
        workers.push(tokio::spawn(async move {
            while start.elapsed() < duration {
                let i = next.fetch_add(1, Ordering::Relaxed);
                match client.request(make(i)).await {
                    Ok(response) => {
                        let status = response.status();
                        let _ = response.into_body().collect().await;
                        let counter = if ok(status, expected) { &done } else { &errors };
                        counter.fetch_add(1, Ordering::Relaxed);
                    }
                    Err(_) => {
                        errors.fetch_add(1, Ordering::Relaxed);
                    }
                }
            }
        }));
    }
    for w in workers {
        w.await.context("a load worker")?;
    }
    let secs = start.elapsed().as_secs_f64();
    let completed = done.load(Ordering::Relaxed);
    let peak = Peak {
        per_second: completed as f64 / secs,
        completed,
        errors: errors.load(Ordering::Relaxed),
        concurrency,
    };
    Ok((peak, next.load(Ordering::Relaxed)))
}

/// Open loop at `rate` requests per second for `duration`, requests numbered from `first`.
pub async fn paced(
    make: MakeRequest,
    expected: StatusCode,
    rate: f64,
    duration: Duration,
    first: usize,
) -> anyhow::Result<(Paced, usize)> {
    let client = client(256);
    let total = (rate * duration.as_secs_f64()).ceil() as usize;
    let start = Instant::now() + Duration::from_millis(50);
    let mut tasks = Vec::with_capacity(total);
    for k in 0..total {
        let due = start + Duration::from_secs_f64(k as f64 / rate);
        tokio::time::sleep_until(due.into()).await;
        let (client, request) = (client.clone(), make(first + k));
        tasks.push(tokio::spawn(async move {
            let result = client.request(request).await;
            let good = match result {
                Ok(response) => {
                    let status = response.status();
                    let _ = response.into_body().collect().await;
                    ok(status, expected)
                }
                Err(_) => false,
            };
            (due.elapsed(), good)
        }));
    }
    let mut histogram = Histogram::<u64>::new_with_bounds(1, 60_000_000, 3)?;
    let mut errors = 0;
    for t in tasks {
        let (latency, good) = t.await?;
        if !good {
            errors += 1;
        }
        histogram.saturating_record(latency.as_micros().max(1) as u64);
    }
    let secs = start.elapsed().as_secs_f64();
    let ms = |us: u64| us as f64 / 1000.0;
    let paced = Paced {
        rate,
        achieved: total as f64 / secs,
        p50_ms: ms(histogram.value_at_quantile(0.50)),
        p99_ms: ms(histogram.value_at_quantile(0.99)),
        max_ms: ms(histogram.max()),
        errors,
    };
    Ok((paced, first + total))
}

/// One GET, its status and body bytes exactly as sent (compressed if the server compressed).
pub async fn fetch(
    client: &Client<HttpConnector, Full<Bytes>>,
    request: Request<Full<Bytes>>,
) -> anyhow::Result<(StatusCode, hyper::HeaderMap, Bytes)> {
    let response = client.request(request).await?;
    let (parts, body) = response.into_parts();
    Ok((
        parts.status,
        parts.headers,
        body.collect().await?.to_bytes(),
    ))
}
