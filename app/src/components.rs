//! Server-rendered building blocks shared by pages: the layout and small presentational pieces.

pub mod application;
pub mod charts;
pub mod form;
pub mod layout;
pub mod notice;
