use super::exact::round_mean_of_ratios;
use super::*;
use proptest::prelude::*;

/// A complete response from scores listed in code order U1..U9 (test convenience only).
fn full(scores: [u8; 9]) -> Answers {
    Answers::from_fn(|u| {
        let i = Unsur::ALL.iter().position(|&x| x == u).unwrap();
        Some(Score::try_from(scores[i]).unwrap())
    })
    .unwrap()
}

/// `n` responses answering only `unsur`: `high` of them with `hi`, the rest with `hi - 1`.
fn one_unsur(unsur: Unsur, n: usize, high: usize, hi: u8) -> Vec<Answers> {
    (0..n)
        .map(|i| {
            let s = if i < high { hi } else { hi - 1 };
            Answers::from_pairs([(unsur, Score::try_from(s).unwrap())]).unwrap()
        })
        .collect()
}

/// REFERENCE §3.3 worked example.
fn worked_example() -> Vec<Answers> {
    vec![
        full([3, 3, 2, 4, 3, 3, 4, 3, 2]),
        full([4, 3, 3, 4, 3, 4, 4, 3, 3]),
        full([3, 2, 2, 4, 3, 3, 3, 2, 2]),
        full([4, 4, 3, 4, 4, 4, 4, 3, 3]),
        full([3, 3, 3, 4, 3, 3, 3, 3, 2]),
    ]
}

#[test]
fn worked_example_of_reference_3_3() {
    let r = compute_index(&worked_example()).unwrap();
    assert_eq!(r.n(), 5);
    let nrr: Vec<u32> = Unsur::ALL.iter().map(|&u| r.nrr_e2(u).unwrap()).collect();
    assert_eq!(nrr, [340, 300, 260, 400, 320, 340, 360, 280, 240]);
    assert_eq!(r.nrr_rounded(Unsur::U3), Some(2.6));
    assert_eq!(r.ikm_e4(), 31556);
    assert_eq!(r.ikm(), 3.1556);
    assert_eq!(r.ikm_konversi_e2(), 7889);
    assert_eq!(r.ikm_konversi(), 78.89);
    assert_eq!(r.mutu(), Mutu::B);
    assert_eq!(r.mutu().kinerja_id(), "Baik");
    assert_eq!(r.mutu().kinerja_en(), "Good");
    // Follow-up plan starts with the weakest unsur: U9 (2.40), then U3 (2.60).
    assert_eq!(&r.lowest_unsur()[..3], &[Unsur::U9, Unsur::U3, Unsur::U8]);
    assert_eq!(r.lowest_unsur().last(), Some(&Unsur::U4));
}

#[test]
fn rounded_weight_0_111_is_not_what_we_compute() {
    let r = compute_index(&worked_example()).unwrap();
    // The regulation's printed examples: Σ NRR × 0.111 × 25 = 28.40 × 2.775 = 78.81.
    let sum_e2: u32 = Unsur::ALL.iter().map(|&u| r.nrr_e2(u).unwrap()).sum();
    let wrong_e2 = sum_e2 * 111 * 25 / 1000;
    assert_eq!(wrong_e2, 7881);
    assert_ne!(r.ikm_konversi_e2(), wrong_e2);
}

#[test]
fn rounds_half_away_from_zero_exactly() {
    // Exact konversi 78.885 (NRR 15777/5000 = 3.1554): a person rounds it to 78.89.
    let r = compute_index(&one_unsur(Unsur::U1, 5000, 777, 4)).unwrap();
    assert_eq!(r.nrr(Unsur::U1), Some(3.1554));
    assert_eq!(r.ikm_e4(), 31554);
    assert_eq!(r.ikm_konversi_e2(), 7889);
    assert_eq!(round_mean_of_ratios(&[(15777, 5000)], 2500), 7889);
    // 40 answers summing to 97: exact konversi 60.625 → 60.63, where naive floating point
    // (97/40 = 2.4249999…) publishes 60.62.
    let r = compute_index(&one_unsur(Unsur::U5, 40, 17, 3)).unwrap();
    assert_eq!(r.ikm_konversi_e2(), 6063);
    assert_eq!((97.0_f64 / 40.0 * 25.0 * 100.0 + 0.5).floor(), 6062.0);
    assert_eq!(round_mean_of_ratios(&[(1, 8)], 100), 13); // 0.125 → 0.13
    assert_eq!(round_mean_of_ratios(&[(1, 3), (2, 3)], 100), 50);
}

#[test]
fn mutu_boundaries_after_rounding() {
    for (e2, m) in [
        (2500, Mutu::D),
        (6499, Mutu::D),
        (6500, Mutu::C),
        (7660, Mutu::C),
        (7661, Mutu::B),
        (8830, Mutu::B),
        (8831, Mutu::A),
        (10000, Mutu::A),
    ] {
        assert_eq!(Mutu::from_konversi_e2(e2), m, "{e2}");
    }
    assert_eq!(Mutu::ALL, [Mutu::A, Mutu::B, Mutu::C, Mutu::D]);
    for m in Mutu::ALL {
        assert_eq!(Mutu::from_konversi_e2(m.min_konversi_e2()), m);
    }
    assert_eq!(Mutu::A.letter(), 'A');
    assert_eq!(Mutu::C.kinerja_id(), "Kurang baik");
    assert_eq!(Mutu::D.kinerja_id(), "Tidak baik");
    assert_eq!(Mutu::A.kinerja_en(), "Very good");
    assert_eq!(Mutu::D.kinerja_en(), "Very poor");
}

#[test]
fn classifies_the_rounded_konversi_not_the_raw_one() {
    // Exact 76.605 → 76.61 → B (the raw value alone would be C).
    let r = compute_index(&one_unsur(Unsur::U2, 5000, 321, 4)).unwrap();
    assert_eq!((r.ikm_konversi_e2(), r.mutu()), (7661, Mutu::B));
    assert_eq!(r.unsur_mutu(Unsur::U2), Some(Mutu::B));
    // Exact 88.305 → 88.31 → A.
    let r = compute_index(&one_unsur(Unsur::U2, 5000, 2661, 4)).unwrap();
    assert_eq!((r.ikm_konversi_e2(), r.mutu()), (8831, Mutu::A));
    // Exact 64.995 → 65.00 → C.
    let r = compute_index(&one_unsur(Unsur::U2, 5000, 2999, 3)).unwrap();
    assert_eq!((r.ikm_konversi_e2(), r.mutu()), (6500, Mutu::C));
}

#[test]
fn unanswered_unsur_is_left_out_of_the_mean() {
    let r1 = Answers::from_fn(|u| (u != Unsur::U9).then(|| Score::try_from(3).unwrap())).unwrap();
    let r2 = Answers::from_pairs([(Unsur::U1, Score::MAX)]).unwrap();
    let r = compute_index(&[r1, r2]).unwrap();
    assert_eq!(r.n(), 2);
    assert_eq!((r.answered(Unsur::U1), r.answered(Unsur::U2)), (2, 1));
    assert_eq!(r.answered(Unsur::U9), 0);
    assert_eq!(r.nrr(Unsur::U9), None);
    assert_eq!(r.nrr_e2(Unsur::U9), None);
    assert_eq!(r.unsur_mutu(Unsur::U9), None);
    assert_eq!(r.nrr(Unsur::U1), Some(3.5));
    // (3.5 + 7 × 3) / 8 = 3.0625 → konversi 76.5625 → 76.56 → C.
    assert_eq!(r.ikm_e4(), 30625);
    assert_eq!(r.ikm_konversi_e2(), 7656);
    assert_eq!(r.mutu(), Mutu::C);
    assert_eq!(r.answered_unsur().count(), 8);
    let low = r.lowest_unsur();
    assert_eq!(low.len(), 8);
    assert_eq!(low[0], Unsur::U2);
    assert_eq!(low[7], Unsur::U1);
}

#[test]
fn no_responses_no_index() {
    assert_eq!(compute_index(&[]), None);
}

#[test]
fn answers_need_one_unsur_and_no_duplicates() {
    assert_eq!(
        Answers::from_fn(|_| None),
        Err(AnswersError::NoUnsurAnswered)
    );
    assert_eq!(Answers::from_pairs([]), Err(AnswersError::NoUnsurAnswered));
    let three = Score::try_from(3).unwrap();
    assert_eq!(
        Answers::from_pairs([(Unsur::U6, three), (Unsur::U6, three)]),
        Err(AnswersError::DuplicateUnsur(Unsur::U6))
    );
    let a = Answers::from_pairs([(Unsur::U8, three), (Unsur::U2, Score::MIN)]).unwrap();
    assert_eq!(a.get(Unsur::U8), Some(three));
    assert_eq!(a.get(Unsur::U9), None);
    let listed: Vec<_> = a.answered().collect();
    assert_eq!(listed, [(Unsur::U2, Score::MIN), (Unsur::U8, three)]);
}

#[test]
fn unsur_codes_and_labels() {
    assert_eq!(Unsur::parse("u6"), Ok(Unsur::U6));
    assert_eq!(" U9 ".parse::<Unsur>(), Ok(Unsur::U9));
    for bad in ["", "U0", "U10", "6", "X1"] {
        assert_eq!(Unsur::parse(bad), Err(UnsurError::UnknownCode), "{bad}");
    }
    for u in Unsur::ALL {
        assert_eq!(Unsur::parse(u.code()), Ok(u));
        assert_eq!(u.to_string(), u.code());
    }
    let s = |v: u8| Score::try_from(v).unwrap();
    assert_eq!(Unsur::U1.label_id(s(1)), "Tidak sesuai");
    assert_eq!(Unsur::U4.label_id(s(4)), "Gratis");
    assert_eq!(Unsur::U4.label_en(s(2)), "Fairly expensive");
    assert_eq!(Unsur::U7.label_id(s(3)), "Sopan dan ramah");
    assert_eq!(Unsur::U8.label_id(s(2)), "Cukup");
    assert_eq!(Unsur::U9.label_id(s(2)), "Ada tetapi tidak berfungsi");
    assert_eq!(Unsur::U9.label_en(s(4)), "Well managed");
    assert_eq!(Unsur::U2.name_id(), "Sistem, mekanisme, dan prosedur");
    assert_eq!(Unsur::U6.name_en(), "Officer competence");
}

#[test]
fn scores() {
    assert_eq!(Score::try_from(0), Err(ScoreError::OutOfRange));
    assert_eq!(Score::try_from(5), Err(ScoreError::OutOfRange));
    assert_eq!(Score::parse(" 4 ").map(Score::get), Ok(4));
    assert_eq!(Score::parse("300"), Err(ScoreError::OutOfRange));
    for bad in ["", "x", "3.5", "+3", "-1", "٣"] {
        assert_eq!(Score::parse(bad), Err(ScoreError::NotANumber), "{bad}");
    }
}

#[test]
fn krejcie_morgan_minimum_sample() {
    assert_eq!(minimum_sample(0), 0);
    assert_eq!(minimum_sample(1), 1);
    assert_eq!(minimum_sample(100), 80);
    assert_eq!(minimum_sample(1_000), 278);
    assert_eq!(minimum_sample(10_000), 370);
    assert_eq!(minimum_sample(u64::MAX), 385);
}

#[test]
fn exact_rounding_survives_huge_counts() {
    let c = u64::MAX / 4;
    assert_eq!(round_mean_of_ratios(&[(4 * c, c); 9], 2500), 10_000);
    let odd: Vec<(u64, u64)> = (0..9).map(|i| (u64::MAX - i, u64::MAX - i)).collect();
    assert_eq!(round_mean_of_ratios(&odd, 10_000), 10_000);
}

fn gcd(a: u128, b: u128) -> u128 {
    if b == 0 {
        a
    } else {
        gcd(b, a % b)
    }
}

/// Reference rounding via u128 and the LCM of the counts (fine for small counts).
fn reference_e2(ratios: &[(u64, u64)], scale: u128) -> u128 {
    let q = ratios
        .iter()
        .fold(1u128, |l, &(_, c)| l / gcd(l, c.into()) * u128::from(c));
    let p: u128 = ratios
        .iter()
        .map(|&(s, c)| u128::from(s) * (q / u128::from(c)))
        .sum();
    let k = ratios.len() as u128;
    (2 * scale * p + k * q) / (2 * k * q)
}

fn response() -> impl Strategy<Value = Answers> {
    proptest::array::uniform9(proptest::option::of(1u8..=4)).prop_filter_map(
        "at least one unsur",
        |a| {
            Answers::from_fn(|u| {
                a[Unsur::ALL.iter().position(|&x| x == u).unwrap()]
                    .map(|v| Score::try_from(v).unwrap())
            })
            .ok()
        },
    )
}

proptest! {
    #[test]
    fn index_bounds_and_exact_rounding(rs in proptest::collection::vec(response(), 1..40)) {
        let r = compute_index(&rs).unwrap();
        prop_assert_eq!(r.n(), rs.len() as u64);
        prop_assert!((10_000..=40_000).contains(&r.ikm_e4()));
        prop_assert!((1.0..=4.0).contains(&r.ikm()));
        prop_assert!((2_500..=10_000).contains(&r.ikm_konversi_e2()));
        let ratios: Vec<(u64, u64)> = r
            .answered_unsur()
            .map(|u| {
                let sum: u64 = rs.iter().filter_map(|a| a.get(u)).map(|s| u64::from(s.get())).sum();
                (sum, r.answered(u))
            })
            .collect();
        prop_assert_eq!(u128::from(r.ikm_konversi_e2()), reference_e2(&ratios, 2500));
        prop_assert_eq!(u128::from(r.ikm_e4()), reference_e2(&ratios, 10_000));
        prop_assert_eq!(r.mutu(), Mutu::from_konversi_e2(r.ikm_konversi_e2()));
    }

    #[test]
    fn all_fours_never_lower_the_index(rs in proptest::collection::vec(response(), 1..40)) {
        let before = compute_index(&rs).unwrap();
        let mut more = rs.clone();
        more.push(full([4; 9]));
        let after = compute_index(&more).unwrap();
        prop_assert!(after.ikm_e4() >= before.ikm_e4());
        prop_assert!(after.ikm_konversi_e2() >= before.ikm_konversi_e2());
        prop_assert!(after.mutu() <= before.mutu()); // A < B < C < D in declaration order
    }

    #[test]
    fn order_of_responses_does_not_matter(
        (rs, shuffled) in proptest::collection::vec(response(), 1..40)
            .prop_flat_map(|v| (Just(v.clone()), Just(v).prop_shuffle()))
    ) {
        prop_assert_eq!(compute_index(&rs), compute_index(&shuffled));
    }

    #[test]
    fn minimum_sample_is_at_most_population_and_monotone(n in 0u64..2_000_000) {
        let s = minimum_sample(n);
        prop_assert!(s <= n);
        prop_assert!(s <= minimum_sample(n + 1));
        let f = 3.841 * n as f64 * 0.25 / (0.0025 * (n as f64 - 1.0) + 3.841 * 0.25);
        prop_assert!((s as f64 - f.ceil()).abs() <= 1.0 && s as f64 >= f - 1e-9);
    }
}
