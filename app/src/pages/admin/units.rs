//! `/admin/unit`: the units, with their status, and a form to add or rename one.

use super::AdminGuard;
use crate::api::admin::admin_list_units;
use crate::components::form::{ErrorSummary, Submit, TextField};
use crate::components::notice::ErrorNotice;
use crate::i18n::{admin as ad, use_i18n};
use leptos::prelude::*;
use leptos_meta::Title;

/// The units page.
#[component]
pub fn UnitsPage() -> impl IntoView {
    // The content is built only for viewers the guard admits, so its data is loaded only
    // for them, and a failed load cannot overwrite the guard's answer.
    view! { <AdminGuard><UnitsPageBody/></AdminGuard> }
}

/// The content of [`UnitsPage`].
#[component]
fn UnitsPageBody() -> impl IntoView {
    let i18n = use_i18n();
    // Loaded once per page view (see `pages::apply::with_application`).
    let loaded = OnceResource::new(admin_list_units());
    let table = move || {
        Suspend::new(async move {
            let units = match loaded.await {
                Ok(units) => units,
                Err(error) => return view! { <ErrorNotice error/> }.into_any(),
            };
            view! {
                <div class="table-wrap">
                    <table class="table">
                        <thead><tr>
                            <th scope="col">{i18n.t(ad::UNIT_CODE)}</th>
                            <th scope="col">{i18n.t(ad::UNIT_NAME)}</th>
                            <th scope="col">{i18n.t(ad::STAFF_TITLE)}</th>
                            <th scope="col">{i18n.t(ad::STAFF_STATUS)}</th>
                            <th scope="col"><span class="visually-hidden">{i18n.t(ad::UNIT_DEACTIVATE)}</span></th>
                        </tr></thead>
                        <tbody>
                            {units.into_iter().map(|u| {
                                let action = format!("/admin/unit/{}/status", u.code);
                                let (status, button, next) = if u.active {
                                    (i18n.t(ad::UNIT_ACTIVE), i18n.t(ad::UNIT_DEACTIVATE), "0")
                                } else {
                                    (i18n.t(ad::UNIT_INACTIVE), i18n.t(ad::UNIT_ACTIVATE), "1")
                                };
                                view! {
                                    <tr>
                                        <td class="mono">{u.code.clone()}</td>
                                        <td>{u.name}</td>
                                        <td class="num">{u.staff_count}</td>
                                        <td>{status}</td>
                                        <td>
                                            <form method="post" action=action class="inline">
                                                <input type="hidden" name="active" value=next/>
                                                <button type="submit" class="button secondary small">{button}</button>
                                            </form>
                                        </td>
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
            }
            .into_any()
        })
    };
    view! {
        <Title text=i18n.t(ad::UNITS_TITLE)/>
            <p class="breadcrumb"><a href="/admin">{i18n.t(ad::ADMIN_TITLE)}</a></p>
            <h1>{i18n.t(ad::UNITS_TITLE)}</h1>
            <Suspense>{table}</Suspense>
            <h2>{i18n.t(ad::UNIT_ADD)}</h2>
            <ErrorSummary/>
            <form method="post" action="/admin/unit" novalidate class="narrow">
                <TextField name="code" label=i18n.t(ad::UNIT_CODE) hint=i18n.t(ad::UNIT_CODE_HINT) class="width-20"/>
                <TextField name="name" label=i18n.t(ad::UNIT_NAME)/>
                <Submit label=i18n.t(ad::UNIT_ADD)/>
            </form>
    }
}
