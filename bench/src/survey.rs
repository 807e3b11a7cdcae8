//! Figure 1: survey answers accepted per second through the portal (token check, the
//! single-use update, the answer, its credit and rollups, the redirect) against the raw limit
//! of the same database: a bare insert of the same `survey_response` row, one per transaction,
//! through the same pool settings. Latency p50/p99 open-loop at half of the portal's peak.

use crate::load::{self, MakeRequest, Paced, Peak};
use crate::proc::{Running, Target, SECRET};
use app::server::config::Secret;
use app::server::db::Db;
use app::server::survey::SurveyKeys;
use http_body_util::Full;
use hyper::body::Bytes;
use hyper::{Request, StatusCode};
use serde::Serialize;
use std::sync::Arc;
use std::time::{Duration, Instant};

/// What figure 1 reports for one engine.
#[derive(Debug, Clone, Serialize)]
pub struct SurveyFigure {
    /// Engine.
    pub engine: &'static str,
    /// Bare inserts per second (the raw limit).
    pub raw_inserts_per_second: f64,
    /// Answers accepted per second at peak.
    pub answers: Peak,
    /// answers ÷ raw.
    pub ratio: f64,
    /// Open-loop latency at half of the peak.
    pub half_peak: Paced,
}

const ANSWERS: &str = "u1=3&u2=3&u3=2&u4=4&u5=3&u6=4&u7=4&u8=3&u9=2&gender=P&age=41&education=SMA&occupation=Swasta&suggestion=";

/// Counter invitations of the demo city's officers, and their signed tokens.
pub async fn invitations(target: &Target, count: usize) -> anyhow::Result<Vec<String>> {
    let db = Db::connect(&target.database_url).await?;
    // Spread over every officer and a service of their unit, as a day at the counters is.
    let pairs: Vec<(i64, i64, i64)> = sqlx::query_as(
        "SELECT st.unit_id, MIN(s.service_type_id), st.account_id FROM staff st
         JOIN staff_role r ON r.account_id = st.account_id AND r.role = 'officer'
         JOIN service_type s ON s.unit_id = st.unit_id
         GROUP BY st.unit_id, st.account_id ORDER BY st.account_id",
    )
    .fetch_all(db.write())
    .await?;
    anyhow::ensure!(
        !pairs.is_empty(),
        "the demo city has no officer with a service"
    );
    let now = app::server::db::now_millis();
    let (iat, exp) = (now / 1000, now / 1000 + 7 * 86_400);
    let day = time::OffsetDateTime::now_utc().date().to_string();
    let keys = SurveyKeys::new(&Secret::new(SECRET.as_bytes().to_vec()));
    let run = now;
    let mut tokens = Vec::with_capacity(count);
    for chunk in (0..count).collect::<Vec<_>>().chunks(500) {
        let mut sql = String::from(
            "INSERT INTO survey_invitation (jti, channel, unit_id, service_type_id, officer_account_id, service_date, issued_at, expires_at) VALUES ",
        );
        for (k, i) in chunk.iter().enumerate() {
            let jti = format!("bench-{run}-{i}");
            let (unit, service, officer) = pairs[i % pairs.len()];
            if k > 0 {
                sql.push(',');
            }
            sql += &format!(
                "('{jti}', 'counter', {unit}, {service}, {officer}, '{day}', {now}, {})",
                exp * 1000
            );
            tokens.push(keys.sign(&jti, iat, exp));
        }
        sqlx::query(&sql).execute(db.write()).await?;
    }
    db.close().await;
    Ok(tokens)
}

/// Bare inserts of the answer's row, `concurrency` at a time, for `duration`.
pub async fn raw_inserts(
    target: &Target,
    concurrency: usize,
    duration: Duration,
) -> anyhow::Result<f64> {
    let db = Db::connect(&target.database_url).await?;
    let (unit, service): (i64, i64) = sqlx::query_as(
        "SELECT unit_id, service_type_id FROM service_type ORDER BY service_type_id LIMIT 1",
    )
    .fetch_one(db.write())
    .await?;
    let db = Arc::new(db);
    let day = time::OffsetDateTime::now_utc().date().to_string();
    let start = Instant::now();
    let mut workers = Vec::new();
    for _ in 0..concurrency {
        let (db, day) = (db.clone(), day.clone());
        workers.push(tokio::spawn(async move {
            let (mut done, mut first, mut last) = (0_u64, i64::MAX, i64::MIN);
            while start.elapsed() < duration {
                let result: Result<i64, sqlx::Error> = sqlx::query_scalar(
                    "INSERT INTO survey_response (unit_id, service_type_id, channel, service_date, submitted_at,
                         u1, u2, u3, u4, u5, u6, u7, u8, u9, gender, age, education, occupation, suggestion)
                     VALUES ($1, $2, 'counter', $3, $4, 3, 3, 2, 4, 3, 4, 4, 3, 2, 'P', 41, 'SMA', 'Swasta', NULL)
                     RETURNING response_id",
                )
                .bind(unit)
                .bind(service)
                .bind(&day)
                .bind(app::server::db::now_millis())
                .fetch_one(db.write())
                .await;
                if let Ok(id) = result {
                    done += 1;
                    (first, last) = (first.min(id), last.max(id));
                }
            }
            (done, first, last)
        }));
    }
    let (mut total, mut first, mut last) = (0, i64::MAX, i64::MIN);
    for w in workers {
        let (done, lo, hi) = w.await?;
        (total, first, last) = (total + done, first.min(lo), last.max(hi));
    }
    let rate = total as f64 / start.elapsed().as_secs_f64();
    // The bare rows are not answers (nothing else writes while this runs): remove them.
    sqlx::query("DELETE FROM survey_response WHERE response_id >= $1 AND response_id <= $2")
        .bind(first)
        .bind(last)
        .execute(db.write())
        .await?;
    Ok(rate)
}

/// Request `i` answers token `i` through server `ports[i % ports.len()]` (one port: one server;
/// several: as a load balancer would spread them).
pub fn answer_request(ports: Vec<u16>, tokens: Arc<Vec<String>>) -> MakeRequest {
    Arc::new(move |i| {
        let port = ports[i % ports.len()];
        let origin = format!("http://127.0.0.1:{port}");
        Request::post(format!("{origin}/survei/{}", tokens[i % tokens.len()]))
            .header("host", format!("127.0.0.1:{port}"))
            .header("origin", &origin)
            .header("content-type", "application/x-www-form-urlencoded")
            .body(Full::new(Bytes::from_static(ANSWERS.as_bytes())))
            .expect("a valid request")
    })
}

/// Figure 1 for one engine, against a running server whose database holds `tokens`.
pub async fn measure(
    target: &Target,
    server: &Running,
    tokens: Vec<String>,
    raw: f64,
    concurrency: usize,
) -> anyhow::Result<SurveyFigure> {
    let tokens = Arc::new(tokens);
    let make = answer_request(vec![server.port], tokens.clone());
    // Warm up (connections, caches), then the closed-loop peak.
    let (_, next) = load::peak(
        make.clone(),
        StatusCode::SEE_OTHER,
        concurrency,
        Duration::from_secs(2),
        0,
    )
    .await?;
    let (answers, next) = load::peak(
        make.clone(),
        StatusCode::SEE_OTHER,
        concurrency,
        Duration::from_secs(10),
        next,
    )
    .await?;
    let rate = (answers.per_second / 2.0).max(1.0);
    let needed = next + (rate * 10.0) as usize;
    anyhow::ensure!(
        needed < tokens.len(),
        "too few invitations prepared ({} < {needed})",
        tokens.len()
    );
    let (half_peak, _) = load::paced(
        make,
        StatusCode::SEE_OTHER,
        rate,
        Duration::from_secs(10),
        next,
    )
    .await?;
    Ok(SurveyFigure {
        engine: target.engine,
        raw_inserts_per_second: raw,
        ratio: answers.per_second / raw,
        answers,
        half_peak,
    })
}
