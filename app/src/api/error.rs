//! The one error type every server function returns, safe to show and to serialise.

use crate::i18n::{common as c, I18n};
use leptos::server_fn::{
    codec::JsonEncoding,
    error::{FromServerFnError, ServerFnErrorErr},
};
use serde::{Deserialize, Serialize};

/// One invalid form field and why, already in the visitor's language.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    /// The form field's `name`.
    pub field: String,
    /// What is wrong and how to fix it.
    pub message: String,
}

/// What can go wrong in a server function, as the caller may know it. Internal failures are
/// logged on the server once and reach the caller only as [`ApiError::Internal`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum ApiError {
    /// The thing asked for does not exist (or the caller may not know it exists).
    #[error("not found")]
    NotFound,
    /// The caller must sign in first.
    #[error("sign-in required")]
    Unauthorized,
    /// Signed in, but not allowed.
    #[error("forbidden")]
    Forbidden,
    /// The input was refused; one entry per field.
    #[error("invalid input")]
    Validation(Vec<FieldError>),
    /// The request conflicts with the current state; the message explains it.
    #[error("conflict: {0}")]
    Conflict(String),
    /// Too many attempts; try again after this many seconds.
    #[error("rate limited")]
    RateLimited {
        /// Seconds until the next attempt is accepted.
        retry_after_secs: u64,
    },
    /// Something failed on the server; details are in the server log only.
    #[error("internal error")]
    Internal,
    /// The request never reached the function (network, encoding).
    #[error("transport: {0}")]
    Transport(String),
}

impl ApiError {
    /// A message for the visitor, in their language.
    pub fn message(&self, i18n: I18n) -> String {
        match self {
            ApiError::NotFound => i18n.t(c::NOT_FOUND_TITLE).to_owned(),
            ApiError::Unauthorized | ApiError::Forbidden => i18n.t(c::FORBIDDEN_BODY).to_owned(),
            ApiError::Validation(fields) if fields.is_empty() => {
                i18n.t(crate::i18n::forms::BAD_FORM).to_owned()
            }
            ApiError::Validation(fields) => fields
                .iter()
                .map(|f| f.message.as_str())
                .collect::<Vec<_>>()
                .join(" "),
            ApiError::Conflict(message) => message.clone(),
            ApiError::RateLimited { .. } | ApiError::Internal | ApiError::Transport(_) => {
                i18n.t(c::ERROR_BODY).to_owned()
            }
        }
    }
}

impl FromServerFnError for ApiError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        ApiError::Transport(value.to_string())
    }
}
