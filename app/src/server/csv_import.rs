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

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const COLUMNS: [&str; 3] = ["code", "name", "unit_code"];
    const ID: I18n = I18n {
        lang: crate::i18n::Lang::Id,
    };

    proptest! {
        /// Any text is read or refused with located, explained problems; never a panic.
        #[test]
        fn any_text_is_read_or_refused_line_by_line(text in "(?s).{0,600}") {
            match read_rows(&text, &COLUMNS, ID) {
                Ok(rows) => {
                    prop_assert!(!rows.is_empty());
                    prop_assert!(rows.windows(2).all(|w| w[0].0 < w[1].0), "lines ascend");
                    prop_assert!(rows.iter().all(|(line, _)| *line >= 2), "data starts after the header");
                }
                Err(problems) => {
                    prop_assert!(!problems.is_empty());
                    prop_assert!(problems.iter().all(|p| p.line >= 1 && !p.message.is_empty()));
                }
            }
        }

        /// A well-formed file (header in any order and case, cells with commas and quotes)
        /// comes back cell for cell, each row with its line.
        #[test]
        fn a_well_formed_file_round_trips(
            order in Just(COLUMNS.to_vec()).prop_shuffle(),
            upper in any::<bool>(),
            rows in proptest::collection::vec(
                proptest::collection::vec("[A-Za-z0-9 ,\"-]{1,12}", 3), 1..8),
        ) {
            let quote = |c: &str| format!("\"{}\"", c.replace('"', "\"\""));
            let header: Vec<String> = order
                .iter()
                .map(|c| if upper { c.to_uppercase() } else { (*c).to_owned() })
                .collect();
            let mut text = format!("\u{feff}{}\n", header.join(","));
            for row in &rows {
                text += &row.iter().map(|c| quote(c)).collect::<Vec<_>>().join(",");
                text.push('\n');
            }
            let kept: Vec<(u64, &Vec<String>)> = rows
                .iter()
                .zip(2u64..)
                .filter(|(r, _)| r.iter().any(|c| !c.trim().is_empty()))
                .map(|(r, line)| (line, r))
                .collect();
            if kept.is_empty() {
                // Only blank rows: an empty file, refused.
                prop_assert!(read_rows(&text, &COLUMNS, ID).is_err());
                return Ok(());
            }
            let read = read_rows(&text, &COLUMNS, ID).expect("a well-formed file");
            prop_assert_eq!(read.len(), kept.len());
            for ((line, cells), (want_line, row)) in read.iter().zip(&kept) {
                prop_assert_eq!(line, want_line);
                for (column, value) in order.iter().zip(row.iter()) {
                    prop_assert_eq!(cell(cells, column), value.as_str());
                }
            }
        }
    }
}
