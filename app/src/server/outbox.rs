//! The notification outbox: messages are written in the same transaction as the event they
//! announce, then delivered by a background worker (SMTP when configured; otherwise into a
//! development mailbox folder), retried with exponential backoff. Delivery is at least once;
//! each message carries a stable `Message-ID` so receivers can drop duplicates.

use super::{
    db::{now_millis, Db, Engine},
    error::ServiceError,
};

/// A message to send.
#[derive(Clone, Debug)]
pub struct NewMessage<'a> {
    /// Unique per logical notification (e.g. `reset:<token hash>`): enqueuing twice is a no-op.
    pub dedupe_key: &'a str,
    /// The recipient's email address.
    pub recipient: &'a str,
    /// Subject line.
    pub subject: &'a str,
    /// Plain-text body.
    pub body: &'a str,
}

/// Queues a message within the caller's transaction.
pub async fn enqueue(
    conn: &mut sqlx::AnyConnection,
    msg: &NewMessage<'_>,
) -> Result<(), ServiceError> {
    let now = now_millis();
    sqlx::query(
        "INSERT INTO outbox (dedupe_key, channel, recipient, subject, body, state, attempts, next_attempt_at, created_at)
         VALUES ($1, 'email', $2, $3, $4, 'pending', 0, $5, $5)
         ON CONFLICT (dedupe_key) DO NOTHING",
    )
    .bind(msg.dedupe_key)
    .bind(msg.recipient)
    .bind(msg.subject)
    .bind(msg.body)
    .bind(now)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// A message claimed for delivery.
#[derive(Clone, Debug)]
pub struct Claimed {
    /// Its id (also the basis of the `Message-ID`).
    pub outbox_id: i64,
    /// Its dedupe key.
    pub dedupe_key: String,
    /// Recipient address.
    pub recipient: String,
    /// Subject.
    pub subject: String,
    /// Body.
    pub body: String,
    /// Delivery attempts including this one.
    pub attempts: i64,
}

/// Attempts before a message is marked failed.
pub const MAX_ATTEMPTS: i64 = 8;

/// Claims up to `limit` due messages (pending and due, or claimed by a worker that died) for
/// `lease_millis`, after which another worker may take a message over. On PostgreSQL
/// concurrent workers skip each other's rows (`FOR UPDATE SKIP LOCKED`).
pub async fn claim(db: &Db, limit: i64, lease_millis: i64) -> Result<Vec<Claimed>, ServiceError> {
    let now = now_millis();
    let lock = match db.engine() {
        Engine::Postgres => "FOR UPDATE SKIP LOCKED",
        Engine::Sqlite => "",
    };
    let sql = format!(
        "UPDATE outbox SET state = 'sending', claimed_until = $1, attempts = attempts + 1
         WHERE outbox_id IN (
             SELECT outbox_id FROM outbox
             WHERE (state = 'pending' AND next_attempt_at <= $2)
                OR (state = 'sending' AND claimed_until < $2)
             ORDER BY outbox_id LIMIT $3 {lock})
         RETURNING outbox_id, dedupe_key, recipient, subject, body, attempts"
    );
    let rows: Vec<(i64, String, String, String, String, i64)> = sqlx::query_as(&sql)
        .bind(now + lease_millis)
        .bind(now)
        .bind(limit)
        .fetch_all(db.write())
        .await?;
    Ok(rows
        .into_iter()
        .map(
            |(outbox_id, dedupe_key, recipient, subject, body, attempts)| Claimed {
                outbox_id,
                dedupe_key,
                recipient,
                subject,
                body,
                attempts,
            },
        )
        .collect())
}

/// Marks a claimed message delivered.
pub async fn mark_sent(db: &Db, outbox_id: i64) -> Result<(), ServiceError> {
    sqlx::query("UPDATE outbox SET state = 'sent', sent_at = $1, claimed_until = NULL, last_error = NULL WHERE outbox_id = $2")
        .bind(now_millis())
        .bind(outbox_id)
        .execute(db.write())
        .await?;
    Ok(())
}

/// Records a failed attempt: retried after an exponential backoff, or failed for good.
pub async fn mark_failed(db: &Db, msg: &Claimed, error: &str) -> Result<(), ServiceError> {
    let state = if msg.attempts >= MAX_ATTEMPTS {
        "failed"
    } else {
        "pending"
    };
    sqlx::query(
        "UPDATE outbox SET state = $1, next_attempt_at = $2, claimed_until = NULL, last_error = $3
         WHERE outbox_id = $4",
    )
    .bind(state)
    .bind(now_millis() + backoff_millis(msg.attempts))
    .bind(error.chars().take(500).collect::<String>())
    .bind(msg.outbox_id)
    .execute(db.write())
    .await?;
    Ok(())
}

/// 30 s, 1 min, 2 min, … capped at 1 hour.
pub fn backoff_millis(attempts: i64) -> i64 {
    let exp = attempts.clamp(1, 8) - 1;
    (30_000i64 << exp).min(60 * 60 * 1000)
}

#[cfg(test)]
mod tests {
    use super::backoff_millis;

    #[test]
    fn backoff_doubles_and_is_capped() {
        assert_eq!(backoff_millis(1), 30_000);
        assert_eq!(backoff_millis(2), 60_000);
        assert_eq!(backoff_millis(3), 120_000);
        assert_eq!(backoff_millis(50), 60 * 60 * 1000);
    }
}
