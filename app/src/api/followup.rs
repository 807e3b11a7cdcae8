//! The supervisor's follow-up page: low answers and suggestions of their unit to act on, and
//! the unit's improvement plan (rencana tindak lanjut).

use super::error::ApiError;
use super::survey::PlanAction;
use crate::domain::skm::Unsur;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// One answer to follow up: what was said and which application it rates, never by whom.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FollowupItem {
    /// Id.
    pub id: i64,
    /// When it was opened (local).
    pub opened: String,
    /// The service rated.
    pub service_name: String,
    /// The scores given.
    pub scores: Vec<(Unsur, u8)>,
    /// The suggestion, if any.
    pub suggestion: Option<String>,
    /// The rated application's number (online answers).
    pub reg_number: Option<String>,
    /// Its id, for the staff case page.
    pub application_id: Option<i64>,
    /// Closed.
    pub closed: bool,
    /// The closing note.
    pub note: Option<String>,
}

/// The follow-up page's content.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FollowupPage {
    /// The plan's period.
    pub period: String,
    /// Open items first, then those closed in the last 30 days.
    pub items: Vec<FollowupItem>,
    /// The improvement plan for the period.
    pub plan: Vec<PlanAction>,
    /// The period's unsur from lowest NRR up (the plan starts with the first).
    pub lowest: Vec<Unsur>,
}

/// The supervisor's follow-up page for `period` (`""` = the current semester).
#[server(prefix = "/api", endpoint = "survey/followup", input = leptos::server_fn::codec::GetUrl)]
pub async fn load_followup_page(period: String) -> Result<FollowupPage, ApiError> {
    let state = crate::server::state::use_state()?;
    let viewer = crate::auth::use_viewer();
    let i18n = crate::i18n::use_i18n();
    crate::server::error::respond(
        crate::server::survey::followup::page(&state, &viewer, &period, i18n).await,
    )
}
