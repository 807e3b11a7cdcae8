//! The satisfaction survey (REFERENCE §3): invitations (one per completed application, or
//! issued at the counter), single-use answers stored without the respondent's identity, the
//! official index per unit and service, paper answers, and the follow-up of low answers.
//!
//! What a reader of the survey data sees (`survey_response`) holds no account, NIK or
//! application. The application a response rates and the officers it credits are kept in
//! `survey_response_source` and `survey_response_credit`, read only by scoring and follow-up.

pub mod answer;
pub mod followup;
pub mod index;
pub mod invite;
pub mod paper;

use jsonwebtoken::{decode, encode, Algorithm, DecodingKey, EncodingKey, Header, Validation};
use serde::{Deserialize, Serialize};

/// Audience of survey tokens; a session token (audience `sigap-session`, another key) never
/// passes as one, nor the reverse.
pub const AUDIENCE: &str = "sigap-survey";
const ISSUER: &str = "sigap";

/// What a survey invitation token says: which invitation, until when.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct SurveyClaims {
    /// The invitation's random id (`survey_invitation.jti`).
    pub jti: String,
    /// Always [`AUDIENCE`].
    pub aud: String,
    /// Always "sigap".
    pub iss: String,
    /// Issued at (seconds).
    pub iat: i64,
    /// Expires at (seconds).
    pub exp: i64,
}

/// Signs and checks invitation tokens with the survey key (HS256 pinned; `exp`, `aud`, `iss`
/// required).
#[derive(Clone)]
pub struct SurveyKeys {
    encoding: EncodingKey,
    decoding: DecodingKey,
    validation: Validation,
}

impl SurveyKeys {
    /// Derives the survey key from the instance secret.
    pub fn new(master: &super::config::Secret) -> Self {
        let key = super::keys::derive(master, super::keys::KeyPurpose::Survey);
        let mut validation = Validation::new(Algorithm::HS256);
        validation.set_audience(&[AUDIENCE]);
        validation.set_issuer(&[ISSUER]);
        validation.set_required_spec_claims(&["exp", "iat", "aud", "iss", "jti"]);
        validation.leeway = 0;
        SurveyKeys {
            encoding: EncodingKey::from_secret(&key),
            decoding: DecodingKey::from_secret(&key),
            validation,
        }
    }

    /// The token of invitation `jti`, valid until `exp_secs`. Signing is deterministic, so the
    /// same invitation always has the same link (it is shown again on the citizen's pages).
    pub fn sign(&self, jti: &str, iat_secs: i64, exp_secs: i64) -> String {
        let claims = SurveyClaims {
            jti: jti.to_owned(),
            aud: AUDIENCE.to_owned(),
            iss: ISSUER.to_owned(),
            iat: iat_secs,
            exp: exp_secs,
        };
        encode(&Header::new(Algorithm::HS256), &claims, &self.encoding)
            .expect("HS256 signing cannot fail")
    }

    /// Checks a token's signature, algorithm, audience and issuer. Expiry is reported apart
    /// ([`Checked::Expired`]) so the page can say so plainly.
    pub fn check(&self, token: &str, now_secs: i64) -> Checked {
        let mut lenient = self.validation.clone();
        lenient.validate_exp = false;
        match decode::<SurveyClaims>(token, &self.decoding, &lenient) {
            Ok(data) if data.claims.exp <= now_secs => Checked::Expired,
            Ok(data) if data.claims.iat > now_secs + 5 => Checked::Invalid,
            Ok(data) => Checked::Valid(data.claims),
            Err(_) => Checked::Invalid,
        }
    }
}

/// The verdict on a presented token.
#[derive(Clone, Debug)]
pub enum Checked {
    /// Genuine and current.
    Valid(SurveyClaims),
    /// Genuine but past its expiry.
    Expired,
    /// Forged, tampered, for another purpose, or not a token at all.
    Invalid,
}

/// The address of the questionnaire for a token.
pub fn survey_url(base_url: &str, token: &str) -> String {
    format!("{base_url}/survei/{token}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::server::config::Secret;

    fn keys() -> SurveyKeys {
        SurveyKeys::new(&Secret::new(b"0123456789abcdef0123456789abcdef".to_vec()))
    }

    #[test]
    fn a_signed_token_checks_until_it_expires() {
        let k = keys();
        let t = k.sign("abc", 1_000, 2_000);
        assert!(matches!(k.check(&t, 1_500), Checked::Valid(c) if c.jti == "abc"));
        assert!(matches!(k.check(&t, 2_000), Checked::Expired));
        assert_eq!(t, k.sign("abc", 1_000, 2_000));
    }

    #[test]
    fn tokens_of_another_key_or_purpose_or_tampered_are_invalid() {
        let k = keys();
        let other = SurveyKeys::new(&Secret::new(b"another-secret-another-secret-123".to_vec()));
        assert!(matches!(
            k.check(&other.sign("abc", 1_000, 2_000), 1_500),
            Checked::Invalid
        ));
        let sessions = crate::server::session::SessionKeys::new(&Secret::new(
            b"0123456789abcdef0123456789abcdef".to_vec(),
        ));
        assert!(matches!(
            k.check(&sessions.issue(1, "sid", 1_000), 1_100),
            Checked::Invalid
        ));
        let t = k.sign("abc", 1_000, 2_000);
        let mut parts: Vec<String> = t.split('.').map(str::to_owned).collect();
        parts[1] = parts[1].replace('a', "b");
        assert!(matches!(k.check(&parts.join("."), 1_500), Checked::Invalid));
        assert!(matches!(k.check("not-a-token", 1_500), Checked::Invalid));
    }

    #[test]
    fn an_unsigned_token_is_refused() {
        use base64::Engine;
        let b64 = base64::engine::general_purpose::URL_SAFE_NO_PAD;
        let header = b64.encode(r#"{"alg":"none","typ":"JWT"}"#);
        let body = b64.encode(
            r#"{"jti":"abc","aud":"sigap-survey","iss":"sigap","iat":1000,"exp":99999999999}"#,
        );
        assert!(matches!(
            keys().check(&format!("{header}.{body}."), 1_500),
            Checked::Invalid
        ));
    }
}
