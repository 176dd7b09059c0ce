//! Construbot's single-page app: mounts [`app::App`] and nothing else.

mod api;
mod app;
mod components;
mod estimate_draft;
mod form;
mod import_preview;
use shared::format;
mod listing;
mod live_statement;
mod pages;
mod routes;
mod session;
mod storage;

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(app::App);
}
