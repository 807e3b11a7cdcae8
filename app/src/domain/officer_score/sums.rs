//! Scoring from exact sums (REFERENCE §4.1). A response's r_j is a whole number of half-points
//! (12.5), so everything an officer's score needs is three integers per officer — n, Σh and
//! Σh² — plus μ's two (Σh and the number of distinct responses). Those add up month by month,
//! which is what lets the portal keep them as rollups maintained on write and score a whole
//! period without reading its answers again; `score_officer` goes through the same path.

use super::result::UnitMean;

/// The exact integer sums behind one officer's score in a period.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct OfficerSums {
    /// Responses credited to the officer, including ones that skipped U6 and U7 (the
    /// response rate counts those).
    pub credited: u32,
    /// Usable responses: U6 or U7 answered (REFERENCE §4.1 skips the others).
    pub n: u32,
    /// Σ h_j, with r_j = 12.5 · h_j.
    pub sum_half_points: u64,
    /// Σ h_j².
    pub sum_sq_half_points: u64,
}

impl OfficerSums {
    /// Adds one credited response with `half_points` (`None` when U6 and U7 were skipped).
    pub fn add(&mut self, half_points: Option<u64>) {
        self.credited = self.credited.saturating_add(1);
        if let Some(h) = half_points {
            self.n += 1;
            self.sum_half_points += h;
            self.sum_sq_half_points += h * h;
        }
    }

    /// Sums that cannot come from real responses (h is 2..8, so Σh lies in [2n, 8n] and
    /// Σh² in [(Σh)²/n, 8Σh]; n ≤ credited) are refused rather than scored.
    pub fn is_consistent(&self) -> bool {
        let n = u64::from(self.n);
        let (s, q) = (self.sum_half_points, self.sum_sq_half_points);
        let bounded = self.n <= self.credited && s >= 2 * n && s <= 8 * n && q <= 8 * s;
        bounded && (n == 0 || u128::from(q) * u128::from(n) >= u128::from(s) * u128::from(s))
    }
}

impl UnitMean {
    /// μ from a unit's sums over its distinct usable responses; `None` without any.
    pub fn from_sums(sum_half_points: u64, responses: u64) -> Option<UnitMean> {
        (responses > 0).then_some(UnitMean {
            sum_half_points,
            responses,
        })
    }
}
