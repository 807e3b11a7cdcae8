//! Server functions and shared types of the administration pages (admins only).

use super::error::ApiError;
use crate::auth::Role;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// A unit as the admin list shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnitAdminRow {
    /// Code.
    pub code: String,
    /// Name.
    pub name: String,
    /// Whether it is active.
    pub active: bool,
    /// Staff members in it.
    pub staff_count: i64,
}

/// A staff member as the admin list shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffRow {
    /// NIP.
    pub nip: String,
    /// Name.
    pub name: String,
    /// Unit code, if any.
    pub unit_code: Option<String>,
    /// Roles.
    pub roles: Vec<Role>,
    /// Supervisor's NIP, if any.
    pub supervisor_nip: Option<String>,
    /// Work email, if any.
    pub email: Option<String>,
    /// Whether the account may sign in.
    pub active: bool,
    /// Whether a password has been set (activated).
    pub activated: bool,
}

/// Filters of the staff list.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffFilter {
    /// Unit code, or empty for all units.
    pub unit: String,
    /// Substring of name or NIP.
    pub q: String,
}

/// The outcome of an import that went through.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportReport {
    /// Rows that created a record.
    pub created: u32,
    /// Rows that changed a record.
    pub updated: u32,
    /// Rows identical to what was stored.
    pub unchanged: u32,
}

/// One problem in an imported file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportProblem {
    /// Line number in the file (1 is the header).
    pub line: u64,
    /// The column, if the problem is in one cell.
    pub column: Option<String>,
    /// What is wrong.
    pub message: String,
}

/// Every unit (active or not), for the admin page.
#[server(prefix = "/api", endpoint = "admin/units", input = leptos::server_fn::codec::GetUrl)]
pub async fn admin_list_units() -> Result<Vec<UnitAdminRow>, ApiError> {
    let state = crate::server::state::use_state()?;
    let viewer = crate::auth::use_viewer();
    crate::server::error::respond(crate::server::units::list_for_admin(&state.db, &viewer).await)
}

/// Staff matching `filter`, for the admin page.
#[server(prefix = "/api", endpoint = "admin/staff", input = leptos::server_fn::codec::GetUrl)]
pub async fn admin_list_staff(filter: StaffFilter) -> Result<Vec<StaffRow>, ApiError> {
    let state = crate::server::state::use_state()?;
    let viewer = crate::auth::use_viewer();
    crate::server::error::respond(
        crate::server::accounts::staff::list_staff(&state.db, &viewer, &filter).await,
    )
}

/// One staff member by NIP, for the edit page.
#[server(prefix = "/api", endpoint = "admin/staff-member", input = leptos::server_fn::codec::GetUrl)]
pub async fn admin_get_staff(nip: String) -> Result<StaffRow, ApiError> {
    let state = crate::server::state::use_state()?;
    let viewer = crate::auth::use_viewer();
    crate::server::error::respond(
        crate::server::accounts::staff::get_staff(&state.db, &viewer, &nip).await,
    )
}

/// Audit events shown per page.
pub const AUDIT_PAGE_SIZE: i64 = 50;

/// Audit events matching the filter, newest first, 50 per page.
#[server(prefix = "/api", endpoint = "admin/audit", input = leptos::server_fn::codec::GetUrl)]
pub async fn admin_audit(
    actor: String,
    action: String,
    from: String,
    until: String,
    page: u32,
) -> Result<Vec<AuditEntry>, ApiError> {
    let state = crate::server::state::use_state()?;
    let viewer = crate::auth::use_viewer();
    crate::server::error::respond(
        crate::server::admin_audit::search(&state, &viewer, &actor, &action, &from, &until, page)
            .await,
    )
}

/// An audit event as the admin page shows it (time already in the instance's zone).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditEntry {
    /// Local date and time, `YYYY-MM-DD HH:MM:SS`.
    pub when: String,
    /// Who.
    pub actor: String,
    /// What.
    pub action: String,
    /// On what.
    pub subject: Option<String>,
    /// Details.
    pub detail: Option<String>,
    /// From where.
    pub ip: Option<String>,
}
