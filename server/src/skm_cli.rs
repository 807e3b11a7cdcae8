//! `sigap skm compute`: the satisfaction index (REFERENCE §3.2–§3.3) straight from a survey CSV
//! file, with no database, for auditors and for checking other tools' numbers. Every bad row is
//! reported with its line number, and then nothing is computed.

use anyhow::Context;
use app::domain::period::Period;
use app::domain::skm::{compute_index, IkmResult, Unsur};
use app::domain::tz::TimeZone;
use app::i18n::{I18n, Lang};
use clap::{Args, Subcommand, ValueEnum};
use serde_json::{json, Map, Value};
use std::path::PathBuf;

/// `sigap skm …`.
#[derive(Debug, Subcommand)]
pub enum SkmCommand {
    /// Compute IKM, NRR per unsur and mutu from a survey CSV file (columns
    /// `submitted_at,unit_code,service_code,officer_nip,u1..u9,gender,age,education,occupation,suggestion`).
    Compute(ComputeArgs),
}

/// Options of `skm compute`.
#[derive(Debug, Args)]
pub struct ComputeArgs {
    /// The survey CSV file.
    #[arg(long)]
    pub input: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value = "table")]
    pub format: Format,
    /// Only responses for this unit code.
    #[arg(long)]
    pub unit: Option<String>,
    /// Only responses for this service code.
    #[arg(long)]
    pub service: Option<String>,
    /// Only responses whose service day falls in this period (`2026`, `2026-S1`, `2026-Q3`).
    #[arg(long)]
    pub period: Option<String>,
}

/// How results are printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// One JSON object.
    Json,
    /// An aligned table for people.
    Table,
}

/// Runs `skm compute`; the text printed on success.
pub fn compute(args: &ComputeArgs, tz: TimeZone, lang: Lang) -> anyhow::Result<String> {
    let i18n = I18n { lang };
    let text = std::fs::read_to_string(&args.input)
        .with_context(|| format!("reading {}", args.input.display()))?;
    let period = args
        .period
        .as_deref()
        .map(Period::parse)
        .transpose()
        .map_err(|e| anyhow::anyhow!("--period: {e}"))?;
    let rows = match app::server::survey_file::read_survey_file(&text, tz.offset(), i18n) {
        Ok(rows) => rows,
        Err(problems) => {
            for p in &problems {
                let column = p
                    .column
                    .as_deref()
                    .map(|c| format!(" [{c}]"))
                    .unwrap_or_default();
                eprintln!("{} {}{column}: {}", args.input.display(), p.line, p.message);
            }
            anyhow::bail!(
                "{} problem(s) in the file; nothing computed",
                problems.len()
            );
        }
    };
    let same = |want: &Option<String>, got: &str| {
        want.as_deref()
            .is_none_or(|w| w.trim().eq_ignore_ascii_case(got))
    };
    let answers: Vec<_> = rows
        .into_iter()
        .map(|(_, row)| row)
        .filter(|r| same(&args.unit, r.unit_code.as_str()))
        .filter(|r| same(&args.service, r.service_code.as_str()))
        .filter(|r| period.is_none_or(|p| p.contains(r.service_date)))
        .map(|r| r.answers)
        .collect();
    let Some(result) = compute_index(&answers) else {
        anyhow::bail!("no responses match; nothing computed");
    };
    Ok(match args.format {
        Format::Json => serde_json::to_string_pretty(&as_json(&result))? + "\n",
        Format::Table => as_table(&result, lang),
    })
}

/// The JSON object: `n`, `nrr`, `ikm`, `ikm_konversi`, `mutu`, `kinerja`, `unsur_mutu`
/// (an unsur nobody answered is `null`).
pub fn as_json(result: &IkmResult) -> Value {
    let mut nrr = Map::new();
    let mut unsur_mutu = Map::new();
    for u in Unsur::ALL {
        nrr.insert(u.code().into(), json!(result.nrr_rounded(u)));
        unsur_mutu.insert(
            u.code().into(),
            json!(result.unsur_mutu(u).map(|m| m.letter().to_string())),
        );
    }
    json!({
        "n": result.n(),
        "nrr": nrr,
        "ikm": result.ikm(),
        "ikm_konversi": result.ikm_konversi(),
        "mutu": result.mutu().letter().to_string(),
        "kinerja": result.mutu().kinerja_id(),
        "unsur_mutu": unsur_mutu,
    })
}

fn as_table(result: &IkmResult, lang: Lang) -> String {
    let en = lang == Lang::En;
    let mut out = String::new();
    let (h_unsur, h_n) = if en {
        ("Unsur", "answered")
    } else {
        ("Unsur", "dijawab")
    };
    out.push_str(&format!(
        "{h_unsur:<48} {:>6} {:>5} {h_n:>9}\n",
        "NRR", "Mutu"
    ));
    for u in Unsur::ALL {
        let name = if en { u.name_en() } else { u.name_id() };
        let label = format!("{} {name}", u.code());
        let nrr = result
            .nrr_rounded(u)
            .map(|v| format!("{v:.2}"))
            .unwrap_or_else(|| "-".into());
        let mutu = result
            .unsur_mutu(u)
            .map(|m| m.letter().to_string())
            .unwrap_or_else(|| "-".into());
        out.push_str(&format!(
            "{label:<48} {nrr:>6} {mutu:>5} {:>9}\n",
            result.answered(u)
        ));
    }
    let mutu = result.mutu();
    let kinerja = if en {
        mutu.kinerja_en()
    } else {
        mutu.kinerja_id()
    };
    let rows: [(&str, String); 4] = [
        (
            if en {
                "Respondents (n)"
            } else {
                "Responden (n)"
            },
            result.n().to_string(),
        ),
        ("IKM (1-4)", format!("{:.4}", result.ikm())),
        (
            if en {
                "IKM converted (25-100)"
            } else {
                "IKM konversi (25-100)"
            },
            format!("{:.2}", result.ikm_konversi()),
        ),
        (
            if en {
                "Service quality"
            } else {
                "Mutu pelayanan"
            },
            format!("{} ({kinerja})", mutu.letter()),
        ),
    ];
    out.push('\n');
    for (label, value) in rows {
        out.push_str(&format!("{label:<24} {value}\n"));
    }
    out
}
