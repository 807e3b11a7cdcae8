//! Service types for admins: the list (`/admin/layanan`), a new one (`/admin/layanan/baru`), and
//! one service (`/admin/layanan/:code`) with its standard, requirements and questions.

use super::service_parts::{FieldsSection, RequirementsSection};
use super::AdminGuard;
use crate::api::admin::admin_list_units;
use crate::api::catalog::{admin_list_services, get_service, ServiceDetail};
use crate::components::form::{
    Checkbox, CheckboxGroup, ErrorSummary, SelectField, Submit, TextArea, TextField,
};
use crate::components::notice::ErrorNotice;
use crate::domain::application_state::StaffAction;
use crate::domain::service::format_fee;
use crate::i18n::{admin as ad, catalog as ct, errors, forms as f, use_i18n};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

/// The list of service types.
#[component]
pub fn ServicesAdminPage() -> impl IntoView {
    // The content is built only for viewers the guard admits, so its data is loaded only
    // for them, and a failed load cannot overwrite the guard's answer.
    view! { <AdminGuard><ServicesAdminPageBody/></AdminGuard> }
}

/// The content of [`ServicesAdminPage`].
#[component]
fn ServicesAdminPageBody() -> impl IntoView {
    let i18n = use_i18n();
    // Loaded once per page view (see `pages::apply::with_application`).
    let loaded = OnceResource::new(admin_list_services());
    let table = move || {
        Suspend::new(async move {
            let services = match loaded.await {
                Ok(s) => s,
                Err(error) => return view! { <ErrorNotice error/> }.into_any(),
            };
            view! {
                <div class="table-wrap">
                    <table class="table">
                        <thead><tr>
                            <th scope="col">{i18n.t(ct::SERVICE_CODE)}</th>
                            <th scope="col">{i18n.t(ct::SERVICE_NAME_ID)}</th>
                            <th scope="col">{i18n.t(ct::STANDARD_UNIT)}</th>
                            <th scope="col">{i18n.t(ct::STANDARD_TIME)}</th>
                            <th scope="col">{i18n.t(ct::STANDARD_FEE)}</th>
                            <th scope="col">{i18n.t(ad::STAFF_STATUS)}</th>
                        </tr></thead>
                        <tbody>
                            {services.into_iter().map(|s| {
                                let href = format!("/admin/layanan/{}", s.code);
                                let status = if s.active { i18n.t(ad::UNIT_ACTIVE) } else { i18n.t(ad::UNIT_INACTIVE) };
                                view! {
                                    <tr>
                                        <td class="mono"><a href=href>{s.code.clone()}</a></td>
                                        <td>{s.name}</td>
                                        <td>{s.unit_name}</td>
                                        <td>{crate::pages::catalog::working_days(i18n, s.completion_days)}</td>
                                        <td>{format_fee(s.fee_rupiah, i18n.t(ct::FREE))}</td>
                                        <td>{status}</td>
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
        <Title text=i18n.t(ct::ADMIN_SERVICES_TITLE)/>
            <p class="breadcrumb"><a href="/admin">{i18n.t(ad::ADMIN_TITLE)}</a></p>
            <h1>{i18n.t(ct::ADMIN_SERVICES_TITLE)}</h1>
            <p>
                <a class="button" href="/admin/layanan/baru">{i18n.t(ct::SERVICE_ADD)}</a> " "
                <a class="button secondary" href="/admin/libur">{i18n.t(ct::HOLIDAYS_TITLE)}</a>
            </p>
            <Suspense>{table}</Suspense>
    }
}

/// A new service type.
#[component]
pub fn NewServicePage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Title text=i18n.t(ct::SERVICE_ADD)/>
        <AdminGuard>
            <p class="breadcrumb"><a href="/admin/layanan">{i18n.t(ct::ADMIN_SERVICES_TITLE)}</a></p>
            <h1>{i18n.t(ct::SERVICE_ADD)}</h1>
            <ServiceForm existing=None/>
        </AdminGuard>
    }
}

/// One service type: its standard, requirements and questions.
#[component]
pub fn EditServicePage() -> impl IntoView {
    // The content is built only for viewers the guard admits, so its data is loaded only
    // for them, and a failed load cannot overwrite the guard's answer.
    view! { <AdminGuard><EditServicePageBody/></AdminGuard> }
}

/// The content of [`EditServicePage`].
#[component]
fn EditServicePageBody() -> impl IntoView {
    let i18n = use_i18n();
    let code = use_params_map()
        .get_untracked()
        .get("code")
        .unwrap_or_default();
    // Loaded once per page view (see `pages::apply::with_application`).
    let loaded2 = OnceResource::new(get_service(code.clone()));
    let body = move || {
        Suspend::new(async move {
            match loaded2.await {
                Ok(service) => view! {
                    <ServiceForm existing=Some(service.clone())/>
                    <RequirementsSection service=service.clone()/>
                    <FieldsSection service/>
                }
                .into_any(),
                Err(error) => view! { <ErrorNotice error/> }.into_any(),
            }
        })
    };
    view! {
        <Title text=i18n.t(ct::SERVICE_EDIT)/>
            <p class="breadcrumb"><a href="/admin/layanan">{i18n.t(ct::ADMIN_SERVICES_TITLE)}</a></p>
            <h1>{i18n.t(ct::SERVICE_EDIT)}</h1>
            <Suspense>{body}</Suspense>
    }
}

#[component]
fn ServiceForm(existing: Option<ServiceDetail>) -> impl IntoView {
    let i18n = use_i18n();
    let editing = existing.is_some();
    let action = existing
        .as_ref()
        .map(|s| format!("/admin/layanan/{}", s.code))
        .unwrap_or_else(|| "/admin/layanan/baru".into());
    let s = existing.unwrap_or_else(|| ServiceDetail {
        code: String::new(),
        unit_code: String::new(),
        unit_name: String::new(),
        name_id: String::new(),
        name_en: String::new(),
        description_id: String::new(),
        description_en: String::new(),
        completion_days: 5,
        fee_rupiah: 0,
        product_id: String::new(),
        product_en: String::new(),
        legal_basis: String::new(),
        complaint_channel: String::new(),
        permit_code: String::new(),
        citizen_facing: StaffAction::DEFAULT_CITIZEN_FACING
            .iter()
            .map(|a| a.code().to_owned())
            .collect(),
        active: true,
        requirements: vec![],
        fields: vec![],
    });
    let steps: Vec<(String, String)> = StaffAction::ALL
        .iter()
        .map(|a| {
            (
                a.code().to_owned(),
                errors::staff_action(i18n, *a).to_owned(),
            )
        })
        .collect();
    let unit = s.unit_code.clone();
    let units = move || {
        let unit = unit.clone();
        Suspend::new(async move {
            let options: Vec<(String, String)> = admin_list_units()
                .await
                .unwrap_or_default()
                .into_iter()
                .map(|u| (u.code.clone(), format!("{} — {}", u.code, u.name)))
                .collect();
            view! { <SelectField name="unit_code" label=i18n.t(ct::STANDARD_UNIT) options initial=unit/> }
        })
    };
    view! {
        <ErrorSummary/>
        <form method="post" action=action novalidate class="narrow">
            {(!editing).then(|| view! { <TextField name="code" label=i18n.t(ct::SERVICE_CODE) hint=i18n.t(ad::UNIT_CODE_HINT) class="width-20"/> })}
            <Suspense>{units}</Suspense>
            <TextField name="name_id" label=i18n.t(ct::SERVICE_NAME_ID) initial=s.name_id.clone()/>
            <TextField name="name_en" label=i18n.t(ct::SERVICE_NAME_EN) optional=true initial=s.name_en.clone()/>
            <TextArea name="description_id" label=i18n.t(ct::SERVICE_DESCRIPTION_ID) optional=true initial=s.description_id.clone()/>
            <TextArea name="description_en" label=i18n.t(ct::SERVICE_DESCRIPTION_EN) optional=true initial=s.description_en.clone()/>
            <TextField name="completion_days" label=i18n.t(ct::SERVICE_DAYS) kind="number" class="width-20" initial=s.completion_days.to_string()/>
            <TextField name="fee" label=i18n.t(ct::SERVICE_FEE) inputmode="numeric" class="width-20" initial=s.fee_rupiah.to_string()/>
            <TextField name="product_id" label=i18n.t(ct::SERVICE_PRODUCT_ID) optional=true initial=s.product_id.clone()/>
            <TextField name="product_en" label=i18n.t(ct::SERVICE_PRODUCT_EN) optional=true initial=s.product_en.clone()/>
            <TextArea name="legal_basis" label=i18n.t(ct::SERVICE_LEGAL) optional=true initial=s.legal_basis.clone()/>
            <TextArea name="complaint_channel" label=i18n.t(ct::SERVICE_COMPLAINT) optional=true initial=s.complaint_channel.clone()/>
            <TextField name="permit_code" label=i18n.t(ct::SERVICE_PERMIT_CODE) hint=i18n.t(ct::SERVICE_PERMIT_CODE_HINT) optional=true class="width-20" initial=s.permit_code.clone()/>
            <CheckboxGroup name="citizen_facing" legend=i18n.t(ct::SERVICE_FACING) options=steps initial=s.citizen_facing.clone()/>
            <p class="hint">{i18n.t(ct::SERVICE_FACING_HINT)}</p>
            <Checkbox name="active" label=i18n.t(ct::SERVICE_ACTIVE) initial=s.active/>
            <Submit label=i18n.t(f::SAVE)/>
        </form>
    }
}
