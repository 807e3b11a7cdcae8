//! The command line: `sigap [OPTIONS] [COMMAND]`. Every option can also come from the
//! environment variable named in its help.

use crate::startup;
use anyhow::Context;
use app::server::config::{load_secret, Config};
use clap::{Args, Parser, Subcommand};
use std::net::SocketAddr;
use std::path::PathBuf;

/// Sigap: public-service portal for permits, the satisfaction survey (SKM) and ASN appraisal.
#[derive(Debug, Parser)]
#[command(name = "sigap", version, about)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// Options every command shares.
#[derive(Debug, Args)]
pub struct GlobalArgs {
    /// Database: `sqlite://PATH` (created if missing) or `postgres://USER@HOST/DB`.
    /// Default: the SQLite file `sigap.db` in the data folder.
    #[arg(long, env = "DATABASE_URL", global = true)]
    pub database_url: Option<String>,
    /// Folder for the SQLite file, generated secrets and uploaded documents.
    #[arg(long, env = "SIGAP_DATA_DIR", default_value = "./data", global = true)]
    pub data_dir: PathBuf,
    /// Address to listen on.
    #[arg(
        long,
        env = "SIGAP_BIND",
        default_value = "127.0.0.1:3000",
        global = true
    )]
    pub bind: SocketAddr,
    /// Secret for signing session tokens (at least 32 characters). In development a missing
    /// secret is generated once and saved in the data folder.
    #[arg(long, env = "SIGAP_JWT_SECRET", global = true, hide_env_values = true)]
    pub jwt_secret: Option<String>,
    /// The instance's time zone: Asia/Jakarta, Asia/Pontianak, Asia/Makassar or Asia/Jayapura.
    #[arg(
        long,
        env = "SIGAP_TIME_ZONE",
        default_value = "Asia/Jakarta",
        global = true,
        value_parser = parse_time_zone
    )]
    pub time_zone: app::domain::tz::TimeZone,
    /// Public origin of the portal (e.g. `https://sigap.kota.go.id`) when behind a proxy.
    #[arg(long, env = "SIGAP_PUBLIC_URL", global = true)]
    pub public_url: Option<String>,
    /// Trust the `X-Forwarded-For` header (only behind a reverse proxy that sets it).
    #[arg(long, env = "SIGAP_TRUST_PROXY", global = true)]
    pub trust_proxy: bool,
    /// Language of messages printed by commands: `id` or `en`.
    #[arg(long, env = "SIGAP_LANG", default_value = "id", global = true, value_parser = parse_lang)]
    pub lang: app::i18n::Lang,
    /// Log JSON lines instead of human-readable text.
    #[arg(long, env = "SIGAP_LOG_JSON", global = true)]
    pub log_json: bool,
    /// A PostgreSQL read replica for reads that may lag a moment (HR dashboards, public index
    /// pages); writes and what a person just changed always use `DATABASE_URL`.
    #[arg(
        long,
        env = "DATABASE_REPLICA_URL",
        global = true,
        hide_env_values = true
    )]
    pub database_replica_url: Option<String>,
    /// Keep documents in an S3-compatible object store, `s3://BUCKET[/PREFIX]` (endpoint and
    /// credentials from the AWS_* variables); default: the `documents` folder of the data folder.
    #[arg(long, env = "SIGAP_STORAGE_URL", global = true)]
    pub storage_url: Option<String>,
    /// Seconds an outbox message stays claimed by one server before another may deliver it.
    #[arg(long, env = "SIGAP_OUTBOX_LEASE_SECS", default_value_t = 60, global = true,
          value_parser = clap::value_parser!(u64).range(1..=3600))]
    pub outbox_lease_secs: u64,
}

/// What to do.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Serve the portal (the default).
    Serve(ServeArgs),
    /// Apply pending database migrations, then exit.
    Migrate,
    /// Load the fictitious demo city.
    SeedDemo(crate::seed::SeedArgs),
    /// Create the first admin (or give an existing staff member the admin role and a password).
    CreateAdmin(crate::admin_cli::CreateAdminArgs),
    /// Import units, staff or service types from a CSV file (all rows checked first; all or nothing).
    Import {
        /// What the file holds.
        #[command(subcommand)]
        what: crate::admin_cli::ImportWhat,
    },
    /// Satisfaction survey answers.
    Survey {
        /// What to do.
        #[command(subcommand)]
        what: SurveyCommand,
    },
    /// Reports for HR.
    Report {
        /// Which report.
        #[command(subcommand)]
        what: ReportCommand,
    },
    /// Uploaded documents (docs/DEPLOYMENT.md "From one machine to several").
    Documents {
        /// What to do.
        #[command(subcommand)]
        what: DocumentsCommand,
    },
    /// The per-month score rollups HR's ranking reads (docs/SCORING.md).
    Rollups {
        /// What to do.
        #[command(subcommand)]
        what: RollupsCommand,
    },
    /// The satisfaction index (IKM) without a database.
    Skm {
        /// What to do.
        #[command(subcommand)]
        what: crate::skm_cli::SkmCommand,
    },
}

/// `sigap report …`.
#[derive(Debug, Subcommand)]
pub enum ReportCommand {
    /// Every officer's service score for a period (REFERENCE §4.1): n, mean, 95% interval, unit
    /// mean, shrunk score, suggestion, response rate; below the minimum n only n.
    Officers(crate::report_cli::OfficersArgs),
}

/// `sigap documents …`.
#[derive(Debug, Subcommand)]
pub enum DocumentsCommand {
    /// Copy every document from the data folder into the object store of SIGAP_STORAGE_URL,
    /// checking each SHA-256 before and after; exit status 1 if any could not be moved.
    MoveToObjectStore(crate::documents_cli::MoveArgs),
}

/// `sigap rollups …`.
#[derive(Debug, Clone, Copy, Subcommand)]
pub enum RollupsCommand {
    /// Compare the stored rollups with a full recomputation; exit status 1 on any difference.
    Verify,
    /// Replace the rollups with a full recomputation (after restoring or editing data by hand).
    Rebuild,
}

/// `sigap survey …`.
#[derive(Debug, Subcommand)]
pub enum SurveyCommand {
    /// Import paper or counter answers (columns `submitted_at,unit_code,service_code,officer_nip,
    /// u1..u9,gender,age,education,occupation,suggestion`; all rows checked first, all or
    /// nothing; importing the same file again changes nothing).
    Import {
        /// The CSV file.
        file: PathBuf,
    },
}

/// Options of `serve`.
#[derive(Debug, Args, Default)]
pub struct ServeArgs {
    /// Production mode: refuse to start without explicit secrets; cookies always Secure.
    #[arg(long, env = "SIGAP_PRODUCTION")]
    pub production: bool,
}

/// Runs the chosen command.
pub async fn run(cli: Cli) -> anyhow::Result<()> {
    startup::init_logging(cli.global.log_json);
    // Needs no database and no secret.
    if let Some(Command::Skm {
        what: crate::skm_cli::SkmCommand::Compute(args),
    }) = &cli.command
    {
        return write_out(&crate::skm_cli::compute(
            args,
            cli.global.time_zone,
            cli.global.lang,
        )?);
    }
    let production = matches!(&cli.command, Some(Command::Serve(a)) if a.production);
    let (config, secret_source) = config(&cli.global, production)?;
    match cli.command.unwrap_or(Command::Serve(ServeArgs::default())) {
        Command::Serve(_) => {
            startup::log_secret_source(secret_source, &config);
            crate::http::serve(config).await
        }
        Command::Migrate => {
            startup::open_database(&config).await?;
            println!("Database is up to date.");
            Ok(())
        }
        Command::SeedDemo(args) => {
            let db = startup::open_database(&config).await?;
            let state = startup::build_state(config, db).await?;
            crate::seed::seed_demo(&state, &args).await
        }
        Command::CreateAdmin(args) => {
            let db = startup::open_database(&config).await?;
            crate::admin_cli::create_admin(&db, &args).await
        }
        Command::Import { what } => {
            let db = startup::open_database(&config).await?;
            crate::admin_cli::import(&db, &what, cli.global.lang).await
        }
        Command::Survey {
            what: SurveyCommand::Import { file },
        } => {
            let db = startup::open_database(&config).await?;
            crate::admin_cli::import_survey(&db, &file, config.time_zone, cli.global.lang).await
        }
        Command::Report {
            what: ReportCommand::Officers(args),
        } => {
            let db = startup::open_database(&config).await?;
            write_out(&crate::report_cli::officers(&db, &args).await?)
        }
        Command::Documents {
            what: DocumentsCommand::MoveToObjectStore(args),
        } => {
            let db = startup::open_database(&config).await?;
            let local = app::server::storage::Storage::local(&config.data_dir);
            let target = startup::storage(&config)?;
            let moved =
                crate::documents_cli::move_documents(&db, &local, &target, args.delete_local)
                    .await?;
            for failure in &moved.failed {
                println!("{failure}");
            }
            println!(
                "{} copied and verified, {} already in {}, {} failed.",
                moved.copied,
                moved.present,
                target.describe(),
                moved.failed.len()
            );
            anyhow::ensure!(
                moved.failed.is_empty(),
                "{} documents were not moved",
                moved.failed.len()
            );
            Ok(())
        }
        Command::Rollups { what } => {
            let db = startup::open_database(&config).await?;
            if matches!(what, RollupsCommand::Rebuild) {
                app::server::scoring::rollup::rebuild(&db).await?;
                println!("Rollups rebuilt.");
            }
            let differences = app::server::scoring::rollup::verify(&db).await?;
            for d in &differences {
                println!("{d}");
            }
            anyhow::ensure!(
                differences.is_empty(),
                "{} rollup rows differ from a full recomputation",
                differences.len()
            );
            println!("Rollups equal a full recomputation.");
            Ok(())
        }
        Command::Skm { .. } => Ok(()),
    }
}

fn config(
    args: &GlobalArgs,
    production: bool,
) -> anyhow::Result<(Config, app::server::config::SecretSource)> {
    let (jwt_secret, source) = load_secret(args.jwt_secret.as_deref(), &args.data_dir, production)
        .context("loading the signing secret")?;
    let database_url = args
        .database_url
        .clone()
        .filter(|u| !u.is_empty())
        .unwrap_or_else(|| app::server::db::default_url(&args.data_dir));
    let config = Config {
        database_url,
        data_dir: args.data_dir.clone(),
        bind: args.bind,
        time_zone: args.time_zone,
        production,
        public_origin: args.public_url.clone().filter(|u| !u.is_empty()),
        trust_proxy: args.trust_proxy,
        jwt_secret,
        replica_url: args.database_replica_url.clone().filter(|u| !u.is_empty()),
        storage_url: args.storage_url.clone().filter(|u| !u.is_empty()),
        outbox_lease_secs: args.outbox_lease_secs,
    };
    Ok((config, source))
}

fn parse_time_zone(name: &str) -> Result<app::domain::tz::TimeZone, String> {
    app::domain::tz::TimeZone::parse(name).map_err(|e| e.to_string())
}

fn parse_lang(tag: &str) -> Result<app::i18n::Lang, String> {
    app::i18n::Lang::parse(tag).ok_or_else(|| "use id or en".to_owned())
}

/// Prints a command's output; a reader that stopped early (`| head`) is not an error.
fn write_out(text: &str) -> anyhow::Result<()> {
    use std::io::Write;
    match std::io::stdout().lock().write_all(text.as_bytes()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => Ok(other?),
    }
}
