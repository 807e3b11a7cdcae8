//! The application state handed to handlers (axum `State`) and server functions (context).

use super::{config::Config, db::Db, session::SessionKeys};
use crate::api::error::ApiError;
use axum::extract::FromRef;
use leptos::config::LeptosOptions;
use std::sync::Arc;

/// Shared, cheaply cloned state of one running server. Built once at start-up (or per test);
/// never a global.
#[derive(Clone)]
pub struct AppState {
    /// The database (SQLite or PostgreSQL).
    pub db: Db,
    /// Where uploaded documents are kept (the data folder or an object store).
    pub storage: super::storage::Storage,
    /// Settings read at start-up.
    pub config: Arc<Config>,
    /// Where Leptos finds the site assets.
    pub leptos_options: LeptosOptions,
    /// Whether this instance holds the fictitious demo city (shown as a banner).
    pub demo: bool,
    /// Keys that sign and verify session tokens.
    pub session_keys: Arc<SessionKeys>,
    /// Keys that sign and verify survey invitation tokens.
    pub survey_keys: Arc<super::survey::SurveyKeys>,
}

impl FromRef<AppState> for LeptosOptions {
    fn from_ref(state: &AppState) -> Self {
        state.leptos_options.clone()
    }
}

/// The state inside a server function or a page render.
pub fn use_state() -> Result<AppState, ApiError> {
    leptos::prelude::use_context::<AppState>().ok_or_else(|| {
        tracing::error!("AppState missing from the request context");
        ApiError::Internal
    })
}
