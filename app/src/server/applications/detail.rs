//! Everything the application page shows, for the applicant or for the unit's staff. A staff
//! read of the applicant's personal data is written to the audit log (REFERENCE §6).

use super::{calendar_and_pauses, load_visible, parse_day, today, AppRow};
use crate::api::applications::{
    AnswerView, ApplicationDetail, DocumentView, RequirementStatus, TimelineEntry,
};
use crate::auth::Viewer;
use crate::domain::application_state::{staff_actions, Action, State};
use crate::domain::nik::Nik;
use crate::domain::workdays::sla;
use crate::i18n::{apply as ap, I18n};
use crate::pages::catalog::pick;
use crate::server::{accounts::RequestMeta, audit, error::ServiceError, state::AppState};
use std::collections::BTreeMap;

/// Loads the page of application `id` for `viewer`.
pub async fn load(
    state: &AppState,
    viewer: &Viewer,
    id: i64,
    i18n: I18n,
    meta: &RequestMeta,
) -> Result<ApplicationDetail, ServiceError> {
    let row = load_visible(state, viewer, id).await?;
    let staff_view = row.is_unit_staff(viewer) && !row.is_applicant(viewer);
    if staff_view {
        let mut conn = state.db.write().acquire().await?;
        audit::record(
            &mut conn,
            &meta.actor(viewer),
            "application.viewed",
            Some(&format!("application:{id}")),
            Some("personal data"),
        )
        .await?;
    }
    let mut conn = state.db.read().acquire().await?;
    let answers = answers(&mut conn, &row, i18n).await?;
    let requirements = requirements(&mut conn, &row, i18n, state.config.time_zone).await?;
    let timeline = timeline(&mut conn, state, id, i18n).await?;
    let st = row.state();
    let today = today(state);
    let submitted = row.submitted_on.as_deref().and_then(parse_day);
    let clock = match submitted {
        Some(day) if !matches!(st, State::Withdrawn) => {
            let (calendar, pauses) = calendar_and_pauses(&mut conn, id).await?;
            let finished = row.finished_on.as_deref().and_then(parse_day);
            Some(sla(
                day,
                &pauses,
                u32::try_from(row.completion_days).unwrap_or(1),
                finished,
                today,
                &calendar,
            ))
        }
        _ => None,
    };
    let applicant_nik = if staff_view {
        row.applicant_nik.clone()
    } else {
        Nik::parse(&row.applicant_nik)
            .map(|n| n.masked())
            .unwrap_or_default()
    };
    let contact = staff_view.then(|| {
        [row.applicant_email.clone(), row.applicant_phone.clone()]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" · ")
    });
    Ok(ApplicationDetail {
        id,
        reg_number: row.reg_number.clone(),
        service_code: row.service_code.clone(),
        service_name: row.service_name(i18n.lang),
        unit_name: row.unit_name.clone(),
        state: st,
        applicant_name: row.applicant_name.clone(),
        applicant_nik,
        applicant_contact: contact.filter(|c| !c.is_empty()),
        counter: row.channel == "counter",
        answers,
        requirements,
        general_correction: row.general_correction.clone(),
        timeline,
        completion_days: row.completion_days,
        submitted_on: row.submitted_on.clone(),
        due_on: clock.map(|c| super::day_text(c.due)).or(row.due_on.clone()),
        used_days: clock.map(|c| i64::from(c.used_days)),
        overdue: clock.is_some_and(|c| c.overdue) && st.is_open_for_staff(),
        on_time: row.on_time.map(|v| v == 1),
        decision_reason: row.decision_reason.clone(),
        permit_number: row.permit_number.clone(),
        assigned_to: row.assigned_name.clone(),
        staff_actions: if row.is_unit_staff(viewer) {
            staff_actions(st)
        } else {
            vec![]
        },
        editable: row.is_applicant(viewer) && st.awaiting_citizen(),
        can_withdraw: row.is_applicant(viewer) && st.before_decision(),
    })
}

async fn answers(
    conn: &mut sqlx::AnyConnection,
    row: &AppRow,
    i18n: I18n,
) -> Result<Vec<AnswerView>, ServiceError> {
    let values: BTreeMap<String, String> =
        serde_json::from_str(&row.field_values).unwrap_or_default();
    let fields = crate::server::catalog::fields_on(conn, row.service_type_id).await?;
    Ok(fields
        .into_iter()
        .map(|f| AnswerView {
            value: values
                .get(&f.field_id.to_string())
                .cloned()
                .unwrap_or_default(),
            label: pick(i18n, &f.label_id, &f.label_en),
            field_id: f.field_id,
            kind: f.kind,
            choices: f.choices,
            required: f.required,
        })
        .collect())
}

/// A requirement with the document that meets it and the correction asked of it, one row each.
#[derive(sqlx::FromRow)]
struct RequirementRow {
    requirement_id: i64,
    label_id: String,
    label_en: String,
    needs_document: i64,
    accepted_types: String,
    max_size_kb: i64,
    document_id: Option<i64>,
    original_name: Option<String>,
    size_bytes: Option<i64>,
    uploaded_at: Option<i64>,
    correction: Option<String>,
}

/// The service's active requirements, each with the application's current document for it and
/// its open correction request: one statement, where the status page is read most.
async fn requirements(
    conn: &mut sqlx::AnyConnection,
    row: &AppRow,
    i18n: I18n,
    tz: crate::domain::tz::TimeZone,
) -> Result<Vec<RequirementStatus>, ServiceError> {
    let rows: Vec<RequirementRow> = sqlx::query_as(
        "SELECT r.requirement_id, r.label_id, r.label_en, r.needs_document, r.accepted_types,
                r.max_size_kb, d.document_id, d.original_name, d.size_bytes, d.uploaded_at,
                (SELECT c.note FROM application_correction c
                 WHERE c.application_id = $2 AND c.requirement_id = r.requirement_id
                   AND c.resolved_at IS NULL
                 ORDER BY c.correction_id LIMIT 1) AS correction
         FROM service_requirement r
         LEFT JOIN application_document d ON d.document_id =
             (SELECT MAX(x.document_id) FROM application_document x
              WHERE x.application_id = $2 AND x.requirement_id = r.requirement_id
                AND x.replaced_at IS NULL)
         WHERE r.service_type_id = $1 AND r.active = 1
         ORDER BY r.position, r.requirement_id",
    )
    .bind(row.service_type_id)
    .bind(row.application_id)
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| RequirementStatus {
            document: match (r.document_id, r.original_name) {
                (Some(id), Some(name)) => Some(DocumentView {
                    id,
                    name,
                    size_bytes: r.size_bytes.unwrap_or_default(),
                    uploaded: r.uploaded_at.map(|t| local_time(t, tz)).unwrap_or_default(),
                }),
                _ => None,
            },
            correction: r.correction,
            label: pick(i18n, &r.label_id, &r.label_en),
            requirement_id: r.requirement_id,
            needs_document: r.needs_document == 1,
            accepted_types: crate::server::catalog::accepted_types(&r.accepted_types),
            max_size_kb: r.max_size_kb,
        })
        .collect())
}

type EventRow = (i64, String, String, Option<String>, String, Option<String>);

async fn timeline(
    conn: &mut sqlx::AnyConnection,
    state: &AppState,
    id: i64,
    i18n: I18n,
) -> Result<Vec<TimelineEntry>, ServiceError> {
    let rows: Vec<EventRow> = sqlx::query_as(
        "SELECT e.at, e.action, e.to_state, e.note, e.actor_kind, s.full_name FROM application_event e
         LEFT JOIN staff s ON s.account_id = e.actor_account_id
         WHERE e.application_id = $1 ORDER BY e.at, e.event_id",
    )
    .bind(id)
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows
        .into_iter()
        .filter_map(|(at, action, to, note, kind, officer)| {
            Some(TimelineEntry {
                when: local_time(at, state.config.time_zone),
                action: Action::parse(&action)?,
                to: State::parse(&to)?,
                actor: match kind.as_str() {
                    "staff" => officer.unwrap_or_else(|| i18n.t(ap::ACTOR_OFFICER).into()),
                    "citizen" => i18n.t(ap::ACTOR_APPLICANT).into(),
                    _ => "Sigap".into(),
                },
                note,
            })
        })
        .collect())
}

/// An instant (ms) as local `YYYY-MM-DD HH:MM`.
pub fn local_time(millis: i64, tz: crate::domain::tz::TimeZone) -> String {
    let format = time::macros::format_description!("[year]-[month]-[day] [hour]:[minute]");
    time::OffsetDateTime::from_unix_timestamp_nanos(i128::from(millis) * 1_000_000)
        .map(|t| t.to_offset(tz.offset()))
        .ok()
        .and_then(|t| t.format(&format).ok())
        .map(|s| format!("{s} {}", tz.abbreviation()))
        .unwrap_or_default()
}
