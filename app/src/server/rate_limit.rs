//! Limits on attempts (sign-in, registration, password reset), counted in the database so they
//! hold across every server of an instance. Fixed windows per bucket.

use super::{db::now_millis, db::Db, error::ServiceError};

/// One limit: at most `max` attempts per `window_secs`.
#[derive(Clone, Copy, Debug)]
pub struct Limit {
    /// Attempts allowed per window.
    pub max: i64,
    /// Window length in seconds.
    pub window_secs: i64,
}

/// Sign-in attempts per account identifier.
pub const SIGN_IN_PER_ACCOUNT: Limit = Limit {
    max: 5,
    window_secs: 15 * 60,
};
/// Sign-in attempts per IP address.
pub const SIGN_IN_PER_IP: Limit = Limit {
    max: 30,
    window_secs: 15 * 60,
};
/// Registrations per IP address.
pub const REGISTER_PER_IP: Limit = Limit {
    max: 10,
    window_secs: 60 * 60,
};
/// Registration attempts per NIK typed.
pub const REGISTER_PER_ACCOUNT: Limit = Limit {
    max: 5,
    window_secs: 60 * 60,
};
/// Reset requests per account identifier.
pub const RESET_PER_ACCOUNT: Limit = Limit {
    max: 3,
    window_secs: 60 * 60,
};
/// Reset requests per IP address.
pub const RESET_PER_IP: Limit = Limit {
    max: 10,
    window_secs: 60 * 60,
};

/// Counts one attempt in `bucket`; refuses with the seconds until the window ends when the
/// limit is already used up. The bucket key should not contain personal data in clear (hash
/// identifiers with [`super::keys::token_hash`]).
pub async fn hit(db: &Db, bucket: &str, limit: Limit) -> Result<(), ServiceError> {
    let now = now_millis();
    let window_ms = limit.window_secs * 1000;
    let window_start = now - now.rem_euclid(window_ms);
    let hits: i64 = sqlx::query_scalar(
        "INSERT INTO rate_limit (bucket, window_start, hits) VALUES ($1, $2, 1)
         ON CONFLICT (bucket, window_start) DO UPDATE SET hits = rate_limit.hits + 1
         RETURNING hits",
    )
    .bind(bucket)
    .bind(window_start)
    .fetch_one(db.write())
    .await?;
    if hits > limit.max {
        let retry_after = (window_start + window_ms - now + 999) / 1000;
        return Err(ServiceError::RateLimited(retry_after.max(1) as u64));
    }
    Ok(())
}

/// Forgets attempts for a bucket (after a successful sign-in).
pub async fn clear(db: &Db, bucket: &str) -> Result<(), ServiceError> {
    sqlx::query("DELETE FROM rate_limit WHERE bucket = $1")
        .bind(bucket)
        .execute(db.write())
        .await?;
    Ok(())
}

/// Deletes windows that ended more than a day ago (run by the background worker).
pub async fn prune(db: &Db) -> Result<u64, ServiceError> {
    let cutoff = now_millis() - 24 * 60 * 60 * 1000;
    let result = sqlx::query("DELETE FROM rate_limit WHERE window_start < $1")
        .bind(cutoff)
        .execute(db.write())
        .await?;
    Ok(result.rows_affected())
}
