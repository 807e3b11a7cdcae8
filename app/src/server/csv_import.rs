//! Reading the CSV files admins import (staff, units, services, paper surveys): header check,
//! rows with their line numbers, every problem collected; the importers then validate every row
//! before writing anything, in one transaction.

use crate::api::admin::ImportProblem;
use crate::i18n::{admin as ad, I18n};
use crate::server::error::ServiceError;
use std::collections::HashMap;

/// Why an import did not happen.
#[derive(Debug)]
pub enum ImportError {
    /// The file has problems; nothing was written.
    Invalid(Vec<ImportProblem>),
    /// The service failed.
    Service(ServiceError),
}

impl From<ServiceError> for ImportError {
    fn from(e: ServiceError) -> Self {
        ImportError::Service(e)
    }
}

impl From<sqlx::Error> for ImportError {
    fn from(e: sqlx::Error) -> Self {
        ImportError::Service(e.into())
    }
}

pub fn problem(line: u64, column: Option<&str>, message: String) -> ImportProblem {
    ImportProblem {
        line,
        column: column.map(str::to_owned),
        message,
    }
}

/// One data row: its line number and its cells by column name.
pub type Row = (u64, HashMap<String, String>);

/// Reads a CSV text into (line, cells by column name) rows, checking the header names every
/// required column (any order, case-insensitive).
pub fn read_rows(text: &str, columns: &[&str], i18n: I18n) -> Result<Vec<Row>, Vec<ImportProblem>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(text.as_bytes());
    let header: Vec<String> = match reader.headers() {
        Ok(h) => h.iter().map(|c| c.trim().to_lowercase()).collect(),
        Err(_) => vec![],
    };
    if !columns.iter().all(|c| header.iter().any(|h| h == c)) {
        let expected = columns.join(",");
        return Err(vec![problem(
            1,
            None,
            i18n.f(ad::IMPORT_BAD_HEADER, &[("columns", &expected)]),
        )]);
    }
    let mut rows = Vec::new();
    let mut problems = Vec::new();
    for record in reader.records() {
        match record {
            Ok(record) => {
                let line = record.position().map(|p| p.line()).unwrap_or_default();
                if record.iter().all(|c| c.trim().is_empty()) {
                    continue;
                }
                let cells = header
                    .iter()
                    .cloned()
                    .zip(record.iter().map(str::to_owned))
                    .collect();
                rows.push((line, cells));
            }
            Err(e) => {
                let line = e.position().map(|p| p.line()).unwrap_or_default();
                problems.push(problem(line, None, i18n.t(ad::IMPORT_BAD_ROW).into()));
            }
        }
    }
    if rows.is_empty() && problems.is_empty() {
        problems.push(problem(1, None, i18n.t(ad::IMPORT_EMPTY).into()));
    }
    if problems.is_empty() {
        Ok(rows)
    } else {
        Err(problems)
    }
}

pub fn cell<'a>(cells: &'a HashMap<String, String>, column: &str) -> &'a str {
    cells.get(column).map(String::as_str).unwrap_or_default()
}
