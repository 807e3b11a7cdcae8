//! The navigation menu button for small screens.
//!
//! Without JavaScript the navigation is simply always shown and the button stays hidden, so
//! nobody meets a button that does nothing. Once hydrated, small screens collapse the
//! navigation behind the button.

use leptos::prelude::*;

/// Wraps the site navigation (`children`) with a toggle that appears only once hydrated.
#[island]
pub fn MenuToggle(
    /// Visible text of the button ("Menu").
    label: String,
    children: Children,
) -> impl IntoView {
    let hydrated = RwSignal::new(false);
    let open = RwSignal::new(false);
    // Effects run only in the browser, after hydration.
    Effect::new(move |_| hydrated.set(true));
    view! {
        <div class="nav-wrap" class:js-collapsed=move || hydrated.get() && !open.get()>
            <button
                type="button"
                class="menu-button"
                aria-controls="site-nav"
                aria-expanded=move || if open.get() { "true" } else { "false" }
                hidden=move || !hydrated.get()
                on:click=move |_| open.update(|o| *o = !*o)
            >
                <span class="menu-icon" aria-hidden="true"></span>
                {label}
            </button>
            {children()}
        </div>
    }
}
