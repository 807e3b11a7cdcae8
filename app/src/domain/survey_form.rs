//! The questionnaire as submitted (REFERENCE §3.1): the nine unsur, each optional but at least
//! one answered, the respondent profile (each optional: the survey is voluntary), and an
//! optional suggestion. Parsed into valid types or into one error per field, with no IO, so
//! the browser and the server read a form the same way.

use super::respondent::{Age, Education, Gender, Occupation, ProfileError};
use super::skm::{Answers, AnswersError, Score, Unsur};
use super::survey_csv::SUGGESTION_MAX_CHARS;

/// A valid questionnaire.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SurveyAnswers {
    /// The scores given.
    pub answers: Answers,
    /// Respondent's gender, if given.
    pub gender: Option<Gender>,
    /// Respondent's age, if given.
    pub age: Option<Age>,
    /// Respondent's education, if given.
    pub education: Option<Education>,
    /// Respondent's occupation, if given.
    pub occupation: Option<Occupation>,
    /// The suggestion, trimmed; `None` when empty.
    pub suggestion: Option<String>,
}

/// What is wrong with one field of the questionnaire.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum SurveyFieldError {
    /// Not one of the four answers (a tampered form).
    #[error("not one of the answers")]
    NotAnAnswer,
    /// No unsur answered at all (reported on the first unsur).
    #[error("answer at least one question")]
    NothingAnswered,
    /// A profile value outside the form's choices, or an impossible age.
    #[error("{0}")]
    Profile(ProfileError),
    /// The suggestion is too long.
    #[error("suggestion too long")]
    SuggestionTooLong,
}

/// The form field name of an unsur (`u1`..`u9`).
pub fn field_name(unsur: Unsur) -> String {
    unsur.code().to_lowercase()
}

/// Parses submitted fields (`u1`..`u9`, `gender`, `age`, `education`, `occupation`,
/// `suggestion`); `get` returns the value of a field ("" when absent).
pub fn parse_survey_form<'a>(
    get: impl Fn(&str) -> &'a str,
) -> Result<SurveyAnswers, Vec<(String, SurveyFieldError)>> {
    let mut errors = Vec::new();
    let mut pairs = Vec::new();
    for u in Unsur::ALL {
        let name = field_name(u);
        match get(&name).trim() {
            "" => {}
            value => match Score::parse(value) {
                Ok(score) => pairs.push((u, score)),
                Err(_) => errors.push((name, SurveyFieldError::NotAnAnswer)),
            },
        }
    }
    let answers = match Answers::from_pairs(pairs) {
        Ok(a) => Some(a),
        Err(AnswersError::NoUnsurAnswered) if errors.is_empty() => {
            errors.push((field_name(Unsur::U1), SurveyFieldError::NothingAnswered));
            None
        }
        Err(_) => None,
    };
    fn optional<T>(
        errors: &mut Vec<(String, SurveyFieldError)>,
        name: &str,
        value: &str,
        parse: fn(&str) -> Result<T, ProfileError>,
    ) -> Option<T> {
        match value.trim() {
            "" => None,
            v => parse(v)
                .map_err(|e| errors.push((name.to_owned(), SurveyFieldError::Profile(e))))
                .ok(),
        }
    }
    let gender = optional(&mut errors, "gender", get("gender"), Gender::parse);
    let age = optional(&mut errors, "age", get("age"), Age::parse);
    let education = optional(&mut errors, "education", get("education"), Education::parse);
    let occupation = optional(
        &mut errors,
        "occupation",
        get("occupation"),
        Occupation::parse,
    );
    let suggestion = Some(get("suggestion").trim())
        .filter(|s| !s.is_empty())
        .map(str::to_owned);
    if suggestion
        .as_ref()
        .is_some_and(|s| s.chars().count() > SUGGESTION_MAX_CHARS)
    {
        errors.push(("suggestion".into(), SurveyFieldError::SuggestionTooLong));
    }
    match answers {
        Some(answers) if errors.is_empty() => Ok(SurveyAnswers {
            answers,
            gender,
            age,
            education,
            occupation,
            suggestion,
        }),
        _ => Err(errors),
    }
}

/// Whether an answer asks the unit to follow up (REFERENCE §3.4 follow-up): any unsur scored
/// 2 or lower, or a suggestion.
pub fn needs_follow_up(answers: &SurveyAnswers) -> (bool, bool) {
    let low = answers.answers.answered().any(|(_, s)| s.get() <= 2);
    (low, answers.suggestion.is_some())
}

#[cfg(test)]
mod tests;
