//! No state changes on GET (issue 8): every page, download and server function the matrix
//! lists under GET, requested as every kind of person, leaves every table as it was — a link
//! followed, prefetched or forged into an `<img>` can change nothing. Sessions (renewed on
//! use), rate-limit windows and the audit log (reads of personal data are recorded) are the
//! deliberate exceptions.

use crate::common::{self, TestApp};
use crate::matrix::{arrange, requests};
use axum::body::Body;
use axum::http::Request;

const TABLES: &[&str] = &[
    "unit",
    "setting",
    "account",
    "citizen",
    "staff",
    "staff_role",
    "account_token",
    "outbox",
    "service_type",
    "service_requirement",
    "service_field",
    "holiday",
    "application",
    "application_event",
    "application_document",
    "application_correction",
    "sla_pause",
    "application_credit",
    "permit",
    "survey_invitation",
    "survey_response",
    "survey_response_source",
    "survey_response_credit",
    "survey_followup",
    "improvement_action",
    "appraisal_period",
    "appraisal",
    "appraisal_evidence",
    "appraisal_contest",
    "unit_org_rating",
    "talent_potential",
    "officer_month_rollup",
    "unit_month_rollup",
    "officer_month_delta",
    "unit_month_delta",
];

/// Tables whose rows are changed in place, with the column that moves when they are.
const CHANGED_IN_PLACE: &[(&str, &str)] = &[
    ("unit", "updated_at"),
    ("setting", "updated_at"),
    ("account", "updated_at"),
    ("service_type", "updated_at"),
    ("application", "updated_at"),
    ("survey_invitation", "used_at"),
    ("survey_followup", "closed_at"),
    ("appraisal", "updated_at"),
    ("outbox", "next_attempt_at"),
];

/// Row counts of every table and the latest change of the rows changed in place.
async fn digest(app: &TestApp) -> Vec<(String, i64)> {
    let mut out = Vec::new();
    for table in TABLES {
        let n: i64 = sqlx::query_scalar(&format!("SELECT COUNT(*) FROM {table}"))
            .fetch_one(app.db.write())
            .await
            .unwrap();
        out.push((table.to_string(), n));
    }
    for (table, column) in CHANGED_IN_PLACE {
        let sql = format!("SELECT CAST(COALESCE(SUM({column}), 0) AS BIGINT) FROM {table}");
        let n: i64 = sqlx::query_scalar(&sql)
            .fetch_one(app.db.write())
            .await
            .unwrap_or_else(|e| panic!("{sql}: {e}"));
        out.push((format!("{table}.{column}"), n));
    }
    out
}

db_test!(no_get_request_changes_anything, |app| {
    let (records, jars) = arrange(&app).await;
    let mut changed = Vec::new();
    let mut tried = 0;
    for (method, template, path, _) in requests(records) {
        if method != "GET" {
            continue;
        }
        for jar in &jars {
            let before = digest(&app).await;
            let request = Request::get(&path)
                .header("host", common::HOST)
                .header("cookie", jar.header())
                .body(Body::empty())
                .unwrap();
            let status = app.send(request).await.status();
            tried += 1;
            let after = digest(&app).await;
            let moved: Vec<_> = before
                .iter()
                .zip(&after)
                .filter(|(b, a)| b != a)
                .map(|(b, a)| format!("{} {} → {}", b.0, b.1, a.1))
                .collect();
            if !moved.is_empty() {
                changed.push(format!("GET {template} ({status}): {}", moved.join(", ")));
            }
        }
    }
    println!("safe methods: {tried} GET requests, none changed state");
    assert!(tried > 100, "the matrix lists the GET endpoints");
    assert!(changed.is_empty(), "{}", changed.join("\n"));
});
