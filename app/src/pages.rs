//! One module per page (or group of small pages). Pages are server components: they load their
//! data through server functions, render complete HTML, and use islands only where a visitor
//! benefits from interaction.

pub mod about;
pub mod account;
pub mod admin;
pub mod applications;
pub mod apply;
pub mod appraisal;
pub mod catalog;
pub mod guard;
pub mod home;
pub mod hr;
pub mod ikm;
pub mod not_found;
pub mod permit;
pub mod survey;
pub mod work;
