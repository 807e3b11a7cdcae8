use super::*;
use proptest::prelude::*;
use proptest::sample::select;
use time::macros::date;

#[test]
fn a_generated_number_parses_back_in_any_case_and_spacing() {
    let n = RegistrationNumber::generate(date!(2026 - 11 - 24), 0x1234_5678);
    assert!(n.as_str().starts_with("SGP-20261124-"));
    assert_eq!(n.as_str().len(), "SGP-20261124-XXXXXX".len());
    assert_eq!(
        RegistrationNumber::parse(&n.as_str().to_lowercase()),
        Ok(n.clone())
    );
    assert_eq!(
        RegistrationNumber::parse(&format!(" {} ", n.as_str().replace('-', " - "))),
        Ok(n)
    );
}

#[test]
fn malformed_numbers_are_refused() {
    for bad in [
        "",
        "SGP",
        "SGP-2026-ABCDEF",
        "XYZ-20261124-ABCDEF",
        "SGP-20261124-ABC",
        "SGP-20261124-ABCDU!",
    ] {
        assert_eq!(
            RegistrationNumber::parse(bad),
            Err(RegistrationError::Malformed),
            "{bad}"
        );
    }
}

#[test]
fn the_default_permit_pattern_renders_like_the_regional_practice() {
    let p = PermitNumberPattern::parse(DEFAULT_PERMIT_PATTERN).unwrap();
    let parts = PermitNumberParts {
        archive: "503",
        seq: 112,
        service: "SIPD",
        unit: "DPM-PTSP",
        year: 2026,
    };
    assert_eq!(p.render(&parts), "503/0112/SIPD/DPM-PTSP/2026");
}

#[test]
fn bad_patterns_are_refused() {
    assert_eq!(
        PermitNumberPattern::parse("{archive}/{year}"),
        Err(PatternError::MissingSequence)
    );
    assert_eq!(
        PermitNumberPattern::parse("{seq}/{owner}"),
        Err(PatternError::UnknownPlaceholder("owner".into()))
    );
    assert_eq!(
        PermitNumberPattern::parse("{seq/{year}"),
        Err(PatternError::Unbalanced)
    );
    assert_eq!(
        PermitNumberPattern::parse("seq}"),
        Err(PatternError::Unbalanced)
    );
    assert!(PermitNumberPattern::parse("IZIN-{seq:6}-{year}").is_ok());
}

proptest! {
    #[test]
    fn every_generated_number_parses(random in any::<u64>(), days in 0i64..20000) {
        let d = date!(2000 - 01 - 01) + time::Duration::days(days);
        let n = RegistrationNumber::generate(d, random);
        prop_assert_eq!(RegistrationNumber::parse(n.as_str()), Ok(n));
    }

    #[test]
    fn any_single_substitution_in_the_code_is_caught(random in any::<u64>(), pos in 0usize..6, sub in 0usize..32) {
        let n = RegistrationNumber::generate(date!(2026 - 11 - 24), random);
        let mut chars: Vec<u8> = n.as_str().bytes().collect();
        let i = 13 + pos;
        prop_assume!(ALPHABET[sub] != chars[i]);
        chars[i] = ALPHABET[sub];
        let typo = String::from_utf8(chars).unwrap();
        prop_assert!(RegistrationNumber::parse(&typo).is_err());
    }
}

/// The typed number with the normalisations `parse` promises: no white space, upper case,
/// and in the code part O read as 0, I and L read as 1.
fn normalised(input: &str) -> String {
    input
        .chars()
        .filter(|c| !c.is_whitespace())
        .enumerate()
        .map(|(i, c)| match c.to_ascii_uppercase() {
            'O' if i >= 13 => '0',
            'I' | 'L' if i >= 13 => '1',
            c => c,
        })
        .collect()
}

/// `SGP-YYYYMMDD-XXXXXC` with digits in the date and the alphabet in the code.
fn has_shape(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 19
        && s.starts_with("SGP-")
        && b[4..12].iter().all(u8::is_ascii_digit)
        && b[12] == b'-'
        && b[13..].iter().all(|c| ALPHABET.contains(c))
}

/// Typed numbers: noise, the right shape with any check, generated numbers with one edit.
fn typed_number() -> impl Strategy<Value = String> {
    let edited = (any::<u64>(), 0usize..20, any::<char>(), 0u8..3).prop_map(|(r, i, c, op)| {
        let n = RegistrationNumber::generate(date!(2026 - 11 - 24), r);
        let mut chars: Vec<char> = n.as_str().chars().collect();
        let i = i.min(chars.len() - 1);
        match op {
            0 => chars[i] = c,
            1 => chars.insert(i, c),
            _ => {
                chars.remove(i);
            }
        }
        chars.into_iter().collect()
    });
    prop_oneof![
        "(?s).{0,30}",
        "[sS][gG][pP] ?- ?[0-9]{8} ?- ?[0-9A-Za-z]{6}",
        "SGP-[0-9 ]{7,9}-[0-9A-Z]{5,7}",
        edited,
    ]
}

/// Every `{` closed by a `}` before the next brace.
fn balanced(pattern: &str) -> bool {
    let mut open = false;
    for c in pattern.chars() {
        match c {
            '{' if open => return false,
            '}' if !open => return false,
            '{' | '}' => open = !open,
            _ => {}
        }
    }
    !open
}

fn permit_pattern() -> impl Strategy<Value = String> {
    let piece = select(vec![
        "{archive}",
        "{seq}",
        "{seq:1}",
        "{seq:4}",
        "{seq:9}",
        "{seq:0}",
        "{seq:10}",
        "{seq:}",
        "{seq:x}",
        "{service}",
        "{unit}",
        "{year}",
        "{Year}",
        "{owner}",
        "{}",
        "{",
        "}",
        "{{seq}}",
        "/",
        "-",
        " ",
        "IZIN",
        "503",
        "é",
    ]);
    prop_oneof![
        3 => proptest::collection::vec(piece, 0..8).prop_map(|p| p.concat()),
        1 => "(?s).{0,30}",
        1 => "[{}a-z:0-9/ ]{0,20}",
    ]
}

proptest! {
    #[test]
    fn any_typed_number_is_read_canonically_or_refused_with_its_reason(input in typed_number()) {
        let typed = normalised(&input);
        match RegistrationNumber::parse(&input) {
            Ok(n) => {
                prop_assert_eq!(n.as_str(), typed.as_str());
                prop_assert!(has_shape(n.as_str()));
                prop_assert_eq!(RegistrationNumber::parse(n.as_str()), Ok(n.clone()));
            }
            Err(RegistrationError::BadCheck) => prop_assert!(has_shape(&typed)),
            Err(RegistrationError::Malformed) => prop_assert!(!has_shape(&typed)),
        }
        if has_shape(&typed) {
            // Exactly one check character fits the other eighteen.
            let fits = ALPHABET
                .iter()
                .filter(|c| {
                    let n = format!("{}{}", &typed[..18], **c as char);
                    RegistrationNumber::parse(&n).is_ok()
                })
                .count();
            prop_assert_eq!(fits, 1);
        }
    }

    #[test]
    fn any_permit_pattern_is_checked_and_renders_unique_numbers(
        pattern in permit_pattern(),
        seq in 0i64..1_000_000_000,
        step in 1i64..1_000_000,
    ) {
        let result = PermitNumberPattern::parse(&pattern);
        prop_assert_eq!(matches!(result, Err(PatternError::Unbalanced)), !balanced(&pattern));
        match result {
            Ok(p) => {
                prop_assert_eq!(p.as_str(), pattern.trim());
                // Only the documented placeholders, `{seq:N}` with N in 1..=9.
                for name in pattern.split('{').skip(1).map(|s| &s[..s.find('}').unwrap()]) {
                    let width = name.strip_prefix("seq:").map(str::parse::<u8>);
                    prop_assert!(
                        ["archive", "seq", "service", "unit", "year"].contains(&name)
                            || width.is_some_and(|w| w.is_ok_and(|w| (1..=9).contains(&w))),
                        "{}",
                        name
                    );
                }
                let render = |seq| {
                    p.render(&PermitNumberParts {
                        archive: "503",
                        seq,
                        service: "SIPD",
                        unit: "DPM-PTSP",
                        year: 2026,
                    })
                };
                let (a, b) = (render(seq), render(seq + step));
                // Every placeholder was replaced, and the sequence keeps numbers apart.
                prop_assert!(!a.contains(['{', '}']), "{}", a);
                prop_assert_ne!(a, b);
            }
            Err(PatternError::UnknownPlaceholder(name)) => {
                let placeholder = format!("{{{name}}}");
                prop_assert!(pattern.contains(&placeholder));
                let known = ["archive", "seq", "service", "unit", "year"];
                prop_assert!(!known.contains(&name.as_str()));
            }
            Err(PatternError::MissingSequence) => {
                let seq = std::iter::once("{seq}".to_owned())
                    .chain((1..=9).map(|w| format!("{{seq:{w}}}")));
                for placeholder in seq {
                    prop_assert!(!pattern.contains(&placeholder), "{}", placeholder);
                }
            }
            Err(PatternError::Unbalanced) => {}
        }
    }
}
