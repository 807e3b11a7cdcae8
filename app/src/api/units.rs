//! Server functions about service units.

use super::error::ApiError;
use crate::islands::unit_filter::UnitItem;
use leptos::prelude::*;

/// All active service units, for the public home page.
#[server(prefix = "/api", endpoint = "units", input = leptos::server_fn::codec::GetUrl)]
pub async fn list_units() -> Result<Vec<UnitItem>, ApiError> {
    let state = crate::server::state::use_state()?;
    crate::server::error::respond(crate::server::units::list_public_units(&state.db).await)
}
