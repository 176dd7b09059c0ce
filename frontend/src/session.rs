//! Who is signed in: the token pair, the user, and renewing the access token when it expires.
//!
//! The access token lives in memory only; the refresh token in `crate::storage` so the
//! session survives a reload. Every authorized call goes through [`Session::call`], which
//! renews an expired access token once and retries, and ends the session when renewing fails.

use std::future::Future;
use std::sync::Arc;

use futures::lock::Mutex;
use leptos::prelude::*;
use leptos::task::spawn_local;
use shared::access::permits;
use shared::dto::{ChangePasswordRequest, LoginRequest, Me, TokenPair};
use shared::{AccessLevel, Action};

use crate::api::{self, ApiError};
use crate::storage;

/// Where the session stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// The page just loaded and a stored refresh token is being tried.
    Restoring,
    SignedIn,
    SignedOut,
}

/// The session, shared through context (see [`use_session`]).
#[derive(Clone, Copy)]
pub struct Session {
    status: RwSignal<Status>,
    me: RwSignal<Option<Me>>,
    active_company_id: Memo<Option<i64>>,
    access_token: StoredValue<Option<String>>,
    /// A message for the login page, such as why the session ended.
    notice: RwSignal<Option<String>>,
    /// Held while renewing, so concurrent 401s spend the single-use refresh token once.
    renewing: StoredValue<Arc<Mutex<()>>>,
}

/// The session provided by the app.
pub fn use_session() -> Session {
    expect_context::<Session>()
}

impl Session {
    /// Creates the session, provides it to the app and resumes a stored one.
    pub fn provide() {
        let session = Session::new();
        provide_context(session);
        session.restore();
    }

    fn new() -> Session {
        let me = RwSignal::new(None::<Me>);
        Session {
            status: RwSignal::new(Status::Restoring),
            me,
            active_company_id: Memo::new(move |_| me.with(|me| me.as_ref().map(company_of))),
            access_token: StoredValue::new(None),
            notice: RwSignal::new(None),
            renewing: StoredValue::new(Arc::new(Mutex::new(()))),
        }
    }

    pub fn status(&self) -> Status {
        self.status.get()
    }

    /// Reads the signed-in user, tracking changes (a company switch replaces it).
    pub fn with_me<T>(&self, read: impl FnOnce(&Me) -> T) -> Option<T> {
        self.me.with(|me| me.as_ref().map(read))
    }

    pub fn active_company_id(&self) -> Option<i64> {
        self.active_company_id.get()
    }

    pub fn level(&self) -> Option<AccessLevel> {
        self.with_me(|me| me.level)
    }

    /// The signed-in user's id, tracking changes.
    pub fn user_id(&self) -> Option<i64> {
        self.with_me(|me| me.user.id)
    }

    /// Whether the permission table lets the user do `action`; `assigned` says whether they
    /// are among the assigned users of the contract in question. Tracked, so what a page
    /// offers follows a company switch.
    pub fn may(&self, action: Action, assigned: bool) -> bool {
        self.level()
            .is_some_and(|level| permits(level, assigned, action))
    }

    pub fn notice(&self) -> Option<String> {
        self.notice.get()
    }

    /// Logs in and loads the user; the status becomes [`Status::SignedIn`].
    pub async fn log_in(&self, credentials: LoginRequest) -> Result<(), ApiError> {
        let pair = api::auth::login(&credentials).await?;
        self.start(pair).await
    }

    /// Ends the session here at once, and on the server in the background.
    pub fn log_out(&self) {
        let refresh_token = storage::refresh_token();
        self.forget();
        self.notice.set(None);
        self.status.set(Status::SignedOut);

        if let Some(token) = refresh_token {
            spawn_local(async move {
                // The local session is gone either way; a failure leaves only a token that
                // expires by itself.
                let _ = api::auth::logout(&token).await;
            });
        }
    }

    /// Makes another of the user's companies the active one.
    pub async fn switch_company(&self, company_id: i64) -> Result<(), ApiError> {
        let pair = self
            .call(move |token| api::me::switch_company(token, company_id))
            .await?;
        self.keep(pair);

        let me = self.call(api::me::fetch_me).await?;
        self.me.set(Some(me));
        Ok(())
    }

    /// Changes the password; the server ends every other session and renews this one.
    pub async fn change_password(&self, change: ChangePasswordRequest) -> Result<(), ApiError> {
        let pair = self
            .call(move |token| api::me::change_password(token, change.clone()))
            .await?;
        self.keep(pair);
        Ok(())
    }

    /// Runs an authorized API call with the current access token. When the server refuses
    /// the token (401), renews it once and runs the call again.
    pub async fn call<T, F, Fut>(&self, request: F) -> Result<T, ApiError>
    where
        F: Fn(String) -> Fut,
        Fut: Future<Output = Result<T, ApiError>>,
    {
        let token = self
            .access_token
            .get_value()
            .ok_or(ApiError::SessionExpired)?;
        match request(token.clone()).await {
            Err(error) if error.status() == Some(401) => {
                let renewed = self.renewed_token(&token).await?;
                request(renewed).await
            }
            outcome => outcome,
        }
    }

    /// A working access token to replace `stale`, renewing the pair unless another call
    /// already did while this one waited its turn.
    async fn renewed_token(&self, stale: &str) -> Result<String, ApiError> {
        let lock = self.renewing.get_value();
        let _turn = lock.lock().await;

        let current = self.access_token.get_value();
        if let Some(current) = current.filter(|current| current != stale) {
            return Ok(current);
        }
        let Some(refresh_token) = storage::refresh_token() else {
            self.expire();
            return Err(ApiError::SessionExpired);
        };

        match api::auth::refresh(&refresh_token).await {
            Ok(pair) => {
                let token = pair.access_token.clone();
                self.keep(pair);
                Ok(token)
            }
            Err(error) if error.status() == Some(401) => {
                self.expire();
                Err(ApiError::SessionExpired)
            }
            Err(error) => Err(error),
        }
    }

    /// On page load: turns a stored refresh token back into a session.
    fn restore(&self) {
        let session = *self;
        spawn_local(async move {
            let Some(refresh_token) = storage::refresh_token() else {
                session.status.set(Status::SignedOut);
                return;
            };
            if let Err(error) = session.resume(&refresh_token).await {
                session.explain_failed_restore(&error);
                session.status.set(Status::SignedOut);
            }
        });
    }

    async fn resume(&self, refresh_token: &str) -> Result<(), ApiError> {
        let pair = api::auth::refresh(refresh_token).await?;
        self.start(pair).await
    }

    fn explain_failed_restore(&self, error: &ApiError) {
        // Offline: keep the token, a later reload may still resume the session.
        if *error != ApiError::Network {
            self.forget();
        }
        self.notice.set(Some(error.message()));
    }

    /// Takes a fresh pair and loads the user it belongs to.
    async fn start(&self, pair: TokenPair) -> Result<(), ApiError> {
        self.keep(pair);
        let me = self.call(api::me::fetch_me).await?;

        self.notice.set(None);
        self.me.set(Some(me));
        self.status.set(Status::SignedIn);
        Ok(())
    }

    fn keep(&self, pair: TokenPair) {
        storage::keep_refresh_token(&pair.refresh_token);
        self.access_token.set_value(Some(pair.access_token));
    }

    fn forget(&self) {
        storage::forget_refresh_token();
        self.access_token.set_value(None);
        self.me.set(None);
    }

    /// The session ended by itself: back to the login page, saying why.
    fn expire(&self) {
        self.forget();
        self.notice.set(Some(api::SESSION_EXPIRED.to_string()));
        self.status.set(Status::SignedOut);
    }
}

fn company_of(me: &Me) -> i64 {
    me.active_company.id
}
