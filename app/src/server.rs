//! Everything that runs only on the server: configuration, the database, services (one module
//! per resource) and the per-request context pages are rendered with.

pub mod accounts;
pub mod admin_audit;
pub mod applications;
pub mod appraisal;
pub mod audit;
pub mod calendar;
pub mod catalog;
pub mod config;
pub mod context;
pub mod csv_import;
pub mod db;
pub mod error;
pub mod hr;
pub mod keys;
pub mod mailer;
pub mod memo;
pub mod outbox;
pub mod password;
pub mod permit_pattern;
pub mod permits;
pub mod rate_limit;
pub mod scoring;
pub mod session;
pub mod settings;
pub mod state;
pub mod storage;
pub mod survey;
pub mod survey_file;
pub mod units;
