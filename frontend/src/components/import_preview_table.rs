use std::sync::Arc;

use leptos::prelude::*;
use shared::dto::ImportRowStatus;

use crate::import_preview::{ImportKind, Issue, Preview, PreviewRow};

/// Rows drawn at once. A sheet may hold thousands; more are drawn on request.
const ROWS_AT_ONCE: usize = 200;

/// One row per row of the sheet: its number, how it fared, its cells and its issues. With
/// errors in the file, only the rows at fault are shown until asked for all.
#[component]
pub fn ImportPreviewTable(kind: ImportKind, preview: Preview) -> impl IntoView {
    let rows: Arc<[PreviewRow]> = preview.rows.into();
    let faulty = rows.iter().filter(|row| row.has_errors()).count();
    let only_faulty = RwSignal::new(faulty > 0);
    let limit = RwSignal::new(ROWS_AT_ONCE);

    let matching = Memo::new({
        let rows = rows.clone();
        move |_| {
            let only_faulty = only_faulty.get();
            rows.iter()
                .filter(|row| !only_faulty || row.has_errors())
                .count()
        }
    });
    let hidden = move || matching.get().saturating_sub(limit.get());
    let more = move || hidden() > 0;
    let shown = {
        let rows = rows.clone();
        move || {
            let only_faulty = only_faulty.get();
            rows.iter()
                .filter(|row| !only_faulty || row.has_errors())
                .take(limit.get())
                .cloned()
                .collect::<Vec<_>>()
        }
    };
    let headings = kind
        .columns()
        .iter()
        .map(|column| {
            view! { <th scope="col" class:numeric=column.numeric>{column.label}</th> }
        })
        .collect_view();

    view! {
        <div class="import-preview">
            <div class="import-preview-filter">
                <label>
                    <input
                        type="checkbox"
                        data-testid="import-only-errors"
                        disabled=faulty == 0
                        bind:checked=only_faulty
                    />
                    {format!(" Solo renglones con errores ({faulty})")}
                </label>
            </div>
            <div class="table-wrap">
                <table class="data-table import-table" data-testid="import-preview">
                    <thead>
                        <tr>
                            <th scope="col" class="numeric">"Renglón"</th>
                            <th scope="col">"Estado"</th>
                            {headings}
                            <th scope="col">"Observaciones"</th>
                        </tr>
                    </thead>
                    <tbody>
                        <For each=shown key=|row| row.row let:row>
                            <RowView kind row />
                        </For>
                    </tbody>
                </table>
            </div>
            <Show when=more>
                <button
                    type="button"
                    class="button"
                    data-testid="import-show-more"
                    on:click=move |_| limit.update(|limit| *limit += ROWS_AT_ONCE)
                >
                    {move || format!("Mostrar más renglones (faltan {})", hidden())}
                </button>
            </Show>
        </div>
    }
}

/// A row of the sheet; the cells an error points at are marked.
#[component]
fn RowView(kind: ImportKind, row: PreviewRow) -> impl IntoView {
    let (status, label) = match row.status {
        ImportRowStatus::Ok => ("ok", "Correcto"),
        ImportRowStatus::Error => ("error", "Con errores"),
        ImportRowStatus::Group => ("group", "Grupo, se omite"),
    };
    let cells = kind
        .columns()
        .iter()
        .zip(row.cells.iter().cloned())
        .map(|(column, text)| {
            view! {
                <td
                    data-label=column.label
                    class:numeric=column.numeric
                    class:cell-error=row.faulty(column.field)
                >
                    {text}
                </td>
            }
        })
        .collect_view();
    let issues = row.issues.into_iter().map(issue_view).collect_view();
    let class = format!("import-{status}");

    view! {
        <tr data-testid="import-row" data-row=row.row data-status=status class=class>
            <td data-label="Renglón" class="numeric">{row.row}</td>
            <td data-label="Estado">
                <span class=format!("badge badge-import-{status}") data-testid="import-row-status">
                    {label}
                </span>
            </td>
            {cells}
            <td data-label="Observaciones">
                <ul class="import-issues">{issues}</ul>
            </td>
        </tr>
    }
}

fn issue_view(issue: Issue) -> impl IntoView {
    let severity = if issue.is_error { "error" } else { "warning" };

    view! {
        <li
            class=format!("import-issue import-issue-{severity}")
            data-testid="import-issue"
            data-field=issue.field
            data-code=issue.code
            data-severity=severity
            title=issue.server_message
        >
            {issue.text}
        </li>
    }
}
