//! Property tests of REFERENCE §4.1 invariants, checked against a naive float implementation.

use proptest::prelude::*;

use super::*;

/// Straightforward two-pass float implementation of REFERENCE §4.1, to check the exact one.
fn naive(officer: &[CreditedResponse], mu: f64, p: &ScoringParams) -> (f64, f64, f64, f64) {
    let r: Vec<f64> = officer
        .iter()
        .filter_map(CreditedResponse::points)
        .collect();
    let n = r.len() as f64;
    let m = r.iter().sum::<f64>() / n;
    let (lo, hi) = if r.len() > 1 {
        let s = (r.iter().map(|x| (x - m).powi(2)).sum::<f64>() / (n - 1.0)).sqrt();
        let half = p.z() * s / n.sqrt();
        ((m - half).max(25.0), (m + half).min(100.0))
    } else {
        (25.0, 100.0)
    };
    (m, lo, hi, (n * m + p.k() * mu) / (n + p.k()))
}

fn answer() -> impl Strategy<Value = Option<u8>> {
    prop_oneof![1 => Just(None), 6 => (1_u8..=4).prop_map(Some)]
}

fn responses(first_id: i64, max: usize) -> impl Strategy<Value = Vec<CreditedResponse>> {
    proptest::collection::vec((answer(), answer()), 0..max).prop_map(move |v| {
        v.into_iter()
            .enumerate()
            .map(|(i, (a, b))| resp(first_id + i as i64, a, b))
            .collect()
    })
}

proptest! {
    #[test]
    fn scored_results_are_well_formed(
        officer in responses(0, 60),
        others in responses(10_000, 60),
        min_n in 1_u32..30,
    ) {
        let params = ScoringParams::new(min_n, 10.0, 3.0, 1.96).unwrap();
        let mu = unit_mean(officer.iter().chain(&others)).unwrap();
        let result = score_officer(&officer, 100, mu, &params).unwrap();
        let usable = officer.iter().filter(|r| r.points().is_some()).count() as u32;
        prop_assert_eq!(result.n(), usable);
        match result {
            // Below the gate never yields a score.
            OfficerScore::InsufficientData { n, .. } => prop_assert!(n < min_n),
            OfficerScore::Scored(s) => {
                prop_assert!(s.n() >= min_n);
                let (m, iv, mu) = (s.raw_mean(), s.interval(), s.unit_mean().value());
                // The interval contains m and lies in [25, 100].
                prop_assert!(25.0 <= iv.lower() && iv.lower() <= m);
                prop_assert!(m <= iv.upper() && iv.upper() <= 100.0);
                // The shrunk score lies between m and μ.
                prop_assert!(m.min(mu) <= s.shrunk() && s.shrunk() <= m.max(mu));
                // Agrees with a naive float implementation.
                let (nm, lo, hi, sh) = naive(&officer, mu, &params);
                prop_assert!(close(m, nm) && close(iv.lower(), lo) && close(iv.upper(), hi));
                prop_assert!(close(s.shrunk(), sh));
            }
        }
    }

    #[test]
    fn permutation_invariant(
        (officer, shuffled) in responses(0, 50)
            .prop_flat_map(|v| (Just(v.clone()), Just(v).prop_shuffle())),
        (others, others_shuffled) in responses(10_000, 50)
            .prop_flat_map(|v| (Just(v.clone()), Just(v).prop_shuffle())),
    ) {
        let params = ScoringParams::new(5, 10.0, 3.0, 1.96).unwrap();
        let mu = unit_mean(officer.iter().chain(&others)).unwrap();
        let mu2 = unit_mean(others_shuffled.iter().chain(&shuffled)).unwrap();
        prop_assert_eq!(mu, mu2);
        let a = score_officer(&officer, 80, mu, &params).unwrap();
        let b = score_officer(&shuffled, 80, mu2, &params).unwrap();
        prop_assert_eq!(a, b);
    }

    #[test]
    fn round2_matches_decimal_rounding_of_three_decimal_literals(i in -10_000_000_i64..10_000_000) {
        // x is the double nearest i/1000; a person rounds the written i/1000 half away from 0.
        let x = i as f64 / 1000.0;
        let h = (i.abs() + 5) / 10 * i.signum();
        prop_assert_eq!(round2(x), h as f64 / 100.0);
    }
}

/// The sums of a split list, added part by part, as the monthly rollups do.
fn sums_in_parts(officer: &[CreditedResponse], cut: usize) -> OfficerSums {
    let (a, b) = officer.split_at(cut.min(officer.len()));
    let mut left = OfficerSums::default();
    a.iter().for_each(|r| left.add(r.half_points()));
    let mut right = OfficerSums::default();
    b.iter().for_each(|r| right.add(r.half_points()));
    OfficerSums {
        credited: left.credited + right.credited,
        n: left.n + right.n,
        sum_half_points: left.sum_half_points + right.sum_half_points,
        sum_sq_half_points: left.sum_sq_half_points + right.sum_sq_half_points,
    }
}

proptest! {
    /// Scoring from sums added month by month gives exactly what scoring the responses gives.
    #[test]
    fn sums_added_in_parts_score_identically(
        officer in responses(0, 60),
        others in responses(1_000, 60),
        cut in 0_usize..60,
        completed in 0_u32..100,
    ) {
        let p = ScoringParams::default();
        let mu = unit_mean(officer.iter().chain(others.iter())).unwrap();
        let sums = sums_in_parts(&officer, cut);
        prop_assert!(sums.is_consistent());
        let from_sums = score_from_sums(sums, completed, mu, &p).unwrap();
        let direct = score_officer(&officer, completed, mu, &p).unwrap();
        prop_assert_eq!(format!("{from_sums:?}"), format!("{direct:?}"));
        if let Some(mu) = mu {
            let again = UnitMean::from_sums(mu.sum_half_points, mu.responses()).unwrap();
            prop_assert_eq!(again, mu);
        }
    }
}
