//! Files kept for records (signed contracts, later photos and rendered PDFs), through
//! object_store: a local folder by default, an S3 bucket in production.
//!
//! Object keys are made here from ids and random tokens, never from names users send, so no
//! upload can choose where it lands.

use std::sync::Arc;

use anyhow::Context;
use object_store::{ObjectStore, aws::AmazonS3Builder, local::LocalFileSystem};

/// Where files go, as STORAGE_URL says: `file://<folder>` or `s3://<bucket>[/prefix]`.
pub fn open(url: &str) -> anyhow::Result<Arc<dyn ObjectStore>> {
    if let Some(folder) = url.strip_prefix("file://") {
        std::fs::create_dir_all(folder)
            .with_context(|| format!("cannot create the storage folder {folder} (STORAGE_URL)"))?;
        let store = LocalFileSystem::new_with_prefix(folder)
            .with_context(|| format!("cannot use {folder} as storage (STORAGE_URL)"))?;
        return Ok(Arc::new(store));
    }
    if url.starts_with("s3://") {
        // Credentials and region come from the usual AWS_* variables.
        let store = AmazonS3Builder::from_env()
            .with_url(url)
            .build()
            .context("cannot configure S3 from STORAGE_URL and the AWS_* variables")?;
        return Ok(Arc::new(store));
    }
    anyhow::bail!("STORAGE_URL must start with file:// or s3://, not «{url}»")
}

/// The key of a contract's signed PDF: new on every upload, so a replaced file never
/// shadows the one a download already started reading.
pub fn signed_contract_key(company_id: i64, contract_id: i64) -> object_store::path::Path {
    let token = uuid::Uuid::new_v4().simple();
    object_store::path::Path::from(format!(
        "companies/{company_id}/contracts/{contract_id}/signed-{token}.pdf"
    ))
}

/// The key of a photo of an estimate line; random, so none can be guessed from another.
pub fn photo_key(company_id: i64, estimate_id: i64) -> object_store::path::Path {
    let token = uuid::Uuid::new_v4().simple();
    object_store::path::Path::from(format!(
        "companies/{company_id}/estimates/{estimate_id}/photos/{token}.jpg"
    ))
}

/// The key of a company's logo; new on every upload, like a signed contract's.
pub fn logo_key(company_id: i64) -> object_store::path::Path {
    let token = uuid::Uuid::new_v4().simple();
    object_store::path::Path::from(format!("companies/{company_id}/logo-{token}.png"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_made_of_ids_only() {
        let key = signed_contract_key(7, 42).to_string();
        assert!(key.starts_with("companies/7/contracts/42/signed-"), "{key}");
        assert!(key.ends_with(".pdf"));
        assert_ne!(key, signed_contract_key(7, 42).to_string());
    }

    #[test]
    fn unknown_schemes_are_refused_with_the_variable_named() {
        let error = open("ftp://files").err().unwrap().to_string();
        assert!(error.contains("STORAGE_URL"), "{error}");
    }
}
