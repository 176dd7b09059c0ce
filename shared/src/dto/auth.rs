//! Logging in and keeping a session.

use serde::{Deserialize, Serialize};

/// Credentials for `POST /api/v1/auth/login`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(poem_openapi::Object))]
pub struct LoginRequest {
    /// The user's email, in any case.
    pub email: String,
    /// The user's password.
    #[cfg_attr(feature = "server", oai(write_only))]
    pub password: String,
}

/// A refresh token presented to `refresh` or `logout`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(poem_openapi::Object))]
pub struct RefreshRequest {
    /// The opaque refresh token from the last login or refresh. It works once.
    pub refresh_token: String,
}

/// A fresh session: a short-lived access token and a single-use refresh token.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(poem_openapi::Object))]
pub struct TokenPair {
    /// JWT to send as `Authorization: Bearer …`; valid for `expires_in` seconds.
    pub access_token: String,
    /// Always `Bearer`.
    pub token_type: String,
    /// Seconds until the access token expires.
    pub expires_in: i64,
    /// Opaque token for `POST /api/v1/auth/refresh`; single use, valid for
    /// `refresh_expires_in` seconds. Presenting a used one ends the whole session.
    pub refresh_token: String,
    /// Seconds until the refresh token expires.
    pub refresh_expires_in: i64,
}

/// Body of `PUT /api/v1/me/password`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(poem_openapi::Object))]
pub struct ChangePasswordRequest {
    /// The password in use now.
    #[cfg_attr(feature = "server", oai(write_only))]
    pub current_password: String,
    /// The new password: at least 10 characters.
    #[cfg_attr(feature = "server", oai(write_only))]
    pub new_password: String,
}

/// Shortest password accepted for a new or changed password.
pub const MIN_PASSWORD_CHARS: usize = 10;
