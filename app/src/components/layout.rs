//! The frame around every page: skip link, header with navigation and language switch, the
//! main landmark and the footer.

use crate::i18n::{common as c, use_i18n};
use crate::islands::menu::MenuToggle;
use leptos::prelude::*;
use leptos_router::hooks::use_location;
use serde::{Deserialize, Serialize};

/// Facts about this Sigap instance that every page may show.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SiteInfo {
    /// The instance runs on fictitious demo data (shown as a banner).
    pub demo: bool,
}

/// Header, navigation, main content (`children`) and footer.
#[component]
pub fn Layout(children: Children) -> impl IntoView {
    let i18n = use_i18n();
    let site = use_context::<SiteInfo>().unwrap_or_default();
    view! {
        <a class="skip-link" href="#main">{i18n.t(c::SKIP_TO_CONTENT)}</a>
        {site.demo.then(|| view! { <div class="demo-banner" role="note">{i18n.t(c::DEMO_BANNER)}</div> })}
        <header class="site-header">
            <div class="container header-row">
                <a class="brand" href="/">
                    <span class="brand-mark" aria-hidden="true">"S"</span>
                    <span class="brand-name">{i18n.t(c::SITE_NAME)}</span>
                </a>
                <MenuToggle label=i18n.t(c::NAV_MENU).to_owned()>
                    <nav id="site-nav" class="site-nav" aria-label=i18n.t(c::NAV_LABEL)>
                        <ul>
                            <NavLink href="/" text=i18n.t(c::NAV_HOME)/>
                            <NavLink href="/tentang" text=i18n.t(c::NAV_ABOUT)/>
                            <NavLink href="/privasi" text=i18n.t(c::NAV_PRIVACY)/>
                        </ul>
                        <LanguageSwitch/>
                    </nav>
                </MenuToggle>
            </div>
        </header>
        <main id="main" class="container" tabindex="-1">{children()}</main>
        <footer class="site-footer">
            <div class="container">
                <p>{i18n.t(c::FOOTER_NOTE)}</p>
            </div>
        </footer>
    }
}

/// A navigation entry, marked as the current page when it is.
#[component]
fn NavLink(href: &'static str, text: &'static str) -> impl IntoView {
    let path = use_location().pathname.get_untracked();
    let current = path == href;
    view! {
        <li>
            <a href=href aria-current=current.then_some("page")>{text}</a>
        </li>
    }
}

/// Switches language with a plain form post (works without JavaScript); the server remembers
/// the choice in a cookie and sends the visitor back to the same page.
#[component]
fn LanguageSwitch() -> impl IntoView {
    let i18n = use_i18n();
    let location = use_location();
    let search = location.search.get_untracked();
    let next = if search.is_empty() {
        location.pathname.get_untracked()
    } else {
        format!("{}?{search}", location.pathname.get_untracked())
    };
    view! {
        <form method="post" action="/bahasa" class="lang-switch">
            <input type="hidden" name="lang" value=i18n.lang.other().code()/>
            <input type="hidden" name="next" value=next/>
            <button
                type="submit"
                class="link-button"
                lang=i18n.lang.other().code()
                title=i18n.t(c::LANG_SWITCH_HINT)
            >
                {i18n.t(c::LANG_SWITCH_TO)}
            </button>
        </form>
    }
}
