//! Applications (REFERENCE §2.2): drafts and submission, the citizen's side, the officers'
//! queue and steps, completion with the permit, and the public status lookup. Every change of
//! state goes through the domain's state machine and is written to the tracking log in the same
//! transaction.

pub mod citizen;
pub mod complete;
pub mod counter;
pub mod detail;
pub mod download;
pub mod draft;
pub mod lookup;
pub mod queue;
pub mod staff;

use super::{db::now_millis, error::ServiceError, state::AppState};
use crate::auth::{Role, Viewer};
use crate::domain::application_state::{Action, State};

/// An application row with what its service says, as the services here need it.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct AppRow {
    /// Id.
    pub application_id: i64,
    /// Registration number, once submitted.
    pub reg_number: Option<String>,
    /// Its service.
    pub service_type_id: i64,
    /// Service code.
    pub service_code: String,
    /// Service name (Indonesian).
    pub service_name_id: String,
    /// Service name (English).
    pub service_name_en: String,
    /// Standard completion time.
    pub completion_days: i64,
    /// Steps credited to officers (comma-separated codes).
    pub citizen_facing: String,
    /// Permit code of the service.
    pub permit_code: String,
    /// The responsible unit.
    pub unit_id: i64,
    /// Its code.
    pub unit_code: String,
    /// Its name.
    pub unit_name: String,
    /// The applicant's account, if they have one.
    pub citizen_account_id: Option<i64>,
    /// Applicant's name (snapshot at application).
    pub applicant_name: String,
    /// Applicant's NIK (snapshot).
    pub applicant_nik: String,
    /// Applicant's email.
    pub applicant_email: Option<String>,
    /// Applicant's phone.
    pub applicant_phone: Option<String>,
    /// `online` or `counter`.
    pub channel: String,
    /// The officer who filed it at the counter.
    pub filed_by_account_id: Option<i64>,
    /// State code.
    pub state: String,
    /// Answers, JSON object by field id.
    pub field_values: String,
    /// Assigned officer.
    pub assigned_account_id: Option<i64>,
    /// Submission date.
    pub submitted_on: Option<String>,
    /// Due date.
    pub due_on: Option<String>,
    /// Finish date.
    pub finished_on: Option<String>,
    /// Finished within the standard.
    pub on_time: Option<i64>,
    /// Working days used.
    pub sla_days_used: Option<i64>,
    /// Rejection reason.
    pub decision_reason: Option<String>,
    /// The permit's number, once issued.
    pub permit_number: Option<String>,
    /// The assigned officer's name.
    pub assigned_name: Option<String>,
    /// The open correction request that names no requirement, if any.
    pub general_correction: Option<String>,
}

impl AppRow {
    /// The state (rows always hold a valid code).
    pub fn state(&self) -> State {
        State::parse(&self.state).unwrap_or(State::Draft)
    }

    /// Whether `viewer` is the applicant, or the officer who filed it at the counter.
    pub fn is_applicant(&self, viewer: &Viewer) -> bool {
        match viewer {
            Viewer::Citizen { account_id, .. } => self.citizen_account_id == Some(*account_id),
            Viewer::Staff { account_id, .. } => {
                self.channel == "counter" && self.filed_by_account_id == Some(*account_id)
            }
            Viewer::Anonymous => false,
        }
    }

    /// Whether `viewer` works in the responsible unit as an officer or supervisor.
    pub fn is_unit_staff(&self, viewer: &Viewer) -> bool {
        is_staff_of(viewer, self.unit_id)
    }

    /// The service name in `lang`.
    pub fn service_name(&self, lang: crate::i18n::Lang) -> String {
        crate::pages::catalog::pick(
            crate::i18n::I18n { lang },
            &self.service_name_id,
            &self.service_name_en,
        )
    }
}

/// Whether `viewer` is an officer or supervisor of unit `unit_id`.
pub fn is_staff_of(viewer: &Viewer, unit_id: i64) -> bool {
    matches!(viewer, Viewer::Staff { unit_id: Some(u), .. } if *u == unit_id)
        && (viewer.has_role(Role::Officer) || viewer.has_role(Role::Supervisor))
}

const ROW_SQL: &str = "SELECT a.application_id, a.reg_number, a.service_type_id, s.code AS service_code,
        s.name_id AS service_name_id, s.name_en AS service_name_en, s.completion_days, s.citizen_facing,
        s.permit_code, a.unit_id, u.code AS unit_code, u.name AS unit_name, a.citizen_account_id,
        a.applicant_name, a.applicant_nik, a.applicant_email, a.applicant_phone, a.channel,
        a.filed_by_account_id, a.state, a.field_values, a.assigned_account_id, a.submitted_on, a.due_on,
        a.finished_on, a.on_time, a.sla_days_used, a.decision_reason,
        (SELECT p.number FROM permit p WHERE p.application_id = a.application_id) AS permit_number,
        (SELECT st.full_name FROM staff st WHERE st.account_id = a.assigned_account_id) AS assigned_name,
        (SELECT c.note FROM application_correction c WHERE c.application_id = a.application_id
           AND c.requirement_id IS NULL AND c.resolved_at IS NULL
         ORDER BY c.correction_id LIMIT 1) AS general_correction
     FROM application a JOIN service_type s ON s.service_type_id = a.service_type_id
     JOIN unit u ON u.unit_id = a.unit_id";

/// Loads one application (within a transaction or on any connection).
pub async fn load_row(conn: &mut sqlx::AnyConnection, id: i64) -> Result<AppRow, ServiceError> {
    sqlx::query_as::<_, AppRow>(&format!("{ROW_SQL} WHERE a.application_id = $1"))
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?
        .ok_or(ServiceError::NotFound)
}

/// Loads one application the viewer is allowed to see: its applicant (or filing officer), or
/// the staff of its unit; anyone else gets "not found" (they may not know it exists).
pub async fn load_visible(
    state: &AppState,
    viewer: &Viewer,
    id: i64,
) -> Result<AppRow, ServiceError> {
    if !viewer.is_signed_in() {
        return Err(ServiceError::Unauthorized);
    }
    let mut conn = state.db.read().acquire().await?;
    let row = load_row(&mut conn, id).await?;
    let draft_hidden = row.state() == State::Draft && !row.is_applicant(viewer);
    if draft_hidden || !(row.is_applicant(viewer) || row.is_unit_staff(viewer)) {
        return Err(ServiceError::NotFound);
    }
    Ok(row)
}

/// Who took a step, for the tracking log.
#[derive(Clone, Copy, Debug)]
pub enum ActorKind {
    /// The applicant.
    Citizen,
    /// An officer.
    Staff,
    /// The portal itself.
    System,
}

/// Writes one step to the tracking log.
#[allow(clippy::too_many_arguments)]
pub async fn record_event(
    conn: &mut sqlx::AnyConnection,
    application_id: i64,
    actor: Option<i64>,
    kind: ActorKind,
    action: Action,
    from: State,
    to: State,
    citizen_facing: bool,
    note: Option<&str>,
) -> Result<(), ServiceError> {
    let kind = match kind {
        ActorKind::Citizen => "citizen",
        ActorKind::Staff => "staff",
        ActorKind::System => "system",
    };
    sqlx::query(
        "INSERT INTO application_event (application_id, at, actor_account_id, actor_kind, action, from_state, to_state, citizen_facing, note)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
    )
    .bind(application_id)
    .bind(now_millis())
    .bind(actor)
    .bind(kind)
    .bind(action.code())
    .bind(from.code())
    .bind(to.code())
    .bind(i64::from(citizen_facing))
    .bind(note)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Today in the instance's time zone.
pub fn today(state: &AppState) -> time::Date {
    state
        .config
        .time_zone
        .local_date(time::OffsetDateTime::now_utc())
}

/// A date as stored (`YYYY-MM-DD`).
pub fn day_text(day: time::Date) -> String {
    let format = time::macros::format_description!("[year]-[month]-[day]");
    day.format(&format).unwrap_or_default()
}

/// A stored date.
pub fn parse_day(text: &str) -> Option<time::Date> {
    let format = time::macros::format_description!("[year]-[month]-[day]");
    time::Date::parse(text, &format).ok()
}

/// The working-day calendar with the stored holidays.
pub async fn calendar(
    conn: &mut sqlx::AnyConnection,
) -> Result<crate::domain::workdays::Calendar, ServiceError> {
    Ok(crate::domain::workdays::Calendar::new(
        super::calendar::holiday_dates(conn).await?,
    ))
}

/// The working-day calendar and application `id`'s pauses, read in one statement (each
/// statement is a round trip to SQLite's worker thread; the status page is read often).
pub async fn calendar_and_pauses(
    conn: &mut sqlx::AnyConnection,
    id: i64,
) -> Result<
    (
        crate::domain::workdays::Calendar,
        Vec<crate::domain::workdays::Pause>,
    ),
    ServiceError,
> {
    let rows: Vec<(String, String, Option<String>)> = sqlx::query_as(
        "SELECT 'holiday' AS kind, day, NULL AS until, 0 AS pause_id FROM holiday
         UNION ALL
         SELECT 'pause', paused_on, resumed_on, pause_id FROM sla_pause WHERE application_id = $1
         ORDER BY 1, 4",
    )
    .bind(id)
    .fetch_all(&mut *conn)
    .await?;
    let (holidays, pauses): (Vec<_>, Vec<_>) = rows.into_iter().partition(|r| r.0 == "holiday");
    let calendar =
        crate::domain::workdays::Calendar::new(holidays.iter().filter_map(|r| parse_day(&r.1)));
    let pauses = pauses
        .into_iter()
        .filter_map(|(_, from, until)| {
            Some(crate::domain::workdays::Pause {
                from: parse_day(&from)?,
                until: until.as_deref().and_then(parse_day),
            })
        })
        .collect();
    Ok((calendar, pauses))
}
