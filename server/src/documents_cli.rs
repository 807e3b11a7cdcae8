//! `sigap documents move-to-object-store`: copies every stored document from the local folder
//! into the configured object store (docs/DEPLOYMENT.md "Documents"), checking each file's
//! SHA-256 against the one recorded at upload both before the copy and after reading it back
//! from the store. Safe to run again: documents already in the store with the right checksum
//! are skipped. Local files are kept unless `--delete-local` is given, and then only a file
//! whose copy was verified is removed.

use app::server::db::Db;
use app::server::storage::{sha256_hex, Storage};

/// Options of `sigap documents move-to-object-store`.
#[derive(Debug, clap::Args)]
pub struct MoveArgs {
    /// Remove each local file once its copy in the object store is verified.
    #[arg(long)]
    pub delete_local: bool,
}

/// What a move did.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Moved {
    /// Copied and verified.
    pub copied: usize,
    /// Already in the store with the right checksum.
    pub present: usize,
    /// Documents that could not be moved, with why.
    pub failed: Vec<String>,
}

/// Moves every document of `db` from `local` into `target`.
pub async fn move_documents(
    db: &Db,
    local: &Storage,
    target: &Storage,
    delete_local: bool,
) -> anyhow::Result<Moved> {
    anyhow::ensure!(
        matches!(target, Storage::Object { .. }),
        "set SIGAP_STORAGE_URL to the object store to move the documents into"
    );
    let rows: Vec<(String, String)> =
        sqlx::query_as("SELECT storage_key, sha256 FROM application_document ORDER BY document_id")
            .fetch_all(db.read())
            .await?;
    let mut moved = Moved::default();
    for (key, sha256) in rows {
        if let Ok(bytes) = target.read(&key).await {
            if sha256_hex(&bytes) == sha256 {
                moved.present += 1;
                remove_local(local, &key, delete_local).await;
                continue;
            }
        }
        let bytes = match local.read(&key).await {
            Ok(bytes) if sha256_hex(&bytes) == sha256 => bytes,
            Ok(_) => {
                moved
                    .failed
                    .push(format!("{key}: the local file does not match its SHA-256"));
                continue;
            }
            Err(e) => {
                moved.failed.push(format!("{key}: {e}"));
                continue;
            }
        };
        if let Err(e) = target.put(&key, &bytes).await {
            moved.failed.push(format!("{key}: {e}"));
            continue;
        }
        match target.read(&key).await {
            Ok(back) if sha256_hex(&back) == sha256 => {
                moved.copied += 1;
                remove_local(local, &key, delete_local).await;
            }
            Ok(_) => moved.failed.push(format!(
                "{key}: the copy read back does not match its SHA-256"
            )),
            Err(e) => moved
                .failed
                .push(format!("{key}: reading the copy back: {e}")),
        }
    }
    Ok(moved)
}

async fn remove_local(local: &Storage, key: &str, delete: bool) {
    if delete {
        if let Err(error) = local.delete(key).await {
            tracing::warn!(key, %error, "could not remove the local copy");
        }
    }
}
