use leptos::html;
use leptos::prelude::*;

use crate::components::import_dialog::ImportDialog;
use crate::import_preview::ImportKind;

/// "Importar catálogo" or "Importar retenciones": opens the dialog that reads a
/// spreadsheet, and once it has imported, says how many rows and has the list read again.
#[component]
pub fn ImportButton(
    kind: ImportKind,
    contract_id: i64,
    /// Bumped after an import, as the batch form does after saving.
    changed: RwSignal<u32>,
) -> impl IntoView {
    let open = RwSignal::new(false);
    let notice = RwSignal::new(None::<String>);
    let imported = Callback::new(move |count: i64| {
        open.set(false);
        notice.set(Some(kind.done_message(count)));
        changed.update(|version| *version += 1);
    });
    let start = move |_| {
        notice.set(None);
        open.set(true);
    };
    // Keyboard users carry on from the button once the dialog is gone.
    let trigger = NodeRef::<html::Button>::new();
    Effect::new(move |was_open: Option<bool>| {
        let is_open = open.get();
        if was_open == Some(true)
            && !is_open
            && let Some(button) = trigger.get_untracked()
        {
            let _ = button.focus();
        }
        is_open
    });

    view! {
        <button
            type="button"
            class="button"
            data-testid=format!("import-{}", kind.key())
            aria-haspopup="dialog"
            node_ref=trigger
            on:click=start
        >
            {kind.title()}
        </button>
        <Show when=move || open.get()>
            <ImportDialog kind contract_id open imported />
        </Show>
        {move || {
            notice
                .get()
                .map(|message| {
                    view! {
                        <p
                            class="alert alert-success import-notice"
                            role="status"
                            data-testid="import-notice"
                        >
                            {message}
                        </p>
                    }
                })
        }}
    }
}
