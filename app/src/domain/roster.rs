//! Units and staff as records: parsing one unit or one staff member from the fields of a form
//! or a CSV row (`code,name` and `nip,name,unit_code,roles,supervisor_nip,email`), reporting
//! every problem with the field it belongs to. Checks that need the database (does the unit
//! exist? is the supervisor a supervisor?) happen in the service that stores the records.

use super::code::{Code, CodeError};
use super::contact::{ContactError, Email, FullName};
use super::nip::{Nip, NipError};
use crate::auth::Role;

/// A unit record.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnitRecord {
    /// The unit's code.
    pub code: Code,
    /// The unit's name (1–200 characters).
    pub name: String,
}

/// A staff record.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StaffRecord {
    /// NIP.
    pub nip: Nip,
    /// Full name.
    pub name: FullName,
    /// The unit's code.
    pub unit_code: Code,
    /// Roles, sorted and without duplicates; at least one.
    pub roles: Vec<Role>,
    /// The supervisor's NIP, if any.
    pub supervisor_nip: Option<Nip>,
    /// Work email, if any.
    pub email: Option<Email>,
}

/// One problem in a record, with the field it belongs to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RecordError {
    /// A bad code (`code`, `unit_code`).
    Code(&'static str, CodeError),
    /// A unit name that is empty or longer than 200 characters.
    UnitName,
    /// A bad NIP (`nip`, `supervisor_nip`).
    Nip(&'static str, NipError),
    /// A bad name.
    Name(ContactError),
    /// A bad email.
    Email(ContactError),
    /// No roles, or one that does not exist (the unknown code).
    Roles(Option<String>),
    /// A person named as their own supervisor.
    OwnSupervisor,
}

impl RecordError {
    /// The field (form name and CSV column) the problem belongs to.
    pub fn field(&self) -> &'static str {
        match self {
            RecordError::Code(field, _) | RecordError::Nip(field, _) => field,
            RecordError::UnitName => "name",
            RecordError::Name(_) => "name",
            RecordError::Email(_) => "email",
            RecordError::Roles(_) => "roles",
            RecordError::OwnSupervisor => "supervisor_nip",
        }
    }
}

/// Parses a unit from its fields.
pub fn parse_unit(code: &str, name: &str) -> Result<UnitRecord, Vec<RecordError>> {
    let mut errors = Vec::new();
    let code = Code::parse(code)
        .map_err(|e| errors.push(RecordError::Code("code", e)))
        .ok();
    let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
    if name.is_empty() || name.chars().count() > 200 {
        errors.push(RecordError::UnitName);
    }
    match code {
        Some(code) if errors.is_empty() => Ok(UnitRecord { code, name }),
        _ => Err(errors),
    }
}

/// Parses roles separated by `;` (CSV) or given as a list (form).
pub fn parse_roles<'a>(items: impl IntoIterator<Item = &'a str>) -> Result<Vec<Role>, RecordError> {
    let mut roles = Vec::new();
    for item in items.into_iter().flat_map(|s| s.split(';')) {
        let item = item.trim();
        if item.is_empty() {
            continue;
        }
        roles.push(Role::parse(item).ok_or_else(|| RecordError::Roles(Some(item.to_owned())))?);
    }
    roles.sort();
    roles.dedup();
    if roles.is_empty() {
        return Err(RecordError::Roles(None));
    }
    Ok(roles)
}

/// Parses a staff member from their fields.
pub fn parse_staff(
    nip: &str,
    name: &str,
    unit_code: &str,
    roles: &[&str],
    supervisor_nip: &str,
    email: &str,
) -> Result<StaffRecord, Vec<RecordError>> {
    let mut errors = Vec::new();
    let nip = Nip::parse(nip)
        .map_err(|e| errors.push(RecordError::Nip("nip", e)))
        .ok();
    let name = FullName::parse(name)
        .map_err(|e| errors.push(RecordError::Name(e)))
        .ok();
    let unit_code = Code::parse(unit_code)
        .map_err(|e| errors.push(RecordError::Code("unit_code", e)))
        .ok();
    let roles = parse_roles(roles.iter().copied())
        .map_err(|e| errors.push(e))
        .ok();
    let supervisor_nip = match supervisor_nip.trim() {
        "" => None,
        typed => Nip::parse(typed)
            .map_err(|e| errors.push(RecordError::Nip("supervisor_nip", e)))
            .ok(),
    };
    let email = match email.trim() {
        "" => None,
        typed => Email::parse(typed)
            .map_err(|e| errors.push(RecordError::Email(e)))
            .ok(),
    };
    if let (Some(nip), Some(sup)) = (&nip, &supervisor_nip) {
        if nip == sup {
            errors.push(RecordError::OwnSupervisor);
        }
    }
    match (nip, name, unit_code, roles) {
        (Some(nip), Some(name), Some(unit_code), Some(roles)) if errors.is_empty() => {
            Ok(StaffRecord {
                nip,
                name,
                unit_code,
                roles,
                supervisor_nip,
                email,
            })
        }
        _ => Err(errors),
    }
}

#[cfg(test)]
mod tests;
