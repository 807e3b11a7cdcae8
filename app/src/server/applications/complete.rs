//! Finishing an application and telling the applicant: the notifications (through the
//! outbox, in the same transaction as their event), the end of the clock, and — on completion —
//! the permit and the frozen set of officers credited with the citizen's rating (REFERENCE §4).

use super::{calendar_and_pauses, day_text, parse_day, today, AppRow};
use crate::domain::application_state::StaffAction;
use crate::domain::registration::PermitNumberParts;
use crate::domain::workdays::sla;
use crate::i18n::{apply as ap, I18n, Lang};
use crate::server::{db::now_millis, error::ServiceError, keys, outbox, state::AppState};

/// What the applicant is told.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Notice {
    /// The application was received.
    Submitted,
    /// Staff ask for corrections.
    CorrectionRequested,
    /// Approved; the permit follows.
    Approved,
    /// Rejected, with the reason.
    Rejected,
    /// Completed; the permit can be printed.
    Completed,
}

impl Notice {
    fn code(self) -> &'static str {
        match self {
            Notice::Submitted => "submitted",
            Notice::CorrectionRequested => "correction",
            Notice::Approved => "approved",
            Notice::Rejected => "rejected",
            Notice::Completed => "completed",
        }
    }
}

/// Queues the email for `notice` (applicants without email are told on the portal only). The
/// message is bilingual: the portal does not know which language the applicant reads email in.
pub async fn notify(
    conn: &mut sqlx::AnyConnection,
    row: &AppRow,
    reg_number: &str,
    notice: Notice,
    note: Option<&str>,
) -> Result<(), ServiceError> {
    notify_with_link(conn, row, reg_number, notice, note, None).await
}

/// [`notify`] with a link for the applicant (the survey invitation of a completed application).
pub async fn notify_with_link(
    conn: &mut sqlx::AnyConnection,
    row: &AppRow,
    reg_number: &str,
    notice: Notice,
    note: Option<&str>,
    link: Option<&str>,
) -> Result<(), ServiceError> {
    let Some(email) = row.applicant_email.as_deref() else {
        return Ok(());
    };
    let (subject, body) = match notice {
        Notice::Submitted => (ap::MAIL_SUBMITTED_SUBJECT, ap::MAIL_SUBMITTED_BODY),
        Notice::CorrectionRequested => (ap::MAIL_CORRECTION_SUBJECT, ap::MAIL_CORRECTION_BODY),
        Notice::Approved => (ap::MAIL_APPROVED_SUBJECT, ap::MAIL_APPROVED_BODY),
        Notice::Rejected => (ap::MAIL_REJECTED_SUBJECT, ap::MAIL_REJECTED_BODY),
        Notice::Completed => (ap::MAIL_COMPLETED_SUBJECT, ap::MAIL_COMPLETED_BODY),
    };
    let text = |lang| {
        let i18n = I18n { lang };
        i18n.f(
            body,
            &[
                ("name", &row.applicant_name),
                ("number", &reg_number),
                ("service", &row.service_name(lang)),
                ("note", &note.unwrap_or("-")),
                ("link", &link.unwrap_or("-")),
            ],
        )
    };
    let subject = format!("{} {reg_number}", I18n { lang: Lang::Id }.t(subject));
    let body = format!("{}\n\n— English —\n\n{}", text(Lang::Id), text(Lang::En));
    let dedupe = format!(
        "application:{}:{}:{}",
        row.application_id,
        notice.code(),
        now_millis()
    );
    outbox::enqueue(
        conn,
        &outbox::NewMessage {
            dedupe_key: &dedupe,
            recipient: email,
            subject: &subject,
            body: &body,
        },
    )
    .await
}

/// Stops the clock: records the finish date, the working days used and whether the
/// application finished within its standard.
pub async fn finish_clock(
    conn: &mut sqlx::AnyConnection,
    state: &AppState,
    row: &AppRow,
) -> Result<(), ServiceError> {
    let today = today(state);
    let submitted = row
        .submitted_on
        .as_deref()
        .and_then(parse_day)
        .unwrap_or(today);
    let (calendar, pauses) = calendar_and_pauses(conn, row.application_id).await?;
    let status = sla(
        submitted,
        &pauses,
        u32::try_from(row.completion_days).unwrap_or(1),
        Some(today),
        today,
        &calendar,
    );
    sqlx::query("UPDATE application SET finished_on = $1, sla_days_used = $2, on_time = $3 WHERE application_id = $4")
        .bind(day_text(today))
        .bind(i64::from(status.used_days))
        .bind(i64::from(status.on_time.unwrap_or(false)))
        .bind(row.application_id)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Freezes the officers credited with this application's rating: those recorded on the
/// service's citizen-facing steps. Later reassignment does not change it (REFERENCE §4).
pub async fn freeze_credit(
    conn: &mut sqlx::AnyConnection,
    row: &AppRow,
) -> Result<u64, ServiceError> {
    let facing: Vec<&str> = row
        .citizen_facing
        .split(',')
        .filter(|s| StaffAction::parse(s).is_some())
        .collect();
    let mut credited = 0;
    let officers: Vec<(i64, String)> = sqlx::query_as(
        "SELECT DISTINCT actor_account_id, action FROM application_event
         WHERE application_id = $1 AND actor_kind = 'staff' AND actor_account_id IS NOT NULL",
    )
    .bind(row.application_id)
    .fetch_all(&mut *conn)
    .await?;
    for (officer, action) in officers {
        if facing.contains(&action.as_str()) {
            credited += sqlx::query(
                "INSERT INTO application_credit (application_id, officer_account_id) VALUES ($1, $2) ON CONFLICT DO NOTHING",
            )
            .bind(row.application_id)
            .bind(officer)
            .execute(&mut *conn)
            .await?
            .rows_affected();
        }
    }
    Ok(credited)
}

/// Issues the permit of a completed application: the next number in the unit's yearly
/// sequence, rendered with the instance's pattern, and an unguessable verification code.
pub async fn issue_permit(
    conn: &mut sqlx::AnyConnection,
    state: &AppState,
    row: &AppRow,
) -> Result<String, ServiceError> {
    let pattern = crate::server::permit_pattern::current(&mut *conn).await?;
    let year = today(state).year();
    // One completion of a unit at a time takes the next number: this no-op write locks the
    // unit's row, so a concurrent completion waits here instead of reading the same MAX.
    sqlx::query("UPDATE unit SET updated_at = updated_at WHERE unit_id = $1")
        .bind(row.unit_id)
        .execute(&mut *conn)
        .await?;
    let seq: i64 = sqlx::query_scalar(
        "SELECT COALESCE(MAX(sequence), 0) + 1 FROM permit WHERE unit_id = $1 AND year = $2",
    )
    .bind(row.unit_id)
    .bind(i64::from(year))
    .fetch_one(&mut *conn)
    .await?;
    let service = if row.permit_code.is_empty() {
        row.service_code.as_str()
    } else {
        row.permit_code.as_str()
    };
    let number = pattern.render(&PermitNumberParts {
        archive: "503",
        seq,
        service,
        unit: &row.unit_code,
        year,
    });
    let code: String = keys::random_token()
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .take(16)
        .collect();
    sqlx::query(
        "INSERT INTO permit (application_id, number, sequence, year, unit_id, holder_name, verify_code, issued_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(row.application_id)
    .bind(&number)
    .bind(seq)
    .bind(i64::from(year))
    .bind(row.unit_id)
    .bind(&row.applicant_name)
    .bind(&code)
    .bind(now_millis())
    .execute(&mut *conn)
    .await?;
    Ok(number)
}
