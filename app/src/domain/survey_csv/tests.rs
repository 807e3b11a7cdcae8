use super::super::skm::{compute_index, Mutu};
use super::*;
use proptest::prelude::*;
use time::macros::{date, datetime, offset};

const SAMPLE: &str = include_str!("../../../../demo/skm_worked_example.csv");
const WIB: UtcOffset = offset!(+7);

fn split(line: &str) -> Vec<&str> {
    line.split(',').collect()
}

fn sample_rows() -> Vec<SurveyRow> {
    SAMPLE
        .lines()
        .skip(1)
        .map(|l| parse_survey_row(&split(l), WIB).unwrap())
        .collect()
}

/// A valid row to break one cell at a time.
fn good() -> Vec<&'static str> {
    split("2026-03-02,DPMPTSP,SIUMK,199001152015032001,3,3,2,4,3,3,4,3,2,L,34,S1,Wirausaha,")
}

fn errors(fields: &[&str]) -> Vec<RowError> {
    parse_survey_row(fields, WIB).unwrap_err()
}

fn field(column: Column, reason: FieldError) -> RowError {
    RowError::Field { column, reason }
}

#[test]
fn sample_file_parses_and_gives_the_worked_example() {
    let header = split(SAMPLE.lines().next().unwrap());
    assert_eq!(check_header(&header), Ok(()));
    let rows = sample_rows();
    assert_eq!(rows.len(), 5); // REFERENCE §3.3 has five responses
    let answers: Vec<Answers> = rows.iter().map(|r| r.answers).collect();
    let r = compute_index(&answers).unwrap();
    assert_eq!((r.ikm_konversi_e2(), r.mutu()), (7889, Mutu::B));
}

#[test]
fn sample_rows_in_detail() {
    let rows = sample_rows();
    let first = &rows[0];
    // A date-only cell is local midnight: 2026-03-02 00:00 WIB = 2026-03-01 17:00 UTC.
    assert_eq!(first.submitted_at, datetime!(2026-03-01 17:00 UTC));
    assert_eq!(first.submitted_at.offset(), UtcOffset::UTC);
    assert_eq!(first.service_date, date!(2026 - 03 - 02));
    assert_eq!(first.unit_code.as_str(), "DPMPTSP");
    assert_eq!(first.service_code.as_str(), "SIUMK");
    assert_eq!(first.officer_nip.as_deref(), Some("199001152015032001"));
    assert_eq!(first.answers.get(Unsur::U4).map(Score::get), Some(4));
    assert_eq!(first.gender, Some(Gender::Male));
    assert_eq!(first.age.map(Age::get), Some(34));
    assert_eq!(first.education, Some(Education::S1));
    assert_eq!(first.occupation, Some(Occupation::Wirausaha));
    assert_eq!(first.suggestion, None);
    assert_eq!(
        rows[1].suggestion.as_deref(),
        Some("Petugas sangat membantu")
    );
    assert_eq!(rows[2].officer_nip, None);
    assert_eq!(rows[2].occupation, Some(Occupation::Lainnya));
    assert_eq!(rows[3].submitted_at, datetime!(2026-03-05 03:15 UTC));
    assert_eq!(rows[3].service_date, date!(2026 - 03 - 05));
    assert_eq!(rows[3].occupation, Some(Occupation::Pns));
    assert_eq!(rows[4].education, Some(Education::Diploma));
}

#[test]
fn service_date_is_local() {
    let mut f = good();
    f[0] = "2026-03-05T20:00:00Z";
    let row = parse_survey_row(&f, WIB).unwrap();
    assert_eq!(row.service_date, date!(2026 - 03 - 06));
    assert_eq!(
        parse_survey_row(&f, UtcOffset::UTC).unwrap().service_date,
        date!(2026 - 03 - 05)
    );
    f[0] = "2026-03-05 10:15:00+07:00"; // RFC 3339 allows a space separator
    assert_eq!(
        parse_survey_row(&f, WIB).unwrap().submitted_at,
        datetime!(2026-03-05 03:15 UTC)
    );
}

#[test]
fn cells_are_trimmed_and_codes_normalised() {
    let mut f = good();
    f[1] = " dpmptsp ";
    f[4] = " 3 ";
    f[17] = "  Terima kasih  ";
    let row = parse_survey_row(&f, WIB).unwrap();
    assert_eq!(row.unit_code.as_str(), "DPMPTSP");
    assert_eq!(row.suggestion.as_deref(), Some("Terima kasih"));
}

#[test]
fn unanswered_unsur_are_none() {
    let mut f = good();
    f[12] = ""; // u9
    f[5] = " "; // u2
    let row = parse_survey_row(&f, WIB).unwrap();
    assert_eq!(row.answers.get(Unsur::U9), None);
    assert_eq!(row.answers.get(Unsur::U2), None);
    assert_eq!(row.answers.answered().count(), 7);
}

#[test]
fn every_problem_is_reported() {
    let long = "x".repeat(SUGGESTION_MAX_CHARS + 1);
    let f = [
        "2026-02-30",
        "",
        "si umk",
        "12345",
        "0",
        "x",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "X",
        "14",
        "D5",
        "Petani",
        &long,
    ];
    assert_eq!(
        errors(&f),
        [
            field(Column::SubmittedAt, FieldError::InvalidTimestamp),
            field(Column::UnitCode, FieldError::Missing),
            field(
                Column::ServiceCode,
                FieldError::Code(CodeError::InvalidChar)
            ),
            field(Column::OfficerNip, FieldError::InvalidNip),
            field(
                Column::Answer(Unsur::U1),
                FieldError::Score(ScoreError::OutOfRange)
            ),
            field(
                Column::Answer(Unsur::U2),
                FieldError::Score(ScoreError::NotANumber)
            ),
            field(
                Column::Gender,
                FieldError::Profile(ProfileError::UnknownGender)
            ),
            field(
                Column::Age,
                FieldError::Profile(ProfileError::AgeOutOfRange)
            ),
            field(
                Column::Education,
                FieldError::Profile(ProfileError::UnknownEducation)
            ),
            field(
                Column::Occupation,
                FieldError::Profile(ProfileError::UnknownOccupation)
            ),
            field(Column::Suggestion, FieldError::TooLong),
        ]
    );
}

#[test]
fn row_level_problems() {
    assert_eq!(errors(&good()[..17]), [RowError::FieldCount { found: 17 }]);
    assert_eq!(errors(&[]), [RowError::FieldCount { found: 0 }]);
    let mut f = good();
    for cell in &mut f[4..13] {
        *cell = "";
    }
    assert_eq!(errors(&f), [RowError::NoUnsurAnswered]);
    f[0] = "";
    assert_eq!(
        errors(&f),
        [
            field(Column::SubmittedAt, FieldError::Missing),
            RowError::NoUnsurAnswered
        ]
    );
}

#[test]
fn timestamps() {
    let at = |s: &'static str| {
        let mut f = good();
        f[0] = s;
        parse_survey_row(&f, WIB).map(|r| r.submitted_at)
    };
    let err = |reason| Err(vec![field(Column::SubmittedAt, reason)]);
    assert_eq!(
        at("2026-03-05T10:15:00"),
        err(FieldError::TimestampWithoutOffset)
    );
    assert_eq!(
        at("2026-03-05 10:15:00"),
        err(FieldError::TimestampWithoutOffset)
    );
    assert_eq!(at("05/03/2026"), err(FieldError::InvalidTimestamp));
    assert_eq!(at("2026-3-5"), err(FieldError::InvalidTimestamp));
    assert_eq!(
        at("2026-03-05T25:00:00+07:00"),
        err(FieldError::InvalidTimestamp)
    );
    assert_eq!(at("1800-01-01"), err(FieldError::YearOutOfRange));
    assert_eq!(at("9999-12-31T23:00:00Z"), err(FieldError::YearOutOfRange));
    assert_eq!(
        at("2026-03-05T10:15:00.5+08:00"),
        Ok(datetime!(2026-03-05 02:15:00.5 UTC))
    );
}

#[test]
fn suggestion_limit_counts_characters() {
    let at_limit = "é".repeat(SUGGESTION_MAX_CHARS);
    let mut f = good();
    f[17] = &at_limit;
    assert!(parse_survey_row(&f, WIB).is_ok());
}

#[test]
fn header_checks() {
    let mut h = SURVEY_CSV_HEADER.to_vec();
    assert_eq!(check_header(&h), Ok(()));
    h[0] = "\u{feff}Submitted_At ";
    assert_eq!(check_header(&h), Ok(()));
    h.swap(11, 12);
    assert_eq!(
        check_header(&h),
        Err(HeaderError::UnexpectedColumn {
            expected: Column::Answer(Unsur::U8),
            found: "u9".into()
        })
    );
    assert_eq!(
        check_header(&SURVEY_CSV_HEADER[..17]),
        Err(HeaderError::ColumnCount { found: 17 })
    );
    let mut longer = SURVEY_CSV_HEADER.to_vec();
    longer.push("extra");
    assert_eq!(
        check_header(&longer),
        Err(HeaderError::ColumnCount { found: 19 })
    );
    for (c, name) in Column::ALL.iter().zip(SURVEY_CSV_HEADER) {
        assert_eq!(c.name(), name);
    }
}

proptest! {
    #[test]
    fn never_panics_and_reports_something(
        cells in proptest::collection::vec("[ -~é]{0,24}", 18)
    ) {
        let refs: Vec<&str> = cells.iter().map(String::as_str).collect();
        if let Err(e) = parse_survey_row(&refs, WIB) {
            prop_assert!(!e.is_empty());
        }
    }

    #[test]
    fn any_valid_scores_parse(scores in proptest::array::uniform9(1u8..=4)) {
        let text: Vec<String> = scores.iter().map(u8::to_string).collect();
        let mut f = good();
        for (cell, t) in f[4..13].iter_mut().zip(&text) {
            *cell = t;
        }
        let row = parse_survey_row(&f, WIB).unwrap();
        for (u, s) in Unsur::ALL.iter().zip(scores) {
            prop_assert_eq!(row.answers.get(*u).map(Score::get), Some(s));
        }
    }
}
