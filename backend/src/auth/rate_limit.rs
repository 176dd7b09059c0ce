//! Login attempts counted in Redis per email and per client address.

use std::net::IpAddr;

use sha2::{Digest, Sha256};

use crate::{config::LoginLimits, error::ApiError, redis::Redis};

/// Counts one login attempt; 429 once either counter is over its limit.
///
/// Redis being away must not lock everyone out, so then the attempt is let through.
pub async fn check_login(
    redis: &Redis,
    limits: LoginLimits,
    email: &str,
    ip: Option<IpAddr>,
) -> Result<(), ApiError> {
    // Emails are personal data: the key holds a digest, never the address.
    let email_digest = Sha256::digest(email.trim().to_lowercase().as_bytes());
    let email_key = format!("login:email:{}", hex(&email_digest[..12]));
    let mut checks = vec![(email_key, limits.per_email)];
    if let Some(ip) = ip {
        checks.push((format!("login:ip:{ip}"), limits.per_ip));
    }

    for (key, limit) in checks {
        match redis.count_in_window(&key, limits.window_secs).await {
            Ok((count, retry_after_secs)) if count > limit => {
                tracing::warn!(rate_limit.key = %key, "login attempts over the limit");
                return Err(ApiError::TooManyRequests { retry_after_secs });
            }
            Ok(_) => {}
            Err(error) => {
                tracing::warn!(error = %error, "login rate limit skipped: Redis unavailable");
                return Ok(());
            }
        }
    }
    Ok(())
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|byte| format!("{byte:02x}")).collect()
}
