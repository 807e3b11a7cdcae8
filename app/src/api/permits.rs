//! Permits: the printable permit and the public verification page.

use super::error::ApiError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// A permit as printed and verified.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PermitView {
    /// Permit number.
    pub number: String,
    /// Holder's name.
    pub holder_name: String,
    /// Service name.
    pub service_name: String,
    /// Issuing unit.
    pub unit_name: String,
    /// Issue time, local.
    pub issued: String,
    /// Not revoked.
    pub valid: bool,
    /// The application's number (print only).
    pub reg_number: String,
    /// The QR code (SVG markup) linking to the verification page (print only).
    pub qr_svg: String,
    /// The verification address.
    pub verify_link: String,
}

/// What the verification page says.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Verification {
    /// A permit with that code exists.
    Found(PermitView),
    /// No permit has that code: mistyped, tampered or forged.
    Unknown,
}

/// The permit of an application, for its holder or the unit's staff.
#[server(prefix = "/api", endpoint = "permits/of", input = leptos::server_fn::codec::GetUrl)]
pub async fn application_permit(id: i64) -> Result<PermitView, ApiError> {
    let state = crate::server::state::use_state()?;
    let viewer = crate::auth::use_viewer();
    let i18n = crate::i18n::use_i18n();
    crate::server::error::respond(
        crate::server::permits::for_application(&state, &viewer, id, i18n).await,
    )
}

/// Public verification of a permit code.
#[server(prefix = "/api", endpoint = "permits/verify", input = leptos::server_fn::codec::GetUrl)]
pub async fn verify_permit(code: String) -> Result<Verification, ApiError> {
    let state = crate::server::state::use_state()?;
    let i18n = crate::i18n::use_i18n();
    crate::server::error::respond(crate::server::permits::verify(&state, &code, i18n).await)
}

/// Public status lookup by registration number and the NIK's last four digits.
#[server(prefix = "/api", endpoint = "applications/status", input = leptos::server_fn::codec::GetUrl)]
pub async fn lookup_status(
    number: String,
    nik4: String,
) -> Result<crate::api::applications::PublicStatus, ApiError> {
    let state = crate::server::state::use_state()?;
    let i18n = crate::i18n::use_i18n();
    let meta = crate::server::context::use_request_meta();
    crate::server::error::respond(
        crate::server::applications::lookup::lookup(&state, &number, &nik4, &meta, i18n).await,
    )
}

/// The permit-number setting as the admin page shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PermitPatternView {
    /// The pattern in force.
    pub pattern: String,
    /// A number rendered with it.
    pub example: String,
    /// The built-in pattern.
    pub default_pattern: String,
}

/// The permit-number pattern (admins only).
#[server(prefix = "/api", endpoint = "admin/permit-pattern", input = leptos::server_fn::codec::GetUrl)]
pub async fn permit_pattern() -> Result<PermitPatternView, ApiError> {
    let state = crate::server::state::use_state()?;
    let viewer = crate::auth::use_viewer();
    let year = state
        .config
        .time_zone
        .local_date(time::OffsetDateTime::now_utc())
        .year();
    crate::server::error::respond(
        crate::server::permit_pattern::view(&state.db, &viewer, year).await,
    )
}
