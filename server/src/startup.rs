//! Turning configuration into a running state: open and migrate the database, load secrets,
//! set up logging.

use anyhow::Context;
use app::server::{
    config::{Config, SecretSource},
    db::Db,
    state::{AppState, StateParts},
    storage::Storage,
};
use leptos::config::LeptosOptions;
use std::sync::Arc;

/// Opens the database named by the configuration and applies pending migrations. A failed
/// migration is an error: the process must stop rather than run against a half-migrated schema.
pub async fn open_database(config: &Config) -> anyhow::Result<Db> {
    let db = Db::connect(&config.database_url)
        .await
        .with_context(|| format!("opening {}", redact_url(&config.database_url)))?;
    db.migrate().await.context("migrating the database")?;
    match &config.replica_url {
        Some(url) => db
            .with_replica(url)
            .await
            .with_context(|| format!("opening the replica {}", redact_url(url))),
        None => Ok(db),
    }
}

/// The document store the configuration names: the object store of `SIGAP_STORAGE_URL`, else
/// the data folder.
pub fn storage(config: &Config) -> anyhow::Result<Storage> {
    match &config.storage_url {
        Some(url) => Ok(Storage::s3(url)?),
        None => Ok(Storage::local(&config.data_dir)),
    }
}

/// Builds the state a server (or a test) runs with.
pub async fn build_state(config: Config, db: Db) -> anyhow::Result<AppState> {
    let demo = app::server::settings::is_demo(&db).await?;
    Ok(AppState::new(StateParts {
        storage: storage(&config)?,
        db,
        leptos_options: leptos_options(&config),
        session_keys: Arc::new(app::server::session::SessionKeys::new(&config.jwt_secret)),
        survey_keys: Arc::new(app::server::survey::SurveyKeys::new(&config.jwt_secret)),
        config: Arc::new(config),
        demo,
        catalog: Arc::default(),
    }))
}

/// Leptos' asset settings: site root from `LEPTOS_SITE_ROOT` (default `target/site`), the
/// output name fixed at compile time.
pub fn leptos_options(config: &Config) -> LeptosOptions {
    let site_root = std::env::var("LEPTOS_SITE_ROOT").unwrap_or_else(|_| "target/site".into());
    let pkg_dir = std::env::var("LEPTOS_SITE_PKG_DIR").unwrap_or_else(|_| "pkg".into());
    LeptosOptions::builder()
        .output_name(option_env!("LEPTOS_OUTPUT_NAME").unwrap_or("sigap"))
        .site_root(site_root)
        .site_pkg_dir(pkg_dir)
        .site_addr(config.bind)
        .build()
}

/// Logs where the signing secret came from (never the secret).
pub fn log_secret_source(source: SecretSource, config: &Config) {
    match source {
        SecretSource::Explicit => tracing::info!("using the signing secret from SIGAP_JWT_SECRET"),
        SecretSource::File => tracing::info!(
            path = %config.data_dir.join("jwt-secret").display(),
            "using the development signing secret saved in the data folder"
        ),
        SecretSource::Generated => tracing::warn!(
            path = %config.data_dir.join("jwt-secret").display(),
            "generated a development signing secret and saved it (mode 0600); set SIGAP_JWT_SECRET in production"
        ),
    }
}

/// Initialises `tracing`: human-readable by default, JSON lines with `json`.
pub fn init_logging(json: bool) {
    use tracing_subscriber::{fmt, EnvFilter};
    let filter = EnvFilter::try_from_env("SIGAP_LOG")
        .unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn,tower_http=info"));
    let builder = fmt().with_env_filter(filter).with_target(false);
    let _ = if json {
        builder.json().flatten_event(true).try_init()
    } else {
        builder.try_init()
    };
}

/// A database URL with any password replaced, for messages.
pub fn redact_url(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme_end), Some(at)) if at > scheme_end => {
            let userinfo = &url[scheme_end + 3..at];
            let user = userinfo.split(':').next().unwrap_or_default();
            format!("{}://{user}:***@{}", &url[..scheme_end], &url[at + 1..])
        }
        _ => url.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::redact_url;

    #[test]
    fn passwords_are_removed_from_database_urls() {
        assert_eq!(
            redact_url("postgres://sigap:hunter2@db:5432/sigap"),
            "postgres://sigap:***@db:5432/sigap"
        );
        assert_eq!(
            redact_url("sqlite://data/sigap.db"),
            "sqlite://data/sigap.db"
        );
    }
}
