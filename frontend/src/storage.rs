//! The refresh token, kept in `localStorage` so a session survives reloads.
//!
//! The access token never lands here: it lives in memory only (see `crate::session`).

const REFRESH_TOKEN_KEY: &str = "construbot.refresh_token";

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The refresh token of the last login or renewal, if any.
pub fn refresh_token() -> Option<String> {
    local_storage()?
        .get_item(REFRESH_TOKEN_KEY)
        .ok()
        .flatten()
        .filter(|token| !token.is_empty())
}

/// Keeps the newest refresh token; the previous one is used up by now.
pub fn keep_refresh_token(token: &str) {
    if let Some(storage) = local_storage() {
        // A full or disabled storage only costs surviving a reload; the session goes on.
        let _ = storage.set_item(REFRESH_TOKEN_KEY, token);
    }
}

pub fn forget_refresh_token() {
    if let Some(storage) = local_storage() {
        let _ = storage.remove_item(REFRESH_TOKEN_KEY);
    }
}
