//! The SPA's paths, and where to send a user before and after logging in.

use crate::api::contracts::ContractQuery;

/// Contracts per page unless the address says otherwise.
pub const DEFAULT_PAGE_SIZE: i64 = 20;

pub const LOGIN: &str = "/login";
pub const CONTRACTS: &str = "/contratos";
pub const PROFILE: &str = "/perfil";

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

/// The contracts list at one search and page. Defaults stay out of the address.
pub fn contracts_page(query: &ContractQuery) -> String {
    let mut params = Vec::new();
    if !query.q.is_empty() {
        params.push(format!("q={}", encode(&query.q)));
    }
    if query.limit != DEFAULT_PAGE_SIZE {
        params.push(format!("limit={}", query.limit));
    }
    if query.offset > 0 {
        params.push(format!("offset={}", query.offset));
    }

    if params.is_empty() {
        CONTRACTS.to_string()
    } else {
        format!("{CONTRACTS}?{}", params.join("&"))
    }
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
