//! The SPA's paths, and where to send a user before and after logging in.

use crate::listing::ListQuery;

pub const LOGIN: &str = "/login";
pub const CONTRACTS: &str = "/contratos";
pub const NEW_CONTRACT: &str = "/contratos/nuevo";
pub const COUNTERPARTIES: &str = "/contrapartes";
pub const NEW_COUNTERPARTY: &str = "/contrapartes/nueva";
pub const SITES: &str = "/sitios";
pub const NEW_SITE: &str = "/sitios/nuevo";
pub const CONTACTS: &str = "/contactos";
pub const NEW_CONTACT: &str = "/contactos/nuevo";
pub const UNITS: &str = "/unidades";
pub const NEW_UNIT: &str = "/unidades/nueva";
pub const PROFILE: &str = "/perfil";
pub const DASHBOARD: &str = "/tablero";
pub const ESTIMATES: &str = "/estimaciones";

/// Where a user lands after logging in when no page was asked for.
pub const HOME: &str = CONTRACTS;

/// The login page, remembering `return_to` (a path with its query) for afterwards.
pub fn login_returning_to(return_to: &str) -> String {
    if return_to == "/" || return_to == HOME {
        return format!("{LOGIN}?next={}", encode(HOME));
    }
    format!("{LOGIN}?next={}", encode(return_to))
}

/// The page to open after logging in: the one asked for when it is a path of this app,
/// else [`HOME`]. Anything that could leave the site (`//host`, `https:`) is refused.
pub fn return_path(next: Option<&str>) -> String {
    match next {
        Some(path) if is_local_path(path) && !path.starts_with(LOGIN) => path.to_string(),
        _ => HOME.to_string(),
    }
}

fn is_local_path(path: &str) -> bool {
    path.starts_with('/') && !path.starts_with("//") && !path.contains('\\')
}

/// A list page (`base` is its path) at one search and page. Defaults stay out of the address.
pub fn list_page(base: &str, query: &ListQuery) -> String {
    let params = query.address_params(encode);
    if params.is_empty() {
        base.to_string()
    } else {
        format!("{base}?{}", params.join("&"))
    }
}

/// One record of a list: `/contrapartes/7`.
pub fn record(base: &str, id: i64) -> String {
    format!("{base}/{id}")
}

pub fn contract(id: i64) -> String {
    record(CONTRACTS, id)
}

pub fn edit_contract(id: i64) -> String {
    format!("{CONTRACTS}/{id}/editar")
}

/// The editor of one estimate.
pub fn estimate(id: i64) -> String {
    record(ESTIMATES, id)
}

/// What the direct subcontracts billed in an estimate's period.
pub fn subcontract_report(estimate_id: i64) -> String {
    format!("{ESTIMATES}/{estimate_id}/subcontratos")
}

/// The form for a new subcontract of `parent_id`.
pub fn new_subcontract(parent_id: i64) -> String {
    format!("{NEW_CONTRACT}?padre={parent_id}")
}

/// Percent-encodes one query value.
pub fn encode(value: &str) -> String {
    js_sys::encode_uri_component(value).into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn returns_to_a_page_of_this_app() {
        assert_eq!(return_path(Some("/perfil")), "/perfil");
        assert_eq!(
            return_path(Some("/contratos?q=hidalgo&offset=20")),
            "/contratos?q=hidalgo&offset=20"
        );
    }

    #[test]
    fn never_returns_off_site_or_to_login() {
        for next in [
            "//evil.example",
            "https://evil.example",
            "/\\evil.example",
            "/login?next=/",
        ] {
            assert_eq!(return_path(Some(next)), HOME, "{next}");
        }
        assert_eq!(return_path(None), HOME);
    }
}
