//! Exact rounding of a mean of integer ratios, so the index is rounded once from its true
//! value (REFERENCE §3.2 step 4) and never from a binary floating-point approximation.
//!
//! With NRR_i = s_i / c_i over k answered unsur, `scale · (1/k) · Σ s_i/c_i` is the rational
//! `scale · N / (k · D)` where D = Π c_i and N = Σ s_i · Π_{j≠i} c_j. At most nine u64 factors
//! make D at most 576 bits, so a fixed 768-bit unsigned integer holds every intermediate.

use std::cmp::Ordering;

const LIMBS: usize = 12;

/// Little-endian fixed-width unsigned integer; only what the rounding needs.
#[derive(Clone, Copy, PartialEq, Eq)]
struct Big([u64; LIMBS]);

impl Big {
    fn from_u64(v: u64) -> Big {
        let mut limbs = [0; LIMBS];
        limbs[0] = v;
        Big(limbs)
    }

    /// `None` on overflow past 768 bits.
    fn checked_mul(self, m: u64) -> Option<Big> {
        let mut out = [0u64; LIMBS];
        let mut carry: u128 = 0;
        for (o, &l) in out.iter_mut().zip(self.0.iter()) {
            let p = u128::from(l) * u128::from(m) + carry;
            *o = p as u64; // low 64 bits; the rest carries
            carry = p >> 64;
        }
        (carry == 0).then_some(Big(out))
    }

    /// `None` on overflow past 768 bits.
    fn checked_add(self, other: Big) -> Option<Big> {
        let mut out = [0u64; LIMBS];
        let mut carry = false;
        for (i, o) in out.iter_mut().enumerate() {
            let (a, c1) = self.0[i].overflowing_add(other.0[i]);
            let (b, c2) = a.overflowing_add(u64::from(carry));
            *o = b;
            carry = c1 || c2;
        }
        (!carry).then_some(Big(out))
    }
}

impl Ord for Big {
    fn cmp(&self, other: &Self) -> Ordering {
        self.0.iter().rev().cmp(other.0.iter().rev())
    }
}

impl PartialOrd for Big {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

const FITS: &str = "at most nine u64 ratios fit in 768 bits";

/// `round_half_up(scale · mean(s_i / c_i))` computed exactly. All values are non-negative, so
/// half-up is half away from zero.
///
/// # Panics
/// If `ratios` is empty or longer than 9, if a denominator is 0, or if the result exceeds
/// `u32` (impossible for NRRs, which are at most 4, with the scales used here).
pub(super) fn round_mean_of_ratios(ratios: &[(u64, u64)], scale: u32) -> u32 {
    assert!(
        (1..=9).contains(&ratios.len()),
        "between one and nine ratios"
    );
    assert!(ratios.iter().all(|&(_, c)| c > 0), "non-zero denominators");
    let k = ratios.len() as u64;
    let d = ratios
        .iter()
        .try_fold(Big::from_u64(1), |acc, &(_, c)| acc.checked_mul(c))
        .expect(FITS);
    let mut n = Big::from_u64(0);
    for (i, &(s, _)) in ratios.iter().enumerate() {
        let term = ratios
            .iter()
            .enumerate()
            .filter(|&(j, _)| j != i)
            .try_fold(Big::from_u64(s), |acc, (_, &(_, c))| acc.checked_mul(c))
            .expect(FITS);
        n = n.checked_add(term).expect(FITS);
    }
    // round(scale·N / (k·D)) = floor((2·scale·N + k·D) / (2·k·D)).
    let num = n
        .checked_mul(2 * u64::from(scale))
        .and_then(|x| x.checked_add(d.checked_mul(k)?))
        .expect(FITS);
    let den = d.checked_mul(2 * k).expect(FITS);
    // Largest q with q·den ≤ num, by binary search over u32 (a product that overflows is
    // larger than `num`, which fits).
    let (mut lo, mut hi) = (0u64, u64::from(u32::MAX) + 1);
    while hi - lo > 1 {
        let mid = lo + (hi - lo) / 2;
        match den.checked_mul(mid) {
            Some(p) if p <= num => lo = mid,
            _ => hi = mid,
        }
    }
    assert!(
        den.checked_mul(hi).is_none_or(|p| p > num),
        "result fits in u32"
    );
    lo as u32
}
