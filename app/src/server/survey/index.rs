//! The published index (REFERENCE §3.2–§3.4) of a unit and of its service types for a period:
//! IKM with NRR and mutu per unsur, respondents and their profile, response rate, progress
//! toward the Krejcie–Morgan minimum, the trend over the last periods, and the follow-up plan.
//! The arithmetic is the domain's (`domain::skm::compute_index`); this module only loads.

use crate::api::survey::{
    IndexFigures, ProfileBreakdown, ProfileCount, ServiceIndex, TrendPoint, UnitIndex, UnitSummary,
    UnsurResult,
};
use crate::domain::period::{Period, PeriodKind};
use crate::domain::respondent::{Education, Gender, Occupation};
use crate::domain::skm::{compute_index, minimum_sample, Answers, IkmResult, Score, Unsur};
use crate::i18n::{survey as sv, I18n, Lang};
use crate::server::applications::{day_text, today};
use crate::server::{error::ServiceError, state::AppState};
use std::collections::BTreeMap;

/// How many periods the trend shows (the given one included).
pub const TREND_PERIODS: usize = 4;

/// The period named by `text`, or the current semester when empty.
pub fn period_or_current(state: &AppState, text: &str) -> Result<Period, ServiceError> {
    match text.trim() {
        "" => Period::containing(today(state), PeriodKind::Semester)
            .map_err(|e| ServiceError::Unexpected(e.to_string())),
        t => Period::parse(t).map_err(|_| ServiceError::NotFound),
    }
}

/// One stored answer: its service, scores and profile.
struct Stored {
    service_type_id: i64,
    /// Answered through an invitation (online or counter), not typed in from paper.
    invited: bool,
    answers: Answers,
    gender: Option<String>,
    age: Option<i64>,
    education: Option<String>,
    occupation: Option<String>,
}

/// Service, channel, u1..u9, gender, age, education, occupation.
type ResponseRow = (
    i64,
    String,
    Option<i64>,
    Option<i64>,
    Option<i64>,
    Option<i64>,
    Option<i64>,
    Option<i64>,
    Option<i64>,
    Option<i64>,
    Option<i64>,
    Option<String>,
    Option<i64>,
    Option<String>,
    Option<String>,
);

async fn load(
    state: &AppState,
    unit_id: i64,
    period: &Period,
) -> Result<Vec<Stored>, ServiceError> {
    let rows: Vec<ResponseRow> = sqlx::query_as(
        "SELECT service_type_id, channel, u1, u2, u3, u4, u5, u6, u7, u8, u9, gender, age, education, occupation
         FROM survey_response WHERE unit_id = $1 AND service_date >= $2 AND service_date <= $3",
    )
    .bind(unit_id)
    .bind(day_text(period.first_day()))
    .bind(day_text(period.last_day()))
    .fetch_all(state.db.lagging())
    .await?;
    Ok(rows
        .into_iter()
        .filter_map(|r| {
            let values = [r.2, r.3, r.4, r.5, r.6, r.7, r.8, r.9, r.10];
            let answers = Answers::from_fn(|u| {
                values[u as usize]
                    .and_then(|v| u8::try_from(v).ok())
                    .and_then(|v| Score::try_from(v).ok())
            })
            .ok()?;
            Some(Stored {
                service_type_id: r.0,
                invited: r.1 != "paper",
                answers,
                gender: r.11,
                age: r.12,
                education: r.13,
                occupation: r.14,
            })
        })
        .collect())
}

/// The published figures of an index.
pub fn figures(result: &IkmResult, lang: Lang) -> IndexFigures {
    let mutu = result.mutu();
    IndexFigures {
        n: result.n(),
        ikm: result.ikm(),
        konversi: result.ikm_konversi(),
        mutu: mutu.letter(),
        kinerja: if lang == Lang::En {
            mutu.kinerja_en()
        } else {
            mutu.kinerja_id()
        }
        .to_owned(),
        unsur: Unsur::ALL
            .into_iter()
            .map(|u| UnsurResult {
                unsur: u,
                nrr: result.nrr_rounded(u),
                mutu: result.unsur_mutu(u).map(|m| m.letter()),
                answered: result.answered(u),
            })
            .collect(),
        lowest: result.lowest_unsur(),
    }
}

fn index_of<'a>(answers: impl Iterator<Item = &'a Stored>, lang: Lang) -> Option<IndexFigures> {
    let all: Vec<Answers> = answers.map(|s| s.answers).collect();
    compute_index(&all).map(|r| figures(&r, lang))
}

/// A unit's index over all its services for `period`, if it has answers.
pub async fn unit_figures(
    state: &AppState,
    unit_id: i64,
    period: &Period,
) -> Result<Option<IndexFigures>, ServiceError> {
    Ok(index_of(
        load(state, unit_id, period).await?.iter(),
        Lang::Id,
    ))
}

async fn invitations(
    state: &AppState,
    unit_id: i64,
    period: &Period,
) -> Result<BTreeMap<i64, u64>, ServiceError> {
    let rows: Vec<(i64, i64)> = sqlx::query_as(
        "SELECT service_type_id, COUNT(*) FROM survey_invitation
         WHERE unit_id = $1 AND service_date >= $2 AND service_date <= $3 GROUP BY service_type_id",
    )
    .bind(unit_id)
    .bind(day_text(period.first_day()))
    .bind(day_text(period.last_day()))
    .fetch_all(state.db.lagging())
    .await?;
    Ok(rows
        .into_iter()
        .map(|(s, n)| (s, u64::try_from(n).unwrap_or(0)))
        .collect())
}

/// People served per service in `period`: completed applications plus counter invitations
/// (the N of Krejcie–Morgan for the next period, REFERENCE §3.4).
async fn recipients(
    state: &AppState,
    unit_id: i64,
    period: &Period,
) -> Result<BTreeMap<i64, u64>, ServiceError> {
    let rows: Vec<(i64, i64)> = sqlx::query_as(
        "SELECT service_type_id, COUNT(*) FROM (
             SELECT service_type_id FROM application WHERE unit_id = $1 AND state = 'completed'
                 AND finished_on >= $2 AND finished_on <= $3
             UNION ALL
             SELECT service_type_id FROM survey_invitation WHERE unit_id = $1 AND channel = 'counter'
                 AND service_date >= $2 AND service_date <= $3
         ) served GROUP BY service_type_id",
    )
    .bind(unit_id)
    .bind(day_text(period.first_day()))
    .bind(day_text(period.last_day()))
    .fetch_all(state.db.lagging())
    .await?;
    Ok(rows
        .into_iter()
        .map(|(s, n)| (s, u64::try_from(n).unwrap_or(0)))
        .collect())
}

fn rate(answers: u64, invitations: u64) -> Option<f64> {
    (invitations > 0).then(|| (answers as f64 * 10_000.0 / invitations as f64).round() / 100.0)
}

fn profile(stored: &[Stored], i18n: I18n) -> ProfileBreakdown {
    /// Counts per group, in the form's order, "not given" last; empty groups left out.
    fn counts(
        order: &[String],
        unknown: String,
        labels: impl Iterator<Item = Option<String>>,
    ) -> Vec<ProfileCount> {
        let mut map: BTreeMap<String, u64> = BTreeMap::new();
        let mut missing = 0;
        for label in labels {
            match label {
                Some(l) => *map.entry(l).or_default() += 1,
                None => missing += 1,
            }
        }
        let mut out: Vec<ProfileCount> = order
            .iter()
            .filter_map(|label| {
                map.get(label).map(|&count| ProfileCount {
                    label: label.clone(),
                    count,
                })
            })
            .collect();
        if missing > 0 {
            out.push(ProfileCount {
                label: unknown,
                count: missing,
            });
        }
        out
    }
    let en = i18n.lang == Lang::En;
    let unknown = || i18n.t(sv::PROFILE_NOT_GIVEN).to_owned();
    let gender_label = |g: Gender| if en { g.label_en() } else { g.label_id() }.to_owned();
    let education_label = |e: Education| if en { e.label_en() } else { e.code() }.to_owned();
    let occupation_label = |o: Occupation| if en { o.label_en() } else { o.code() }.to_owned();
    const AGE_BANDS: [(i64, &str); 5] = [
        (25, "15–24"),
        (35, "25–34"),
        (45, "35–44"),
        (55, "45–54"),
        (i64::MAX, "55+"),
    ];
    let age_band = |a: i64| {
        AGE_BANDS
            .iter()
            .find(|(below, _)| a < *below)
            .map(|(_, l)| (*l).to_owned())
    };
    ProfileBreakdown {
        gender: counts(
            &Gender::ALL
                .iter()
                .map(|&g| gender_label(g))
                .collect::<Vec<_>>(),
            unknown(),
            stored.iter().map(|s| {
                s.gender
                    .as_deref()
                    .and_then(|g| Gender::parse(g).ok())
                    .map(gender_label)
            }),
        ),
        age: counts(
            &AGE_BANDS
                .iter()
                .map(|(_, l)| (*l).to_owned())
                .collect::<Vec<_>>(),
            unknown(),
            stored.iter().map(|s| s.age.and_then(age_band)),
        ),
        education: counts(
            &Education::ALL
                .iter()
                .map(|&e| education_label(e))
                .collect::<Vec<_>>(),
            unknown(),
            stored.iter().map(|s| {
                s.education
                    .as_deref()
                    .and_then(|e| Education::parse(e).ok())
                    .map(education_label)
            }),
        ),
        occupation: counts(
            &Occupation::ALL
                .iter()
                .map(|&o| occupation_label(o))
                .collect::<Vec<_>>(),
            unknown(),
            stored.iter().map(|s| {
                s.occupation
                    .as_deref()
                    .and_then(|o| Occupation::parse(o).ok())
                    .map(occupation_label)
            }),
        ),
    }
}

/// A unit's published index for a period (`""` = the current semester).
pub async fn unit_index(
    state: &AppState,
    code: &str,
    period: &str,
    i18n: I18n,
) -> Result<UnitIndex, ServiceError> {
    let period = period_or_current(state, period)?;
    let unit: Option<(i64, String, String)> =
        sqlx::query_as("SELECT unit_id, code, name FROM unit WHERE code = $1 AND active = 1")
            .bind(code.trim().to_uppercase())
            .fetch_optional(state.db.lagging())
            .await?;
    let (unit_id, unit_code, unit_name) = unit.ok_or(ServiceError::NotFound)?;
    let stored = load(state, unit_id, &period).await?;
    let invited = invitations(state, unit_id, &period).await?;
    let previous = match period.previous() {
        Some(p) => recipients(state, unit_id, &p).await?,
        None => BTreeMap::new(),
    };
    let services: Vec<(i64, String, String, String)> = sqlx::query_as(
        "SELECT service_type_id, code, name_id, name_en FROM service_type WHERE unit_id = $1 AND active = 1 ORDER BY code",
    )
    .bind(unit_id)
    .fetch_all(state.db.lagging())
    .await?;
    let counted = |service: i64| stored.iter().filter(move |s| s.service_type_id == service);
    let services = services
        .into_iter()
        .map(|(id, code, name_id, name_en)| {
            let invitations = invited.get(&id).copied().unwrap_or(0);
            let answers = counted(id).filter(|s| s.invited).count() as u64;
            ServiceIndex {
                code,
                name: crate::pages::catalog::pick(i18n, &name_id, &name_en),
                figures: index_of(counted(id), i18n.lang),
                invitations,
                response_rate: rate(answers, invitations),
                minimum: minimum_sample(previous.get(&id).copied().unwrap_or(0)),
            }
        })
        .collect();
    let mut trend = Vec::new();
    let mut p = Some(period);
    for _ in 0..TREND_PERIODS {
        let Some(current) = p else { break };
        let figures = if current == period {
            index_of(stored.iter(), i18n.lang)
        } else {
            unit_figures(state, unit_id, &current).await?
        };
        trend.push(TrendPoint {
            period: current.to_string(),
            konversi: figures.as_ref().map(|f| f.konversi),
            mutu: figures.as_ref().map(|f| f.mutu),
            n: figures.as_ref().map_or(0, |f| f.n),
        });
        p = current.previous();
    }
    trend.reverse();
    let invitations: u64 = invited.values().sum();
    Ok(UnitIndex {
        figures: index_of(stored.iter(), i18n.lang),
        profile: profile(&stored, i18n),
        response_rate: rate(
            stored.iter().filter(|s| s.invited).count() as u64,
            invitations,
        ),
        invitations,
        services,
        trend,
        plan: super::followup::plan_of(state, unit_id, &period).await?,
        unit_code,
        unit_name,
        period: period.to_string(),
        from: day_text(period.first_day()),
        until: day_text(period.last_day()),
    })
}

/// Every active unit's index for a period (`""` = the current semester).
pub async fn overview(
    state: &AppState,
    period: &str,
) -> Result<(String, Vec<UnitSummary>), ServiceError> {
    let period = period_or_current(state, period)?;
    let units: Vec<(i64, String, String)> =
        sqlx::query_as("SELECT unit_id, code, name FROM unit WHERE active = 1 ORDER BY name")
            .fetch_all(state.db.lagging())
            .await?;
    let mut out = Vec::with_capacity(units.len());
    for (unit_id, unit_code, unit_name) in units {
        let figures = unit_figures(state, unit_id, &period).await?;
        out.push(UnitSummary {
            unit_code,
            unit_name,
            n: figures.as_ref().map_or(0, |f| f.n),
            konversi: figures.as_ref().map(|f| f.konversi),
            mutu: figures.as_ref().map(|f| f.mutu),
        });
    }
    Ok((period.to_string(), out))
}
