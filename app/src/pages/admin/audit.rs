//! `/admin/audit`: the audit log with filters (actor, action, date range) and paging.

use super::AdminGuard;
use crate::api::admin::admin_audit;
use crate::components::form::TextField;
use crate::components::notice::ErrorNotice;
use crate::i18n::{admin as ad, use_i18n};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

/// The audit log page.
#[component]
pub fn AuditPage() -> impl IntoView {
    // The content is built only for viewers the guard admits, so its data is loaded only
    // for them, and a failed load cannot overwrite the guard's answer.
    view! { <AdminGuard><AuditPageBody/></AdminGuard> }
}

/// The content of [`AuditPage`].
#[component]
fn AuditPageBody() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map().get_untracked();
    let get = move |k: &str| query.get(k).unwrap_or_default();
    let (actor, action, from, until) = (get("actor"), get("action"), get("from"), get("until"));
    let page: u32 = get("page").parse().unwrap_or(0);
    let link = {
        let (actor, action, from, until) =
            (actor.clone(), action.clone(), from.clone(), until.clone());
        move |p: u32| {
            format!(
                "/admin/audit?actor={}&action={}&from={}&until={}&page={p}",
                crate::pages::guard::urlencode(&actor),
                crate::pages::guard::urlencode(&action),
                crate::pages::guard::urlencode(&from),
                crate::pages::guard::urlencode(&until),
            )
        }
    };
    // Loaded once per page view (see `pages::apply::with_application`).
    let loaded = OnceResource::new(admin_audit(
        actor.clone(),
        action.clone(),
        from.clone(),
        until.clone(),
        page,
    ));
    let table = move || {
        let link = link.clone();
        Suspend::new(async move {
            let rows = match loaded.await {
                Ok(rows) => rows,
                Err(error) => return view! { <ErrorNotice error/> }.into_any(),
            };
            if rows.is_empty() {
                return view! { <p class="empty">{i18n.t(ad::AUDIT_NONE)}</p> }.into_any();
            }
            let full = rows.len() as i64 == crate::api::admin::AUDIT_PAGE_SIZE;
            view! {
                <div class="table-wrap">
                    <table class="table" data-testid="audit-table">
                        <thead><tr>
                            <th scope="col">{i18n.t(ad::AUDIT_WHEN)}</th>
                            <th scope="col">{i18n.t(ad::AUDIT_ACTOR)}</th>
                            <th scope="col">{i18n.t(ad::AUDIT_ACTION)}</th>
                            <th scope="col">{i18n.t(ad::AUDIT_SUBJECT)}</th>
                            <th scope="col">{i18n.t(ad::AUDIT_DETAIL)}</th>
                            <th scope="col">{i18n.t(ad::AUDIT_IP)}</th>
                        </tr></thead>
                        <tbody>
                            {rows.into_iter().map(|r| view! {
                                <tr>
                                    <td class="nowrap">{r.when}</td>
                                    <td class="mono">{r.actor}</td>
                                    <td class="mono">{r.action}</td>
                                    <td class="mono">{r.subject.unwrap_or_default()}</td>
                                    <td>{r.detail.unwrap_or_default()}</td>
                                    <td class="mono">{r.ip.unwrap_or_default()}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
                <nav class="pager">
                    {(page > 0).then(|| view! { <a href=link(page - 1)>{i18n.t(ad::AUDIT_NEWER)}</a> })}
                    {full.then(|| view! { <a href=link(page + 1)>{i18n.t(ad::AUDIT_OLDER)}</a> })}
                </nav>
            }
            .into_any()
        })
    };
    view! {
        <Title text=i18n.t(ad::AUDIT_TITLE)/>
            <p class="breadcrumb"><a href="/admin">{i18n.t(ad::ADMIN_TITLE)}</a></p>
            <h1>{i18n.t(ad::AUDIT_TITLE)}</h1>
            <p>{i18n.t(ad::AUDIT_LEAD)}</p>
            <form method="get" action="/admin/audit" class="filters">
                <TextField name="actor" label=i18n.t(ad::AUDIT_ACTOR) initial=actor.clone()/>
                <TextField name="action" label=i18n.t(ad::AUDIT_ACTION) initial=action.clone()/>
                <TextField name="from" label=i18n.t(ad::AUDIT_FROM) kind="date" initial=from.clone()/>
                <TextField name="until" label=i18n.t(ad::AUDIT_UNTIL) kind="date" initial=until.clone()/>
                <button type="submit" class="button secondary">{i18n.t(ad::STAFF_FILTER_APPLY)}</button>
            </form>
            <Suspense>{table}</Suspense>
    }
}
