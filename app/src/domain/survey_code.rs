//! The short code of a counter invitation (REFERENCE §3 counter surveys): typed by a citizen
//! from a slip or a screen, so it avoids letters that look alike (0/O, 1/I/L) and is read
//! back whatever the case, spaces or dashes.

use std::fmt;

/// The letters a code is made of: 31 symbols, none easy to confuse.
pub const ALPHABET: &[u8] = b"23456789ABCDEFGHJKMNPQRSTUVWXYZ";
/// Symbols in a code (31^8 ≈ 8.5·10^11 codes; guessing is also rate-limited).
pub const LENGTH: usize = 8;

/// A well-formed short code, stored without separators (`K7M4Q2XP`), shown as `K7M4-Q2XP`.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct ShortCode(String);

impl ShortCode {
    /// A code from random bytes (the server passes fresh OS randomness).
    pub fn from_random(bytes: [u8; LENGTH]) -> ShortCode {
        // 256 is not a multiple of 31: the tiny bias of `% 31` is irrelevant for a code
        // that also expires and is rate-limited.
        ShortCode(
            bytes
                .iter()
                .map(|b| ALPHABET[usize::from(*b) % ALPHABET.len()] as char)
                .collect(),
        )
    }

    /// Reads a typed code: case, spaces and dashes ignored. Codes hold no `0`, `O`, `1`, `I`
    /// or `L`, so text with one of them is not a code.
    pub fn parse(typed: &str) -> Option<ShortCode> {
        let clean: String = typed
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '-')
            .map(|c| c.to_ascii_uppercase())
            .collect();
        (clean.len() == LENGTH && clean.bytes().all(|b| ALPHABET.contains(&b)))
            .then_some(ShortCode(clean))
    }

    /// Stored form.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for ShortCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-{}", &self.0[..4], &self.0[4..])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_code_is_shown_in_two_groups_and_read_back_however_typed() {
        let code = ShortCode::from_random([0, 1, 2, 3, 30, 31, 62, 255]);
        let shown = code.to_string();
        assert_eq!(shown.len(), 9);
        assert_eq!(ShortCode::parse(&shown), Some(code.clone()));
        assert_eq!(
            ShortCode::parse(&shown.to_lowercase().replace('-', " ")),
            Some(code)
        );
    }

    #[test]
    fn look_alike_letters_and_wrong_lengths_are_not_codes() {
        assert_eq!(ShortCode::parse("K7M4-Q2X0"), None);
        assert_eq!(ShortCode::parse("K7M4-Q2XI"), None);
        assert_eq!(ShortCode::parse("K7M4Q2X"), None);
        assert_eq!(ShortCode::parse(""), None);
    }

    proptest! {
        #[test]
        fn every_random_code_parses_back(bytes in proptest::array::uniform8(any::<u8>())) {
            let code = ShortCode::from_random(bytes);
            prop_assert_eq!(ShortCode::parse(&code.to_string()), Some(code));
        }
    }
}
