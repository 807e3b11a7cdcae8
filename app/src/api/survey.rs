//! Types and server functions of the satisfaction survey: the questionnaire page, invitation
//! links on the citizen's pages, counter invitations, and the published index.

use super::error::ApiError;
use crate::domain::skm::Unsur;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// What the questionnaire page shows for a presented token.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum SurveyOpening {
    /// The questionnaire can be answered.
    Ready {
        /// The service received, in the visitor's language.
        service_name: String,
        /// The unit that served.
        unit_name: String,
        /// The day of service (local).
        service_date: String,
    },
    /// Already answered: thank you again.
    AlreadyAnswered,
    /// Past its expiry.
    Expired,
    /// Forged, tampered, mistyped or unknown.
    Invalid,
    /// The visitor is signed in as staff: staff accounts cannot answer surveys.
    StaffRefused,
}

/// An invitation's link as the citizen's pages and the printed permit show it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct InvitationLink {
    /// The questionnaire address.
    pub url: String,
    /// The address of its QR code image (`/survei/{token}/qr.svg`): an image the browser keeps,
    /// so the page neither carries nor recomputes it.
    pub qr_image: String,
    /// Already answered.
    pub answered: bool,
    /// Past its expiry.
    pub expired: bool,
    /// Expiry day (local).
    pub expires_on: String,
}

/// A counter invitation, shown to the officer to hand over (screen or printed slip).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CounterSlip {
    /// The typed code, e.g. `K7M4-Q2XP`.
    pub code: String,
    /// The questionnaire address.
    pub url: String,
    /// A QR code (SVG markup) of it.
    pub qr_svg: String,
    /// The service.
    pub service_name: String,
    /// The unit.
    pub unit_name: String,
    /// Expiry day (local).
    pub expires_on: String,
    /// Already answered.
    pub answered: bool,
}

/// One unsur's result in a published index.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct UnsurResult {
    /// Which unsur.
    pub unsur: Unsur,
    /// NRR rounded to 2 decimals; `None` if nobody answered it.
    pub nrr: Option<f64>,
    /// Its grade (A–D).
    pub mutu: Option<char>,
    /// Responses that answered it.
    pub answered: u64,
}

/// An index (IKM) for a set of responses.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct IndexFigures {
    /// Respondents.
    pub n: u64,
    /// IKM on the 1..4 scale (4 decimals).
    pub ikm: f64,
    /// IKM konversi (2 decimals).
    pub konversi: f64,
    /// Mutu A–D.
    pub mutu: char,
    /// Kinerja label in the visitor's language.
    pub kinerja: String,
    /// Per unsur, in code order.
    pub unsur: Vec<UnsurResult>,
    /// Answered unsur from lowest NRR up (the follow-up plan starts with the first).
    pub lowest: Vec<Unsur>,
}

/// A count in a respondent-profile breakdown.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProfileCount {
    /// The group's label.
    pub label: String,
    /// Respondents in it.
    pub count: u64,
}

/// The respondents' profile (each question optional).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProfileBreakdown {
    /// By gender.
    pub gender: Vec<ProfileCount>,
    /// By age band.
    pub age: Vec<ProfileCount>,
    /// By education.
    pub education: Vec<ProfileCount>,
    /// By occupation.
    pub occupation: Vec<ProfileCount>,
}

/// One service type's row in a unit's published index.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ServiceIndex {
    /// Service code.
    pub code: String,
    /// Service name.
    pub name: String,
    /// Its index, if it has answers.
    pub figures: Option<IndexFigures>,
    /// Invitations issued in the period.
    pub invitations: u64,
    /// Answers ÷ invitations, in percent (none without invitations).
    pub response_rate: Option<f64>,
    /// The Krejcie–Morgan minimum from the previous period's recipients (REFERENCE §3.4).
    pub minimum: u64,
}

/// One period of a unit's trend.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TrendPoint {
    /// Period name (`2026-S1`).
    pub period: String,
    /// Its index konversi, if it has answers.
    pub konversi: Option<f64>,
    /// Its mutu.
    pub mutu: Option<char>,
    /// Respondents.
    pub n: u64,
}

/// An improvement action of the unit's follow-up plan (rencana tindak lanjut).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanAction {
    /// Id.
    pub id: i64,
    /// The unsur it answers.
    pub unsur: Unsur,
    /// What will be done.
    pub action: String,
    /// Who is responsible.
    pub owner: String,
    /// Due day.
    pub due_on: String,
    /// `planned`, `in_progress` or `done`.
    pub status: String,
    /// Progress so far.
    pub progress_note: String,
}

/// A unit's published index for a period.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct UnitIndex {
    /// Unit code.
    pub unit_code: String,
    /// Unit name.
    pub unit_name: String,
    /// The period.
    pub period: String,
    /// First and last day of the period.
    pub from: String,
    /// Last day.
    pub until: String,
    /// The unit's index over all its services (all nine unsur).
    pub figures: Option<IndexFigures>,
    /// Respondent profile.
    pub profile: ProfileBreakdown,
    /// Invitations issued in the period.
    pub invitations: u64,
    /// Answers ÷ invitations, percent.
    pub response_rate: Option<f64>,
    /// Per service type.
    pub services: Vec<ServiceIndex>,
    /// The last periods of the same kind, oldest first.
    pub trend: Vec<TrendPoint>,
    /// The follow-up plan for this period.
    pub plan: Vec<PlanAction>,
}

/// A unit's line in the all-units overview.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct UnitSummary {
    /// Unit code.
    pub unit_code: String,
    /// Unit name.
    pub unit_name: String,
    /// Respondents.
    pub n: u64,
    /// IKM konversi.
    pub konversi: Option<f64>,
    /// Mutu.
    pub mutu: Option<char>,
}

/// What the questionnaire page shows for `token` (changes nothing).
#[server(prefix = "/api", endpoint = "survey/open", input = leptos::server_fn::codec::GetUrl)]
pub async fn open_survey(token: String) -> Result<SurveyOpening, ApiError> {
    let state = crate::server::state::use_state()?;
    let viewer = crate::auth::use_viewer();
    let i18n = crate::i18n::use_i18n();
    crate::server::error::respond(
        crate::server::survey::answer::open(&state, &viewer, &token, i18n).await,
    )
}

/// The invitation of an application, for its applicant and the unit's staff.
#[server(prefix = "/api", endpoint = "survey/of-application", input = leptos::server_fn::codec::GetUrl)]
pub async fn application_invitation(id: i64) -> Result<Option<InvitationLink>, ApiError> {
    let state = crate::server::state::use_state()?;
    let viewer = crate::auth::use_viewer();
    crate::server::error::respond(
        crate::server::survey::invite::of_application(&state, &viewer, id).await,
    )
}

/// A counter invitation the officer issued.
#[server(prefix = "/api", endpoint = "survey/counter-slip", input = leptos::server_fn::codec::GetUrl)]
pub async fn load_counter_slip(id: i64) -> Result<CounterSlip, ApiError> {
    let state = crate::server::state::use_state()?;
    let viewer = crate::auth::use_viewer();
    let i18n = crate::i18n::use_i18n();
    crate::server::error::respond(
        crate::server::survey::invite::counter_slip(&state, &viewer, id, i18n).await,
    )
}

/// A unit's published index for a period (`""` = the current semester).
#[server(prefix = "/api", endpoint = "ikm/unit", input = leptos::server_fn::codec::GetUrl)]
pub async fn load_unit_index(code: String, period: String) -> Result<UnitIndex, ApiError> {
    let state = crate::server::state::use_state()?;
    let i18n = crate::i18n::use_i18n();
    crate::server::error::respond(
        crate::server::survey::index::unit_index(&state, &code, &period, i18n).await,
    )
}

/// Every unit's index for a period (`""` = the current semester), and the period's name.
#[server(prefix = "/api", endpoint = "ikm/units", input = leptos::server_fn::codec::GetUrl)]
pub async fn load_units_index(period: String) -> Result<(String, Vec<UnitSummary>), ApiError> {
    let state = crate::server::state::use_state()?;
    crate::server::error::respond(crate::server::survey::index::overview(&state, &period).await)
}
