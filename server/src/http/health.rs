//! Probes for load balancers and orchestrators.

use app::server::state::AppState;
use axum::{extract::State, http::StatusCode};

/// `/healthz`: the process is alive.
pub async fn healthz() -> &'static str {
    "ok"
}

/// `/readyz`: the database answers, so requests can be served.
pub async fn readyz(State(state): State<AppState>) -> (StatusCode, &'static str) {
    if state.db.ping().await {
        (StatusCode::OK, "ready")
    } else {
        (StatusCode::SERVICE_UNAVAILABLE, "database unavailable")
    }
}
