//! Generating and loading the region (see the parent module). One pass per kind of row, in
//! dependency order; every row is decided by the seeded generator, so the same seed gives the
//! same data.

mod applications;
mod desk;
mod loader;
mod people;

use super::bulk::reset_identities;
use app::domain::period::{Period, PeriodKind};
use app::domain::workdays::Calendar;
use app::server::state::AppState;
use indicatif::{ProgressBar, ProgressStyle};
use loader::{millis, Ids, Loader, APPLICATION, IDENTITIES, RESPONSE};
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use std::collections::HashMap;
use time::{Date, Duration};

/// How big the region is.
#[derive(Clone, Copy, Debug)]
pub struct Spec {
    /// Service units.
    pub units: usize,
    /// Officers (supervisors come on top: one per ten officers).
    pub officers: usize,
    /// Citizen accounts applying.
    pub citizens: usize,
    /// Applications over all semesters.
    pub applications: usize,
    /// Survey answers over all semesters (online, counter and paper).
    pub answers: usize,
    /// Semesters, the current one last.
    pub semesters: usize,
}

struct Officer {
    account_id: i64,
    /// How much better (or worse) than the unit their U6/U7 answers run, in score points.
    quality: f64,
}

struct Unit {
    unit_id: i64,
    services: Vec<(i64, u32)>,
    officers: Vec<usize>,
    response_rate: f64,
    /// Mean answer per unsur U1..U9.
    means: [f64; 9],
}

/// Everything the generator holds while it runs.
struct Gen<'a> {
    state: &'a AppState,
    tz: app::domain::tz::TimeZone,
    today: Date,
    calendar: Calendar,
    rng: ChaCha8Rng,
    ids: Ids,
    out: Loader,
    bar: ProgressBar,
    units: Vec<Unit>,
    officers: Vec<Officer>,
    citizens: Vec<people::Citizen>,
    /// Applications submitted per day (for registration numbers).
    per_day: HashMap<Date, u64>,
    /// Permits issued per unit and year.
    permit_seq: HashMap<(i64, i32), i64>,
}

/// The semester being generated.
struct Semester {
    period: Period,
    /// Its last day with data (yesterday, for the current one).
    last: Date,
    /// Days from its first to `last`.
    span: i64,
    /// Answers it should hold.
    answer_target: usize,
    /// Answers generated so far.
    answered: usize,
}

/// Generates the region and loads it; returns a one-line summary.
pub async fn load(state: &AppState, spec: &Spec, seed: u64, today: Date) -> anyhow::Result<String> {
    let started = std::time::Instant::now();
    let tz = state.config.time_zone;
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let db = &state.db;
    let mut ids = Ids::after(db).await?;
    let holidays: Vec<String> = sqlx::query_scalar("SELECT day FROM holiday")
        .fetch_all(db.read())
        .await?;
    let calendar = Calendar::new(
        holidays
            .iter()
            .filter_map(|d| app::server::applications::parse_day(d)),
    );
    let now = millis(tz, today, 12 * 60);
    let mut out = Loader::new();
    let bar = ProgressBar::new((spec.applications + spec.answers) as u64);
    bar.set_style(
        ProgressStyle::with_template("{msg:>14} [{bar:40}] {pos}/{len} {per_sec} ETA {eta}")
            .unwrap_or_else(|_| ProgressStyle::default_bar())
            .progress_chars("=> "),
    );
    bar.set_message("people");
    let (units, officers, citizens) =
        people::people(state, &mut out, &mut rng, &mut ids, spec, now).await?;
    let mut g = Gen {
        state,
        tz,
        today,
        calendar,
        rng,
        ids,
        out,
        bar,
        units,
        officers,
        citizens,
        per_day: HashMap::new(),
        permit_seq: HashMap::new(),
    };

    // Semesters, the current one last.
    let current =
        Period::containing(today, PeriodKind::Semester).map_err(|e| anyhow::anyhow!("{e}"))?;
    let mut periods = vec![current];
    for _ in 1..spec.semesters {
        let p = periods
            .last()
            .and_then(|p| p.previous())
            .ok_or_else(|| anyhow::anyhow!("no earlier period"))?;
        periods.push(p);
    }
    periods.reverse();
    let mut answers_left = spec.answers;
    for (p_index, period) in periods.iter().enumerate() {
        let last = if *period == current {
            today - Duration::days(1)
        } else {
            period.last_day()
        };
        let mut semester = Semester {
            period: *period,
            last,
            span: (last - period.first_day()).whole_days().max(1),
            answer_target: if p_index + 1 == periods.len() {
                answers_left
            } else {
                spec.answers / spec.semesters
            },
            answered: 0,
        };
        g.bar.set_message(period.to_string());
        for _ in 0..spec.applications / spec.semesters {
            applications::application(&mut g, &mut semester).await?;
        }
        // Counter and paper answers make up the rest of the period's answers.
        while semester.answered < semester.answer_target {
            desk::desk_answer(&mut g, &mut semester).await?;
        }
        answers_left = answers_left.saturating_sub(semester.answered);
    }
    g.out.flush(state, true).await?;
    reset_identities(db, &IDENTITIES).await?;
    g.bar.finish_and_clear();
    let rows: u64 = g.out.tables.iter().map(|t| t.written).sum();
    let secs = started.elapsed().as_secs_f64();
    Ok(format!(
        "{} units, {} officers, {} citizens, {} applications, {} answers: {rows} rows in {secs:.1} s ({:.0} rows/s)",
        spec.units, g.officers.len(), g.citizens.len(), g.out.tables[APPLICATION].written,
        g.out.tables[RESPONSE].written, rows as f64 / secs.max(0.001),
    ))
}
