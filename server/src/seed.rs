//! The demo city: fictitious but realistic data so a newcomer sees a living portal.

use anyhow::Context;
use app::server::{db::Db, settings, units};
use clap::Args;

/// Options of `seed-demo`.
#[derive(Debug, Args)]
pub struct SeedArgs {
    /// How much data to generate.
    #[arg(long, value_enum, default_value = "small")]
    pub scale: Scale,
    /// Do nothing if the database already holds a city (what the README's run command uses).
    #[arg(long)]
    pub if_empty: bool,
}

/// Sizes of the demo city.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Scale {
    /// A handful of units and people: what the README's run command loads.
    Small,
}

const UNITS_CSV: &str = include_str!("../../demo/units.csv");

/// Extra units of the demo city beyond the sample file.
const MORE_UNITS: &[(&str, &str)] = &[
    ("DINKES", "Dinas Kesehatan"),
    ("DISPERKIM", "Dinas Perumahan dan Kawasan Permukiman"),
    ("KEC-MEDAN-KOTA", "Kecamatan Medan Kota"),
];

/// Loads the demo city into `db`.
pub async fn seed_demo(db: &Db, args: &SeedArgs) -> anyhow::Result<()> {
    if args.if_empty && settings::is_demo(db).await? {
        println!("The demo city is already loaded.");
        return Ok(());
    }
    let mut reader = csv::Reader::from_reader(UNITS_CSV.as_bytes());
    let mut count = 0;
    for record in reader.records() {
        let record = record.context("reading the demo units")?;
        units::upsert_unit(db, &record[0], &record[1]).await?;
        count += 1;
    }
    for (code, name) in MORE_UNITS {
        units::upsert_unit(db, code, name).await?;
        count += 1;
    }
    settings::set(db, settings::DEMO_KEY, "1").await?;
    println!("Demo city loaded: {count} service units.");
    Ok(())
}
