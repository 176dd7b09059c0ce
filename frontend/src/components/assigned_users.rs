use leptos::prelude::*;
use shared::dto::{AssignedUsers, AssignedUsersInput, Member, UserSummary};

use crate::api::ApiError;
use crate::api::contracts::assign_users;
use crate::api::directory::list_members;
use crate::components::error_message::ErrorMessage;
use crate::components::loading::Loading;
use crate::form::Submission;
use crate::session::use_session;

/// Who is assigned to the contract, and for who may edit it, an editor to change that.
#[component]
pub fn AssignedUsersPanel(
    contract_id: i64,
    /// The assigned users as loaded by the page, which also decides who may edit from it.
    users: LocalResource<Result<AssignedUsers, ApiError>>,
    #[prop(into)] may_edit: Signal<bool>,
    /// Bumped once saved, so the page reads the assigned users again.
    changed: RwSignal<u32>,
) -> impl IntoView {
    let editing = RwSignal::new(false);
    let current = Signal::derive(move || {
        users
            .get()
            .and_then(Result::ok)
            .map(|users| users.items)
            .unwrap_or_default()
    });
    let edit_button = move || {
        (may_edit.get() && !editing.get()).then(|| {
            view! {
                <button
                    type="button"
                    class="button"
                    data-testid="edit-assigned-users"
                    on:click=move |_| editing.set(true)
                >
                    "Cambiar asignados"
                </button>
            }
        })
    };

    view! {
        <section class="card section" aria-labelledby="assigned-title" data-testid="assigned-users">
            <div class="section-header">
                <h2 id="assigned-title">"Usuarios asignados"</h2>
                {edit_button}
            </div>
            {move || {
                if editing.get() {
                    view! { <AssignedUsersEditor contract_id current editing changed /> }.into_any()
                } else {
                    assigned_list(current.get()).into_any()
                }
            }}
        </section>
    }
}

fn assigned_list(users: Vec<UserSummary>) -> impl IntoView {
    if users.is_empty() {
        return view! { <p class="note">"Nadie está asignado a este contrato."</p> }.into_any();
    }
    let items = users
        .into_iter()
        .map(|user| {
            view! {
                <li data-testid="assigned-user">
                    <strong>{user.name}</strong>
                    " "
                    <span class="hint">{user.email}</span>
                </li>
            }
        })
        .collect_view();

    view! { <ul class="assigned-list">{items}</ul> }.into_any()
}

/// A checkbox per person of the company; saving replaces the whole set.
#[component]
fn AssignedUsersEditor(
    contract_id: i64,
    current: Signal<Vec<UserSummary>>,
    editing: RwSignal<bool>,
    changed: RwSignal<u32>,
) -> impl IntoView {
    let session = use_session();
    let submission = Submission::new();
    let chosen = RwSignal::new(
        current
            .get_untracked()
            .iter()
            .map(|user| user.id)
            .collect::<Vec<_>>(),
    );
    let members = LocalResource::new(move || async move {
        session.call(list_members).await.map(|list| list.items)
    });

    let save = move |_| {
        let input = AssignedUsersInput {
            user_ids: chosen.get_untracked(),
        };
        let request = async move {
            session
                .call(move |token| assign_users(token, contract_id, input.clone()))
                .await
        };
        let saved = move |_| {
            editing.set(false);
            changed.update(|version| *version += 1);
        };
        submission.send(request, saved);
    };

    view! {
        <div class="assigned-editor" data-testid="assigned-users-editor">
            <Transition fallback=|| view! { <Loading /> }>
                {move || Suspend::new(async move {
                    match members.await {
                        Ok(members) => member_choices(members, chosen).into_any(),
                        Err(error) => view! { <ErrorMessage message=error.message() /> }.into_any(),
                    }
                })}
            </Transition>
            {move || {
                submission
                    .general(&[])
                    .map(|message| view! { <ErrorMessage message testid="assigned-users-error" /> })
            }}
            <div class="form-actions">
                <button
                    type="button"
                    class="button button-primary"
                    data-testid="save-assigned-users"
                    disabled=move || submission.pending()
                    on:click=save
                >
                    "Guardar asignados"
                </button>
                <button type="button" class="button" on:click=move |_| editing.set(false)>
                    "Cancelar"
                </button>
            </div>
        </div>
    }
}

fn member_choices(members: Vec<Member>, chosen: RwSignal<Vec<i64>>) -> impl IntoView {
    members
        .into_iter()
        .map(|member| {
            let id = member.id;
            let detail = format!("{} · {}", member.email, member.level.label());
            let checked = move || chosen.with(|chosen| chosen.contains(&id));
            let toggle = move |_| {
                chosen.update(
                    |chosen| match chosen.iter().position(|other| *other == id) {
                        Some(at) => {
                            chosen.remove(at);
                        }
                        None => chosen.push(id),
                    },
                )
            };
            view! {
                <label class="member-choice" data-testid="member-choice">
                    <input type="checkbox" prop:checked=checked on:change=toggle />
                    " "
                    {member.name}
                    " "
                    <span class="hint">{detail}</span>
                </label>
            }
        })
        .collect_view()
}
