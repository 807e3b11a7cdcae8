//! Server functions for the signed-in person's own account.

use super::error::ApiError;
use crate::auth::Role;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// What the account page shows. The NIK only ever leaves the server masked.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Profile {
    /// A citizen's own data.
    Citizen {
        /// Full name.
        full_name: String,
        /// Masked NIK, e.g. `1275••••••••0003`.
        nik_masked: String,
        /// Email, if given.
        email: Option<String>,
        /// Mobile number, if given.
        phone: Option<String>,
    },
    /// A staff member's own data.
    Staff {
        /// Full name.
        full_name: String,
        /// NIP.
        nip: String,
        /// Unit name, if any.
        unit: Option<String>,
        /// Roles held.
        roles: Vec<Role>,
        /// Work email, if any.
        email: Option<String>,
    },
}

/// The signed-in person's profile.
#[server(prefix = "/api", endpoint = "account/profile", input = leptos::server_fn::codec::GetUrl)]
pub async fn get_profile() -> Result<Profile, ApiError> {
    let state = crate::server::state::use_state()?;
    let viewer = crate::auth::use_viewer();
    crate::server::error::respond(
        crate::server::accounts::profile::get_profile(&state.db, &viewer).await,
    )
}

/// Whether a password link's token can still be used (it is not consumed by asking).
#[server(prefix = "/api", endpoint = "account/password-link", input = leptos::server_fn::codec::GetUrl)]
pub async fn check_password_link(token: String) -> Result<bool, ApiError> {
    let state = crate::server::state::use_state()?;
    crate::server::error::respond(
        crate::server::accounts::password::token_is_valid(&state.db, token.trim()).await,
    )
}
