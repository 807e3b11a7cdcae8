//! The application state handed to handlers (axum `State`) and server functions (context).

use super::{config::Config, db::Db, session::SessionKeys};
use crate::api::error::ApiError;
use axum::extract::FromRef;
use leptos::config::LeptosOptions;
use std::sync::Arc;

/// Shared state of one running server. Built once at start-up (or per test); never a global.
///
/// One `Arc` around the [`StateParts`]: axum clones the state for every middleware and handler
/// that extracts it, and each page render provides it as context, several clones a request; one
/// reference count instead of one per pool, key and Leptos setting (BENCHMARKS.md, figure 2).
#[derive(Clone)]
pub struct AppState(Arc<StateParts>);

/// What [`AppState`] holds; its fields are read through the state (`state.db`).
#[derive(Clone)]
pub struct StateParts {
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
    /// The public list of services, kept in memory for a moment; whatever changes a service or
    /// a unit calls its `changed`.
    pub catalog: Arc<super::catalog::listing::PublicCatalog>,
}

impl AppState {
    /// The state over `parts`.
    pub fn new(parts: StateParts) -> Self {
        Self(Arc::new(parts))
    }

    /// The parts, to change them (tests swap the storage or the database); copies them first
    /// if another clone of this state is alive, which keeps its own.
    pub fn parts_mut(&mut self) -> &mut StateParts {
        Arc::make_mut(&mut self.0)
    }
}

impl std::ops::Deref for AppState {
    type Target = StateParts;

    fn deref(&self) -> &StateParts {
        &self.0
    }
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
