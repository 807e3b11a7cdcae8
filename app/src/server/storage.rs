//! Where uploaded documents live (docs/DEPLOYMENT.md "Documents"): one interface, two backends,
//! chosen by configuration. The local folder (`DATA_DIR/documents`) is the embedded default;
//! `SIGAP_STORAGE_URL=s3://bucket/prefix` (with the usual `AWS_*` variables for the endpoint and
//! credentials) puts them in any S3-compatible store, which several servers then share. Keys are
//! generated, never the uploaded name. Documents stay private either way: the bucket is never
//! public, and only Sigap's download handlers, after their access checks, read from it.

mod local;

use super::error::ServiceError;
use object_store::{path::Path as ObjectPath, ObjectStore, ObjectStoreExt, PutPayload};
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// A stored document's key and checksum.
pub struct Stored {
    /// Relative key, e.g. `2026/11/3q…x.bin`.
    pub key: String,
    /// SHA-256, hex.
    pub sha256: String,
}

/// The document store of one running server. Cloning is cheap.
#[derive(Clone, Debug)]
pub enum Storage {
    /// Files in this folder.
    Local(PathBuf),
    /// An object store (S3-compatible), described by `url` for logs (no secrets in it).
    Object {
        /// The store, already scoped to the configured prefix.
        store: Arc<dyn ObjectStore>,
        /// `s3://bucket/prefix`.
        url: String,
    },
}

/// Why the configured store cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum StorageError {
    /// The URL is not `s3://bucket[/prefix]`.
    #[error("SIGAP_STORAGE_URL must be s3://BUCKET or s3://BUCKET/PREFIX, got {0:?}")]
    BadUrl(String),
    /// The object store refused its configuration (missing region, credentials, …).
    #[error("cannot configure the object store: {0}")]
    Config(#[from] object_store::Error),
}

impl Storage {
    /// The local folder under a data directory.
    pub fn local(data_dir: &Path) -> Storage {
        Storage::Local(data_dir.join("documents"))
    }

    /// An S3-compatible store at `s3://bucket[/prefix]`; endpoint, region and credentials come
    /// from the `AWS_*` environment variables (`AWS_ENDPOINT`, `AWS_ACCESS_KEY_ID`,
    /// `AWS_SECRET_ACCESS_KEY`, `AWS_REGION`, `AWS_ALLOW_HTTP` for a plain-HTTP endpoint).
    pub fn s3(url: &str) -> Result<Storage, StorageError> {
        Self::s3_with(url, std::env::vars())
    }

    /// [`Storage::s3`] with the `AWS_*` settings taken from `settings` instead of the
    /// environment (other names are ignored).
    pub fn s3_with(
        url: &str,
        settings: impl IntoIterator<Item = (String, String)>,
    ) -> Result<Storage, StorageError> {
        use object_store::aws::{AmazonS3Builder, AmazonS3ConfigKey};
        let rest = url
            .strip_prefix("s3://")
            .ok_or_else(|| StorageError::BadUrl(url.into()))?;
        let (bucket, prefix) = rest.split_once('/').unwrap_or((rest, ""));
        let prefix = prefix.trim_matches('/');
        if bucket.is_empty() || !(prefix.is_empty() || safe_key(prefix)) {
            return Err(StorageError::BadUrl(url.into()));
        }
        // One TLS crypto provider for the process (ring, as for mail); a second call is a no-op.
        let _ = rustls::crypto::ring::default_provider().install_default();
        // A citizen's upload must not hang on an unreachable store for the library's default
        // three minutes of retries: a few quick retries, then a clear failure. Set before the
        // AWS_* settings, which may add client options of their own (AWS_ALLOW_HTTP).
        let retry = object_store::RetryConfig {
            backoff: object_store::BackoffConfig::default(),
            max_retries: 3,
            retry_timeout: std::time::Duration::from_secs(15),
        };
        let client = object_store::ClientOptions::new()
            .with_connect_timeout(std::time::Duration::from_secs(5))
            .with_timeout(std::time::Duration::from_secs(30));
        let mut builder = AmazonS3Builder::new()
            .with_retry(retry)
            .with_client_options(client);
        for (name, value) in settings {
            if let Some(key) = name
                .starts_with("AWS_")
                .then(|| name.to_ascii_lowercase().parse::<AmazonS3ConfigKey>().ok())
                .flatten()
            {
                builder = builder.with_config(key, value);
            }
        }
        let s3 = builder.with_bucket_name(bucket).build()?;
        let store: Arc<dyn ObjectStore> = if prefix.is_empty() {
            Arc::new(s3)
        } else {
            Arc::new(object_store::prefix::PrefixStore::new(s3, prefix))
        };
        Ok(Storage::Object {
            store,
            url: url.trim_end_matches('/').to_owned(),
        })
    }

    /// Where documents go, for the start-up log.
    pub fn describe(&self) -> String {
        match self {
            Storage::Local(dir) => dir.display().to_string(),
            Storage::Object { url, .. } => url.clone(),
        }
    }

    /// Stores `bytes` under a fresh key in the folder of `year`/`month`.
    pub async fn store(&self, year: i32, month: u8, bytes: &[u8]) -> Result<Stored, ServiceError> {
        let key = format!("{year:04}/{month:02}/{}.bin", super::keys::random_token());
        self.put(&key, bytes).await?;
        Ok(Stored {
            key,
            sha256: sha256_hex(bytes),
        })
    }

    /// Writes `bytes` under `key`, replacing what was there.
    pub async fn put(&self, key: &str, bytes: &[u8]) -> Result<(), ServiceError> {
        match self {
            Storage::Local(root) => local::put(root, key, bytes).await,
            Storage::Object { store, .. } => {
                let payload = PutPayload::from(bytes::Bytes::copy_from_slice(bytes));
                let path = object_path(key)?;
                store
                    .put(&path, payload)
                    .await
                    .map(drop)
                    .map_err(|e| ServiceError::Unexpected(format!("storing a document: {e}")))
            }
        }
    }

    /// Removes a stored document (a missing one is not an error).
    pub async fn delete(&self, key: &str) -> Result<(), ServiceError> {
        let failed = |e: String| ServiceError::Unexpected(format!("removing a document: {e}"));
        match self {
            Storage::Local(root) => {
                match tokio::fs::remove_file(local::path_of(root, key)?).await {
                    Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
                        Err(failed(e.to_string()))
                    }
                    _ => Ok(()),
                }
            }
            Storage::Object { store, .. } => match store.delete(&object_path(key)?).await {
                Err(e) if !matches!(e, object_store::Error::NotFound { .. }) => {
                    Err(failed(e.to_string()))
                }
                _ => Ok(()),
            },
        }
    }

    /// Reads a stored document.
    pub async fn read(&self, key: &str) -> Result<Vec<u8>, ServiceError> {
        match self {
            Storage::Local(root) => local::get(root, key).await,
            Storage::Object { store, .. } => {
                let path = object_path(key)?;
                let read = async { store.get(&path).await?.bytes().await };
                read.await
                    .map(|b| b.to_vec())
                    .map_err(|e| ServiceError::Unexpected(format!("reading a document: {e}")))
            }
        }
    }
}

/// A key is relative and stays inside the store: no empty, `.` or `..` parts, no backslashes.
fn safe_key(key: &str) -> bool {
    !key.is_empty()
        && key
            .split('/')
            .all(|part| !part.is_empty() && part != ".." && part != "." && !part.contains('\\'))
}

fn object_path(key: &str) -> Result<ObjectPath, ServiceError> {
    let invalid = || ServiceError::Unexpected("invalid storage key".into());
    if !safe_key(key) {
        return Err(invalid());
    }
    ObjectPath::parse(key).map_err(|_| invalid())
}

/// SHA-256 of `bytes`, hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_stored_document_reads_back_with_its_checksum() {
        let dir = std::env::temp_dir().join(format!("sigap-docs-{}", std::process::id()));
        let storage = Storage::local(&dir);
        let stored = storage.store(2026, 11, b"%PDF-1.4 test").await.unwrap();
        assert!(stored.key.starts_with("2026/11/") && stored.key.ends_with(".bin"));
        assert_eq!(stored.sha256, sha256_hex(b"%PDF-1.4 test"));
        assert_eq!(storage.read(&stored.key).await.unwrap(), b"%PDF-1.4 test");
        assert!(dir.join("documents").join(&stored.key).is_file());
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn keys_cannot_leave_the_store() {
        let dir = Path::new("/data");
        for bad in [
            "../etc/passwd",
            "2026/../../x",
            "",
            "/abs",
            "a//b",
            "a\\b",
            "./a",
        ] {
            assert!(local::path_of(dir, bad).is_err(), "{bad}");
            assert!(object_path(bad).is_err(), "{bad}");
        }
        assert!(local::path_of(dir, "2026/11/a.bin").is_ok());
        assert!(object_path("2026/11/a.bin").is_ok());
    }

    #[test]
    fn storage_urls_name_a_bucket_and_an_optional_prefix() {
        for bad in [
            "s3://",
            "http://bucket",
            "s3:///prefix",
            "s3://b/../x",
            "bucket",
        ] {
            assert!(
                matches!(Storage::s3(bad), Err(StorageError::BadUrl(_))),
                "{bad}"
            );
        }
    }
}
