//! What every form keeps while it talks to the server: whether a request is on its way, and
//! the last failure, whose field errors are shown beside their inputs.

use std::future::Future;

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::ApiError;
use crate::api::directory::{self, Directory};
use crate::session::Session;

/// The state of one form's submissions. Copy, so event handlers and views share it.
#[derive(Clone, Copy)]
pub struct Submission {
    pending: RwSignal<bool>,
    failure: RwSignal<Option<ApiError>>,
}

impl Submission {
    pub fn new() -> Submission {
        Submission {
            pending: RwSignal::new(false),
            failure: RwSignal::new(None),
        }
    }

    /// Whether a request is on its way; tracked, for disabling the submit button.
    pub fn pending(&self) -> bool {
        self.pending.get()
    }

    /// [`Submission::pending`] for event handlers, which must not subscribe to it.
    pub fn pending_untracked(&self) -> bool {
        self.pending.get_untracked()
    }

    /// The server's (or the form's own) message for one field, to show under its input.
    pub fn field(&self, name: impl Into<String>) -> Signal<Option<String>> {
        let failure = self.failure;
        let name = name.into();
        Signal::derive(move || {
            failure.with(|failure| failure.as_ref().and_then(|f| f.field_message(&name)))
        })
    }

    /// [`Submission::field`] for a field whose name is computed, such as a batch row's
    /// `concepts[2].unit_price` that follows the row when rows above it are removed.
    pub fn computed_field(
        &self,
        name: impl Fn() -> Option<String> + Send + Sync + 'static,
    ) -> Signal<Option<String>> {
        let failure = self.failure;
        Signal::derive(move || {
            let name = name()?;
            failure.with(|failure| failure.as_ref()?.field_message(&name))
        })
    }

    /// What to say above the submit button: nothing when every complaint is shown beside
    /// one of `fields`.
    pub fn general(&self, fields: &[&str]) -> Option<String> {
        self.general_where(|field| fields.contains(&field))
    }

    /// [`Submission::general`] for forms whose field names are computed.
    pub fn general_where(&self, shown: impl Fn(&str) -> bool) -> Option<String> {
        self.failure.with(|failure| {
            failure
                .as_ref()
                .filter(|failure| !failure.only_about_fields(shown))
                .map(ApiError::message)
        })
    }

    /// The last failure, tracked, for forms that word it themselves.
    pub fn failure(&self) -> Option<ApiError> {
        self.failure.get()
    }

    /// Shows a complaint found before sending.
    pub fn refuse(&self, error: ApiError) {
        self.failure.set(Some(error));
    }

    pub fn clear(&self) {
        self.failure.set(None);
    }

    /// Sends `request` unless one is already on its way; `done` gets the answer on success.
    pub fn send<T: 'static>(
        &self,
        request: impl Future<Output = Result<T, ApiError>> + 'static,
        done: impl FnOnce(T) + 'static,
    ) {
        if self.pending.get_untracked() {
            return;
        }
        self.pending.set(true);
        self.failure.set(None);

        let submission = *self;
        spawn_local(async move {
            let outcome = request.await;
            submission.pending.set(false);
            match outcome {
                Ok(answer) => done(answer),
                Err(error) => submission.failure.set(Some(error)),
            }
        });
    }
}

impl Default for Submission {
    fn default() -> Submission {
        Submission::new()
    }
}

/// The text of a required id picked in a `<select>`, or the field's complaint.
pub fn picked_id(field: &str, text: &str) -> Result<i64, ApiError> {
    text.trim()
        .parse()
        .map_err(|_| ApiError::invalid(field, "elige una opción"))
}

/// The text of an optional id picked in a `<select>`: empty means none.
pub fn optional_id(text: &str) -> Option<i64> {
    text.trim().parse().ok()
}

/// Today in the browser's time zone, as a date input writes it: `2026-05-01`.
pub fn today() -> String {
    let now = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}",
        now.get_full_year(),
        now.get_month() + 1,
        now.get_date()
    )
}

/// A date typed in a date input, or the field's complaint.
pub fn picked_date<D: std::str::FromStr>(field: &str, text: &str) -> Result<D, ApiError> {
    text.trim()
        .parse()
        .map_err(|_| ApiError::invalid(field, "escribe una fecha (aaaa-mm-dd)"))
}

/// Creates the record (`id` is `None`) or replaces it.
pub async fn save_record<R: Directory>(
    session: Session,
    id: Option<i64>,
    input: R::Input,
) -> Result<R, ApiError> {
    match id {
        None => {
            session
                .call(move |token| directory::create::<R>(token, input.clone()))
                .await
        }
        Some(id) => {
            session
                .call(move |token| directory::update::<R>(token, id, input.clone()))
                .await
        }
    }
}
