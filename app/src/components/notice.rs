//! Notices shown inside a page: errors from a server call, confirmations.

use crate::api::error::ApiError;
use crate::i18n::use_i18n;
use leptos::prelude::*;

/// A failed load or action, in the visitor's language; internals never reach the page.
#[component]
pub fn ErrorNotice(error: ApiError) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="notice notice-error" role="alert">
            <p>{error.message(i18n)}</p>
        </div>
    }
}
