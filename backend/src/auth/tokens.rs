//! Access tokens (short-lived JWTs) and refresh tokens (opaque, single use, stored hashed).

use base64::{Engine, engine::general_purpose::URL_SAFE_NO_PAD};
use chrono::Utc;
use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation};
use rand::RngCore;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

pub const ACCESS_TOKEN_SECS: i64 = 15 * 60;
pub const REFRESH_TOKEN_SECS: i64 = 7 * 24 * 60 * 60;

/// Marks a JWT as an access token, so no other token we might sign is taken for one.
const ACCESS_KIND: &str = "access";

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct AccessClaims {
    /// The user's id.
    pub sub: String,
    /// Customer id.
    pub cus: i64,
    /// Active company id.
    pub cmp: i64,
    /// Access level number when issued (the guard re-reads the current one).
    pub lvl: i16,
    pub typ: String,
    pub iat: i64,
    pub exp: i64,
}

#[derive(Clone)]
pub struct TokenKeys {
    encoding: EncodingKey,
    decoding: DecodingKey,
}

impl TokenKeys {
    pub fn new(secret: &str) -> TokenKeys {
        TokenKeys {
            encoding: EncodingKey::from_secret(secret.as_bytes()),
            decoding: DecodingKey::from_secret(secret.as_bytes()),
        }
    }

    pub fn issue_access(
        &self,
        user_id: i64,
        customer_id: i64,
        company_id: i64,
        level: i16,
    ) -> anyhow::Result<String> {
        let now = Utc::now().timestamp();
        let claims = AccessClaims {
            sub: user_id.to_string(),
            cus: customer_id,
            cmp: company_id,
            lvl: level,
            typ: ACCESS_KIND.to_owned(),
            iat: now,
            exp: now + ACCESS_TOKEN_SECS,
        };
        Ok(jsonwebtoken::encode(
            &Header::new(Algorithm::HS256),
            &claims,
            &self.encoding,
        )?)
    }

    /// The claims of a valid, unexpired access token; `None` for anything else.
    pub fn verify_access(&self, token: &str) -> Option<AccessClaims> {
        let mut validation = Validation::new(Algorithm::HS256);
        validation.leeway = 0;
        validation.set_required_spec_claims(&["exp", "sub"]);
        let data = jsonwebtoken::decode::<AccessClaims>(token, &self.decoding, &validation).ok()?;
        (data.claims.typ == ACCESS_KIND).then_some(data.claims)
    }
}

/// A new opaque refresh token: 256 random bits, URL-safe.
pub fn new_refresh_token() -> String {
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    URL_SAFE_NO_PAD.encode(bytes)
}

/// What the database keeps of a refresh token.
pub fn refresh_token_hash(token: &str) -> Vec<u8> {
    Sha256::digest(token.as_bytes()).to_vec()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn access_tokens_round_trip_and_reject_other_keys() {
        let keys = TokenKeys::new("a-secret-long-enough-for-the-test-1234");
        let token = keys.issue_access(7, 2, 3, 4).unwrap();

        let claims = keys.verify_access(&token).unwrap();
        assert_eq!(
            (claims.sub.as_str(), claims.cus, claims.cmp, claims.lvl),
            ("7", 2, 3, 4)
        );

        let other = TokenKeys::new("another-secret-long-enough-for-test-99");
        assert!(other.verify_access(&token).is_none());
    }

    #[test]
    fn refresh_tokens_are_not_access_tokens() {
        let keys = TokenKeys::new("a-secret-long-enough-for-the-test-1234");
        assert!(keys.verify_access(&new_refresh_token()).is_none());
        assert_ne!(new_refresh_token(), new_refresh_token());
    }
}
