use super::*;
use proptest::prelude::*;
use proptest::sample::select;
use std::collections::HashMap;

fn parse(fields: &[(&str, &str)]) -> Result<SurveyAnswers, Vec<(String, SurveyFieldError)>> {
    let map: HashMap<String, String> = fields
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    let leaked: &'static HashMap<String, String> = Box::leak(Box::new(map));
    parse_survey_form(|name| leaked.get(name).map(String::as_str).unwrap_or(""))
}

#[test]
fn one_answered_unsur_is_enough_and_the_rest_stay_unanswered() {
    let a = parse(&[("u6", "4")]).unwrap();
    assert_eq!(a.answers.get(Unsur::U6).map(Score::get), Some(4));
    assert_eq!(a.answers.get(Unsur::U1), None);
    assert_eq!((a.gender, a.age, a.suggestion), (None, None, None));
}

#[test]
fn an_empty_form_is_refused_on_the_first_question() {
    assert_eq!(
        parse(&[]).unwrap_err(),
        vec![("u1".to_owned(), SurveyFieldError::NothingAnswered)]
    );
}

#[test]
fn tampered_answers_and_bad_profile_values_get_one_error_each() {
    let errors = parse(&[("u1", "5"), ("u2", "3"), ("age", "9"), ("gender", "X")]).unwrap_err();
    let fields: Vec<&str> = errors.iter().map(|(f, _)| f.as_str()).collect();
    assert_eq!(fields, ["u1", "gender", "age"]);
}

#[test]
fn the_full_form_parses_with_its_profile() {
    let a = parse(&[
        ("u1", "3"),
        ("u2", "3"),
        ("u3", "2"),
        ("u4", "4"),
        ("u5", "3"),
        ("u6", "3"),
        ("u7", "4"),
        ("u8", "3"),
        ("u9", "2"),
        ("gender", "P"),
        ("age", "41"),
        ("education", "SMA"),
        ("occupation", "Swasta"),
        ("suggestion", "  Antrean panjang  "),
    ])
    .unwrap();
    assert_eq!(a.answers.answered().count(), 9);
    assert_eq!(a.gender, Some(Gender::Female));
    assert_eq!(a.suggestion.as_deref(), Some("Antrean panjang"));
    assert_eq!(needs_follow_up(&a), (true, true));
}

#[test]
fn a_suggestion_over_the_limit_is_refused() {
    let long = "a".repeat(SUGGESTION_MAX_CHARS + 1);
    let errors = parse(&[("u1", "4"), ("suggestion", long.as_str())]).unwrap_err();
    assert_eq!(
        errors,
        vec![("suggestion".to_owned(), SurveyFieldError::SuggestionTooLong)]
    );
}

#[test]
fn only_low_scores_or_suggestions_need_follow_up() {
    let good = parse(&[("u1", "3"), ("u7", "4")]).unwrap();
    assert_eq!(needs_follow_up(&good), (false, false));
}

/// The field names the parser reads, in the order it reports errors.
const FIELDS: [&str; 14] = [
    "u1",
    "u2",
    "u3",
    "u4",
    "u5",
    "u6",
    "u7",
    "u8",
    "u9",
    "gender",
    "age",
    "education",
    "occupation",
    "suggestion",
];

/// Values that are near misses for some field.
const EDGE: &[&str] = &[
    "-1",
    "0",
    "5",
    "04",
    "+3",
    "3.0",
    "1 2",
    "٣",
    "99999999999999999999",
    "\u{0}4",
    " \n",
    "L",
    "p",
    "Laki-laki",
    "X",
    "sma",
    "D3",
    "S4",
    "Wiraswasta",
    "TNI ",
    "14",
    "15",
    "100",
    "101",
    "256",
    "-15",
];

/// Surrounding spaces the parser must ignore (U+3000 is Unicode white space too).
fn pad() -> impl Strategy<Value = &'static str> {
    select(vec!["", " ", "\t", " \n ", "\u{3000}"])
}

fn padded(s: impl Strategy<Value = String>) -> impl Strategy<Value = String> {
    (pad(), s, pad()).prop_map(|(a, s, b)| format!("{a}{s}{b}"))
}

/// Anything: edge values, arbitrary text with control characters, huge repeats.
fn garbage() -> impl Strategy<Value = String> {
    prop_oneof![
        select(EDGE).prop_map(str::to_owned),
        "(?s).{0,24}",
        (any::<char>(), 0usize..5000).prop_map(|(c, n)| c.to_string().repeat(n)),
    ]
}

/// A code of a profile enum in random ASCII case.
fn coded(codes: Vec<&'static str>) -> impl Strategy<Value = String> {
    (select(codes), any::<bool>()).prop_map(|(c, lower)| {
        if lower {
            c.to_lowercase()
        } else {
            c.to_owned()
        }
    })
}

fn field(valid: impl Strategy<Value = String>) -> impl Strategy<Value = String> {
    prop_oneof![2 => Just(String::new()), 6 => padded(valid), 1 => garbage()]
}

/// A suggestion around the length limit, or free text.
fn suggestion() -> impl Strategy<Value = String> {
    let m = SUGGESTION_MAX_CHARS;
    prop_oneof![
        "\\PC{0,60}",
        (select(vec!['a', 'é', '漢', '\u{1}']), m - 2..=m + 2)
            .prop_map(|(c, n)| c.to_string().repeat(n)),
    ]
}

fn form() -> impl Strategy<Value = Vec<String>> {
    (
        proptest::collection::vec(field((1u8..=4).prop_map(|n| n.to_string())), 9),
        field(coded(Gender::ALL.iter().map(|g| g.code()).collect())),
        field((Age::MIN..=Age::MAX).prop_map(|n| n.to_string())),
        field(coded(Education::ALL.iter().map(|e| e.code()).collect())),
        field(coded(Occupation::ALL.iter().map(|o| o.code()).collect())),
        field(suggestion()),
    )
        .prop_map(|(mut v, g, a, e, o, s)| {
            v.extend([g, a, e, o, s]);
            v
        })
}

/// An independent reading of a score: ASCII digits worth 1 to 4; `Ok(None)` when blank.
fn score_oracle(raw: &str) -> Result<Option<u8>, ()> {
    let t = raw.trim();
    if t.is_empty() {
        return Ok(None);
    }
    if !t.bytes().all(|b| b.is_ascii_digit()) {
        return Err(());
    }
    match t.trim_start_matches('0') {
        "1" => Ok(Some(1)),
        "2" => Ok(Some(2)),
        "3" => Ok(Some(3)),
        "4" => Ok(Some(4)),
        _ => Err(()),
    }
}

/// The errors the form should get, field by field, in the parser's order.
fn expected_errors(v: &[String]) -> Vec<(String, SurveyFieldError)> {
    let mut errs = Vec::new();
    let scores: Vec<_> = v[..9].iter().map(|s| score_oracle(s)).collect();
    for (name, s) in FIELDS.iter().zip(&scores) {
        if s.is_err() {
            errs.push((name.to_string(), SurveyFieldError::NotAnAnswer));
        }
    }
    if scores.iter().all(|s| *s == Ok(None)) {
        errs.push(("u1".into(), SurveyFieldError::NothingAnswered));
    }
    let profile = [
        Gender::parse(&v[9]).err(),
        Age::parse(&v[10]).err(),
        Education::parse(&v[11]).err(),
        Occupation::parse(&v[12]).err(),
    ];
    for ((name, raw), e) in FIELDS[9..13].iter().zip(&v[9..13]).zip(profile) {
        if let (false, Some(e)) = (raw.trim().is_empty(), e) {
            errs.push((name.to_string(), SurveyFieldError::Profile(e)));
        }
    }
    if v[13].trim().chars().count() > SUGGESTION_MAX_CHARS {
        errs.push(("suggestion".into(), SurveyFieldError::SuggestionTooLong));
    }
    errs
}

fn parse_values(v: &[String]) -> Result<SurveyAnswers, Vec<(String, SurveyFieldError)>> {
    parse_survey_form(|name| {
        FIELDS
            .iter()
            .position(|f| *f == name)
            .map_or("", |i| v[i].as_str())
    })
}

proptest! {
    #[test]
    fn any_form_is_parsed_or_refused_field_by_field(v in form()) {
        let expected = expected_errors(&v);
        match parse_values(&v) {
            Ok(a) => {
                prop_assert!(expected.is_empty(), "accepted despite {:?}", expected);
                for (u, raw) in Unsur::ALL.into_iter().zip(&v) {
                    let got = a.answers.get(u).map(Score::get);
                    prop_assert!(got.is_none_or(|s| (1..=4).contains(&s)));
                    prop_assert_eq!(Ok(got), score_oracle(raw));
                }
                prop_assert_eq!(a.gender, Gender::parse(&v[9]).ok());
                prop_assert_eq!(a.age, Age::parse(&v[10]).ok());
                prop_assert_eq!(a.education, Education::parse(&v[11]).ok());
                prop_assert_eq!(a.occupation, Occupation::parse(&v[12]).ok());
                let s = v[13].trim();
                prop_assert_eq!(a.suggestion.as_deref(), Some(s).filter(|s| !s.is_empty()));
                prop_assert!(s.chars().count() <= SUGGESTION_MAX_CHARS);
            }
            // Exact equality: only real field names, each at most once.
            Err(errors) => {
                prop_assert!(!errors.is_empty());
                prop_assert_eq!(errors, expected);
            }
        }
    }

    #[test]
    fn a_valid_form_round_trips(
        scores in proptest::collection::vec(proptest::option::of(1u8..=4), 9)
            .prop_filter("at least one answer", |s| s.iter().any(Option::is_some)),
        gender in proptest::option::of(select(Gender::ALL)),
        age in proptest::option::of(Age::MIN..=Age::MAX),
        education in proptest::option::of(select(Education::ALL)),
        occupation in proptest::option::of(select(Occupation::ALL)),
        suggestion in "\\PC{0,60}",
        pads in proptest::collection::vec(pad(), 14),
    ) {
        let text = [
            gender.map(|g| g.code().to_lowercase()),
            age.map(|a| a.to_string()),
            education.map(|e| e.code().to_owned()),
            occupation.map(|o| o.code().to_uppercase()),
            Some(suggestion.clone()),
        ];
        let v: Vec<String> = scores
            .iter()
            .map(|s| s.map(|s| s.to_string()))
            .chain(text)
            .zip(&pads)
            .map(|(s, p)| format!("{p}{}{p}", s.unwrap_or_default()))
            .collect();
        let a = parse_values(&v).unwrap();
        for (u, s) in Unsur::ALL.into_iter().zip(&scores) {
            prop_assert_eq!(a.answers.get(u).map(Score::get), *s);
        }
        prop_assert_eq!(a.gender, gender);
        prop_assert_eq!(a.age.map(Age::get), age);
        prop_assert_eq!(a.education, education);
        prop_assert_eq!(a.occupation, occupation);
        let s = suggestion.trim();
        prop_assert_eq!(a.suggestion.as_deref(), Some(s).filter(|s| !s.is_empty()));
    }
}
