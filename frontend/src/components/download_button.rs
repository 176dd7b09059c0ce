use std::time::Duration;

use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Blob, BlobPropertyBag, HtmlElement, Url};

use crate::api::ApiError;
use crate::api::documents::{Document, Download, download};
use crate::components::error_message::ErrorMessage;
use crate::form::Submission;
use crate::session::use_session;

/// How long the browser gets to start saving before the file's memory is freed.
const KEEP_URL_FOR: Duration = Duration::from_secs(60);

/// A button that fetches a file the server writes and saves it, saying "Descargando…"
/// meanwhile and why the server refused when it does. `testid` names the button; its
/// complaint is `{testid}-error`.
#[component]
pub fn DownloadButton(
    label: &'static str,
    testid: &'static str,
    /// The file, as asked for at the moment of the click (the paper may have changed).
    document: impl Fn() -> Document + 'static,
) -> impl IntoView {
    let session = use_session();
    let submission = Submission::new();

    let on_click = move |_| {
        let document = document();
        let request = async move {
            session
                .call(move |token| download(token, document.clone()))
                .await
        };
        submission.send(request, move |file| {
            if let Err(error) = save(&file) {
                submission.refuse(ApiError::Unexpected(format!("{error:?}")));
            }
        });
    };

    view! {
        <span class="download-button">
            <button
                type="button"
                class="button"
                data-testid=testid
                aria-busy=move || submission.pending().to_string()
                disabled=move || submission.pending()
                on:click=on_click
            >
                {move || if submission.pending() { "Descargando…" } else { label }}
            </button>
            {move || {
                let testid = format!("{testid}-error");
                submission
                    .general_where(|_| false)
                    .map(|message| view! { <ErrorMessage message testid /> })
            }}
        </span>
    }
}

/// Hands the bytes to the browser as a download: an object URL clicked through a
/// temporary `<a download>`, the one way a page can name the file it saves.
fn save(file: &Download) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(file.bytes.as_slice()));
    let options = BlobPropertyBag::new();
    options.set_type(&file.content_type);
    let blob = Blob::new_with_u8_array_sequence_and_options(&parts, &options)?;
    let url = Url::create_object_url_with_blob(&blob)?;

    let link = document().create_element("a")?;
    link.set_attribute("href", &url)?;
    link.set_attribute("download", &file.file_name)?;
    link.set_attribute("hidden", "")?;
    // Firefox follows only links that are in the document.
    let body = document().body().ok_or("the page has no body")?;
    body.append_child(&link)?;
    link.unchecked_ref::<HtmlElement>().click();
    link.remove();

    // Revoking at once can cancel the download before the browser has read the bytes.
    set_timeout(
        move || {
            let _ = Url::revoke_object_url(&url);
        },
        KEEP_URL_FOR,
    );
    Ok(())
}
