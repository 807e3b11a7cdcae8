//! Accounts: citizens register themselves; staff are created by admins (one by one or from a
//! CSV file) and activate their account through an emailed link. Everyone signs in with a
//! password and gets a session (see [`super::session`]).

pub mod admin;
pub mod import;
pub mod password;
pub mod profile;
pub mod register;
pub mod sign_in;
pub mod staff;

use super::audit::Actor;
use crate::auth::Viewer;

/// Facts about the request an account action came from, for the audit log and rate limits.
#[derive(Clone, Debug, Default)]
pub struct RequestMeta {
    /// Client IP address, if known.
    pub ip: Option<String>,
    /// The browser's user agent (stored with sessions so people can recognise them).
    pub user_agent: Option<String>,
}

impl RequestMeta {
    /// The audit actor for `viewer` making this request.
    pub fn actor(&self, viewer: &Viewer) -> Actor {
        let label = match viewer {
            Viewer::Anonymous => "anonymous".to_owned(),
            Viewer::Citizen { account_id, .. } => format!("citizen:{account_id}"),
            Viewer::Staff { account_id, .. } => format!("staff:{account_id}"),
        };
        Actor {
            account_id: viewer.account_id(),
            label,
            ip: self.ip.clone(),
        }
    }

    /// Rate-limit bucket key for this client's IP.
    pub fn ip_bucket(&self, action: &str) -> String {
        format!("{action}:ip:{}", self.ip.as_deref().unwrap_or("unknown"))
    }
}

/// Rate-limit bucket key for an identifier someone typed (hashed: no NIK in the table).
pub fn identifier_bucket(action: &str, identifier: &str) -> String {
    let normalised: String = identifier
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_lowercase();
    format!("{action}:id:{}", super::keys::token_hash(&normalised))
}
