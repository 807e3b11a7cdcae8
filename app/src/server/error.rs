//! The service layer's error: what services return and how it reaches a caller.

use crate::api::error::ApiError;

/// A service failure. User-facing variants carry what the caller may know; the rest are
/// logged once, where they are converted, and shown as a generic message.
#[derive(Debug, thiserror::Error)]
pub enum ServiceError {
    /// Nothing with that identity exists (or the caller may not know it does).
    #[error("not found")]
    NotFound,
    /// The caller must sign in.
    #[error("unauthorized")]
    Unauthorized,
    /// The caller may not do this.
    #[error("forbidden")]
    Forbidden,
    /// Input refused, per field.
    #[error("validation failed")]
    Validation(Vec<crate::api::error::FieldError>),
    /// The action conflicts with current state (message already localised).
    #[error("conflict: {0}")]
    Conflict(String),
    /// Too many attempts.
    #[error("rate limited for {0} s")]
    RateLimited(u64),
    /// The database failed.
    #[error("database: {0}")]
    Database(#[from] sqlx::Error),
    /// Anything else unexpected.
    #[error("unexpected: {0}")]
    Unexpected(String),
}

impl From<ServiceError> for ApiError {
    fn from(error: ServiceError) -> Self {
        match error {
            ServiceError::NotFound => ApiError::NotFound,
            ServiceError::Unauthorized => ApiError::Unauthorized,
            ServiceError::Forbidden => ApiError::Forbidden,
            ServiceError::Validation(fields) => ApiError::Validation(fields),
            ServiceError::Conflict(message) => ApiError::Conflict(message),
            ServiceError::RateLimited(secs) => ApiError::RateLimited {
                retry_after_secs: secs,
            },
            internal @ (ServiceError::Database(_) | ServiceError::Unexpected(_)) => {
                tracing::error!(error = %internal, "request failed");
                ApiError::Internal
            }
        }
    }
}

/// Finishes a server function: converts the service's error and sets the matching HTTP status
/// (401, 403, 404, 409, 422, 429, 500) on the response.
pub fn respond<T>(result: Result<T, ServiceError>) -> Result<T, ApiError> {
    result.map_err(|error| {
        let api = ApiError::from(error);
        super::context::set_status(status_of(&api));
        api
    })
}

/// The HTTP status that goes with an API error.
pub fn status_of(error: &ApiError) -> http::StatusCode {
    use http::StatusCode as S;
    match error {
        ApiError::NotFound => S::NOT_FOUND,
        ApiError::Unauthorized => S::UNAUTHORIZED,
        ApiError::Forbidden => S::FORBIDDEN,
        ApiError::Validation(_) => S::UNPROCESSABLE_ENTITY,
        ApiError::Conflict(_) => S::CONFLICT,
        ApiError::RateLimited { .. } => S::TOO_MANY_REQUESTS,
        ApiError::Transport(_) => S::BAD_REQUEST,
        ApiError::Internal => S::INTERNAL_SERVER_ERROR,
    }
}
