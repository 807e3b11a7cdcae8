//! `/admin/libur`: the public holidays of the working-day calendar.

use super::AdminGuard;
use crate::api::catalog::list_holidays;
use crate::components::form::{ErrorSummary, Submit, TextField};
use crate::components::notice::ErrorNotice;
use crate::i18n::{catalog as ct, use_i18n};
use leptos::prelude::*;
use leptos_meta::Title;

/// The holidays page.
#[component]
pub fn HolidaysPage() -> impl IntoView {
    // The content is built only for viewers the guard admits, so its data is loaded only
    // for them, and a failed load cannot overwrite the guard's answer.
    view! { <AdminGuard><HolidaysPageBody/></AdminGuard> }
}

/// The content of [`HolidaysPage`].
#[component]
fn HolidaysPageBody() -> impl IntoView {
    let i18n = use_i18n();
    // Loaded once per page view (see `pages::apply::with_application`).
    let loaded = OnceResource::new(list_holidays());
    let list = move || {
        Suspend::new(async move {
            let holidays = match loaded.await {
                Ok(h) => h,
                Err(error) => return view! { <ErrorNotice error/> }.into_any(),
            };
            if holidays.is_empty() {
                return view! { <p class="empty">{i18n.t(ct::NONE_YET)}</p> }.into_any();
            }
            view! {
                <ul class="item-list">
                    {holidays.into_iter().map(|h| {
                        let action = format!("/admin/libur/{}/hapus", h.day);
                        view! {
                            <li>
                                <span><span class="mono">{h.day}</span> " — " {h.name}</span>
                                <form method="post" action=action class="inline">
                                    <button type="submit" class="button secondary small">{i18n.t(ct::RETIRE)}</button>
                                </form>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            }
            .into_any()
        })
    };
    view! {
        <Title text=i18n.t(ct::HOLIDAYS_TITLE)/>
            <p class="breadcrumb"><a href="/admin/layanan">{i18n.t(ct::ADMIN_SERVICES_TITLE)}</a></p>
            <h1>{i18n.t(ct::HOLIDAYS_TITLE)}</h1>
            <p>{i18n.t(ct::HOLIDAYS_LEAD)}</p>
            <Suspense>{list}</Suspense>
            <h2>{i18n.t(ct::HOLIDAY_ADD)}</h2>
            <ErrorSummary/>
            <form method="post" action="/admin/libur" novalidate class="narrow">
                <TextField name="day" label=i18n.t(ct::HOLIDAY_DAY) kind="date" class="width-20"/>
                <TextField name="name" label=i18n.t(ct::HOLIDAY_NAME)/>
                <Submit label=i18n.t(ct::HOLIDAY_ADD)/>
            </form>
    }
}
