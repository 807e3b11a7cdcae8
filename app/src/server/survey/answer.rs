//! Answering the questionnaire. Opening it (GET) only checks the token; submitting stores the
//! answer once: one statement (migration 0007) consumes the invitation with a conditional
//! update (`… WHERE used_at IS NULL`) and stores the answer with it, so a replay — in sequence
//! or concurrent — stores nothing more and is told "already answered, thank you".
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
use crate::server::db::{now_millis, Engine};
use crate::server::{error::ServiceError, state::AppState};

/// An invitation as the survey needs it.
#[derive(Clone, Debug, sqlx::FromRow)]
struct InvitationRow {
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
    match state.survey_keys.check(token, now_millis() / 1000) {
        Checked::Valid(claims) => find_by_jti(state, &claims.jti).await,
        Checked::Expired => Ok(Found::Closed(SurveyOpening::Expired)),
        Checked::Invalid => Ok(Found::Closed(SurveyOpening::Invalid)),
    }
}

/// Reads through the read pool: SQLite's one write connection would queue every citizen opening
/// the form behind the answers being stored, and a read sees every committed answer, this
/// request's included (WAL).
async fn find_by_jti(state: &AppState, jti: &str) -> Result<Found, ServiceError> {
    let row: Option<InvitationRow> = sqlx::query_as(
        "SELECT i.service_date, i.expires_at, i.used_at, s.name_id, s.name_en, u.name AS unit_name
         FROM survey_invitation i JOIN service_type s ON s.service_type_id = i.service_type_id
         JOIN unit u ON u.unit_id = i.unit_id WHERE i.jti = $1",
    )
    .bind(jti)
    .fetch_optional(state.db.read())
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
    let jti = match state.survey_keys.check(token, now_millis() / 1000) {
        Checked::Valid(claims) => claims.jti,
        Checked::Expired => return closed(i18n, SurveyOpening::Expired),
        Checked::Invalid => return closed(i18n, SurveyOpening::Invalid),
    };
    let get = |name: &str| {
        fields
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
            .unwrap_or("")
    };
    let answers = match parse_survey_form(get) {
        Ok(answers) => answers,
        Err(errors) => {
            // A link that can no longer be answered says so before any field error.
            if let Found::Closed(opening) = find_by_jti(state, &jti).await? {
                return closed(i18n, opening);
            }
            return Err(ServiceError::Validation(
                errors
                    .into_iter()
                    .map(|(field, e)| field_error(&field, message(i18n, e)))
                    .collect(),
            ));
        }
    };
    if !store(state, &jti, &answers, now_millis()).await? {
        // Nothing was stored: say why (a replay is thanked, as the first answer was).
        return match find_by_jti(state, &jti).await? {
            Found::Closed(opening) => closed(i18n, opening),
            // Consumable a moment ago but not now: it expired in between.
            Found::Open(_) => closed(i18n, SurveyOpening::Expired),
        };
    }
    tracing::info!("survey answer stored");
    Ok(Submitted::Stored)
}

/// The outcome of submitting to an invitation that takes no answer.
fn closed(i18n: I18n, opening: SurveyOpening) -> Result<Submitted, ServiceError> {
    match opening {
        SurveyOpening::AlreadyAnswered => Ok(Submitted::AlreadyAnswered),
        SurveyOpening::Expired => Err(ServiceError::Conflict(i18n.t(sv::EXPIRED_BODY).into())),
        _ => Err(ServiceError::Conflict(i18n.t(sv::INVALID_BODY).into())),
    }
}

/// SQLite: one row into the view whose trigger stores the answer (migration 0007), between two
/// readings of the connection's change counter — the trigger's writes are the only way it moves.
const SQLITE_STORE: &str = "SELECT total_changes();
    INSERT INTO survey_answer_submission VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12,
        $13, $14, $15, $16, $17, $18, $19);
    SELECT total_changes();";
/// PostgreSQL: the function of migration 0007; the response id, or NULL when nothing was stored.
const POSTGRES_STORE: &str = "SELECT survey_store_answer($1, $2::bigint, $3::bigint,
    $4::bigint, $5::bigint, $6::bigint, $7::bigint, $8::bigint, $9::bigint, $10::bigint,
    $11::bigint, $12::bigint, $13::text, $14::bigint, $15::text, $16::text, $17::text,
    $18::bigint, $19::bigint)";

/// Consumes the invitation and stores the answer, its source, credit, rollups and follow-up in
/// one statement (one round trip; docs/ARCHITECTURE.md "The answer's write path"). False when
/// the invitation was already used, expired or unknown: then nothing is stored.
async fn store(
    state: &AppState,
    jti: &str,
    answers: &SurveyAnswers,
    now: i64,
) -> Result<bool, ServiceError> {
    use sqlx::Arguments;
    // The invitation keeps only the day it was used, so its row cannot be matched to the
    // answer's time by anyone reading both tables.
    let used_day = now - now.rem_euclid(24 * 60 * 60 * 1000);
    let (low, suggestion) = needs_follow_up(answers);
    let score = |u: Unsur| answers.answers.get(u).map(|s| i64::from(s.get()));
    let mut args = sqlx::any::AnyArguments::default();
    let bound = (|| {
        args.add(jti)?;
        args.add(used_day)?;
        args.add(now)?;
        for unsur in Unsur::ALL {
            args.add(score(unsur))?;
        }
        args.add(answers.gender.map(|g| g.code()))?;
        args.add(answers.age.map(|a| i64::from(a.get())))?;
        args.add(answers.education.map(|e| e.code()))?;
        args.add(answers.occupation.map(|o| o.code()))?;
        args.add(answers.suggestion.as_deref())?;
        args.add(i64::from(low))?;
        args.add(i64::from(low || suggestion))
    })();
    bound.map_err(sqlx::Error::Encode)?;
    Ok(match state.db.engine() {
        Engine::Sqlite => {
            let counts: Vec<i64> = sqlx::query_scalar_with(SQLITE_STORE, args)
                .fetch_all(state.db.write())
                .await?;
            counts.last() > counts.first()
        }
        Engine::Postgres => {
            let id: Option<i64> = sqlx::query_scalar_with(POSTGRES_STORE, args)
                .fetch_one(state.db.write())
                .await?;
            id.is_some()
        }
    })
}
