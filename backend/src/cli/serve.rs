//! `construbot serve`.

use std::time::Duration;

use poem::{Server, listener::TcpListener};
use sqlx::PgPool;

use crate::{app::AppState, build_app, config::Config, redis::Redis};

pub async fn serve(config: Config, pool: PgPool) -> anyhow::Result<()> {
    let redis = Redis::connect(&config.redis_url, &config.redis_prefix).await?;
    let listen = config.listen;
    if !config.spa_dir.join("index.html").exists() {
        tracing::warn!(spa.dir = %config.spa_dir.display(), "no SPA build here; only the API \
            will work (build it with `make run` or `trunk build`)");
    }
    let app = build_app(AppState::new(pool, redis, config)?);

    tracing::info!("serving on http://{listen} (API docs at /api/docs)");
    Server::new(TcpListener::bind(listen))
        .run_with_graceful_shutdown(app, shutdown_signal(), Some(Duration::from_secs(10)))
        .await?;
    tracing::info!("stopped");
    Ok(())
}

/// Ctrl-C or SIGTERM: stop taking connections and let running requests finish.
async fn shutdown_signal() {
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    tokio::select! {
        _ = tokio::signal::ctrl_c() => {},
        _ = terminate => {},
    }
    tracing::info!("shutting down: finishing requests in flight");
}
