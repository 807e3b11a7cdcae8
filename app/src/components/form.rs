//! Form building blocks following the GOV.UK patterns: a label, a hint, the error right above
//! the input, and an error summary at the top that links to each field. Values and errors come
//! from the [`FormState`](crate::forms::FormState) of a refused submission.

use crate::forms::use_form;
use crate::i18n::{forms as f, use_i18n};
use leptos::prelude::*;

/// The id of a field's input, used by labels and the error summary's links.
pub fn field_id(name: &str) -> String {
    format!("f-{name}")
}

/// "There is a problem" with a link to every field in error, focused on load by the browser
/// via `autofocus` so screen readers announce it.
#[component]
pub fn ErrorSummary() -> impl IntoView {
    let form = use_form();
    let i18n = use_i18n();
    form.has_errors().then(|| {
        view! {
            <div class="error-summary" role="alert" tabindex="-1" aria-labelledby="error-summary-title">
                <h2 id="error-summary-title">{i18n.t(f::ERROR_SUMMARY_TITLE)}</h2>
                {form.notice.clone().map(|n| view! { <p>{n}</p> })}
                <ul>
                    {form
                        .errors
                        .iter()
                        .map(|e| {
                            let href = format!("#{}", field_id(&e.field));
                            view! { <li><a href=href>{e.message.clone()}</a></li> }
                        })
                        .collect_view()}
                </ul>
            </div>
        }
    })
}

/// A labelled text-like input (`kind` = text, email, tel, password, number, date, search).
#[component]
pub fn TextField(
    /// The form field name.
    name: &'static str,
    /// Visible label.
    label: &'static str,
    /// Help text under the label.
    #[prop(optional)]
    hint: Option<&'static str>,
    /// Input type.
    #[prop(default = "text")]
    kind: &'static str,
    /// `autocomplete` token.
    #[prop(optional)]
    autocomplete: Option<&'static str>,
    /// `inputmode` for phone keyboards.
    #[prop(optional)]
    inputmode: Option<&'static str>,
    /// Marks the field optional in its label.
    #[prop(optional)]
    optional: bool,
    /// Value shown when the form has no submitted state.
    #[prop(optional, into)]
    initial: Option<String>,
    /// Extra CSS class on the input (width).
    #[prop(optional)]
    class: Option<&'static str>,
) -> impl IntoView {
    let form = use_form();
    let i18n = use_i18n();
    let id = field_id(name);
    let error = form.error(name);
    let value = if kind == "password" {
        String::new()
    } else if form.values.is_empty() {
        initial.unwrap_or_default()
    } else {
        form.value(name)
    };
    let hint_id = hint.map(|_| format!("{id}-hint"));
    let error_id = error.as_ref().map(|_| format!("{id}-error"));
    let described = [hint_id.clone(), error_id.clone()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ");
    let group_class = if error.is_some() {
        "field field-error"
    } else {
        "field"
    };
    view! {
        <div class=group_class>
            <label for=id.clone()>
                {label}
                {optional.then(|| view! { " " <span class="optional">{i18n.t(f::OPTIONAL)}</span> })}
            </label>
            {hint.map(|h| view! { <p class="hint" id=hint_id.clone()>{h}</p> })}
            {error.map(|e| view! { <p class="error-message" id=error_id.clone()>{e}</p> })}
            <input
                id=id
                name=name
                type=kind
                value=value
                class=class
                autocomplete=autocomplete
                inputmode=inputmode
                aria-describedby=(!described.is_empty()).then_some(described)
                aria-invalid=form.error(name).map(|_| "true")
            />
        </div>
    }
}

/// A single checkbox with its label (and an error above it).
#[component]
pub fn Checkbox(
    /// The form field name (submitted as "on" when ticked).
    name: &'static str,
    /// The label next to the box.
    label: &'static str,
    /// Ticked when the form has no submitted state.
    #[prop(optional)]
    initial: bool,
) -> impl IntoView {
    let form = use_form();
    let id = field_id(name);
    let error = form.error(name);
    let checked = if form.values.is_empty() {
        initial
    } else {
        form.checked(name)
    };
    let group_class = if error.is_some() {
        "field checkbox field-error"
    } else {
        "field checkbox"
    };
    view! {
        <div class=group_class>
            {error.map(|e| view! { <p class="error-message">{e}</p> })}
            <input type="checkbox" id=id.clone() name=name checked=checked/>
            <label for=id>{label}</label>
        </div>
    }
}

/// The form's main button.
#[component]
pub fn Submit(label: &'static str) -> impl IntoView {
    view! { <button type="submit" class="button">{label}</button> }
}

/// A labelled drop-down.
#[component]
pub fn SelectField(
    /// The form field name.
    name: &'static str,
    /// Visible label.
    label: &'static str,
    /// `(value, text)` pairs, in order.
    options: Vec<(String, String)>,
    /// Selected value when the form has no submitted state.
    #[prop(optional, into)]
    initial: Option<String>,
) -> impl IntoView {
    let form = use_form();
    let id = field_id(name);
    let error = form.error(name);
    let selected = if form.values.is_empty() {
        initial.unwrap_or_default()
    } else {
        form.value(name)
    };
    let group_class = if error.is_some() {
        "field field-error"
    } else {
        "field"
    };
    view! {
        <div class=group_class>
            <label for=id.clone()>{label}</label>
            {error.map(|e| view! { <p class="error-message">{e}</p> })}
            <select id=id name=name>
                {options
                    .into_iter()
                    .map(|(value, text)| {
                        let is_selected = value == selected;
                        view! { <option value=value selected=is_selected>{text}</option> }
                    })
                    .collect_view()}
            </select>
        </div>
    }
}

/// A group of checkboxes sharing one field name (submitted as repeated values).
#[component]
pub fn CheckboxGroup(
    /// The form field name.
    name: &'static str,
    /// The group's legend.
    legend: &'static str,
    /// `(value, text)` pairs.
    options: Vec<(String, String)>,
    /// Ticked values when the form has no submitted state.
    #[prop(optional)]
    initial: Vec<String>,
) -> impl IntoView {
    let form = use_form();
    let error = form.error(name);
    let group_class = if error.is_some() {
        "fieldset field-error"
    } else {
        "fieldset"
    };
    view! {
        <fieldset class=group_class id=field_id(name)>
            <legend>{legend}</legend>
            {error.map(|e| view! { <p class="error-message">{e}</p> })}
            {options
                .into_iter()
                .map(|(value, text)| {
                    let id = format!("{}-{value}", field_id(name));
                    let checked = if form.values.is_empty() {
                        initial.contains(&value)
                    } else {
                        form.checked(&format!("{name}_{value}"))
                    };
                    view! {
                        <div class="checkbox">
                            <input type="checkbox" id=id.clone() name=name value=value checked=checked/>
                            <label for=id>{text}</label>
                        </div>
                    }
                })
                .collect_view()}
        </fieldset>
    }
}

/// A labelled multi-line text input.
#[component]
pub fn TextArea(
    /// The form field name.
    name: &'static str,
    /// Visible label.
    label: &'static str,
    /// Help text under the label.
    #[prop(optional)]
    hint: Option<&'static str>,
    /// Marks the field optional in its label.
    #[prop(optional)]
    optional: bool,
    /// Value shown when the form has no submitted state.
    #[prop(optional, into)]
    initial: Option<String>,
    /// Visible rows.
    #[prop(default = 4)]
    rows: u32,
) -> impl IntoView {
    let form = use_form();
    let i18n = use_i18n();
    let id = field_id(name);
    let error = form.error(name);
    let value = if form.values.is_empty() {
        initial.unwrap_or_default()
    } else {
        form.value(name)
    };
    let group_class = if error.is_some() {
        "field field-error"
    } else {
        "field"
    };
    view! {
        <div class=group_class>
            <label for=id.clone()>
                {label}
                {optional.then(|| view! { " " <span class="optional">{i18n.t(f::OPTIONAL)}</span> })}
            </label>
            {hint.map(|h| view! { <p class="hint">{h}</p> })}
            {error.map(|e| view! { <p class="error-message">{e}</p> })}
            <textarea id=id name=name rows=rows>{value}</textarea>
        </div>
    }
}
