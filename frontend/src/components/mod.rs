//! Reusable pieces of the pages, one component per file.

pub mod company_switcher;
pub mod contracts_table;
pub mod error_message;
pub mod field_error;
pub mod loading;
pub mod pagination;
pub mod password_form;
pub mod search_box;
pub mod signed_in_layout;
pub mod top_bar;
pub mod user_menu;
