//! The local backend: files under `DATA_DIR/documents`, outside any served folder, written to a
//! temporary name, synced to disk and renamed, so a crash leaves either the whole file or none.

use crate::server::error::ServiceError;
use std::path::{Path, PathBuf};

/// The file a key names, refusing keys that would leave the documents folder.
pub(super) fn path_of(root: &Path, key: &str) -> Result<PathBuf, ServiceError> {
    if !super::safe_key(key) {
        return Err(ServiceError::Unexpected("invalid storage key".into()));
    }
    Ok(root.join(key))
}

fn io(what: &'static str) -> impl Fn(std::io::Error) -> ServiceError {
    move |e| ServiceError::Unexpected(format!("{what} a document: {e}"))
}

pub(super) async fn put(root: &Path, key: &str, bytes: &[u8]) -> Result<(), ServiceError> {
    use tokio::io::AsyncWriteExt;
    let path = path_of(root, key)?;
    let dir = path.parent().expect("a key has a folder").to_path_buf();
    let tmp = path.with_extension("part");
    tokio::fs::create_dir_all(&dir)
        .await
        .map_err(io("storing"))?;
    {
        let mut file = tokio::fs::File::create(&tmp).await.map_err(io("storing"))?;
        file.write_all(bytes).await.map_err(io("storing"))?;
        file.sync_all().await.map_err(io("storing"))?;
    }
    tokio::fs::rename(&tmp, &path).await.map_err(io("storing"))
}

pub(super) async fn get(root: &Path, key: &str) -> Result<Vec<u8>, ServiceError> {
    tokio::fs::read(path_of(root, key)?)
        .await
        .map_err(io("reading"))
}
