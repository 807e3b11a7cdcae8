//! Administration from the command line: the first admin, and CSV imports of units and staff
//! (the same all-or-nothing import as the admin page).

use anyhow::{bail, Context};
use app::auth::Role;
use app::domain::contact::{Email, FullName};
use app::domain::nip::Nip;
use app::domain::password::NewPassword;
use app::i18n::{errors, I18n, Lang};
use app::server::accounts::{admin, import};
use app::server::csv_import::ImportError;
use app::server::{audit::Actor, db::Db};
use clap::{Args, Subcommand};
use std::io::BufRead;
use std::path::PathBuf;

/// Options of `create-admin`.
#[derive(Debug, Args)]
pub struct CreateAdminArgs {
    /// The admin's NIP (18 digits).
    #[arg(long)]
    pub nip: String,
    /// Full name.
    #[arg(long)]
    pub name: String,
    /// Work email (for password resets).
    #[arg(long)]
    pub email: Option<String>,
    /// Unit code, if the admin belongs to a unit.
    #[arg(long)]
    pub unit: Option<String>,
    /// Read the password from the first line of standard input instead of prompting.
    #[arg(long)]
    pub password_stdin: bool,
}

/// What `import` reads.
#[derive(Debug, Subcommand)]
pub enum ImportWhat {
    /// Units: columns `code,name`.
    Units {
        /// The CSV file.
        file: PathBuf,
    },
    /// Staff: columns `nip,name,unit_code,roles,supervisor_nip,email` (roles separated by `;`).
    Staff {
        /// The CSV file.
        file: PathBuf,
    },
    /// Service types: columns `code,unit_code,name,completion_days,fee` (fee in rupiah, 0 = free).
    Services {
        /// The CSV file.
        file: PathBuf,
    },
}

/// `sigap create-admin`.
pub async fn create_admin(db: &Db, args: &CreateAdminArgs) -> anyhow::Result<()> {
    let i18n = I18n { lang: Lang::En };
    let nip =
        Nip::parse(&args.nip).map_err(|e| anyhow::anyhow!("--nip: {}", errors::nip(i18n, &e)))?;
    let name = FullName::parse(&args.name)
        .map_err(|e| anyhow::anyhow!("--name: {}", errors::name(i18n, &e)))?;
    let email = args
        .email
        .as_deref()
        .map(Email::parse)
        .transpose()
        .map_err(|e| anyhow::anyhow!("--email: {}", errors::email(i18n, &e)))?;
    let password = read_password(args.password_stdin)?;
    let password = NewPassword::parse(&password, &[nip.as_str()])
        .map_err(|e| anyhow::anyhow!("password: {}", errors::password(i18n, &e)))?;
    let outcome = admin::ensure_staff(
        db,
        &admin::DirectStaff {
            nip: &nip,
            name: &name,
            email: email.as_ref(),
            unit_code: args.unit.as_deref(),
            roles: &[Role::Admin],
            supervisor_nip: None,
            password: &password,
        },
        &Actor::system(),
    )
    .await
    .context("creating the admin")?;
    match outcome {
        admin::Outcome::Created => {
            println!("Admin {} created. Sign in at /petugas/masuk.", nip.as_str())
        }
        admin::Outcome::Updated => println!(
            "{} now holds the admin role; the password was set.",
            nip.as_str()
        ),
    }
    Ok(())
}

fn read_password(from_stdin: bool) -> anyhow::Result<String> {
    if from_stdin {
        let mut line = String::new();
        std::io::stdin()
            .lock()
            .read_line(&mut line)
            .context("reading the password")?;
        return Ok(line.trim_end_matches(['\r', '\n']).to_owned());
    }
    let first = rpassword::prompt_password("Password for the new admin: ")
        .context("reading the password")?;
    let second =
        rpassword::prompt_password("Repeat the password: ").context("reading the password")?;
    if first != second {
        bail!("the two passwords differ");
    }
    Ok(first)
}

/// `sigap import units|staff|services FILE`.
pub async fn import(db: &Db, what: &ImportWhat, lang: Lang) -> anyhow::Result<()> {
    let i18n = I18n { lang };
    let (file, label) = match what {
        ImportWhat::Units { file } => (file, "units"),
        ImportWhat::Staff { file } => (file, "staff"),
        ImportWhat::Services { file } => (file, "services"),
    };
    let text =
        std::fs::read_to_string(file).with_context(|| format!("reading {}", file.display()))?;
    let actor = Actor::system();
    let result = match what {
        ImportWhat::Units { .. } => import::import_units(db, &actor, &text, i18n).await,
        ImportWhat::Staff { .. } => import::import_staff(db, &actor, &text, i18n).await,
        ImportWhat::Services { .. } => {
            app::server::catalog::import::import_services(db, &actor, &text, i18n).await
        }
    };
    report(result, file, label, i18n)
}

/// `sigap survey import FILE`: paper or counter answers in the survey CSV format.
pub async fn import_survey(
    db: &Db,
    file: &std::path::Path,
    tz: app::domain::tz::TimeZone,
    lang: Lang,
) -> anyhow::Result<()> {
    let i18n = I18n { lang };
    let text =
        std::fs::read_to_string(file).with_context(|| format!("reading {}", file.display()))?;
    let result =
        app::server::survey::paper::import_paper(db, &Actor::system(), &text, tz.offset(), i18n)
            .await;
    report(result, file, "survey", i18n)
}

/// Prints what an import did, or every problem of a refused file.
fn report(
    result: Result<app::api::admin::ImportReport, ImportError>,
    file: &std::path::Path,
    label: &str,
    i18n: I18n,
) -> anyhow::Result<()> {
    match result {
        Ok(report) => {
            println!(
                "{}",
                i18n.f(
                    app::i18n::admin::IMPORT_DONE,
                    &[
                        ("created", &report.created),
                        ("updated", &report.updated),
                        ("unchanged", &report.unchanged)
                    ],
                )
            );
            Ok(())
        }
        Err(ImportError::Invalid(problems)) => {
            eprintln!("{}", i18n.t(app::i18n::admin::IMPORT_FAILED));
            for p in &problems {
                let column = p
                    .column
                    .as_deref()
                    .map(|c| format!(" [{c}]"))
                    .unwrap_or_default();
                eprintln!("  {}:{}{column} {}", file.display(), p.line, p.message);
            }
            bail!(
                "{} rows of the {label} file have problems; nothing was imported",
                problems.len()
            )
        }
        Err(ImportError::Service(error)) => Err(anyhow::anyhow!("import failed: {error}")),
    }
}
