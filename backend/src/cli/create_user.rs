//! `construbot create-user`: for operators, scripts and tests.

use anyhow::{Context, bail};
use clap::Args;
use shared::{AccessLevel, dto::MIN_PASSWORD_CHARS};
use sqlx::PgPool;

use crate::{
    auth::password,
    db::{self, users::NewUser},
};

#[derive(Args, Debug, Clone)]
pub struct CreateUser {
    /// Login email; unique regardless of case.
    #[arg(long)]
    pub email: String,
    /// At least 10 characters.
    #[arg(long, env = "CONSTRUBOT_PASSWORD", hide_env_values = true)]
    pub password: String,
    /// 1–6 or auxiliar, coordinador, director, corporativo, soporte, superusuario.
    #[arg(long, value_parser = parse_level)]
    pub level: AccessLevel,
    /// The customer (account); created when missing.
    #[arg(long)]
    pub customer: String,
    /// A company of that customer; created when missing. For an existing user, it is added
    /// to the user's companies.
    #[arg(long)]
    pub company: String,
    /// Full name (defaults to the part of the email before @).
    #[arg(long)]
    pub name: Option<String>,
    #[arg(long, default_value = "")]
    pub position: String,
}

fn parse_level(text: &str) -> Result<AccessLevel, String> {
    AccessLevel::parse(text).ok_or_else(|| {
        format!(
            "{text:?} is not a level: use 1–6 or auxiliar, coordinador, director, \
            corporativo, soporte, superusuario"
        )
    })
}

/// Creates the user (or adds the company to an existing one of the same customer).
pub async fn create_user(pool: &PgPool, args: &CreateUser) -> anyhow::Result<i64> {
    if args.password.chars().count() < MIN_PASSWORD_CHARS {
        bail!("the password must have at least {MIN_PASSWORD_CHARS} characters");
    }
    let email = args.email.trim();
    let default_name = email.split('@').next().unwrap_or(email).to_owned();
    let name = args.name.clone().unwrap_or(default_name);
    let password_hash = password::hash(args.password.clone()).await?;

    let mut tx = pool.begin().await?;
    let customer_id = db::companies::ensure_customer(&mut tx, &args.customer).await?;
    let company_id = db::companies::ensure_company(&mut tx, customer_id, &args.company).await?;
    let new_user = NewUser {
        customer_id,
        email,
        password_hash: &password_hash,
        name: &name,
        position: &args.position,
        level: args.level.number(),
        active_company_id: company_id,
    };
    let user_id = db::users::upsert(&mut tx, &new_user)
        .await
        .with_context(|| format!("creating {email}"))?
        .with_context(|| format!("{email} already belongs to another customer"))?;
    db::users::add_to_company(&mut *tx, customer_id, company_id, user_id).await?;
    tx.commit().await?;
    Ok(user_id)
}
