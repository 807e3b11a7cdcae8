//! Server functions and shared types of the service catalog (public) and its administration.

use super::error::ApiError;
use crate::domain::service::FieldKind;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// A service as the catalog lists it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServiceSummary {
    /// Its code.
    pub code: String,
    /// Its name in the visitor's language.
    pub name: String,
    /// The providing unit's name.
    pub unit_name: String,
    /// Completion time in working days.
    pub completion_days: i64,
    /// Fee in rupiah (0 = free).
    pub fee_rupiah: i64,
    /// Whether citizens can apply (admins also see inactive services).
    pub active: bool,
}

/// One requirement of a service (persyaratan).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RequirementView {
    /// Its id.
    pub requirement_id: i64,
    /// Label in Indonesian.
    pub label_id: String,
    /// Label in English.
    pub label_en: String,
    /// Whether a document must be uploaded for it.
    pub needs_document: bool,
    /// Accepted document kinds (`pdf`, `jpeg`, `png`).
    pub accepted_types: Vec<String>,
    /// Largest upload in KB.
    pub max_size_kb: i64,
}

/// One extra question of a service.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldView {
    /// Its id.
    pub field_id: i64,
    /// Label in Indonesian.
    pub label_id: String,
    /// Label in English.
    pub label_en: String,
    /// The kind of answer.
    pub kind: FieldKind,
    /// Allowed answers for a choice.
    pub choices: Vec<String>,
    /// Whether an answer is required.
    pub required: bool,
}

/// A service's published standard (REFERENCE §2.1), both languages.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServiceDetail {
    /// Its code.
    pub code: String,
    /// The providing unit's code.
    pub unit_code: String,
    /// The providing unit's name.
    pub unit_name: String,
    /// Name in Indonesian.
    pub name_id: String,
    /// Name in English.
    pub name_en: String,
    /// Description in Indonesian.
    pub description_id: String,
    /// Description in English.
    pub description_en: String,
    /// Completion time in working days.
    pub completion_days: i64,
    /// Fee in rupiah.
    pub fee_rupiah: i64,
    /// What the citizen receives, in Indonesian.
    pub product_id: String,
    /// What the citizen receives, in English.
    pub product_en: String,
    /// Legal basis.
    pub legal_basis: String,
    /// How complaints are handled.
    pub complaint_channel: String,
    /// Short code printed in permit numbers (e.g. `SIPD`).
    pub permit_code: String,
    /// Staff steps whose officers get survey credit (REFERENCE §4).
    pub citizen_facing: Vec<String>,
    /// Whether citizens can apply.
    pub active: bool,
    /// Requirements, in order.
    pub requirements: Vec<RequirementView>,
    /// Extra questions, in order.
    pub fields: Vec<FieldView>,
}

/// A public holiday of the working-day calendar.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Holiday {
    /// The day, `YYYY-MM-DD`.
    pub day: String,
    /// Its name.
    pub name: String,
}

/// Active services matching `q` (name, unit or code), in the visitor's language.
#[server(prefix = "/api", endpoint = "services", input = leptos::server_fn::codec::GetUrl)]
pub async fn list_services(q: String) -> Result<Vec<ServiceSummary>, ApiError> {
    let state = crate::server::state::use_state()?;
    let i18n = crate::i18n::use_i18n();
    crate::server::error::respond(state.catalog.search(&state.db, &q, i18n).await)
}

/// One service's standard (active services for the public; any for admins).
#[server(prefix = "/api", endpoint = "service", input = leptos::server_fn::codec::GetUrl)]
pub async fn get_service(code: String) -> Result<ServiceDetail, ApiError> {
    let state = crate::server::state::use_state()?;
    let viewer = crate::auth::use_viewer();
    let include_inactive = viewer.has_role(crate::auth::Role::Admin);
    crate::server::error::respond(
        crate::server::catalog::get_service(&state.db, &code, include_inactive).await,
    )
}

/// Every service, for the admin list.
#[server(prefix = "/api", endpoint = "admin/services", input = leptos::server_fn::codec::GetUrl)]
pub async fn admin_list_services() -> Result<Vec<ServiceSummary>, ApiError> {
    let state = crate::server::state::use_state()?;
    let viewer = crate::auth::use_viewer();
    let i18n = crate::i18n::use_i18n();
    if let Err(e) = crate::server::accounts::staff::require_admin(&viewer) {
        return crate::server::error::respond(Err(e));
    }
    use crate::server::catalog::listing;
    crate::server::error::respond(
        listing::load_services(&state.db, true)
            .await
            .map(|all| listing::search(&all, "", i18n)),
    )
}

/// The holidays of the working-day calendar from this year on.
#[server(prefix = "/api", endpoint = "holidays", input = leptos::server_fn::codec::GetUrl)]
pub async fn list_holidays() -> Result<Vec<Holiday>, ApiError> {
    let state = crate::server::state::use_state()?;
    crate::server::error::respond(crate::server::calendar::list_holidays(&state.db).await)
}
