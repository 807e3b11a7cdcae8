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
