//! The career follow-up HR reads off a period's appraisals (REFERENCE §5.3): award candidates and
//! the succession pool, training needs (`training.rs`), improvement plans, the nine-box talent
//! grid (HR enters each officer's potential) and credit points for functional positions.
//!
//! A year's predikat, for "Sangat Baik two years running": every appraisal of the officer in the
//! stored periods of that calendar year up to the period shown, each passed to
//! `domain::appraisal::award_candidate` as `(year, predikat)`. That function counts a year only
//! when every entry of it is Sangat Baik, so with semester appraisals a year is Sangat Baik when
//! both semesters are (or the one appraised so far, for the current year), and a year without
//! any appraisal breaks the run.
//!
//! Improvement plans run six months from the end of the period: the due day is the day before
//! the same date six months after the period's last day + 1 (S1 → 31 December).

use super::{appraisals_in, audit_read, chosen_period, training, Appraised};
use crate::api::appraisal::PeriodView;
use crate::api::hr::{AwardRow, CreditRow, HrFollowup, ImprovementRow, TalentRow};
use crate::auth::Viewer;
use crate::domain::appraisal::{
    award_candidate, credit_percentage, nine_box, PerformanceLevel, Potential, Predikat,
};
use crate::domain::period::Period;
use crate::forms::field_error;
use crate::i18n::{hr as tx, I18n};
use crate::server::accounts::RequestMeta;
use crate::server::applications::day_text;
use crate::server::appraisal::{periods, require_hr};
use crate::server::{audit, db::now_millis, error::ServiceError, state::AppState};
use serde::Deserialize;
use std::collections::BTreeMap;

/// The follow-up lists of `period` (`""` = the latest open one); one audit row.
pub async fn lists(
    state: &AppState,
    viewer: &Viewer,
    period: &str,
    meta: &RequestMeta,
) -> Result<HrFollowup, ServiceError> {
    require_hr(viewer)?;
    let (calendar, view) = chosen_period(state, period).await?;
    let page = build(state, &calendar, view).await?;
    audit_read(
        state,
        viewer,
        meta,
        "appraisal.followup_viewed",
        &page.period.name,
        &format!("appraisals={}", page.credit.len()),
    )
    .await?;
    Ok(page)
}

/// The last day of the six months to improve after `period` (see the module's note).
pub fn improvement_due(period: &Period) -> time::Date {
    let start = period.last_day() + time::Duration::days(1);
    let months = i32::from(u8::from(start.month())) - 1 + 6;
    let year = start.year() + months / 12;
    let month = time::Month::try_from(u8::try_from(months % 12 + 1).unwrap_or(1))
        .unwrap_or(time::Month::January);
    time::Date::from_calendar_date(year, month, 1)
        .map(|d| d - time::Duration::days(1))
        .unwrap_or(start)
}

/// Every officer's appraisals up to `last_day`: account → (period, year, predikat), oldest first.
async fn history_until(
    state: &AppState,
    last_day: &str,
) -> Result<BTreeMap<i64, Vec<(String, i32, Predikat)>>, ServiceError> {
    let rows: Vec<(i64, String, String)> = sqlx::query_as(
        "SELECT a.officer_account_id, p.name, a.predikat FROM appraisal a
         JOIN appraisal_period p ON p.period_id = a.period_id
         WHERE p.last_day <= $1 ORDER BY p.first_day, p.name",
    )
    .bind(last_day)
    .fetch_all(state.db.read())
    .await?;
    let mut by_officer: BTreeMap<i64, Vec<(String, i32, Predikat)>> = BTreeMap::new();
    for (officer, name, predikat) in rows {
        let (Ok(period), Ok(predikat)) = (Period::parse(&name), Predikat::parse(&predikat)) else {
            continue;
        };
        by_officer
            .entry(officer)
            .or_default()
            .push((name, period.calendar_year(), predikat));
    }
    Ok(by_officer)
}

fn award_row(a: &Appraised, year: i32, history: &[(String, i32, Predikat)]) -> AwardRow {
    let annual: Vec<(i32, Predikat)> = history.iter().map(|(_, y, p)| (*y, *p)).collect();
    AwardRow {
        officer: a.officer.clone(),
        succession: award_candidate(&annual),
        history: history
            .iter()
            .filter(|(_, y, _)| *y == year || *y == year - 1)
            .map(|(name, _, p)| (name.clone(), *p))
            .collect(),
    }
}

/// The lists' content, without access check or audit (the export shares it).
pub async fn build(
    state: &AppState,
    calendar: &Period,
    view: PeriodView,
) -> Result<HrFollowup, ServiceError> {
    let appraised = appraisals_in(state, view.id).await?;
    let history = history_until(state, &day_text(calendar.last_day())).await?;
    let potentials: BTreeMap<i64, String> = sqlx::query_as(
        "SELECT officer_account_id, potential FROM talent_potential WHERE period_id = $1",
    )
    .bind(view.id)
    .fetch_all(state.db.read())
    .await?
    .into_iter()
    .collect();
    let mut list: Vec<&Appraised> = appraised.values().collect();
    list.sort_by(|a, b| {
        (&a.officer.unit_code, &a.officer.name).cmp(&(&b.officer.unit_code, &b.officer.name))
    });
    let year = calendar.calendar_year();
    let awards = list
        .iter()
        .filter(|a| a.predikat == Predikat::SangatBaik)
        .map(|a| {
            let own = history.get(&a.account_id).map_or(&[][..], Vec::as_slice);
            award_row(a, year, own)
        })
        .collect();
    let due = day_text(improvement_due(calendar));
    let improvement = list
        .iter()
        .filter(|a| {
            matches!(
                a.predikat,
                Predikat::ButuhPerbaikan | Predikat::Kurang | Predikat::SangatKurang
            )
        })
        .map(|a| ImprovementRow {
            officer: a.officer.clone(),
            predikat: a.predikat,
            hasil_kerja: a.hasil_kerja,
            perilaku_kerja: a.perilaku_kerja,
            due: due.clone(),
        })
        .collect();
    let mut talent: Vec<TalentRow> = list
        .iter()
        .map(|a| {
            let performance = PerformanceLevel::from_predikat(a.predikat);
            let potential = potentials
                .get(&a.account_id)
                .and_then(|p| Potential::parse(p).ok());
            TalentRow {
                officer: a.officer.clone(),
                predikat: a.predikat,
                performance,
                potential,
                nine_box: potential.map(|p| nine_box(performance, p)),
            }
        })
        .collect();
    // The promotion pool (boxes 7–9) first, then the other boxes, those without potential last.
    talent.sort_by_key(|t| std::cmp::Reverse(t.nine_box));
    let credit = list
        .iter()
        .map(|a| CreditRow {
            officer: a.officer.clone(),
            predikat: a.predikat,
            percent: credit_percentage(a.predikat),
        })
        .collect();
    Ok(HrFollowup {
        training: training::needs(state, calendar, &appraised).await?,
        period: view,
        periods: periods::list(&state.db).await?,
        awards,
        improvement,
        talent,
        credit,
    })
}

/// HR's potential rating of one officer.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct PotentialInput {
    /// The stored period.
    pub period: String,
    /// The officer.
    pub nip: String,
    /// `low`, `medium` or `high`.
    pub potential: String,
}

impl PotentialInput {
    /// What was typed, keyed as the page reads it back (one form per officer).
    pub fn echo(&self) -> Vec<(String, String)> {
        vec![(
            format!("potential_{}", self.nip.trim()),
            self.potential.clone(),
        )]
    }
}

/// Records an officer's potential for the talent grid (HR), in a stored period.
pub async fn set_potential(
    state: &AppState,
    viewer: &Viewer,
    input: &PotentialInput,
    meta: &RequestMeta,
    i18n: I18n,
) -> Result<String, ServiceError> {
    let hr = require_hr(viewer)?;
    let nip = input.nip.trim();
    let key = format!("potential_{nip}");
    let stored = periods::find(&state.db, &input.period)
        .await?
        .ok_or_else(|| {
            ServiceError::Validation(vec![field_error(&key, i18n.t(tx::PERIOD_NOT_OPENED))])
        })?;
    let officer: Option<i64> = sqlx::query_scalar("SELECT account_id FROM staff WHERE nip = $1")
        .bind(nip)
        .fetch_optional(state.db.read())
        .await?;
    let officer = officer.ok_or(ServiceError::NotFound)?;
    let potential = Potential::parse(input.potential.trim()).map_err(|_| {
        ServiceError::Validation(vec![field_error(&key, i18n.t(tx::POTENTIAL_REQUIRED))])
    })?;
    let mut tx = state.db.begin().await?;
    sqlx::query(
        "INSERT INTO talent_potential (period_id, officer_account_id, potential, set_by, updated_at)
         VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (period_id, officer_account_id) DO UPDATE
         SET potential = excluded.potential, set_by = excluded.set_by, updated_at = excluded.updated_at",
    )
    .bind(stored.id)
    .bind(officer)
    .bind(potential.code())
    .bind(hr)
    .bind(now_millis())
    .execute(&mut *tx)
    .await?;
    audit::record(
        &mut tx,
        &meta.actor(viewer),
        "appraisal.potential_set",
        Some(&format!("staff:{officer}")),
        Some(&format!("{} {}", stored.period, potential.code())),
    )
    .await?;
    tx.commit().await?;
    Ok(stored.period.to_string())
}

#[cfg(test)]
mod tests {
    use super::improvement_due;
    use crate::domain::period::Period;

    #[test]
    fn an_improvement_plan_runs_six_months_from_the_end_of_the_period() {
        let due = |p: &str| {
            crate::server::applications::day_text(improvement_due(&Period::parse(p).unwrap()))
        };
        assert_eq!(due("2026-S1"), "2026-12-31");
        assert_eq!(due("2026-S2"), "2027-06-30");
        assert_eq!(due("2026-Q1"), "2026-09-30");
        assert_eq!(due("2026-Q3"), "2027-03-31");
        assert_eq!(due("2026"), "2027-06-30");
    }
}
