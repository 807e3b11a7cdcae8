//! Where uploaded documents live: files under `DATA_DIR/documents`, outside any served folder,
//! named by a generated key (never the uploaded name), written atomically, with their SHA-256.

use super::error::ServiceError;
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};

/// A stored file's key and checksum.
pub struct Stored {
    /// Relative key, e.g. `2026/11/3q…x.bin`.
    pub key: String,
    /// SHA-256, hex.
    pub sha256: String,
}

fn path_of(data_dir: &Path, key: &str) -> Result<PathBuf, ServiceError> {
    let safe = !key.is_empty()
        && key
            .split('/')
            .all(|part| !part.is_empty() && part != ".." && part != "." && !part.contains('\\'));
    if !safe {
        return Err(ServiceError::Unexpected("invalid storage key".into()));
    }
    Ok(data_dir.join("documents").join(key))
}

/// Stores `bytes` under a fresh key.
pub async fn store(
    data_dir: &Path,
    year: i32,
    month: u8,
    bytes: &[u8],
) -> Result<Stored, ServiceError> {
    let key = format!("{year:04}/{month:02}/{}.bin", super::keys::random_token());
    let path = path_of(data_dir, &key)?;
    let dir = path.parent().expect("a key has a folder").to_path_buf();
    let tmp = path.with_extension("part");
    let io = |e: std::io::Error| ServiceError::Unexpected(format!("storing a document: {e}"));
    tokio::fs::create_dir_all(&dir).await.map_err(io)?;
    {
        use tokio::io::AsyncWriteExt;
        let mut file = tokio::fs::File::create(&tmp).await.map_err(io)?;
        file.write_all(bytes).await.map_err(io)?;
        file.sync_all().await.map_err(io)?;
    }
    tokio::fs::rename(&tmp, &path).await.map_err(io)?;
    let sha256 = Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    Ok(Stored { key, sha256 })
}

/// Reads a stored file.
pub async fn read(data_dir: &Path, key: &str) -> Result<Vec<u8>, ServiceError> {
    let path = path_of(data_dir, key)?;
    tokio::fs::read(&path)
        .await
        .map_err(|e| ServiceError::Unexpected(format!("reading a document: {e}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_stored_document_reads_back_with_its_checksum() {
        let dir = std::env::temp_dir().join(format!("sigap-docs-{}", std::process::id()));
        let stored = store(&dir, 2026, 11, b"%PDF-1.4 test").await.unwrap();
        assert!(stored.key.starts_with("2026/11/") && stored.key.ends_with(".bin"));
        assert_eq!(stored.sha256.len(), 64);
        assert_eq!(read(&dir, &stored.key).await.unwrap(), b"%PDF-1.4 test");
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn keys_cannot_leave_the_documents_folder() {
        let dir = Path::new("/data");
        assert!(path_of(dir, "../etc/passwd").is_err());
        assert!(path_of(dir, "2026/../../x").is_err());
        assert!(path_of(dir, "").is_err());
        assert!(path_of(dir, "2026/11/a.bin").is_ok());
    }
}
