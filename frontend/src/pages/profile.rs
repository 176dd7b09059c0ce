use leptos::prelude::*;
use shared::dto::Me;

use crate::components::password_form::PasswordForm;
use crate::pages::set_title;
use crate::session::use_session;

/// `/perfil`: who the user is, where they work, and changing their password.
#[component]
pub fn ProfilePage() -> impl IntoView {
    set_title("Mi perfil");
    let session = use_session();

    view! {
        <section class="page" aria-labelledby="profile-title">
            <header class="page-header">
                <h1 id="profile-title">"Mi perfil"</h1>
            </header>
            <div class="profile-grid">
                <div class="card" data-testid="profile-details">
                    <h2>"Datos"</h2>
                    {move || session.with_me(details)}
                </div>
                <PasswordForm />
            </div>
        </section>
    }
}

fn details(me: &Me) -> impl IntoView + use<> {
    let companies = me
        .companies
        .iter()
        .map(|company| company.name.clone())
        .collect::<Vec<_>>()
        .join(", ");
    let position = Some(me.user.position.clone()).filter(|position| !position.is_empty());

    view! {
        <dl class="details">
            <dt>"Nombre"</dt>
            <dd data-testid="profile-name">{me.user.name.clone()}</dd>
            <dt>"Correo electrónico"</dt>
            <dd data-testid="profile-email">{me.user.email.clone()}</dd>
            <dt>"Puesto"</dt>
            <dd>{position.unwrap_or_else(|| "—".to_string())}</dd>
            <dt>"Nivel de acceso"</dt>
            <dd data-testid="profile-level">{me.level.label()}</dd>
            <dt>"Cuenta"</dt>
            <dd>{me.customer.name.clone()}</dd>
            <dt>"Empresa activa"</dt>
            <dd>{me.active_company.name.clone()}</dd>
            <dt>"Empresas"</dt>
            <dd>{companies}</dd>
        </dl>
    }
}
