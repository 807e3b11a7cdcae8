//! Staff administration: the list (`/admin/pegawai`), a new person (`/admin/pegawai/baru`) and
//! one person (`/admin/pegawai/:nip`) with deactivation and the activation link.

use super::AdminGuard;
use crate::api::admin::{
    admin_get_staff, admin_list_staff, admin_list_units, StaffFilter, StaffRow,
};
use crate::auth::Role;
use crate::components::form::{CheckboxGroup, ErrorSummary, SelectField, Submit, TextField};
use crate::components::notice::ErrorNotice;
use crate::i18n::{admin as ad, auth as a, errors, use_i18n, I18n};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

/// The staff list with its filters (a GET form, so filtered lists can be bookmarked).
#[component]
pub fn StaffListPage() -> impl IntoView {
    // The content is built only for viewers the guard admits, so its data is loaded only
    // for them, and a failed load cannot overwrite the guard's answer.
    view! { <AdminGuard><StaffListPageBody/></AdminGuard> }
}

/// The content of [`StaffListPage`].
#[component]
fn StaffListPageBody() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map().get_untracked();
    let filter = StaffFilter {
        unit: query.get("unit").unwrap_or_default(),
        q: query.get("q").unwrap_or_default(),
    };
    // Loaded once per page view (see `pages::apply::with_application`).
    let loaded = OnceResource::new(admin_list_units());
    let listed = OnceResource::new(admin_list_staff(filter.clone()));
    let body = move || {
        let filter = filter.clone();
        Suspend::new(async move {
            let (units, staff) = match (loaded.await, listed.await) {
                (Ok(units), Ok(staff)) => (units, staff),
                (Err(error), _) | (_, Err(error)) => {
                    return view! { <ErrorNotice error/> }.into_any()
                }
            };
            let mut options = vec![(String::new(), i18n.t(ad::STAFF_FILTER_ALL_UNITS).to_owned())];
            options.extend(
                units
                    .into_iter()
                    .map(|u| (u.code.clone(), format!("{} — {}", u.code, u.name))),
            );
            view! {
                <form method="get" action="/admin/pegawai" class="filters">
                    <SelectField name="unit" label=i18n.t(ad::STAFF_FILTER_UNIT) options initial=filter.unit.clone()/>
                    <TextField name="q" label=i18n.t(ad::STAFF_FILTER_Q) kind="search" initial=filter.q.clone()/>
                    <button type="submit" class="button secondary">{i18n.t(ad::STAFF_FILTER_APPLY)}</button>
                </form>
                <StaffTable staff i18n/>
            }
            .into_any()
        })
    };
    view! {
        <Title text=i18n.t(ad::STAFF_TITLE)/>
            <p class="breadcrumb"><a href="/admin">{i18n.t(ad::ADMIN_TITLE)}</a></p>
            <h1>{i18n.t(ad::STAFF_TITLE)}</h1>
            <p><a class="button" href="/admin/pegawai/baru">{i18n.t(ad::STAFF_ADD)}</a></p>
            <Suspense>{body}</Suspense>
    }
}

#[component]
fn StaffTable(staff: Vec<StaffRow>, i18n: I18n) -> impl IntoView {
    if staff.is_empty() {
        return view! { <p class="empty">{i18n.t(ad::STAFF_NONE)}</p> }.into_any();
    }
    view! {
        <div class="table-wrap">
            <table class="table">
                <thead><tr>
                    <th scope="col">{i18n.t(a::NIP)}</th>
                    <th scope="col">{i18n.t(ad::STAFF_NAME)}</th>
                    <th scope="col">{i18n.t(a::UNIT)}</th>
                    <th scope="col">{i18n.t(a::ROLES)}</th>
                    <th scope="col">{i18n.t(ad::STAFF_STATUS)}</th>
                </tr></thead>
                <tbody>
                    {staff.into_iter().map(|s| {
                        let href = format!("/admin/pegawai/{}", s.nip);
                        view! {
                            <tr>
                                <td class="mono"><a href=href>{s.nip.clone()}</a></td>
                                <td>{s.name.clone()}</td>
                                <td>{s.unit_code.clone().unwrap_or_default()}</td>
                                <td>{role_list(i18n, &s.roles)}</td>
                                <td>{status(i18n, &s)}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
    .into_any()
}

fn role_list(i18n: I18n, roles: &[Role]) -> String {
    roles
        .iter()
        .map(|r| errors::role(i18n, *r))
        .collect::<Vec<_>>()
        .join(", ")
}

fn status(i18n: I18n, s: &StaffRow) -> &'static str {
    match (s.active, s.activated) {
        (false, _) => i18n.t(ad::STAFF_DEACTIVATED),
        (true, false) => i18n.t(ad::STAFF_PENDING),
        (true, true) => i18n.t(ad::STAFF_ACTIVE),
    }
}

/// A new staff member.
#[component]
pub fn NewStaffPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Title text=i18n.t(ad::STAFF_ADD)/>
        <AdminGuard>
            <p class="breadcrumb"><a href="/admin/pegawai">{i18n.t(ad::STAFF_TITLE)}</a></p>
            <h1>{i18n.t(ad::STAFF_ADD)}</h1>
            <StaffForm existing=None/>
        </AdminGuard>
    }
}

/// One staff member: edit, deactivate or reactivate, send the activation link.
#[component]
pub fn EditStaffPage() -> impl IntoView {
    // The content is built only for viewers the guard admits, so its data is loaded only
    // for them, and a failed load cannot overwrite the guard's answer.
    view! { <AdminGuard><EditStaffPageBody/></AdminGuard> }
}

/// The content of [`EditStaffPage`].
#[component]
fn EditStaffPageBody() -> impl IntoView {
    let i18n = use_i18n();
    let nip = use_params_map()
        .get_untracked()
        .get("nip")
        .unwrap_or_default();
    // Loaded once per page view (see `pages::apply::with_application`).
    let loaded2 = OnceResource::new(admin_get_staff(nip.clone()));
    let body = move || {
        Suspend::new(async move {
            match loaded2.await {
                Ok(staff) => view! { <StaffDetail staff i18n/> }.into_any(),
                Err(error) => view! { <ErrorNotice error/> }.into_any(),
            }
        })
    };
    view! {
        <Title text=i18n.t(ad::STAFF_EDIT)/>
            <p class="breadcrumb"><a href="/admin/pegawai">{i18n.t(ad::STAFF_TITLE)}</a></p>
            <h1>{i18n.t(ad::STAFF_EDIT)}</h1>
            <Suspense>{body}</Suspense>
    }
}

#[component]
fn StaffDetail(staff: StaffRow, i18n: I18n) -> impl IntoView {
    let status_action = format!("/admin/pegawai/{}/status", staff.nip);
    let activation_action = format!("/admin/pegawai/{}/aktivasi", staff.nip);
    let (button, hint, next) = if staff.active {
        (ad::STAFF_DEACTIVATE, Some(ad::STAFF_DEACTIVATE_HINT), "0")
    } else {
        (ad::STAFF_REACTIVATE, None, "1")
    };
    view! {
        <p><strong>{staff.name.clone()}</strong> " · " <span class="mono">{staff.nip.clone()}</span> " · " {status(i18n, &staff)}</p>
        <StaffForm existing=Some(staff.clone())/>
        <section class="danger-zone">
            <h2>{i18n.t(ad::STAFF_STATUS)}</h2>
            {hint.map(|h| view! { <p class="hint">{i18n.t(h)}</p> })}
            <form method="post" action=status_action class="inline">
                <input type="hidden" name="active" value=next/>
                <button type="submit" class="button warning">{i18n.t(button)}</button>
            </form>
            {(staff.active && !staff.activated).then(|| view! {
                <form method="post" action=activation_action class="inline">
                    <button type="submit" class="button secondary">{i18n.t(ad::STAFF_SEND_ACTIVATION)}</button>
                </form>
            })}
        </section>
    }
}

/// The create/edit form. Units come from the database; roles are checkboxes.
#[component]
fn StaffForm(existing: Option<StaffRow>) -> impl IntoView {
    let i18n = use_i18n();
    let action = existing
        .as_ref()
        .map(|s| format!("/admin/pegawai/{}", s.nip))
        .unwrap_or_else(|| "/admin/pegawai/baru".into());
    let role_options: Vec<(String, String)> = Role::ALL
        .iter()
        .map(|r| (r.code().to_owned(), errors::role(i18n, *r).to_owned()))
        .collect();
    let initial_roles: Vec<String> = existing
        .as_ref()
        .map(|s| s.roles.iter().map(|r| r.code().to_owned()).collect())
        .unwrap_or_default();
    let editing = existing.is_some();
    let e = existing.unwrap_or(StaffRow {
        nip: String::new(),
        name: String::new(),
        unit_code: None,
        roles: vec![],
        supervisor_nip: None,
        email: None,
        active: true,
        activated: false,
    });
    // Loaded once per page view (see `pages::apply::with_application`).
    let loaded3 = OnceResource::new(admin_list_units());
    let units = move || {
        let unit = e.unit_code.clone().unwrap_or_default();
        Suspend::new(async move {
            let units = loaded3.await.unwrap_or_default();
            let options: Vec<(String, String)> = units
                .into_iter()
                .map(|u| (u.code.clone(), format!("{} — {}", u.code, u.name)))
                .collect();
            view! { <SelectField name="unit_code" label=i18n.t(a::UNIT) options initial=unit/> }
        })
    };
    view! {
        <ErrorSummary/>
        <form method="post" action=action novalidate class="narrow">
            {(!editing).then(|| view! { <TextField name="nip" label=i18n.t(a::NIP) inputmode="numeric" class="width-20"/> })}
            <TextField name="full_name" label=i18n.t(ad::STAFF_NAME) autocomplete="off" initial=e.name.clone()/>
            <Suspense>{units}</Suspense>
            <CheckboxGroup name="roles" legend=i18n.t(a::ROLES) options=role_options initial=initial_roles/>
            <TextField name="supervisor_nip" label=i18n.t(ad::STAFF_SUPERVISOR) hint=i18n.t(ad::STAFF_SUPERVISOR_HINT) inputmode="numeric" optional=true class="width-20" initial=e.supervisor_nip.clone().unwrap_or_default()/>
            <TextField name="email" label=i18n.t(ad::STAFF_EMAIL) hint=i18n.t(ad::STAFF_EMAIL_HINT) kind="email" optional=true initial=e.email.clone().unwrap_or_default()/>
            <Submit label=i18n.t(crate::i18n::forms::SAVE)/>
        </form>
    }
}
