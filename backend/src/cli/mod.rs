//! The command line: `serve`, `migrate`, `seed-demo`, `create-user`, `openapi`.

mod create_user;
mod seed_bench;
mod seed_catalog;
mod seed_demo;
mod serve;

use clap::{Parser, Subcommand};

pub use create_user::{CreateUser, create_user};
pub use seed_demo::seed_demo;

use crate::{config::Config, db, telemetry};

#[derive(Parser)]
#[command(
    name = "construbot",
    version,
    about = "Contracts and progress billing for contractors"
)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the API and the SPA (HOST, PORT, SPA_DIR, … from the environment).
    Serve,
    /// Apply pending database migrations.
    Migrate,
    /// Load the demo customer, companies and users, once.
    SeedDemo,
    /// Load the large dataset `make bench` measures (BENCH_PASSWORD, default
    /// construbot-bench), once.
    SeedBench,
    /// Create a user, and its customer and company when missing.
    CreateUser(CreateUser),
    /// Print the OpenAPI document.
    Openapi,
}

pub async fn run(cli: Cli) -> anyhow::Result<()> {
    if let Command::Openapi = cli.command {
        println!("{}", crate::app::openapi_json());
        return Ok(());
    }

    let config = Config::from_env()?;
    telemetry::init(config.log_format);
    if let Command::Migrate = cli.command {
        db::create_database_if_missing(&config.database_url).await?;
    }
    let pool = db::connect(&config.database_url).await?;

    match cli.command {
        Command::Serve => serve::serve(config, pool).await,
        Command::Migrate => {
            db::migrate(&pool).await?;
            tracing::info!("database migrated");
            Ok(())
        }
        Command::SeedDemo => seed_demo(&pool).await,
        Command::SeedBench => {
            let password = std::env::var("BENCH_PASSWORD").unwrap_or("construbot-bench".into());
            seed_bench::seed_bench(&pool, &password).await
        }
        Command::CreateUser(args) => {
            let user_id = create_user(&pool, &args).await?;
            println!("user {} ({}) is ready", user_id, args.email);
            Ok(())
        }
        Command::Openapi => Ok(()),
    }
}
