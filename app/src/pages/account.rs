//! The account pages: registration, sign-in (citizens and staff), passwords, profile.

pub mod password;
pub mod profile;
pub mod register;
pub mod sign_in;
