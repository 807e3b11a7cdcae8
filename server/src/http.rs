//! The HTTP server: routes, middleware and graceful shutdown.
//!
//! Request flow: security headers (CSP nonce) → same-origin check for state changes → body
//! limit → compression → route: a Leptos page (rendered on the server), a server function under
//! `/api`, a form handler, a health probe, or a static asset.

mod health;
mod lang;
mod security;

use anyhow::Context;
use app::server::{config::Config, context::provide_request_context, state::AppState};
use axum::{
    extract::{DefaultBodyLimit, MatchedPath, Request},
    routing::{get, post},
    Router,
};
use leptos_axum::{generate_route_list, handle_server_fns_with_context, LeptosRoutes};
use std::time::Duration;
use tower::ServiceBuilder;
use tower_http::{
    catch_panic::CatchPanicLayer,
    compression::{CompressionLayer, CompressionLevel},
    services::ServeDir,
    set_header::SetResponseHeaderLayer,
    timeout::TimeoutLayer,
    trace::TraceLayer,
};

/// Largest request body accepted by default (forms and server-function calls).
pub const BODY_LIMIT: usize = 2 * 1024 * 1024;

/// The complete router for `state`.
pub fn router(state: AppState) -> Router {
    let routes = generate_route_list(app::App);
    let site_root = state.leptos_options.site_root.to_string();
    let page_state = state.clone();
    let fallback_state = state.clone();

    let assets = ServeDir::new(&site_root)
        .precompressed_br()
        .precompressed_gzip()
        .fallback(tower::service_fn(move |req: Request| {
            let state = fallback_state.clone();
            async move {
                let options = state.leptos_options.clone();
                let handler = leptos_axum::render_app_async_with_context(
                    move || provide_request_context(&state),
                    move || app::shell(options.clone()),
                );
                Ok::<_, std::convert::Infallible>(handler(req).await)
            }
        }));
    let assets = ServiceBuilder::new()
        .layer(SetResponseHeaderLayer::if_not_present(
            http::header::CACHE_CONTROL,
            http::HeaderValue::from_static("no-cache"),
        ))
        .service(assets);

    Router::new()
        .route("/healthz", get(health::healthz))
        .route("/readyz", get(health::readyz))
        .route("/bahasa", post(lang::switch_language))
        .route(
            "/api/{*fn_name}",
            get(server_fn_handler).post(server_fn_handler),
        )
        .leptos_routes_with_context(
            &state,
            routes,
            move || provide_request_context(&page_state),
            {
                let options = state.leptos_options.clone();
                move || app::shell(options.clone())
            },
        )
        .fallback_service(assets)
        .layer(
            ServiceBuilder::new()
                .layer(CatchPanicLayer::custom(security::panic_response))
                .layer(TraceLayer::new_for_http().make_span_with(|req: &Request| {
                    // The route template, never the raw path: paths may carry tokens.
                    let route = req
                        .extensions()
                        .get::<MatchedPath>()
                        .map(|p| p.as_str().to_owned())
                        .unwrap_or_else(|| "(static or unmatched)".into());
                    tracing::info_span!("request", method = %req.method(), route)
                }))
                .layer(axum::middleware::from_fn(security::security_headers))
                .layer(axum::middleware::from_fn_with_state(
                    state.clone(),
                    security::same_origin_only,
                ))
                .layer(TimeoutLayer::with_status_code(
                    http::StatusCode::SERVICE_UNAVAILABLE,
                    Duration::from_secs(30),
                ))
                .layer(DefaultBodyLimit::max(BODY_LIMIT))
                .layer(CompressionLayer::new().quality(CompressionLevel::Precise(4))),
        )
        .with_state(state)
}

async fn server_fn_handler(
    axum::extract::State(state): axum::extract::State<AppState>,
    req: Request,
) -> axum::response::Response {
    use axum::response::IntoResponse;
    handle_server_fns_with_context(move || provide_request_context(&state), req)
        .await
        .into_response()
}

/// Serves until SIGTERM or Ctrl-C, then lets in-flight requests finish.
pub async fn serve(config: Config) -> anyhow::Result<()> {
    let db = crate::startup::open_database(&config).await?;
    let bind = config.bind;
    let state = crate::startup::build_state(config, db.clone()).await?;
    let listener = tokio::net::TcpListener::bind(bind)
        .await
        .with_context(|| format!("listening on {bind}"))?;
    tracing::info!(address = %bind, "Sigap is serving on http://{bind}");
    axum::serve(listener, router(state))
        .with_graceful_shutdown(shutdown_signal())
        .await
        .context("serving")?;
    db.close().await;
    tracing::info!("stopped cleanly");
    Ok(())
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    tracing::info!("shutting down: finishing in-flight requests");
}
