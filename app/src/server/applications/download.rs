//! Serving an uploaded document: only to the applicant (or filing officer) and the staff of the
//! responsible unit; every staff view is written to the audit log (REFERENCE §6).

use super::load_visible;
use crate::auth::Viewer;
use crate::server::{accounts::RequestMeta, audit, error::ServiceError, state::AppState};

/// A document ready to send.
pub struct Download {
    /// The bytes.
    pub bytes: Vec<u8>,
    /// Its content type (from the sniffed kind).
    pub content_type: String,
    /// Display name for the download.
    pub name: String,
}

/// Document `document_id`, if the viewer may see it.
pub async fn download(
    state: &AppState,
    viewer: &Viewer,
    document_id: i64,
    meta: &RequestMeta,
) -> Result<Download, ServiceError> {
    if !viewer.is_signed_in() {
        return Err(ServiceError::Unauthorized);
    }
    let row: Option<(i64, String, String, String, String)> = sqlx::query_as(
        "SELECT application_id, storage_key, original_name, content_type, sha256 FROM application_document WHERE document_id = $1",
    )
    .bind(document_id)
    .fetch_optional(state.db.read())
    .await?;
    let (application_id, key, name, content_type, sha256) = row.ok_or(ServiceError::NotFound)?;
    let app = load_visible(state, viewer, application_id).await?;
    if app.is_unit_staff(viewer) && !app.is_applicant(viewer) {
        let mut conn = state.db.write().acquire().await?;
        audit::record(
            &mut conn,
            &meta.actor(viewer),
            "application.document_viewed",
            Some(&format!("application:{application_id}")),
            Some(&format!("document={document_id}")),
        )
        .await?;
    }
    let bytes = state.storage.read(&key).await?;
    if crate::server::storage::sha256_hex(&bytes) != sha256 {
        return Err(ServiceError::Unexpected(format!(
            "document {document_id} does not match its checksum"
        )));
    }
    Ok(Download {
        bytes,
        content_type,
        name,
    })
}
