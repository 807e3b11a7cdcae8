//! `/admin/impor`: upload a units, staff, services or paper-survey CSV. All rows are checked first; a file with errors
//! imports nothing and every bad row is listed with its line number.

use super::AdminGuard;
use crate::api::admin::ImportProblem;
use crate::forms::use_form;
use crate::i18n::{admin as ad, use_i18n};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

/// The problems of a refused import, provided when the page is rendered again.
#[derive(Clone, Debug, Default)]
pub struct ImportProblems(pub Vec<ImportProblem>);

/// The import page.
#[component]
pub fn ImportPage() -> impl IntoView {
    let i18n = use_i18n();
    let form = use_form();
    let problems = use_context::<ImportProblems>().unwrap_or_default().0;
    let query = use_query_map().get_untracked();
    let count = |k: &str| query.get(k).and_then(|v| v.parse::<u32>().ok());
    let done = match (count("created"), count("updated"), count("unchanged")) {
        (Some(c), Some(u), Some(n)) => Some(i18n.f(
            ad::IMPORT_DONE,
            &[("created", &c), ("updated", &u), ("unchanged", &n)],
        )),
        _ => None,
    };
    let kind = if form.values.is_empty() {
        "staff".to_owned()
    } else {
        form.value("kind")
    };
    let file_error = form.error("file");
    let file_class = if file_error.is_some() {
        "field field-error"
    } else {
        "field"
    };
    view! {
        <Title text=i18n.t(ad::IMPORT_TITLE)/>
        <AdminGuard>
            <p class="breadcrumb"><a href="/admin">{i18n.t(ad::ADMIN_TITLE)}</a></p>
            <h1>{i18n.t(ad::IMPORT_TITLE)}</h1>
            <p>{i18n.t(ad::IMPORT_LEAD)}</p>
            {done.clone().map(|text| view! { <div class="notice notice-ok" role="status"><p data-testid="import-done">{text}</p></div> })}
            {(!problems.is_empty()).then(|| view! {
                <div class="error-summary" role="alert" tabindex="-1">
                    <h2>{i18n.t(ad::IMPORT_FAILED)}</h2>
                    <div class="table-wrap">
                        <table class="table" data-testid="import-problems">
                            <tbody>
                                {problems.iter().map(|p| view! {
                                    <tr>
                                        <th scope="row">{i18n.f(ad::IMPORT_LINE, &[("line", &p.line)])}</th>
                                        <td class="mono">{p.column.clone().unwrap_or_default()}</td>
                                        <td>{p.message.clone()}</td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                </div>
            })}
            <form method="post" action="/admin/impor" enctype="multipart/form-data" class="narrow">
                <fieldset class="fieldset">
                    <legend>{i18n.t(ad::IMPORT_KIND)}</legend>
                    <div class="radio">
                        <input type="radio" id="f-kind-staff" name="kind" value="staff" checked=kind == "staff"/>
                        <label for="f-kind-staff">{i18n.t(ad::IMPORT_KIND_STAFF)}</label>
                    </div>
                    <div class="radio">
                        <input type="radio" id="f-kind-units" name="kind" value="units" checked=kind == "units"/>
                        <label for="f-kind-units">{i18n.t(ad::IMPORT_KIND_UNITS)}</label>
                    </div>
                    <div class="radio">
                        <input type="radio" id="f-kind-services" name="kind" value="services" checked=kind == "services"/>
                        <label for="f-kind-services">{i18n.t(ad::IMPORT_KIND_SERVICES)}</label>
                    </div>
                    <div class="radio">
                        <input type="radio" id="f-kind-survey" name="kind" value="survey" checked=kind == "survey"/>
                        <label for="f-kind-survey">{i18n.t(ad::IMPORT_KIND_SURVEY)}</label>
                    </div>
                </fieldset>
                <div class=file_class>
                    <label for="f-file">{i18n.t(ad::IMPORT_FILE)}</label>
                    <p class="hint">{i18n.t(ad::IMPORT_FILE_HINT)}</p>
                    {file_error.map(|e| view! { <p class="error-message">{e}</p> })}
                    <input type="file" id="f-file" name="file" accept=".csv,text/csv"/>
                </div>
                <button type="submit" class="button">{i18n.t(ad::IMPORT_SUBMIT)}</button>
            </form>
        </AdminGuard>
    }
}
