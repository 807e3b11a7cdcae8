//! Paper and counter answers typed into a survey CSV file (`sigap survey import`, or the admin
//! upload): every row checked first — format, unit, service of that unit, officer of that unit —
//! then all stored in one transaction, or none. Importing the same file again changes nothing:
//! each row is stored under a key made of its content and how many identical rows came before
//! it in the file, so two identical sheets in one file stay two answers.

use crate::api::admin::{ImportProblem, ImportReport};
use crate::domain::skm::Unsur;
use crate::domain::survey_csv::SurveyRow;
use crate::domain::survey_form::{needs_follow_up, SurveyAnswers};
use crate::i18n::{admin as ad, survey as sv, I18n};
use crate::server::applications::day_text;
use crate::server::audit::{self, Actor};
use crate::server::csv_import::{problem, ImportError};
use crate::server::{db::now_millis, db::Db, keys};
use std::collections::HashMap;

fn row_key(row: &SurveyRow, occurrence: u32) -> String {
    let scores: String = Unsur::ALL
        .into_iter()
        .map(|u| {
            row.answers
                .get(u)
                .map_or('-', |s| char::from(b'0' + s.get()))
        })
        .collect();
    let text = format!(
        "{}|{}|{}|{}|{scores}|{:?}|{:?}|{:?}|{:?}|{}|#{occurrence}",
        row.submitted_at.unix_timestamp(),
        row.unit_code.as_str(),
        row.service_code.as_str(),
        row.officer_nip.as_deref().unwrap_or(""),
        row.gender.map(|g| g.code()),
        row.age.map(|a| a.get()),
        row.education.map(|e| e.code()),
        row.occupation.map(|o| o.code()),
        row.suggestion.as_deref().unwrap_or(""),
    );
    format!("paper:{}", keys::token_hash(&text))
}

/// Imports a survey CSV file as paper answers. `tz` is the instance's offset.
pub async fn import_paper(
    db: &Db,
    actor: &Actor,
    text: &str,
    tz: time::UtcOffset,
    i18n: I18n,
) -> Result<ImportReport, ImportError> {
    let rows = crate::server::survey_file::read_survey_file(text, tz, i18n)
        .map_err(ImportError::Invalid)?;
    let mut tx = db.begin().await?;
    let units: HashMap<String, i64> =
        sqlx::query_as::<_, (String, i64)>("SELECT code, unit_id FROM unit")
            .fetch_all(&mut *tx)
            .await?
            .into_iter()
            .collect();
    let services: HashMap<String, (i64, i64)> = sqlx::query_as::<_, (String, i64, i64)>(
        "SELECT code, service_type_id, unit_id FROM service_type",
    )
    .fetch_all(&mut *tx)
    .await?
    .into_iter()
    .map(|(c, s, u)| (c, (s, u)))
    .collect();
    let officers: HashMap<String, (i64, Option<i64>)> =
        sqlx::query_as::<_, (String, i64, Option<i64>)>(
            "SELECT nip, account_id, unit_id FROM staff",
        )
        .fetch_all(&mut *tx)
        .await?
        .into_iter()
        .map(|(n, a, u)| (n, (a, u)))
        .collect();
    let mut problems: Vec<ImportProblem> = Vec::new();
    let mut resolved = Vec::with_capacity(rows.len());
    for (line, row) in &rows {
        let unit = units.get(row.unit_code.as_str()).copied();
        if unit.is_none() {
            problems.push(problem(
                *line,
                Some("unit_code"),
                i18n.t(ad::UNIT_UNKNOWN).into(),
            ));
        }
        let service = services.get(row.service_code.as_str()).copied();
        match (service, unit) {
            (None, _) => problems.push(problem(
                *line,
                Some("service_code"),
                i18n.t(sv::CSV_SERVICE_UNKNOWN).into(),
            )),
            (Some((_, of_unit)), Some(unit)) if of_unit != unit => problems.push(problem(
                *line,
                Some("service_code"),
                i18n.t(sv::CSV_SERVICE_OTHER_UNIT).into(),
            )),
            _ => {}
        }
        let officer = match row.officer_nip.as_deref() {
            None => None,
            Some(nip) => match officers.get(nip) {
                Some((account, of_unit)) if *of_unit == unit && unit.is_some() => Some(*account),
                Some(_) => {
                    problems.push(problem(
                        *line,
                        Some("officer_nip"),
                        i18n.t(sv::CSV_OFFICER_OTHER_UNIT).into(),
                    ));
                    None
                }
                None => {
                    problems.push(problem(
                        *line,
                        Some("officer_nip"),
                        i18n.t(sv::CSV_OFFICER_UNKNOWN).into(),
                    ));
                    None
                }
            },
        };
        if let (Some(unit), Some((service, _))) = (unit, service) {
            resolved.push((row, unit, service, officer));
        }
    }
    if !problems.is_empty() {
        tx.rollback().await?;
        problems.sort_by_key(|p| p.line);
        return Err(ImportError::Invalid(problems));
    }
    let mut report = ImportReport::default();
    let mut occurrences: HashMap<String, u32> = HashMap::new();
    let now = now_millis();
    for (row, unit, service, officer) in resolved {
        let base = row_key(row, 0);
        let occurrence = occurrences.entry(base).or_default();
        let key = row_key(row, *occurrence);
        *occurrence += 1;
        let score = |u: Unsur| row.answers.get(u).map(|s| i64::from(s.get()));
        let id: Option<i64> = sqlx::query_scalar(
            "INSERT INTO survey_response (unit_id, service_type_id, channel, service_date, submitted_at,
                 u1, u2, u3, u4, u5, u6, u7, u8, u9, gender, age, education, occupation, suggestion, import_key)
             VALUES ($1, $2, 'paper', $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)
             ON CONFLICT (import_key) DO NOTHING RETURNING response_id",
        )
        .bind(unit)
        .bind(service)
        .bind(day_text(row.service_date))
        .bind(i64::try_from(row.submitted_at.unix_timestamp_nanos() / 1_000_000).unwrap_or(now))
        .bind(score(Unsur::U1))
        .bind(score(Unsur::U2))
        .bind(score(Unsur::U3))
        .bind(score(Unsur::U4))
        .bind(score(Unsur::U5))
        .bind(score(Unsur::U6))
        .bind(score(Unsur::U7))
        .bind(score(Unsur::U8))
        .bind(score(Unsur::U9))
        .bind(row.gender.map(|g| g.code()))
        .bind(row.age.map(|a| i64::from(a.get())))
        .bind(row.education.map(|e| e.code()))
        .bind(row.occupation.map(|o| o.code()))
        .bind(row.suggestion.as_deref())
        .bind(&key)
        .fetch_optional(&mut *tx)
        .await?;
        let Some(response_id) = id else {
            report.unchanged += 1;
            continue;
        };
        if let Some(officer) = officer {
            sqlx::query("INSERT INTO survey_response_credit (response_id, officer_account_id) VALUES ($1, $2)")
                .bind(response_id)
                .bind(officer)
                .execute(&mut *tx)
                .await?;
            crate::server::scoring::rollup::credit_response(&mut tx, response_id).await?;
        }
        let as_answers = SurveyAnswers {
            answers: row.answers,
            gender: row.gender,
            age: row.age,
            education: row.education,
            occupation: row.occupation,
            suggestion: row.suggestion.clone(),
        };
        super::followup::open_if_needed(
            &mut tx,
            response_id,
            unit,
            needs_follow_up(&as_answers),
            now,
        )
        .await?;
        report.created += 1;
    }
    audit::record(
        &mut tx,
        actor,
        "survey.paper_import",
        None,
        Some(&format!(
            "created={} unchanged={}",
            report.created, report.unchanged
        )),
    )
    .await?;
    tx.commit().await?;
    Ok(report)
}
