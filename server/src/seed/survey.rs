//! The demo city's satisfaction survey: paper answers over the last three semesters (so the
//! published index has a trend), an online answer to one completed demo application (the
//! demo citizen's own completed application stays unanswered, so its invitation shows), a
//! counter invitation waiting at the desk, and a first improvement action.

use anyhow::anyhow;
use app::domain::period::{Period, PeriodKind};
use app::server::accounts::RequestMeta;
use app::server::applications::today;
use app::server::audit::Actor;
use app::server::state::AppState;
use app::server::survey::{answer, followup, invite};

/// Deterministic pseudo-random numbers (the demo must look the same on every machine).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % n
    }

    /// A score 1..=4 around `mean` (in tenths: 32 = 3.2).
    fn score(&mut self, mean: u64) -> u64 {
        let frac = mean % 10;
        let s = if self.next(10) < frac {
            mean / 10 + 1
        } else {
            mean / 10
        };
        let s = match self.next(10) {
            0 => s.saturating_sub(1),
            9 => s + 1,
            _ => s,
        };
        s.clamp(1, 4)
    }
}

const OFFICERS: [&str; 2] = ["199001152015032001", "199203202016041002"];
const SERVICES: [&str; 3] = ["SIUMK", "PBG", "REKLAME"];
const EDUCATION: [&str; 7] = ["SD", "SMP", "SMA", "SMA", "D1-D3", "S1", "S2"];
const OCCUPATION: [&str; 6] = [
    "Wirausaha",
    "Swasta",
    "Wirausaha",
    "PNS",
    "Lainnya",
    "Swasta",
];
const SUGGESTIONS: [&str; 5] = [
    "Ruang tunggu kurang nyaman saat siang hari",
    "Petugas ramah dan menjelaskan dengan sabar",
    "Mohon informasi persyaratan dibuat lebih jelas di situs",
    "Proses lebih cepat dari perkiraan terima kasih",
    "Antrean di loket panjang pada hari Senin",
];

/// `n` paper answers spread over the days of `period` up to `last`, as CSV lines; one in
/// `unnamed` names no officer.
fn paper_rows(
    rng: &mut Lcg,
    period: Period,
    last: time::Date,
    (n, unnamed): (usize, u64),
    out: &mut String,
) {
    // Mean score per unsur in tenths: U3 (time) and U8 (facilities) are this unit's weak spots.
    let means = [33, 31, 27, 38, 32, 33, 34, 28, 29];
    let first = period.first_day();
    let days = u64::try_from((last - first).whole_days().max(1)).unwrap_or(1);
    for i in 0..n {
        let day = first + time::Duration::days(i64::try_from(rng.next(days + 1)).unwrap_or(0));
        let officer = if rng.next(unnamed) == 0 {
            ""
        } else {
            OFFICERS[i % 2]
        };
        let mut cells = vec![
            app::server::applications::day_text(day),
            "DPMPTSP".to_owned(),
            SERVICES[rng.next(3) as usize].to_owned(),
            officer.to_owned(),
        ];
        for (u, mean) in means.iter().enumerate() {
            // The second officer is a little kinder (U6, U7).
            let bonus = if officer == OFFICERS[1] && (u == 5 || u == 6) {
                3
            } else {
                0
            };
            let skipped = rng.next(40) == 0;
            cells.push(if skipped {
                String::new()
            } else {
                rng.score(mean + bonus).to_string()
            });
        }
        cells.push(if rng.next(2) == 0 { "L" } else { "P" }.to_owned());
        cells.push((18 + rng.next(50)).to_string());
        cells.push(EDUCATION[rng.next(7) as usize].to_owned());
        cells.push(OCCUPATION[rng.next(6) as usize].to_owned());
        let suggestion = if rng.next(6) == 0 {
            SUGGESTIONS[rng.next(5) as usize]
        } else {
            ""
        };
        cells.push(suggestion.to_owned());
        out.push_str(&cells.join(","));
        out.push('\n');
    }
}

/// Loads the demo survey data.
pub async fn seed(state: &AppState) -> anyhow::Result<()> {
    let i18n = app::i18n::I18n {
        lang: app::i18n::Lang::Id,
    };
    let today = today(state);
    let current = Period::containing(today, PeriodKind::Semester).map_err(|e| anyhow!("{e}"))?;
    let mut csv = app::domain::survey_csv::SURVEY_CSV_HEADER.join(",") + "\n";
    let mut rng = Lcg(2026);
    let mut period = current;
    // The current semester is still young: half its answers name an officer, which leaves both
    // demo officers just under the minimum of REFERENCE §4.1 ("data belum cukup") until more
    // arrive; the two before it give them full scores and a trend.
    for (i, n) in [(72usize, 2u64), (58, 4), (61, 4)].into_iter().enumerate() {
        let last = if i == 0 { today } else { period.last_day() };
        paper_rows(&mut rng, period, last, n, &mut csv);
        period = period
            .previous()
            .ok_or_else(|| anyhow!("no previous period"))?;
    }
    let tz = state.config.time_zone.offset();
    app::server::survey::paper::import_paper(&state.db, &Actor::system(), &csv, tz, i18n)
        .await
        .map_err(|e| anyhow!("demo paper answers: {e:?}"))?;
    // One completed application (not the demo citizen's) is answered online.
    let invitation: Option<(String, i64, i64)> = sqlx::query_as(
        "SELECT i.jti, i.issued_at, i.expires_at FROM survey_invitation i
         JOIN application a ON a.application_id = i.application_id
         JOIN citizen c ON c.account_id = a.citizen_account_id
         WHERE i.used_at IS NULL AND c.nik <> '3171011505900003' ORDER BY i.invitation_id",
    )
    .fetch_optional(state.db.read())
    .await?;
    if let Some((jti, issued, expires)) = invitation {
        let token = state.survey_keys.sign(&jti, issued / 1000, expires / 1000);
        let fields: Vec<(String, String)> = [
            ("u1", "4"),
            ("u2", "3"),
            ("u3", "3"),
            ("u4", "4"),
            ("u5", "3"),
            ("u6", "4"),
            ("u7", "4"),
            ("u8", "2"),
            ("u9", "3"),
            ("gender", "P"),
            ("age", "29"),
            ("education", "S1"),
            ("occupation", "Wirausaha"),
            ("suggestion", "Tempat parkir sempit"),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_owned(), v.to_owned()))
        .collect();
        answer::submit(state, &app::auth::Viewer::Anonymous, &token, &fields, i18n)
            .await
            .map_err(|e| anyhow!("demo online answer: {e:?}"))?;
    }
    // A counter invitation the demo officer issued and the citizen has not answered yet.
    let officer = super::applications::staff_viewer(state, OFFICERS[0]).await?;
    let meta = RequestMeta::default();
    let input = invite::CounterInvitationInput {
        service: "SIUMK".into(),
        issue_key: "demo-counter-invitation-0001".into(),
    };
    invite::issue_counter(state, &officer, &input, &meta, i18n)
        .await
        .map_err(|e| anyhow!("demo counter invitation: {e:?}"))?;
    // The unit head's first improvement action, for the weakest unsur.
    let supervisor = super::applications::staff_viewer(state, "197805102003121001").await?;
    let action = followup::ActionInput {
        period: current.to_string(),
        unsur: "U3".into(),
        action: "Menambah satu petugas verifikasi pada hari Senin dan Selasa agar waktu penyelesaian sesuai standar.".into(),
        owner: "Kepala Bidang Pelayanan Perizinan".into(),
        due_on: app::server::applications::day_text(today + time::Duration::days(45)),
    };
    followup::add_action(state, &supervisor, &action, &meta, i18n)
        .await
        .map_err(|e| anyhow!("demo improvement action: {e:?}"))?;
    Ok(())
}
