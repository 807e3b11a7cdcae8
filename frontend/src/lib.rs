//! Browser entry point: hydrates the interactive islands of a server-rendered Sigap page.
//!
//! Sigap renders every page on the server (see docs/ARCHITECTURE.md); only components marked
//! `#[island]` ship to the browser, so this crate stays small on purpose.

// The islands are `#[wasm_bindgen]` exports inside `app`; linking the crate keeps them.
use app as _;

/// Called by the hydration script Leptos puts in every page.
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_islands();
}
