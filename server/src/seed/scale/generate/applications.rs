//! One generated application: its service, citizen and officers, the days it took (working
//! days, corrections, lateness), its tracking log, and when completed its credit, permit and
//! survey invitation — answered at the unit's response rate.

use super::desk::answer;
use super::loader::{
    millis, Loader, APPLICATION, CREDIT, EVENT, INVITATION, PERMIT, RESPONSE_CREDIT, SOURCE,
};
use super::{Gen, Semester};
use crate::seed::scale::bulk::{opt_num, opt_text, text, Table};
use app::domain::registration::RegistrationNumber;
use app::server::applications::day_text;
use rand::Rng;
use rand_chacha::ChaCha8Rng;
use time::Duration;

/// Generates one application of semester `s` (or none, when its day falls after the end).
pub(super) async fn application(g: &mut Gen<'_>, s: &mut Semester) -> anyhow::Result<()> {
    let Gen {
        state,
        tz,
        today,
        calendar,
        rng,
        ids,
        out,
        bar,
        units,
        officers,
        citizens,
        per_day,
        permit_seq,
    } = g;
    let u = rng.gen_range(0..units.len());
    let unit = &units[u];
    let (service_type_id, days) = unit.services[rng.gen_range(0..unit.services.len())];
    let (citizen_id, nik, holder) = &citizens[rng.gen_range(0..citizens.len())];
    let submitted = s.period.first_day() + Duration::days(rng.gen_range(0..=s.span));
    let submitted = if calendar.is_working_day(submitted) {
        submitted
    } else {
        calendar.add_working_days(submitted, 1)
    };
    if submitted > s.last {
        bar.inc(1);
        return Ok(());
    }
    let due = calendar.add_working_days(submitted, days);
    let a = unit.officers[rng.gen_range(0..unit.officers.len())];
    let b = unit.officers[rng.gen_range(0..unit.officers.len())];
    let (officer_a, officer_b) = (officers[a].account_id, officers[b].account_id);
    let correction = rng.gen_bool(0.15);
    let late = rng.gen_bool(0.15);
    let used = if late {
        days + rng.gen_range(1..=4)
    } else {
        rng.gen_range(1..=days.max(1))
    };
    let paused = if correction { rng.gen_range(1..=5) } else { 0 };
    let finished = calendar.add_working_days(submitted, used + paused);
    let outcome = rng.gen_range(0..100);
    let (state_code, finished_on) = if finished >= *today {
        (
            [
                "submitted",
                "in_verification",
                "needs_correction",
                "in_process",
                "approved",
            ][rng.gen_range(0..5)],
            None,
        )
    } else if outcome < 4 {
        ("rejected", Some(finished))
    } else if outcome < 6 {
        ("withdrawn", Some(submitted + Duration::days(1)))
    } else {
        ("completed", Some(finished))
    };
    let id = ids.next("application");
    let counter = per_day.entry(submitted).or_default();
    *counter += 1;
    let reg =
        RegistrationNumber::generate(submitted, (*counter).wrapping_mul(0x9E37_79B1) & 0x1FF_FFFF);
    let t0 = millis(*tz, submitted, 8 * 60 + rng.gen_range(0..480));
    let t_end = finished_on.map(|d| millis(*tz, d, 9 * 60 + rng.gen_range(0..420)));
    let completed = state_code == "completed";
    out.push(APPLICATION, format!(
        "{id}, {}, {service_type_id}, {}, {citizen_id}, {}, {}, 'online', {}, '{state_code}', {officer_a}, {}, {}, {}, {}, {}, {}, {t0}, {}, {t0}, {}",
        text(reg.as_str()), unit.unit_id, text(holder), text(nik), text(&format!("gen-{id}")),
        text(&day_text(submitted)), text(&day_text(due)), opt_text(finished_on.map(day_text).as_deref()),
        opt_num((completed || state_code == "rejected").then_some(i64::from(!late))),
        opt_num((completed || state_code == "rejected").then_some(i64::from(used))),
        opt_text((state_code == "rejected").then_some("Persyaratan tidak lengkap setelah batas waktu perbaikan.")),
        t_end.unwrap_or(t0), opt_num(completed.then_some(t_end.unwrap_or(t0))),
    ));
    // The tracking log: who did what, when (REFERENCE §2.2).
    let mut at = t0;
    let mut event = |out: &mut Loader,
                     actor: Option<i64>,
                     kind: &str,
                     action: &str,
                     from: &str,
                     to: &str,
                     facing: bool,
                     rng: &mut ChaCha8Rng| {
        let e = ids.next("application_event");
        at += rng.gen_range(30..3_000) * 60_000;
        out.push(
            EVENT,
            format!(
                "{e}, {id}, {at}, {}, '{kind}', '{action}', '{from}', '{to}', {}, NULL",
                opt_num(actor),
                i64::from(facing)
            ),
        );
    };
    event(
        out,
        Some(*citizen_id),
        "citizen",
        "submit",
        "draft",
        "submitted",
        false,
        rng,
    );
    if state_code != "submitted" && state_code != "withdrawn" {
        event(
            out,
            Some(officer_a),
            "staff",
            "start_verification",
            "submitted",
            "in_verification",
            true,
            rng,
        );
        if correction {
            event(
                out,
                Some(officer_a),
                "staff",
                "request_correction",
                "in_verification",
                "needs_correction",
                true,
                rng,
            );
            if state_code != "needs_correction" {
                event(
                    out,
                    Some(*citizen_id),
                    "citizen",
                    "resubmit",
                    "needs_correction",
                    "resubmitted",
                    false,
                    rng,
                );
                event(
                    out,
                    Some(officer_a),
                    "staff",
                    "start_verification",
                    "resubmitted",
                    "in_verification",
                    true,
                    rng,
                );
            }
        }
    }
    if state_code == "withdrawn" {
        event(
            out,
            Some(*citizen_id),
            "citizen",
            "withdraw",
            "submitted",
            "withdrawn",
            false,
            rng,
        );
    }
    if state_code == "rejected" {
        event(
            out,
            Some(officer_b),
            "staff",
            "reject",
            "in_verification",
            "rejected",
            false,
            rng,
        );
    }
    let completer = if rng.gen_bool(0.7) {
        officer_a
    } else {
        officer_b
    };
    if matches!(state_code, "in_process" | "approved" | "completed") {
        event(
            out,
            Some(officer_a),
            "staff",
            "accept_documents",
            "in_verification",
            "in_process",
            true,
            rng,
        );
    }
    if matches!(state_code, "approved" | "completed") {
        event(
            out,
            Some(officer_b),
            "staff",
            "approve",
            "in_process",
            "approved",
            false,
            rng,
        );
    }
    bar.inc(1);
    if !completed {
        return Ok(());
    }
    event(
        out,
        Some(completer),
        "staff",
        "complete",
        "approved",
        "completed",
        true,
        rng,
    );
    let finished = finished_on.unwrap_or(submitted);
    // Credit frozen at completion: the officers of the citizen-facing steps (REFERENCE §4).
    out.push(CREDIT, format!("{id}, {officer_a}"));
    let mut credited = vec![a];
    if completer != officer_a {
        out.push(CREDIT, format!("{id}, {completer}"));
        credited.push(b);
    }
    let year = finished.year();
    let seq = permit_seq.entry((unit.unit_id, year)).or_default();
    *seq += 1;
    let permit = ids.next("permit");
    out.push(
        PERMIT,
        format!(
            "{permit}, {id}, {}, {seq}, {year}, {}, {}, {}, {}",
            text(&format!("503/{seq:04}/GEN/RG{:03}/{year}", u + 1)),
            unit.unit_id,
            text(holder),
            text(&format!("g{permit:x}{:08x}", rng.gen::<u32>())),
            t_end.unwrap_or(t0),
        ),
    );
    let invitation = ids.next("survey_invitation");
    let answers_it = rng.gen_bool(unit.response_rate) && s.answered < s.answer_target;
    let issued = t_end.unwrap_or(t0);
    let used_at = answers_it.then(|| {
        let t = issued + rng.gen_range(1..7 * 24 * 60) * 60_000;
        t - t.rem_euclid(86_400_000)
    });
    out.push(INVITATION, format!(
        "{invitation}, {}, NULL, 'online', {id}, {}, {service_type_id}, NULL, {}, {issued}, {}, {}",
        text(&format!("g{invitation:x}{:016x}", rng.gen::<u64>())), unit.unit_id, text(&day_text(finished)),
        issued + 60 * 86_400_000, opt_num(used_at),
    ));
    if let Some(used) = used_at {
        let officer_quality =
            credited.iter().map(|o| officers[*o].quality).sum::<f64>() / credited.len() as f64;
        let response = answer(
            out,
            rng,
            ids,
            unit,
            service_type_id,
            "online",
            finished,
            used + 3_600_000,
            officer_quality,
        );
        out.push(SOURCE, format!("{response}, {invitation}, {id}"));
        for o in &credited {
            out.push(
                RESPONSE_CREDIT,
                format!("{response}, {}", officers[*o].account_id),
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
