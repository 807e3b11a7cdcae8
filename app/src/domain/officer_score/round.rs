//! Output rounding (REFERENCE §4.1: "report numbers rounded to 2 decimals only at output").

/// Rounds to 2 decimals, half away from zero, for output only (REFERENCE §4.1).
///
/// Binary floats cannot hold most decimals (1.005 is stored as 1.00499999999999989…), so a
/// plain `(x * 100).round()` gives 1.00 where a person gives 1.01. For |x| < 10⁹ the value is
/// first read as its 12-significant-digit decimal (exact, via Rust's formatter), which absorbs
/// representation and arithmetic noise below ~5·10⁻¹¹ relative; then that decimal is rounded.
/// For 10⁹ ≤ |x| < 10¹⁵ the shortest round-trip decimal is rounded instead. Non-finite values
/// and |x| ≥ 10¹⁵ (no hundredths left in an f64) are returned unchanged; −0.00 becomes 0.
pub fn round2(x: f64) -> f64 {
    match round_to_hundredths(x) {
        Some(0) => 0.0,
        Some(h) => h as f64 / 100.0,
        None => x,
    }
}

/// `x` in hundredths, rounded as [`round2`] documents; `None` for non-finite or |x| ≥ 10¹⁵.
pub(super) fn round_to_hundredths(x: f64) -> Option<i64> {
    let a = x.abs();
    if !a.is_finite() || a >= 1e15 {
        return None;
    }
    let text = if a < 1e9 {
        format!("{a:.11e}")
    } else {
        format!("{a:e}")
    };
    let (mantissa, exponent) = text.split_once('e')?;
    let exponent: i64 = exponent.parse().ok()?;
    let digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
    let value: u128 = digits.parse().ok()?;
    // `text` = value × 10^(exponent − (len − 1)); hundredths need a shift of this many places.
    let shift = exponent - (digits.len() as i64 - 1) + 2;
    let hundredths = if shift >= 0 {
        value * 10_u128.checked_pow(u32::try_from(shift).ok()?)?
    } else {
        match 10_u128.checked_pow(u32::try_from(-shift).ok()?) {
            Some(p) if p <= value.saturating_mul(2) => {
                let (q, r) = (value / p, value % p);
                if 2 * r >= p {
                    q + 1
                } else {
                    q
                }
            }
            // value < p/2 (or p beyond u128): rounds to zero.
            _ => 0,
        }
    };
    let h = i64::try_from(hundredths).ok()?;
    Some(if x < 0.0 { -h } else { h })
}
