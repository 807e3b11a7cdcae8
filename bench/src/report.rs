//! The results of a run: a dated JSON file with every number, a Markdown table beside it, and
//! the same table between the markers of BENCHMARKS.md, each figure with its target.

use crate::pages::{PageFigure, Weight};
use crate::ranking::RankingFigure;
use crate::servers::ServersFigure;
use crate::survey::SurveyFigure;
use serde::Serialize;
use std::fmt::Write;
use std::path::Path;

/// Peak memory of one server during its load tests.
#[derive(Debug, Clone, Serialize)]
pub struct Memory {
    /// Engine the server ran on.
    pub engine: &'static str,
    /// VmHWM, MiB.
    pub peak_rss_mib: f64,
    /// VmRSS at the end, MiB.
    pub rss_after_mib: f64,
}

/// One seeding run.
#[derive(Debug, Clone, Serialize, serde::Deserialize)]
pub struct Seeding {
    /// Engine.
    pub engine: String,
    /// Scale.
    pub scale: String,
    /// Wall time, s.
    pub seconds: f64,
}

/// Everything one run measured.
#[derive(Debug, Clone, Serialize)]
pub struct Results {
    /// Day of the run.
    pub date: String,
    /// Cores the machine offers.
    pub cores: usize,
    /// Git commit measured.
    pub commit: String,
    /// Figure 1.
    pub survey: Vec<SurveyFigure>,
    /// Figure 2.
    pub pages: Vec<PageFigure>,
    /// Figure 3.
    pub ranking: Vec<RankingFigure>,
    /// Figure 4.
    pub weight: Vec<Weight>,
    /// Figure 5.
    pub memory: Vec<Memory>,
    /// Figure 6.
    pub seeding: Vec<Seeding>,
    /// Several servers on one database (issue 9; measured, no target).
    pub servers: Vec<ServersFigure>,
    /// Figures this run skipped come from an earlier run of the day, on this commit.
    pub carried_from: Option<String>,
}

fn verdict(ok: bool) -> &'static str {
    if ok {
        "met"
    } else {
        "**missed**"
    }
}

impl Results {
    /// An empty result set for `date`.
    pub fn new(date: &str) -> Results {
        let commit = std::process::Command::new("git")
            .args(["rev-parse", "--short", "HEAD"])
            .output()
            .ok()
            .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_owned())
            .unwrap_or_default();
        Results {
            date: date.to_owned(),
            cores: std::thread::available_parallelism().map_or(1, |n| n.get()),
            commit,
            survey: vec![],
            pages: vec![],
            ranking: vec![],
            weight: vec![],
            memory: vec![],
            seeding: vec![],
            servers: vec![],
            carried_from: None,
        }
    }

    /// The summary table (Markdown).
    pub fn table(&self) -> String {
        let mut t = format!(
            "Run of {} on commit `{}`, {} cores (load generator and server share them).\n\n\
             | # | Figure | Measured | Baseline (same run) | Ratio | Target | |\n|---|---|---|---|---|---|---|\n",
            self.date, self.commit, self.cores
        );
        if let Some(from) = &self.carried_from {
            let _ = writeln!(
                t,
                "| | Figures not measured in this run are from the run of {from} | | | | | |"
            );
        }
        for s in &self.survey {
            let target = if s.engine == "sqlite" { 0.35 } else { 0.50 };
            let _ = writeln!(
                t,
                "| 1 | Survey answers/s, {} | {:.0}/s (c={}) | bare insert {:.0}/s | {:.0}% | ≥ {:.0}% | {} |",
                s.engine, s.answers.per_second, s.answers.concurrency, s.raw_inserts_per_second,
                s.ratio * 100.0, target * 100.0, verdict(s.ratio >= target)
            );
            let _ = writeln!(
                t,
                "| 1 | Answer latency at {:.0}/s (half of peak), {} | p50 {:.1} ms, p99 {:.1} ms, max {:.1} ms | | | p99 ≤ 25 ms | {} |",
                s.half_peak.rate, s.engine, s.half_peak.p50_ms, s.half_peak.p99_ms, s.half_peak.max_ms,
                verdict(s.half_peak.p99_ms <= 25.0 && s.half_peak.errors == 0)
            );
        }
        for p in self.pages.iter().filter(|p| !p.reference) {
            let _ = writeln!(
                t,
                "| 2 | Pages/s, {} ({} B) | {:.0}/s | bare axum, same size {:.0}/s | {:.0}% | ≥ 20% | {} |",
                p.page, p.bytes, p.sigap.per_second, p.bare.per_second, p.ratio * 100.0,
                verdict(p.ratio >= 0.20 && p.sigap.errors == 0)
            );
        }
        for p in self.pages.iter().filter(|p| p.reference) {
            let _ = writeln!(
                t,
                "| 2 | Where the time goes: {} ({} B) | {:.0}/s | bare axum, same size {:.0}/s | {:.0}% | reference, no target | |",
                p.page, p.bytes, p.sigap.per_second, p.bare.per_second, p.ratio * 100.0
            );
        }
        for r in &self.ranking {
            let _ = writeln!(
                t,
                "| 3 | HR ranking {}, {} officers, {} answers, {} | warm {:.0} ms, cold {:.0} ms | full recomputation {:.0} ms | {:.2}× with another period's {} answers | warm ≤ 150 ms | {} |",
                r.period, r.officers, r.answers, r.engine, r.warm_ms, r.cold_ms, r.full_recompute_ms,
                r.growth, r.answers_with_other_period - r.answers, verdict(r.warm_ms <= 150.0)
            );
        }
        for w in &self.weight {
            let _ = writeln!(
                t,
                "| 4 | First load, {} | HTML+CSS+JS {:.1} KB br ({:.1} KB gzip, {:.1} KB raw); WASM {:.1} KB br as served, {:.1} KB br best ({:.1} KB raw) | | | ≤ 150 KB; WASM ≤ 250 KB br | {} |",
                w.page, kb(w.br_without_wasm), kb(w.gzip_without_wasm), kb(w.raw_without_wasm),
                kb(w.wasm_br), kb(w.wasm_br_best), kb(w.wasm_raw),
                verdict(w.br_without_wasm <= 150 * 1024 && w.wasm_br <= 250 * 1024)
            );
        }
        for m in &self.memory {
            let _ = writeln!(
                t,
                "| 5 | Peak server RSS during the load tests, {} | {:.0} MiB (end: {:.0} MiB) | | | ≤ 150 MB | {} |",
                m.engine, m.peak_rss_mib, m.rss_after_mib, verdict(m.peak_rss_mib * 1.048_576 <= 150.0)
            );
        }
        for s in &self.seeding {
            let _ = writeln!(
                t,
                "| 6 | Seeding the {}, {} | {:.0} s | | | minutes, not hours | {} |",
                s.scale,
                s.engine,
                s.seconds,
                verdict(s.seconds < 1800.0)
            );
        }
        for s in &self.servers {
            let _ = writeln!(
                t,
                "| D | Survey answers/s through two servers on one {} (one machine) | {:.0}/s (c={}) | one server {:.0}/s | {:.2}× | measured (docs/DEPLOYMENT.md) | |",
                s.engine, s.two.per_second, s.two.concurrency, s.one.per_second, s.ratio
            );
        }
        t
    }

    /// Writes `out/DATE.json`, `out/DATE.md` and the table into `benchmarks` between its markers.
    /// A quick run (no figures 3 and 6) keeps those of the latest earlier results file (this
    /// day's or before), with that run's date and commit named beside them.
    pub fn write(&mut self, out: &Path, benchmarks: &Path) -> anyhow::Result<()> {
        std::fs::create_dir_all(out)?;
        if self.ranking.is_empty() || self.seeding.is_empty() {
            if let Some(text) = latest_results(out, &self.date) {
                #[derive(serde::Deserialize)]
                struct Earlier {
                    date: String,
                    commit: String,
                    ranking: Vec<RankingFigure>,
                    seeding: Vec<Seeding>,
                    #[serde(default)]
                    carried_from: Option<String>,
                }
                let old: Earlier = serde_json::from_str(&text)?;
                // Older files named only the commit.
                let from = match old.carried_from {
                    Some(from) if from.contains(' ') => from,
                    other => format!("{} on commit `{}`", old.date, other.unwrap_or(old.commit)),
                };
                if self.ranking.is_empty() && !old.ranking.is_empty() {
                    self.ranking = old.ranking;
                    self.carried_from = Some(from.clone());
                }
                if self.seeding.is_empty() && !old.seeding.is_empty() {
                    self.seeding = old.seeding;
                    self.carried_from = Some(from);
                }
            }
        }
        std::fs::write(
            out.join(format!("{}.json", self.date)),
            serde_json::to_string_pretty(self)?,
        )?;
        let table = self.table();
        std::fs::write(out.join(format!("{}.md", self.date)), &table)?;
        let (begin, end) = ("<!-- results:begin -->", "<!-- results:end -->");
        let text = std::fs::read_to_string(benchmarks).unwrap_or_default();
        let updated = match (text.find(begin), text.find(end)) {
            (Some(b), Some(e)) if b < e => {
                format!("{}{begin}\n{table}{}", &text[..b], &text[e..])
            }
            _ => format!("{text}\n{begin}\n{table}{end}\n"),
        };
        std::fs::write(benchmarks, updated)?;
        println!("{table}");
        Ok(())
    }
}

fn kb(bytes: usize) -> f64 {
    bytes as f64 / 1024.0
}

/// The text of the newest `DATE.json` in `out` dated `date` or earlier.
fn latest_results(out: &Path, date: &str) -> Option<String> {
    let mut dated: Vec<std::path::PathBuf> = std::fs::read_dir(out)
        .ok()?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.extension().is_some_and(|x| x == "json")
                && p.file_stem()
                    .and_then(|s| s.to_str())
                    .is_some_and(|s| s <= date)
        })
        .collect();
    dated.sort();
    std::fs::read_to_string(dated.pop()?).ok()
}
