//! Sessions: a short-lived signed access token (JWT, HS256 pinned, `exp`/`iat`/`aud` checked) in
//! an HttpOnly cookie, a refresh token in a second cookie, and a server-side session record
//! checked on every request, so sign-out, a password change or deactivation revoke at once.
//!
//! Cookies are `SameSite=Lax`, and `__Host-` prefixed and `Secure` except in plain-HTTP
//! development on loopback.

use super::{db::now_millis, db::Db, error::ServiceError, keys};
use crate::auth::{Role, Viewer};
use jsonwebtoken::{decode, encode, Algorithm, DecodingKey, EncodingKey, Header, Validation};
use serde::{Deserialize, Serialize};

/// How long an access token lives.
pub const ACCESS_TTL_SECS: i64 = 15 * 60;
/// Longest a session lives, however active.
pub const SESSION_TTL_MILLIS: i64 = 12 * 60 * 60 * 1000;
/// A session unused this long ends.
pub const IDLE_TTL_MILLIS: i64 = 2 * 60 * 60 * 1000;
/// Audience of session tokens; other token kinds use other audiences and keys.
pub const AUDIENCE: &str = "sigap-session";
const ISSUER: &str = "sigap";

/// The keys and rules for session tokens, derived once from the instance secret.
#[derive(Clone)]
pub struct SessionKeys {
    encoding: EncodingKey,
    decoding: DecodingKey,
    validation: Validation,
}

impl SessionKeys {
    /// Derives the session key from the master secret.
    pub fn new(master: &super::config::Secret) -> Self {
        let key = keys::derive(master, keys::KeyPurpose::Session);
        let mut validation = Validation::new(Algorithm::HS256);
        validation.set_audience(&[AUDIENCE]);
        validation.set_issuer(&[ISSUER]);
        validation.set_required_spec_claims(&["exp", "iat", "aud", "iss", "sub"]);
        validation.leeway = 5;
        SessionKeys {
            encoding: EncodingKey::from_secret(&key),
            decoding: DecodingKey::from_secret(&key),
            validation,
        }
    }

    /// Signs an access token for session `sid` of `account_id`.
    pub fn issue(&self, account_id: i64, sid: &str, now_secs: i64) -> String {
        let claims = Claims {
            sub: account_id.to_string(),
            sid: sid.to_owned(),
            aud: AUDIENCE.to_owned(),
            iss: ISSUER.to_owned(),
            iat: now_secs,
            exp: now_secs + ACCESS_TTL_SECS,
        };
        encode(&Header::new(Algorithm::HS256), &claims, &self.encoding)
            .expect("HS256 signing cannot fail")
    }

    /// Verifies an access token: signature, algorithm, audience, issuer, expiry, and an issue
    /// time that is not in the future. Returns the claims if all hold.
    pub fn verify(&self, token: &str, now_secs: i64) -> Option<Claims> {
        let data = decode::<Claims>(token, &self.decoding, &self.validation).ok()?;
        (data.claims.iat <= now_secs + 5).then_some(data.claims)
    }
}

/// What an access token says.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Claims {
    /// The account id.
    pub sub: String,
    /// The session id.
    pub sid: String,
    /// Always [`AUDIENCE`].
    pub aud: String,
    /// Always "sigap".
    pub iss: String,
    /// Issued at (seconds).
    pub iat: i64,
    /// Expires at (seconds).
    pub exp: i64,
}

/// Cookie names; `__Host-` prefixed when cookies are secure.
pub fn cookie_names(secure: bool) -> (&'static str, &'static str) {
    if secure {
        ("__Host-sigap_at", "__Host-sigap_rt")
    } else {
        ("sigap_at", "sigap_rt")
    }
}

/// A `Set-Cookie` value for a session cookie (`None` value clears it).
pub fn set_cookie(name: &str, value: Option<&str>, max_age_secs: i64, secure: bool) -> String {
    let secure = if secure { "; Secure" } else { "" };
    match value {
        Some(v) => {
            format!("{name}={v}; Path=/; Max-Age={max_age_secs}; HttpOnly; SameSite=Lax{secure}")
        }
        None => format!("{name}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax{secure}"),
    }
}

/// A new session's credentials, to be set as cookies.
pub struct NewSession {
    /// The session id.
    pub session_id: String,
    /// The access token (JWT).
    pub access: String,
    /// The refresh token (`sid.secret`).
    pub refresh: String,
}

/// Starts a session for `account_id` in `conn` (the sign-in transaction).
pub async fn start(
    conn: &mut sqlx::AnyConnection,
    keys: &SessionKeys,
    account_id: i64,
    user_agent: Option<&str>,
) -> Result<NewSession, ServiceError> {
    let now = now_millis();
    let session_id = keys::random_token();
    let secret = keys::random_token();
    sqlx::query(
        "INSERT INTO session (session_id, account_id, refresh_hash, created_at, last_seen_at, expires_at, user_agent)
         VALUES ($1, $2, $3, $4, $4, $5, $6)",
    )
    .bind(&session_id)
    .bind(account_id)
    .bind(keys::token_hash(&secret))
    .bind(now)
    .bind(now + SESSION_TTL_MILLIS)
    .bind(user_agent.map(|ua| ua.chars().take(200).collect::<String>()))
    .execute(&mut *conn)
    .await?;
    Ok(NewSession {
        access: keys.issue(account_id, &session_id, now / 1000),
        refresh: format!("{session_id}.{secret}"),
        session_id,
    })
}

/// Ends one session (sign-out).
pub async fn end(db: &Db, session_id: &str) -> Result<(), ServiceError> {
    sqlx::query("UPDATE session SET revoked_at = $1 WHERE session_id = $2 AND revoked_at IS NULL")
        .bind(now_millis())
        .bind(session_id)
        .execute(db.write())
        .await?;
    Ok(())
}

/// Ends every session of an account (password change, deactivation), except `keep`.
pub async fn end_all(
    conn: &mut sqlx::AnyConnection,
    account_id: i64,
    keep: Option<&str>,
) -> Result<(), ServiceError> {
    sqlx::query(
        "UPDATE session SET revoked_at = $1
         WHERE account_id = $2 AND revoked_at IS NULL AND session_id <> $3",
    )
    .bind(now_millis())
    .bind(account_id)
    .bind(keep.unwrap_or(""))
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// The outcome of reading a request's session cookies.
#[derive(Debug, Default)]
pub struct Resolved {
    /// Who is signed in.
    pub viewer: Viewer,
    /// The live session, if any.
    pub session_id: Option<String>,
    /// A fresh access token to set, when the old one had expired or was near expiry.
    pub refreshed_access: Option<String>,
    /// Whether stale cookies should be cleared.
    pub clear: bool,
}

/// Works out who sent a request from its two session cookies.
pub async fn resolve(
    db: &Db,
    keys: &SessionKeys,
    access: Option<&str>,
    refresh: Option<&str>,
) -> Result<Resolved, ServiceError> {
    if access.is_none() && refresh.is_none() {
        return Ok(Resolved::default());
    }
    let now = now_millis();
    let now_secs = now / 1000;
    if let Some(claims) = access.and_then(|t| keys.verify(t, now_secs)) {
        if let Some(viewer) = live_viewer(db, &claims.sid, now).await? {
            let account_id = viewer.account_id().unwrap_or_default();
            let near_expiry = claims.exp - now_secs < ACCESS_TTL_SECS / 3;
            return Ok(Resolved {
                viewer,
                refreshed_access: near_expiry
                    .then(|| keys.issue(account_id, &claims.sid, now_secs)),
                session_id: Some(claims.sid),
                clear: false,
            });
        }
        return Ok(Resolved {
            clear: true,
            ..Resolved::default()
        });
    }
    let Some((sid, secret)) = refresh.and_then(|r| r.split_once('.')) else {
        return Ok(Resolved {
            clear: true,
            ..Resolved::default()
        });
    };
    let stored: Option<String> = sqlx::query_scalar(
        "SELECT refresh_hash FROM session WHERE session_id = $1 AND revoked_at IS NULL
         AND expires_at > $2 AND last_seen_at > $3",
    )
    .bind(sid)
    .bind(now)
    .bind(now - IDLE_TTL_MILLIS)
    .fetch_optional(db.read())
    .await?;
    let matches = stored.is_some_and(|hash| {
        use subtle::ConstantTimeEq;
        bool::from(hash.as_bytes().ct_eq(keys::token_hash(secret).as_bytes()))
    });
    if !matches {
        return Ok(Resolved {
            clear: true,
            ..Resolved::default()
        });
    }
    let Some(viewer) = live_viewer(db, sid, now).await? else {
        return Ok(Resolved {
            clear: true,
            ..Resolved::default()
        });
    };
    sqlx::query("UPDATE session SET last_seen_at = $1 WHERE session_id = $2")
        .bind(now)
        .bind(sid)
        .execute(db.write())
        .await?;
    let account_id = viewer.account_id().unwrap_or_default();
    Ok(Resolved {
        viewer,
        refreshed_access: Some(keys.issue(account_id, sid, now_secs)),
        session_id: Some(sid.to_owned()),
        clear: false,
    })
}

type ViewerRow = (i64, String, Option<String>, Option<String>, Option<i64>);

/// The viewer behind a live session (not revoked, not expired, account active).
async fn live_viewer(db: &Db, sid: &str, now: i64) -> Result<Option<Viewer>, ServiceError> {
    let row: Option<ViewerRow> = sqlx::query_as(
        "SELECT a.account_id, a.kind, c.full_name, s.full_name, s.unit_id
         FROM session ss
         JOIN account a ON a.account_id = ss.account_id
         LEFT JOIN citizen c ON c.account_id = a.account_id
         LEFT JOIN staff s ON s.account_id = a.account_id
         WHERE ss.session_id = $1 AND ss.revoked_at IS NULL AND ss.expires_at > $2 AND a.active = 1",
    )
    .bind(sid)
    .bind(now)
    .fetch_optional(db.read())
    .await?;
    let Some(row) = row else {
        return Ok(None);
    };
    viewer_from_row(db, row).await.map(Some)
}

/// The viewer an active account would be once signed in, without a session: for the demo
/// loader and for tests that call services directly.
pub async fn account_viewer(db: &Db, account_id: i64) -> Result<Option<Viewer>, ServiceError> {
    let row: Option<ViewerRow> = sqlx::query_as(
        "SELECT a.account_id, a.kind, c.full_name, s.full_name, s.unit_id
         FROM account a
         LEFT JOIN citizen c ON c.account_id = a.account_id
         LEFT JOIN staff s ON s.account_id = a.account_id
         WHERE a.account_id = $1 AND a.active = 1",
    )
    .bind(account_id)
    .fetch_optional(db.read())
    .await?;
    match row {
        Some(row) => viewer_from_row(db, row).await.map(Some),
        None => Ok(None),
    }
}

async fn viewer_from_row(db: &Db, row: ViewerRow) -> Result<Viewer, ServiceError> {
    let (account_id, kind, citizen_name, staff_name, unit_id) = row;
    if kind == "citizen" {
        return Ok(Viewer::Citizen {
            account_id,
            name: citizen_name.unwrap_or_default(),
        });
    }
    let roles: Vec<String> =
        sqlx::query_scalar("SELECT role FROM staff_role WHERE account_id = $1 ORDER BY role")
            .bind(account_id)
            .fetch_all(db.read())
            .await?;
    Ok(Viewer::Staff {
        account_id,
        name: staff_name.unwrap_or_default(),
        unit_id,
        roles: roles.iter().filter_map(|r| Role::parse(r)).collect(),
    })
}
