//! The work queue of a unit (REFERENCE §2.2): new, mine, waiting for corrections, overdue, all —
//! with counts, oldest first, and the unit's officers for supervisors assigning work.

use super::{day_text, today};
use crate::api::applications::{ApplicationSummary, Queue, QueueTab};
use crate::auth::{Role, Viewer};
use crate::domain::application_state::State;
use crate::i18n::I18n;
use crate::server::{error::ServiceError, state::AppState};

const OPEN: &str = "('submitted','in_verification','resubmitted','in_process','approved')";

fn condition(tab: QueueTab) -> String {
    match tab {
        QueueTab::New => {
            "a.state IN ('submitted','resubmitted') AND a.assigned_account_id IS NULL".into()
        }
        QueueTab::Mine => format!("a.state IN {OPEN} AND a.assigned_account_id = $2"),
        QueueTab::Correction => "a.state = 'needs_correction'".into(),
        QueueTab::Overdue => format!("a.state IN {OPEN} AND a.due_on < $3"),
        QueueTab::All => format!("(a.state IN {OPEN} OR a.state = 'needs_correction')"),
    }
}

type QueueRow = (
    i64,
    Option<String>,
    String,
    String,
    String,
    String,
    Option<String>,
    Option<String>,
    Option<String>,
    String,
);

/// The queue of the viewer's unit.
pub async fn load(
    state: &AppState,
    viewer: &Viewer,
    tab: QueueTab,
    i18n: I18n,
) -> Result<Queue, ServiceError> {
    let (me, unit_id) = match viewer {
        Viewer::Staff {
            account_id,
            unit_id: Some(unit),
            ..
        } if viewer.has_role(Role::Officer) || viewer.has_role(Role::Supervisor) => {
            (*account_id, *unit)
        }
        Viewer::Anonymous => return Err(ServiceError::Unauthorized),
        _ => return Err(ServiceError::Forbidden),
    };
    let today = day_text(today(state));
    let mut counts = Vec::new();
    for t in QueueTab::ALL {
        // Every placeholder is used by every query so the binds stay the same.
        let sql = format!(
            "SELECT COUNT(*) FROM application a WHERE a.unit_id = $1 AND $2 = $2 AND $3 = $3 AND {}",
            condition(t)
        );
        let n: i64 = sqlx::query_scalar(&sql)
            .bind(unit_id)
            .bind(me)
            .bind(&today)
            .fetch_one(state.db.read())
            .await?;
        counts.push((t, n));
    }
    let sql = format!(
        "SELECT a.application_id, a.reg_number, s.name_id, s.name_en, a.applicant_name, a.state, a.submitted_on, a.due_on,
                st.full_name, a.channel
         FROM application a JOIN service_type s ON s.service_type_id = a.service_type_id
         LEFT JOIN staff st ON st.account_id = a.assigned_account_id
         WHERE a.unit_id = $1 AND $2 = $2 AND $3 = $3 AND {}
         ORDER BY a.submitted_at, a.application_id LIMIT 200",
        condition(tab)
    );
    let rows: Vec<QueueRow> = sqlx::query_as(&sql)
        .bind(unit_id)
        .bind(me)
        .bind(&today)
        .fetch_all(state.db.read())
        .await?;
    let items = rows
        .into_iter()
        .map(
            |(
                id,
                reg_number,
                name_id,
                name_en,
                applicant_name,
                st,
                submitted_on,
                due_on,
                assigned_to,
                channel,
            )| {
                let st = State::parse(&st).unwrap_or(State::Submitted);
                ApplicationSummary {
                    id,
                    reg_number,
                    service_name: crate::pages::catalog::pick(i18n, &name_id, &name_en),
                    applicant_name,
                    state: st,
                    overdue: st.is_open_for_staff()
                        && due_on.as_deref().is_some_and(|d| d < today.as_str()),
                    submitted_on,
                    due_on,
                    assigned_to,
                    counter: channel == "counter",
                }
            },
        )
        .collect();
    let officers: Vec<(i64, String)> = if viewer.has_role(Role::Supervisor) {
        sqlx::query_as(
            "SELECT s.account_id, s.full_name FROM staff s JOIN account a ON a.account_id = s.account_id
             JOIN staff_role r ON r.account_id = s.account_id
             WHERE s.unit_id = $1 AND a.active = 1 AND r.role = 'officer' ORDER BY s.full_name",
        )
        .bind(unit_id)
        .fetch_all(state.db.read())
        .await?
    } else {
        vec![]
    };
    Ok(Queue {
        counts,
        items,
        officers,
    })
}
