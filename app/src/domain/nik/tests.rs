use super::*;
use proptest::prelude::*;
use time::macros::date;

#[test]
fn a_valid_male_nik_parses() {
    let nik = Nik::parse("3171011505900003").unwrap();
    assert_eq!(nik.region_code(), "317101");
    assert_eq!(nik.gender(), Gender::Male);
    assert_eq!(
        nik.birth_date(date!(2026 - 11 - 24)),
        Some(date!(1990 - 05 - 15))
    );
    assert_eq!(nik.last4(), "0003");
}

#[test]
fn a_woman_has_forty_added_to_her_day_of_birth() {
    let nik = Nik::parse("1275015508950001").unwrap();
    assert_eq!(nik.gender(), Gender::Female);
    assert_eq!(
        nik.birth_date(date!(2026 - 11 - 24)),
        Some(date!(1995 - 08 - 15))
    );
}

#[test]
fn a_leap_day_is_a_valid_birth_date() {
    // 29 Feb 2000 (leap), woman: 29 + 40 = 69.
    assert!(Nik::parse("3171016902000001").is_ok());
    // 29 Feb 1901 and 2001 are both impossible.
    assert_eq!(
        Nik::parse("3171012902010001"),
        Err(NikError::InvalidBirthDate)
    );
}

#[test]
fn separators_people_type_are_accepted() {
    assert_eq!(
        Nik::parse(" 3171 0115 0590 0003 ").unwrap().as_str(),
        "3171011505900003"
    );
    assert_eq!(
        Nik::parse("3171.0115.0590.0003").unwrap().as_str(),
        "3171011505900003"
    );
}

#[test]
fn every_kind_of_bad_nik_has_its_own_error() {
    assert_eq!(Nik::parse("  "), Err(NikError::Empty));
    assert_eq!(Nik::parse("3171O11505900003"), Err(NikError::NotDigits));
    assert_eq!(
        Nik::parse("31710115059000"),
        Err(NikError::WrongLength { len: 14 })
    );
    assert_eq!(
        Nik::parse("9971011505900003"),
        Err(NikError::UnknownProvince)
    );
    assert_eq!(
        Nik::parse("3100011505900003"),
        Err(NikError::InvalidRegency)
    );
    assert_eq!(
        Nik::parse("3171001505900003"),
        Err(NikError::InvalidDistrict)
    );
    assert_eq!(
        Nik::parse("3171013205900003"),
        Err(NikError::InvalidBirthDate)
    );
    assert_eq!(
        Nik::parse("3171017205900003"),
        Err(NikError::InvalidBirthDate)
    );
    assert_eq!(
        Nik::parse("3171011513900003"),
        Err(NikError::InvalidBirthDate)
    );
    assert_eq!(
        Nik::parse("3171010005900003"),
        Err(NikError::InvalidBirthDate)
    );
    assert_eq!(Nik::parse("3171011505900000"), Err(NikError::ZeroSerial));
}

#[test]
fn the_nik_is_masked_and_never_debug_printed() {
    let nik = Nik::parse("1275011505900003").unwrap();
    assert_eq!(nik.masked(), "1275••••••••0003");
    assert!(!format!("{nik:?}").contains("1275011505900003"));
}

#[test]
fn the_century_is_the_latest_not_in_the_future() {
    let nik = Nik::parse("3171011505300003").unwrap();
    assert_eq!(
        nik.birth_date(date!(2026 - 11 - 24)),
        Some(date!(1930 - 05 - 15))
    );
    let young = Nik::parse("3171011505200003").unwrap();
    assert_eq!(
        young.birth_date(date!(2026 - 11 - 24)),
        Some(date!(2020 - 05 - 15))
    );
}

proptest! {
    #[test]
    fn any_input_parses_or_errs_without_panicking(s in "\\PC{0,40}") {
        let _ = Nik::parse(&s);
    }

    #[test]
    fn any_sixteen_digits_round_trip_when_they_parse(s in "[0-9]{16}") {
        if let Ok(nik) = Nik::parse(&s) {
            prop_assert_eq!(nik.as_str(), s.as_str());
            prop_assert_eq!(nik.masked().chars().count(), 16);
        }
    }
}

#[test]
fn there_are_thirty_eight_provinces() {
    assert_eq!(PROVINCES.len(), 38);
}
