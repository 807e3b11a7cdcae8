//! Background work of a running server: delivering the notification outbox, folding the rollup
//! deltas, pruning old rate-limit windows, and checkpointing SQLite's write-ahead log. Safe to
//! run on several servers at once (claims are exclusive).

use app::server::{config::Config, db::Db, mailer::Mailer, outbox, rate_limit, scoring};
use std::time::Duration;

/// The mailer configured by `SIGAP_SMTP_URL`/`SIGAP_MAIL_FROM`, else the development mailbox
/// folder `DATA_DIR/mailbox`.
pub fn mailer(config: &Config) -> anyhow::Result<Mailer> {
    match std::env::var("SIGAP_SMTP_URL")
        .ok()
        .filter(|u| !u.is_empty())
    {
        Some(url) => {
            let from = std::env::var("SIGAP_MAIL_FROM")
                .unwrap_or_else(|_| "Sigap <no-reply@localhost>".into());
            Mailer::smtp(&url, &from).map_err(anyhow::Error::msg)
        }
        None => {
            let dir = config.data_dir.join("mailbox");
            tracing::info!(folder = %dir.display(), "no SIGAP_SMTP_URL: messages go to the development mailbox folder");
            Ok(Mailer::Folder(dir))
        }
    }
}

/// Delivers due outbox messages once; returns how many were sent.
pub async fn deliver_due(db: &Db, mailer: &Mailer, lease: Duration) -> usize {
    let lease_millis = i64::try_from(lease.as_millis()).unwrap_or(i64::MAX);
    let claimed = match outbox::claim(db, 20, lease_millis).await {
        Ok(claimed) => claimed,
        Err(error) => {
            tracing::warn!(%error, "could not claim outbox messages");
            return 0;
        }
    };
    let mut sent = 0;
    for msg in claimed {
        match mailer.deliver(&msg).await {
            Ok(()) => {
                if let Err(error) = outbox::mark_sent(db, msg.outbox_id).await {
                    tracing::warn!(%error, outbox.id = msg.outbox_id, "delivered but not marked sent; it may be sent again");
                }
                sent += 1;
            }
            Err(error) => {
                tracing::warn!(outbox.id = msg.outbox_id, attempts = msg.attempts, %error, "delivery failed");
                if let Err(error) = outbox::mark_failed(db, &msg, &error).await {
                    tracing::warn!(%error, "could not record the failed delivery");
                }
            }
        }
    }
    sent
}

/// Runs until the process stops: the outbox and the rollup fold every two seconds, pruning
/// every hour.
pub fn spawn(db: Db, mailer: Mailer, lease: Duration) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(Duration::from_secs(2));
        let mut ticks: u64 = 0;
        loop {
            tick.tick().await;
            deliver_due(&db, &mailer, lease).await;
            match scoring::rollup::fold(&db).await {
                Ok(0) => {}
                Ok(rows) => tracing::debug!(rows, "folded rollup deltas"),
                Err(error) => tracing::warn!(%error, "could not fold the rollup deltas"),
            }
            ticks += 1;
            if ticks % 1800 == 1 {
                if let Err(error) = rate_limit::prune(&db).await {
                    tracing::warn!(%error, "could not prune rate limits");
                }
            }
        }
    })
}

/// Runs until the process stops: checkpoints SQLite's write-ahead log five times a second
/// ([`Db::checkpoint`]), so the writer rarely does it inside a citizen's answer (only when the
/// log reaches its 8,000 pages; docs/ARCHITECTURE.md). On PostgreSQL it ends at its first tick.
pub fn spawn_checkpoints(db: Db) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(Duration::from_millis(200));
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            tick.tick().await;
            match db.checkpoint().await {
                Ok(Some(_)) => {}
                Ok(None) => return,
                Err(error) => tracing::warn!(%error, "could not checkpoint the write-ahead log"),
            }
        }
    })
}
