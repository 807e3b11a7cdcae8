//! Everything one officer's appraisal rests on, for one period (REFERENCE §4, §5.2): the
//! service score with n, interval and suggestion, the objective service record, the trend, the
//! U6/U7 answers in aggregate, the citizens' comments (without anything about who wrote them),
//! and the appraisal with its contests. The officer reads their own; their supervisor and HR
//! read it too, and each such read is written to the audit log (REFERENCE §6).

use super::{periods, reader_of, Reader};
use crate::api::appraisal::{
    AppraisalView, ContestView, OfficerEvidence, PeriodView, ReaderKind, RecordView, ScoreView,
    TrendPoint,
};
use crate::auth::Viewer;
use crate::domain::appraisal::Predikat;
use crate::domain::officer_score::{round2, Expectation, OfficerScore, ScoringParams};
use crate::domain::period::Period;
use crate::server::applications::{day_text, detail::local_time, today};
use crate::server::scoring::{self, record, OfficerRow};
use crate::server::{accounts::RequestMeta, audit, error::ServiceError, state::AppState};

/// How many periods the trend shows (the chosen one included).
pub const TREND_PERIODS: usize = 4;

/// The published view of a scoring result.
pub fn score_view(row: Option<&OfficerRow>, params: &ScoringParams) -> ScoreView {
    let Some(row) = row else {
        return ScoreView {
            min_n: params.min_n(),
            ..ScoreView::default()
        };
    };
    let rate = row.response_rate.map(|r| round2(r.ratio() * 100.0));
    match row.score {
        OfficerScore::Scored(s) => ScoreView {
            n: s.n(),
            min_n: params.min_n(),
            mean: Some(round2(s.raw_mean())),
            ci_low: Some(round2(s.interval().lower())),
            ci_high: Some(round2(s.interval().upper())),
            unit_mean: Some(round2(s.unit_mean().value())),
            shrunk: Some(round2(s.shrunk())),
            suggestion: Some(s.suggestion()),
            response_rate: rate,
        },
        OfficerScore::InsufficientData { n, .. } => ScoreView {
            n,
            min_n: params.min_n(),
            unit_mean: row.unit_mean.map(round2),
            response_rate: rate,
            ..ScoreView::default()
        },
    }
}

/// The record as shown.
pub fn record_view(r: &record::ServiceRecord) -> RecordView {
    RecordView {
        handled: r.handled,
        completed: r.completed,
        on_time_share: r.on_time_share(),
        corrections: r.corrections,
        avg_working_days: r.avg_working_days,
        counter_invitations: r.counter_invitations,
    }
}

/// Account, name, unit code, unit name, supervisor.
type OfficerRowDb = (i64, String, Option<String>, Option<String>, Option<i64>);

/// The officer with NIP `nip`: (account, name, unit code, unit name, supervisor).
pub async fn officer_by_nip(state: &AppState, nip: &str) -> Result<OfficerRowDb, ServiceError> {
    sqlx::query_as(
        "SELECT s.account_id, s.full_name, u.code, u.name, s.supervisor_account_id
         FROM staff s LEFT JOIN unit u ON u.unit_id = s.unit_id WHERE s.nip = $1",
    )
    .bind(nip.trim())
    .fetch_optional(state.db.read())
    .await?
    .ok_or(ServiceError::NotFound)
}

/// The period to show: the stored one named, else the latest stored, else the calendar period
/// of the instance's kind containing today (not open: nothing can be appraised in it yet).
pub async fn period_view(
    state: &AppState,
    name: &str,
) -> Result<(Period, PeriodView), ServiceError> {
    if let Some(p) = periods::chosen(&state.db, name).await? {
        return Ok((p.period, view_of(p.period, p.id, p.open)));
    }
    let period = match name.trim() {
        "" => Period::containing(today(state), periods::kind(&state.db).await?)
            .map_err(|e| ServiceError::Unexpected(e.to_string()))?,
        other => Period::parse(other).map_err(|_| ServiceError::NotFound)?,
    };
    Ok((period, view_of(period, 0, false)))
}

fn view_of(period: Period, id: i64, open: bool) -> PeriodView {
    PeriodView {
        id,
        name: period.to_string(),
        first_day: day_text(period.first_day()),
        last_day: day_text(period.last_day()),
        open,
    }
}

/// One officer's evidence and appraisal for `period_name` (`""` = the latest open period).
pub async fn load(
    state: &AppState,
    viewer: &Viewer,
    nip: &str,
    period_name: &str,
    meta: &RequestMeta,
) -> Result<OfficerEvidence, ServiceError> {
    let (account_id, name, unit_code, unit_name, supervisor) = officer_by_nip(state, nip).await?;
    let reader = reader_of(viewer, account_id, supervisor)?;
    let (calendar, view) = period_view(state, period_name).await?;
    let params = scoring::params(&state.db).await?;
    let row = scoring::officer_score(&state.db, &calendar, account_id, &params).await?;
    let score = score_view(row.as_ref(), &params);
    let record =
        record::service_record(&state.db, state.config.time_zone, &calendar, account_id).await?;
    let mut trend = Vec::with_capacity(TREND_PERIODS);
    let mut p = Some(calendar);
    for _ in 0..TREND_PERIODS {
        let Some(current) = p else { break };
        let s = if current == calendar {
            score.clone()
        } else {
            score_view(
                scoring::officer_score(&state.db, &current, account_id, &params)
                    .await?
                    .as_ref(),
                &params,
            )
        };
        trend.push(TrendPoint {
            period: current.to_string(),
            score: s,
        });
        p = current.previous();
    }
    trend.reverse();
    let ids = match row {
        Some(_) => scoring::credited_response_ids(&state.db, &calendar, account_id).await?,
        None => Vec::new(),
    };
    let (u6, u7, mut comments) = answers_of(state, &ids).await?;
    if score.shrunk.is_none() {
        comments.clear();
    }
    comments.sort();
    let appraisal = appraisal_of(state, view.id, account_id).await?;
    if matches!(reader, Reader::Supervisor | Reader::Hr) {
        let mut conn = state.db.write().acquire().await?;
        audit::record(
            &mut conn,
            &meta.actor(viewer),
            "appraisal.viewed",
            Some(&format!("staff:{account_id}")),
            Some(&view.name),
        )
        .await?;
    }
    Ok(OfficerEvidence {
        nip: nip.trim().to_owned(),
        name,
        unit_code: unit_code.unwrap_or_default(),
        unit_name: unit_name.unwrap_or_default(),
        period: view,
        score,
        record: record_view(&record),
        trend,
        u6,
        u7,
        comments,
        appraisal,
        reader: match reader {
            Reader::Own => ReaderKind::Own,
            Reader::Supervisor => ReaderKind::Supervisor,
            Reader::Hr => ReaderKind::Hr,
        },
    })
}

/// Counts of U6 and U7 answers by score, and the suggestions, of `ids`.
async fn answers_of(
    state: &AppState,
    ids: &[i64],
) -> Result<([u32; 4], [u32; 4], Vec<String>), ServiceError> {
    let (mut u6, mut u7, mut comments) = ([0u32; 4], [0u32; 4], Vec::new());
    for chunk in ids.chunks(500) {
        let list = chunk
            .iter()
            .map(i64::to_string)
            .collect::<Vec<_>>()
            .join(",");
        // The ids are integers from the database, never text from a request.
        let rows: Vec<(Option<i64>, Option<i64>, Option<String>)> = sqlx::query_as(&format!(
            "SELECT u6, u7, suggestion FROM survey_response WHERE response_id IN ({list})"
        ))
        .fetch_all(state.db.read())
        .await?;
        for (a, b, s) in rows {
            if let Some(i) = a
                .and_then(|v| usize::try_from(v - 1).ok())
                .filter(|i| *i < 4)
            {
                u6[i] += 1;
            }
            if let Some(i) = b
                .and_then(|v| usize::try_from(v - 1).ok())
                .filter(|i| *i < 4)
            {
                u7[i] += 1;
            }
            if let Some(s) = s.filter(|s| !s.trim().is_empty()) {
                comments.push(s);
            }
        }
    }
    Ok((u6, u7, comments))
}

/// Appraisal row: id, hasil, perilaku, predikat, suggestion, reason, supervisor name, formula,
/// params, evidence, updated.
type AppraisalRow = (
    i64,
    String,
    String,
    String,
    Option<String>,
    Option<String>,
    String,
    String,
    String,
    String,
    i64,
);

/// Contest row: id, reason, filed, decision, HR's reason, decided.
type ContestRow = (
    i64,
    String,
    i64,
    Option<String>,
    Option<String>,
    Option<i64>,
);

/// The appraisal of an officer in a stored period, with its contests.
pub async fn appraisal_of(
    state: &AppState,
    period_id: i64,
    account_id: i64,
) -> Result<Option<AppraisalView>, ServiceError> {
    let row: Option<AppraisalRow> = sqlx::query_as(
        "SELECT a.appraisal_id, a.hasil_kerja, a.perilaku_kerja, a.predikat, a.suggestion, a.departure_reason,
                s.full_name, a.formula_version, a.params, a.evidence, a.updated_at
         FROM appraisal a JOIN staff s ON s.account_id = a.supervisor_account_id
         WHERE a.period_id = $1 AND a.officer_account_id = $2",
    )
    .bind(period_id)
    .bind(account_id)
    .fetch_optional(state.db.read())
    .await?;
    let Some((
        id,
        hasil,
        perilaku,
        predikat,
        suggestion,
        reason,
        supervisor_name,
        formula_version,
        params,
        evidence,
        updated,
    )) = row
    else {
        return Ok(None);
    };
    let parse =
        |c: &str| Expectation::parse(c).map_err(|e| ServiceError::Unexpected(e.to_string()));
    let contests: Vec<ContestRow> = sqlx::query_as(
        "SELECT contest_id, reason, filed_at, decision, decision_reason, decided_at FROM appraisal_contest
         WHERE appraisal_id = $1 ORDER BY contest_id",
    )
    .bind(id)
    .fetch_all(state.db.read())
    .await?;
    let used: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM appraisal_evidence WHERE appraisal_id = $1")
            .bind(id)
            .fetch_one(state.db.read())
            .await?;
    let tz = state.config.time_zone;
    Ok(Some(AppraisalView {
        id,
        hasil_kerja: parse(&hasil)?,
        perilaku_kerja: parse(&perilaku)?,
        predikat: Predikat::parse(&predikat)
            .map_err(|e| ServiceError::Unexpected(e.to_string()))?,
        suggestion: suggestion.as_deref().map(parse).transpose()?,
        departure_reason: reason,
        supervisor_name,
        formula_version,
        params,
        score_then: serde_json::from_str(&evidence).unwrap_or_default(),
        responses_used: u32::try_from(used).unwrap_or(0),
        updated: local_time(updated, tz),
        contests: contests
            .into_iter()
            .map(
                |(id, reason, filed, decision, decision_reason, decided)| ContestView {
                    id,
                    reason,
                    filed: local_time(filed, tz),
                    decision,
                    decision_reason,
                    decided: decided.map(|d| local_time(d, tz)),
                },
            )
            .collect(),
    }))
}

/// The signed-in officer's own evidence and appraisal for `period_name` (`/akun/kinerja`).
pub async fn load_own(
    state: &AppState,
    viewer: &Viewer,
    period_name: &str,
    meta: &RequestMeta,
) -> Result<OfficerEvidence, ServiceError> {
    let me = match viewer {
        Viewer::Anonymous => return Err(ServiceError::Unauthorized),
        Viewer::Staff { account_id, .. } => *account_id,
        Viewer::Citizen { .. } => return Err(ServiceError::Forbidden),
    };
    let nip: String = sqlx::query_scalar("SELECT nip FROM staff WHERE account_id = $1")
        .bind(me)
        .fetch_optional(state.db.read())
        .await?
        .ok_or(ServiceError::NotFound)?;
    load(state, viewer, &nip, period_name, meta).await
}
