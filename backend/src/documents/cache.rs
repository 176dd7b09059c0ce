//! Rendered PDFs kept in object storage, so an unchanged estimate is never set twice.
//!
//! A file's key holds the estimate's revision and a fingerprint of everything it was made
//! from (the model, the template version, the logo's and photos' keys). The revision alone
//! would not do: a draft's statement also follows the catalog, the contract and the earlier
//! estimates, none of which bump it.

use futures::TryStreamExt;
use object_store::{ObjectStore, PutPayload, path::Path};
use sha2::{Digest, Sha256};

use super::{Paper, TEMPLATE_VERSION, Template};

/// Where one rendering of a document lives.
pub struct DocumentKey {
    folder: Path,
    file: String,
}

impl DocumentKey {
    pub fn new(
        company_id: i64,
        estimate_id: i64,
        template: Template,
        paper: Paper,
        revision: i32,
        fingerprint: &str,
    ) -> DocumentKey {
        DocumentKey {
            folder: Path::from(format!(
                "companies/{company_id}/estimates/{estimate_id}/documents"
            )),
            file: format!(
                "{}-{}-r{revision}-{fingerprint}.pdf",
                template.slug(),
                paper.slug()
            ),
        }
    }

    pub fn path(&self) -> Path {
        self.folder.child(self.file.as_str())
    }

    /// Earlier renderings of the same document and paper share this start.
    fn family(&self) -> &str {
        let end = self.file.find("-r").unwrap_or(self.file.len());
        &self.file[..end]
    }
}

/// A short digest of the model and of the keys of the images it shows.
pub fn fingerprint(model: &[u8], image_keys: &[&str]) -> String {
    let mut digest = Sha256::new();
    digest.update(TEMPLATE_VERSION.to_le_bytes());
    digest.update(model);
    for key in image_keys {
        digest.update([0]);
        digest.update(key.as_bytes());
    }
    let bytes = digest.finalize();
    bytes[..8]
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect()
}

/// The kept file, if this exact document was rendered before.
pub async fn fetch(store: &dyn ObjectStore, key: &DocumentKey) -> Option<Vec<u8>> {
    let found = store.get(&key.path()).await.ok()?;
    match found.bytes().await {
        Ok(bytes) => Some(bytes.to_vec()),
        Err(error) => {
            tracing::warn!(
                key = %key.path(),
                %error,
                "a kept PDF could not be read; rendering again"
            );
            None
        }
    }
}

/// Keeps a new rendering and drops the older ones of the same document. Storage faults are
/// logged, not returned: the caller still has the PDF to send.
pub async fn keep(store: &dyn ObjectStore, key: &DocumentKey, pdf: &[u8]) {
    let path = key.path();
    if let Err(error) = store.put(&path, PutPayload::from(pdf.to_vec())).await {
        tracing::warn!(
            key = %path,
            %error,
            "a rendered PDF could not be kept; it will be rendered again"
        );
        return;
    }

    let older: Vec<Path> = match store.list(Some(&key.folder)).try_collect::<Vec<_>>().await {
        Ok(objects) => objects
            .into_iter()
            .map(|object| object.location)
            .filter(|location| location != &path)
            .filter(|location| {
                location
                    .filename()
                    .is_some_and(|name| name.starts_with(&format!("{}-r", key.family())))
            })
            .collect(),
        Err(error) => {
            tracing::warn!(folder = %key.folder, %error, "older PDFs could not be listed");
            return;
        }
    };
    for location in older {
        if let Err(error) = store.delete(&location).await {
            tracing::warn!(key = %location, %error, "an outdated PDF could not be removed");
        }
    }
}
