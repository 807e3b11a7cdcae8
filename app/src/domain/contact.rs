//! A person's name and contact details as typed into a form, parsed into values that are valid
//! wherever they travel: an [`Email`] is normalised, a [`Phone`] is in Indonesian E.164 form.

use serde::{Deserialize, Serialize};

/// Why a name, email or phone number was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ContactError {
    /// Nothing was typed.
    #[error("empty")]
    Empty,
    /// Longer than allowed.
    #[error("too long")]
    TooLong,
    /// A name with characters names do not have (digits, symbols).
    #[error("invalid characters in name")]
    InvalidName,
    /// Not an email address.
    #[error("invalid email")]
    InvalidEmail,
    /// Not an Indonesian mobile number.
    #[error("invalid phone")]
    InvalidPhone,
}

/// A person's full name as on their KTP: 2–120 characters, letters with spaces and the
/// punctuation names carry (`.`, `,`, `'`, `-`), internal spaces collapsed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FullName(String);

impl FullName {
    /// Parses a typed name.
    pub fn parse(input: &str) -> Result<FullName, ContactError> {
        let name = input.split_whitespace().collect::<Vec<_>>().join(" ");
        if name.is_empty() {
            return Err(ContactError::Empty);
        }
        if name.chars().count() > 120 {
            return Err(ContactError::TooLong);
        }
        let valid = name.chars().count() >= 2
            && name.chars().any(char::is_alphabetic)
            && name
                .chars()
                .all(|c| c.is_alphabetic() || c == ' ' || matches!(c, '.' | ',' | '\'' | '-'));
        if !valid {
            return Err(ContactError::InvalidName);
        }
        Ok(FullName(name))
    }

    /// The name.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// An email address, trimmed and lower-cased (addresses are compared case-insensitively).
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Email(String);

impl Email {
    /// Parses a typed address: one `@`, a non-empty local part, a dotted domain, no spaces.
    pub fn parse(input: &str) -> Result<Email, ContactError> {
        let email = input.trim().to_lowercase();
        if email.is_empty() {
            return Err(ContactError::Empty);
        }
        if email.len() > 254 {
            return Err(ContactError::TooLong);
        }
        let Some((local, domain)) = email.split_once('@') else {
            return Err(ContactError::InvalidEmail);
        };
        let domain_ok = domain.contains('.')
            && !domain.starts_with('.')
            && !domain.ends_with('.')
            && !domain.contains("..")
            && domain
                .chars()
                .all(|c| c.is_alphanumeric() || c == '.' || c == '-');
        let local_ok = !local.is_empty()
            && local.len() <= 64
            && !local
                .chars()
                .any(|c| c.is_whitespace() || c == '@' || c.is_control());
        if !(domain_ok && local_ok) {
            return Err(ContactError::InvalidEmail);
        }
        Ok(Email(email))
    }

    /// The normalised address.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// An Indonesian mobile number in E.164 form (`+628…`), from the ways people type it:
/// `0812-3456-7890`, `62812…`, `+62 812 …`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Phone(String);

impl Phone {
    /// Parses a typed mobile number.
    pub fn parse(input: &str) -> Result<Phone, ContactError> {
        let trimmed = input.trim();
        if trimmed.is_empty() {
            return Err(ContactError::Empty);
        }
        if trimmed
            .chars()
            .any(|c| !(c.is_ascii_digit() || matches!(c, ' ' | '-' | '+' | '(' | ')' | '.')))
        {
            return Err(ContactError::InvalidPhone);
        }
        let digits: String = trimmed.chars().filter(char::is_ascii_digit).collect();
        let national = if let Some(rest) = digits.strip_prefix("62") {
            rest.to_owned()
        } else if let Some(rest) = digits.strip_prefix('0') {
            rest.to_owned()
        } else {
            return Err(ContactError::InvalidPhone);
        };
        // Mobile numbers start with 8 and have 9–12 digits after the country code.
        if !national.starts_with('8') || !(9..=12).contains(&national.len()) {
            return Err(ContactError::InvalidPhone);
        }
        Ok(Phone(format!("+62{national}")))
    }

    /// The E.164 number.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_trimmed_and_collapsed() {
        assert_eq!(
            FullName::parse("  Siti   Aminah ").unwrap().as_str(),
            "Siti Aminah"
        );
        assert_eq!(
            FullName::parse("R.A. Kartini-Djojo, S.H.")
                .unwrap()
                .as_str(),
            "R.A. Kartini-Djojo, S.H."
        );
        assert_eq!(FullName::parse("Ni'mah").unwrap().as_str(), "Ni'mah");
    }

    #[test]
    fn names_refuse_digits_symbols_and_emptiness() {
        assert_eq!(FullName::parse(" "), Err(ContactError::Empty));
        assert_eq!(FullName::parse("Budi 2"), Err(ContactError::InvalidName));
        assert_eq!(FullName::parse("<script>"), Err(ContactError::InvalidName));
        assert_eq!(FullName::parse("A"), Err(ContactError::InvalidName));
        assert_eq!(
            FullName::parse(&"a".repeat(121)),
            Err(ContactError::TooLong)
        );
    }

    #[test]
    fn emails_are_normalised() {
        assert_eq!(
            Email::parse(" Siti.Aminah@Example.go.id ")
                .unwrap()
                .as_str(),
            "siti.aminah@example.go.id"
        );
    }

    #[test]
    fn malformed_emails_are_refused() {
        for bad in [
            "siti",
            "siti@",
            "@x.id",
            "siti@localhost",
            "si ti@x.id",
            "a@b..id",
            "a@.x.id",
            "a@x.id.",
        ] {
            assert_eq!(Email::parse(bad), Err(ContactError::InvalidEmail), "{bad}");
        }
        assert_eq!(Email::parse(""), Err(ContactError::Empty));
    }

    #[test]
    fn phones_become_e164() {
        for typed in [
            "0812-3456-7890",
            "+62 812 3456 7890",
            "6281234567890",
            "(0812) 3456.7890",
        ] {
            assert_eq!(
                Phone::parse(typed).unwrap().as_str(),
                "+6281234567890",
                "{typed}"
            );
        }
    }

    #[test]
    fn landlines_and_garbage_are_refused() {
        for bad in [
            "021-555-1234",
            "12345",
            "0812abc4567",
            "+1 202 555 0100",
            "08123",
        ] {
            assert_eq!(Phone::parse(bad), Err(ContactError::InvalidPhone), "{bad}");
        }
    }
}
