//! The `sigap` binary's library half: the HTTP router with its middleware, start-up, the
//! command-line interface and the demo data. Kept as a library so integration tests drive the
//! real router in-process.

pub mod admin_cli;
pub mod cli;
pub mod documents_cli;
pub mod http;
pub mod report_cli;
pub mod seed;
pub mod skm_cli;
pub mod startup;
pub mod worker;
