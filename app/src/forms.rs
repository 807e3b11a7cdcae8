//! Forms handled on the server. After a refused POST the server renders the same page again
//! with a [`FormState`] in context: what the person typed (passwords excepted) and what was
//! wrong, so the form keeps their input and shows every error — with or without JavaScript.

use crate::api::error::FieldError;

/// A fresh idempotency key for a form that creates something (a draft, a counter filing):
/// the server creates one record per key, so a double click or a resent form creates one.
/// A re-rendered form keeps the key it was first given.
pub fn idempotency_key(form: &FormState, field: &str) -> String {
    let kept = form.value(field);
    if !kept.is_empty() {
        return kept;
    }
    #[cfg(feature = "ssr")]
    {
        crate::server::keys::random_token()
    }
    #[cfg(not(feature = "ssr"))]
    {
        String::new()
    }
}

/// The state of a form being re-rendered after a refused submission.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FormState {
    /// Submitted values by field name (never passwords).
    pub values: Vec<(String, String)>,
    /// What was wrong, per field, in the order of the form.
    pub errors: Vec<FieldError>,
    /// A message about the whole form (e.g. "wrong password", "too many attempts").
    pub notice: Option<String>,
}

impl FormState {
    /// A state with `errors` for the submitted `values`.
    pub fn with_errors(values: Vec<(String, String)>, errors: Vec<FieldError>) -> Self {
        FormState {
            values,
            errors,
            notice: None,
        }
    }

    /// The submitted value of `field`, or empty.
    pub fn value(&self, field: &str) -> String {
        self.values
            .iter()
            .find(|(k, _)| k == field)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    }

    /// Whether a checkbox `field` was ticked.
    pub fn checked(&self, field: &str) -> bool {
        self.values.iter().any(|(k, v)| k == field && !v.is_empty())
    }

    /// The error message of `field`, if any.
    pub fn error(&self, field: &str) -> Option<String> {
        self.errors
            .iter()
            .find(|e| e.field == field)
            .map(|e| e.message.clone())
    }

    /// Whether the form has anything to report.
    pub fn has_errors(&self) -> bool {
        !self.errors.is_empty() || self.notice.is_some()
    }
}

/// The form state of the page being rendered (empty on a plain GET).
pub fn use_form() -> FormState {
    leptos::prelude::use_context::<FormState>().unwrap_or_default()
}

/// A success message to show once at the top of the page after a redirect (from the `ok`
/// query parameter, which carries a message key, never text).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Flash(pub &'static str);

/// Builds a field error.
pub fn field_error(field: &str, message: impl Into<String>) -> FieldError {
    FieldError {
        field: field.to_owned(),
        message: message.into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_and_errors_are_found_by_field() {
        let state = FormState::with_errors(
            vec![
                ("nik".into(), "123".into()),
                ("consent".into(), "on".into()),
            ],
            vec![field_error("nik", "bad")],
        );
        assert_eq!(state.value("nik"), "123");
        assert_eq!(state.value("email"), "");
        assert!(state.checked("consent") && !state.checked("other"));
        assert_eq!(state.error("nik").as_deref(), Some("bad"));
        assert!(state.has_errors());
    }
}
