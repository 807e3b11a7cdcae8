//! Who is looking at a page, as pages and islands see it: no secrets, just what decides what
//! to show. The server decides who it is (see `server::session`) and checks every action again.

use serde::{Deserialize, Serialize};

/// A staff role (REFERENCE §1). One person may hold several.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Petugas: processes applications of their unit.
    Officer,
    /// Pejabat penilai: appraises the officers they supervise; assigns work in their unit.
    Supervisor,
    /// BKPSDM: reads scores and appraisals across units, runs periods.
    Hr,
    /// Configures units, services, staff; reads the audit log.
    Admin,
}

impl Role {
    /// Every role, in display order.
    pub const ALL: [Role; 4] = [Role::Officer, Role::Supervisor, Role::Hr, Role::Admin];

    /// Stable code for the database and CSV files.
    pub fn code(self) -> &'static str {
        match self {
            Role::Officer => "officer",
            Role::Supervisor => "supervisor",
            Role::Hr => "hr",
            Role::Admin => "admin",
        }
    }

    /// Reads a role code (case-insensitive).
    pub fn parse(code: &str) -> Option<Role> {
        Role::ALL
            .into_iter()
            .find(|r| r.code().eq_ignore_ascii_case(code.trim()))
    }
}

/// The signed-in person, if any.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Viewer {
    /// Not signed in.
    #[default]
    Anonymous,
    /// A citizen (pemohon).
    Citizen {
        /// Their account.
        account_id: i64,
        /// Full name as on the KTP.
        name: String,
    },
    /// A civil servant.
    Staff {
        /// Their account.
        account_id: i64,
        /// Their name.
        name: String,
        /// Their unit, if they belong to one.
        unit_id: Option<i64>,
        /// What they may do.
        roles: Vec<Role>,
    },
}

impl Viewer {
    /// Whether someone is signed in.
    pub fn is_signed_in(&self) -> bool {
        !matches!(self, Viewer::Anonymous)
    }

    /// The account, if signed in.
    pub fn account_id(&self) -> Option<i64> {
        match self {
            Viewer::Anonymous => None,
            Viewer::Citizen { account_id, .. } | Viewer::Staff { account_id, .. } => {
                Some(*account_id)
            }
        }
    }

    /// Display name, if signed in.
    pub fn name(&self) -> Option<&str> {
        match self {
            Viewer::Anonymous => None,
            Viewer::Citizen { name, .. } | Viewer::Staff { name, .. } => Some(name),
        }
    }

    /// Whether this is a citizen.
    pub fn is_citizen(&self) -> bool {
        matches!(self, Viewer::Citizen { .. })
    }

    /// Whether this is staff holding `role`.
    pub fn has_role(&self, role: Role) -> bool {
        matches!(self, Viewer::Staff { roles, .. } if roles.contains(&role))
    }

    /// Whether this is any staff member.
    pub fn is_staff(&self) -> bool {
        matches!(self, Viewer::Staff { .. })
    }
}

/// The signed-in person for the page being rendered.
pub fn use_viewer() -> Viewer {
    leptos::prelude::use_context::<Viewer>().unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn role_codes_round_trip() {
        for role in Role::ALL {
            assert_eq!(Role::parse(role.code()), Some(role));
        }
        assert_eq!(Role::parse(" HR "), Some(Role::Hr));
        assert_eq!(Role::parse("boss"), None);
    }

    #[test]
    fn only_staff_hold_roles() {
        let citizen = Viewer::Citizen {
            account_id: 1,
            name: "A".into(),
        };
        assert!(!citizen.has_role(Role::Admin));
        let admin = Viewer::Staff {
            account_id: 2,
            name: "B".into(),
            unit_id: None,
            roles: vec![Role::Admin],
        };
        assert!(admin.has_role(Role::Admin) && !admin.has_role(Role::Hr));
    }
}
