//! Access levels and the permission table of DOMAIN.md, as data.
//!
//! The server enforces [`permits`]; the browser calls the same function to hide what a user
//! cannot do. Changing a rule here changes both.

use serde::{Deserialize, Serialize};

/// A user's access level ("nivel de acceso"), from 1 (Auxiliar) to 6 (Superusuario).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(poem_openapi::Enum))]
#[serde(rename_all = "lowercase")]
#[cfg_attr(feature = "server", oai(rename_all = "lowercase"))]
pub enum AccessLevel {
    /// 1: field and office staff; sees only the contracts assigned to them.
    Auxiliar,
    /// 2: coordinates assigned contracts; may create contracts.
    Coordinador,
    /// 3: sees and manages every contract of the active company.
    Director,
    /// 4: corporate management of the customer.
    Corporativo,
    /// 5: the vendor's support staff; may act across customers.
    Soporte,
    /// 6: the vendor's superusers; the only ones who create customers.
    Superusuario,
}

impl AccessLevel {
    pub const ALL: [AccessLevel; 6] = [
        AccessLevel::Auxiliar,
        AccessLevel::Coordinador,
        AccessLevel::Director,
        AccessLevel::Corporativo,
        AccessLevel::Soporte,
        AccessLevel::Superusuario,
    ];

    /// The number stored in the database and shown in DOMAIN.md (1..=6).
    pub fn number(self) -> i16 {
        match self {
            AccessLevel::Auxiliar => 1,
            AccessLevel::Coordinador => 2,
            AccessLevel::Director => 3,
            AccessLevel::Corporativo => 4,
            AccessLevel::Soporte => 5,
            AccessLevel::Superusuario => 6,
        }
    }

    pub fn from_number(number: i16) -> Option<AccessLevel> {
        AccessLevel::ALL
            .into_iter()
            .find(|level| level.number() == number)
    }

    /// Lower-case name used in JSON and on the command line.
    pub fn key(self) -> &'static str {
        match self {
            AccessLevel::Auxiliar => "auxiliar",
            AccessLevel::Coordinador => "coordinador",
            AccessLevel::Director => "director",
            AccessLevel::Corporativo => "corporativo",
            AccessLevel::Soporte => "soporte",
            AccessLevel::Superusuario => "superusuario",
        }
    }

    /// Accepts the number ("3") or the name ("director"), as an operator would type it.
    pub fn parse(text: &str) -> Option<AccessLevel> {
        let text = text.trim().to_lowercase();
        if let Ok(number) = text.parse::<i16>() {
            return AccessLevel::from_number(number);
        }
        AccessLevel::ALL
            .into_iter()
            .find(|level| level.key() == text)
    }

    /// The name shown to users, in Spanish.
    pub fn label(self) -> &'static str {
        match self {
            AccessLevel::Auxiliar => "Auxiliar",
            AccessLevel::Coordinador => "Coordinador",
            AccessLevel::Director => "Director",
            AccessLevel::Corporativo => "Corporativo",
            AccessLevel::Soporte => "Soporte",
            AccessLevel::Superusuario => "Superusuario",
        }
    }

    /// Vendor staff (Soporte, Superusuario) may act across customers.
    pub fn is_vendor_staff(self) -> bool {
        self >= AccessLevel::Soporte
    }
}

/// Something a user may try to do. One variant per row of DOMAIN.md's access table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    ReadDashboard,
    SwitchCompany,
    /// See every contract of the active company, not only the assigned ones.
    SeeAllContracts,
    /// Read one contract and its estimates.
    ReadContract,
    /// Create or edit counterparties, sites, contacts and units.
    EditDirectory,
    DeleteSiteOrContact,
    DeleteCounterparty,
    CreateContract,
    /// Edit a contract, its concepts, retentions and assigned users; import catalogs.
    EditContract,
    DeleteContract,
    /// Create or edit an estimate, its lines, take-off and photos.
    EditEstimate,
    /// Mark an estimate invoiced or paid; delete the latest estimate.
    BillEstimate,
    UnlockEstimate,
    ManageUsers,
    ManageCompanies,
    CreateCustomer,
}

/// Who may do an action: anyone from `any_from` up, and assigned users from
/// `assigned_from` up. `None` closes that route.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rule {
    pub any_from: Option<AccessLevel>,
    pub assigned_from: Option<AccessLevel>,
}

const fn everyone() -> Rule {
    Rule {
        any_from: Some(AccessLevel::Auxiliar),
        assigned_from: None,
    }
}

const fn from(level: AccessLevel) -> Rule {
    Rule {
        any_from: Some(level),
        assigned_from: None,
    }
}

const fn assigned_or(assigned_from: AccessLevel, any_from: AccessLevel) -> Rule {
    Rule {
        any_from: Some(any_from),
        assigned_from: Some(assigned_from),
    }
}

use AccessLevel::{Auxiliar, Coordinador, Director, Superusuario};

/// DOMAIN.md's access table. Tests walk it to build the permission matrix.
pub const PERMISSIONS: &[(Action, Rule)] = &[
    (Action::ReadDashboard, everyone()),
    (Action::SwitchCompany, everyone()),
    (Action::SeeAllContracts, from(Director)),
    (Action::ReadContract, assigned_or(Auxiliar, Director)),
    (Action::EditDirectory, everyone()),
    (Action::DeleteSiteOrContact, from(Coordinador)),
    (Action::DeleteCounterparty, from(Director)),
    (Action::CreateContract, from(Coordinador)),
    (Action::EditContract, assigned_or(Coordinador, Director)),
    (Action::DeleteContract, assigned_or(Coordinador, Director)),
    (Action::EditEstimate, assigned_or(Auxiliar, Director)),
    (Action::BillEstimate, assigned_or(Coordinador, Director)),
    (Action::UnlockEstimate, from(Director)),
    (Action::ManageUsers, from(Director)),
    (Action::ManageCompanies, from(Director)),
    (Action::CreateCustomer, from(Superusuario)),
];

/// The rule for an action. Every action has exactly one row in [`PERMISSIONS`].
pub fn rule(action: Action) -> Rule {
    PERMISSIONS
        .iter()
        .find(|(candidate, _)| *candidate == action)
        .map(|(_, rule)| *rule)
        .unwrap_or(Rule {
            any_from: None,
            assigned_from: None,
        })
}

/// Whether a user at `level`, assigned or not to the record in question, may do `action`.
pub fn permits(level: AccessLevel, assigned: bool, action: Action) -> bool {
    let rule = rule(action);
    let by_level = rule.any_from.is_some_and(|min| level >= min);
    let by_assignment = assigned && rule.assigned_from.is_some_and(|min| level >= min);
    by_level || by_assignment
}

/// Whether `granter` may give `granted` to someone: never above one's own level.
pub fn may_grant(granter: AccessLevel, granted: AccessLevel) -> bool {
    granted <= granter
}

#[cfg(test)]
mod tests {
    use super::*;

    const ACTIONS: [Action; 16] = [
        Action::ReadDashboard,
        Action::SwitchCompany,
        Action::SeeAllContracts,
        Action::ReadContract,
        Action::EditDirectory,
        Action::DeleteSiteOrContact,
        Action::DeleteCounterparty,
        Action::CreateContract,
        Action::EditContract,
        Action::DeleteContract,
        Action::EditEstimate,
        Action::BillEstimate,
        Action::UnlockEstimate,
        Action::ManageUsers,
        Action::ManageCompanies,
        Action::CreateCustomer,
    ];

    #[test]
    fn every_action_has_exactly_one_rule() {
        for action in ACTIONS {
            let rows = PERMISSIONS.iter().filter(|(a, _)| *a == action).count();
            assert_eq!(rows, 1, "{action:?} has {rows} rows");
        }
        assert_eq!(PERMISSIONS.len(), ACTIONS.len());
    }

    #[test]
    fn auxiliar_edits_estimates_only_when_assigned() {
        assert!(permits(Auxiliar, true, Action::EditEstimate));
        assert!(!permits(Auxiliar, false, Action::EditEstimate));
        assert!(permits(Director, false, Action::EditEstimate));
    }

    #[test]
    fn coordinador_edits_contracts_only_when_assigned() {
        assert!(!permits(Auxiliar, true, Action::EditContract));
        assert!(permits(Coordinador, true, Action::EditContract));
        assert!(!permits(Coordinador, false, Action::EditContract));
        assert!(permits(
            AccessLevel::Corporativo,
            false,
            Action::EditContract
        ));
    }

    #[test]
    fn only_superusuario_creates_customers() {
        for level in AccessLevel::ALL {
            let expected = level == Superusuario;
            assert_eq!(
                permits(level, true, Action::CreateCustomer),
                expected,
                "{level:?}"
            );
        }
    }

    #[test]
    fn permission_is_monotonic_in_level_and_assignment() {
        for action in ACTIONS {
            for pair in AccessLevel::ALL.windows(2) {
                for assigned in [false, true] {
                    if permits(pair[0], assigned, action) {
                        assert!(permits(pair[1], assigned, action), "{action:?} {pair:?}");
                    }
                }
            }
            for level in AccessLevel::ALL {
                if permits(level, false, action) {
                    assert!(permits(level, true, action), "{action:?} {level:?}");
                }
            }
        }
    }

    #[test]
    fn levels_parse_from_number_or_name() {
        assert_eq!(AccessLevel::parse("3"), Some(Director));
        assert_eq!(AccessLevel::parse(" Coordinador "), Some(Coordinador));
        assert_eq!(AccessLevel::parse("7"), None);
        assert_eq!(AccessLevel::parse("jefe"), None);
        for level in AccessLevel::ALL {
            assert_eq!(AccessLevel::from_number(level.number()), Some(level));
        }
    }

    #[test]
    fn nobody_grants_above_their_own_level() {
        assert!(may_grant(Director, Director));
        assert!(may_grant(Director, Auxiliar));
        assert!(!may_grant(Director, AccessLevel::Corporativo));
    }
}
