//! The index (IKM), its class (mutu) and the minimum sample (REFERENCE §3.2–§3.4). Kept in
//! its own file for size; its items are re-exported from `super` (`skm::IkmResult`, ...).

use std::fmt;

use serde::{Deserialize, Serialize};

use super::{exact, Answers, Unsur};

/// Service quality class (mutu pelayanan, REFERENCE §3.3). Ordered best first (A < D).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Mutu {
    /// Sangat baik: konversi ≥ 88.31.
    A,
    /// Baik: konversi ≥ 76.61.
    B,
    /// Kurang baik: konversi ≥ 65.00.
    C,
    /// Tidak baik: below 65.00.
    D,
}

impl Mutu {
    /// Every class from best to worst, for legends.
    pub const ALL: [Mutu; 4] = [Mutu::A, Mutu::B, Mutu::C, Mutu::D];

    /// The published letter.
    pub const fn letter(self) -> char {
        match self {
            Mutu::A => 'A',
            Mutu::B => 'B',
            Mutu::C => 'C',
            Mutu::D => 'D',
        }
    }

    /// The regulation's performance wording (kinerja unit pelayanan).
    pub const fn kinerja_id(self) -> &'static str {
        match self {
            Mutu::A => "Sangat baik",
            Mutu::B => "Baik",
            Mutu::C => "Kurang baik",
            Mutu::D => "Tidak baik",
        }
    }

    /// English wording of [`Mutu::kinerja_id`].
    pub const fn kinerja_en(self) -> &'static str {
        match self {
            Mutu::A => "Very good",
            Mutu::B => "Good",
            Mutu::C => "Poor",
            Mutu::D => "Very poor",
        }
    }

    /// Lowest konversi of the class in hundredths (A 8831, B 7661, C 6500, D 2500), so a UI can
    /// print the scale without restating the thresholds.
    pub const fn min_konversi_e2(self) -> u32 {
        match self {
            Mutu::A => 8831,
            Mutu::B => 7661,
            Mutu::C => 6500,
            Mutu::D => 2500,
        }
    }

    /// Classifies a konversi already rounded to hundredths (78.89 → 7889). Taking an integer
    /// makes the boundaries exact; the printed table has gaps, so the rule is "at least the
    /// class minimum" (REFERENCE §3.3), not the 2004 table or 76.00/76.01.
    pub const fn from_konversi_e2(konversi_e2: u32) -> Mutu {
        // REFERENCE §3.3: ≥ 88.31 → A, ≥ 76.61 → B, ≥ 65.00 → C, otherwise D.
        if konversi_e2 >= 8831 {
            Mutu::A
        } else if konversi_e2 >= 7661 {
            Mutu::B
        } else if konversi_e2 >= 6500 {
            Mutu::C
        } else {
            Mutu::D
        }
    }
}

impl fmt::Display for Mutu {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.letter())
    }
}

/// Sum and count of the answers one unsur received.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
struct Tally {
    sum: u64,
    count: u64,
}

/// The index of a set of responses (a unit, a service or an officer, in a period). Keeps the
/// exact sums and counts; every number it reports is rounded once from them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IkmResult {
    n: u64,
    tallies: [Tally; 9],
    ikm_e4: u32,
    konversi_e2: u32,
}

/// Computes the index (REFERENCE §3.2). Returns `None` only for an empty slice: every
/// [`Answers`] answers at least one unsur, so any response yields an index.
///
/// Portal rule for skipped unsur (the regulation assumes complete forms): NRR_i divides by the
/// responses that answered U_i; an unsur nobody answered has no NRR, is left out of the IKM,
/// and the IKM is the plain mean of the NRRs that exist.
pub fn compute_index(responses: &[Answers]) -> Option<IkmResult> {
    if responses.is_empty() {
        return None;
    }
    let mut tallies = [Tally::default(); 9];
    for r in responses {
        for (u, s) in r.answered() {
            let t = &mut tallies[u.slot()];
            t.sum += u64::from(s.get());
            t.count += 1;
        }
    }
    // REFERENCE §3.2 step 1: NRR_i = sum_i / count_i, kept as exact ratios.
    let ratios: Vec<(u64, u64)> = tallies
        .iter()
        .filter(|t| t.count > 0)
        .map(|t| (t.sum, t.count))
        .collect();
    // REFERENCE §3.2 steps 2-4: IKM = mean of the NRRs (weight exactly 1/9 when all nine are
    // answered, never 0.111), konversi = IKM × 25; rounded once, at the end.
    let ikm_e4 = exact::round_mean_of_ratios(&ratios, 10_000);
    let konversi_e2 = exact::round_mean_of_ratios(&ratios, 25 * 100);
    Some(IkmResult {
        n: responses.len() as u64,
        tallies,
        ikm_e4,
        konversi_e2,
    })
}

impl IkmResult {
    /// Number of responses, published beside the index (REFERENCE §3.4).
    pub const fn n(&self) -> u64 {
        self.n
    }

    /// How many responses answered this unsur (the NRR's denominator).
    pub const fn answered(&self, unsur: Unsur) -> u64 {
        self.tallies[unsur.slot()].count
    }

    /// The unsur that have an NRR, in code order.
    pub fn answered_unsur(&self) -> impl Iterator<Item = Unsur> + '_ {
        Unsur::ALL.into_iter().filter(|&u| self.answered(u) > 0)
    }

    /// Unrounded NRR (nearest `f64` to the exact ratio), for charts; `None` if nobody answered.
    pub fn nrr(&self, unsur: Unsur) -> Option<f64> {
        let t = self.tallies[unsur.slot()];
        (t.count > 0).then(|| t.sum as f64 / t.count as f64)
    }

    /// NRR rounded to hundredths, as an integer (3.40 → 340), for storage and exact display.
    pub fn nrr_e2(&self, unsur: Unsur) -> Option<u32> {
        let t = self.tallies[unsur.slot()];
        (t.count > 0).then(|| exact::round_mean_of_ratios(&[(t.sum, t.count)], 100))
    }

    /// NRR rounded to 2 decimals, for display.
    pub fn nrr_rounded(&self, unsur: Unsur) -> Option<f64> {
        self.nrr_e2(unsur).map(|v| f64::from(v) / 100.0)
    }

    /// Class of one unsur. Portal rule: the unsur's NRR × 25 is rounded to 2 decimals and
    /// classified with the konversi thresholds, which is "the same thresholds divided by 25"
    /// (REFERENCE §3.3) with the same single rounding as the IKM.
    pub fn unsur_mutu(&self, unsur: Unsur) -> Option<Mutu> {
        let t = self.tallies[unsur.slot()];
        (t.count > 0)
            .then(|| Mutu::from_konversi_e2(exact::round_mean_of_ratios(&[(t.sum, t.count)], 2500)))
    }

    /// IKM on the 1..4 scale rounded to 4 decimals (the worked example prints 3.1556).
    pub fn ikm(&self) -> f64 {
        f64::from(self.ikm_e4) / 10_000.0
    }

    /// IKM in ten-thousandths (3.1556 → 31556), for storage without floating point.
    pub const fn ikm_e4(&self) -> u32 {
        self.ikm_e4
    }

    /// IKM konversi (25..100) rounded to 2 decimals: the published figure.
    pub fn ikm_konversi(&self) -> f64 {
        f64::from(self.konversi_e2) / 100.0
    }

    /// IKM konversi in hundredths (78.89 → 7889), for storage without floating point.
    pub const fn ikm_konversi_e2(&self) -> u32 {
        self.konversi_e2
    }

    /// The class, from the rounded konversi (REFERENCE §3.2 step 4, §3.3).
    pub const fn mutu(&self) -> Mutu {
        Mutu::from_konversi_e2(self.konversi_e2)
    }

    /// Answered unsur from lowest NRR to highest (ties in code order): the follow-up plan
    /// starts with the first (REFERENCE §3.4). Compared exactly, not on rounded values.
    pub fn lowest_unsur(&self) -> Vec<Unsur> {
        let mut v: Vec<Unsur> = self.answered_unsur().collect();
        v.sort_by(|&a, &b| {
            let (ta, tb) = (self.tallies[a.slot()], self.tallies[b.slot()]);
            let lhs = u128::from(ta.sum) * u128::from(tb.count);
            let rhs = u128::from(tb.sum) * u128::from(ta.count);
            lhs.cmp(&rhs).then(a.cmp(&b))
        });
        v
    }
}

/// Fewest responses a service type needs in a period, from the number of people it served in
/// the previous period (Krejcie & Morgan, REFERENCE §3.4); the portal shows progress toward it.
pub fn minimum_sample(population: u64) -> u64 {
    // REFERENCE §3.4: S = 3.841·N·0.25 / (0.0025·(N−1) + 3.841·0.25), rounded up.
    // Multiplying both parts by 20 000 gives integers: S = 19205·N / (50·N + 19155).
    let n = u128::from(population);
    let num = 19_205 * n;
    let den = 50 * n + 19_155;
    let s = num / den + u128::from(num % den != 0);
    // S ≤ N and S < 385, so it always fits.
    u64::try_from(s).unwrap_or(u64::MAX)
}
