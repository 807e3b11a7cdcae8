//! Working days and the completion-time clock (REFERENCE §2.2).
//!
//! Counting rules, in working days (Monday–Friday, not a holiday):
//! - the day of submission does not count; the clock counts working days in `(submitted, end]`,
//!   where `end` is the day the application finished (completed or rejected) or, while it is
//!   open, today;
//! - a correction round pauses the clock: working days in `(requested, resubmitted]` do not
//!   count (an open pause runs to `end`);
//! - the due date is the working day on which the standard's days run out, pushed back by the
//!   working days paused so far;
//! - an application is on time when it finished within its standard (used ≤ standard), and
//!   overdue when it is still open and the standard is already used up before today ends
//!   (used > standard).

use std::collections::BTreeSet;
use time::{Date, Duration, Weekday};

/// Weekends plus public holidays.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Calendar {
    holidays: BTreeSet<Date>,
}

impl Calendar {
    /// A calendar with these public holidays.
    pub fn new(holidays: impl IntoIterator<Item = Date>) -> Self {
        Calendar {
            holidays: holidays.into_iter().collect(),
        }
    }

    /// Monday to Friday and not a holiday.
    pub fn is_working_day(&self, day: Date) -> bool {
        !matches!(day.weekday(), Weekday::Saturday | Weekday::Sunday)
            && !self.holidays.contains(&day)
    }

    /// The `n`-th working day after `start` (`start` itself for n = 0).
    pub fn add_working_days(&self, start: Date, n: u32) -> Date {
        let mut day = start;
        let mut left = n;
        while left > 0 {
            day = day.saturating_add(Duration::days(1));
            if self.is_working_day(day) {
                left -= 1;
            }
        }
        day
    }

    /// Working days in `(from, to]` (0 when `to` is not after `from`).
    pub fn working_days_between(&self, from: Date, to: Date) -> u32 {
        let mut count = 0;
        let mut day = from;
        while day < to {
            day = day.saturating_add(Duration::days(1));
            if self.is_working_day(day) {
                count += 1;
            }
        }
        count
    }
}

/// A correction round: the clock stops after `from` and runs again after `until`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Pause {
    /// The day the correction was requested.
    pub from: Date,
    /// The day the corrections were submitted (None: still waiting).
    pub until: Option<Date>,
}

/// Where an application stands against its standard time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SlaStatus {
    /// Working days counted so far (pauses excluded).
    pub used_days: u32,
    /// Working days paused so far.
    pub paused_days: u32,
    /// The due date, with the pauses so far added.
    pub due: Date,
    /// For a finished application: whether it finished within its standard.
    pub on_time: Option<bool>,
    /// For an open application: whether the standard is already exceeded.
    pub overdue: bool,
}

/// The clock of one application.
pub fn sla(
    submitted: Date,
    pauses: &[Pause],
    completion_days: u32,
    finished: Option<Date>,
    today: Date,
    calendar: &Calendar,
) -> SlaStatus {
    let end = finished.unwrap_or(today).max(submitted);
    let paused_days: u32 = pauses
        .iter()
        .map(|p| {
            let from = p.from.max(submitted);
            let until = p.until.unwrap_or(end).min(end);
            calendar.working_days_between(from, until)
        })
        .sum();
    let elapsed = calendar.working_days_between(submitted, end);
    let used_days = elapsed.saturating_sub(paused_days);
    SlaStatus {
        used_days,
        paused_days,
        due: calendar.add_working_days(submitted, completion_days + paused_days),
        on_time: finished.map(|_| used_days <= completion_days),
        overdue: finished.is_none() && used_days > completion_days,
    }
}

#[cfg(test)]
mod tests;
