//! `sigap report officers`: every officer's service score for a period (REFERENCE §4.1), as JSON
//! or CSV, the same figures HR reads. Below the gate only `n` (and the unit mean and response
//! rate) are given; the score fields are empty.

use app::domain::officer_score::{round2, OfficerScore};
use app::domain::period::Period;
use app::server::db::Db;
use app::server::scoring::{self, OfficerRow};
use clap::{Args, ValueEnum};
use serde_json::{json, Value};

/// Options of `report officers`.
#[derive(Debug, Args)]
pub struct OfficersArgs {
    /// The period: `2026`, `2026-S1` (Jan–Jun), `2026-S2`, `2026-Q1`…`2026-Q4`.
    #[arg(long)]
    pub period: String,
    /// Only this unit (its code).
    #[arg(long)]
    pub unit: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value = "json")]
    pub format: ReportFormat,
}

/// How the report is printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    /// A JSON array, one object per officer.
    Json,
    /// CSV with a header line.
    Csv,
}

/// One officer as a JSON object (numbers rounded to 2 decimals only here, at output).
pub fn officer_json(row: &OfficerRow) -> Value {
    let unit_mean = row.unit_mean.map(round2);
    let rate = row.response_rate.map(|r| round2(r.ratio()));
    match row.score {
        OfficerScore::Scored(s) => json!({
            "nip": row.nip, "name": row.name, "unit_code": row.unit_code, "n": s.n(),
            "mean": round2(s.raw_mean()), "ci_low": round2(s.interval().lower()),
            "ci_high": round2(s.interval().upper()), "unit_mean": unit_mean,
            "shrunk": round2(s.shrunk()), "suggestion": s.suggestion().label_id(),
            "response_rate": rate,
        }),
        OfficerScore::InsufficientData { n, .. } => json!({
            "nip": row.nip, "name": row.name, "unit_code": row.unit_code, "n": n,
            "mean": null, "ci_low": null, "ci_high": null, "unit_mean": unit_mean,
            "shrunk": null, "suggestion": null, "response_rate": rate,
        }),
    }
}

const COLUMNS: [&str; 11] = [
    "nip",
    "name",
    "unit_code",
    "n",
    "mean",
    "ci_low",
    "ci_high",
    "unit_mean",
    "shrunk",
    "suggestion",
    "response_rate",
];

/// Runs the report; the text to print.
pub async fn officers(db: &Db, args: &OfficersArgs) -> anyhow::Result<String> {
    let period = Period::parse(args.period.trim()).map_err(|e| {
        anyhow::anyhow!(
            "--period {}: {e} (use 2026, 2026-S1 or 2026-Q1)",
            args.period
        )
    })?;
    if let Some(code) = &args.unit {
        let known: Option<i64> = sqlx::query_scalar("SELECT unit_id FROM unit WHERE code = $1")
            .bind(code.trim().to_uppercase())
            .fetch_optional(db.read())
            .await?;
        anyhow::ensure!(known.is_some(), "--unit {code}: no such unit");
    }
    let params = scoring::params(db).await?;
    let rows = scoring::period_scores(db, &period, args.unit.as_deref(), &params).await?;
    let objects: Vec<Value> = rows.iter().map(officer_json).collect();
    Ok(match args.format {
        ReportFormat::Json => serde_json::to_string_pretty(&objects)? + "\n",
        ReportFormat::Csv => {
            let mut writer = csv::Writer::from_writer(Vec::new());
            writer.write_record(COLUMNS)?;
            for o in &objects {
                writer.write_record(COLUMNS.iter().map(|c| match &o[*c] {
                    Value::Null => String::new(),
                    Value::String(s) => s.clone(),
                    other => other.to_string(),
                }))?;
            }
            String::from_utf8(writer.into_inner()?)?
        }
    })
}
