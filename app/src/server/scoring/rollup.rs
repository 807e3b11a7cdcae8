//! Per-month rollups of the officer scores (migrations 0006, 0008; docs/SCORING.md "Rollups").
//! Every write that changes what a score is made of appends a delta row in its own transaction
//! — a credited answer ([`credit_response`]), a completed application ([`served_application`]),
//! a counter invitation ([`served_counter`]) — so concurrent writes never wait on a shared row;
//! the worker folds the deltas into the per-month rows ([`fold`]), and readers sum both
//! (`officer_month_parts`, `unit_month_parts`). An officer moving unit recomputes the units'
//! rows ([`refresh_unit`]); bulk loads rebuild everything ([`rebuild`]). The views
//! `officer_month_recomputed` and `unit_month_recomputed` define what the stored state
//! (`officer_month_current`, `unit_month_current`) must equal; [`verify`] compares.

use crate::domain::period::Period;
use crate::server::db::{Db, Engine};
use crate::server::error::ServiceError;
use sqlx::AnyConnection;

/// `YYYY-MM` bounds of a period (periods are whole months).
pub fn month_bounds(period: &Period) -> (String, String) {
    let month = |d: time::Date| format!("{:04}-{:02}", d.year(), u8::from(d.month()));
    (month(period.first_day()), month(period.last_day()))
}

/// Adds one stored response to the rollups (as deltas) of the officers credited with it and of their units.
/// Call after its `survey_response_credit` rows are written, in the same transaction.
pub async fn credit_response(
    conn: &mut AnyConnection,
    response_id: i64,
) -> Result<(), ServiceError> {
    sqlx::query(
        "INSERT INTO officer_month_delta (officer_account_id, month, credited, n, sum_hp, sum_sq_hp, invited, served)
         SELECT c.officer_account_id, r.month, 1, CASE WHEN r.hp IS NULL THEN 0 ELSE 1 END,
                COALESCE(r.hp, 0), COALESCE(r.hp * r.hp, 0), CASE WHEN r.channel = 'paper' THEN 0 ELSE 1 END, 0
         FROM survey_response_credit c JOIN response_half_points r ON r.response_id = c.response_id
         WHERE c.response_id = $1",
    )
    .bind(response_id)
    .execute(&mut *conn)
    .await?;
    // Each unit once, however many of its officers share the answer (REFERENCE §4.1 μ).
    sqlx::query(
        "INSERT INTO unit_month_delta (unit_key, month, responses, sum_hp)
         SELECT DISTINCT COALESCE(s.unit_id, 0), r.month, 1, r.hp
         FROM survey_response_credit c
         JOIN staff s ON s.account_id = c.officer_account_id
         JOIN response_half_points r ON r.response_id = c.response_id
         WHERE c.response_id = $1 AND r.hp IS NOT NULL",
    )
    .bind(response_id)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Counts a completed application for the officers credited with it (the response rate's
/// denominator). Call after the credit is frozen and `finished_on` set, in the same transaction.
pub async fn served_application(
    conn: &mut AnyConnection,
    application_id: i64,
) -> Result<(), ServiceError> {
    sqlx::query(
        "INSERT INTO officer_month_delta (officer_account_id, month, served)
         SELECT c.officer_account_id, substr(a.finished_on, 1, 7), 1
         FROM application_credit c JOIN application a ON a.application_id = c.application_id
         WHERE c.application_id = $1 AND a.state = 'completed' AND a.finished_on IS NOT NULL",
    )
    .bind(application_id)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Counts a counter invitation for the officer who issued it, in the month of `service_day`.
pub async fn served_counter(
    conn: &mut AnyConnection,
    officer_account_id: i64,
    service_day: &str,
) -> Result<(), ServiceError> {
    sqlx::query(
        "INSERT INTO officer_month_delta (officer_account_id, month, served) VALUES ($1, substr($2, 1, 7), 1)",
    )
    .bind(officer_account_id)
    .bind(service_day)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Recomputes one unit's μ rollups (`unit_key` 0: staff without a unit), after an officer
/// with credited answers joined or left it. On PostgreSQL the unit deltas are locked against
/// appends and folds until the transaction ends, so no answer is counted both in the
/// recomputation and as a delta.
pub async fn refresh_unit(conn: &mut AnyConnection, unit_key: i64) -> Result<(), ServiceError> {
    if conn.backend_name() == "PostgreSQL" {
        sqlx::query("LOCK TABLE unit_month_delta IN SHARE ROW EXCLUSIVE MODE")
            .execute(&mut *conn)
            .await?;
    }
    for sql in [
        "DELETE FROM unit_month_rollup WHERE unit_key = $1",
        "DELETE FROM unit_month_delta WHERE unit_key = $1",
    ] {
        sqlx::query(sql).bind(unit_key).execute(&mut *conn).await?;
    }
    sqlx::query(
        "INSERT INTO unit_month_rollup (unit_key, month, responses, sum_hp)
         SELECT $1, month, COUNT(*), SUM(hp) FROM (
             SELECT DISTINCT r.response_id, r.month, r.hp
             FROM staff s
             JOIN survey_response_credit c ON c.officer_account_id = s.account_id
             JOIN response_half_points r ON r.response_id = c.response_id
             WHERE COALESCE(s.unit_id, 0) = $1 AND r.hp IS NOT NULL
         ) d GROUP BY month",
    )
    .bind(unit_key)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Whether the account has answers credited to it (a unit move then changes μ).
pub async fn has_credits(conn: &mut AnyConnection, account_id: i64) -> Result<bool, ServiceError> {
    let found: Option<i64> = sqlx::query_scalar(
        "SELECT officer_account_id FROM officer_month_parts WHERE officer_account_id = $1 AND credited > 0 LIMIT 1",
    )
    .bind(account_id)
    .fetch_optional(&mut *conn)
    .await?;
    Ok(found.is_some())
}

/// Replaces every rollup with its recomputation from the raw data (after a bulk load).
pub async fn rebuild(db: &Db) -> Result<(), ServiceError> {
    let mut tx = db.begin().await?;
    for sql in [
        "DELETE FROM officer_month_rollup",
        "DELETE FROM unit_month_rollup",
        "DELETE FROM officer_month_delta",
        "DELETE FROM unit_month_delta",
        "INSERT INTO officer_month_rollup (officer_account_id, month, credited, n, sum_hp, sum_sq_hp, invited, served)
         SELECT officer_account_id, month, credited, n, sum_hp, sum_sq_hp, invited, served FROM officer_month_recomputed",
        "INSERT INTO unit_month_rollup (unit_key, month, responses, sum_hp)
         SELECT unit_key, month, responses, sum_hp FROM unit_month_recomputed",
    ] {
        sqlx::query(sql).execute(&mut *tx).await?;
    }
    tx.commit().await?;
    Ok(())
}

/// Folds the unfolded deltas into the per-month rows, in one transaction; returns how many
/// per-month rows it added to. Readers see the same sums before and after. On PostgreSQL one
/// server folds at a time (a transaction-scoped advisory lock; the others skip), and each table's
/// deltas are moved by one statement (`DELETE … RETURNING` feeding the upsert), so a delta
/// committed meanwhile is either moved whole or left for the next fold.
pub async fn fold(db: &Db) -> Result<u64, ServiceError> {
    let mut tx = db.begin().await?;
    let mut folded = 0;
    match db.engine() {
        Engine::Postgres => {
            let ours: bool = sqlx::query_scalar("SELECT pg_try_advisory_xact_lock($1)")
                .bind(FOLD_LOCK)
                .fetch_one(&mut *tx)
                .await?;
            if !ours {
                return Ok(0);
            }
            for (from, into) in [(PG_MOVE_OFFICER, FOLD_OFFICER), (PG_MOVE_UNIT, FOLD_UNIT)] {
                let sql = format!("WITH moved AS ({from}) {}", into.replace("{from}", "moved"));
                folded += sqlx::query(&sql).execute(&mut *tx).await?.rows_affected();
            }
        }
        Engine::Sqlite => {
            // The one writer connection holds the write lock from the first statement to the
            // commit: nothing is appended between reading the deltas and deleting them.
            for (table, into) in [
                ("officer_month_delta", FOLD_OFFICER),
                ("unit_month_delta", FOLD_UNIT),
            ] {
                let upsert = into.replace("{from}", table);
                folded += sqlx::query(&upsert)
                    .execute(&mut *tx)
                    .await?
                    .rows_affected();
                sqlx::query(&format!("DELETE FROM {table}"))
                    .execute(&mut *tx)
                    .await?;
            }
        }
    }
    tx.commit().await?;
    Ok(folded)
}

/// Key of the PostgreSQL advisory lock that makes one server fold at a time.
const FOLD_LOCK: i64 = 0x5167_6170_0001;
const PG_MOVE_OFFICER: &str = "DELETE FROM officer_month_delta RETURNING *";
const PG_MOVE_UNIT: &str = "DELETE FROM unit_month_delta RETURNING *";
const FOLD_OFFICER: &str = "INSERT INTO officer_month_rollup
        (officer_account_id, month, credited, n, sum_hp, sum_sq_hp, invited, served)
    SELECT officer_account_id, month, CAST(SUM(credited) AS BIGINT), CAST(SUM(n) AS BIGINT),
           CAST(SUM(sum_hp) AS BIGINT), CAST(SUM(sum_sq_hp) AS BIGINT),
           CAST(SUM(invited) AS BIGINT), CAST(SUM(served) AS BIGINT)
    FROM {from} d WHERE true GROUP BY month, officer_account_id ORDER BY month, officer_account_id
    ON CONFLICT (month, officer_account_id) DO UPDATE SET
        credited = officer_month_rollup.credited + excluded.credited,
        n = officer_month_rollup.n + excluded.n,
        sum_hp = officer_month_rollup.sum_hp + excluded.sum_hp,
        sum_sq_hp = officer_month_rollup.sum_sq_hp + excluded.sum_sq_hp,
        invited = officer_month_rollup.invited + excluded.invited,
        served = officer_month_rollup.served + excluded.served";
const FOLD_UNIT: &str = "INSERT INTO unit_month_rollup (unit_key, month, responses, sum_hp)
    SELECT unit_key, month, CAST(SUM(responses) AS BIGINT), CAST(SUM(sum_hp) AS BIGINT)
    FROM {from} d WHERE true GROUP BY month, unit_key ORDER BY month, unit_key
    ON CONFLICT (month, unit_key) DO UPDATE SET
        responses = unit_month_rollup.responses + excluded.responses,
        sum_hp = unit_month_rollup.sum_hp + excluded.sum_hp";

/// Rows where the stored rollups and their recomputation differ (both directions), as
/// `table: key → stored vs recomputed`; empty when they agree.
pub async fn verify(db: &Db) -> Result<Vec<String>, ServiceError> {
    type OfficerRow = (i64, String, i64, i64, i64, i64, i64, i64);
    type UnitRow = (i64, String, i64, i64);
    let officer_sql = |table: &str| {
        format!(
            "SELECT officer_account_id, month, credited, n, sum_hp, sum_sq_hp, invited, served FROM {table}
             WHERE credited <> 0 OR served <> 0 ORDER BY officer_account_id, month"
        )
    };
    let unit_sql = |table: &str| {
        format!(
            "SELECT unit_key, month, responses, sum_hp FROM {table} WHERE responses <> 0 ORDER BY unit_key, month"
        )
    };
    let stored: Vec<OfficerRow> = sqlx::query_as(&officer_sql("officer_month_current"))
        .fetch_all(db.write())
        .await?;
    let fresh: Vec<OfficerRow> = sqlx::query_as(&officer_sql("officer_month_recomputed"))
        .fetch_all(db.write())
        .await?;
    let mut out = differences("officer_month_rollup", &stored, &fresh, |r| {
        (r.0, r.1.clone())
    });
    let stored: Vec<UnitRow> = sqlx::query_as(&unit_sql("unit_month_current"))
        .fetch_all(db.write())
        .await?;
    let fresh: Vec<UnitRow> = sqlx::query_as(&unit_sql("unit_month_recomputed"))
        .fetch_all(db.write())
        .await?;
    out.extend(differences("unit_month_rollup", &stored, &fresh, |r| {
        (r.0, r.1.clone())
    }));
    Ok(out)
}

fn differences<R, K>(table: &str, stored: &[R], fresh: &[R], key: impl Fn(&R) -> K) -> Vec<String>
where
    R: PartialEq + std::fmt::Debug,
    K: Ord + std::fmt::Debug,
{
    use std::collections::BTreeMap;
    let stored: BTreeMap<K, &R> = stored.iter().map(|r| (key(r), r)).collect();
    let fresh: BTreeMap<K, &R> = fresh.iter().map(|r| (key(r), r)).collect();
    let keys: std::collections::BTreeSet<&K> = stored.keys().chain(fresh.keys()).collect();
    keys.into_iter()
        .filter(|k| stored.get(*k) != fresh.get(*k))
        .map(|k| {
            format!(
                "{table}: {k:?} → stored {:?} vs recomputed {:?}",
                stored.get(k),
                fresh.get(k)
            )
        })
        .collect()
}
