//! Sigap's integration tests, in one binary (one link step instead of one per file; each test
//! still runs in its own process under nextest). Each module is one area; `common` holds the
//! harness (a fresh database per test on SQLite and PostgreSQL, the router in-process) and
//! `applying` the helpers of the application tests.

#[macro_use]
mod common;
mod applying;

mod accounts;
mod applications;
mod applications_access;
mod applications_import;
mod applications_replay;
mod applications_sla;
mod applications_uploads;
mod appraisal;
mod catalog_list;
mod control_chars;
mod crash;
mod documents_move;
mod foundation;
mod garbage;
mod hr;
mod logs;
mod matrix;
mod migrations;
mod permit_pattern;
mod replica;
mod rollups;
mod safe_methods;
mod scoring;
mod seed_scale;
mod servers;
mod skm_compute;
mod soak;
mod staff_admin;
mod status_page;
mod survey;
mod survey_index;
mod tokens;
