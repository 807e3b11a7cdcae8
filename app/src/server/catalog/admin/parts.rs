//! The parts of a service an admin adds one by one: the requirements checklist (document or
//! not, accepted types, size) and the extra form fields (REFERENCE §2 service standard).

use crate::auth::Viewer;
use crate::domain::document::parse_kinds;
use crate::domain::service::FieldKind;
use crate::forms::field_error;
use crate::i18n::{catalog as ct, I18n};
use crate::server::accounts::{staff::require_admin, RequestMeta};
use crate::server::{audit, db::Db, error::ServiceError};
use serde::Deserialize;

/// The add-requirement form.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct RequirementInput {
    /// Label in Indonesian.
    pub label_id: String,
    /// Label in English.
    pub label_en: String,
    /// "on" if a document must be uploaded.
    pub needs_document: String,
    /// Ticked document kinds.
    pub accepted_types: Vec<String>,
    /// Largest upload in KB.
    pub max_size_kb: String,
}

async fn service_id(conn: &mut sqlx::AnyConnection, code: &str) -> Result<i64, ServiceError> {
    sqlx::query_scalar("SELECT service_type_id FROM service_type WHERE code = $1")
        .bind(code)
        .fetch_optional(&mut *conn)
        .await?
        .ok_or(ServiceError::NotFound)
}

/// Adds a requirement at the end of a service's checklist.
pub async fn add_requirement(
    db: &Db,
    viewer: &Viewer,
    code: &str,
    input: &RequirementInput,
    meta: &RequestMeta,
    i18n: I18n,
) -> Result<(), ServiceError> {
    require_admin(viewer)?;
    let mut errs = Vec::new();
    let label_id = input
        .label_id
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    if label_id.is_empty() || label_id.chars().count() > 300 {
        errs.push(field_error("label_id", i18n.t(ct::LABEL_INVALID)));
    }
    let label_en = input
        .label_en
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let needs_document = !input.needs_document.is_empty();
    let kinds = parse_kinds(&input.accepted_types.join(","));
    if needs_document && kinds.is_empty() {
        errs.push(field_error("accepted_types", i18n.t(ct::TYPES_REQUIRED)));
    }
    let max_kb = input
        .max_size_kb
        .trim()
        .parse::<i64>()
        .ok()
        .filter(|k| (10..=20480).contains(k));
    if needs_document && max_kb.is_none() {
        errs.push(field_error("max_size_kb", i18n.t(ct::MAX_SIZE_INVALID)));
    }
    if !errs.is_empty() {
        return Err(ServiceError::Validation(errs));
    }
    let mut tx = db.begin().await?;
    let id = service_id(&mut tx, code).await?;
    let types: Vec<&str> = kinds.iter().map(|k| k.code()).collect();
    sqlx::query(
        "INSERT INTO service_requirement (service_type_id, position, label_id, label_en, needs_document, accepted_types, max_size_kb)
         VALUES ($1, (SELECT COALESCE(MAX(position), 0) + 1 FROM service_requirement WHERE service_type_id = $1), $2, $3, $4, $5, $6)",
    )
    .bind(id)
    .bind(&label_id)
    .bind(if label_en.is_empty() { &label_id } else { &label_en })
    .bind(i64::from(needs_document))
    .bind(types.join(","))
    .bind(max_kb.unwrap_or(2048))
    .execute(&mut *tx)
    .await?;
    audit::record(
        &mut tx,
        &meta.actor(viewer),
        "service.requirement_added",
        Some(&format!("service:{code}")),
        Some(&label_id),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// The add-question form.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct FieldInput {
    /// Label in Indonesian.
    pub label_id: String,
    /// Label in English.
    pub label_en: String,
    /// `text`, `number`, `date` or `choice`.
    pub kind: String,
    /// Choices, one per line.
    pub choices: String,
    /// "on" if required.
    pub required: String,
}

/// Adds an extra question at the end of a service's form.
pub async fn add_field(
    db: &Db,
    viewer: &Viewer,
    code: &str,
    input: &FieldInput,
    meta: &RequestMeta,
    i18n: I18n,
) -> Result<(), ServiceError> {
    require_admin(viewer)?;
    let mut errs = Vec::new();
    let label_id = input
        .label_id
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    if label_id.is_empty() || label_id.chars().count() > 200 {
        errs.push(field_error("label_id", i18n.t(ct::LABEL_INVALID)));
    }
    let label_en = input
        .label_en
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let kind = FieldKind::parse(&input.kind);
    if kind.is_none() {
        errs.push(field_error("kind", i18n.t(ct::KIND_INVALID)));
    }
    let choices: Vec<String> = input
        .choices
        .lines()
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .map(str::to_owned)
        .collect();
    if kind == Some(FieldKind::Choice) && choices.len() < 2 {
        errs.push(field_error("choices", i18n.t(ct::CHOICES_REQUIRED)));
    }
    let Some(kind) = kind.filter(|_| errs.is_empty()) else {
        return Err(ServiceError::Validation(errs));
    };
    let mut tx = db.begin().await?;
    let id = service_id(&mut tx, code).await?;
    sqlx::query(
        "INSERT INTO service_field (service_type_id, position, label_id, label_en, kind, choices, required)
         VALUES ($1, (SELECT COALESCE(MAX(position), 0) + 1 FROM service_field WHERE service_type_id = $1), $2, $3, $4, $5, $6)",
    )
    .bind(id)
    .bind(&label_id)
    .bind(if label_en.is_empty() { &label_id } else { &label_en })
    .bind(kind.code())
    .bind(if kind == FieldKind::Choice { choices.join("\n") } else { String::new() })
    .bind(i64::from(!input.required.is_empty()))
    .execute(&mut *tx)
    .await?;
    audit::record(
        &mut tx,
        &meta.actor(viewer),
        "service.field_added",
        Some(&format!("service:{code}")),
        Some(&label_id),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}
