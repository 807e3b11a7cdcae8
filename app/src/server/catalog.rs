//! The service catalog: each unit's service types with their published standard (REFERENCE
//! §2.1), requirements and extra questions. Reads for the public pages; writes (in
//! [`admin`] and [`import`]) for admins.

pub mod admin;
pub mod import;
pub mod listing;

use super::{db::Db, error::ServiceError};
use crate::api::catalog::{FieldView, RequirementView, ServiceDetail};
use crate::domain::service::FieldKind;

/// A `service_type` row joined with its unit.
#[derive(sqlx::FromRow)]
struct DetailRow {
    service_type_id: i64,
    code: String,
    unit_code: String,
    unit_name: String,
    name_id: String,
    name_en: String,
    description_id: String,
    description_en: String,
    completion_days: i64,
    fee_rupiah: i64,
    product_id: String,
    product_en: String,
    legal_basis: String,
    complaint_channel: String,
    permit_code: String,
    citizen_facing: String,
    active: i64,
}

/// One service with its requirements and questions; inactive ones only for admins.
pub async fn get_service(
    db: &Db,
    code: &str,
    include_inactive: bool,
) -> Result<ServiceDetail, ServiceError> {
    let row: Option<DetailRow> = sqlx::query_as(
        "SELECT s.service_type_id, s.code, u.code AS unit_code, u.name AS unit_name, s.name_id, s.name_en, s.description_id, s.description_en,
                s.completion_days, s.fee_rupiah, s.product_id, s.product_en, s.legal_basis, s.complaint_channel,
                s.permit_code, s.citizen_facing, s.active
         FROM service_type s JOIN unit u ON u.unit_id = s.unit_id WHERE s.code = $1",
    )
    .bind(code.trim().to_uppercase())
    .fetch_optional(db.read())
    .await?;
    let Some(r) = row else {
        return Err(ServiceError::NotFound);
    };
    if r.active == 0 && !include_inactive {
        return Err(ServiceError::NotFound);
    }
    let service_type_id = r.service_type_id;
    Ok(ServiceDetail {
        code: r.code,
        unit_code: r.unit_code,
        unit_name: r.unit_name,
        name_id: r.name_id,
        name_en: r.name_en,
        description_id: r.description_id,
        description_en: r.description_en,
        completion_days: r.completion_days,
        fee_rupiah: r.fee_rupiah,
        product_id: r.product_id,
        product_en: r.product_en,
        legal_basis: r.legal_basis,
        complaint_channel: r.complaint_channel,
        permit_code: r.permit_code,
        citizen_facing: r
            .citizen_facing
            .split(',')
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
            .collect(),
        active: r.active == 1,
        requirements: requirements_on(&mut *db.read().acquire().await?, service_type_id).await?,
        fields: fields_on(&mut *db.read().acquire().await?, service_type_id).await?,
    })
}

/// A service's active requirements, in order.
pub async fn requirements_on(
    conn: &mut sqlx::AnyConnection,
    service_type_id: i64,
) -> Result<Vec<RequirementView>, ServiceError> {
    let rows: Vec<(i64, String, String, i64, String, i64)> = sqlx::query_as(
        "SELECT requirement_id, label_id, label_en, needs_document, accepted_types, max_size_kb
         FROM service_requirement WHERE service_type_id = $1 AND active = 1 ORDER BY position, requirement_id",
    )
    .bind(service_type_id)
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(
            |(requirement_id, label_id, label_en, needs, types, max_size_kb)| RequirementView {
                requirement_id,
                label_id,
                label_en,
                needs_document: needs == 1,
                accepted_types: accepted_types(&types),
                max_size_kb,
            },
        )
        .collect())
}

/// A requirement's accepted file types, as stored (comma-separated).
pub fn accepted_types(stored: &str) -> Vec<String> {
    stored
        .split(',')
        .filter(|t| !t.is_empty())
        .map(str::to_owned)
        .collect()
}

/// A service's active extra questions, in order.
pub async fn fields_on(
    conn: &mut sqlx::AnyConnection,
    service_type_id: i64,
) -> Result<Vec<FieldView>, ServiceError> {
    let rows: Vec<(i64, String, String, String, String, i64)> = sqlx::query_as(
        "SELECT field_id, label_id, label_en, kind, choices, required
         FROM service_field WHERE service_type_id = $1 AND active = 1 ORDER BY position, field_id",
    )
    .bind(service_type_id)
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows
        .into_iter()
        .filter_map(|(field_id, label_id, label_en, kind, choices, required)| {
            Some(FieldView {
                field_id,
                label_id,
                label_en,
                kind: FieldKind::parse(&kind)?,
                choices: choices
                    .lines()
                    .map(str::trim)
                    .filter(|c| !c.is_empty())
                    .map(str::to_owned)
                    .collect(),
                required: required == 1,
            })
        })
        .collect())
}
