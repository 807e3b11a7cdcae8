use super::*;
use proptest::prelude::*;

#[test]
fn spellings_of_the_sample_csv() {
    assert_eq!(Gender::parse("L"), Ok(Gender::Male));
    assert_eq!(Gender::parse("p"), Ok(Gender::Female));
    assert_eq!(Education::parse("S1"), Ok(Education::S1));
    assert_eq!(Education::parse("SMA"), Ok(Education::Sma));
    assert_eq!(Education::parse("S2"), Ok(Education::S2));
    assert_eq!(Education::parse("D1-D3"), Ok(Education::Diploma));
    assert_eq!(Education::parse("d3"), Ok(Education::Diploma));
    assert_eq!(Occupation::parse("Wirausaha"), Ok(Occupation::Wirausaha));
    assert_eq!(Occupation::parse("SWASTA"), Ok(Occupation::Swasta));
    assert_eq!(Occupation::parse(" lainnya "), Ok(Occupation::Lainnya));
    assert_eq!(Occupation::parse("PNS"), Ok(Occupation::Pns));
    assert_eq!(Occupation::parse("Polri"), Ok(Occupation::Polri));
    assert_eq!(Age::parse("34").map(Age::get), Ok(34));
}

#[test]
fn unknown_values() {
    assert_eq!(Gender::parse("X"), Err(ProfileError::UnknownGender));
    assert_eq!(Gender::parse(""), Err(ProfileError::UnknownGender));
    assert_eq!(Education::parse("D5"), Err(ProfileError::UnknownEducation));
    assert_eq!(
        Occupation::parse("Petani"),
        Err(ProfileError::UnknownOccupation)
    );
    assert_eq!(Age::parse("14"), Err(ProfileError::AgeOutOfRange));
    assert_eq!(Age::parse("101"), Err(ProfileError::AgeOutOfRange));
    assert_eq!(Age::parse("300"), Err(ProfileError::AgeOutOfRange));
    for bad in ["", "3x", "-5", "34.5", "+34"] {
        assert_eq!(Age::parse(bad), Err(ProfileError::AgeNotANumber), "{bad}");
    }
    assert!(Age::try_from(Age::MIN).is_ok() && Age::try_from(Age::MAX).is_ok());
}

#[test]
fn codes_round_trip() {
    for g in Gender::ALL {
        assert_eq!(Gender::parse(g.code()), Ok(*g));
        assert_eq!(g.to_string().parse::<Gender>(), Ok(*g));
    }
    for e in Education::ALL {
        assert_eq!(Education::parse(e.code()), Ok(*e));
        assert_eq!(e.to_string().parse::<Education>(), Ok(*e));
    }
    for o in Occupation::ALL {
        assert_eq!(Occupation::parse(o.code()), Ok(*o));
        assert_eq!(o.to_string().parse::<Occupation>(), Ok(*o));
    }
    assert_eq!(Education::Diploma.code(), "D1-D3");
    assert_eq!(Gender::Female.label_id(), "Perempuan");
    assert_eq!(Occupation::Wirausaha.label_en(), "Self-employed");
}

proptest! {
    #[test]
    fn age_parse_matches_range(n in 0u32..1000) {
        let parsed = Age::parse(&n.to_string());
        prop_assert_eq!(parsed.is_ok(), (15..=100).contains(&n));
    }
}
