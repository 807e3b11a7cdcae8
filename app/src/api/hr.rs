//! What HR (BKPSDM) reads off officer scores and appraisals for career decisions (REFERENCE §4,
//! §5.3): the ranking of a period, one officer across periods, the periods with each unit's
//! distribution of predikat, and the follow-up lists. Every function is HR only; the services
//! audit each read of officers' appraisals once per request (REFERENCE §6).

use super::appraisal::{AppraisalView, OfficerEvidence, PeriodView, ScoreView};
use super::error::ApiError;
use crate::domain::appraisal::{NineBox, OrgRating, PerformanceLevel, Potential, Predikat};
use crate::domain::officer_score::Expectation;
use crate::domain::period::PeriodKind;
use crate::domain::skm::Unsur;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// Shortest reason HR may give for a ruling on a contest, in characters after trimming: a
/// sentence, not "ok".
pub const MIN_RULING_REASON_CHARS: usize = 20;

/// A code and its name, for a filter's options.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Choice {
    /// Stable code (unit or service code).
    pub code: String,
    /// What people read.
    pub name: String,
}

/// The dashboard's filters (a GET form; every field empty = everyone).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct RankingFilter {
    /// Unit code.
    pub unit: String,
    /// Service code: officers credited with answers about that service in the period.
    pub service: String,
    /// Predikat code, or `none` for officers not appraised in the period.
    pub predikat: String,
    /// Only officers below the gate ("data belum cukup").
    pub insufficient: bool,
}

/// Who an officer is, in every HR list.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OfficerRef {
    /// NIP.
    pub nip: String,
    /// Name.
    pub name: String,
    /// Unit code.
    pub unit_code: String,
    /// Unit name.
    pub unit_name: String,
}

/// One officer of the ranking.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RankedOfficer {
    /// Position by shrunk score among the officers shown (none below the gate).
    pub rank: Option<u32>,
    /// Who.
    pub officer: OfficerRef,
    /// The score with n, interval, unit mean, suggestion and response rate.
    pub score: ScoreView,
    /// The predikat, if appraised in the period.
    pub predikat: Option<Predikat>,
}

/// The HR dashboard of one period.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct HrRanking {
    /// The period shown (id 0 when it was never opened).
    pub period: PeriodView,
    /// Every stored period, newest first.
    pub periods: Vec<PeriodView>,
    /// Units, for the filter.
    pub units: Vec<Choice>,
    /// Services, for the filter.
    pub services: Vec<Choice>,
    /// The filters applied.
    pub filter: RankingFilter,
    /// Officers with a score, best shrunk score first.
    pub ranked: Vec<RankedOfficer>,
    /// Officers below the gate, most answers first.
    pub insufficient: Vec<RankedOfficer>,
    /// Predikat of the officers shown.
    pub counts: crate::domain::appraisal::PredikatCounts,
    /// Officers shown without an appraisal in the period.
    pub not_appraised: u32,
    /// Contests waiting for HR's ruling, in every period, oldest first.
    pub pending: Vec<PendingContest>,
}

/// A contest waiting for HR's ruling.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PendingContest {
    /// Whose appraisal.
    pub officer: OfficerRef,
    /// Its period.
    pub period: String,
    /// Filed (local time).
    pub filed: String,
}

/// One period of an officer's appraisal history.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct HistoryRow {
    /// The period.
    pub period: PeriodView,
    /// The appraisal, if any.
    pub appraisal: Option<AppraisalView>,
}

/// A contest as HR rules on it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct HrContest {
    /// Id.
    pub id: i64,
    /// The appraisal's period.
    pub period: String,
    /// The officer's reason.
    pub reason: String,
    /// Filed (local time).
    pub filed: String,
    /// The appraisal's ratings now.
    pub hasil_kerja: Expectation,
    /// See `hasil_kerja`.
    pub perilaku_kerja: Expectation,
    /// The appraisal's predikat now.
    pub predikat: Predikat,
    /// `upheld` or `changed`, once decided.
    pub decision: Option<String>,
    /// HR's reason.
    pub decision_reason: Option<String>,
    /// Decided (local time).
    pub decided: Option<String>,
    /// Who decided.
    pub decided_by: Option<String>,
    /// The ratings HR set (changed only).
    pub new_hasil_kerja: Option<Expectation>,
    /// See `new_hasil_kerja`.
    pub new_perilaku_kerja: Option<Expectation>,
}

/// One officer as HR reads them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct HrOfficer {
    /// Score, record, trend, U6/U7 profile and appraisal of the chosen period.
    pub evidence: OfficerEvidence,
    /// Every stored period, newest first, with the appraisal of each.
    pub history: Vec<HistoryRow>,
    /// Every contest of the officer's appraisals, newest first.
    pub contests: Vec<HrContest>,
}

/// What a broken distribution rule says (REFERENCE §5.3).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum RuleKind {
    /// At most `percent`.
    AtMost,
    /// At least `percent`.
    AtLeast,
    /// At least one.
    AtLeastOne,
}

/// A broken distribution rule with its numbers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WarningView {
    /// The kind of rule.
    pub kind: RuleKind,
    /// The predikat it counts together.
    pub group: Vec<Predikat>,
    /// Its percentage (0 for "at least one").
    pub percent: u8,
    /// Staff in the group.
    pub count: u64,
    /// Staff appraised.
    pub total: u64,
}

/// One unit in a period: its organisation rating and how its predikat are spread.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct UnitDistribution {
    /// Unit code.
    pub code: String,
    /// Unit name.
    pub name: String,
    /// The organisation rating, once HR set it.
    pub rating: Option<OrgRating>,
    /// Predikat counts.
    pub counts: crate::domain::appraisal::PredikatCounts,
    /// Broken rules (only with a rating).
    pub warnings: Vec<WarningView>,
}

/// The periods page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct HrPeriodsPage {
    /// The instance's kind of period.
    pub kind: PeriodKind,
    /// The next period to open, as a hint (`2026-S2`).
    pub suggested: String,
    /// Every stored period, newest first.
    pub periods: Vec<PeriodView>,
    /// The stored period whose units are shown.
    pub chosen: Option<PeriodView>,
    /// Units with their distribution in `chosen`.
    pub units: Vec<UnitDistribution>,
}

/// An award or succession candidate.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AwardRow {
    /// Who.
    pub officer: OfficerRef,
    /// Sangat Baik two years running (succession pool).
    pub succession: bool,
    /// The appraisals of this year and the year before: (period, predikat).
    pub history: Vec<(String, Predikat)>,
}

/// A training need.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TrainingRow {
    /// Who.
    pub officer: OfficerRef,
    /// Answers behind the numbers.
    pub n: u32,
    /// NRR of U6 (1..4).
    pub u6: Option<f64>,
    /// NRR of U7 (1..4).
    pub u7: Option<f64>,
    /// The weaker of the two.
    pub weakest: Unsur,
    /// Its NRR.
    pub weakest_nrr: f64,
    /// The unit's lowest unsur of all nine in the period, with its NRR.
    pub unit_weakest: Option<(Unsur, f64)>,
    /// Work behaviour as appraised.
    pub perilaku_kerja: Option<Expectation>,
    /// The weaker NRR grades below mutu B, or behaviour was rated below expectation.
    pub priority: bool,
}

/// An improvement plan to follow.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ImprovementRow {
    /// Who.
    pub officer: OfficerRef,
    /// Butuh Perbaikan, Kurang or Sangat Kurang.
    pub predikat: Predikat,
    /// Work results.
    pub hasil_kerja: Expectation,
    /// Work behaviour.
    pub perilaku_kerja: Expectation,
    /// End of the six months to improve.
    pub due: String,
}

/// An officer on the talent grid.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TalentRow {
    /// Who.
    pub officer: OfficerRef,
    /// The predikat (performance axis).
    pub predikat: Predikat,
    /// The performance level from it.
    pub performance: PerformanceLevel,
    /// HR's potential rating, once entered.
    pub potential: Option<Potential>,
    /// The box, once the potential is known.
    pub nine_box: Option<NineBox>,
}

/// Credit points of an appraised officer.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CreditRow {
    /// Who.
    pub officer: OfficerRef,
    /// The predikat.
    pub predikat: Predikat,
    /// Percentage of the annual coefficient.
    pub percent: u32,
}

/// The follow-up lists of a period.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct HrFollowup {
    /// The period.
    pub period: PeriodView,
    /// Every stored period, newest first.
    pub periods: Vec<PeriodView>,
    /// Sangat Baik this period.
    pub awards: Vec<AwardRow>,
    /// Officers above the gate, weakest first.
    pub training: Vec<TrainingRow>,
    /// Officers with six months to improve.
    pub improvement: Vec<ImprovementRow>,
    /// Appraised officers on the talent grid.
    pub talent: Vec<TalentRow>,
    /// Appraised officers' credit percentages.
    pub credit: Vec<CreditRow>,
}

/// The ranking of a period (`""` = the latest open period).
#[server(prefix = "/api", endpoint = "hr/ranking", input = leptos::server_fn::codec::GetUrl)]
pub async fn load_hr_ranking(period: String, filter: RankingFilter) -> Result<HrRanking, ApiError> {
    let state = crate::server::state::use_state()?;
    let viewer = crate::auth::use_viewer();
    let meta = crate::server::context::use_request_meta();
    let i18n = crate::i18n::use_i18n();
    crate::server::error::respond(
        crate::server::hr::ranking::ranking(&state, &viewer, &period, &filter, &meta, i18n).await,
    )
}

/// One officer across periods (`period` = the one whose evidence is shown).
#[server(prefix = "/api", endpoint = "hr/officer", input = leptos::server_fn::codec::GetUrl)]
pub async fn load_hr_officer(nip: String, period: String) -> Result<HrOfficer, ApiError> {
    let state = crate::server::state::use_state()?;
    let viewer = crate::auth::use_viewer();
    let meta = crate::server::context::use_request_meta();
    crate::server::error::respond(
        crate::server::hr::officer::load(&state, &viewer, &nip, &period, &meta).await,
    )
}

/// The periods and each unit's distribution in `period` (`""` = the latest open one).
#[server(prefix = "/api", endpoint = "hr/periods", input = leptos::server_fn::codec::GetUrl)]
pub async fn load_hr_periods(period: String) -> Result<HrPeriodsPage, ApiError> {
    let state = crate::server::state::use_state()?;
    let viewer = crate::auth::use_viewer();
    crate::server::error::respond(
        crate::server::hr::distribution::page(&state, &viewer, &period).await,
    )
}

/// The follow-up lists of `period` (`""` = the latest open one).
#[server(prefix = "/api", endpoint = "hr/followup", input = leptos::server_fn::codec::GetUrl)]
pub async fn load_hr_followup(period: String) -> Result<HrFollowup, ApiError> {
    let state = crate::server::state::use_state()?;
    let viewer = crate::auth::use_viewer();
    let meta = crate::server::context::use_request_meta();
    crate::server::error::respond(
        crate::server::hr::followup::lists(&state, &viewer, &period, &meta).await,
    )
}
