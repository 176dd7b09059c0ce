//! The signed-in user and where they work.

use serde::{Deserialize, Serialize};

use crate::AccessLevel;

/// The signed-in user, as `GET /api/v1/me` returns it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(poem_openapi::Object))]
pub struct Me {
    pub user: UserSummary,
    /// The paying account the user belongs to.
    pub customer: CustomerSummary,
    /// The companies of the customer the user works in, by name.
    pub companies: Vec<CompanySummary>,
    /// The company every request works in now.
    pub active_company: CompanySummary,
    /// The user's access level.
    pub level: AccessLevel,
}

/// A person who logs in.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(poem_openapi::Object, sqlx::FromRow))]
pub struct UserSummary {
    pub id: i64,
    /// Login email, as the user typed it when created.
    pub email: String,
    /// Full name, as printed on documents.
    pub name: String,
    /// Position, e.g. "Residente de obra"; printed under signatures.
    pub position: String,
}

/// A paying account ("cuenta").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(poem_openapi::Object))]
pub struct CustomerSummary {
    pub id: i64,
    pub name: String,
}

/// A company ("empresa") of the customer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(poem_openapi::Object))]
pub struct CompanySummary {
    pub id: i64,
    /// Short name used in menus.
    pub name: String,
}

/// Body of `PUT /api/v1/me/active-company`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(poem_openapi::Object))]
pub struct SwitchCompanyRequest {
    /// A company the user works in.
    pub company_id: i64,
}

/// The people who work in the active company, e.g. to assign them to a contract.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(poem_openapi::Object))]
pub struct MemberList {
    pub items: Vec<Member>,
}

/// A person who works in the active company.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(poem_openapi::Object))]
pub struct Member {
    pub id: i64,
    pub name: String,
    pub email: String,
    pub position: String,
    pub level: AccessLevel,
}
