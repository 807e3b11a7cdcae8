//! Staff accounts as admins manage them: list, create, edit (name, unit, roles, supervisor,
//! email), deactivate (ending every session at once) and send activation links. Every change
//! is audited. The upsert here is shared with the CSV import.

use super::{password::issue_token, password::send_link, password::TokenPurpose, RequestMeta};
use crate::api::admin::{StaffFilter, StaffRow};
use crate::api::error::FieldError;
use crate::auth::{Role, Viewer};
use crate::domain::roster::parse_staff;
use crate::forms::field_error;
use crate::i18n::{admin as ad, errors, I18n};
use crate::server::{audit, db::now_millis, db::Db, error::ServiceError, session};
use serde::Deserialize;

mod upsert;
pub use upsert::{find_supervisor, set_supervisor, upsert_staff, Upserted};

/// The staff form as submitted.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct StaffInput {
    /// NIP (ignored when editing: the NIP in the address wins).
    pub nip: String,
    /// Full name.
    pub full_name: String,
    /// Unit code.
    pub unit_code: String,
    /// Ticked roles.
    pub roles: Vec<String>,
    /// Supervisor's NIP.
    pub supervisor_nip: String,
    /// Work email.
    pub email: String,
}

impl StaffInput {
    /// The values to show again if the form is refused.
    pub fn echo(&self) -> Vec<(String, String)> {
        let mut values = vec![
            ("nip".into(), self.nip.clone()),
            ("full_name".into(), self.full_name.clone()),
            ("unit_code".into(), self.unit_code.clone()),
            ("supervisor_nip".into(), self.supervisor_nip.clone()),
            ("email".into(), self.email.clone()),
        ];
        values.extend(
            self.roles
                .iter()
                .map(|r| (format!("roles_{r}"), "on".to_owned())),
        );
        values
    }
}

/// Refuses anyone but an admin.
pub fn require_admin(viewer: &Viewer) -> Result<(), ServiceError> {
    match viewer {
        Viewer::Anonymous => Err(ServiceError::Unauthorized),
        v if v.has_role(Role::Admin) => Ok(()),
        _ => Err(ServiceError::Forbidden),
    }
}

type StaffDbRow = (
    String,
    String,
    Option<String>,
    Option<String>,
    Option<String>,
    i64,
    Option<String>,
    Option<String>,
);

const STAFF_SELECT: &str =
    "SELECT s.nip, s.full_name, u.code, sup.nip, a.email, a.active, a.password_hash,
        (SELECT GROUP_CONCAT_PLACEHOLDER FROM staff_role r WHERE r.account_id = s.account_id)
     FROM staff s JOIN account a ON a.account_id = s.account_id
     LEFT JOIN unit u ON u.unit_id = s.unit_id
     LEFT JOIN staff sup ON sup.account_id = s.supervisor_account_id";

fn staff_select(db: &Db) -> String {
    // The one place the engines' string aggregation differs.
    let agg = match db.engine() {
        crate::server::db::Engine::Sqlite => "group_concat(r.role, ';')",
        crate::server::db::Engine::Postgres => "string_agg(r.role, ';' ORDER BY r.role)",
    };
    STAFF_SELECT.replace("GROUP_CONCAT_PLACEHOLDER", agg)
}

fn to_row(r: StaffDbRow) -> StaffRow {
    let (nip, name, unit_code, supervisor_nip, email, active, hash, roles) = r;
    let mut roles: Vec<Role> = roles
        .unwrap_or_default()
        .split(';')
        .filter_map(Role::parse)
        .collect();
    roles.sort();
    StaffRow {
        nip,
        name,
        unit_code,
        roles,
        supervisor_nip,
        email,
        active: active == 1,
        activated: hash.is_some(),
    }
}

/// Staff matching the filter, by name.
pub async fn list_staff(
    db: &Db,
    viewer: &Viewer,
    filter: &StaffFilter,
) -> Result<Vec<StaffRow>, ServiceError> {
    require_admin(viewer)?;
    let sql = format!(
        "{} WHERE ($1 = '' OR u.code = $1) AND ($2 = '' OR lower(s.full_name) LIKE '%' || lower($2) || '%' OR s.nip LIKE $2 || '%')
         ORDER BY s.full_name LIMIT 500",
        staff_select(db)
    );
    let rows: Vec<StaffDbRow> = sqlx::query_as(&sql)
        .bind(filter.unit.trim().to_uppercase())
        .bind(filter.q.trim())
        .fetch_all(db.read())
        .await?;
    Ok(rows.into_iter().map(to_row).collect())
}

/// One staff member by NIP.
pub async fn get_staff(db: &Db, viewer: &Viewer, nip: &str) -> Result<StaffRow, ServiceError> {
    require_admin(viewer)?;
    let sql = format!("{} WHERE s.nip = $1", staff_select(db));
    let row: Option<StaffDbRow> = sqlx::query_as(&sql)
        .bind(nip)
        .fetch_optional(db.read())
        .await?;
    row.map(to_row).ok_or(ServiceError::NotFound)
}

/// Saves the admin's staff form: creates (with an activation email) or updates `editing`.
/// Returns whether the person was created.
pub async fn save_staff(
    db: &Db,
    viewer: &Viewer,
    input: &StaffInput,
    editing: Option<&str>,
    base_url: &str,
    meta: &RequestMeta,
    i18n: I18n,
) -> Result<bool, ServiceError> {
    require_admin(viewer)?;
    let nip_typed = editing.unwrap_or(&input.nip);
    let roles: Vec<&str> = input.roles.iter().map(String::as_str).collect();
    let record = parse_staff(
        nip_typed,
        &input.full_name,
        &input.unit_code,
        &roles,
        &input.supervisor_nip,
        &input.email,
    )
    .map_err(|errs| {
        ServiceError::Validation(
            errs.iter()
                .map(|e| field_error(form_field(e.field()), errors::record(i18n, e)))
                .collect(),
        )
    })?;
    let mut tx = db.begin().await?;
    let mut problems: Vec<FieldError> = Vec::new();
    let unit_id: Option<i64> = sqlx::query_scalar("SELECT unit_id FROM unit WHERE code = $1")
        .bind(record.unit_code.as_str())
        .fetch_optional(&mut *tx)
        .await?;
    if unit_id.is_none() {
        problems.push(field_error("unit_code", i18n.t(ad::UNIT_UNKNOWN)));
    }
    let exists: Option<i64> = sqlx::query_scalar("SELECT account_id FROM staff WHERE nip = $1")
        .bind(record.nip.as_str())
        .fetch_optional(&mut *tx)
        .await?;
    match (editing, exists) {
        (None, Some(_)) => problems.push(field_error("nip", i18n.t(ad::NIP_TAKEN))),
        (Some(_), None) => return Err(ServiceError::NotFound),
        _ => {}
    }
    let supervisor = match &record.supervisor_nip {
        Some(nip) => {
            let found = find_supervisor(&mut tx, nip.as_str()).await?;
            if found.is_none() {
                problems.push(field_error(
                    "supervisor_nip",
                    i18n.f(ad::SUPERVISOR_UNKNOWN, &[("nip", &nip.as_str())]),
                ));
            }
            found
        }
        None => None,
    };
    if let Some(email) = &record.email {
        let taken: Option<i64> = sqlx::query_scalar(
            "SELECT a.account_id FROM account a JOIN staff s ON s.account_id = a.account_id
             WHERE a.kind = 'staff' AND a.email = $1 AND s.nip <> $2",
        )
        .bind(email.as_str())
        .bind(record.nip.as_str())
        .fetch_optional(&mut *tx)
        .await?;
        if taken.is_some() {
            problems.push(field_error("email", i18n.t(ad::STAFF_EMAIL_TAKEN)));
        }
    }
    let Some(unit_id) = unit_id.filter(|_| problems.is_empty()) else {
        tx.rollback().await?;
        return Err(ServiceError::Validation(problems));
    };
    let actor = meta.actor(viewer);
    let outcome = upsert_staff(&mut tx, &record, unit_id, &actor).await?;
    set_supervisor(&mut tx, outcome.account_id(), supervisor).await?;
    let created = matches!(outcome, Upserted::Created(_));
    if let (true, Some(email)) = (created, &record.email) {
        let token = issue_token(&mut tx, outcome.account_id(), TokenPurpose::Activate).await?;
        send_link(
            &mut tx,
            base_url,
            email.as_str(),
            record.name.as_str(),
            &token,
            TokenPurpose::Activate,
            i18n,
        )
        .await?;
    }
    tx.commit().await?;
    Ok(created)
}

/// Maps a record field to the form's field name.
fn form_field(field: &str) -> &str {
    match field {
        "name" => "full_name",
        other => other,
    }
}

/// Deactivates or reactivates a staff account; deactivation ends its sessions at once.
pub async fn set_active(
    db: &Db,
    viewer: &Viewer,
    nip: &str,
    active: bool,
    meta: &RequestMeta,
) -> Result<(), ServiceError> {
    require_admin(viewer)?;
    let mut tx = db.begin().await?;
    let account_id: Option<i64> = sqlx::query_scalar("SELECT account_id FROM staff WHERE nip = $1")
        .bind(nip)
        .fetch_optional(&mut *tx)
        .await?;
    let account_id = account_id.ok_or(ServiceError::NotFound)?;
    sqlx::query("UPDATE account SET active = $1, updated_at = $2 WHERE account_id = $3")
        .bind(i64::from(active))
        .bind(now_millis())
        .bind(account_id)
        .execute(&mut *tx)
        .await?;
    if !active {
        session::end_all(&mut tx, account_id, None).await?;
    }
    let action = if active {
        "staff.reactivated"
    } else {
        "staff.deactivated"
    };
    audit::record(
        &mut tx,
        &meta.actor(viewer),
        action,
        Some(&format!("account:{account_id}")),
        None,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Emails a fresh activation link to a staff member.
pub async fn send_activation(
    db: &Db,
    viewer: &Viewer,
    nip: &str,
    base_url: &str,
    meta: &RequestMeta,
    i18n: I18n,
) -> Result<(), ServiceError> {
    require_admin(viewer)?;
    let row: Option<(i64, String, Option<String>)> = sqlx::query_as(
        "SELECT s.account_id, s.full_name, a.email FROM staff s JOIN account a ON a.account_id = s.account_id
         WHERE s.nip = $1",
    )
    .bind(nip)
    .fetch_optional(db.read())
    .await?;
    let (account_id, name, email) = row.ok_or(ServiceError::NotFound)?;
    let email = email.ok_or_else(|| ServiceError::Conflict(i18n.t(ad::STAFF_NO_EMAIL).into()))?;
    let mut tx = db.begin().await?;
    let token = issue_token(&mut tx, account_id, TokenPurpose::Activate).await?;
    send_link(
        &mut tx,
        base_url,
        &email,
        &name,
        &token,
        TokenPurpose::Activate,
        i18n,
    )
    .await?;
    audit::record(
        &mut tx,
        &meta.actor(viewer),
        "staff.activation_sent",
        Some(&format!("account:{account_id}")),
        None,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}
