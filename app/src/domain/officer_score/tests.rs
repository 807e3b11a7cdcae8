use std::collections::BTreeMap;

use serde::de::IntoDeserializer;
use serde::Deserialize;

use super::params::RawParams;
use super::*;

mod checks;
mod props;

fn resp(id: i64, u6: Option<u8>, u7: Option<u8>) -> CreditedResponse {
    CreditedResponse::new(id, u6, u7).unwrap()
}

/// `count` responses with both answers, ids starting at `first_id`.
fn many(first_id: i64, count: usize, u6: u8, u7: u8) -> Vec<CreditedResponse> {
    (0..count as i64)
        .map(|i| resp(first_id + i, Some(u6), Some(u7)))
        .collect()
}

fn scored(result: OfficerScore) -> ScoredOfficer {
    match result {
        OfficerScore::Scored(s) => s,
        OfficerScore::InsufficientData { n, .. } => panic!("expected a score, got n = {n}"),
    }
}

/// Scores `officer` against a unit made of `officer` plus `others`, with default params.
fn score_in_unit(officer: &[CreditedResponse], others: &[CreditedResponse]) -> OfficerScore {
    let mu = unit_mean(officer.iter().chain(others)).unwrap();
    score_officer(officer, 40, mu, &ScoringParams::default()).unwrap()
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

#[test]
fn score_rejects_out_of_range_answers() {
    assert_eq!(Score::new(0), Err(ScoreError::OutOfRange { value: 0 }));
    assert_eq!(Score::new(5), Err(ScoreError::OutOfRange { value: 5 }));
    assert_eq!(Score::new(4).map(Score::get), Ok(4));
    assert_eq!(
        CreditedResponse::new(1, Some(3), Some(9)),
        Err(CreditedResponseError::U7(ScoreError::OutOfRange {
            value: 9
        }))
    );
    assert!(Score::deserialize(5_u8.into_deserializer())
        .map_err(|e: serde::de::value::Error| e)
        .is_err());
}

#[test]
fn per_response_points() {
    // r_j = 25 × mean of answered U6, U7: (4,3) → 25 × 3.5 = 87.5; only U6 = 3 → 75;
    // only U7 = 2 → 50; neither → skipped.
    assert_eq!(resp(1, Some(4), Some(3)).points(), Some(87.5));
    assert_eq!(resp(2, Some(3), None).points(), Some(75.0));
    assert_eq!(resp(3, None, Some(2)).points(), Some(50.0));
    assert_eq!(resp(4, None, None).points(), None);
}

#[test]
fn gate_at_19_and_20() {
    // 19 responses (3,3) = 75 each: n = 19 < 20 → data belum cukup.
    let officer = many(1, 19, 3, 3);
    let result = score_in_unit(&officer, &[]);
    assert_eq!(
        result,
        OfficerScore::InsufficientData {
            n: 19,
            response_rate: ResponseRate::new(19, 40)
        }
    );
    assert_eq!(result.suggestion(), None);

    // The 20th: m = 75, s = 0, interval [75, 75], μ = 75, shrunk = (20·75 + 10·75)/30 = 75;
    // 75 > 78? no; 75 < 72? no → sesuai.
    let officer = many(1, 20, 3, 3);
    let s = scored(score_in_unit(&officer, &[]));
    assert_eq!(s.n(), 20);
    assert_eq!(s.raw_mean(), 75.0);
    assert_eq!(s.sd(), Some(0.0));
    assert_eq!((s.interval().lower(), s.interval().upper()), (75.0, 75.0));
    assert_eq!(s.shrunk(), 75.0);
    assert_eq!(s.suggestion(), Expectation::Sesuai);
}

#[test]
fn response_with_neither_answer_is_skipped() {
    // 19 usable + 1 with neither U6 nor U7: n = 19 (below the gate), but the response still
    // counts toward the response rate (20 of 40 applications).
    let mut officer = many(1, 19, 3, 3);
    officer.push(resp(100, None, None));
    let result = score_in_unit(&officer, &[]);
    assert_eq!(result.n(), 19);
    assert_eq!(result.response_rate().map(|r| r.responses()), Some(20));
    assert!(matches!(result, OfficerScore::InsufficientData { .. }));
}

#[test]
fn response_with_only_u6_counts_as_that_answer() {
    // 19 × (2,2) = 50 and one with only U6 = 4 → r = 100 (not 25 × (4+0)/2 = 50).
    // m = (19·50 + 100)/20 = 1050/20 = 52.5.
    let mut officer = many(1, 19, 2, 2);
    officer.push(resp(100, Some(4), None));
    let s = scored(score_in_unit(&officer, &[]));
    assert_eq!(s.n(), 20);
    assert_eq!(s.raw_mean(), 52.5);
}

#[test]
fn interval_clipped_at_100() {
    // 19 × 100 and 1 × 75: m = (1900 + 75)/20 = 98.75.
    // Deviations 19 × 1.25 and 1 × −23.75: Σd² = 19·1.5625 + 564.0625 = 593.75;
    // s² = 593.75/19 = 31.25; s/√n = √(31.25/20) = √1.5625 = 1.25; half = 1.96·1.25 = 2.45.
    // Interval 98.75 ± 2.45 = [96.30, 101.20] → upper clipped to 100.
    let mut officer = many(1, 19, 4, 4);
    officer.push(resp(100, Some(3), Some(3)));
    let s = scored(score_in_unit(&officer, &[]));
    assert_eq!(s.raw_mean(), 98.75);
    assert!(close(s.sd().unwrap(), 31.25_f64.sqrt()));
    assert!(close(s.interval().lower(), 96.30));
    assert_eq!(s.interval().upper(), 100.0);
}

#[test]
fn interval_clipped_at_25() {
    // Mirror image: 19 × 25 and 1 × 50: m = (475 + 50)/20 = 26.25, same s, half = 2.45.
    // Interval [23.80, 28.70] → lower clipped to 25.
    let mut officer = many(1, 19, 1, 1);
    officer.push(resp(100, Some(2), Some(2)));
    let s = scored(score_in_unit(&officer, &[]));
    assert_eq!(s.raw_mean(), 26.25);
    assert_eq!(s.interval().lower(), 25.0);
    assert!(close(s.interval().upper(), 28.70));
}

/// Officer with m = 90: 16 × (4,3) = 87.5 and 4 × (4,4) = 100; Σ r = 1400 + 400 = 1800.
/// Deviations 16 × −2.5 and 4 × +10: Σd² = 100 + 400 = 500; s² = 500/19 = 26.3158;
/// s/√20 = √(26.3158/20) = 1.14708; half = 1.96 × 1.14708 = 2.24827 → interval
/// [87.75173, 92.24827] (87.751725808 to 9 decimals).
fn officer_m90() -> Vec<CreditedResponse> {
    let mut v = many(1, 16, 4, 3);
    v.extend(many(17, 4, 4, 4));
    v
}

/// Officer with m = 70: 12 × (3,3) = 75 and 8 × (3,2) = 62.5; Σ r = 900 + 500 = 1400.
/// Deviations 12 × +5 and 8 × −7.5: Σd² = 300 + 450 = 750; s² = 750/19 = 39.4737;
/// s/√20 = 1.40488; half = 2.75356 → interval [67.24644, 72.75356].
fn officer_m70() -> Vec<CreditedResponse> {
    let mut v = many(1, 12, 3, 3);
    v.extend(many(13, 8, 3, 2));
    v
}

#[test]
fn shrinkage_and_di_atas() {
    // Unit: the officer (Σ 1800 over 20) + 40 others at (3,3) = 75 (Σ 3000):
    // μ = 4800/60 = 80. shrunk = (20·90 + 10·80)/30 = 2600/30 = 86.666… → 86.67.
    // lower 87.75 > μ + δ = 83 → di atas; shrunk ≥ 76.61 so no guard.
    let s = scored(score_in_unit(&officer_m90(), &many(1000, 40, 3, 3)));
    assert_eq!(s.unit_mean().value(), 80.0);
    assert_eq!(s.unit_mean().responses(), 60);
    assert_eq!(s.raw_mean(), 90.0);
    assert!(close(s.sd().unwrap(), (500.0_f64 / 19.0).sqrt()));
    assert!(close(
        s.interval().lower(),
        90.0 - 1.96 * (500.0_f64 / 19.0 / 20.0).sqrt()
    ));
    assert!(close(s.interval().lower(), 87.751_725_808));
    assert!(close(s.shrunk(), 2600.0 / 30.0));
    assert_eq!(round2(s.shrunk()), 86.67);
    assert_eq!(s.interval_suggestion(), Expectation::DiAtas);
    assert_eq!(s.suggestion(), Expectation::DiAtas);
}

#[test]
fn sesuai_inside_the_margin() {
    // Unit: officer (1800/20) + 4 others at 75: μ = 2100/24 = 87.5.
    // lower 87.75 > 87.5 (outside the interval) but not > 87.5 + 3 = 90.5 → sesuai.
    let others = many(1000, 4, 3, 3);
    let s = scored(score_in_unit(&officer_m90(), &others));
    assert_eq!(s.unit_mean().value(), 87.5);
    assert!(s.interval().lower() > 87.5);
    assert_eq!(s.suggestion(), Expectation::Sesuai);

    // Without the margin the same data would say di atas: δ is what holds it back.
    let no_margin = ScoringParams::new(20, 10.0, 0.0, 1.96).unwrap();
    let officer = officer_m90();
    let mu = unit_mean(officer.iter().chain(&others)).unwrap();
    let s = scored(score_officer(&officer, 40, mu, &no_margin).unwrap());
    assert_eq!(s.suggestion(), Expectation::DiAtas);
}

#[test]
fn di_bawah() {
    // Unit: officer (1400/20) + 10 others at (4,4) = 100: μ = 2400/30 = 80.
    // upper 72.75 < μ − δ = 77 → di bawah; shrunk = (1400 + 800)/30 = 73.33 < 88.31, no guard.
    let s = scored(score_in_unit(&officer_m70(), &many(1000, 10, 4, 4)));
    assert_eq!(s.unit_mean().value(), 80.0);
    assert_eq!(s.raw_mean(), 70.0);
    assert!(close(s.interval().upper(), 72.753_562_286));
    assert!(close(s.shrunk(), 2200.0 / 30.0));
    assert_eq!(s.suggestion(), Expectation::DiBawah);
}

#[test]
fn never_di_bawah_while_mutu_a() {
    // Unit: officer m = 90 (1800/20) + 30 others at 100: μ = 4800/50 = 96.
    // upper 92.25 < 96 − 3 = 93 → the interval says di bawah, but
    // shrunk = (1800 + 960)/30 = 92 ≥ 88.31 (mutu A) → sesuai.
    let s = scored(score_in_unit(&officer_m90(), &many(1000, 30, 4, 4)));
    assert_eq!(s.unit_mean().value(), 96.0);
    assert!(close(s.shrunk(), 92.0));
    assert_eq!(s.interval_suggestion(), Expectation::DiBawah);
    assert_eq!(s.suggestion(), Expectation::Sesuai);
}

#[test]
fn never_di_atas_while_mutu_c_or_d() {
    // Unit: officer m = 70 (1400/20) + 4 others at (1,1) = 25: μ = 1500/24 = 62.5.
    // lower 67.25 > 62.5 + 3 = 65.5 → the interval says di atas, but
    // shrunk = (1400 + 625)/30 = 67.5 < 76.61 (mutu C) → sesuai.
    let s = scored(score_in_unit(&officer_m70(), &many(1000, 4, 1, 1)));
    assert_eq!(s.unit_mean().value(), 62.5);
    assert!(close(s.shrunk(), 67.5));
    assert_eq!(s.interval_suggestion(), Expectation::DiAtas);
    assert_eq!(s.suggestion(), Expectation::Sesuai);
}

#[test]
fn mutu_guard_reads_the_rounded_shrunk_score() {
    // 88.305 is displayed as 88.31 (mutu A): no di bawah. 88.3049 shows 88.30 (mutu B).
    assert_eq!(
        mutu_guard(Expectation::DiBawah, 88.305),
        Expectation::Sesuai
    );
    assert_eq!(
        mutu_guard(Expectation::DiBawah, 88.3049),
        Expectation::DiBawah
    );
    // 76.605 shows 76.61 (mutu B): di atas allowed. 76.6049 shows 76.60 (mutu C).
    assert_eq!(mutu_guard(Expectation::DiAtas, 76.605), Expectation::DiAtas);
    assert_eq!(
        mutu_guard(Expectation::DiAtas, 76.6049),
        Expectation::Sesuai
    );
    assert_eq!(mutu_guard(Expectation::Sesuai, 99.0), Expectation::Sesuai);
}

#[test]
fn shared_response_counts_once_in_unit_mean_and_fully_for_each_officer() {
    // Response 1 (4,4) = 100 is credited to A and B; B also has response 2 (2,2) = 50.
    // μ over distinct responses = (100 + 50)/2 = 75 (not (100 + 100 + 50)/3 = 83.33).
    let mut unit = BTreeMap::new();
    unit.insert(
        "A",
        OfficerCredits {
            responses: vec![resp(1, Some(4), Some(4))],
            completed_applications: 1,
        },
    );
    unit.insert(
        "B",
        OfficerCredits {
            responses: vec![resp(1, Some(4), Some(4)), resp(2, Some(2), Some(2))],
            completed_applications: 2,
        },
    );
    let params = ScoringParams::new(1, 10.0, 3.0, 1.96).unwrap();
    let result = score_unit(&unit, &params).unwrap();
    let mu = result.unit_mean.unwrap();
    assert_eq!((mu.value(), mu.responses()), (75.0, 2));

    // A: n = 1, m = 100, s undefined → interval is the whole scale [25, 100];
    // shrunk = (1·100 + 10·75)/11 = 850/11 = 77.27.
    let a = scored(result.officers["A"]);
    assert_eq!((a.n(), a.raw_mean(), a.sd()), (1, 100.0, None));
    assert_eq!((a.interval().lower(), a.interval().upper()), (25.0, 100.0));
    assert!(close(a.shrunk(), 850.0 / 11.0));
    assert_eq!(a.suggestion(), Expectation::Sesuai);
    // B: the shared response counts fully: n = 2, m = (100 + 50)/2 = 75.
    let b = scored(result.officers["B"]);
    assert_eq!((b.n(), b.raw_mean()), (2, 75.0));
}
