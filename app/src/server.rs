//! Everything that runs only on the server: configuration, the database, services (one module
//! per resource) and the per-request context pages are rendered with.

pub mod config;
pub mod context;
pub mod db;
pub mod error;
pub mod settings;
pub mod state;
pub mod units;
