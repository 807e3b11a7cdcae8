//! Server functions: the typed HTTP API that pages and islands call. Each one is thin: it takes
//! the state and the signed-in person from context, calls one service function in
//! [`crate::server`], and maps its error to an [`error::ApiError`].

pub mod account;
pub mod admin;
pub mod applications;
pub mod appraisal;
pub mod catalog;
pub mod error;
pub mod followup;
pub mod hr;
pub mod permits;
pub mod survey;
pub mod units;
