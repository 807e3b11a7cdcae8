//! The password policy for new passwords (NIST SP 800-63B style: length over composition, a
//! refusal list, nothing guessable from the person's own data).

/// Why a new password was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum PasswordError {
    /// Fewer than [`MIN_LEN`] characters.
    #[error("too short")]
    TooShort,
    /// More than [`MAX_LEN`] characters.
    #[error("too long")]
    TooLong,
    /// A well-known password or a trivial pattern.
    #[error("too common")]
    TooCommon,
    /// Contains the person's NIK, NIP, email name or similar.
    #[error("contains personal data")]
    ContainsPersonalData,
}

/// Minimum length in characters.
pub const MIN_LEN: usize = 8;
/// Maximum length in characters (argon2 hashes anything, but a bound stops abuse).
pub const MAX_LEN: usize = 128;

const COMMON: &[&str] = &[
    "password",
    "password1",
    "password123",
    "passw0rd",
    "12345678",
    "123456789",
    "1234567890",
    "87654321",
    "qwerty123",
    "qwertyuiop",
    "iloveyou",
    "sayangku",
    "bismillah",
    "indonesia",
    "indonesia1",
    "rahasia123",
    "rahasia",
    "sigap123",
    "admin123",
    "administrator",
    "welcome1",
    "abc12345",
    "abcd1234",
    "11111111",
    "00000000",
    "katasandi",
    "kata sandi",
    "merdeka45",
];

/// A new password that passed the policy. Holds the text only until it is hashed.
pub struct NewPassword(String);

impl NewPassword {
    /// Checks `input` against the policy; `personal` holds the person's own identifiers (NIK,
    /// NIP, email local part, phone digits) that must not appear in it.
    pub fn parse(input: &str, personal: &[&str]) -> Result<NewPassword, PasswordError> {
        let length = input.chars().count();
        if length < MIN_LEN {
            return Err(PasswordError::TooShort);
        }
        if length > MAX_LEN {
            return Err(PasswordError::TooLong);
        }
        let lower = input.to_lowercase();
        let first = lower.chars().next();
        if COMMON.contains(&lower.as_str()) || lower.chars().all(|c| Some(c) == first) {
            return Err(PasswordError::TooCommon);
        }
        if personal
            .iter()
            .map(|p| p.trim().to_lowercase())
            .any(|p| p.chars().count() >= 4 && lower.contains(&p))
        {
            return Err(PasswordError::ContainsPersonalData);
        }
        Ok(NewPassword(input.to_owned()))
    }

    /// The password, for hashing.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for NewPassword {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("NewPassword(…)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_unusual_passphrase_is_accepted() {
        assert!(NewPassword::parse("kopi susu di pagi hari", &[]).is_ok());
    }

    #[test]
    fn short_long_and_common_passwords_are_refused() {
        assert_eq!(
            NewPassword::parse("abc123", &[]).err(),
            Some(PasswordError::TooShort)
        );
        assert_eq!(
            NewPassword::parse(&"x".repeat(129), &[]).err(),
            Some(PasswordError::TooLong)
        );
        assert_eq!(
            NewPassword::parse("Password123", &[]).err(),
            Some(PasswordError::TooCommon)
        );
        assert_eq!(
            NewPassword::parse("aaaaaaaaaa", &[]).err(),
            Some(PasswordError::TooCommon)
        );
    }

    #[test]
    fn personal_identifiers_are_refused() {
        assert_eq!(
            NewPassword::parse("x3171012345670001x", &["3171012345670001"]).err(),
            Some(PasswordError::ContainsPersonalData)
        );
        assert_eq!(
            NewPassword::parse("SitiAminah!!", &["sitiaminah"]).err(),
            Some(PasswordError::ContainsPersonalData)
        );
    }

    #[test]
    fn debug_output_hides_the_password() {
        let p = NewPassword::parse("kopi susu di pagi hari", &[]).unwrap();
        assert!(!format!("{p:?}").contains("kopi"));
    }
}
