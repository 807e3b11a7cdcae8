//! The frame around every page: skip link, header with navigation and language switch, the
//! main landmark and the footer.

use crate::auth::{use_viewer, Role, Viewer};
use crate::i18n::{auth as a, common as c, flash, use_i18n, I18n};
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
///
/// The pieces below are plain functions fed from one read of the request's location and
/// viewer rather than components that each look them up: the frame is rendered on every page,
/// and each lookup walks the reactive owner tree (BENCHMARKS.md, figure 2).
#[component]
pub fn Layout(children: Children) -> impl IntoView {
    let i18n = use_i18n();
    let site = use_context::<SiteInfo>().unwrap_or_default();
    let viewer = use_viewer();
    let location = use_location();
    let path = location.pathname.get_untracked();
    let search = location.search.get_untracked();
    let flash_code = use_query_map()
        .get_untracked()
        .get("ok")
        .unwrap_or_default();
    let signed_in = viewer.is_signed_in();
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
                            {nav_link(&path, "/", i18n.t(c::NAV_HOME))}
                            {nav_link(&path, "/layanan", i18n.t(crate::i18n::catalog::NAV_SERVICES))}
                            {nav_link(&path, "/cek-status", i18n.t(crate::i18n::apply::NAV_STATUS))}
                            {nav_link(&path, "/ikm", i18n.t(crate::i18n::ikm::NAV_IKM))}
                            {role_links(i18n, &viewer, &path)}
                        </ul>
                        {signed_in.then(|| sign_out(i18n))}
                        {language_switch(i18n, &path, &search)}
                    </nav>
                </MenuToggle>
            </div>
        </header>
        <main id="main" class="container" tabindex="-1">
            {flash_notice(i18n, &flash_code)}
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
fn role_links(i18n: I18n, viewer: &Viewer, path: &str) -> impl IntoView {
    let link = |href, key| nav_link(path, href, i18n.t(key));
    let is = |role| viewer.has_role(role);
    let links = match viewer {
        Viewer::Anonymous => vec![
            Some(link("/masuk", a::NAV_SIGN_IN)),
            Some(link("/daftar", a::NAV_REGISTER)),
        ],
        _ => vec![
            viewer
                .is_citizen()
                .then(|| link("/permohonan", crate::i18n::apply::NAV_MY_APPLICATIONS)),
            (is(Role::Officer) || is(Role::Supervisor))
                .then(|| link("/petugas/antrian", crate::i18n::work::NAV_QUEUE)),
            is(Role::Supervisor).then(|| {
                link(
                    "/petugas/tindak-lanjut",
                    crate::i18n::staff_survey::NAV_FOLLOWUP,
                )
            }),
            is(Role::Supervisor)
                .then(|| link("/petugas/penilaian", crate::i18n::appraisal::SUPV_NAV)),
            is(Role::Hr).then(|| link("/hr", crate::i18n::hr::NAV_HR)),
            is(Role::Admin).then(|| link("/admin", a::NAV_ADMIN)),
            Some(link("/akun", a::NAV_ACCOUNT)),
        ],
    };
    links.into_iter().flatten().collect_view()
}

/// Sign-out is a POST (it changes state), so it is a small form.
fn sign_out(i18n: I18n) -> impl IntoView {
    view! {
        <form method="post" action="/keluar" class="nav-form">
            <button type="submit" class="link-button">{i18n.t(a::NAV_SIGN_OUT)}</button>
        </form>
    }
}

/// The confirmation of the form that led here (`?ok=code`).
fn flash_notice(i18n: I18n, code: &str) -> impl IntoView {
    flash(code).map(|msg| {
        view! { <div class="notice notice-ok" role="status" data-testid="flash"><p>{i18n.t(msg)}</p></div> }
    })
}

/// A navigation entry, marked as the current page when it is.
fn nav_link(path: &str, href: &'static str, text: &'static str) -> impl IntoView {
    let current = path == href;
    view! {
        <li>
            <a href=href aria-current=current.then_some("page")>{text}</a>
        </li>
    }
}

/// Switches language with a plain form post (works without JavaScript); the server remembers
/// the choice in a cookie and sends the visitor back to the same page.
fn language_switch(i18n: I18n, path: &str, search: &str) -> impl IntoView {
    let next = if search.is_empty() {
        path.to_owned()
    } else {
        format!("{path}?{search}")
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
