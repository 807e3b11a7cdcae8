//! Answering the questionnaire. Opening it (GET) only checks the token; submitting stores the
//! answer once: the invitation is consumed by one conditional `UPDATE … WHERE used_at IS NULL`
//! in the same transaction as the answer, so a replay — in sequence or concurrent — stores
//! nothing more and is told "already answered, thank you".
//!
//! The stored answer carries no identity (REFERENCE §3.1). The application it rates and the
//! officers it credits go to the scoring-only tables: online answers credit the officers frozen
//! on the application at completion (REFERENCE §4), counter answers the officer who issued the
//! invitation.

use super::Checked;
use crate::api::survey::SurveyOpening;
use crate::auth::Viewer;
use crate::domain::skm::Unsur;
use crate::domain::survey_form::{
    needs_follow_up, parse_survey_form, SurveyAnswers, SurveyFieldError,
};
use crate::forms::field_error;
use crate::i18n::{survey as sv, I18n};
use crate::server::{db::now_millis, error::ServiceError, state::AppState};

/// An invitation as the survey needs it.
#[derive(Clone, Debug, sqlx::FromRow)]
struct InvitationRow {
    invitation_id: i64,
    channel: String,
    application_id: Option<i64>,
    unit_id: i64,
    service_type_id: i64,
    officer_account_id: Option<i64>,
    service_date: String,
    expires_at: i64,
    used_at: Option<i64>,
    name_id: String,
    name_en: String,
    unit_name: String,
}

enum Found {
    Open(InvitationRow),
    Closed(SurveyOpening),
}

async fn find(state: &AppState, token: &str) -> Result<Found, ServiceError> {
    let claims = match state.survey_keys.check(token, now_millis() / 1000) {
        Checked::Valid(claims) => claims,
        Checked::Expired => return Ok(Found::Closed(SurveyOpening::Expired)),
        Checked::Invalid => return Ok(Found::Closed(SurveyOpening::Invalid)),
    };
    let row: Option<InvitationRow> = sqlx::query_as(
        "SELECT i.invitation_id, i.channel, i.application_id, i.unit_id, i.service_type_id, i.officer_account_id,
                i.service_date, i.expires_at, i.used_at, s.name_id, s.name_en, u.name AS unit_name
         FROM survey_invitation i JOIN service_type s ON s.service_type_id = i.service_type_id
         JOIN unit u ON u.unit_id = i.unit_id WHERE i.jti = $1",
    )
    .bind(&claims.jti)
    .fetch_optional(state.db.write())
    .await?;
    Ok(match row {
        None => Found::Closed(SurveyOpening::Invalid),
        Some(r) if r.used_at.is_some() => Found::Closed(SurveyOpening::AlreadyAnswered),
        Some(r) if r.expires_at <= now_millis() => Found::Closed(SurveyOpening::Expired),
        Some(r) => Found::Open(r),
    })
}

/// What the questionnaire page shows; changes nothing.
pub async fn open(
    state: &AppState,
    viewer: &Viewer,
    token: &str,
    i18n: I18n,
) -> Result<SurveyOpening, ServiceError> {
    let found = find(state, token).await?;
    if viewer.is_staff() && matches!(found, Found::Open(_)) {
        return Ok(SurveyOpening::StaffRefused);
    }
    Ok(match found {
        Found::Closed(opening) => opening,
        Found::Open(r) => SurveyOpening::Ready {
            service_name: crate::pages::catalog::pick(i18n, &r.name_id, &r.name_en),
            unit_name: r.unit_name,
            service_date: r.service_date,
        },
    })
}

/// How a submission ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Submitted {
    /// Stored: thank you.
    Stored,
    /// The token was already used: nothing more stored; thank you anyway.
    AlreadyAnswered,
}

fn message(i18n: I18n, error: SurveyFieldError) -> String {
    i18n.t(match error {
        SurveyFieldError::NotAnAnswer => sv::ANSWER_INVALID,
        SurveyFieldError::NothingAnswered => sv::ANSWER_AT_LEAST_ONE,
        SurveyFieldError::Profile(
            crate::domain::respondent::ProfileError::AgeNotANumber
            | crate::domain::respondent::ProfileError::AgeOutOfRange,
        ) => sv::CSV_AGE,
        SurveyFieldError::Profile(_) => sv::PROFILE_INVALID,
        SurveyFieldError::SuggestionTooLong => sv::SUGGESTION_TOO_LONG,
    })
    .to_owned()
}

/// Stores an answer for `token` once. Expired, forged and unknown tokens are refused with a
/// conflict message the page shows; staff accounts are refused.
pub async fn submit(
    state: &AppState,
    viewer: &Viewer,
    token: &str,
    fields: &[(String, String)],
    i18n: I18n,
) -> Result<Submitted, ServiceError> {
    if viewer.is_staff() {
        return Err(ServiceError::Forbidden);
    }
    let invitation = match find(state, token).await? {
        Found::Open(r) => r,
        Found::Closed(SurveyOpening::AlreadyAnswered) => return Ok(Submitted::AlreadyAnswered),
        Found::Closed(SurveyOpening::Expired) => {
            return Err(ServiceError::Conflict(i18n.t(sv::EXPIRED_BODY).into()))
        }
        Found::Closed(_) => return Err(ServiceError::Conflict(i18n.t(sv::INVALID_BODY).into())),
    };
    let get = |name: &str| {
        fields
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
            .unwrap_or("")
    };
    let answers = parse_survey_form(get).map_err(|errors| {
        ServiceError::Validation(
            errors
                .into_iter()
                .map(|(field, e)| field_error(&field, message(i18n, e)))
                .collect(),
        )
    })?;
    let now = now_millis();
    // The invitation keeps only the day it was used, so its row cannot be matched to the
    // answer's time by anyone reading both tables.
    let used_day = now - now.rem_euclid(24 * 60 * 60 * 1000);
    let mut tx = state.db.begin().await?;
    let consumed = sqlx::query(
        "UPDATE survey_invitation SET used_at = $1 WHERE invitation_id = $2 AND used_at IS NULL AND expires_at > $3",
    )
    .bind(used_day)
    .bind(invitation.invitation_id)
    .bind(now)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    if consumed == 0 {
        tx.rollback().await?;
        return Ok(Submitted::AlreadyAnswered);
    }
    let channel = if invitation.channel == "counter" {
        "counter"
    } else {
        "online"
    };
    let response_id = insert_response(&mut tx, &invitation, channel, &answers, now).await?;
    sqlx::query(
        "INSERT INTO survey_response_source (response_id, invitation_id, application_id) VALUES ($1, $2, $3)",
    )
    .bind(response_id)
    .bind(invitation.invitation_id)
    .bind(invitation.application_id)
    .execute(&mut *tx)
    .await?;
    match (invitation.application_id, invitation.officer_account_id) {
        (Some(application_id), _) => {
            sqlx::query(
                "INSERT INTO survey_response_credit (response_id, officer_account_id)
                 SELECT $1, officer_account_id FROM application_credit WHERE application_id = $2",
            )
            .bind(response_id)
            .bind(application_id)
            .execute(&mut *tx)
            .await?;
        }
        (None, Some(officer)) => {
            sqlx::query("INSERT INTO survey_response_credit (response_id, officer_account_id) VALUES ($1, $2)")
                .bind(response_id)
                .bind(officer)
                .execute(&mut *tx)
                .await?;
        }
        (None, None) => {}
    }
    crate::server::scoring::rollup::credit_response(&mut tx, response_id).await?;
    super::followup::open_if_needed(
        &mut tx,
        response_id,
        invitation.unit_id,
        needs_follow_up(&answers),
        now,
    )
    .await?;
    tx.commit().await?;
    tracing::info!(survey.channel = channel, "survey answer stored");
    Ok(Submitted::Stored)
}

async fn insert_response(
    conn: &mut sqlx::AnyConnection,
    invitation: &InvitationRow,
    channel: &str,
    answers: &SurveyAnswers,
    now: i64,
) -> Result<i64, ServiceError> {
    let score = |u: Unsur| answers.answers.get(u).map(|s| i64::from(s.get()));
    Ok(sqlx::query_scalar(
        "INSERT INTO survey_response (unit_id, service_type_id, channel, service_date, submitted_at,
             u1, u2, u3, u4, u5, u6, u7, u8, u9, gender, age, education, occupation, suggestion)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)
         RETURNING response_id",
    )
    .bind(invitation.unit_id)
    .bind(invitation.service_type_id)
    .bind(channel)
    .bind(&invitation.service_date)
    .bind(now)
    .bind(score(Unsur::U1))
    .bind(score(Unsur::U2))
    .bind(score(Unsur::U3))
    .bind(score(Unsur::U4))
    .bind(score(Unsur::U5))
    .bind(score(Unsur::U6))
    .bind(score(Unsur::U7))
    .bind(score(Unsur::U8))
    .bind(score(Unsur::U9))
    .bind(answers.gender.map(|g| g.code()))
    .bind(answers.age.map(|a| i64::from(a.get())))
    .bind(answers.education.map(|e| e.code()))
    .bind(answers.occupation.map(|o| o.code()))
    .bind(answers.suggestion.as_deref())
    .fetch_one(&mut *conn)
    .await?)
}
