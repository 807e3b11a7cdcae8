//! Signing keys derived from the instance secret, one per purpose, so a token made for one
//! purpose (a session, a survey invitation) can never pass as another.

use super::config::Secret;
use hmac::{Hmac, Mac};
use sha2::Sha256;

/// What a derived key is for. The label is part of the derivation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeyPurpose {
    /// Signs session access tokens.
    Session,
    /// Signs survey invitation tokens.
    Survey,
    /// Signs permit verification codes.
    Permit,
}

impl KeyPurpose {
    fn label(self) -> &'static [u8] {
        match self {
            KeyPurpose::Session => b"sigap/session-jwt/v1",
            KeyPurpose::Survey => b"sigap/survey-jwt/v1",
            KeyPurpose::Permit => b"sigap/permit-code/v1",
        }
    }
}

/// HMAC-SHA256(master, purpose label): 32 bytes of key material for `purpose`.
pub fn derive(master: &Secret, purpose: KeyPurpose) -> [u8; 32] {
    let mut mac =
        Hmac::<Sha256>::new_from_slice(master.expose()).expect("HMAC accepts keys of any length");
    mac.update(purpose.label());
    mac.finalize().into_bytes().into()
}

/// SHA-256 of a token, hex-encoded: how one-time tokens are stored (never the token itself).
pub fn token_hash(token: &str) -> String {
    use sha2::Digest;
    let digest = Sha256::digest(token.as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// A fresh random token: 32 bytes, URL-safe base64.
pub fn random_token() -> String {
    use base64::Engine;
    let mut bytes = [0u8; 32];
    rand::RngCore::fill_bytes(&mut rand::rngs::OsRng, &mut bytes);
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn purposes_get_different_keys() {
        let master = Secret::new(b"0123456789abcdef0123456789abcdef".to_vec());
        assert_ne!(
            derive(&master, KeyPurpose::Session),
            derive(&master, KeyPurpose::Survey)
        );
        assert_eq!(
            derive(&master, KeyPurpose::Session),
            derive(&master, KeyPurpose::Session)
        );
    }

    #[test]
    fn tokens_are_random_and_hashes_stable() {
        assert_ne!(random_token(), random_token());
        assert_eq!(token_hash("abc"), token_hash("abc"));
        assert_eq!(token_hash("abc").len(), 64);
    }
}
