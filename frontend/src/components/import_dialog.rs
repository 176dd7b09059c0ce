use leptos::ev::{Event, KeyboardEvent};
use leptos::html;
use leptos::prelude::*;
use web_sys::{File, HtmlInputElement};

use crate::api::ApiError;
use crate::api::imports::SHEET_TYPES;
use crate::components::error_message::ErrorMessage;
use crate::components::import_preview_table::ImportPreviewTable;
use crate::form::Submission;
use crate::format;
use crate::import_preview::{ImportKind, Preview, refusal};
use crate::session::{Session, use_session};

/// Reads a spreadsheet in two steps: the file is sent at once for a preview (nothing is
/// written), and "Importar N …" sends it again to write every row, or none.
#[component]
pub fn ImportDialog(
    kind: ImportKind,
    contract_id: i64,
    /// Cleared to close the dialog.
    open: RwSignal<bool>,
    /// Gets how many rows were written.
    imported: Callback<i64>,
) -> impl IntoView {
    let session = use_session();
    // A `File` is a browser object: it stays on this thread.
    let file = RwSignal::new_local(None::<File>);
    let preview = RwSignal::new(None::<Preview>);
    let checking = Submission::new();
    let importing = Submission::new();
    let dialog = NodeRef::<html::Div>::new();
    let input_id = format!("import-{}-file", kind.key());

    let on_change = move |event: Event| {
        let input = event_target::<HtmlInputElement>(&event);
        let chosen = input.files().and_then(|files| files.get(0));
        // Emptied so that choosing the same file again, once fixed, is a change too.
        input.set_value("");
        let Some(chosen) = chosen else {
            return;
        };

        file.set(Some(chosen.clone()));
        preview.set(None);
        importing.clear();
        let request = kind.upload(session, contract_id, chosen, true);
        checking.send(request, move |found| preview.set(Some(found)));
    };
    let confirm = Callback::new(move |()| {
        let Some(chosen) = file.get_untracked() else {
            return;
        };
        let request = import(kind, session, contract_id, chosen, preview);
        importing.send(request, move |done| imported.run(done.imported));
    });
    // Closing while the import is on its way would hide how it ended.
    let close = Callback::new(move |()| {
        if !importing.pending_untracked() {
            open.set(false);
        }
    });
    let on_keydown = move |event: KeyboardEvent| {
        if event.key() == "Escape" {
            close.run(());
        }
    };
    Effect::new(move || {
        if let Some(dialog) = dialog.get() {
            let _ = dialog.focus();
        }
    });

    let busy = move || checking.pending() || importing.pending();
    let file_name = move || file.with(|file| file.as_ref().map(File::name));
    let chose_none = move || file.with(Option::is_none);
    let failure = move |submission: Submission| {
        submission
            .failure()
            .map(|error| view! { <ErrorMessage message=refusal(&error) testid="import-error" /> })
    };

    view! {
        <div class="dialog-backdrop">
            <div
                class="dialog card"
                role="dialog"
                aria-modal="true"
                aria-labelledby="import-title"
                tabindex="-1"
                data-testid="import-dialog"
                data-kind=kind.key()
                node_ref=dialog
                on:keydown=on_keydown
            >
                <h2 id="import-title">{kind.title()}</h2>
                <p class="hint">{kind.hint()}</p>
                <div class="file-choice">
                    <label for=input_id.clone() class="button" class:button-primary=chose_none>
                        {move || choose_label(chose_none())}
                    </label>
                    <input
                        id=input_id.clone()
                        class="visually-hidden"
                        type="file"
                        accept=SHEET_TYPES
                        data-testid="import-file"
                        disabled=busy
                        on:change=on_change
                    />
                    <span class="note" data-testid="import-file-name">{file_name}</span>
                </div>
                <Show when=move || checking.pending()>
                    <p class="loading" role="status" data-testid="import-checking">
                        "Revisando el archivo…"
                    </p>
                </Show>
                {move || failure(checking)}
                {move || {
                    preview.get().map(|found| view! { <Findings kind preview=found /> })
                }}
                {move || failure(importing)}
                <ImportActions kind preview importing confirm close />
            </div>
        </div>
    }
}

fn choose_label(chose_none: bool) -> &'static str {
    if chose_none {
        "Elegir archivo"
    } else {
        "Elegir otro archivo"
    }
}

/// Writes the file. When the server refuses rows after all (someone changed the catalog
/// since the preview), the preview is read again so the table shows them.
async fn import(
    kind: ImportKind,
    session: Session,
    contract_id: i64,
    file: File,
    preview: RwSignal<Option<Preview>>,
) -> Result<Preview, ApiError> {
    let outcome = kind.upload(session, contract_id, file.clone(), false).await;

    if matches!(&outcome, Err(error) if error.status() == Some(422))
        && let Ok(found) = kind.upload(session, contract_id, file, true).await
    {
        preview.try_set(Some(found));
    }
    outcome
}

/// The sheet read, its counts and amount, and its rows.
#[component]
fn Findings(kind: ImportKind, preview: Preview) -> impl IntoView {
    let place = format!(
        "Hoja «{}», títulos en el renglón {}.",
        preview.sheet, preview.header_row
    );
    let groups = preview.group_count.map(|count| {
        view! {
            <dt>"Grupos omitidos"</dt>
            <dd class="numeric" data-testid="import-group-count">{count}</dd>
        }
    });
    let amount = preview.amount.map(|amount| {
        view! {
            <dt>"Importe del catálogo"</dt>
            <dd class="numeric" data-testid="import-amount">{format::money(amount)}</dd>
        }
    });
    let new_units = (!preview.new_units.is_empty()).then(|| {
        view! {
            <p class="note" data-testid="import-new-units">
                "Unidades nuevas que se crearán: " {preview.new_units.join(", ")}
            </p>
        }
    });
    let no_quantities = (!preview.has_quantity_column).then(|| {
        view! {
            <p class="note" data-testid="import-no-quantity">
                "El archivo no tiene columna de cantidad: las cantidades quedan en cero."
            </p>
        }
    });

    view! {
        <div class="import-findings" data-testid="import-summary">
            <p class="context-line" data-testid="import-sheet">{place}</p>
            <dl class="import-counts">
                <dt>"Correctos"</dt>
                <dd class="numeric" data-testid="import-ok-count">{preview.ok_count}</dd>
                <dt>"Con errores"</dt>
                <dd class="numeric" data-testid="import-error-count">{preview.error_count}</dd>
                {groups}
                {amount}
            </dl>
            {new_units}
            {no_quantities}
            <ImportPreviewTable kind preview />
        </div>
    }
}

/// "Importar N …", offered once a preview without errors is shown, and "Cancelar".
#[component]
fn ImportActions(
    kind: ImportKind,
    preview: RwSignal<Option<Preview>>,
    importing: Submission,
    confirm: Callback<()>,
    close: Callback<()>,
) -> impl IntoView {
    let counts = move || preview.with(|found| found.as_ref().map(|p| (p.ok_count, p.error_count)));
    let blocked = move || !matches!(counts(), Some((ok, 0)) if ok > 0);
    let note = move || match counts()? {
        (_, errors) if errors > 0 => Some("Corrija los errores en el archivo y vuelva a elegirlo"),
        (0, _) => Some("El archivo no tiene renglones que importar."),
        _ => None,
    };
    let label = move || match counts() {
        _ if importing.pending() => "Importando…".to_string(),
        Some((ok, _)) => kind.confirm_label(ok),
        None => kind.title().to_string(),
    };

    view! {
        {move || {
            note().map(|note| view! { <p class="note" data-testid="import-fix-note">{note}</p> })
        }}
        <div class="form-actions dialog-actions">
            <Show when=move || counts().is_some()>
                <button
                    type="button"
                    class="button button-primary"
                    data-testid="import-confirm"
                    disabled=move || blocked() || importing.pending()
                    on:click=move |_| confirm.run(())
                >
                    {label}
                </button>
            </Show>
            <button
                type="button"
                class="button"
                data-testid="import-cancel"
                disabled=move || importing.pending()
                on:click=move |_| close.run(())
            >
                "Cancelar"
            </button>
        </div>
    }
}
