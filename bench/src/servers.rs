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

async fn peak_through(
    target: &Target,
    ports: Vec<u16>,
    concurrency: usize,
) -> anyhow::Result<Peak> {
    // Fresh invitations for each measurement: an answered token would still redirect (303).
    let tokens = Arc::new(crate::survey::invitations(target, 40_000).await?);
    let make = crate::survey::answer_request(ports, tokens.clone());
    let (_, next) = load::peak(
        make.clone(),
        StatusCode::SEE_OTHER,
        concurrency,
        Duration::from_secs(2),
        0,
    )
    .await?;
    let (peak, used) = load::peak(
        make,
        StatusCode::SEE_OTHER,
        concurrency,
        Duration::from_secs(10),
        next,
    )
    .await?;
    anyhow::ensure!(used < tokens.len(), "too few invitations prepared");
    Ok(peak)
}

/// The figure, with `first` already running and `second` on the same database.
pub async fn measure(
    target: &Target,
    first: &Running,
    second: &Running,
    concurrency: usize,
) -> anyhow::Result<ServersFigure> {
    let one = peak_through(target, vec![first.port], concurrency).await?;
    let two = peak_through(target, vec![first.port, second.port], concurrency).await?;
    Ok(ServersFigure {
        engine: target.engine.to_owned(),
        ratio: two.per_second / one.per_second.max(1.0),
        one,
        two,
    })
}
