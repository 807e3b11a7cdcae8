//! HR's ruling on an officer's contest of their appraisal (REFERENCE §5.2: "HR rules on it with
//! a logged reason"). HR upholds the appraisal or changes its two ratings; the predikat is
//! recomputed from the matrix (REFERENCE §5.1). The ruling, the appraisal's change and the audit
//! row share one transaction, and a contest is decided once (`WHERE decision IS NULL`).
//!
//! How the contest row records the ruling: `decision` is `upheld` or `changed`,
//! `decision_reason` HR's reason (at least [`MIN_RULING_REASON_CHARS`] characters),
//! `decided_by`/`decided_at` who and when. `new_hasil_kerja`/`new_perilaku_kerja` hold the
//! ratings HR set (changed only; empty when upheld). The ratings before the ruling are in the
//! audit row's detail (`old`, as JSON), so the appraisal's history can be rebuilt from the
//! contest rows and the audit log. HR may rule in a closed period too: a ruling is the one way a
//! closed appraisal changes.

pub use crate::api::hr::MIN_RULING_REASON_CHARS;
use crate::api::hr::{HrContest, OfficerRef, PendingContest};
use crate::auth::Viewer;
use crate::domain::appraisal::{predikat, Predikat};
use crate::domain::officer_score::Expectation;
use crate::forms::field_error;
use crate::i18n::{hr as tx, I18n};
use crate::server::accounts::RequestMeta;
use crate::server::applications::detail::local_time;
use crate::server::appraisal::require_hr;
use crate::server::{audit, db::now_millis, error::ServiceError, state::AppState};
use serde::Deserialize;

/// HR's ruling form. Field errors are keyed `<field>_<contest id>`, as the officer's page holds
/// one form per contest.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct DecideInput {
    /// `upheld` or `changed`.
    pub decision: String,
    /// New hasil kerja (changed only).
    pub hasil_kerja: String,
    /// New perilaku kerja (changed only).
    pub perilaku_kerja: String,
    /// Why.
    pub reason: String,
}

impl DecideInput {
    /// What was typed, keyed as the page reads it back.
    pub fn echo(&self, id: i64) -> Vec<(String, String)> {
        vec![
            (format!("decision_{id}"), self.decision.clone()),
            (format!("hasil_{id}"), self.hasil_kerja.clone()),
            (format!("perilaku_{id}"), self.perilaku_kerja.clone()),
            (format!("reason_{id}"), self.reason.clone()),
        ]
    }
}

/// What a ruling did, for the redirect.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ruled {
    /// The officer's NIP.
    pub nip: String,
    /// The appraisal's period.
    pub period: String,
}

/// Contest row: appraisal, decision, hasil, perilaku, predikat, officer, NIP, period.
type ContestRow = (
    i64,
    Option<String>,
    String,
    String,
    String,
    i64,
    String,
    String,
);

/// Rules on contest `id` (HR only).
pub async fn decide(
    state: &AppState,
    viewer: &Viewer,
    id: i64,
    input: &DecideInput,
    meta: &RequestMeta,
    i18n: I18n,
) -> Result<Ruled, ServiceError> {
    let hr = require_hr(viewer)?;
    let mut errors = Vec::new();
    let changed = match input.decision.trim() {
        "upheld" => Some(false),
        "changed" => Some(true),
        _ => {
            errors.push(field_error(
                &format!("decision_{id}"),
                i18n.t(tx::RULING_DECISION_REQUIRED),
            ));
            None
        }
    };
    let reason = input.reason.trim();
    let reason_chars = reason.chars().count();
    if reason_chars < MIN_RULING_REASON_CHARS {
        errors.push(field_error(
            &format!("reason_{id}"),
            if reason_chars == 0 {
                i18n.t(tx::RULING_REASON_REQUIRED).to_owned()
            } else {
                i18n.f(
                    tx::RULING_REASON_SHORT,
                    &[("min", &MIN_RULING_REASON_CHARS), ("n", &reason_chars)],
                )
            },
        ));
    }
    let mut new = None;
    if changed == Some(true) {
        let hasil = Expectation::parse(input.hasil_kerja.trim()).ok();
        let perilaku = Expectation::parse(input.perilaku_kerja.trim()).ok();
        if hasil.is_none() {
            errors.push(field_error(
                &format!("hasil_{id}"),
                i18n.t(tx::RULING_HASIL_REQUIRED),
            ));
        }
        if perilaku.is_none() {
            errors.push(field_error(
                &format!("perilaku_{id}"),
                i18n.t(tx::RULING_PERILAKU_REQUIRED),
            ));
        }
        new = hasil.zip(perilaku);
    }
    if !errors.is_empty() {
        return Err(ServiceError::Validation(errors));
    }
    let mut tx = state.db.begin().await?;
    let row: Option<ContestRow> = sqlx::query_as(
        "SELECT c.appraisal_id, c.decision, a.hasil_kerja, a.perilaku_kerja, a.predikat,
                a.officer_account_id, s.nip, p.name
         FROM appraisal_contest c JOIN appraisal a ON a.appraisal_id = c.appraisal_id
         JOIN staff s ON s.account_id = a.officer_account_id
         JOIN appraisal_period p ON p.period_id = a.period_id
         WHERE c.contest_id = $1",
    )
    .bind(id)
    .fetch_optional(&mut *tx)
    .await?;
    let (appraisal_id, decided, old_hasil, old_perilaku, old_predikat, officer, nip, period) =
        row.ok_or(ServiceError::NotFound)?;
    if decided.is_some() {
        return Err(ServiceError::Conflict(i18n.t(tx::RULING_ALREADY).into()));
    }
    if officer == hr {
        return Err(ServiceError::Conflict(i18n.t(tx::RULING_OWN).into()));
    }
    if let Some((hasil, perilaku)) = new {
        if hasil.code() == old_hasil && perilaku.code() == old_perilaku {
            return Err(ServiceError::Validation(vec![field_error(
                &format!("hasil_{id}"),
                i18n.t(tx::RULING_SAME),
            )]));
        }
    }
    let now = now_millis();
    let decision = if new.is_some() { "changed" } else { "upheld" };
    let updated = sqlx::query(
        "UPDATE appraisal_contest SET decision = $1, decision_reason = $2, new_hasil_kerja = $3,
             new_perilaku_kerja = $4, decided_by = $5, decided_at = $6
         WHERE contest_id = $7 AND decision IS NULL",
    )
    .bind(decision)
    .bind(reason)
    .bind(new.map(|(h, _)| h.code()))
    .bind(new.map(|(_, p)| p.code()))
    .bind(hr)
    .bind(now)
    .bind(id)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    if updated == 0 {
        return Err(ServiceError::Conflict(i18n.t(tx::RULING_ALREADY).into()));
    }
    let mut new_json = serde_json::Value::Null;
    if let Some((hasil, perilaku)) = new {
        // REFERENCE §5.1: the predikat always follows the matrix.
        let recomputed = predikat(hasil, perilaku);
        sqlx::query(
            "UPDATE appraisal SET hasil_kerja = $1, perilaku_kerja = $2, predikat = $3, updated_at = $4
             WHERE appraisal_id = $5",
        )
        .bind(hasil.code())
        .bind(perilaku.code())
        .bind(recomputed.code())
        .bind(now)
        .bind(appraisal_id)
        .execute(&mut *tx)
        .await?;
        new_json = serde_json::json!({
            "hasil_kerja": hasil.code(), "perilaku_kerja": perilaku.code(), "predikat": recomputed.code(),
        });
    }
    let detail = serde_json::json!({
        "contest": id, "period": period, "decision": decision, "reason": reason,
        "old": {"hasil_kerja": old_hasil, "perilaku_kerja": old_perilaku, "predikat": old_predikat},
        "new": new_json,
    });
    audit::record(
        &mut tx,
        &meta.actor(viewer),
        "appraisal.contest_decided",
        Some(&format!("staff:{officer}")),
        Some(&detail.to_string()),
    )
    .await?;
    tx.commit().await?;
    Ok(Ruled { nip, period })
}

/// Contest row as listed: id, period, reason, filed, hasil, perilaku, predikat, decision,
/// decision reason, decided, decided by, new hasil, new perilaku.
type ListedRow = (
    i64,
    String,
    String,
    i64,
    String,
    String,
    String,
    Option<String>,
    Option<String>,
    Option<i64>,
    Option<String>,
    Option<String>,
    Option<String>,
);

/// Every contest of one officer's appraisals, newest first.
pub async fn of_officer(state: &AppState, account_id: i64) -> Result<Vec<HrContest>, ServiceError> {
    let rows: Vec<ListedRow> = sqlx::query_as(
        "SELECT c.contest_id, p.name, c.reason, c.filed_at, a.hasil_kerja, a.perilaku_kerja, a.predikat,
                c.decision, c.decision_reason, c.decided_at, d.full_name, c.new_hasil_kerja, c.new_perilaku_kerja
         FROM appraisal_contest c JOIN appraisal a ON a.appraisal_id = c.appraisal_id
         JOIN appraisal_period p ON p.period_id = a.period_id
         LEFT JOIN staff d ON d.account_id = c.decided_by
         WHERE a.officer_account_id = $1 ORDER BY c.contest_id DESC",
    )
    .bind(account_id)
    .fetch_all(state.db.read())
    .await?;
    let tz = state.config.time_zone;
    let rating =
        |c: &str| Expectation::parse(c).map_err(|e| ServiceError::Unexpected(e.to_string()));
    rows.into_iter()
        .map(
            |(id, period, reason, filed, h, p, pk, decision, why, decided, by, nh, np)| {
                Ok(HrContest {
                    id,
                    period,
                    reason,
                    filed: local_time(filed, tz),
                    hasil_kerja: rating(&h)?,
                    perilaku_kerja: rating(&p)?,
                    predikat: Predikat::parse(&pk)
                        .map_err(|e| ServiceError::Unexpected(e.to_string()))?,
                    decision,
                    decision_reason: why,
                    decided: decided.map(|d| local_time(d, tz)),
                    decided_by: by,
                    new_hasil_kerja: nh.as_deref().map(rating).transpose()?,
                    new_perilaku_kerja: np.as_deref().map(rating).transpose()?,
                })
            },
        )
        .collect()
}

/// Pending row: NIP, name, unit code, unit name, period, filed.
type PendingRow = (String, String, Option<String>, Option<String>, String, i64);

/// Contests waiting for a ruling, in every period, oldest first.
pub async fn pending(state: &AppState) -> Result<Vec<PendingContest>, ServiceError> {
    let rows: Vec<PendingRow> = sqlx::query_as(
        "SELECT s.nip, s.full_name, u.code, u.name, p.name, c.filed_at
             FROM appraisal_contest c JOIN appraisal a ON a.appraisal_id = c.appraisal_id
             JOIN staff s ON s.account_id = a.officer_account_id
             LEFT JOIN unit u ON u.unit_id = s.unit_id
             JOIN appraisal_period p ON p.period_id = a.period_id
             WHERE c.decision IS NULL ORDER BY c.filed_at, c.contest_id",
    )
    .fetch_all(state.db.read())
    .await?;
    let tz = state.config.time_zone;
    Ok(rows
        .into_iter()
        .map(|(nip, name, code, unit, period, filed)| PendingContest {
            officer: OfficerRef {
                nip,
                name,
                unit_code: code.unwrap_or_default(),
                unit_name: unit.unwrap_or_default(),
            },
            period,
            filed: local_time(filed, tz),
        })
        .collect())
}

/// Where contest `id` is shown (the officer's NIP and the appraisal's period), so a refused
/// ruling can show that page again; `None` for an unknown contest.
pub async fn location(state: &AppState, id: i64) -> Result<Option<Ruled>, ServiceError> {
    let row: Option<(String, String)> = sqlx::query_as(
        "SELECT s.nip, p.name FROM appraisal_contest c
         JOIN appraisal a ON a.appraisal_id = c.appraisal_id
         JOIN staff s ON s.account_id = a.officer_account_id
         JOIN appraisal_period p ON p.period_id = a.period_id
         WHERE c.contest_id = $1",
    )
    .bind(id)
    .fetch_optional(state.db.read())
    .await?;
    Ok(row.map(|(nip, period)| Ruled { nip, period }))
}
