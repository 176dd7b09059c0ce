//! The Redis connection (fred). Redis holds only what can be lost: rate-limit counters and,
//! later, caches. When it is away the app keeps serving and `/ready` says so.

use std::time::Duration;

use anyhow::Context;
use fred::prelude::{Builder, ClientLike, Config as FredConfig, KeysInterface, ReconnectPolicy};

#[derive(Clone)]
pub struct Redis {
    client: fred::prelude::Client,
    prefix: String,
}

impl Redis {
    /// Connects in the background; commands fail fast while Redis is unreachable.
    pub async fn connect(url: &str, prefix: &str) -> anyhow::Result<Redis> {
        let config = FredConfig::from_url(url).with_context(|| format!("REDIS_URL {url:?}"))?;
        let client = Builder::from_config(config)
            .with_connection_config(|connection| {
                connection.connection_timeout = Duration::from_secs(2);
                connection.max_command_attempts = 1;
            })
            .with_performance_config(|performance| {
                performance.default_command_timeout = Duration::from_secs(2);
            })
            .set_policy(ReconnectPolicy::new_exponential(0, 100, 5_000, 2))
            .build()
            .context("building the Redis client")?;
        client.connect();

        let ready = tokio::time::timeout(Duration::from_secs(3), client.wait_for_connect()).await;
        if !matches!(ready, Ok(Ok(()))) {
            tracing::warn!(redis.url = %redact(url), "Redis is not reachable yet; rate limits are \
                off until it is, and /ready reports it");
        }
        Ok(Redis {
            client,
            prefix: prefix.to_owned(),
        })
    }

    pub fn key(&self, suffix: &str) -> String {
        format!("{}{}", self.prefix, suffix)
    }

    pub async fn ping(&self) -> anyhow::Result<()> {
        let _: String = self.client.ping(None).await?;
        Ok(())
    }

    /// Adds one to a counter that lives `window_secs`; returns the count and seconds left.
    pub async fn count_in_window(&self, key: &str, window_secs: u64) -> anyhow::Result<(u64, u64)> {
        let key = self.key(key);
        let count: u64 = self.client.incr(&key).await?;
        if count == 1 {
            let _: () = self.client.expire(&key, window_secs as i64, None).await?;
        }
        let ttl: i64 = self.client.ttl(&key).await?;
        let remaining = if ttl > 0 { ttl as u64 } else { window_secs };
        Ok((count, remaining))
    }
}

/// The URL without its password, for logs.
fn redact(url: &str) -> String {
    match url.split_once('@') {
        Some((_, host)) => format!("redis://…@{host}"),
        None => url.to_owned(),
    }
}
