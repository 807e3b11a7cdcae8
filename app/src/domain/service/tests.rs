use super::*;
use proptest::prelude::*;
use proptest::sample::select;

fn spec(kind: FieldKind, required: bool) -> FieldSpec {
    FieldSpec {
        field_id: 1,
        kind,
        choices: vec!["Toko".into(), "Warung".into()],
        required,
    }
}

#[test]
fn answers_are_checked_by_kind() {
    assert_eq!(
        check_answer(&spec(FieldKind::Text, true), "  Jl.  Merdeka 1 "),
        Ok("Jl. Merdeka 1".into())
    );
    assert_eq!(
        check_answer(&spec(FieldKind::Text, true), " "),
        Err(AnswerError::Missing)
    );
    assert_eq!(
        check_answer(&spec(FieldKind::Text, false), ""),
        Ok(String::new())
    );
    assert_eq!(
        check_answer(&spec(FieldKind::Number, true), "12,5"),
        Ok("12.5".into())
    );
    assert_eq!(
        check_answer(&spec(FieldKind::Number, true), "12 m2"),
        Err(AnswerError::NotANumber)
    );
    assert_eq!(
        check_answer(&spec(FieldKind::Number, true), "inf"),
        Err(AnswerError::NotANumber)
    );
    assert_eq!(
        check_answer(&spec(FieldKind::Date, true), "2026-02-29"),
        Err(AnswerError::NotADate)
    );
    assert_eq!(
        check_answer(&spec(FieldKind::Date, true), "2028-02-29"),
        Ok("2028-02-29".into())
    );
    assert_eq!(
        check_answer(&spec(FieldKind::Choice, true), "Warung"),
        Ok("Warung".into())
    );
    assert_eq!(
        check_answer(&spec(FieldKind::Choice, true), "Pabrik"),
        Err(AnswerError::NotAChoice)
    );
    assert_eq!(
        check_answer(&spec(FieldKind::Text, true), &"x".repeat(501)),
        Err(AnswerError::TooLong)
    );
}

#[test]
fn fees_read_like_rupiah() {
    assert_eq!(format_fee(0, "Gratis"), "Gratis");
    assert_eq!(format_fee(150_000, "Gratis"), "Rp 150.000");
    assert_eq!(format_fee(1_250_000, "Gratis"), "Rp 1.250.000");
    assert_eq!(format_fee(500, "Gratis"), "Rp 500");
}

#[test]
fn the_sample_service_rows_parse() {
    let r = parse_service("SIUMK", "DPMPTSP", "Izin Usaha Mikro Kecil", "3", "0").unwrap();
    assert_eq!((r.completion_days, r.fee_rupiah), (3, 0));
    let r = parse_service(
        "ktp-el",
        "disdukcapil",
        "Penerbitan KTP Elektronik",
        "1",
        "150.000",
    )
    .unwrap();
    assert_eq!((r.code.as_str(), r.fee_rupiah), ("KTP-EL", 150_000));
}

#[test]
fn every_problem_in_a_service_row_is_reported() {
    let errors = parse_service("", "bad code", "", "0", "-5").unwrap_err();
    let fields: Vec<_> = errors.iter().map(ServiceRowError::field).collect();
    assert_eq!(
        fields,
        ["code", "unit_code", "name", "completion_days", "fee"]
    );
}

/// Values that are near misses for some column.
const EDGE: &[&str] = &[
    "",
    " ",
    "0",
    "-1",
    "-0",
    "+3",
    "366",
    "365",
    "1",
    "3.5",
    "1,5",
    "٣",
    "1e3",
    "0x10",
    "99999999999999999999",
    "9223372036854775807",
    "9223372036854775808",
    "150.000",
    "Rp 150.000",
    "150.000,00",
    "1 000",
    ".",
    "\u{0}",
    "KTP EL",
    "É",
];

/// Anything: edge values, arbitrary text with control characters, huge repeats.
fn garbage() -> impl Strategy<Value = String> {
    prop_oneof![
        select(EDGE).prop_map(str::to_owned),
        "(?s).{0,24}",
        (any::<char>(), 0usize..3000).prop_map(|(c, n)| c.to_string().repeat(n)),
    ]
}

/// A fee as people type it: plain, or grouped by thousands with `.` or spaces.
fn typed_fee(rupiah: i64, sep: &str) -> String {
    let digits = rupiah.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push_str(sep);
        }
        out.push(c);
    }
    out
}

proptest! {
    #[test]
    fn any_service_row_is_parsed_or_refused_with_its_columns(
        code in prop_oneof![3 => "[A-Za-z0-9_-]{1,32}", 1 => garbage()],
        unit in prop_oneof![3 => "[A-Za-z0-9_-]{1,32}", 1 => garbage()],
        name in prop_oneof![3 => "[A-Za-z ]{1,40}", 1 => "[a ]{190,210}", 1 => garbage()],
        days in prop_oneof![3 => (0i64..400).prop_map(|d| d.to_string()), 1 => garbage()],
        fee in prop_oneof![
            3 => (0i64..10_000_000, select(vec!["", ".", " "])).prop_map(|(f, s)| typed_fee(f, s)),
            1 => garbage(),
        ],
    ) {
        let words: Vec<&str> = name.split_whitespace().collect();
        match parse_service(&code, &unit, &name, &days, &fee) {
            Ok(r) => {
                prop_assert_eq!(r.code.as_str(), code.trim().to_ascii_uppercase());
                prop_assert_eq!(r.unit_code.as_str(), unit.trim().to_ascii_uppercase());
                prop_assert!((1..=200).contains(&r.name.chars().count()));
                prop_assert_eq!(r.name.split(' ').collect::<Vec<_>>(), words);
                prop_assert!((1..=365).contains(&r.completion_days));
                prop_assert_eq!(days.trim().parse::<i128>(), Ok(i128::from(r.completion_days)));
                prop_assert!(r.fee_rupiah >= 0);
                // Only `.` and spaces are dropped from the fee, as thousands separators.
                let kept: String = fee.trim().chars().filter(|c| !matches!(c, '.' | ' ')).collect();
                prop_assert_eq!(kept.parse::<i128>(), Ok(i128::from(r.fee_rupiah)));
            }
            Err(errors) => {
                prop_assert!(!errors.is_empty());
                let fields: Vec<&str> = errors.iter().map(ServiceRowError::field).collect();
                let mut expected = Vec::new();
                if Code::parse(&code).is_err() {
                    expected.push("code");
                }
                if Code::parse(&unit).is_err() {
                    expected.push("unit_code");
                }
                let chars = words.iter().map(|w| w.chars().count()).sum::<usize>()
                    + words.len().saturating_sub(1);
                if words.is_empty() || chars > 200 {
                    expected.push("name");
                }
                if !days.trim().parse::<i128>().is_ok_and(|d| (1..=365).contains(&d)) {
                    expected.push("completion_days");
                }
                let kept: String = fee.trim().chars().filter(|c| !matches!(c, '.' | ' ')).collect();
                if !kept.parse::<i128>().is_ok_and(|f| (0..=i128::from(i64::MAX)).contains(&f)) {
                    expected.push("fee");
                }
                prop_assert_eq!(fields, expected);
            }
        }
    }

    #[test]
    fn a_valid_service_row_round_trips(
        code in "[a-zA-Z0-9_-]{1,32}",
        days in 1i64..=365,
        fee in 0i64..=i64::MAX,
        sep in select(vec!["", ".", " "]),
        pad in select(vec!["", " ", "\t"]),
    ) {
        let r = parse_service(
            &format!("{pad}{code}{pad}"),
            "DPMPTSP",
            "Izin Usaha",
            &format!("{pad}{days}{pad}"),
            &format!("{pad}{}{pad}", typed_fee(fee, sep)),
        )
        .unwrap();
        prop_assert_eq!(r.code.as_str(), code.to_ascii_uppercase());
        prop_assert_eq!((r.completion_days, r.fee_rupiah), (days, fee));
    }
}
