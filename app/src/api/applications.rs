//! Shared types and server functions of applications: the citizen's list and detail, the
//! officers' queue and case page, and the public status lookup.

use super::error::ApiError;
use crate::domain::application_state::{Action, StaffAction, State};
use crate::domain::service::FieldKind;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// An application in a list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApplicationSummary {
    /// Internal id (addresses).
    pub id: i64,
    /// Registration number, once submitted.
    pub reg_number: Option<String>,
    /// Service name in the visitor's language.
    pub service_name: String,
    /// Applicant's name (staff lists).
    pub applicant_name: String,
    /// Where it stands.
    pub state: State,
    /// Submission date (local), if submitted.
    pub submitted_on: Option<String>,
    /// Due date (local), if submitted.
    pub due_on: Option<String>,
    /// Open and past its standard time.
    pub overdue: bool,
    /// Officer it is assigned to.
    pub assigned_to: Option<String>,
    /// Filed at the counter.
    pub counter: bool,
}

/// One answer to an extra question, with its question.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnswerView {
    /// The question's id.
    pub field_id: i64,
    /// The question in the visitor's language.
    pub label: String,
    /// The kind of answer.
    pub kind: FieldKind,
    /// Choices, for a choice.
    pub choices: Vec<String>,
    /// Whether an answer is required.
    pub required: bool,
    /// The answer (empty if none).
    pub value: String,
}

/// A requirement with the document uploaded for it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RequirementStatus {
    /// The requirement's id.
    pub requirement_id: i64,
    /// Its label in the visitor's language.
    pub label: String,
    /// Whether a document is needed.
    pub needs_document: bool,
    /// Accepted kinds (`pdf`, `jpeg`, `png`).
    pub accepted_types: Vec<String>,
    /// Largest upload in KB.
    pub max_size_kb: i64,
    /// The current document, if any.
    pub document: Option<DocumentView>,
    /// Open correction note for this requirement, if staff asked for one.
    pub correction: Option<String>,
}

/// An uploaded document.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentView {
    /// Its id (download address).
    pub id: i64,
    /// Display name.
    pub name: String,
    /// Size in bytes.
    pub size_bytes: i64,
    /// Upload time, local.
    pub uploaded: String,
}

/// One step of the tracking log.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimelineEntry {
    /// Local date and time.
    pub when: String,
    /// The step.
    pub action: Action,
    /// State after the step.
    pub to: State,
    /// Who (officer's name, or "Pemohon").
    pub actor: String,
    /// Note the citizen may read (correction notes, rejection reason).
    pub note: Option<String>,
}

/// Everything the application page shows (citizen or staff).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApplicationDetail {
    /// Internal id.
    pub id: i64,
    /// Registration number, once submitted.
    pub reg_number: Option<String>,
    /// Service code.
    pub service_code: String,
    /// Service name in the visitor's language.
    pub service_name: String,
    /// Unit name.
    pub unit_name: String,
    /// Where it stands.
    pub state: State,
    /// Applicant's name.
    pub applicant_name: String,
    /// Applicant's NIK: full for the unit's staff (audited), masked for the applicant.
    pub applicant_nik: String,
    /// Applicant's contact (staff only).
    pub applicant_contact: Option<String>,
    /// Filed at the counter.
    pub counter: bool,
    /// Answers to the extra questions.
    pub answers: Vec<AnswerView>,
    /// Requirements and documents.
    pub requirements: Vec<RequirementStatus>,
    /// General correction note (not tied to one requirement), if open.
    pub general_correction: Option<String>,
    /// The tracking log, oldest first.
    pub timeline: Vec<TimelineEntry>,
    /// Standard completion time in working days.
    pub completion_days: i64,
    /// Submission date, local.
    pub submitted_on: Option<String>,
    /// Due date, local (pauses included).
    pub due_on: Option<String>,
    /// Working days used (pauses excluded).
    pub used_days: Option<i64>,
    /// Open and past its standard time.
    pub overdue: bool,
    /// Finished within its standard (once finished).
    pub on_time: Option<bool>,
    /// Reason of a rejection.
    pub decision_reason: Option<String>,
    /// Permit number, once issued.
    pub permit_number: Option<String>,
    /// Officer it is assigned to.
    pub assigned_to: Option<String>,
    /// Steps the viewer may take now (staff).
    pub staff_actions: Vec<StaffAction>,
    /// Whether the viewer may edit it as a draft or correction (applicant or filing officer).
    pub editable: bool,
    /// Whether the viewer may withdraw it.
    pub can_withdraw: bool,
}

/// Tabs of the work queue.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QueueTab {
    /// Submitted or resubmitted, not yet assigned.
    New,
    /// Assigned to me and open.
    Mine,
    /// Waiting for the citizen's corrections.
    Correction,
    /// Open and past the standard time.
    Overdue,
    /// Everything open in the unit.
    All,
}

impl QueueTab {
    /// Every tab, in display order.
    pub const ALL: [QueueTab; 5] = [
        QueueTab::New,
        QueueTab::Mine,
        QueueTab::Correction,
        QueueTab::Overdue,
        QueueTab::All,
    ];

    /// URL code.
    pub fn code(self) -> &'static str {
        match self {
            QueueTab::New => "baru",
            QueueTab::Mine => "saya",
            QueueTab::Correction => "perbaikan",
            QueueTab::Overdue => "terlambat",
            QueueTab::All => "semua",
        }
    }

    /// Reads a URL code (default: new).
    pub fn parse(code: &str) -> QueueTab {
        QueueTab::ALL
            .into_iter()
            .find(|t| t.code() == code)
            .unwrap_or(QueueTab::New)
    }
}

/// The queue page's content.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Queue {
    /// Counts per tab, in [`QueueTab::ALL`] order.
    pub counts: Vec<(QueueTab, i64)>,
    /// The applications of the chosen tab.
    pub items: Vec<ApplicationSummary>,
    /// Officers of the unit `(account id, name)`, for supervisors assigning work.
    pub officers: Vec<(i64, String)>,
}

/// What the public status lookup may say: the state, the service, the dates — nothing personal.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PublicStatus {
    /// Registration number.
    pub reg_number: String,
    /// Service name.
    pub service_name: String,
    /// Unit name.
    pub unit_name: String,
    /// Where it stands.
    pub state: State,
    /// Submission date.
    pub submitted_on: Option<String>,
    /// Due date.
    pub due_on: Option<String>,
}

/// The signed-in citizen's applications, newest first.
#[server(prefix = "/api", endpoint = "applications/mine", input = leptos::server_fn::codec::GetUrl)]
pub async fn my_applications() -> Result<Vec<ApplicationSummary>, ApiError> {
    let state = crate::server::state::use_state()?;
    let viewer = crate::auth::use_viewer();
    let i18n = crate::i18n::use_i18n();
    crate::server::error::respond(
        crate::server::applications::citizen::list_mine(&state, &viewer, i18n).await,
    )
}

/// One application, as the viewer may see it (applicant, filing officer, or the unit's staff).
#[server(prefix = "/api", endpoint = "applications/detail", input = leptos::server_fn::codec::GetUrl)]
pub async fn get_application(id: i64) -> Result<ApplicationDetail, ApiError> {
    let state = crate::server::state::use_state()?;
    let viewer = crate::auth::use_viewer();
    let i18n = crate::i18n::use_i18n();
    let meta = crate::server::context::use_request_meta();
    crate::server::error::respond(
        crate::server::applications::detail::load(&state, &viewer, id, i18n, &meta).await,
    )
}

/// The work queue of the viewer's unit.
#[server(prefix = "/api", endpoint = "applications/queue", input = leptos::server_fn::codec::GetUrl)]
pub async fn work_queue(tab: String) -> Result<Queue, ApiError> {
    let state = crate::server::state::use_state()?;
    let viewer = crate::auth::use_viewer();
    let i18n = crate::i18n::use_i18n();
    crate::server::error::respond(
        crate::server::applications::queue::load(&state, &viewer, QueueTab::parse(&tab), i18n)
            .await,
    )
}

/// The active services of the officer's unit, for the counter form.
#[server(prefix = "/api", endpoint = "applications/counter-services", input = leptos::server_fn::codec::GetUrl)]
pub async fn counter_services() -> Result<Vec<crate::api::catalog::ServiceSummary>, ApiError> {
    let state = crate::server::state::use_state()?;
    let viewer = crate::auth::use_viewer();
    let i18n = crate::i18n::use_i18n();
    crate::server::error::respond(
        crate::server::applications::counter::services(&state, &viewer, i18n).await,
    )
}
