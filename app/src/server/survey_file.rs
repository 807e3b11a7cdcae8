//! Reading a survey CSV file (REFERENCE §3.1 answers with the respondent profile; the format of
//! `domain::survey_csv`) into valid rows with their line numbers, or every problem in it. Used
//! by `sigap skm compute` (no database) and by the paper-survey import.

use crate::api::admin::ImportProblem;
use crate::domain::survey_csv::{check_header, parse_survey_row, SurveyRow};
use crate::i18n::{errors, survey as sv, I18n};
use crate::server::csv_import::problem;
use time::UtcOffset;

/// Parses the whole file. `tz` is the instance's offset (date-only cells are local days).
/// Either every data row is valid, or every problem of every row is returned.
pub fn read_survey_file(
    text: &str,
    tz: UtcOffset,
    i18n: I18n,
) -> Result<Vec<(u64, SurveyRow)>, Vec<ImportProblem>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut records = reader.records();
    let header = match records.next() {
        Some(Ok(h)) => h,
        _ => return Err(vec![problem(1, None, i18n.t(sv::CSV_EMPTY).into())]),
    };
    let fields: Vec<&str> = header.iter().collect();
    if let Err(e) = check_header(&fields) {
        return Err(vec![problem(1, None, errors::survey_header(i18n, &e))]);
    }
    let mut rows = Vec::new();
    let mut problems = Vec::new();
    for record in records {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map(|p| p.line()).unwrap_or_default();
                problems.push(problem(line, None, i18n.t(sv::CSV_UNREADABLE).into()));
                continue;
            }
        };
        let line = record.position().map(|p| p.line()).unwrap_or_default();
        if record.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let fields: Vec<&str> = record.iter().collect();
        match parse_survey_row(&fields, tz) {
            Ok(row) => rows.push((line, row)),
            Err(row_errors) => problems.extend(row_errors.iter().map(|e| {
                let (column, message) = errors::survey_row(i18n, e);
                problem(line, column, message)
            })),
        }
    }
    if rows.is_empty() && problems.is_empty() {
        problems.push(problem(1, None, i18n.t(sv::CSV_EMPTY).into()));
    }
    if problems.is_empty() {
        Ok(rows)
    } else {
        Err(problems)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    const JAKARTA: UtcOffset = match UtcOffset::from_hms(7, 0, 0) {
        Ok(o) => o,
        Err(_) => UtcOffset::UTC,
    };

    #[test]
    fn the_sample_file_reads_into_five_rows_with_their_lines() {
        let text = include_str!("../../../demo/skm_worked_example.csv");
        let rows = read_survey_file(text, JAKARTA, I18n { lang: Lang::En }).unwrap();
        assert_eq!(rows.len(), 5);
        assert_eq!(rows[0].0, 2);
        assert_eq!(rows[4].0, 6);
        assert_eq!(
            rows[1].1.suggestion.as_deref(),
            Some("Petugas sangat membantu")
        );
    }

    #[test]
    fn every_bad_row_is_reported_with_its_line_and_column() {
        let text = "submitted_at,unit_code,service_code,officer_nip,u1,u2,u3,u4,u5,u6,u7,u8,u9,gender,age,education,occupation,suggestion\n\
                    2026-03-02,DPMPTSP,SIUMK,,3,3,2,4,3,3,4,3,2,L,34,S1,Wirausaha,\n\
                    2026-03-02,DPMPTSP,SIUMK,,5,3,2,4,3,3,4,3,2,X,34,S1,Wirausaha,\n\
                    2026-03-02 10:00,DPMPTSP,SIUMK,,,,,,,,,,,L,34,S1,Wirausaha,\n";
        let problems = read_survey_file(text, JAKARTA, I18n { lang: Lang::Id }).unwrap_err();
        let at: Vec<(u64, Option<&str>)> = problems
            .iter()
            .map(|p| (p.line, p.column.as_deref()))
            .collect();
        assert_eq!(
            at,
            vec![
                (3, Some("u1")),
                (3, Some("gender")),
                (4, Some("submitted_at")),
                (4, None),
            ]
        );
        assert!(problems[0].message.contains("1, 2, 3 atau 4"));
    }

    #[test]
    fn a_wrong_header_is_one_problem_on_line_one() {
        let problems = read_survey_file(
            "date,unit\n2026-01-01,A\n",
            JAKARTA,
            I18n { lang: Lang::En },
        )
        .unwrap_err();
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].line, 1);
        assert!(
            problems[0].message.contains("submitted_at"),
            "{}",
            problems[0].message
        );
    }
}
