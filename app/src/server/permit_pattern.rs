//! The instance's permit-number pattern (REFERENCE §2.2: numbers like
//! `503/0112/SIPD/DPM-PTSP/2026`), set by admins. Kept in the `setting` table; completing an
//! application reads it in its own transaction.

use crate::api::permits::PermitPatternView;
use crate::auth::Viewer;
use crate::domain::registration::{
    PatternError, PermitNumberParts, PermitNumberPattern, DEFAULT_PERMIT_PATTERN,
};
use crate::forms::field_error;
use crate::i18n::{catalog as ct, I18n};
use crate::server::accounts::{staff::require_admin, RequestMeta};
use crate::server::{audit, db::now_millis, db::Db, error::ServiceError};

/// Key of the permit-number pattern setting.
pub const PERMIT_PATTERN_KEY: &str = "permit_pattern";

/// The pattern in force: the stored one, or the default when none (or a broken one) is stored.
pub async fn current(conn: &mut sqlx::AnyConnection) -> Result<PermitNumberPattern, ServiceError> {
    let stored: Option<String> = sqlx::query_scalar("SELECT value FROM setting WHERE key = $1")
        .bind(PERMIT_PATTERN_KEY)
        .fetch_optional(&mut *conn)
        .await?;
    PermitNumberPattern::parse(stored.as_deref().unwrap_or(DEFAULT_PERMIT_PATTERN))
        .or_else(|_| PermitNumberPattern::parse(DEFAULT_PERMIT_PATTERN))
        .map_err(|e| ServiceError::Unexpected(e.to_string()))
}

/// What a number looks like with `pattern` (the 112th permit of a DPM-PTSP trade permit).
pub fn example(pattern: &PermitNumberPattern, year: i32) -> String {
    pattern.render(&PermitNumberParts {
        archive: "503",
        seq: 112,
        service: "SIPD",
        unit: "DPM-PTSP",
        year,
    })
}

/// The settings page's content (admins only).
pub async fn view(db: &Db, viewer: &Viewer, year: i32) -> Result<PermitPatternView, ServiceError> {
    require_admin(viewer)?;
    let mut conn = db.read().acquire().await?;
    let pattern = current(&mut conn).await?;
    Ok(PermitPatternView {
        pattern: pattern.as_str().to_owned(),
        example: example(&pattern, year),
        default_pattern: DEFAULT_PERMIT_PATTERN.to_owned(),
    })
}

/// The settings form.
#[derive(Clone, Debug, Default, serde::Deserialize)]
#[serde(default)]
pub struct PatternInput {
    /// The pattern typed.
    pub pattern: String,
}

/// Sets the pattern of permit numbers issued from now on (numbers already issued keep theirs).
pub async fn save(
    db: &Db,
    viewer: &Viewer,
    input: &PatternInput,
    meta: &RequestMeta,
    i18n: I18n,
) -> Result<(), ServiceError> {
    require_admin(viewer)?;
    let text = input.pattern.trim();
    let pattern = if text.chars().count() > 120 {
        Err(i18n.t(ct::PATTERN_TOO_LONG).to_owned())
    } else {
        PermitNumberPattern::parse(text).map_err(|e| match e {
            PatternError::MissingSequence => i18n.t(ct::PATTERN_NEEDS_SEQ).to_owned(),
            PatternError::Unbalanced => i18n.t(ct::PATTERN_UNBALANCED).to_owned(),
            PatternError::UnknownPlaceholder(p) => {
                i18n.f(ct::PATTERN_UNKNOWN, &[("placeholder", &format!("{{{p}}}"))])
            }
        })
    }
    .map_err(|message| ServiceError::Validation(vec![field_error("pattern", message)]))?;
    let mut tx = db.begin().await?;
    sqlx::query(
        "INSERT INTO setting (key, value, updated_at) VALUES ($1, $2, $3)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
    )
    .bind(PERMIT_PATTERN_KEY)
    .bind(pattern.as_str())
    .bind(now_millis())
    .execute(&mut *tx)
    .await?;
    audit::record(
        &mut tx,
        &meta.actor(viewer),
        "settings.permit_pattern",
        None,
        Some(pattern.as_str()),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}
