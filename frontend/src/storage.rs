//! What `localStorage` keeps across reloads: the refresh token, so a session survives
//! them, and the user's choices that are not worth a round trip (the paper of PDFs).
//!
//! The access token never lands here: it lives in memory only (see `crate::session`).

const REFRESH_TOKEN_KEY: &str = "construbot.refresh_token";
const PAPER_KEY: &str = "construbot.paper";

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

/// The paper last chosen for PDFs (`letter`, `a4`), if any.
pub fn paper() -> Option<String> {
    local_storage()?.get_item(PAPER_KEY).ok().flatten()
}

pub fn keep_paper(key: &str) {
    if let Some(storage) = local_storage() {
        // Forgetting the choice only means choosing again after a reload.
        let _ = storage.set_item(PAPER_KEY, key);
    }
}
