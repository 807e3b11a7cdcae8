//! Figure 3: HR's ranking of one period at province scale (5,000 officers, 2,000,000 answers in
//! one semester): cold (a fresh pool, OS caches dropped where the machine allows) and warm
//! (median of ten), the full recomputation from every answer beside it, and the proof that its
//! cost does not grow with other periods' data: every answer is copied into the previous
//! semester, the rollups rebuilt, and the same period ranked again.

use crate::proc::Target;
use app::domain::period::Period;
use app::server::db::{Db, Engine};
use app::server::scoring::{self, full::period_scores_full, rollup};
use serde::Serialize;
use std::time::{Duration, Instant};

/// What figure 3 reports for one engine.
#[derive(Debug, Clone, Serialize, serde::Deserialize)]
pub struct RankingFigure {
    /// Engine.
    pub engine: String,
    /// The period ranked.
    pub period: String,
    /// Officers ranked.
    pub officers: usize,
    /// Answers in the database.
    pub answers: i64,
    /// First ranking on a fresh pool, ms.
    pub cold_ms: f64,
    /// Whether the OS page cache could be dropped before the cold run.
    pub cold_dropped_os_cache: bool,
    /// Median of ten warm rankings, ms.
    pub warm_ms: f64,
    /// The same ranking recomputed from every answer (what it would cost without rollups), ms.
    pub full_recompute_ms: f64,
    /// Answers after copying all of them into the previous semester.
    pub answers_with_other_period: i64,
    /// Warm ranking of the same period then, ms.
    pub warm_ms_with_other_period: f64,
    /// warm_with_other ÷ warm: about 1 when other periods' data costs nothing.
    pub growth: f64,
    /// Seeding the province took, s.
    pub seed_seconds: f64,
}

fn drop_os_cache() -> bool {
    std::fs::write("/proc/sys/vm/drop_caches", "3").is_ok()
}

async fn rank_ms(db: &Db, period: &Period) -> anyhow::Result<(f64, usize)> {
    let params = scoring::params(db).await?;
    let started = Instant::now();
    let rows = scoring::period_scores(db, period, None, &params).await?;
    Ok((started.elapsed().as_secs_f64() * 1000.0, rows.len()))
}

async fn warm_ms(db: &Db, period: &Period) -> anyhow::Result<f64> {
    let mut times = Vec::new();
    for _ in 0..10 {
        times.push(rank_ms(db, period).await?.0);
    }
    times.sort_by(f64::total_cmp);
    Ok(times[times.len() / 2])
}

async fn answers(db: &Db) -> anyhow::Result<i64> {
    Ok(sqlx::query_scalar("SELECT COUNT(*) FROM survey_response")
        .fetch_one(db.write())
        .await?)
}

/// Every answer (and its credit) once more, six months earlier: the "other period".
async fn copy_into_previous_semester(db: &Db) -> anyhow::Result<()> {
    let offset: i64 =
        sqlx::query_scalar("SELECT COALESCE(MAX(response_id), 0) FROM survey_response")
            .fetch_one(db.write())
            .await?;
    let overriding = match db.engine() {
        Engine::Postgres => "OVERRIDING SYSTEM VALUE",
        Engine::Sqlite => "",
    };
    // Month m → m − 6 within the year (the seeded semester is a second half); day capped at 28.
    let shifted = "substr(service_date, 1, 5) || CASE substr(service_date, 6, 2)
        WHEN '07' THEN '01' WHEN '08' THEN '02' WHEN '09' THEN '03' WHEN '10' THEN '04'
        WHEN '11' THEN '05' WHEN '12' THEN '06' ELSE substr(service_date, 6, 2) END || '-' ||
        CASE WHEN substr(service_date, 9, 2) > '28' THEN '28' ELSE substr(service_date, 9, 2) END";
    let mut tx = db.begin().await?;
    sqlx::query(&format!(
        "INSERT INTO survey_response (response_id, unit_id, service_type_id, channel, service_date, submitted_at,
             u1, u2, u3, u4, u5, u6, u7, u8, u9, gender, age, education, occupation, suggestion) {overriding}
         SELECT response_id + $1, unit_id, service_type_id, channel, {shifted}, submitted_at,
             u1, u2, u3, u4, u5, u6, u7, u8, u9, gender, age, education, occupation, suggestion
         FROM survey_response WHERE response_id <= $1"
    ))
    .bind(offset)
    .execute(&mut *tx)
    .await?;
    sqlx::query(
        "INSERT INTO survey_response_credit (response_id, officer_account_id)
         SELECT response_id + $1, officer_account_id FROM survey_response_credit WHERE response_id <= $1",
    )
    .bind(offset)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    if db.engine() == Engine::Postgres {
        sqlx::query("ANALYZE").execute(db.write()).await?;
    }
    rollup::rebuild(db).await?;
    Ok(())
}

/// Figure 3 on a freshly seeded province.
pub async fn measure(
    target: &Target,
    bin: &std::path::Path,
    today: &str,
) -> anyhow::Result<RankingFigure> {
    let seeded = target.sigap(
        bin,
        &[
            "seed-demo",
            "--scale",
            "province",
            "--seed",
            "1",
            "--today",
            today,
        ],
    )?;
    let period_name = app::server::applications::parse_day(today)
        .and_then(|d| Period::containing(d, app::domain::period::PeriodKind::Semester).ok())
        .map(|p| p.to_string())
        .unwrap_or_else(|| "2026-S2".into());
    let period = Period::parse(&period_name)?;
    let dropped = drop_os_cache();
    let db = Db::connect(&target.database_url).await?;
    let (cold_ms, officers) = rank_ms(&db, &period).await?;
    let warm = warm_ms(&db, &period).await?;
    let params = scoring::params(&db).await?;
    let started = Instant::now();
    let full = period_scores_full(&db, &period, None, &params).await?;
    let full_ms = started.elapsed().as_secs_f64() * 1000.0;
    let fast = scoring::period_scores(&db, &period, None, &params).await?;
    anyhow::ensure!(
        format!("{fast:?}") == format!("{full:?}"),
        "the rollups disagree with the full recomputation"
    );
    let before = answers(&db).await?;
    copy_into_previous_semester(&db).await?;
    let after = answers(&db).await?;
    let warm_other = warm_ms(&db, &period).await?;
    db.close().await;
    Ok(RankingFigure {
        engine: target.engine.to_owned(),
        period: period_name,
        officers,
        answers: before,
        cold_ms,
        cold_dropped_os_cache: dropped,
        warm_ms: warm,
        full_recompute_ms: full_ms,
        answers_with_other_period: after,
        warm_ms_with_other_period: warm_other,
        growth: warm_other / warm,
        seed_seconds: seeded.as_secs_f64(),
    })
}

/// Figure 6: `seed-demo --scale city` on an empty database, seconds.
pub fn seed_city(target: &Target, bin: &std::path::Path, today: &str) -> anyhow::Result<Duration> {
    target.sigap(
        bin,
        &[
            "seed-demo",
            "--scale",
            "city",
            "--seed",
            "1",
            "--today",
            today,
        ],
    )
}
