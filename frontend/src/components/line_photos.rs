use leptos::prelude::*;
use leptos::task::spawn_local;
use shared::dto::Photo;
use web_sys::{File, HtmlInputElement};

use crate::api::ApiError;
use crate::api::photos::{PHOTO_TYPES, delete_photo, forget_photo_url, photo_url, upload_photo};
use crate::components::error_message::ErrorMessage;
use crate::form::Submission;
use crate::session::{Session, use_session};

/// Where an upload stands: which file of how many, and the share of it sent.
#[derive(Clone, Copy, PartialEq)]
struct Progress {
    file: usize,
    files: usize,
    sent: f64,
}

/// The photos of the work on one line: thumbnails, and while the estimate is editable,
/// uploading (with its progress) and removing them.
#[component]
pub fn LinePhotos(
    estimate_id: i64,
    concept_id: i64,
    editable: Signal<bool>,
    /// Every photo of the estimate; this line shows its own.
    photos: RwSignal<Vec<Photo>>,
) -> impl IntoView {
    let session = use_session();
    let submission = Submission::new();
    let progress = RwSignal::new(None::<Progress>);
    let input_id = format!("line-{concept_id}-photos");

    let on_change = move |event: leptos::ev::Event| {
        let input = event_target::<HtmlInputElement>(&event);
        let files = chosen_files(&input);
        // Emptied so that choosing the same file again is a change too.
        input.set_value("");
        if files.is_empty() {
            return;
        }
        let request = upload_all(session, estimate_id, concept_id, files, photos, progress);
        submission.send(request, |()| ());
    };
    let own = move || {
        photos.with(|photos| {
            photos
                .iter()
                .filter(|photo| photo.concept_id == concept_id)
                .cloned()
                .collect::<Vec<_>>()
        })
    };

    view! {
        <div class="line-photos" data-testid="line-photos">
            <h3 class="line-details-title">"Fotos"</h3>
            <ul class="photo-list">
                <For each=own key=|photo| photo.id let:photo>
                    <PhotoThumbnail photo editable photos />
                </For>
            </ul>
            <Show when=move || own().is_empty()>
                <p class="note" data-testid="photos-empty">"Sin fotos."</p>
            </Show>
            <Show when=move || editable.get()>
                <label for=input_id.clone() class="button photo-upload">
                    "Agregar fotos"
                </label>
                <input
                    id=input_id.clone()
                    class="visually-hidden"
                    type="file"
                    accept=PHOTO_TYPES.join(",")
                    multiple
                    data-testid="photo-input"
                    disabled=move || submission.pending()
                    on:change=on_change
                />
            </Show>
            {move || progress.get().map(|progress| view! { <UploadProgress progress /> })}
            {move || {
                submission
                    .general_where(|_| false)
                    .map(|message| view! { <ErrorMessage message testid="photo-error" /> })
            }}
        </div>
    }
}

/// The bar shown while files are sent.
#[component]
fn UploadProgress(progress: Progress) -> impl IntoView {
    let percent = (progress.sent * 100.0).round();
    let label = match progress.files {
        1 => format!("Subiendo foto… {percent} %"),
        files => format!("Subiendo foto {} de {files}… {percent} %", progress.file),
    };

    view! {
        <div class="upload-progress" data-testid="photo-progress">
            <progress max="1" value=progress.sent.to_string() aria-label=label.clone()></progress>
            <span class="note">{label}</span>
        </div>
    }
}

/// One photo, fetched with the token and shown from memory; opens full size in a new tab.
#[component]
fn PhotoThumbnail(
    photo: Photo,
    editable: Signal<bool>,
    photos: RwSignal<Vec<Photo>>,
) -> impl IntoView {
    let session = use_session();
    let url = RwSignal::new(None::<String>);
    let failure = RwSignal::new(None::<ApiError>);
    let removing = Submission::new();
    let id = photo.id;

    spawn_local(async move {
        match session.call(move |token| photo_url(token, id)).await {
            // The thumbnail may be gone by now; then nobody will show the URL.
            Ok(loaded) => {
                if let Some(unused) = url.try_set(Some(loaded)).flatten() {
                    forget_photo_url(&unused);
                }
            }
            Err(error) => {
                let _ = failure.try_set(Some(error));
            }
        }
    });
    on_cleanup(move || {
        if let Some(Some(url)) = url.try_get_untracked() {
            forget_photo_url(&url);
        }
    });

    let remove = move |_| {
        let request = async move { session.call(move |token| delete_photo(token, id)).await };
        removing.send(request, move |()| {
            photos.update(|photos| photos.retain(|photo| photo.id != id));
        });
    };
    let alt = format!("Foto {id} ({} × {} px)", photo.width, photo.height);

    view! {
        <li class="photo" data-testid="line-photo" data-photo-id=id>
            {move || match url.get() {
                Some(url) => view! {
                    <a href=url.clone() target="_blank" rel="noopener" data-testid="photo-link">
                        <img class="photo-thumbnail" src=url.clone() alt=alt.clone() />
                    </a>
                }
                .into_any(),
                None => view! { <span class="photo-thumbnail photo-loading"></span> }.into_any(),
            }}
            {move || failure.get().map(|error| view! { <ErrorMessage message=error.message() /> })}
            <Show when=move || editable.get()>
                <button
                    type="button"
                    class="link-button"
                    data-testid="delete-photo"
                    disabled=move || removing.pending()
                    on:click=remove
                >
                    "Quitar"
                </button>
            </Show>
            {move || {
                removing
                    .general_where(|_| false)
                    .map(|message| view! { <ErrorMessage message testid="delete-photo-error" /> })
            }}
        </li>
    }
}

fn chosen_files(input: &HtmlInputElement) -> Vec<File> {
    let Some(list) = input.files() else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|index| list.get(index))
        .collect()
}

/// Sends the files one after the other; each photo shows up as soon as it is stored.
async fn upload_all(
    session: Session,
    estimate_id: i64,
    concept_id: i64,
    files: Vec<File>,
    photos: RwSignal<Vec<Photo>>,
    progress: RwSignal<Option<Progress>>,
) -> Result<(), ApiError> {
    let count = files.len();
    for (index, file) in files.into_iter().enumerate() {
        let name = file.name();
        let at = move |sent: f64| {
            let _ = progress.try_set(Some(Progress {
                file: index + 1,
                files: count,
                sent,
            }));
        };
        at(0.0);
        let uploaded = session
            .call(move |token| upload_photo(token, estimate_id, concept_id, file.clone(), at))
            .await;
        let _ = progress.try_set(None);

        match uploaded {
            Ok(photo) => photos.update(|photos| photos.push(photo)),
            Err(error) => return Err(refusal(&name, error)),
        }
    }
    Ok(())
}

/// The server's reason for refusing a file, naming it.
fn refusal(name: &str, error: ApiError) -> ApiError {
    let reason = error
        .field_message("body")
        .unwrap_or_else(|| error.message());
    match error {
        ApiError::Problem {
            mut problem,
            retry_after,
        } => {
            problem.detail = Some(format!("No se pudo subir «{name}»: {reason}."));
            problem.errors.clear();
            ApiError::Problem {
                problem,
                retry_after,
            }
        }
        other => other,
    }
}
