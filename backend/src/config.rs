//! Settings read from the environment (see `.env.example`).

use std::{env, net::SocketAddr, path::PathBuf};

use anyhow::{Context, bail};

/// The secret used when JWT_SECRET is unset. Fine on a laptop, refused in production.
pub const DEVELOPMENT_JWT_SECRET: &str = "construbot-development-secret-change-me";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Environment {
    Development,
    Production,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LogFormat {
    Text,
    Json,
}

/// How many login attempts are let through per window before answering 429.
#[derive(Debug, Clone, Copy)]
pub struct LoginLimits {
    pub per_email: u64,
    pub per_ip: u64,
    pub window_secs: u64,
}

#[derive(Debug, Clone)]
pub struct Config {
    pub environment: Environment,
    pub database_url: String,
    pub redis_url: String,
    /// Prepended to every Redis key, so several instances or tests can share one Redis.
    pub redis_prefix: String,
    pub listen: SocketAddr,
    pub jwt_secret: String,
    pub storage_url: String,
    /// The SPA built by Trunk: index.html and its hashed assets.
    pub spa_dir: PathBuf,
    pub log_format: LogFormat,
    pub login_limits: LoginLimits,
}

impl Config {
    pub fn from_env() -> anyhow::Result<Config> {
        let environment = match var_or("APP_ENV", "development").as_str() {
            "production" => Environment::Production,
            "development" => Environment::Development,
            other => bail!("APP_ENV is {other:?}; use \"development\" or \"production\""),
        };
        let log_format = match var_or("LOG_FORMAT", "text").as_str() {
            "json" => LogFormat::Json,
            "text" => LogFormat::Text,
            other => bail!("LOG_FORMAT is {other:?}; use \"text\" or \"json\""),
        };

        let host = var_or("HOST", "127.0.0.1");
        let port = var_or("PORT", "8080");
        let listen = format!("{host}:{port}")
            .parse()
            .with_context(|| format!("HOST and PORT ({host}:{port}) are not a socket address"))?;

        let config = Config {
            environment,
            database_url: var_or(
                "DATABASE_URL",
                "postgres://postgres@127.0.0.1:5432/construbot",
            ),
            redis_url: var_or("REDIS_URL", "redis://127.0.0.1:6379"),
            redis_prefix: var_or("REDIS_PREFIX", "construbot:"),
            listen,
            jwt_secret: var_or("JWT_SECRET", DEVELOPMENT_JWT_SECRET),
            storage_url: var_or("STORAGE_URL", "file://.data/storage"),
            spa_dir: PathBuf::from(var_or("SPA_DIR", "dist")),
            log_format,
            login_limits: LoginLimits {
                per_email: number_var("LOGIN_LIMIT_PER_EMAIL", 10)?,
                per_ip: number_var("LOGIN_LIMIT_PER_IP", 100)?,
                window_secs: number_var("LOGIN_LIMIT_WINDOW_SECS", 900)?,
            },
        };
        config.check()?;
        Ok(config)
    }

    /// Refuses settings that would be unsafe to serve with.
    pub fn check(&self) -> anyhow::Result<()> {
        if self.environment == Environment::Production {
            if self.jwt_secret == DEVELOPMENT_JWT_SECRET {
                bail!("APP_ENV=production needs JWT_SECRET set to a secret of your own");
            }
            if self.jwt_secret.len() < 32 {
                bail!("JWT_SECRET must be at least 32 characters in production");
            }
        }
        Ok(())
    }
}

fn var_or(name: &str, default: &str) -> String {
    env::var(name)
        .ok()
        .filter(|value| !value.is_empty())
        .unwrap_or_else(|| default.to_owned())
}

fn number_var(name: &str, default: u64) -> anyhow::Result<u64> {
    match env::var(name) {
        Ok(value) if !value.is_empty() => value
            .parse()
            .with_context(|| format!("{name} must be a whole number, not {value:?}")),
        _ => Ok(default),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config(environment: Environment, secret: &str) -> Config {
        Config {
            environment,
            database_url: String::new(),
            redis_url: String::new(),
            redis_prefix: String::new(),
            listen: "127.0.0.1:0".parse().unwrap(),
            jwt_secret: secret.to_owned(),
            storage_url: String::new(),
            spa_dir: PathBuf::new(),
            log_format: LogFormat::Text,
            login_limits: LoginLimits {
                per_email: 1,
                per_ip: 1,
                window_secs: 1,
            },
        }
    }

    #[test]
    fn production_refuses_the_default_or_a_short_secret() {
        assert!(
            config(Environment::Production, DEVELOPMENT_JWT_SECRET)
                .check()
                .is_err()
        );
        assert!(config(Environment::Production, "short").check().is_err());
        let strong = "k3Jd9aLq0pZx7Vb2Nc5Mw8Ry1Tu4Ei6Oa0Sd";
        assert!(config(Environment::Production, strong).check().is_ok());
        assert!(
            config(Environment::Development, DEVELOPMENT_JWT_SECRET)
                .check()
                .is_ok()
        );
    }
}
