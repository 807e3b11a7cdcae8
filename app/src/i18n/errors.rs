//! Messages for domain errors: the one place a parse failure becomes text a person can act on.

use super::{auth as a, forms as f, I18n};
use crate::domain::contact::ContactError;
use crate::domain::nik::NikError;
use crate::domain::nip::NipError;
use crate::domain::password::PasswordError;

/// What to tell someone whose NIK did not parse.
pub fn nik(i18n: I18n, error: &NikError) -> String {
    match error {
        NikError::Empty => i18n.t(a::NIK_EMPTY).into(),
        NikError::NotDigits => i18n.t(a::NIK_NOT_DIGITS).into(),
        NikError::WrongLength { len } => i18n.f(a::NIK_LENGTH, &[("len", len)]),
        NikError::UnknownProvince | NikError::InvalidRegency | NikError::InvalidDistrict => {
            i18n.t(a::NIK_REGION).into()
        }
        NikError::InvalidBirthDate => i18n.t(a::NIK_BIRTH_DATE).into(),
        NikError::ZeroSerial => i18n.t(a::NIK_SERIAL).into(),
    }
}

/// What to tell someone whose NIP did not parse.
pub fn nip(i18n: I18n, error: &NipError) -> String {
    use super::admin as ad;
    match error {
        NipError::Empty => i18n.t(ad::NIP_EMPTY).into(),
        NipError::NotDigits => i18n.t(ad::NIP_NOT_DIGITS).into(),
        NipError::WrongLength { len } => i18n.f(ad::NIP_LENGTH, &[("len", len)]),
        NipError::InvalidBirthDate => i18n.t(ad::NIP_BIRTH_DATE).into(),
        NipError::InvalidAppointmentDate => i18n.t(ad::NIP_APPOINTMENT).into(),
        NipError::InvalidGender => i18n.t(ad::NIP_GENDER).into(),
        NipError::ZeroSerial => i18n.t(ad::NIP_SERIAL).into(),
    }
}

/// What to tell someone whose name was refused.
pub fn name(i18n: I18n, error: &ContactError) -> String {
    match error {
        ContactError::Empty => i18n.t(f::NAME_EMPTY).into(),
        ContactError::TooLong => i18n.t(f::NAME_TOO_LONG).into(),
        _ => i18n.t(f::NAME_INVALID).into(),
    }
}

/// What to tell someone whose email was refused.
pub fn email(i18n: I18n, error: &ContactError) -> String {
    match error {
        ContactError::TooLong => i18n.t(f::EMAIL_TOO_LONG).into(),
        _ => i18n.t(f::EMAIL_INVALID).into(),
    }
}

/// What to tell someone whose phone number was refused.
pub fn phone(i18n: I18n, _error: &ContactError) -> String {
    i18n.t(f::PHONE_INVALID).into()
}

/// What to tell someone whose new password was refused.
pub fn password(i18n: I18n, error: &PasswordError) -> String {
    match error {
        PasswordError::TooShort => i18n.t(f::PASSWORD_TOO_SHORT).into(),
        PasswordError::TooLong => i18n.t(f::PASSWORD_TOO_LONG).into(),
        PasswordError::TooCommon => i18n.t(f::PASSWORD_TOO_COMMON).into(),
        PasswordError::ContainsPersonalData => i18n.t(f::PASSWORD_PERSONAL).into(),
    }
}

/// "Too many attempts, try again in N minutes".
pub fn rate_limited(i18n: I18n, retry_after_secs: u64) -> String {
    let minutes = retry_after_secs.div_ceil(60).max(1);
    i18n.f(f::RATE_LIMITED, &[("minutes", &minutes)])
}

/// What to tell an admin about a problem in a unit or staff record (form field or CSV cell).
pub fn record(i18n: I18n, error: &crate::domain::roster::RecordError) -> String {
    use super::admin as ad;
    use crate::domain::code::CodeError;
    use crate::domain::roster::RecordError;
    match error {
        RecordError::Code(_, CodeError::Empty) => i18n.t(ad::CODE_EMPTY).into(),
        RecordError::Code(_, _) => i18n.t(ad::CODE_INVALID).into(),
        RecordError::UnitName => i18n.t(ad::UNIT_NAME_INVALID).into(),
        RecordError::Nip(_, e) => nip(i18n, e),
        RecordError::Name(e) => name(i18n, e),
        RecordError::Email(e) => email(i18n, e),
        RecordError::Roles(None) => i18n.t(ad::ROLES_REQUIRED).into(),
        RecordError::Roles(Some(role)) => i18n.f(ad::ROLE_UNKNOWN, &[("role", role)]),
        RecordError::OwnSupervisor => i18n.t(ad::OWN_SUPERVISOR).into(),
    }
}

/// The display name of a role.
pub fn role(i18n: I18n, role: crate::auth::Role) -> &'static str {
    use super::admin as ad;
    use crate::auth::Role;
    match role {
        Role::Officer => i18n.t(ad::ROLE_OFFICER),
        Role::Supervisor => i18n.t(ad::ROLE_SUPERVISOR),
        Role::Hr => i18n.t(ad::ROLE_HR),
        Role::Admin => i18n.t(ad::ROLE_ADMIN),
    }
}

/// The display name of a kind of extra question.
pub fn field_kind(i18n: I18n, kind: crate::domain::service::FieldKind) -> &'static str {
    use super::catalog as ct;
    use crate::domain::service::FieldKind;
    match kind {
        FieldKind::Text => i18n.t(ct::FIELD_KIND_TEXT),
        FieldKind::Number => i18n.t(ct::FIELD_KIND_NUMBER),
        FieldKind::Date => i18n.t(ct::FIELD_KIND_DATE),
        FieldKind::Choice => i18n.t(ct::FIELD_KIND_CHOICE),
    }
}

/// The name of a staff step.
pub fn staff_action(
    i18n: I18n,
    action: crate::domain::application_state::StaffAction,
) -> &'static str {
    use super::applications as ap;
    use crate::domain::application_state::StaffAction as S;
    i18n.t(match action {
        S::StartVerification => ap::ACTION_START_VERIFICATION,
        S::RequestCorrection => ap::ACTION_REQUEST_CORRECTION,
        S::AcceptDocuments => ap::ACTION_ACCEPT_DOCUMENTS,
        S::Approve => ap::ACTION_APPROVE,
        S::Reject => ap::ACTION_REJECT,
        S::Complete => ap::ACTION_COMPLETE,
    })
}

/// What a step in the tracking log is called.
pub fn action(i18n: I18n, action: crate::domain::application_state::Action) -> &'static str {
    use super::applications as ap;
    use crate::domain::application_state::Action as A;
    match action {
        A::Submit => i18n.t(ap::ACTION_SUBMIT),
        A::Resubmit => i18n.t(ap::ACTION_RESUBMIT),
        A::Withdraw => i18n.t(ap::ACTION_WITHDRAW),
        A::Staff(s) => staff_action(i18n, s),
    }
}

/// The name of a state, as citizens read it.
pub fn state(i18n: I18n, state: crate::domain::application_state::State) -> &'static str {
    use super::applications as ap;
    use crate::domain::application_state::State as S;
    i18n.t(match state {
        S::Draft => ap::STATE_DRAFT,
        S::Submitted => ap::STATE_SUBMITTED,
        S::InVerification => ap::STATE_IN_VERIFICATION,
        S::NeedsCorrection => ap::STATE_NEEDS_CORRECTION,
        S::Resubmitted => ap::STATE_RESUBMITTED,
        S::InProcess => ap::STATE_IN_PROCESS,
        S::Approved => ap::STATE_APPROVED,
        S::Rejected => ap::STATE_REJECTED,
        S::Completed => ap::STATE_COMPLETED,
        S::Withdrawn => ap::STATE_WITHDRAWN,
    })
}

/// A survey CSV header problem (paper answers, `sigap skm compute`).
pub fn survey_header(i18n: I18n, error: &crate::domain::survey_csv::HeaderError) -> String {
    use super::survey as sv;
    use crate::domain::survey_csv::{Column, HeaderError, SURVEY_CSV_HEADER};
    match error {
        HeaderError::UnexpectedColumn { expected, found } => {
            let position = Column::ALL.iter().position(|c| c == expected).unwrap_or(0) + 1;
            i18n.f(
                sv::CSV_EXPECTED_COLUMN,
                &[
                    ("position", &position),
                    ("expected", &expected.name()),
                    ("found", found),
                ],
            )
        }
        HeaderError::ColumnCount { found } => i18n.f(
            sv::CSV_COLUMN_COUNT,
            &[("columns", &SURVEY_CSV_HEADER.join(",")), ("found", found)],
        ),
    }
}

/// A survey CSV row problem: the column it is in (if one) and what is wrong.
pub fn survey_row(
    i18n: I18n,
    error: &crate::domain::survey_csv::RowError,
) -> (Option<&'static str>, String) {
    use super::survey as sv;
    use crate::domain::respondent::ProfileError as P;
    use crate::domain::survey_csv::{FieldError as F, RowError};
    match error {
        RowError::FieldCount { found } => (None, i18n.f(sv::CSV_FIELD_COUNT, &[("found", found)])),
        RowError::NoUnsurAnswered => (None, i18n.t(sv::CSV_NO_UNSUR).to_owned()),
        RowError::Field { column, reason } => {
            let message = i18n.t(match reason {
                F::Missing => sv::CSV_REQUIRED,
                F::InvalidTimestamp => sv::CSV_TIMESTAMP,
                F::TimestampWithoutOffset => sv::CSV_NO_OFFSET,
                F::YearOutOfRange => sv::CSV_YEAR,
                F::Code(_) => sv::CSV_CODE,
                F::InvalidNip => sv::CSV_NIP,
                F::Score(_) => sv::CSV_SCORE,
                F::Profile(P::UnknownGender) => sv::CSV_GENDER,
                F::Profile(P::AgeNotANumber | P::AgeOutOfRange) => sv::CSV_AGE,
                F::Profile(P::UnknownEducation) => sv::CSV_EDUCATION,
                F::Profile(P::UnknownOccupation) => sv::CSV_OCCUPATION,
                F::TooLong => sv::CSV_TOO_LONG,
            });
            (Some(column.name()), message.to_owned())
        }
    }
}
