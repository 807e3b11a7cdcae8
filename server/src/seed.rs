//! The demo city: fictitious but realistic data so a newcomer sees a living portal, with one
//! account per role whose passwords are printed (demo only: never use them for real data).

use anyhow::Context;
use app::auth::Role;
use app::domain::contact::{Email, FullName};
use app::domain::nip::Nip;
use app::domain::password::NewPassword;
use app::i18n::{I18n, Lang};
use app::server::accounts::{admin, import};
use app::server::state::AppState;
use app::server::{audit::Actor, db::Db, settings, units};
use clap::Args;

mod applications;
mod appraisal;
mod catalog;
pub mod scale;
mod survey;

/// Options of `seed-demo`.
#[derive(Debug, Args)]
pub struct SeedArgs {
    /// How much data to generate.
    #[arg(long, value_enum, default_value = "small")]
    pub scale: Scale,
    /// Do nothing if the database already holds the demo city (what the README's run command
    /// uses); the demo accounts are printed either way.
    #[arg(long)]
    pub if_empty: bool,
    /// Seed of the generated data (city and province scales): the same seed and day give the
    /// same data.
    #[arg(long, default_value_t = 2026)]
    pub seed: u64,
    /// The day the generated data ends (default: today), `YYYY-MM-DD`.
    #[arg(long)]
    pub today: Option<String>,
}

/// Sizes of the demo city.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Scale {
    /// A handful of units and people: what the README's run command loads.
    Small,
    /// A city: about 40 units, 2,000 officers, 300,000 applications and 1,000,000 answers over
    /// four semesters (on top of the small demo).
    City,
    /// A province: about 5,000 officers and 2,000,000 answers in one semester.
    Province,
}

const UNITS_CSV: &str = include_str!("../../demo/units.csv");
const STAFF_CSV: &str = include_str!("../../demo/staff.csv");

/// Extra units of the demo city beyond the sample file.
const MORE_UNITS: &[(&str, &str)] = &[
    ("DINKES", "Dinas Kesehatan"),
    ("DISPERKIM", "Dinas Perumahan dan Kawasan Permukiman"),
    ("KEC-MEDAN-KOTA", "Kecamatan Medan Kota"),
];

/// One demo account per role.
pub struct DemoAccount {
    /// Who it is for.
    pub role: &'static str,
    /// What to type at sign-in.
    pub login: &'static str,
    /// Its password.
    pub password: &'static str,
    /// Where to sign in.
    pub door: &'static str,
}

/// The demo accounts, printed after seeding.
pub const DEMO_ACCOUNTS: &[DemoAccount] = &[
    DemoAccount {
        role: "admin",
        login: "198001012005011001",
        password: "demo-admin-sigap",
        door: "/petugas/masuk",
    },
    DemoAccount {
        role: "hr (BKPSDM)",
        login: "198511252010012003",
        password: "demo-hr-sigap",
        door: "/petugas/masuk",
    },
    DemoAccount {
        role: "supervisor",
        login: "197805102003121001",
        password: "demo-penilai-sigap",
        door: "/petugas/masuk",
    },
    DemoAccount {
        role: "officer",
        login: "199001152015032001",
        password: "demo-petugas-sigap",
        door: "/petugas/masuk",
    },
    DemoAccount {
        role: "citizen",
        login: "3171011505900003",
        password: "demo-warga-sigap",
        door: "/masuk",
    },
];

/// Loads the demo city into the state's database.
pub async fn seed_demo(state: &AppState, args: &SeedArgs) -> anyhow::Result<()> {
    let db = &state.db;
    if args.if_empty && settings::is_demo(db).await? {
        println!("The demo city is already loaded.");
        print_accounts();
        return Ok(());
    }
    let actor = Actor::system();
    let i18n = I18n { lang: Lang::En };
    import::import_units(db, &actor, UNITS_CSV, i18n)
        .await
        .map_err(|e| anyhow::anyhow!("demo units: {e:?}"))?;
    for (code, name) in MORE_UNITS {
        units::upsert_unit(db, code, name).await?;
    }
    import::import_staff(db, &actor, STAFF_CSV, i18n)
        .await
        .map_err(|e| anyhow::anyhow!("demo staff: {e:?}"))?;
    seed_demo_people(db, &actor).await?;
    let admin =
        app::server::session::account_viewer(db, staff_account(db, DEMO_ACCOUNTS[0].login).await?)
            .await?
            .context("the demo admin")?;
    catalog::seed(state, &admin).await?;
    applications::seed(state, DEMO_ACCOUNTS[4].login).await?;
    survey::seed(state).await?;
    appraisal::seed(state).await?;
    if let Some(spec) = scale::spec_of(args.scale) {
        let today = match &args.today {
            Some(day) => app::server::applications::parse_day(day)
                .with_context(|| format!("--today {day}: use YYYY-MM-DD"))?,
            None => app::server::applications::today(state),
        };
        println!(
            "Generating the {:?} region (seed {}, up to {today})…",
            args.scale, args.seed
        );
        let summary = scale::load(state, &spec, args.seed, today).await?;
        println!("Generated {summary}.");
    }
    // The generators load answers in bulk, around the write paths that keep the rollups.
    app::server::scoring::rollup::rebuild(db).await?;
    settings::set(db, settings::DEMO_KEY, "1").await?;
    println!(
        "Demo city loaded: {} service units, staff from demo/staff.csv, {} service types, {} applications, {} survey answers.",
        2 + MORE_UNITS.len(),
        count(db, "service_type").await?,
        count(db, "application").await?,
        count(db, "survey_response").await?,
    );
    print_accounts();
    Ok(())
}

/// NIP, name, unit code, roles, supervisor's NIP.
type StaffSeed<'a> = (
    &'a str,
    &'a str,
    Option<&'a str>,
    &'a [Role],
    Option<&'a str>,
);

async fn seed_demo_people(db: &Db, actor: &Actor) -> anyhow::Result<()> {
    let people: [StaffSeed<'_>; 4] = [
        (
            "198001012005011001",
            "Admin Demo",
            Some("DPMPTSP"),
            &[Role::Admin],
            None,
        ),
        (
            "198511252010012003",
            "Dewi Lestari",
            Some("DISDUKCAPIL"),
            &[Role::Hr],
            None,
        ),
        (
            "197805102003121001",
            "Rahmat Hidayat",
            Some("DPMPTSP"),
            &[Role::Supervisor],
            None,
        ),
        (
            "199001152015032001",
            "Siti Aminah",
            Some("DPMPTSP"),
            &[Role::Officer],
            Some("197805102003121001"),
        ),
    ];
    for ((nip, name, unit, roles, supervisor), account) in people.iter().zip(DEMO_ACCOUNTS) {
        let nip = Nip::parse(nip).context("demo NIP")?;
        let name = FullName::parse(name).context("demo name")?;
        let password = NewPassword::parse(account.password, &[]).context("demo password")?;
        admin::ensure_staff(
            db,
            &admin::DirectStaff {
                nip: &nip,
                name: &name,
                email: None,
                unit_code: *unit,
                roles,
                supervisor_nip: *supervisor,
                password: &password,
            },
            actor,
        )
        .await?;
    }
    let citizen = &DEMO_ACCOUNTS[4];
    app::server::accounts::register::create_citizen_directly(
        db,
        citizen.login,
        "Andi Pratama",
        Some(&Email::parse("andi.pratama@example.id").context("demo email")?),
        Some("081234567890"),
        citizen.password,
    )
    .await?;
    Ok(())
}

async fn staff_account(db: &Db, nip: &str) -> anyhow::Result<i64> {
    Ok(
        sqlx::query_scalar("SELECT account_id FROM staff WHERE nip = $1")
            .bind(nip)
            .fetch_one(db.read())
            .await?,
    )
}

async fn count(db: &Db, table: &str) -> anyhow::Result<i64> {
    Ok(sqlx::query_scalar(&format!("SELECT COUNT(*) FROM {table}"))
        .fetch_one(db.read())
        .await?)
}

fn print_accounts() {
    println!();
    println!("DEMO ACCOUNTS (fictitious city; these passwords are public, never use them for real data):");
    for a in DEMO_ACCOUNTS {
        println!(
            "  {:<14} {:<20} {:<20} sign in at {}",
            a.role, a.login, a.password, a.door
        );
    }
    println!();
}
