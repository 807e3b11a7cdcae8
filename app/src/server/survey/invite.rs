//! Survey invitations (REFERENCE §3): one per completed application, issued in the completion
//! transaction and delivered in its notification, on the citizen's application page and on the
//! printed permit; and one-time counter invitations an officer issues for a citizen served at
//! the desk (QR code and a short typed code), credited to that officer and service.

use super::{survey_url, SurveyKeys};
use crate::api::survey::{CounterSlip, InvitationLink};
use crate::auth::{Role, Viewer};
use crate::domain::survey_code::{ShortCode, LENGTH};
use crate::forms::field_error;
use crate::i18n::{survey as sv, I18n};
use crate::server::applications::{day_text, load_visible, today, AppRow};
use crate::server::{
    accounts::RequestMeta, audit, db::now_millis, error::ServiceError, keys,
    permits::qr_svg_compact as qr_svg, rate_limit, state::AppState,
};

/// How long an online invitation stays open.
pub const ONLINE_TTL_DAYS: i64 = 60;
/// How long a counter invitation stays open (the citizen answers soon after the visit).
pub const COUNTER_TTL_DAYS: i64 = 7;
const DAY_MILLIS: i64 = 24 * 60 * 60 * 1000;

/// Typed-code lookups allowed per IP per window: guessing a code is not practical.
pub const CODE_LOOKUPS_PER_IP: rate_limit::Limit = rate_limit::Limit {
    max: 20,
    window_secs: 15 * 60,
};

/// A random invitation id: 132 random bits, short enough to keep the link's QR code legible.
fn short_id() -> String {
    keys::random_token().chars().take(22).collect()
}

fn token_of(keys: &SurveyKeys, jti: &str, issued_at: i64, expires_at: i64) -> String {
    keys.sign(jti, issued_at / 1000, expires_at / 1000)
}

fn local_day(state: &AppState, millis: i64) -> String {
    let instant = time::OffsetDateTime::from_unix_timestamp_nanos(i128::from(millis) * 1_000_000)
        .unwrap_or(time::OffsetDateTime::UNIX_EPOCH);
    day_text(state.config.time_zone.local_date(instant))
}

/// Issues the invitation of a completed application inside the completion transaction, and
/// returns its questionnaire link (for the completion notification). Completing twice is
/// impossible, and the unique application key makes a second invitation impossible too.
pub async fn for_application(
    conn: &mut sqlx::AnyConnection,
    state: &AppState,
    row: &AppRow,
) -> Result<String, ServiceError> {
    let now = now_millis();
    let expires = now + ONLINE_TTL_DAYS * DAY_MILLIS;
    let jti = short_id();
    sqlx::query(
        "INSERT INTO survey_invitation (jti, channel, application_id, unit_id, service_type_id, service_date, issued_at, expires_at)
         VALUES ($1, 'online', $2, $3, $4, $5, $6, $7)",
    )
    .bind(&jti)
    .bind(row.application_id)
    .bind(row.unit_id)
    .bind(row.service_type_id)
    .bind(day_text(today(state)))
    .bind(now)
    .bind(expires)
    .execute(&mut *conn)
    .await?;
    let token = token_of(&state.survey_keys, &jti, now, expires);
    Ok(survey_url(&state.config.base_url(), &token))
}

type InvitationRow = (String, i64, i64, Option<i64>);

/// The invitation of application `id`, for whoever may see the application (its applicant
/// answers it; the unit's staff print it on the permit). `None` before completion.
pub async fn of_application(
    state: &AppState,
    viewer: &Viewer,
    id: i64,
) -> Result<Option<InvitationLink>, ServiceError> {
    load_visible(state, viewer, id).await?;
    let row: Option<InvitationRow> = sqlx::query_as(
        "SELECT jti, issued_at, expires_at, used_at FROM survey_invitation WHERE application_id = $1",
    )
    .bind(id)
    .fetch_optional(state.db.read())
    .await?;
    Ok(row.map(|(jti, issued_at, expires_at, used_at)| {
        let token = token_of(&state.survey_keys, &jti, issued_at, expires_at);
        InvitationLink {
            url: survey_url(&state.config.base_url(), &token),
            qr_image: format!("/survei/{token}/qr.svg"),
            answered: used_at.is_some(),
            expired: expires_at <= now_millis(),
            expires_on: local_day(state, expires_at),
        }
    }))
}

/// The QR code (SVG) of the questionnaire link of `token`, if this instance signed the token and
/// it is still open; `None` otherwise. Encoding a survey link's QR code cost more than the rest
/// of the application page together (a third of that page's server samples went to scoring the
/// code's masks; BENCHMARKS.md), so pages link it as an image the browser keeps instead of
/// embedding it. No database read: the signature proves the invitation, and the image shows only
/// the link its holder already has.
pub fn qr_of_token(state: &AppState, token: &str) -> Option<String> {
    match state.survey_keys.check(token, now_millis() / 1000) {
        super::Checked::Valid(_) => Some(qr_svg(&survey_url(&state.config.base_url(), token))),
        super::Checked::Expired | super::Checked::Invalid => None,
    }
}

/// The counter invitation form.
#[derive(Clone, Debug, Default, serde::Deserialize)]
#[serde(default)]
pub struct CounterInvitationInput {
    /// Service code (a service of the officer's unit).
    pub service: String,
    /// Idempotency key of the form: one invitation per key.
    pub issue_key: String,
}

/// Issues a counter invitation for a citizen served at the desk, credited to the officer.
/// Replay-safe: the same form again returns the same invitation.
pub async fn issue_counter(
    state: &AppState,
    viewer: &Viewer,
    input: &CounterInvitationInput,
    meta: &RequestMeta,
    i18n: I18n,
) -> Result<i64, ServiceError> {
    let Viewer::Staff {
        account_id,
        unit_id: Some(unit_id),
        ..
    } = viewer
    else {
        return Err(if viewer.is_signed_in() {
            ServiceError::Forbidden
        } else {
            ServiceError::Unauthorized
        });
    };
    if !viewer.has_role(Role::Officer) {
        return Err(ServiceError::Forbidden);
    }
    let key = input.issue_key.trim();
    if !(16..=64).contains(&key.len()) {
        return Err(ServiceError::Validation(vec![]));
    }
    let mut tx = state.db.begin().await?;
    if let Some(id) = sqlx::query_scalar::<_, i64>(
        "SELECT invitation_id FROM survey_invitation WHERE issue_key = $1 AND officer_account_id = $2",
    )
    .bind(key)
    .bind(account_id)
    .fetch_optional(&mut *tx)
    .await?
    {
        return Ok(id);
    }
    let service: Option<i64> = sqlx::query_scalar(
        "SELECT service_type_id FROM service_type WHERE code = $1 AND unit_id = $2 AND active = 1",
    )
    .bind(input.service.trim().to_uppercase())
    .bind(unit_id)
    .fetch_optional(&mut *tx)
    .await?;
    let Some(service_type_id) = service else {
        return Err(ServiceError::Validation(vec![field_error(
            "service",
            i18n.t(sv::COUNTER_SERVICE_REQUIRED),
        )]));
    };
    let now = now_millis();
    let expires = now + COUNTER_TTL_DAYS * DAY_MILLIS;
    let service_day = day_text(today(state));
    let id = loop {
        let mut bytes = [0u8; LENGTH];
        rand::RngCore::fill_bytes(&mut rand::rngs::OsRng, &mut bytes);
        let code = ShortCode::from_random(bytes);
        let taken: Option<i64> =
            sqlx::query_scalar("SELECT invitation_id FROM survey_invitation WHERE short_code = $1")
                .bind(code.as_str())
                .fetch_optional(&mut *tx)
                .await?;
        if taken.is_some() {
            continue;
        }
        break sqlx::query_scalar::<_, i64>(
            "INSERT INTO survey_invitation (jti, short_code, channel, unit_id, service_type_id, officer_account_id,
                 service_date, issue_key, issued_at, expires_at)
             VALUES ($1, $2, 'counter', $3, $4, $5, $6, $7, $8, $9) RETURNING invitation_id",
        )
        .bind(short_id())
        .bind(code.as_str())
        .bind(unit_id)
        .bind(service_type_id)
        .bind(account_id)
        .bind(&service_day)
        .bind(key)
        .bind(now)
        .bind(expires)
        .fetch_one(&mut *tx)
        .await?;
    };
    crate::server::scoring::rollup::served_counter(&mut tx, *account_id, &service_day).await?;
    audit::record(
        &mut tx,
        &meta.actor(viewer),
        "survey.counter_invitation",
        Some(&format!("survey_invitation:{id}")),
        None,
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

type SlipRow = (
    String,
    Option<String>,
    i64,
    i64,
    Option<i64>,
    String,
    String,
    String,
);

/// A counter invitation, for the officer who issued it.
pub async fn counter_slip(
    state: &AppState,
    viewer: &Viewer,
    id: i64,
    i18n: I18n,
) -> Result<CounterSlip, ServiceError> {
    let Some(account_id) = viewer.account_id().filter(|_| viewer.is_staff()) else {
        return Err(if viewer.is_signed_in() {
            ServiceError::NotFound
        } else {
            ServiceError::Unauthorized
        });
    };
    let row: Option<SlipRow> = sqlx::query_as(
        "SELECT i.jti, i.short_code, i.issued_at, i.expires_at, i.used_at, s.name_id, s.name_en, u.name
         FROM survey_invitation i JOIN service_type s ON s.service_type_id = i.service_type_id
         JOIN unit u ON u.unit_id = i.unit_id
         WHERE i.invitation_id = $1 AND i.channel = 'counter' AND i.officer_account_id = $2",
    )
    .bind(id)
    .bind(account_id)
    .fetch_optional(state.db.read())
    .await?;
    let (jti, code, issued_at, expires_at, used_at, name_id, name_en, unit_name) =
        row.ok_or(ServiceError::NotFound)?;
    let url = survey_url(
        &state.config.base_url(),
        &token_of(&state.survey_keys, &jti, issued_at, expires_at),
    );
    Ok(CounterSlip {
        code: code
            .as_deref()
            .and_then(ShortCode::parse)
            .map(|c| c.to_string())
            .unwrap_or_default(),
        qr_svg: qr_svg(&url),
        url,
        service_name: crate::pages::catalog::pick(i18n, &name_id, &name_en),
        unit_name,
        expires_on: local_day(state, expires_at),
        answered: used_at.is_some(),
    })
}

/// The questionnaire token for a typed counter code (rate-limited per IP). `NotFound` for an
/// unknown, mistyped or used code alike.
pub async fn token_for_code(
    state: &AppState,
    typed: &str,
    meta: &RequestMeta,
    i18n: I18n,
) -> Result<String, ServiceError> {
    rate_limit::hit(
        &state.db,
        &meta.ip_bucket("survey-code"),
        CODE_LOOKUPS_PER_IP,
    )
    .await?;
    let not_found =
        || ServiceError::Validation(vec![field_error("code", i18n.t(sv::CODE_UNKNOWN))]);
    let code = ShortCode::parse(typed).ok_or_else(not_found)?;
    let row: Option<(String, i64, i64)> = sqlx::query_as(
        "SELECT jti, issued_at, expires_at FROM survey_invitation WHERE short_code = $1",
    )
    .bind(code.as_str())
    .fetch_optional(state.db.read())
    .await?;
    let (jti, issued_at, expires_at) = row.ok_or_else(not_found)?;
    Ok(token_of(&state.survey_keys, &jti, issued_at, expires_at))
}
