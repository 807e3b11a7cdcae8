//! The generator's plumbing: the tables rows are collected in (written parents first), the
//! ids handed out, and the small random helpers every kind of row uses.

use super::super::bulk::{next_id, Table};
use super::super::names::{FAMILY, GIVEN};
use app::server::db::Db;
use app::server::state::AppState;
use rand::Rng;
use rand_chacha::ChaCha8Rng;
use std::collections::HashMap;
use time::Date;

pub(super) struct Loader {
    pub(super) tables: Vec<Table>,
}

pub(super) const UNIT: usize = 0;
pub(super) const ACCOUNT: usize = 1;
pub(super) const STAFF: usize = 2;
pub(super) const ROLE: usize = 3;
pub(super) const CITIZEN: usize = 4;
pub(super) const SERVICE: usize = 5;
pub(super) const REQUIREMENT: usize = 6;
pub(super) const APPLICATION: usize = 7;
pub(super) const EVENT: usize = 8;
pub(super) const CREDIT: usize = 9;
pub(super) const PERMIT: usize = 10;
pub(super) const INVITATION: usize = 11;
pub(super) const RESPONSE: usize = 12;
pub(super) const SOURCE: usize = 13;
pub(super) const RESPONSE_CREDIT: usize = 14;

impl Loader {
    pub(super) fn new() -> Loader {
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

    pub(super) fn push(&mut self, table: usize, values: String) {
        self.tables[table].push(values);
    }

    /// Writes every table, parents first, when one has enough rows waiting (or `all`): a
    /// child's rows are only written after the rows they refer to.
    pub(super) async fn flush(&mut self, state: &AppState, all: bool) -> anyhow::Result<()> {
        if !all && !self.tables.iter().any(Table::ready) {
            return Ok(());
        }
        for table in &mut self.tables {
            table.flush(&state.db).await?;
        }
        Ok(())
    }
}
/// The tables whose ids the generator chooses, and their identity columns.
pub(super) const IDENTITIES: [(&str, &str); 9] = [
    ("unit", "unit_id"),
    ("account", "account_id"),
    ("service_type", "service_type_id"),
    ("service_requirement", "requirement_id"),
    ("application", "application_id"),
    ("application_event", "event_id"),
    ("permit", "permit_id"),
    ("survey_invitation", "invitation_id"),
    ("survey_response", "response_id"),
];

/// The next id of each generated table, continuing after what the database holds.
pub(super) struct Ids(HashMap<&'static str, i64>);

impl Ids {
    pub(super) async fn after(db: &Db) -> anyhow::Result<Ids> {
        let mut ids = HashMap::new();
        for (table, column) in IDENTITIES {
            ids.insert(table, next_id(db, table, column).await?);
        }
        Ok(Ids(ids))
    }

    /// Hands out the next id of `table`.
    pub(super) fn next(&mut self, table: &'static str) -> i64 {
        let id = self.0.get_mut(table).expect("known table");
        *id += 1;
        *id - 1
    }
}

pub(super) fn millis(tz: app::domain::tz::TimeZone, day: Date, minute_of_day: i64) -> i64 {
    let start = day.midnight().assume_offset(tz.offset());
    i64::try_from(start.unix_timestamp_nanos() / 1_000_000).unwrap_or(0) + minute_of_day * 60_000
}

pub(super) fn name(rng: &mut ChaCha8Rng) -> String {
    format!(
        "{} {}",
        GIVEN[rng.gen_range(0..GIVEN.len())],
        FAMILY[rng.gen_range(0..FAMILY.len())]
    )
}

/// A roughly normal number with mean 0 and standard deviation `sd` (sum of uniforms).
pub(super) fn normal(rng: &mut ChaCha8Rng, sd: f64) -> f64 {
    let s: f64 = (0..6).map(|_| rng.gen::<f64>()).sum::<f64>() - 3.0;
    s * sd * std::f64::consts::SQRT_2
}

pub(super) fn score(rng: &mut ChaCha8Rng, mean: f64) -> u8 {
    (mean + normal(rng, 0.45)).round().clamp(1.0, 4.0) as u8
}

pub(super) const PROVINCE_CODES: [&str; 4] = ["12", "31", "32", "35"];
pub(super) const EDUCATION: [&str; 7] = ["SD", "SMP", "SMA", "SMA", "D1-D3", "S1", "S2"];
pub(super) const OCCUPATION: [&str; 6] = [
    "Wirausaha",
    "Swasta",
    "Wirausaha",
    "PNS",
    "Lainnya",
    "Swasta",
];
