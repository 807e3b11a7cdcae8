//! Bulk onboarding from CSV (a city starts with its staff list in a spreadsheet): units
//! (`code,name`) and staff (`nip,name,unit_code,roles,supervisor_nip,email`). Every row is
//! checked first; a file with any error imports nothing and reports every bad row with its
//! line number. One transaction; importing the same file again changes nothing.

use super::staff::{find_supervisor, set_supervisor, upsert_staff, Upserted};
use crate::api::admin::ImportReport;
use crate::domain::roster::{parse_staff, parse_unit, StaffRecord, UnitRecord};
use crate::i18n::{admin as ad, errors, I18n};
use crate::server::csv_import::{cell, problem, read_rows, ImportError};
use crate::server::{audit, db::Db, units};
use std::collections::HashMap;

/// Columns of a units file.
pub const UNIT_COLUMNS: &[&str] = &["code", "name"];
/// Columns of a staff file.
pub const STAFF_COLUMNS: &[&str] = &[
    "nip",
    "name",
    "unit_code",
    "roles",
    "supervisor_nip",
    "email",
];

/// Imports units.
pub async fn import_units(
    db: &Db,
    actor: &audit::Actor,
    text: &str,
    i18n: I18n,
) -> Result<ImportReport, ImportError> {
    let rows = read_rows(text, UNIT_COLUMNS, i18n).map_err(ImportError::Invalid)?;
    let mut problems = Vec::new();
    let mut records: Vec<UnitRecord> = Vec::new();
    let mut seen: HashMap<String, u64> = HashMap::new();
    for (line, cells) in &rows {
        match parse_unit(cell(cells, "code"), cell(cells, "name")) {
            Ok(record) => {
                if let Some(first) = seen.insert(record.code.as_str().to_owned(), *line) {
                    problems.push(problem(
                        *line,
                        Some("code"),
                        i18n.f(ad::IMPORT_DUPLICATE, &[("line", &first)]),
                    ));
                }
                records.push(record);
            }
            Err(errs) => problems.extend(
                errs.iter()
                    .map(|e| problem(*line, Some(e.field()), errors::record(i18n, e))),
            ),
        }
    }
    if !problems.is_empty() {
        return Err(ImportError::Invalid(problems));
    }
    let mut report = ImportReport::default();
    let mut tx = db.begin().await?;
    for record in &records {
        match units::upsert_unit_in(&mut tx, &record.code, &record.name).await? {
            units::UnitChange::Created => report.created += 1,
            units::UnitChange::Renamed => report.updated += 1,
            units::UnitChange::Unchanged => report.unchanged += 1,
        }
    }
    let detail = format!(
        "created={} updated={} unchanged={}",
        report.created, report.updated, report.unchanged
    );
    audit::record(&mut tx, actor, "import.units", None, Some(&detail)).await?;
    tx.commit().await?;
    Ok(report)
}

/// Imports staff. Supervisors may be in the same file (in any order) or already stored; either
/// way they must hold the supervisor role.
pub async fn import_staff(
    db: &Db,
    actor: &audit::Actor,
    text: &str,
    i18n: I18n,
) -> Result<ImportReport, ImportError> {
    let rows = read_rows(text, STAFF_COLUMNS, i18n).map_err(ImportError::Invalid)?;
    let mut problems = Vec::new();
    let mut records: Vec<(u64, StaffRecord)> = Vec::new();
    let mut seen_nip: HashMap<String, u64> = HashMap::new();
    let mut seen_email: HashMap<String, u64> = HashMap::new();
    for (line, cells) in &rows {
        let parsed = parse_staff(
            cell(cells, "nip"),
            cell(cells, "name"),
            cell(cells, "unit_code"),
            &[cell(cells, "roles")],
            cell(cells, "supervisor_nip"),
            cell(cells, "email"),
        );
        match parsed {
            Ok(record) => {
                if let Some(first) = seen_nip.insert(record.nip.as_str().to_owned(), *line) {
                    problems.push(problem(
                        *line,
                        Some("nip"),
                        i18n.f(ad::IMPORT_DUPLICATE, &[("line", &first)]),
                    ));
                }
                if let Some(email) = &record.email {
                    if let Some(first) = seen_email.insert(email.as_str().to_owned(), *line) {
                        problems.push(problem(
                            *line,
                            Some("email"),
                            i18n.f(ad::IMPORT_DUPLICATE, &[("line", &first)]),
                        ));
                    }
                }
                records.push((*line, record));
            }
            Err(errs) => problems.extend(
                errs.iter()
                    .map(|e| problem(*line, Some(e.field()), errors::record(i18n, e))),
            ),
        }
    }
    let mut tx = db.begin().await?;
    let unit_ids: HashMap<String, i64> =
        sqlx::query_as::<_, (String, i64)>("SELECT code, unit_id FROM unit")
            .fetch_all(&mut *tx)
            .await?
            .into_iter()
            .collect();
    let supervisors_in_file: HashMap<&str, bool> = records
        .iter()
        .map(|(_, r)| {
            (
                r.nip.as_str(),
                r.roles.contains(&crate::auth::Role::Supervisor),
            )
        })
        .collect();
    for (line, record) in &records {
        if !unit_ids.contains_key(record.unit_code.as_str()) {
            problems.push(problem(
                *line,
                Some("unit_code"),
                i18n.t(ad::UNIT_UNKNOWN).into(),
            ));
        }
        if let Some(sup) = &record.supervisor_nip {
            let ok = match supervisors_in_file.get(sup.as_str()) {
                Some(is_supervisor) => *is_supervisor,
                None => find_supervisor(&mut tx, sup.as_str()).await?.is_some(),
            };
            if !ok {
                problems.push(problem(
                    *line,
                    Some("supervisor_nip"),
                    i18n.f(ad::SUPERVISOR_UNKNOWN, &[("nip", &sup.as_str())]),
                ));
            }
        }
        if let Some(email) = &record.email {
            let taken: Option<i64> = sqlx::query_scalar(
                "SELECT a.account_id FROM account a JOIN staff s ON s.account_id = a.account_id
                 WHERE a.kind = 'staff' AND a.email = $1 AND s.nip <> $2",
            )
            .bind(email.as_str())
            .bind(record.nip.as_str())
            .fetch_optional(&mut *tx)
            .await?;
            if taken.is_some() {
                problems.push(problem(
                    *line,
                    Some("email"),
                    i18n.t(ad::STAFF_EMAIL_TAKEN).into(),
                ));
            }
        }
    }
    if !problems.is_empty() {
        tx.rollback().await?;
        problems.sort_by_key(|p| p.line);
        return Err(ImportError::Invalid(problems));
    }
    let mut report = ImportReport::default();
    let mut ids: HashMap<String, i64> = HashMap::new();
    let mut outcomes = Vec::new();
    for (_, record) in &records {
        let unit_id = unit_ids[record.unit_code.as_str()];
        let outcome = upsert_staff(&mut tx, record, unit_id, actor).await?;
        ids.insert(record.nip.as_str().to_owned(), outcome.account_id());
        outcomes.push(outcome);
    }
    for ((_, record), outcome) in records.iter().zip(outcomes) {
        let supervisor = match &record.supervisor_nip {
            Some(nip) => match ids.get(nip.as_str()) {
                Some(id) => Some(*id),
                None => find_supervisor(&mut tx, nip.as_str()).await?,
            },
            None => None,
        };
        let linked = set_supervisor(&mut tx, outcome.account_id(), supervisor).await?;
        match (outcome, linked) {
            (Upserted::Created(_), _) => report.created += 1,
            (Upserted::Updated(_), _) | (Upserted::Unchanged(_), true) => report.updated += 1,
            (Upserted::Unchanged(_), false) => report.unchanged += 1,
        }
    }
    let detail = format!(
        "created={} updated={} unchanged={}",
        report.created, report.updated, report.unchanged
    );
    audit::record(&mut tx, actor, "import.staff", None, Some(&detail)).await?;
    tx.commit().await?;
    Ok(report)
}
