//! Refusals, parameters, rates, labels and rounding (REFERENCE §4.1).

use super::*;

#[test]
fn inconsistent_credits_are_errors() {
    let conflict = [resp(1, Some(4), Some(4)), resp(1, Some(3), Some(4))];
    assert_eq!(
        unit_mean(&conflict),
        Err(ScoringError::ConflictingResponse { response_id: 1 })
    );
    let twice = [resp(7, Some(4), Some(4)), resp(7, Some(4), Some(4))];
    assert_eq!(
        score_officer(&twice, 2, None, &ScoringParams::default()),
        Err(ScoringError::DuplicateResponse { response_id: 7 })
    );
    let officer = many(1, 20, 3, 3);
    assert_eq!(
        score_officer(&officer, 20, None, &ScoringParams::default()),
        Err(ScoringError::MissingUnitMean)
    );
    let small_unit = unit_mean(&officer[..5]).unwrap();
    assert_eq!(
        score_officer(&officer, 20, small_unit, &ScoringParams::default()),
        Err(ScoringError::InconsistentUnitMean {
            officer_n: 20,
            unit_responses: 5
        })
    );
    // Below the gate no unit mean is needed.
    assert!(score_officer(&officer[..3], 3, None, &ScoringParams::default()).is_ok());
    assert_eq!(unit_mean(&[resp(1, None, None)]), Ok(None));
}

#[test]
fn response_rate() {
    // 20 responses over 50 completed applications = 0.4; no completed application → None.
    let officer = many(1, 20, 3, 3);
    let mu = unit_mean(&officer).unwrap();
    let s = score_officer(&officer, 50, mu, &ScoringParams::default()).unwrap();
    let rate = s.response_rate().unwrap();
    assert_eq!((rate.responses(), rate.completed_applications()), (20, 50));
    assert_eq!(rate.ratio(), 0.4);
    let s = score_officer(&officer, 0, mu, &ScoringParams::default()).unwrap();
    assert_eq!(s.response_rate(), None);
}

#[test]
fn params_are_checked() {
    let d = ScoringParams::default();
    assert_eq!((d.min_n(), d.k(), d.margin(), d.z()), (20, 10.0, 3.0, 1.96));
    assert_eq!(
        ScoringParams::new(0, 10.0, 3.0, 1.96),
        Err(ParamsError::MinNZero)
    );
    assert!(matches!(
        ScoringParams::new(20, -1.0, 3.0, 1.96),
        Err(ParamsError::InvalidK { .. })
    ));
    assert!(matches!(
        ScoringParams::new(20, 10.0, f64::NAN, 1.96),
        Err(ParamsError::InvalidMargin { .. })
    ));
    assert!(matches!(
        ScoringParams::new(20, 10.0, 3.0, 0.0),
        Err(ParamsError::InvalidZ { .. })
    ));
    // Deserialization goes through the same check.
    let raw = RawParams {
        min_n: 0,
        k: 10.0,
        margin: 3.0,
        z: 1.96,
    };
    assert_eq!(ScoringParams::try_from(raw), Err(ParamsError::MinNZero));
    assert_eq!(FORMULA_VERSION, "skm-officer-v1");
}

#[test]
fn expectation_codes_and_labels() {
    let all = [
        Expectation::DiAtas,
        Expectation::Sesuai,
        Expectation::DiBawah,
    ];
    let codes = ["di_atas", "sesuai", "di_bawah"];
    let ids = [
        "di atas ekspektasi",
        "sesuai ekspektasi",
        "di bawah ekspektasi",
    ];
    let ens = [
        "above expectations",
        "meets expectations",
        "below expectations",
    ];
    for (i, e) in all.into_iter().enumerate() {
        assert_eq!(e.code(), codes[i]);
        assert_eq!(e.label_id(), ids[i]);
        assert_eq!(e.label_en(), ens[i]);
        assert_eq!(Expectation::parse(codes[i]), Ok(e));
        assert_eq!(codes[i].parse::<Expectation>(), Ok(e));
        // The serde form is the same code.
        let de: Result<Expectation, serde::de::value::Error> =
            Expectation::deserialize(codes[i].into_deserializer());
        assert_eq!(de, Ok(e));
    }
    assert!(Expectation::parse("Sesuai").is_err());
    assert!(Expectation::parse("di atas").is_err());
}

#[test]
fn round2_half_away_from_zero_on_decimals() {
    assert_eq!(round2(1.005), 1.01);
    assert_eq!(round2(2.675), 2.68);
    assert_eq!(round2(0.125), 0.13);
    assert_eq!(round2(-1.005), -1.01);
    assert_eq!(round2(86.666_666_666), 86.67);
    assert_eq!(round2(88.304_999_999_999_99), 88.31); // arithmetic noise on 88.305
    assert_eq!(round2(88.3049), 88.30);
    assert_eq!(round2(0.0049), 0.0);
    assert_eq!(round2(1e-300), 0.0);
    assert!(round2(-0.001).is_sign_positive());
    assert_eq!(round2(123_456_789_012.345), 123_456_789_012.35);
    assert_eq!(round2(1e20), 1e20);
    assert!(round2(f64::NAN).is_nan());
    assert_eq!(round2(f64::INFINITY), f64::INFINITY);
}

#[test]
fn impossible_sums_are_refused_not_scored() {
    let p = ScoringParams::default();
    let mu = UnitMean::from_sums(100, 20);
    // Σh below 2n: answers below 1 do not exist.
    let low = OfficerSums {
        credited: 10,
        n: 10,
        sum_half_points: 5,
        sum_sq_half_points: 25,
    };
    assert_eq!(
        score_from_sums(low, 10, mu, &p),
        Err(ScoringError::InconsistentSums)
    );
    // More usable responses than credited ones.
    let more = OfficerSums {
        credited: 3,
        n: 10,
        sum_half_points: 50,
        sum_sq_half_points: 250,
    };
    assert_eq!(
        score_from_sums(more, 10, mu, &p),
        Err(ScoringError::InconsistentSums)
    );
    // Σh² below (Σh)²/n: a negative variance.
    let spread = OfficerSums {
        credited: 10,
        n: 10,
        sum_half_points: 50,
        sum_sq_half_points: 200,
    };
    assert_eq!(
        score_from_sums(spread, 10, mu, &p),
        Err(ScoringError::InconsistentSums)
    );
    assert_eq!(UnitMean::from_sums(0, 0), None);
}
