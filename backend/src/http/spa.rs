//! Serves the single-page app built by Trunk.
//!
//! Files that exist are served as they are; hashed assets are cached for a year. A path that
//! names a file (has an extension) and is missing answers 404, so a stale page never gets
//! index.html for its script. Any other path is a client-side route and gets index.html.

use std::path::PathBuf;

use poem::{
    Endpoint, IntoResponse, Request, Response,
    endpoint::StaticFilesEndpoint,
    http::{HeaderValue, StatusCode, header},
};

use crate::error::ApiError;

pub struct Spa {
    files: StaticFilesEndpoint,
    index: PathBuf,
}

impl Spa {
    pub fn new(dir: PathBuf) -> Spa {
        Spa {
            files: StaticFilesEndpoint::new(&dir),
            index: dir.join("index.html"),
        }
    }

    async fn index(&self) -> poem::Result<Response> {
        let html = tokio::fs::read(&self.index).await.map_err(|_| {
            ApiError::Internal(anyhow::anyhow!(
                "the SPA is not built: {} is missing (run `make run`, or trunk build)",
                self.index.display()
            ))
        })?;
        Ok(Response::builder()
            .content_type("text/html; charset=utf-8")
            .header(header::CACHE_CONTROL, "no-cache")
            .body(html))
    }
}

impl Endpoint for Spa {
    type Output = Response;

    async fn call(&self, request: Request) -> poem::Result<Response> {
        let path = request.uri().path().to_owned();
        let file_name = path.rsplit('/').next().unwrap_or_default();
        if file_name.is_empty() || !file_name.contains('.') || file_name == "index.html" {
            return self.index().await;
        }

        let mut response = self.files.call(request).await?.into_response();
        if response.status() == StatusCode::OK && is_hashed(file_name) {
            response.headers_mut().insert(
                header::CACHE_CONTROL,
                HeaderValue::from_static("public, max-age=31536000, immutable"),
            );
        }
        Ok(response)
    }
}

/// Trunk names assets `name-<16 hex digits>.ext` (or `…_bg.wasm`).
fn is_hashed(file_name: &str) -> bool {
    let stem = file_name.split('.').next().unwrap_or_default();
    let stem = stem.strip_suffix("_bg").unwrap_or(stem);
    stem.rsplit_once('-')
        .is_some_and(|(_, hash)| hash.len() == 16 && hash.chars().all(|c| c.is_ascii_hexdigit()))
}

#[cfg(test)]
mod tests {
    use super::is_hashed;

    #[test]
    fn trunk_asset_names_count_as_hashed() {
        assert!(is_hashed("frontend-3f2a9c0d11b2e4f5.js"));
        assert!(is_hashed("frontend-3f2a9c0d11b2e4f5_bg.wasm"));
        assert!(!is_hashed("favicon.ico"));
        assert!(!is_hashed("style-notahash.css"));
    }
}
