//! Every interactive island, in one place: these components (and only these) are compiled into
//! the WASM bundle and hydrated in the browser. Each one also renders a complete, usable form of
//! itself on the server, because many citizens browse with JavaScript off or not yet loaded.

pub mod menu;
pub mod unit_filter;
