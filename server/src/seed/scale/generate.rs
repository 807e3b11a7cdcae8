//! Generating and loading the region (see the parent module). One pass per kind of row, in
//! dependency order; every row is decided by the seeded generator, so the same seed gives the
//! same data.

use super::bulk::{next_id, opt_num, opt_text, reset_identities, text, Table};
use super::names::{FAMILY, GIVEN, OFFICES, SERVICES};
use app::domain::period::{Period, PeriodKind};
use app::domain::registration::RegistrationNumber;
use app::domain::workdays::Calendar;
use app::server::applications::day_text;
use app::server::state::AppState;
use indicatif::{ProgressBar, ProgressStyle};
use rand::{Rng, SeedableRng};
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

struct Loader {
    tables: Vec<Table>,
}

const UNIT: usize = 0;
const ACCOUNT: usize = 1;
const STAFF: usize = 2;
const ROLE: usize = 3;
const CITIZEN: usize = 4;
const SERVICE: usize = 5;
const REQUIREMENT: usize = 6;
const APPLICATION: usize = 7;
const EVENT: usize = 8;
const CREDIT: usize = 9;
const PERMIT: usize = 10;
const INVITATION: usize = 11;
const RESPONSE: usize = 12;
const SOURCE: usize = 13;
const RESPONSE_CREDIT: usize = 14;

impl Loader {
    fn new() -> Loader {
        Loader {
            tables: vec![
                Table::new("unit", "unit_id, code, name, active, created_at, updated_at", true),
                Table::new("account", "account_id, kind, email, password_hash, active, password_changed_at, created_at, updated_at", true),
                Table::new("staff", "account_id, nip, full_name, unit_id, supervisor_account_id", false),
                Table::new("staff_role", "account_id, role", false),
                Table::new("citizen", "account_id, nik, full_name, phone, consent_version, consent_at", false),
                Table::new("service_type", "service_type_id, unit_id, code, name_id, name_en, description_id, description_en, completion_days, fee_rupiah, product_id, product_en, legal_basis, complaint_channel, permit_code, active, created_at, updated_at", true),
                Table::new("service_requirement", "requirement_id, service_type_id, position, label_id, label_en, needs_document, accepted_types, max_size_kb", true),
                Table::new("application", "application_id, reg_number, service_type_id, unit_id, citizen_account_id, applicant_name, applicant_nik, channel, draft_key, state, assigned_account_id, submitted_on, due_on, finished_on, on_time, sla_days_used, decision_reason, created_at, updated_at, submitted_at, completed_at", true),
                Table::new("application_event", "event_id, application_id, at, actor_account_id, actor_kind, action, from_state, to_state, citizen_facing, note", true),
                Table::new("application_credit", "application_id, officer_account_id", false),
                Table::new("permit", "permit_id, application_id, number, sequence, year, unit_id, holder_name, verify_code, issued_at", true),
                Table::new("survey_invitation", "invitation_id, jti, short_code, channel, application_id, unit_id, service_type_id, officer_account_id, service_date, issued_at, expires_at, used_at", true),
                Table::new("survey_response", "response_id, unit_id, service_type_id, channel, service_date, submitted_at, u1, u2, u3, u4, u5, u6, u7, u8, u9, gender, age, education, occupation, suggestion, import_key", true),
                Table::new("survey_response_source", "response_id, invitation_id, application_id", false),
                Table::new("survey_response_credit", "response_id, officer_account_id", false),
            ],
        }
    }

    fn push(&mut self, table: usize, values: String) {
        self.tables[table].push(values);
    }

    /// Writes every table, parents first, when one has enough rows waiting (or `all`): a
    /// child's rows are only written after the rows they refer to.
    async fn flush(&mut self, state: &AppState, all: bool) -> anyhow::Result<()> {
        if !all && !self.tables.iter().any(Table::ready) {
            return Ok(());
        }
        for table in &mut self.tables {
            table.flush(&state.db).await?;
        }
        Ok(())
    }
}

fn millis(tz: app::domain::tz::TimeZone, day: Date, minute_of_day: i64) -> i64 {
    let start = day.midnight().assume_offset(tz.offset());
    i64::try_from(start.unix_timestamp_nanos() / 1_000_000).unwrap_or(0) + minute_of_day * 60_000
}

fn name(rng: &mut ChaCha8Rng) -> String {
    format!(
        "{} {}",
        GIVEN[rng.gen_range(0..GIVEN.len())],
        FAMILY[rng.gen_range(0..FAMILY.len())]
    )
}

/// A roughly normal number with mean 0 and standard deviation `sd` (sum of uniforms).
fn normal(rng: &mut ChaCha8Rng, sd: f64) -> f64 {
    let s: f64 = (0..6).map(|_| rng.gen::<f64>()).sum::<f64>() - 3.0;
    s * sd * std::f64::consts::SQRT_2
}

fn score(rng: &mut ChaCha8Rng, mean: f64) -> u8 {
    (mean + normal(rng, 0.45)).round().clamp(1.0, 4.0) as u8
}

const PROVINCE_CODES: [&str; 4] = ["12", "31", "32", "35"];
const EDUCATION: [&str; 7] = ["SD", "SMP", "SMA", "SMA", "D1-D3", "S1", "S2"];
const OCCUPATION: [&str; 6] = [
    "Wirausaha",
    "Swasta",
    "Wirausaha",
    "PNS",
    "Lainnya",
    "Swasta",
];

/// Generates the region and loads it; returns a one-line summary.
pub async fn load(state: &AppState, spec: &Spec, seed: u64, today: Date) -> anyhow::Result<String> {
    let started = std::time::Instant::now();
    let tz = state.config.time_zone;
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let db = &state.db;
    let mut ids: HashMap<&str, i64> = HashMap::new();
    for (table, column) in [
        ("unit", "unit_id"),
        ("account", "account_id"),
        ("service_type", "service_type_id"),
        ("service_requirement", "requirement_id"),
        ("application", "application_id"),
        ("application_event", "event_id"),
        ("permit", "permit_id"),
        ("survey_invitation", "invitation_id"),
        ("survey_response", "response_id"),
    ] {
        ids.insert(table, next_id(db, table, column).await?);
    }
    let mut next = |table: &'static str| {
        let id = ids.get_mut(table).expect("known table");
        *id += 1;
        *id - 1
    };
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

    // Units, their services and people.
    let mut units = Vec::with_capacity(spec.units);
    for u in 0..spec.units {
        let unit_id = next("unit");
        let office = if u < OFFICES.len() {
            OFFICES[u].to_owned()
        } else {
            format!("Kecamatan Wilayah {}", u + 1 - OFFICES.len())
        };
        out.push(
            UNIT,
            format!(
                "{unit_id}, {}, {}, 1, {now}, {now}",
                text(&format!("RG{:03}", u + 1)),
                text(&office)
            ),
        );
        let mut services = Vec::new();
        for s in 0..rng.gen_range(3..=5) {
            let id = next("service_type");
            let (name_id, name_en) = SERVICES[(u + s) % SERVICES.len()];
            let days: u32 = [1, 2, 3, 5, 7, 10, 14][rng.gen_range(0..7)];
            let fee = if rng.gen_bool(0.8) {
                0
            } else {
                50_000 * rng.gen_range(1..6)
            };
            out.push(SERVICE, format!(
                "{id}, {unit_id}, {}, {}, {}, '', '', {days}, {fee}, {}, {}, '', '', {}, 1, {now}, {now}",
                text(&format!("RG{:03}-S{}", u + 1, s + 1)), text(&format!("{name_id} ({office})")),
                text(&format!("{name_en} ({office})")), text(name_id), text(name_en), text(&format!("S{}", s + 1)),
            ));
            let req = next("service_requirement");
            out.push(
                REQUIREMENT,
                format!("{req}, {id}, 1, 'Fotokopi KTP', 'ID card (KTP)', 1, 'pdf,jpeg,png', 2048"),
            );
            services.push((id, days));
        }
        let mut means = [3.2, 3.0, 2.8, 3.7, 3.1, 3.2, 3.3, 2.9, 2.9];
        let unit_shift = normal(&mut rng, 0.15);
        for m in &mut means {
            *m += unit_shift + normal(&mut rng, 0.08);
        }
        units.push(Unit {
            unit_id,
            services,
            officers: Vec::new(),
            response_rate: rng.gen_range(0.2..0.6),
            means,
        });
    }
    let mut officers: Vec<Officer> = Vec::with_capacity(spec.officers);
    let mut supervisors: Vec<Vec<i64>> = vec![Vec::new(); spec.units];
    let per_unit = spec.officers.div_ceil(spec.units.max(1));
    let mut staff_serial = 0u32;
    let mut nip = |rng: &mut ChaCha8Rng| {
        staff_serial += 1;
        let birth = 1965 + rng.gen_range(0..35);
        let gender = rng.gen_range(1..=2);
        format!(
            "{birth}{:02}{:02}{}{:02}{gender}{:03}",
            rng.gen_range(1..=12),
            rng.gen_range(1..=28),
            birth + rng.gen_range(20..28),
            rng.gen_range(1..=12),
            staff_serial % 1000
        )
    };
    for (u, unit) in units.iter_mut().enumerate() {
        let count = per_unit.min(spec.officers - officers.len().min(spec.officers));
        for s in 0..count.div_ceil(10).max(1) {
            let account_id = next("account");
            out.push(
                ACCOUNT,
                format!("{account_id}, 'staff', NULL, NULL, 1, NULL, {now}, {now}"),
            );
            let _ = s;
            out.push(
                STAFF,
                format!(
                    "{account_id}, {}, {}, {}, NULL",
                    text(&nip(&mut rng)),
                    text(&name(&mut rng)),
                    unit.unit_id
                ),
            );
            out.push(ROLE, format!("{account_id}, 'supervisor'"));
            supervisors[u].push(account_id);
        }
        for _ in 0..count {
            let account_id = next("account");
            let supervisor = supervisors[u][rng.gen_range(0..supervisors[u].len())];
            out.push(
                ACCOUNT,
                format!("{account_id}, 'staff', NULL, NULL, 1, NULL, {now}, {now}"),
            );
            out.push(
                STAFF,
                format!(
                    "{account_id}, {}, {}, {}, {supervisor}",
                    text(&nip(&mut rng)),
                    text(&name(&mut rng)),
                    unit.unit_id
                ),
            );
            out.push(ROLE, format!("{account_id}, 'officer'"));
            unit.officers.push(officers.len());
            officers.push(Officer {
                account_id,
                quality: normal(&mut rng, 0.18),
            });
        }
        out.flush(state, false).await?;
    }
    let mut citizens: Vec<(i64, String, String)> = Vec::with_capacity(spec.citizens);
    for c in 0..spec.citizens {
        let account_id = next("account");
        let female = rng.gen_bool(0.5);
        let day = rng.gen_range(1..=28) + if female { 40 } else { 0 };
        let nik = format!(
            "{}{:02}{:02}{day:02}{:02}{:02}{:04}",
            PROVINCE_CODES[c % 4],
            71 + (c / 4) % 20,
            1 + (c / 80) % 30,
            rng.gen_range(1..=12),
            rng.gen_range(50..100),
            1 + (c / 2400) % 9999
        );
        let full_name = name(&mut rng);
        out.push(
            ACCOUNT,
            format!("{account_id}, 'citizen', NULL, NULL, 1, NULL, {now}, {now}"),
        );
        out.push(
            CITIZEN,
            format!(
                "{account_id}, {}, {}, NULL, 'v1', {now}",
                text(&nik),
                text(&full_name)
            ),
        );
        citizens.push((account_id, nik, full_name));
        if out.tables[ACCOUNT].ready() {
            out.flush(state, false).await?;
        }
    }
    out.flush(state, true).await?;

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
    let mut per_day: HashMap<Date, u64> = HashMap::new();
    let mut permit_seq: HashMap<(i64, i32), i64> = HashMap::new();
    let mut answers_left = spec.answers;
    for (p_index, period) in periods.iter().enumerate() {
        let last = if *period == current {
            today - Duration::days(1)
        } else {
            period.last_day()
        };
        let span = (last - period.first_day()).whole_days().max(1);
        let apps = spec.applications / spec.semesters;
        let answer_target = if p_index + 1 == periods.len() {
            answers_left
        } else {
            spec.answers / spec.semesters
        };
        let mut answered = 0usize;
        bar.set_message(period.to_string());
        for _ in 0..apps {
            let u = rng.gen_range(0..units.len());
            let unit = &units[u];
            let (service_type_id, days) = unit.services[rng.gen_range(0..unit.services.len())];
            let (citizen_id, nik, holder) = &citizens[rng.gen_range(0..citizens.len())];
            let submitted = period.first_day() + Duration::days(rng.gen_range(0..=span));
            let submitted = if calendar.is_working_day(submitted) {
                submitted
            } else {
                calendar.add_working_days(submitted, 1)
            };
            if submitted > last {
                bar.inc(1);
                continue;
            }
            let due = calendar.add_working_days(submitted, days);
            let a = unit.officers[rng.gen_range(0..unit.officers.len())];
            let b = unit.officers[rng.gen_range(0..unit.officers.len())];
            let (officer_a, officer_b) = (officers[a].account_id, officers[b].account_id);
            let correction = rng.gen_bool(0.15);
            let late = rng.gen_bool(0.15);
            let used = if late {
                days + rng.gen_range(1..=4)
            } else {
                rng.gen_range(1..=days.max(1))
            };
            let paused = if correction { rng.gen_range(1..=5) } else { 0 };
            let finished = calendar.add_working_days(submitted, used + paused);
            let outcome = rng.gen_range(0..100);
            let (state_code, finished_on) = if finished >= today {
                (
                    [
                        "submitted",
                        "in_verification",
                        "needs_correction",
                        "in_process",
                        "approved",
                    ][rng.gen_range(0..5)],
                    None,
                )
            } else if outcome < 4 {
                ("rejected", Some(finished))
            } else if outcome < 6 {
                ("withdrawn", Some(submitted + Duration::days(1)))
            } else {
                ("completed", Some(finished))
            };
            let id = next("application");
            let counter = per_day.entry(submitted).or_default();
            *counter += 1;
            let reg = RegistrationNumber::generate(
                submitted,
                (*counter).wrapping_mul(0x9E37_79B1) & 0x1FF_FFFF,
            );
            let t0 = millis(tz, submitted, 8 * 60 + rng.gen_range(0..480));
            let t_end = finished_on.map(|d| millis(tz, d, 9 * 60 + rng.gen_range(0..420)));
            let completed = state_code == "completed";
            out.push(APPLICATION, format!(
                "{id}, {}, {service_type_id}, {}, {citizen_id}, {}, {}, 'online', {}, '{state_code}', {officer_a}, {}, {}, {}, {}, {}, {}, {t0}, {}, {t0}, {}",
                text(reg.as_str()), unit.unit_id, text(holder), text(nik), text(&format!("gen-{id}")),
                text(&day_text(submitted)), text(&day_text(due)), opt_text(finished_on.map(day_text).as_deref()),
                opt_num((completed || state_code == "rejected").then_some(i64::from(!late))),
                opt_num((completed || state_code == "rejected").then_some(i64::from(used))),
                opt_text((state_code == "rejected").then_some("Persyaratan tidak lengkap setelah batas waktu perbaikan.")),
                t_end.unwrap_or(t0), opt_num(completed.then_some(t_end.unwrap_or(t0))),
            ));
            // The tracking log: who did what, when (REFERENCE §2.2).
            let mut at = t0;
            let mut event = |out: &mut Loader,
                             actor: Option<i64>,
                             kind: &str,
                             action: &str,
                             from: &str,
                             to: &str,
                             facing: bool,
                             rng: &mut ChaCha8Rng| {
                let e = next("application_event");
                at += rng.gen_range(30..3_000) * 60_000;
                out.push(
                    EVENT,
                    format!(
                        "{e}, {id}, {at}, {}, '{kind}', '{action}', '{from}', '{to}', {}, NULL",
                        opt_num(actor),
                        i64::from(facing)
                    ),
                );
            };
            event(
                &mut out,
                Some(*citizen_id),
                "citizen",
                "submit",
                "draft",
                "submitted",
                false,
                &mut rng,
            );
            if state_code != "submitted" && state_code != "withdrawn" {
                event(
                    &mut out,
                    Some(officer_a),
                    "staff",
                    "start_verification",
                    "submitted",
                    "in_verification",
                    true,
                    &mut rng,
                );
                if correction {
                    event(
                        &mut out,
                        Some(officer_a),
                        "staff",
                        "request_correction",
                        "in_verification",
                        "needs_correction",
                        true,
                        &mut rng,
                    );
                    if state_code != "needs_correction" {
                        event(
                            &mut out,
                            Some(*citizen_id),
                            "citizen",
                            "resubmit",
                            "needs_correction",
                            "resubmitted",
                            false,
                            &mut rng,
                        );
                        event(
                            &mut out,
                            Some(officer_a),
                            "staff",
                            "start_verification",
                            "resubmitted",
                            "in_verification",
                            true,
                            &mut rng,
                        );
                    }
                }
            }
            if state_code == "withdrawn" {
                event(
                    &mut out,
                    Some(*citizen_id),
                    "citizen",
                    "withdraw",
                    "submitted",
                    "withdrawn",
                    false,
                    &mut rng,
                );
            }
            if state_code == "rejected" {
                event(
                    &mut out,
                    Some(officer_b),
                    "staff",
                    "reject",
                    "in_verification",
                    "rejected",
                    false,
                    &mut rng,
                );
            }
            let completer = if rng.gen_bool(0.7) {
                officer_a
            } else {
                officer_b
            };
            if matches!(state_code, "in_process" | "approved" | "completed") {
                event(
                    &mut out,
                    Some(officer_a),
                    "staff",
                    "accept_documents",
                    "in_verification",
                    "in_process",
                    true,
                    &mut rng,
                );
            }
            if matches!(state_code, "approved" | "completed") {
                event(
                    &mut out,
                    Some(officer_b),
                    "staff",
                    "approve",
                    "in_process",
                    "approved",
                    false,
                    &mut rng,
                );
            }
            bar.inc(1);
            if !completed {
                continue;
            }
            event(
                &mut out,
                Some(completer),
                "staff",
                "complete",
                "approved",
                "completed",
                true,
                &mut rng,
            );
            let finished = finished_on.unwrap_or(submitted);
            // Credit frozen at completion: the officers of the citizen-facing steps (REFERENCE §4).
            out.push(CREDIT, format!("{id}, {officer_a}"));
            let mut credited = vec![a];
            if completer != officer_a {
                out.push(CREDIT, format!("{id}, {completer}"));
                credited.push(b);
            }
            let year = finished.year();
            let seq = permit_seq.entry((unit.unit_id, year)).or_default();
            *seq += 1;
            let permit = next("permit");
            out.push(
                PERMIT,
                format!(
                    "{permit}, {id}, {}, {seq}, {year}, {}, {}, {}, {}",
                    text(&format!("503/{seq:04}/GEN/RG{:03}/{year}", u + 1)),
                    unit.unit_id,
                    text(holder),
                    text(&format!("g{permit:x}{:08x}", rng.gen::<u32>())),
                    t_end.unwrap_or(t0),
                ),
            );
            let invitation = next("survey_invitation");
            let answers_it = rng.gen_bool(unit.response_rate) && answered < answer_target;
            let issued = t_end.unwrap_or(t0);
            let used_at = answers_it.then(|| {
                let t = issued + rng.gen_range(1..7 * 24 * 60) * 60_000;
                t - t.rem_euclid(86_400_000)
            });
            out.push(INVITATION, format!(
                "{invitation}, {}, NULL, 'online', {id}, {}, {service_type_id}, NULL, {}, {issued}, {}, {}",
                text(&format!("g{invitation:x}{:016x}", rng.gen::<u64>())), unit.unit_id, text(&day_text(finished)),
                issued + 60 * 86_400_000, opt_num(used_at),
            ));
            if let Some(used) = used_at {
                let officer_quality = credited.iter().map(|o| officers[*o].quality).sum::<f64>()
                    / credited.len() as f64;
                let response = answer(
                    &mut out,
                    &mut rng,
                    &mut next,
                    unit,
                    service_type_id,
                    "online",
                    finished,
                    used + 3_600_000,
                    officer_quality,
                );
                out.push(SOURCE, format!("{response}, {invitation}, {id}"));
                for o in &credited {
                    out.push(
                        RESPONSE_CREDIT,
                        format!("{response}, {}", officers[*o].account_id),
                    );
                }
                answered += 1;
                bar.inc(1);
            }
            if out.tables.iter().any(Table::ready) {
                out.flush(state, false).await?;
            }
        }
        // Counter and paper answers make up the rest of the period's answers.
        while answered < answer_target {
            let u = rng.gen_range(0..units.len());
            let unit = &units[u];
            let (service_type_id, _) = unit.services[rng.gen_range(0..unit.services.len())];
            let o = unit.officers[rng.gen_range(0..unit.officers.len())];
            let day = period.first_day() + Duration::days(rng.gen_range(0..=span));
            let t = millis(tz, day, 8 * 60 + rng.gen_range(0..480));
            if rng.gen_bool(0.6) {
                let invitation = next("survey_invitation");
                let answered_it = rng.gen_bool(0.7);
                let used = answered_it.then(|| t - t.rem_euclid(86_400_000));
                out.push(INVITATION, format!(
                    "{invitation}, {}, NULL, 'counter', NULL, {}, {service_type_id}, {}, {}, {t}, {}, {}",
                    text(&format!("c{invitation:x}{:016x}", rng.gen::<u64>())), unit.unit_id, officers[o].account_id,
                    text(&day_text(day)), t + 7 * 86_400_000, opt_num(used),
                ));
                if answered_it {
                    let response = answer(
                        &mut out,
                        &mut rng,
                        &mut next,
                        unit,
                        service_type_id,
                        "counter",
                        day,
                        t + 600_000,
                        officers[o].quality,
                    );
                    out.push(SOURCE, format!("{response}, {invitation}, NULL"));
                    out.push(
                        RESPONSE_CREDIT,
                        format!("{response}, {}", officers[o].account_id),
                    );
                    answered += 1;
                    bar.inc(1);
                }
            } else {
                let named = rng.gen_bool(0.7);
                let response = answer(
                    &mut out,
                    &mut rng,
                    &mut next,
                    unit,
                    service_type_id,
                    "paper",
                    day,
                    t,
                    if named { officers[o].quality } else { 0.0 },
                );
                if named {
                    out.push(
                        RESPONSE_CREDIT,
                        format!("{response}, {}", officers[o].account_id),
                    );
                }
                answered += 1;
                bar.inc(1);
            }
            if out.tables.iter().any(Table::ready) {
                out.flush(state, false).await?;
            }
        }
        answers_left = answers_left.saturating_sub(answered);
    }
    out.flush(state, true).await?;
    reset_identities(
        db,
        &[
            ("unit", "unit_id"),
            ("account", "account_id"),
            ("service_type", "service_type_id"),
            ("service_requirement", "requirement_id"),
            ("application", "application_id"),
            ("application_event", "event_id"),
            ("permit", "permit_id"),
            ("survey_invitation", "invitation_id"),
            ("survey_response", "response_id"),
        ],
    )
    .await?;
    bar.finish_and_clear();
    let rows: u64 = out.tables.iter().map(|t| t.written).sum();
    let secs = started.elapsed().as_secs_f64();
    Ok(format!(
        "{} units, {} officers, {} citizens, {} applications, {} answers: {rows} rows in {secs:.1} s ({:.0} rows/s)",
        spec.units, officers.len(), citizens.len(), out.tables[APPLICATION].written,
        out.tables[RESPONSE].written, rows as f64 / secs.max(0.001),
    ))
}

/// One answer: the unit's means, the officers' quality on U6/U7, the respondent's profile.
#[allow(clippy::too_many_arguments)]
fn answer(
    out: &mut Loader,
    rng: &mut ChaCha8Rng,
    next: &mut impl FnMut(&'static str) -> i64,
    unit: &Unit,
    service_type_id: i64,
    channel: &str,
    day: Date,
    at: i64,
    officer_quality: f64,
) -> i64 {
    let id = next("survey_response");
    let mut cells = Vec::with_capacity(9);
    for (i, mean) in unit.means.iter().enumerate() {
        let mean = if i == 5 || i == 6 {
            mean + officer_quality
        } else {
            *mean
        };
        cells.push(if rng.gen_bool(0.02) {
            "NULL".to_owned()
        } else {
            score(rng, mean).to_string()
        });
    }
    let suggestion = rng
        .gen_bool(0.08)
        .then_some("Mohon waktu tunggu di loket dipersingkat");
    out.push(
        RESPONSE,
        format!(
            "{id}, {}, {service_type_id}, '{channel}', {}, {at}, {}, {}, {}, {}, {}, {}, NULL",
            unit.unit_id,
            text(&day_text(day)),
            cells.join(", "),
            text(if rng.gen_bool(0.5) { "L" } else { "P" }),
            rng.gen_range(18..70),
            text(EDUCATION[rng.gen_range(0..EDUCATION.len())]),
            text(OCCUPATION[rng.gen_range(0..OCCUPATION.len())]),
            opt_text(suggestion),
        ),
    );
    id
}
