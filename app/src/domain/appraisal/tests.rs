use proptest::prelude::*;
use serde::de::IntoDeserializer;
use serde::Deserialize;

use super::*;
use Expectation::{DiAtas, DiBawah, Sesuai};

#[test]
fn predikat_matrix_all_nine_cells() {
    // REFERENCE §5.1, rows hasil kerja, columns perilaku kerja.
    let cases = [
        (DiAtas, DiBawah, Predikat::Kurang),
        (DiAtas, Sesuai, Predikat::Baik),
        (DiAtas, DiAtas, Predikat::SangatBaik),
        (Sesuai, DiBawah, Predikat::Kurang),
        (Sesuai, Sesuai, Predikat::Baik),
        (Sesuai, DiAtas, Predikat::Baik),
        (DiBawah, DiBawah, Predikat::SangatKurang),
        (DiBawah, Sesuai, Predikat::ButuhPerbaikan),
        (DiBawah, DiAtas, Predikat::ButuhPerbaikan),
    ];
    for (hasil, perilaku, expected) in cases {
        assert_eq!(predikat(hasil, perilaku), expected, "{hasil} / {perilaku}");
    }
}

#[test]
fn predikat_codes_labels_and_serde() {
    let expected = [
        (
            Predikat::SangatBaik,
            "sangat_baik",
            "Sangat Baik",
            "Very good",
        ),
        (Predikat::Baik, "baik", "Baik", "Good"),
        (
            Predikat::ButuhPerbaikan,
            "butuh_perbaikan",
            "Butuh Perbaikan",
            "Needs improvement",
        ),
        (
            Predikat::Kurang,
            "kurang",
            "Kurang/Misconduct",
            "Poor/Misconduct",
        ),
        (
            Predikat::SangatKurang,
            "sangat_kurang",
            "Sangat Kurang",
            "Very poor",
        ),
    ];
    assert_eq!(Predikat::ALL.len(), 5);
    for (p, code, id, en) in expected {
        assert_eq!((p.code(), p.label_id(), p.label_en()), (code, id, en));
        assert_eq!(Predikat::parse(code), Ok(p));
        let de: Result<Predikat, serde::de::value::Error> =
            Predikat::deserialize(code.into_deserializer());
        assert_eq!(de, Ok(p));
    }
    assert_eq!(
        Predikat::parse("Baik"),
        Err(AppraisalError::UnknownPredikat {
            code: "Baik".into()
        })
    );
    for org in OrgRating::ALL {
        let de: Result<OrgRating, serde::de::value::Error> =
            OrgRating::deserialize(org.code().into_deserializer());
        assert_eq!(de, Ok(org));
        assert_eq!(org.code().parse::<OrgRating>(), Ok(org));
    }
    assert_eq!(OrgRating::Istimewa.label_id(), "Istimewa");
    for p in Potential::ALL {
        assert_eq!(Potential::parse(p.code()), Ok(p));
    }
    for p in PerformanceLevel::ALL {
        assert_eq!(PerformanceLevel::parse(p.code()), Ok(p));
    }
}

#[test]
fn departure_needs_a_reason() {
    let reason = "Banyak keluhan lisan di loket";
    // Agreement or no suggestion: nothing required.
    assert_eq!(check_departure(Some(Sesuai), Sesuai, None), Ok(()));
    assert_eq!(check_departure(None, DiBawah, None), Ok(()));
    // Departure without a reason, or with blanks only.
    let required = Err(AppraisalError::ReasonRequired {
        suggested: Sesuai,
        chosen: DiBawah,
    });
    assert_eq!(check_departure(Some(Sesuai), DiBawah, None), required);
    assert_eq!(
        check_departure(Some(Sesuai), DiBawah, Some("   \n")),
        required
    );
    // Too short after trimming: "  oke  " has 3 characters.
    assert_eq!(
        check_departure(Some(DiAtas), Sesuai, Some("  oke  ")),
        Err(AppraisalError::ReasonTooShort {
            min_chars: 10,
            actual_chars: 3
        })
    );
    // Characters, not bytes: 9 two-byte letters are still too short; 10 are enough.
    assert!(check_departure(Some(DiAtas), Sesuai, Some("ééééééééé")).is_err());
    assert_eq!(
        check_departure(Some(DiAtas), Sesuai, Some("éééééééééé")),
        Ok(())
    );
    assert_eq!(check_departure(Some(DiBawah), DiAtas, Some(reason)), Ok(()));
}

fn counts(sb: u32, b: u32, bp: u32, k: u32, sk: u32) -> PredikatCounts {
    PredikatCounts {
        sangat_baik: sb,
        baik: b,
        butuh_perbaikan: bp,
        kurang: k,
        sangat_kurang: sk,
    }
}

#[test]
fn baik_unit_at_most_70_percent_baik_and_some_bp_or_kurang() {
    // 10 staff: 7 Baik (70%, allowed), 2 Sangat Baik, 1 Butuh Perbaikan → no warning.
    assert!(check_distribution(OrgRating::Baik, &counts(2, 7, 1, 0, 0)).is_empty());
    // 1 Kurang also satisfies "some Butuh Perbaikan or Kurang".
    assert!(check_distribution(OrgRating::Baik, &counts(2, 7, 0, 1, 0)).is_empty());
    // 8 Baik of 10 (80%) and no Butuh Perbaikan / Kurang → both rules broken.
    let w = check_distribution(OrgRating::Baik, &counts(1, 8, 0, 0, 1));
    assert_eq!(w.len(), 2);
    assert_eq!(w[0].rule, DistributionTable::default().baik[0]);
    assert_eq!((w[0].count, w[0].total), (8, 10));
    assert!(matches!(&w[1].rule, DistributionRule::AtLeastOne { group }
        if group == &[Predikat::ButuhPerbaikan, Predikat::Kurang]));
    assert_eq!(w[1].count, 0);
    // 3 staff: 70% of 3 = 2.1 → 2 Baik allowed, 3 not (exact integer comparison).
    assert!(check_distribution(OrgRating::Baik, &counts(0, 2, 1, 0, 0)).is_empty());
    assert_eq!(
        check_distribution(OrgRating::Baik, &counts(0, 3, 0, 0, 0)).len(),
        2
    );
}

#[test]
fn other_org_ratings_use_the_published_pattern() {
    // Istimewa: 8 of 10 Sangat Baik > 70%.
    assert_eq!(
        check_distribution(OrgRating::Istimewa, &counts(8, 2, 0, 0, 0)).len(),
        1
    );
    assert!(check_distribution(OrgRating::Istimewa, &counts(7, 3, 0, 0, 0)).is_empty());
    // Butuh Perbaikan: 6 of 10 BP (60%) and 1 SB (10%) fine; 5 BP and 2 SB break both rules.
    assert!(check_distribution(OrgRating::ButuhPerbaikan, &counts(1, 3, 6, 0, 0)).is_empty());
    assert_eq!(
        check_distribution(OrgRating::ButuhPerbaikan, &counts(2, 3, 5, 0, 0)).len(),
        2
    );
    // Kurang: 6 K, 1 BP, 1 SB of 10 fine; 6 K, 0 BP → too few BP.
    assert!(check_distribution(OrgRating::Kurang, &counts(1, 2, 1, 6, 0)).is_empty());
    assert_eq!(
        check_distribution(OrgRating::Kurang, &counts(1, 3, 0, 6, 0)).len(),
        1
    );
    // Sangat Kurang: any Sangat Baik is a warning.
    assert!(check_distribution(OrgRating::SangatKurang, &counts(0, 3, 0, 1, 6)).is_empty());
    assert_eq!(
        check_distribution(OrgRating::SangatKurang, &counts(1, 2, 0, 1, 6)).len(),
        1
    );
    // No appraisals yet: nothing to warn about.
    assert!(check_distribution(OrgRating::Baik, &PredikatCounts::default()).is_empty());
}

#[test]
fn custom_table_and_counts() {
    let table = DistributionTable {
        baik: vec![DistributionRule::AtMost {
            group: vec![Predikat::SangatBaik, Predikat::Baik],
            percent: Percent::new(50).unwrap(),
        }],
        ..DistributionTable::default()
    };
    let c: PredikatCounts = [Predikat::Baik, Predikat::SangatBaik, Predikat::Kurang]
        .into_iter()
        .collect();
    assert_eq!(
        (c.total(), c.in_group(&[Predikat::Baik, Predikat::Baik])),
        (3, 1)
    );
    assert_eq!(
        check_distribution_with(&table, OrgRating::Baik, &c).len(),
        1
    );
    assert_eq!(
        Percent::new(101),
        Err(AppraisalError::InvalidPercent { value: 101 })
    );
}

#[test]
fn credit_percentages() {
    let got: Vec<u32> = Predikat::ALL.into_iter().map(credit_percentage).collect();
    assert_eq!(got, [150, 100, 75, 50, 25]);
}

#[test]
fn nine_box_numbering() {
    use PerformanceLevel as Perf;
    let cases = [
        (Perf::Low, Potential::Low, 1),
        (Perf::Medium, Potential::Low, 2),
        (Perf::Low, Potential::Medium, 3),
        (Perf::High, Potential::Low, 4),
        (Perf::Medium, Potential::Medium, 5),
        (Perf::Low, Potential::High, 6),
        (Perf::High, Potential::Medium, 7),
        (Perf::Medium, Potential::High, 8),
        (Perf::High, Potential::High, 9),
    ];
    for (perf, pot, number) in cases {
        let b = nine_box(perf, pot);
        assert_eq!(b.number(), number);
        assert_eq!((b.performance(), b.potential()), (perf, pot));
        assert_eq!(NineBox::new(number), Ok(b));
        assert_eq!(is_promotion_pool(b), number >= 7);
    }
    // High performance with low potential is not in the promotion pool.
    assert!(!is_promotion_pool(nine_box(Perf::High, Potential::Low)));
    assert_eq!(
        NineBox::new(0),
        Err(AppraisalError::InvalidNineBox { number: 0 })
    );
    assert!(NineBox::new(10).is_err());
    assert_eq!(
        PerformanceLevel::from_predikat(Predikat::SangatBaik),
        Perf::High
    );
    assert_eq!(
        PerformanceLevel::from_predikat(Predikat::Baik),
        Perf::Medium
    );
    assert_eq!(
        PerformanceLevel::from_predikat(Predikat::ButuhPerbaikan),
        Perf::Low
    );
    assert_eq!(
        PerformanceLevel::from_predikat(Predikat::SangatKurang),
        Perf::Low
    );
}

#[test]
fn award_candidates() {
    use Predikat::{Baik, SangatBaik};
    assert!(award_candidate(&[(2025, SangatBaik), (2024, SangatBaik)]));
    assert!(award_candidate(&[
        (2023, Baik),
        (2024, SangatBaik),
        (2025, SangatBaik)
    ]));
    // The latest year must be part of the run.
    assert!(!award_candidate(&[
        (2023, SangatBaik),
        (2024, SangatBaik),
        (2025, Baik)
    ]));
    // A gap breaks the run.
    assert!(!award_candidate(&[(2023, SangatBaik), (2025, SangatBaik)]));
    assert!(!award_candidate(&[(2025, SangatBaik)]));
    assert!(!award_candidate(&[]));
    // A conflicting duplicate never helps.
    assert!(!award_candidate(&[
        (2024, SangatBaik),
        (2025, SangatBaik),
        (2025, Baik)
    ]));
    assert!(!award_candidate(&[(i32::MIN, SangatBaik)]));
}

proptest! {
    #[test]
    fn award_candidate_ignores_order(
        (history, shuffled) in proptest::collection::vec(
            (2018_i32..2026, prop_oneof![Just(Predikat::SangatBaik), Just(Predikat::Baik)]),
            0..8,
        ).prop_flat_map(|v| (Just(v.clone()), Just(v).prop_shuffle()))
    ) {
        prop_assert_eq!(award_candidate(&history), award_candidate(&shuffled));
    }

    #[test]
    fn shares_are_checked_exactly(b in 0_u32..200, others in 1_u32..200) {
        // At most 70% Baik ⇔ 10·b ≤ 7·(b + others), compared without floats.
        let c = counts(0, b, others, 0, 0);
        let broken = check_distribution(OrgRating::Baik, &c)
            .iter()
            .any(|w| matches!(&w.rule, DistributionRule::AtMost { .. }));
        prop_assert_eq!(broken, 10 * u64::from(b) > 7 * (u64::from(b) + u64::from(others)));
    }
}
