//! The frame around every page: skip link, header with navigation and language switch, the
//! main landmark and the footer.

use crate::auth::{use_viewer, Role, Viewer};
use crate::i18n::{auth as a, common as c, flash, use_i18n};
use crate::islands::menu::MenuToggle;
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_query_map};
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
                            <NavLink href="/layanan" text=i18n.t(crate::i18n::catalog::NAV_SERVICES)/>
                            <NavLink href="/cek-status" text=i18n.t(crate::i18n::apply::NAV_STATUS)/>
                            <NavLink href="/ikm" text=i18n.t(crate::i18n::ikm::NAV_IKM)/>
                            <RoleLinks viewer=use_viewer()/>
                        </ul>
                        <SignOut/>
                        <LanguageSwitch/>
                    </nav>
                </MenuToggle>
            </div>
        </header>
        <main id="main" class="container" tabindex="-1">
            <FlashNotice/>
            {children()}
        </main>
        <footer class="site-footer">
            <div class="container">
                <p>{i18n.t(c::FOOTER_NOTE)}</p>
            </div>
        </footer>
    }
}

/// The links that depend on who is signed in.
#[component]
fn RoleLinks(viewer: Viewer) -> impl IntoView {
    let i18n = use_i18n();
    match viewer {
        Viewer::Anonymous => view! {
            <NavLink href="/masuk" text=i18n.t(a::NAV_SIGN_IN)/>
            <NavLink href="/daftar" text=i18n.t(a::NAV_REGISTER)/>
        }
        .into_any(),
        viewer => view! {
            {viewer.is_citizen().then(|| view! { <NavLink href="/permohonan" text=i18n.t(crate::i18n::apply::NAV_MY_APPLICATIONS)/> })}
            {(viewer.has_role(Role::Officer) || viewer.has_role(Role::Supervisor)).then(|| view! {
                <NavLink href="/petugas/antrian" text=i18n.t(crate::i18n::work::NAV_QUEUE)/>
            })}
            {viewer.has_role(Role::Supervisor).then(|| view! {
                <NavLink href="/petugas/tindak-lanjut" text=i18n.t(crate::i18n::staff_survey::NAV_FOLLOWUP)/>
            })}
            {viewer.has_role(Role::Supervisor).then(|| view! {
                <NavLink href="/petugas/penilaian" text=i18n.t(crate::i18n::appraisal::SUPV_NAV)/>
            })}
            {viewer.has_role(Role::Hr).then(|| view! { <NavLink href="/hr" text=i18n.t(crate::i18n::hr::NAV_HR)/> })}
            {viewer.has_role(Role::Admin).then(|| view! { <NavLink href="/admin" text=i18n.t(a::NAV_ADMIN)/> })}
            <NavLink href="/akun" text=i18n.t(a::NAV_ACCOUNT)/>
        }
        .into_any(),
    }
}

/// Sign-out is a POST (it changes state), so it is a small form.
#[component]
fn SignOut() -> impl IntoView {
    let i18n = use_i18n();
    use_viewer().is_signed_in().then(|| {
        view! {
            <form method="post" action="/keluar" class="nav-form">
                <button type="submit" class="link-button">{i18n.t(a::NAV_SIGN_OUT)}</button>
            </form>
        }
    })
}

/// The confirmation of the form that led here (`?ok=code`).
#[component]
fn FlashNotice() -> impl IntoView {
    let i18n = use_i18n();
    let code = use_query_map()
        .get_untracked()
        .get("ok")
        .unwrap_or_default();
    flash(&code).map(|msg| {
        view! { <div class="notice notice-ok" role="status" data-testid="flash"><p>{i18n.t(msg)}</p></div> }
    })
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
        <form method="post" action="/bahasa" class="lang-switch nav-form">
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
