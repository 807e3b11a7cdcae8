//! The HTTP server: routes, middleware and graceful shutdown.
//!
//! Request flow: security headers (CSP nonce) → same-origin check for state changes → body
//! limit → compression → route: a Leptos page (rendered on the server), a server function under
//! `/api`, a form handler, a health probe, or a static asset.

mod account;
mod admin;
mod applications;
mod appraisal;
mod catalog;
pub mod forms;
mod health;
mod hr;
pub mod lang;
pub mod security;
pub mod session;
mod survey;

use anyhow::Context;
use app::server::{config::Config, context::provide_request_context, state::AppState};
use axum::{
    extract::{DefaultBodyLimit, MatchedPath, Request},
    routing::{get, post, MethodRouter},
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

    let mut router = Router::new();
    for (_, path, route) in plain_routes() {
        router = router.route(path, route);
    }
    router
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
                .layer(axum::middleware::from_fn(
                    unreadable_arguments_are_bad_requests,
                ))
                .layer(axum::middleware::from_fn_with_state(
                    state.clone(),
                    security::same_origin_only,
                ))
                .layer(axum::middleware::from_fn_with_state(
                    state.clone(),
                    client_ip,
                ))
                .layer(axum::middleware::from_fn_with_state(
                    state.clone(),
                    session::resolve_session,
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

/// The framework answers every server-function error with 500, including arguments that could
/// not be read — the function never ran. Those are the caller's mistake: 400, with a
/// localised message instead of the decoder's English (which goes to the debug log).
async fn unreadable_arguments_are_bad_requests(
    req: Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    use app::api::error::ApiError;
    use axum::response::IntoResponse;
    let lang = app::server::context::request_lang(req.headers());
    let response = next.run(req).await;
    if response.status() != http::StatusCode::INTERNAL_SERVER_ERROR
        || !response.headers().contains_key("serverfnerror")
    {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, 64 * 1024).await else {
        return (parts, axum::body::Body::empty()).into_response();
    };
    let Ok(ApiError::Transport(detail)) = serde_json::from_slice::<ApiError>(&bytes) else {
        return (parts, axum::body::Body::from(bytes)).into_response();
    };
    tracing::debug!(%detail, "server function arguments could not be read");
    let message = app::i18n::I18n { lang }.t(app::i18n::forms::BAD_FORM);
    let body = serde_json::to_vec(&ApiError::Transport(message.to_owned())).unwrap_or_default();
    parts.status = http::StatusCode::BAD_REQUEST;
    parts.headers.remove(http::header::CONTENT_LENGTH);
    (parts, axum::body::Body::from(body)).into_response()
}

/// Every route that is neither a Leptos page, a server function nor a static file: probes and
/// form handlers. The role × endpoint matrix test reads this list, so a new route cannot be
/// added without the matrix knowing.
pub fn plain_routes() -> Vec<(&'static str, &'static str, MethodRouter<AppState>)> {
    vec![
        ("GET", "/healthz", get(health::healthz)),
        ("GET", "/readyz", get(health::readyz)),
        ("POST", "/bahasa", post(lang::switch_language)),
        ("POST", "/daftar", post(account::register)),
        ("POST", "/masuk", post(account::sign_in_citizen)),
        ("POST", "/petugas/masuk", post(account::sign_in_staff)),
        ("POST", "/keluar", post(account::sign_out)),
        ("POST", "/lupa-sandi", post(account::forgot_password)),
        ("POST", "/atur-sandi", post(account::reset_password)),
        ("POST", "/akun", post(account::update_profile)),
        ("POST", "/akun/sandi", post(account::change_password)),
        ("POST", "/layanan/{code}/ajukan", post(applications::start)),
        ("POST", "/permohonan/{id}/isi", post(applications::answers)),
        (
            "POST",
            "/permohonan/{id}/dokumen/{requirement}",
            post(applications::upload).layer(DefaultBodyLimit::max(
                applications::UPLOAD_LIMIT + 64 * 1024,
            )),
        ),
        (
            "POST",
            "/permohonan/{id}/ajukan",
            post(applications::submit),
        ),
        (
            "POST",
            "/permohonan/{id}/batal",
            post(applications::withdraw),
        ),
        (
            "POST",
            "/permohonan/{id}/perbaikan",
            post(applications::resubmit),
        ),
        (
            "POST",
            "/petugas/permohonan/{id}/langkah",
            post(applications::step),
        ),
        (
            "POST",
            "/petugas/permohonan/{id}/tugaskan",
            post(applications::assign),
        ),
        ("POST", "/petugas/loket", post(applications::counter)),
        ("GET", "/dokumen/{id}", get(applications::document)),
        ("POST", "/cek-status", post(applications::status)),
        ("POST", "/survei", post(survey::code_entry)),
        ("POST", "/survei/{token}", post(survey::submit)),
        ("GET", "/survei/{token}/qr.svg", get(survey::qr)),
        ("POST", "/petugas/survei-loket", post(survey::issue_counter)),
        (
            "POST",
            "/petugas/tindak-lanjut/{id}/tutup",
            post(survey::close_followup),
        ),
        ("POST", "/petugas/rencana", post(survey::add_action)),
        ("POST", "/petugas/rencana/{id}", post(survey::update_action)),
        ("POST", "/petugas/penilaian/{nip}", post(appraisal::save)),
        ("POST", "/akun/kinerja/keberatan", post(appraisal::contest)),
        ("POST", "/hr/periode", post(hr::open_period)),
        ("POST", "/hr/periode/{name}/tutup", post(hr::close_period)),
        (
            "POST",
            "/hr/periode/{name}/organisasi",
            post(hr::org_rating),
        ),
        ("POST", "/hr/keberatan/{id}", post(hr::decide)),
        ("POST", "/hr/tindak-lanjut/potensi", post(hr::potential)),
        ("GET", "/hr/ekspor/{list}", get(hr::download)),
        ("POST", "/admin/unit", post(admin::save_unit)),
        (
            "POST",
            "/admin/unit/{code}/status",
            post(admin::unit_status),
        ),
        ("POST", "/admin/pegawai/baru", post(admin::create_staff)),
        ("POST", "/admin/pegawai/{nip}", post(admin::update_staff)),
        (
            "POST",
            "/admin/pegawai/{nip}/status",
            post(admin::staff_status),
        ),
        (
            "POST",
            "/admin/pegawai/{nip}/aktivasi",
            post(admin::send_activation),
        ),
        ("POST", "/admin/layanan/baru", post(catalog::create_service)),
        (
            "POST",
            "/admin/layanan/{code}",
            post(catalog::update_service),
        ),
        (
            "POST",
            "/admin/layanan/{code}/persyaratan",
            post(catalog::add_requirement),
        ),
        (
            "POST",
            "/admin/layanan/{code}/pertanyaan",
            post(catalog::add_field),
        ),
        (
            "POST",
            "/admin/layanan/{code}/hapus/{what}/{id}",
            post(catalog::retire),
        ),
        ("POST", "/admin/libur", post(catalog::add_holiday)),
        (
            "POST",
            "/admin/nomor-izin",
            post(catalog::save_permit_pattern),
        ),
        (
            "POST",
            "/admin/libur/{day}/hapus",
            post(catalog::remove_holiday),
        ),
        (
            "POST",
            "/admin/impor",
            post(admin::import).layer(DefaultBodyLimit::max(admin::IMPORT_LIMIT + 64 * 1024)),
        ),
    ]
}

/// Middleware: records the client's address ([`forms::ClientIp`]) from the connection, or from
/// `X-Forwarded-For` when a trusted proxy sets it (`SIGAP_TRUST_PROXY`). The last address is
/// the one the trusted proxy saw; earlier ones were sent by the client and can be anything.
async fn client_ip(
    axum::extract::State(state): axum::extract::State<AppState>,
    mut req: Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    let forwarded = state
        .config
        .trust_proxy
        .then(|| req.headers().get("x-forwarded-for"))
        .flatten()
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.rsplit(',').next())
        .map(|v| v.trim().to_owned());
    let peer = req
        .extensions()
        .get::<axum::extract::ConnectInfo<std::net::SocketAddr>>()
        .map(|c| c.0.ip().to_string());
    if let Some(ip) = forwarded.or(peer) {
        req.extensions_mut().insert(forms::ClientIp(ip));
    }
    next.run(req).await
}

/// Serves until SIGTERM or Ctrl-C, then lets in-flight requests finish.
pub async fn serve(config: Config) -> anyhow::Result<()> {
    let db = crate::startup::open_database(&config).await?;
    let bind = config.bind;
    let mailer = crate::worker::mailer(&config)?;
    let lease = std::time::Duration::from_secs(config.outbox_lease_secs);
    let state = crate::startup::build_state(config, db.clone()).await?;
    tracing::info!(documents = %state.storage.describe(), replica = db.has_replica(), "storage");
    let worker = crate::worker::spawn(db.clone(), mailer, lease);
    let checkpoints = crate::worker::spawn_checkpoints(db.clone());
    let listener = tokio::net::TcpListener::bind(bind)
        .await
        .with_context(|| format!("listening on {bind}"))?;
    tracing::info!(address = %bind, "Sigap is serving on http://{bind}");
    axum::serve(
        listener,
        router(state).into_make_service_with_connect_info::<std::net::SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown_signal())
    .await
    .context("serving")?;
    worker.abort();
    checkpoints.abort();
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
