//! Everything that runs only on the server: configuration, the database, services (one module
//! per resource) and the per-request context pages are rendered with.

pub mod accounts;
pub mod admin_audit;
pub mod audit;
pub mod config;
pub mod context;
pub mod db;
pub mod error;
pub mod keys;
pub mod mailer;
pub mod outbox;
pub mod password;
pub mod rate_limit;
pub mod session;
pub mod settings;
pub mod state;
pub mod units;
