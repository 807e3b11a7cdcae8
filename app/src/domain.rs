//! Sigap's rules as pure functions and types, with no IO: compiled for the server and the
//! browser alike, and tested against the worked examples of the domain reference
//! (docs/REFERENCE.md).

pub mod application_state;
pub mod appraisal;
pub mod code;
pub mod contact;
pub mod document;
pub mod nik;
pub mod nip;
pub mod officer_score;
pub mod password;
pub mod period;
pub mod registration;
pub mod respondent;
pub mod roster;
pub mod service;
pub mod skm;
pub mod survey_code;
pub mod survey_csv;
pub mod survey_form;
pub mod tz;
pub mod workdays;
