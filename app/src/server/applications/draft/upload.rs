//! Uploading a draft's documents: checked against the requirement (type by content, size,
//! image dimensions), stored under a generated key, replacing the previous one.

use super::super::{load_row, today};
use super::check_editable;
use crate::auth::Viewer;
use crate::domain::application_state::State;
use crate::domain::document::{check_upload, display_name, parse_kinds, UploadError};
use crate::forms::field_error;
use crate::i18n::{apply as ap, I18n};
use crate::server::{audit, db::now_millis, error::ServiceError, state::AppState};

/// Stores a document for one requirement, replacing the previous one. In a correction round only
/// the requirements staff asked about may change ("fix only what was asked").
#[allow(clippy::too_many_arguments)]
pub async fn upload_document(
    state: &AppState,
    viewer: &Viewer,
    id: i64,
    requirement_id: i64,
    file_name: &str,
    bytes: &[u8],
    meta: &crate::server::accounts::RequestMeta,
    i18n: I18n,
) -> Result<(), ServiceError> {
    let mut conn = state.db.read().acquire().await?;
    let row = load_row(&mut conn, id).await?;
    check_editable(&row, viewer, i18n.t(ap::STEP_NOT_POSSIBLE))?;
    let requirement: Option<(String, i64)> = sqlx::query_as(
        "SELECT accepted_types, max_size_kb FROM service_requirement
         WHERE requirement_id = $1 AND service_type_id = $2 AND active = 1 AND needs_document = 1",
    )
    .bind(requirement_id)
    .bind(row.service_type_id)
    .fetch_optional(&mut *conn)
    .await?;
    let (types, max_kb) = requirement.ok_or(ServiceError::NotFound)?;
    if row.state() == State::NeedsCorrection {
        let asked: Option<i64> = sqlx::query_scalar(
            "SELECT correction_id FROM application_correction
             WHERE application_id = $1 AND resolved_at IS NULL AND (requirement_id = $2 OR requirement_id IS NULL)",
        )
        .bind(id)
        .bind(requirement_id)
        .fetch_optional(&mut *conn)
        .await?;
        if asked.is_none() {
            return Err(ServiceError::Conflict(i18n.t(ap::NOT_ASKED).into()));
        }
    }
    drop(conn);
    let field = format!("file_{requirement_id}");
    let kind = check_upload(
        bytes,
        &parse_kinds(&types),
        u32::try_from(max_kb).unwrap_or(2048),
    )
    .map_err(|e| {
        let message = match e {
            UploadError::Empty => i18n.t(ap::UPLOAD_EMPTY).to_owned(),
            UploadError::TooLarge { max_kb } => i18n.f(
                ap::UPLOAD_TOO_LARGE,
                &[("max", &format!("{:.1} MB", f64::from(max_kb) / 1024.0))],
            ),
            UploadError::WrongType => i18n.f(
                ap::UPLOAD_WRONG_TYPE,
                &[("types", &types.to_uppercase().replace(',', ", "))],
            ),
            UploadError::ImplausibleImage => i18n.t(ap::UPLOAD_BAD_IMAGE).to_owned(),
        };
        ServiceError::Validation(vec![field_error(&field, message)])
    })?;
    let now = today(state);
    // The store may be a remote object store: when it cannot be reached, nothing is recorded
    // and the citizen is told to try again (the details go to the log).
    let stored = state
        .storage
        .store(now.year(), u8::from(now.month()), bytes)
        .await
        .map_err(|error| {
            tracing::error!(%error, "a document could not be stored");
            let message = i18n.t(ap::UPLOAD_STORE_UNAVAILABLE);
            ServiceError::Validation(vec![field_error(&field, message)])
        })?;
    let mut tx = state.db.begin().await?;
    let current = load_row(&mut tx, id).await?;
    check_editable(&current, viewer, i18n.t(ap::STEP_NOT_POSSIBLE))?;
    let at = now_millis();
    sqlx::query("UPDATE application_document SET replaced_at = $1 WHERE application_id = $2 AND requirement_id = $3 AND replaced_at IS NULL")
        .bind(at)
        .bind(id)
        .bind(requirement_id)
        .execute(&mut *tx)
        .await?;
    sqlx::query(
        "INSERT INTO application_document (application_id, requirement_id, storage_key, original_name, content_type, size_bytes, sha256, uploaded_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(id)
    .bind(requirement_id)
    .bind(&stored.key)
    .bind(display_name(file_name))
    .bind(kind.mime())
    .bind(bytes.len() as i64)
    .bind(&stored.sha256)
    .bind(at)
    .execute(&mut *tx)
    .await?;
    sqlx::query("UPDATE application SET updated_at = $1 WHERE application_id = $2")
        .bind(at)
        .bind(id)
        .execute(&mut *tx)
        .await?;
    audit::record(
        &mut tx,
        &meta.actor(viewer),
        "application.document_uploaded",
        Some(&format!("application:{id}")),
        Some(&format!(
            "requirement={requirement_id} sha256={}",
            stored.sha256
        )),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}
