//! `sigap import services FILE.csv` and the admin upload: `code,unit_code,name,completion_days,fee`
//! (service codes unique in the instance, fee in rupiah, 0 = free). Validated first, all or
//! nothing, idempotent; the rest of the standard is completed on the admin page.

use crate::api::admin::ImportReport;
use crate::domain::service::{parse_service, ServiceRecord, ServiceRowError};
use crate::i18n::{admin as ad, catalog as ct, errors, I18n};
use crate::server::csv_import::{cell, problem, read_rows, ImportError};
use crate::server::{audit, db::now_millis, db::Db};
use std::collections::HashMap;

/// Columns of a services file.
pub const SERVICE_COLUMNS: &[&str] = &["code", "unit_code", "name", "completion_days", "fee"];

fn message(i18n: I18n, error: &ServiceRowError) -> String {
    match error {
        ServiceRowError::Code(field, e) => {
            errors::record(i18n, &crate::domain::roster::RecordError::Code(field, *e))
        }
        ServiceRowError::Name => i18n.t(ct::SERVICE_NAME_INVALID).into(),
        ServiceRowError::CompletionDays => i18n.t(ct::COMPLETION_DAYS_INVALID).into(),
        ServiceRowError::Fee => i18n.t(ct::FEE_INVALID).into(),
    }
}

/// Imports services.
pub async fn import_services(
    db: &Db,
    actor: &audit::Actor,
    text: &str,
    i18n: I18n,
) -> Result<ImportReport, ImportError> {
    let rows = read_rows(text, SERVICE_COLUMNS, i18n).map_err(ImportError::Invalid)?;
    let mut problems = Vec::new();
    let mut records: Vec<(u64, ServiceRecord)> = Vec::new();
    let mut seen: HashMap<String, u64> = HashMap::new();
    for (line, cells) in &rows {
        let parsed = parse_service(
            cell(cells, "code"),
            cell(cells, "unit_code"),
            cell(cells, "name"),
            cell(cells, "completion_days"),
            cell(cells, "fee"),
        );
        match parsed {
            Ok(record) => {
                if let Some(first) = seen.insert(record.code.as_str().to_owned(), *line) {
                    problems.push(problem(
                        *line,
                        Some("code"),
                        i18n.f(ad::IMPORT_DUPLICATE, &[("line", &first)]),
                    ));
                }
                records.push((*line, record));
            }
            Err(errs) => problems.extend(
                errs.iter()
                    .map(|e| problem(*line, Some(e.field()), message(i18n, e))),
            ),
        }
    }
    let mut tx = db.begin().await?;
    let units: HashMap<String, i64> =
        sqlx::query_as::<_, (String, i64)>("SELECT code, unit_id FROM unit")
            .fetch_all(&mut *tx)
            .await?
            .into_iter()
            .collect();
    for (line, record) in &records {
        if !units.contains_key(record.unit_code.as_str()) {
            problems.push(problem(
                *line,
                Some("unit_code"),
                i18n.t(ad::UNIT_UNKNOWN).into(),
            ));
        }
    }
    if !problems.is_empty() {
        tx.rollback().await?;
        problems.sort_by_key(|p| p.line);
        return Err(ImportError::Invalid(problems));
    }
    let mut report = ImportReport::default();
    let now = now_millis();
    for (_, r) in &records {
        let unit_id = units[r.unit_code.as_str()];
        let existing: Option<(i64, String, i64, i64)> = sqlx::query_as(
            "SELECT unit_id, name_id, completion_days, fee_rupiah FROM service_type WHERE code = $1",
        )
        .bind(r.code.as_str())
        .fetch_optional(&mut *tx)
        .await?;
        match existing {
            None => {
                sqlx::query(
                    "INSERT INTO service_type (unit_id, code, name_id, name_en, completion_days, fee_rupiah, active, created_at, updated_at)
                     VALUES ($1, $2, $3, $3, $4, $5, 1, $6, $6)",
                )
                .bind(unit_id)
                .bind(r.code.as_str())
                .bind(&r.name)
                .bind(r.completion_days)
                .bind(r.fee_rupiah)
                .bind(now)
                .execute(&mut *tx)
                .await?;
                report.created += 1;
            }
            Some(old) if old == (unit_id, r.name.clone(), r.completion_days, r.fee_rupiah) => {
                report.unchanged += 1
            }
            Some(_) => {
                sqlx::query(
                    "UPDATE service_type SET unit_id = $1, name_id = $2, completion_days = $3, fee_rupiah = $4, updated_at = $5
                     WHERE code = $6",
                )
                .bind(unit_id)
                .bind(&r.name)
                .bind(r.completion_days)
                .bind(r.fee_rupiah)
                .bind(now)
                .bind(r.code.as_str())
                .execute(&mut *tx)
                .await?;
                report.updated += 1;
            }
        }
    }
    let detail = format!(
        "created={} updated={} unchanged={}",
        report.created, report.updated, report.unchanged
    );
    audit::record(&mut tx, actor, "import.services", None, Some(&detail)).await?;
    tx.commit().await?;
    Ok(report)
}
