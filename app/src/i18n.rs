//! The one way user-visible text reaches a page: a typed catalogue in Bahasa Indonesia (the
//! default) and English.
//!
//! Every message is a [`Msg`] constant declared with [`catalogue!`], which requires both
//! languages, so a missing translation does not compile; the tests below also refuse empty text
//! and placeholders that differ between the two languages.

pub mod admin;
pub mod applications;
pub mod apply;
pub mod appraisal;
pub mod auth;
pub mod catalog;
pub mod common;
pub mod errors;
pub mod forms;
pub mod home;
pub mod hr;
pub mod ikm;
pub mod permit;
pub mod staff_survey;
pub mod survey;
pub mod work;

use serde::{Deserialize, Serialize};
use std::fmt::Display;

/// The languages Sigap speaks. Indonesian first: most citizens read it, and it is the language
/// of the regulations the portal follows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Lang {
    /// Bahasa Indonesia.
    #[default]
    Id,
    /// English.
    En,
}

impl Lang {
    /// Name of the cookie that remembers a visitor's choice.
    pub const COOKIE: &'static str = "sigap_lang";

    /// The BCP 47 tag, used for `<html lang>` and in the cookie.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Id => "id",
            Lang::En => "en",
        }
    }

    /// Reads a language tag; anything unknown is `None` so callers fall back to the default.
    pub fn parse(tag: &str) -> Option<Lang> {
        match tag.trim().to_ascii_lowercase().as_str() {
            "id" | "id-id" | "in" => Some(Lang::Id),
            "en" | "en-us" | "en-gb" => Some(Lang::En),
            _ => None,
        }
    }

    /// The other language, offered by the language switch.
    pub fn other(self) -> Lang {
        match self {
            Lang::Id => Lang::En,
            Lang::En => Lang::Id,
        }
    }
}

/// One message in both languages. `{name}` marks a placeholder filled by [`I18n::f`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Msg {
    /// Stable identifier, for tests and diagnostics.
    pub key: &'static str,
    /// Bahasa Indonesia.
    pub id: &'static str,
    /// English.
    pub en: &'static str,
}

impl Msg {
    /// The text in `lang`.
    pub const fn get(self, lang: Lang) -> &'static str {
        match lang {
            Lang::Id => self.id,
            Lang::En => self.en,
        }
    }
}

/// Declares message constants; both languages are mandatory.
#[macro_export]
macro_rules! catalogue {
    ($($name:ident => { id: $id:literal, en: $en:literal $(,)? }),* $(,)?) => {
        $(
            #[doc = $en]
            pub const $name: $crate::i18n::Msg =
                $crate::i18n::Msg { key: concat!(module_path!(), "::", stringify!($name)), id: $id, en: $en };
        )*
        /// Every message of this module, for the completeness tests.
        pub const ALL: &[$crate::i18n::Msg] = &[$($name),*];
    };
}

/// A page's translator: the visitor's language plus lookup and formatting.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct I18n {
    /// The language pages are rendered in.
    pub lang: Lang,
}

impl I18n {
    /// The text of `msg`.
    pub fn t(self, msg: Msg) -> &'static str {
        msg.get(self.lang)
    }

    /// The text of `msg` with each `{name}` replaced by its argument.
    pub fn f(self, msg: Msg, args: &[(&str, &dyn Display)]) -> String {
        fill(msg.get(self.lang), args)
    }
}

/// Replaces `{name}` placeholders; unknown placeholders stay visible so tests catch them.
pub fn fill(template: &str, args: &[(&str, &dyn Display)]) -> String {
    let mut out = template.to_owned();
    for (name, value) in args {
        out = out.replace(&format!("{{{name}}}"), &value.to_string());
    }
    out
}

/// The translator for the page being rendered (Indonesian when none was provided).
pub fn use_i18n() -> I18n {
    leptos::prelude::use_context::<I18n>().unwrap_or_default()
}

/// Every catalogue module, for tests that check the whole catalogue.
pub fn all_messages() -> impl Iterator<Item = &'static Msg> {
    [
        admin::ALL,
        applications::ALL,
        appraisal::ALL,
        apply::ALL,
        auth::ALL,
        catalog::ALL,
        common::ALL,
        forms::ALL,
        home::ALL,
        hr::ALL,
        ikm::ALL,
        permit::ALL,
        staff_survey::ALL,
        survey::ALL,
        work::ALL,
    ]
    .into_iter()
    .flatten()
}

/// The confirmation shown after a successful form, from its code in the `ok` query parameter
/// (the URL carries a code, never text).
pub fn flash(code: &str) -> Option<Msg> {
    Some(match code {
        "registered" => auth::REGISTERED,
        "signed-out" => auth::SIGNED_OUT,
        "password-changed" => auth::PASSWORD_CHANGED,
        "reset-done" => auth::RESET_DONE,
        "forgot-sent" => auth::FORGOT_SENT,
        "saved" => forms::SAVED,
        "staff-created" => admin::STAFF_CREATED,
        "staff-saved" => admin::STAFF_SAVED,
        "deactivated" => admin::STAFF_DEACTIVATED_DONE,
        "reactivated" => admin::STAFF_REACTIVATED_DONE,
        "activation-sent" => admin::STAFF_ACTIVATION_SENT,
        "step" => work::STEP_DONE,
        "pattern-saved" => catalog::PATTERN_SAVED,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    fn placeholders(text: &str) -> BTreeSet<String> {
        let mut found = BTreeSet::new();
        let mut rest = text;
        while let Some(start) = rest.find('{') {
            let Some(len) = rest[start..].find('}') else {
                break;
            };
            found.insert(rest[start + 1..start + len].to_owned());
            rest = &rest[start + len..];
        }
        found
    }

    #[test]
    fn every_message_has_text_in_both_languages() {
        for msg in all_messages() {
            assert!(
                !msg.id.trim().is_empty(),
                "{} has no Indonesian text",
                msg.key
            );
            assert!(!msg.en.trim().is_empty(), "{} has no English text", msg.key);
        }
    }

    #[test]
    fn placeholders_match_between_languages() {
        for msg in all_messages() {
            assert_eq!(placeholders(msg.id), placeholders(msg.en), "{}", msg.key);
        }
    }

    #[test]
    fn message_keys_are_unique() {
        let mut seen = BTreeSet::new();
        for msg in all_messages() {
            assert!(seen.insert(msg.key), "duplicate key {}", msg.key);
        }
    }

    #[test]
    fn fill_replaces_named_placeholders() {
        assert_eq!(
            fill("coba lagi {n} menit", &[("n", &5)]),
            "coba lagi 5 menit"
        );
    }

    #[test]
    fn unknown_language_tags_fall_back_to_none() {
        assert_eq!(Lang::parse("EN"), Some(Lang::En));
        assert_eq!(Lang::parse("fr"), None);
    }
}
