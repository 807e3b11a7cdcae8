//! Administration pages (admins only): units, staff, CSV imports, the audit log.

pub mod audit;
pub mod holidays;
pub mod import;
pub mod permit_numbers;
pub mod service_parts;
pub mod services;
pub mod staff;
pub mod units;

use super::guard::{Door, Guard};
use crate::auth::Role;
use crate::i18n::{admin as ad, use_i18n};
use leptos::prelude::*;
use leptos_meta::Title;

/// `/admin`: where an admin starts.
#[component]
pub fn AdminHomePage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Title text=i18n.t(ad::ADMIN_TITLE)/>
        <AdminGuard>
            <h1>{i18n.t(ad::ADMIN_TITLE)}</h1>
            <p class="lead">{i18n.t(ad::ADMIN_LEAD)}</p>
            <ul class="card-links">
                <li><a class="card" href="/admin/unit">{i18n.t(ad::UNITS_TITLE)}</a></li>
                <li><a class="card" href="/admin/pegawai">{i18n.t(ad::STAFF_TITLE)}</a></li>
                <li><a class="card" href="/admin/layanan">{i18n.t(crate::i18n::catalog::ADMIN_SERVICES_TITLE)}</a></li>
                <li><a class="card" href="/admin/libur">{i18n.t(crate::i18n::catalog::HOLIDAYS_TITLE)}</a></li>
                <li><a class="card" href="/admin/nomor-izin">{i18n.t(crate::i18n::catalog::PERMIT_NUMBERS_TITLE)}</a></li>
                <li><a class="card" href="/admin/impor">{i18n.t(ad::IMPORT_TITLE)}</a></li>
                <li><a class="card" href="/admin/audit">{i18n.t(ad::AUDIT_TITLE)}</a></li>
            </ul>
        </AdminGuard>
    }
}

/// Shows `children` to admins only.
#[component]
pub fn AdminGuard(children: Children) -> impl IntoView {
    view! { <Guard allowed=|v| v.has_role(Role::Admin) door=Door::Staff>{children()}</Guard> }
}
