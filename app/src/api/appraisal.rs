//! Types and server functions of officer scores and appraisals (REFERENCE §4, §5): what an
//! officer, their supervisor and HR see of one officer in one period.

use super::error::ApiError;
use crate::domain::appraisal::Predikat;
use crate::domain::officer_score::Expectation;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// An appraisal period.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PeriodView {
    /// Id.
    pub id: i64,
    /// Name (`2026-S1`).
    pub name: String,
    /// First day.
    pub first_day: String,
    /// Last day.
    pub last_day: String,
    /// Appraisals may still be written.
    pub open: bool,
}

/// An officer's service score, numbers rounded to 2 decimals. Below the gate only `n` (and
/// the unit mean and response rate) are set: there is no number to show (REFERENCE §4.1).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ScoreView {
    /// Responses answering U6 or U7.
    pub n: u32,
    /// The gate (minimum n).
    pub min_n: u32,
    /// Raw mean (25..100).
    pub mean: Option<f64>,
    /// 95% interval, lower bound.
    pub ci_low: Option<f64>,
    /// 95% interval, upper bound.
    pub ci_high: Option<f64>,
    /// The unit's mean.
    pub unit_mean: Option<f64>,
    /// Score pulled toward the unit mean (what ranks).
    pub shrunk: Option<f64>,
    /// The portal's suggestion.
    pub suggestion: Option<Expectation>,
    /// Answers through invitations ÷ services delivered, in percent.
    pub response_rate: Option<f64>,
}

/// The objective service record in a period.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct RecordView {
    /// Applications they took a step on.
    pub handled: u32,
    /// Credited applications completed.
    pub completed: u32,
    /// Share of those on time, percent.
    pub on_time_share: Option<f64>,
    /// Correction requests sent.
    pub corrections: u32,
    /// Mean working days used.
    pub avg_working_days: Option<f64>,
    /// Counter invitations issued.
    pub counter_invitations: u32,
}

/// One period of an officer's trend.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TrendPoint {
    /// Period name.
    pub period: String,
    /// The score then.
    pub score: ScoreView,
}

/// A contest of an appraisal and HR's ruling.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContestView {
    /// Id.
    pub id: i64,
    /// The officer's reason.
    pub reason: String,
    /// Filed (local time).
    pub filed: String,
    /// `upheld` or `changed`, once decided.
    pub decision: Option<String>,
    /// HR's reason.
    pub decision_reason: Option<String>,
    /// Decided (local time).
    pub decided: Option<String>,
}

/// A saved appraisal.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AppraisalView {
    /// Id.
    pub id: i64,
    /// Hasil kerja (work results).
    pub hasil_kerja: Expectation,
    /// Perilaku kerja (work behaviour).
    pub perilaku_kerja: Expectation,
    /// The predikat from the matrix (REFERENCE §5.1).
    pub predikat: Predikat,
    /// The suggestion shown when it was saved.
    pub suggestion: Option<Expectation>,
    /// Why the supervisor departed from the suggestion.
    pub departure_reason: Option<String>,
    /// The supervisor's name.
    pub supervisor_name: String,
    /// Formula version used (e.g. `skm-officer-v1`).
    pub formula_version: String,
    /// Parameters used (JSON).
    pub params: String,
    /// The score it rested on, as it was then.
    pub score_then: ScoreView,
    /// Answers it rested on.
    pub responses_used: u32,
    /// Last saved (local time).
    pub updated: String,
    /// Contests, oldest first.
    pub contests: Vec<ContestView>,
}

/// How the viewer relates to the officer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ReaderKind {
    /// The officer themself.
    Own,
    /// Their supervisor.
    Supervisor,
    /// HR.
    Hr,
}

/// Everything about one officer in one period.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OfficerEvidence {
    /// NIP.
    pub nip: String,
    /// Name.
    pub name: String,
    /// Unit code.
    pub unit_code: String,
    /// Unit name.
    pub unit_name: String,
    /// The period.
    pub period: PeriodView,
    /// The score.
    pub score: ScoreView,
    /// The service record.
    pub record: RecordView,
    /// Previous periods of the same kind, oldest first (the current one last).
    pub trend: Vec<TrendPoint>,
    /// U6 answers by score 1..4 (counts).
    pub u6: [u32; 4],
    /// U7 answers by score 1..4 (counts).
    pub u7: [u32; 4],
    /// Suggestions citizens wrote, without date, service or anything about who wrote them;
    /// shown only above the gate.
    pub comments: Vec<String>,
    /// The appraisal, if saved.
    pub appraisal: Option<AppraisalView>,
    /// Who is reading.
    pub reader: ReaderKind,
}

/// One officer's evidence and appraisal for a period (`""` = the latest open period).
#[server(prefix = "/api", endpoint = "appraisal/officer", input = leptos::server_fn::codec::GetUrl)]
pub async fn load_officer_evidence(
    nip: String,
    period: String,
) -> Result<OfficerEvidence, ApiError> {
    let state = crate::server::state::use_state()?;
    let viewer = crate::auth::use_viewer();
    let meta = crate::server::context::use_request_meta();
    crate::server::error::respond(
        crate::server::appraisal::evidence::load(&state, &viewer, &nip, &period, &meta).await,
    )
}

/// The appraisal periods, newest first (any staff member).
#[server(prefix = "/api", endpoint = "appraisal/periods", input = leptos::server_fn::codec::GetUrl)]
pub async fn appraisal_periods() -> Result<Vec<PeriodView>, ApiError> {
    let state = crate::server::state::use_state()?;
    let viewer = crate::auth::use_viewer();
    if !viewer.is_staff() {
        use crate::server::error::ServiceError;
        let refused = if viewer.is_signed_in() {
            ServiceError::Forbidden
        } else {
            ServiceError::Unauthorized
        };
        return crate::server::error::respond(Err(refused));
    }
    crate::server::error::respond(crate::server::appraisal::periods::list(&state.db).await)
}

/// Shortest contest reason accepted, in characters after trimming: enough for one real
/// sentence saying what is wrong.
pub const MIN_CONTEST_REASON_CHARS: usize = 20;

/// One officer on their supervisor's list.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SupervisedOfficer {
    /// NIP.
    pub nip: String,
    /// Name.
    pub name: String,
    /// Unit name.
    pub unit_name: String,
    /// Their score in the period.
    pub score: ScoreView,
    /// An appraisal is saved for the period.
    pub appraised: bool,
    /// Its predikat.
    pub predikat: Option<Predikat>,
    /// The officer has contested it and HR has not ruled yet.
    pub pending_contest: bool,
}

/// The officers a supervisor appraises, for one period.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SupervisedList {
    /// The period shown.
    pub period: PeriodView,
    /// The officers, by name.
    pub officers: Vec<SupervisedOfficer>,
}

/// The officers the signed-in supervisor appraises, for a period (`""` = the latest open one).
#[server(prefix = "/api", endpoint = "appraisal/supervised", input = leptos::server_fn::codec::GetUrl)]
pub async fn supervised_officers(period: String) -> Result<SupervisedList, ApiError> {
    let state = crate::server::state::use_state()?;
    let viewer = crate::auth::use_viewer();
    let meta = crate::server::context::use_request_meta();
    crate::server::error::respond(
        crate::server::appraisal::supervised::list(&state, &viewer, &period, &meta).await,
    )
}

/// The signed-in officer's own score, evidence and appraisal for a period.
#[server(prefix = "/api", endpoint = "appraisal/mine", input = leptos::server_fn::codec::GetUrl)]
pub async fn my_performance(period: String) -> Result<OfficerEvidence, ApiError> {
    let state = crate::server::state::use_state()?;
    let viewer = crate::auth::use_viewer();
    let meta = crate::server::context::use_request_meta();
    crate::server::error::respond(
        crate::server::appraisal::evidence::load_own(&state, &viewer, &period, &meta).await,
    )
}
