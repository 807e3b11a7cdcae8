//! Several servers (issue 9; docs/DEPLOYMENT.md "What was measured"): survey answers accepted
//! per second through one `sigap` server, then through two on the same PostgreSQL database with
//! the requests alternating between them, as a load balancer would send them. On this one
//! machine the servers, the database and the load generator share the same cores, so the ratio
//! shows that a second server works beside the first, not how far a real cluster scales.

use crate::load::{self, Peak};
use crate::proc::{Running, Target};
use hyper::StatusCode;
use serde::Serialize;
use std::sync::Arc;
use std::time::Duration;

/// One server against two.
#[derive(Debug, Clone, Serialize)]
pub struct ServersFigure {
    /// Engine (PostgreSQL: several servers need a shared database).
    pub engine: String,
    /// Answers per second through one server.
    pub one: Peak,
    /// Answers per second through two.
    pub two: Peak,
    /// two ÷ one.
    pub ratio: f64,
}

/// Seconds of warm-up, then of the measured peak.
const WARM_UP_SECS: u64 = 2;
const PEAK_SECS: u64 = 10;

async fn peak_through(
    target: &Target,
    ports: Vec<u16>,
    concurrency: usize,
    expected_per_second: f64,
) -> anyhow::Result<Peak> {
    // Fresh invitations for each measurement: an answered token would still redirect (303).
    // Enough for twice the rate figure 1 measured on this database, for the whole load.
    let needed = (expected_per_second * 2.0 * (WARM_UP_SECS + PEAK_SECS) as f64) as usize;
    let tokens = Arc::new(crate::survey::invitations(target, needed.max(40_000)).await?);
    let make = crate::survey::answer_request(ports, tokens.clone());
    let (_, next) = load::peak(
        make.clone(),
        StatusCode::SEE_OTHER,
        concurrency,
        Duration::from_secs(WARM_UP_SECS),
        0,
    )
    .await?;
    let (peak, used) = load::peak(
        make,
        StatusCode::SEE_OTHER,
        concurrency,
        Duration::from_secs(PEAK_SECS),
        next,
    )
    .await?;
    anyhow::ensure!(used < tokens.len(), "too few invitations prepared");
    Ok(peak)
}

/// The figure, with `first` already running and `second` on the same database;
/// `expected_per_second` is figure 1's peak through `first`, to size the tokens.
pub async fn measure(
    target: &Target,
    first: &Running,
    second: &Running,
    concurrency: usize,
    expected_per_second: f64,
) -> anyhow::Result<ServersFigure> {
    let ports = vec![first.port];
    let one = peak_through(target, ports, concurrency, expected_per_second).await?;
    let ports = vec![first.port, second.port];
    let two = peak_through(target, ports, concurrency, expected_per_second).await?;
    Ok(ServersFigure {
        engine: target.engine.to_owned(),
        ratio: two.per_second / one.per_second.max(1.0),
        one,
        two,
    })
}
