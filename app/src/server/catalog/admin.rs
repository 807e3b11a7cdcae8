//! Admins define service types: the standard (names, description, completion time, fee,
//! product, legal basis, complaint channel), the requirements checklist, and the extra
//! questions. Requirements and questions are retired, not deleted, so old applications keep
//! their meaning.

use crate::auth::Viewer;
use crate::domain::code::Code;
use crate::domain::service::{parse_service, ServiceRowError};
use crate::forms::field_error;
use crate::i18n::{admin as ad, catalog as ct, errors, I18n};
use crate::server::accounts::{staff::require_admin, RequestMeta};
use crate::server::{audit, db::now_millis, db::Db, error::ServiceError};
use serde::Deserialize;

mod parts;
pub use parts::{add_field, add_requirement, FieldInput, RequirementInput};

/// The service form as submitted.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct ServiceInput {
    /// Code (ignored when editing: the code in the address wins).
    pub code: String,
    /// Unit code.
    pub unit_code: String,
    /// Name in Indonesian.
    pub name_id: String,
    /// Name in English (defaults to the Indonesian name).
    pub name_en: String,
    /// Description in Indonesian.
    pub description_id: String,
    /// Description in English.
    pub description_en: String,
    /// Completion time in working days.
    pub completion_days: String,
    /// Fee in rupiah.
    pub fee: String,
    /// Product in Indonesian.
    pub product_id: String,
    /// Product in English.
    pub product_en: String,
    /// Legal basis.
    pub legal_basis: String,
    /// Complaint channel.
    pub complaint_channel: String,
    /// Short code in permit numbers.
    pub permit_code: String,
    /// Ticked citizen-facing steps.
    pub citizen_facing: Vec<String>,
    /// "on" if citizens may apply.
    pub active: String,
}

impl ServiceInput {
    /// The values to show again if the form is refused.
    pub fn echo(&self) -> Vec<(String, String)> {
        let mut v: Vec<(String, String)> = [
            ("code", &self.code),
            ("unit_code", &self.unit_code),
            ("name_id", &self.name_id),
            ("name_en", &self.name_en),
            ("description_id", &self.description_id),
            ("description_en", &self.description_en),
            ("completion_days", &self.completion_days),
            ("fee", &self.fee),
            ("product_id", &self.product_id),
            ("product_en", &self.product_en),
            ("legal_basis", &self.legal_basis),
            ("complaint_channel", &self.complaint_channel),
            ("permit_code", &self.permit_code),
            ("active", &self.active),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_owned(), v.clone()))
        .collect();
        v.extend(
            self.citizen_facing
                .iter()
                .map(|s| (format!("citizen_facing_{s}"), "on".to_owned())),
        );
        v
    }
}

fn long_text(
    field: &str,
    value: &str,
    max: usize,
    i18n: I18n,
    errs: &mut Vec<crate::api::error::FieldError>,
) -> String {
    let value = value.trim().to_owned();
    if value.chars().count() > max {
        errs.push(field_error(
            field,
            i18n.f(ct::TEXT_TOO_LONG, &[("max", &max)]),
        ));
    }
    value
}

/// Creates a service (`editing` = None) or updates the one with that code.
pub async fn save_service(
    db: &Db,
    viewer: &Viewer,
    input: &ServiceInput,
    editing: Option<&str>,
    meta: &RequestMeta,
    i18n: I18n,
) -> Result<String, ServiceError> {
    require_admin(viewer)?;
    let code_typed = editing.unwrap_or(&input.code);
    let mut errs = Vec::new();
    let record = parse_service(
        code_typed,
        &input.unit_code,
        &input.name_id,
        &input.completion_days,
        &input.fee,
    )
    .map_err(|problems| {
        for p in problems {
            let field = match p.field() {
                "name" => "name_id",
                f => f,
            };
            let message = match p {
                ServiceRowError::Code(f, e) => {
                    errors::record(i18n, &crate::domain::roster::RecordError::Code(f, e))
                }
                ServiceRowError::Name => i18n.t(ct::SERVICE_NAME_INVALID).into(),
                ServiceRowError::CompletionDays => i18n.t(ct::COMPLETION_DAYS_INVALID).into(),
                ServiceRowError::Fee => i18n.t(ct::FEE_INVALID).into(),
            };
            errs.push(field_error(field, message));
        }
    })
    .ok();
    let name_en = long_text("name_en", &input.name_en, 200, i18n, &mut errs);
    let description_id = long_text(
        "description_id",
        &input.description_id,
        4000,
        i18n,
        &mut errs,
    );
    let description_en = long_text(
        "description_en",
        &input.description_en,
        4000,
        i18n,
        &mut errs,
    );
    let product_id = long_text("product_id", &input.product_id, 300, i18n, &mut errs);
    let product_en = long_text("product_en", &input.product_en, 300, i18n, &mut errs);
    let legal_basis = long_text("legal_basis", &input.legal_basis, 2000, i18n, &mut errs);
    let complaint = long_text(
        "complaint_channel",
        &input.complaint_channel,
        1000,
        i18n,
        &mut errs,
    );
    let permit_code = match input.permit_code.trim() {
        "" => String::new(),
        typed => match Code::parse(typed) {
            Ok(c) => c.as_str().to_owned(),
            Err(e) => {
                errs.push(field_error(
                    "permit_code",
                    errors::record(
                        i18n,
                        &crate::domain::roster::RecordError::Code("permit_code", e),
                    ),
                ));
                String::new()
            }
        },
    };
    let facing: Vec<&str> = crate::domain::application_state::StaffAction::ALL
        .iter()
        .map(|a| a.code())
        .filter(|c| input.citizen_facing.iter().any(|f| f == c))
        .collect();
    let mut tx = db.begin().await?;
    let unit_id: Option<i64> = match &record {
        Some(r) => {
            sqlx::query_scalar("SELECT unit_id FROM unit WHERE code = $1")
                .bind(r.unit_code.as_str())
                .fetch_optional(&mut *tx)
                .await?
        }
        None => None,
    };
    if record.is_some() && unit_id.is_none() {
        errs.push(field_error("unit_code", i18n.t(ad::UNIT_UNKNOWN)));
    }
    let exists: Option<i64> = match &record {
        Some(r) => {
            sqlx::query_scalar("SELECT service_type_id FROM service_type WHERE code = $1")
                .bind(r.code.as_str())
                .fetch_optional(&mut *tx)
                .await?
        }
        None => None,
    };
    match (editing, exists) {
        (None, Some(_)) => errs.push(field_error("code", i18n.t(ct::SERVICE_CODE_TAKEN))),
        (Some(_), None) if record.is_some() => return Err(ServiceError::NotFound),
        _ => {}
    }
    let (Some(record), Some(unit_id)) = (record, unit_id) else {
        return Err(ServiceError::Validation(errs));
    };
    if !errs.is_empty() {
        return Err(ServiceError::Validation(errs));
    }
    let name_en = if name_en.is_empty() {
        record.name.clone()
    } else {
        name_en
    };
    let now = now_millis();
    let active = i64::from(!input.active.is_empty());
    let sql = if exists.is_some() {
        "UPDATE service_type SET unit_id = $1, name_id = $3, name_en = $4, description_id = $5, description_en = $6,
             completion_days = $7, fee_rupiah = $8, product_id = $9, product_en = $10, legal_basis = $11,
             complaint_channel = $12, permit_code = $13, citizen_facing = $14, active = $15, updated_at = $16
         WHERE code = $2"
    } else {
        "INSERT INTO service_type (unit_id, code, name_id, name_en, description_id, description_en, completion_days,
             fee_rupiah, product_id, product_en, legal_basis, complaint_channel, permit_code, citizen_facing, active,
             created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $16)"
    };
    sqlx::query(sql)
        .bind(unit_id)
        .bind(record.code.as_str())
        .bind(&record.name)
        .bind(&name_en)
        .bind(&description_id)
        .bind(&description_en)
        .bind(record.completion_days)
        .bind(record.fee_rupiah)
        .bind(&product_id)
        .bind(&product_en)
        .bind(&legal_basis)
        .bind(&complaint)
        .bind(&permit_code)
        .bind(facing.join(","))
        .bind(active)
        .bind(now)
        .execute(&mut *tx)
        .await?;
    let action = if exists.is_some() {
        "service.updated"
    } else {
        "service.created"
    };
    audit::record(
        &mut tx,
        &meta.actor(viewer),
        action,
        Some(&format!("service:{}", record.code)),
        None,
    )
    .await?;
    tx.commit().await?;
    Ok(record.code.as_str().to_owned())
}

/// Retires a requirement or question (`what` = "requirement" or "field").
pub async fn retire(
    db: &Db,
    viewer: &Viewer,
    code: &str,
    what: &str,
    id: i64,
    meta: &RequestMeta,
) -> Result<(), ServiceError> {
    require_admin(viewer)?;
    let sql = match what {
        "requirement" => {
            "UPDATE service_requirement SET active = 0 WHERE requirement_id = $1
             AND service_type_id = (SELECT service_type_id FROM service_type WHERE code = $2)"
        }
        "field" => {
            "UPDATE service_field SET active = 0 WHERE field_id = $1
             AND service_type_id = (SELECT service_type_id FROM service_type WHERE code = $2)"
        }
        _ => return Err(ServiceError::NotFound),
    };
    let mut tx = db.begin().await?;
    let changed = sqlx::query(sql)
        .bind(id)
        .bind(code)
        .execute(&mut *tx)
        .await?
        .rows_affected();
    if changed == 0 {
        return Err(ServiceError::NotFound);
    }
    audit::record(
        &mut tx,
        &meta.actor(viewer),
        &format!("service.{what}_retired"),
        Some(&format!("service:{code}")),
        Some(&id.to_string()),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}
