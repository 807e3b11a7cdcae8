//! The supervisor's appraisal of one officer for one period (REFERENCE §5.1, §5.2): the two
//! ratings, the predikat from the matrix, and, when the behaviour rating departs from the
//! portal's suggestion, the written reason. What the appraisal rested on is stored with it in
//! the same transaction: the suggestion, the score as it was shown, the formula version, the
//! parameters and the responses used.

use super::{evidence, periods, reader_of, Reader};
use crate::auth::Viewer;
use crate::domain::appraisal::{check_departure, predikat, AppraisalError};
use crate::domain::officer_score::{Expectation, FORMULA_VERSION};
use crate::forms::field_error;
use crate::i18n::{appraisal as msg, I18n};
use crate::server::scoring;
use crate::server::{
    accounts::RequestMeta, audit, db::now_millis, error::ServiceError, state::AppState,
};

/// Longest reason kept, in characters (a paragraph or two).
pub const MAX_REASON_CHARS: usize = 2000;

/// The rating form.
#[derive(Clone, Debug, Default, serde::Deserialize)]
#[serde(default)]
pub struct AppraisalInput {
    /// `di_atas`, `sesuai` or `di_bawah`.
    pub hasil_kerja: String,
    /// `di_atas`, `sesuai` or `di_bawah`.
    pub perilaku_kerja: String,
    /// Why the behaviour rating departs from the suggestion (required only then).
    pub reason: String,
}

/// An officer as the appraisal needs them.
#[derive(Clone, Debug)]
pub struct Officer {
    /// Their account.
    pub account_id: i64,
    /// NIP as stored.
    pub nip: String,
    /// Their unit.
    pub unit_id: Option<i64>,
    /// Their supervisor (pejabat penilai).
    pub supervisor_account_id: Option<i64>,
}

/// The officer with NIP `nip`, or not found.
pub async fn officer(state: &AppState, nip: &str) -> Result<Officer, ServiceError> {
    let row: Option<(i64, String, Option<i64>, Option<i64>)> = sqlx::query_as(
        "SELECT account_id, nip, unit_id, supervisor_account_id FROM staff WHERE nip = $1",
    )
    .bind(nip.trim())
    .fetch_optional(state.db.read())
    .await?;
    let (account_id, nip, unit_id, supervisor_account_id) = row.ok_or(ServiceError::NotFound)?;
    Ok(Officer {
        account_id,
        nip,
        unit_id,
        supervisor_account_id,
    })
}

/// Saves (creates, or updates while the period is open) `nip`'s appraisal for `period_name`
/// (`""`: the latest open period). Only the officer's supervisor may; anyone else is told
/// nothing exists. Returns the period's name.
pub async fn save(
    state: &AppState,
    viewer: &Viewer,
    nip: &str,
    period_name: &str,
    input: &AppraisalInput,
    meta: &RequestMeta,
    i18n: I18n,
) -> Result<String, ServiceError> {
    let officer = officer(state, nip).await?;
    if reader_of(viewer, officer.account_id, officer.supervisor_account_id)? != Reader::Supervisor {
        return Err(ServiceError::NotFound);
    }
    let supervisor = viewer.account_id().ok_or(ServiceError::Unauthorized)?;
    let period = periods::chosen(&state.db, period_name)
        .await?
        .ok_or(ServiceError::NotFound)?;
    if !period.open {
        return Err(ServiceError::Conflict(
            i18n.t(msg::RATE_PERIOD_CLOSED).to_owned(),
        ));
    }
    // The evidence is what the supervisor saw: the officer's score for this period now.
    let params = scoring::params(&state.db).await?;
    let row =
        scoring::officer_score(&state.db, &period.period, officer.account_id, &params).await?;
    let score = evidence::score_view(row.as_ref(), &params);
    let (hasil, perilaku, reason) = parse(input, score.suggestion, i18n)?;
    let result = predikat(hasil, perilaku);
    let response_ids = match row {
        Some(_) => {
            scoring::credited_response_ids(&state.db, &period.period, officer.account_id).await?
        }
        None => Vec::new(),
    };
    let params_json =
        serde_json::to_string(&params).map_err(|e| ServiceError::Unexpected(e.to_string()))?;
    let evidence_json =
        serde_json::to_string(&score).map_err(|e| ServiceError::Unexpected(e.to_string()))?;
    let now = now_millis();
    let mut tx = state.db.begin().await?;
    // A no-op write on the period: it is still open, and it stays open until this commits
    // (PostgreSQL holds the row lock; SQLite has one writer).
    let still_open = sqlx::query(
        "UPDATE appraisal_period SET state = state WHERE period_id = $1 AND state = 'open'",
    )
    .bind(period.id)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    if still_open == 0 {
        return Err(ServiceError::Conflict(
            i18n.t(msg::RATE_PERIOD_CLOSED).to_owned(),
        ));
    }
    let appraisal_id: i64 = sqlx::query_scalar(
        "INSERT INTO appraisal (period_id, officer_account_id, supervisor_account_id, unit_id,
             hasil_kerja, perilaku_kerja, predikat, suggestion, departure_reason, formula_version,
             params, evidence, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13)
         ON CONFLICT (period_id, officer_account_id) DO UPDATE SET
             supervisor_account_id = excluded.supervisor_account_id, unit_id = excluded.unit_id,
             hasil_kerja = excluded.hasil_kerja, perilaku_kerja = excluded.perilaku_kerja,
             predikat = excluded.predikat, suggestion = excluded.suggestion,
             departure_reason = excluded.departure_reason,
             formula_version = excluded.formula_version, params = excluded.params,
             evidence = excluded.evidence, updated_at = excluded.updated_at
         RETURNING appraisal_id",
    )
    .bind(period.id)
    .bind(officer.account_id)
    .bind(supervisor)
    .bind(officer.unit_id)
    .bind(hasil.code())
    .bind(perilaku.code())
    .bind(result.code())
    .bind(score.suggestion.map(Expectation::code))
    .bind(reason)
    .bind(FORMULA_VERSION)
    .bind(&params_json)
    .bind(&evidence_json)
    .bind(now)
    .fetch_one(&mut *tx)
    .await?;
    sqlx::query("DELETE FROM appraisal_evidence WHERE appraisal_id = $1")
        .bind(appraisal_id)
        .execute(&mut *tx)
        .await?;
    for chunk in response_ids.chunks(200) {
        let values = (0..chunk.len())
            .map(|i| format!("($1, ${})", i + 2))
            .collect::<Vec<_>>()
            .join(", ");
        let sql =
            format!("INSERT INTO appraisal_evidence (appraisal_id, response_id) VALUES {values}");
        let mut query = sqlx::query(&sql).bind(appraisal_id);
        for id in chunk {
            query = query.bind(*id);
        }
        query.execute(&mut *tx).await?;
    }
    audit::record(
        &mut tx,
        &meta.actor(viewer),
        "appraisal.saved",
        Some(&format!("staff:{}", officer.account_id)),
        Some(&format!("{} {}", period.period, result.code())),
    )
    .await?;
    tx.commit().await?;
    Ok(period.period.to_string())
}

/// The two ratings and the reason to store, or every field error at once.
fn parse(
    input: &AppraisalInput,
    suggestion: Option<Expectation>,
    i18n: I18n,
) -> Result<(Expectation, Expectation, Option<String>), ServiceError> {
    let mut errors = Vec::new();
    let hasil = Expectation::parse(input.hasil_kerja.trim());
    if hasil.is_err() {
        errors.push(field_error("hasil_kerja", i18n.t(msg::RATE_HASIL_MISSING)));
    }
    let perilaku = Expectation::parse(input.perilaku_kerja.trim());
    if perilaku.is_err() {
        errors.push(field_error(
            "perilaku_kerja",
            i18n.t(msg::RATE_PERILAKU_MISSING),
        ));
    }
    let reason = input.reason.trim();
    if let Ok(chosen) = perilaku {
        // REFERENCE §5.2: the suggestion is about "Berorientasi pelayanan", one of the
        // behaviour values, so departing from it with perilaku kerja needs a reason.
        match check_departure(suggestion, chosen, Some(reason)) {
            Ok(()) => {}
            Err(AppraisalError::ReasonRequired { suggested, .. }) => errors.push(field_error(
                "reason",
                i18n.f(
                    msg::RATE_REASON_REQUIRED,
                    &[("suggestion", &expectation_label(i18n, suggested))],
                ),
            )),
            Err(AppraisalError::ReasonTooShort { min_chars, .. }) => errors.push(field_error(
                "reason",
                i18n.f(msg::RATE_REASON_TOO_SHORT, &[("min", &min_chars)]),
            )),
            Err(other) => return Err(ServiceError::Unexpected(other.to_string())),
        }
    }
    if reason.chars().count() > MAX_REASON_CHARS {
        errors.push(field_error(
            "reason",
            i18n.f(msg::RATE_REASON_TOO_LONG, &[("max", &MAX_REASON_CHARS)]),
        ));
    }
    match (hasil, perilaku) {
        (Ok(h), Ok(p)) if errors.is_empty() => {
            Ok((h, p, (!reason.is_empty()).then(|| reason.to_owned())))
        }
        _ => Err(ServiceError::Validation(errors)),
    }
}

/// An expectation in the visitor's language.
pub fn expectation_label(i18n: I18n, e: Expectation) -> &'static str {
    match i18n.lang {
        crate::i18n::Lang::Id => e.label_id(),
        crate::i18n::Lang::En => e.label_en(),
    }
}
