//! Answers given at the desk — counter invitations (most of them answered) and paper forms (most
//! naming the officer) — and the answer itself: the unit's means, the officers' quality on
//! U6/U7, the respondent's profile.

use super::loader::{
    millis, score, Ids, Loader, EDUCATION, INVITATION, OCCUPATION, RESPONSE, RESPONSE_CREDIT,
    SOURCE,
};
use super::{Gen, Semester, Unit};
use crate::seed::scale::bulk::{opt_num, opt_text, text, Table};
use app::server::applications::day_text;
use rand::Rng;
use rand_chacha::ChaCha8Rng;
use time::{Date, Duration};

/// Generates one counter or paper answer of semester `s`.
pub(super) async fn desk_answer(g: &mut Gen<'_>, s: &mut Semester) -> anyhow::Result<()> {
    let Gen {
        state,
        tz,
        rng,
        ids,
        out,
        bar,
        units,
        officers,
        ..
    } = g;
    let u = rng.gen_range(0..units.len());
    let unit = &units[u];
    let (service_type_id, _) = unit.services[rng.gen_range(0..unit.services.len())];
    let o = unit.officers[rng.gen_range(0..unit.officers.len())];
    let day = s.period.first_day() + Duration::days(rng.gen_range(0..=s.span));
    let t = millis(*tz, day, 8 * 60 + rng.gen_range(0..480));
    if rng.gen_bool(0.6) {
        let invitation = ids.next("survey_invitation");
        let answered_it = rng.gen_bool(0.7);
        let used = answered_it.then(|| t - t.rem_euclid(86_400_000));
        out.push(INVITATION, format!(
            "{invitation}, {}, NULL, 'counter', NULL, {}, {service_type_id}, {}, {}, {t}, {}, {}",
            text(&format!("c{invitation:x}{:016x}", rng.gen::<u64>())), unit.unit_id, officers[o].account_id,
            text(&day_text(day)), t + 7 * 86_400_000, opt_num(used),
        ));
        if answered_it {
            let response = answer(
                out,
                rng,
                ids,
                unit,
                service_type_id,
                "counter",
                day,
                t + 600_000,
                officers[o].quality,
            );
            out.push(SOURCE, format!("{response}, {invitation}, NULL"));
            out.push(
                RESPONSE_CREDIT,
                format!("{response}, {}", officers[o].account_id),
            );
            s.answered += 1;
            bar.inc(1);
        }
    } else {
        let named = rng.gen_bool(0.7);
        let response = answer(
            out,
            rng,
            ids,
            unit,
            service_type_id,
            "paper",
            day,
            t,
            if named { officers[o].quality } else { 0.0 },
        );
        if named {
            out.push(
                RESPONSE_CREDIT,
                format!("{response}, {}", officers[o].account_id),
            );
        }
        s.answered += 1;
        bar.inc(1);
    }
    if out.tables.iter().any(Table::ready) {
        out.flush(state, false).await?;
    }
    Ok(())
}

/// One answer: the unit's means, the officers' quality on U6/U7, the respondent's profile.
#[allow(clippy::too_many_arguments)]
pub(super) fn answer(
    out: &mut Loader,
    rng: &mut ChaCha8Rng,
    ids: &mut Ids,
    unit: &Unit,
    service_type_id: i64,
    channel: &str,
    day: Date,
    at: i64,
    officer_quality: f64,
) -> i64 {
    let id = ids.next("survey_response");
    let mut cells = Vec::with_capacity(9);
    for (i, mean) in unit.means.iter().enumerate() {
        let mean = if i == 5 || i == 6 {
            mean + officer_quality
        } else {
            *mean
        };
        cells.push(if rng.gen_bool(0.02) {
            "NULL".to_owned()
        } else {
            score(rng, mean).to_string()
        });
    }
    let suggestion = rng
        .gen_bool(0.08)
        .then_some("Mohon waktu tunggu di loket dipersingkat");
    out.push(
        RESPONSE,
        format!(
            "{id}, {}, {service_type_id}, '{channel}', {}, {at}, {}, {}, {}, {}, {}, {}, NULL",
            unit.unit_id,
            text(&day_text(day)),
            cells.join(", "),
            text(if rng.gen_bool(0.5) { "L" } else { "P" }),
            rng.gen_range(18..70),
            text(EDUCATION[rng.gen_range(0..EDUCATION.len())]),
            text(OCCUPATION[rng.gen_range(0..OCCUPATION.len())]),
            opt_text(suggestion),
        ),
    );
    id
}
