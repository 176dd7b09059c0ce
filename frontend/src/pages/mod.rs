//! One page per route.

pub mod contracts;
pub mod login;
pub mod not_found;
pub mod profile;

/// Names the browser tab after the page.
pub fn set_title(page: &str) {
    leptos::prelude::document().set_title(&format!("{page} · Construbot"));
}
