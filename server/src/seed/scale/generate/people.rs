//! The region's people: units with their services, one supervisor per ten officers, the
//! officers (each of a quality that moves their U6/U7 answers), and the citizens applying.

use super::loader::{
    name, normal, Ids, Loader, ACCOUNT, CITIZEN, PROVINCE_CODES, REQUIREMENT, ROLE, SERVICE, STAFF,
    UNIT,
};
use super::{Officer, Spec, Unit};
use crate::seed::scale::bulk::text;
use crate::seed::scale::names::{OFFICES, SERVICES};
use app::server::state::AppState;
use rand::Rng;
use rand_chacha::ChaCha8Rng;

/// A citizen account: id, NIK, name.
pub(super) type Citizen = (i64, String, String);

/// Generates (and loads) the units, staff and citizens.
pub(super) async fn people(
    state: &AppState,
    out: &mut Loader,
    rng: &mut ChaCha8Rng,
    ids: &mut Ids,
    spec: &Spec,
    now: i64,
) -> anyhow::Result<(Vec<Unit>, Vec<Officer>, Vec<Citizen>)> {
    let mut units = Vec::with_capacity(spec.units);
    for u in 0..spec.units {
        let unit_id = ids.next("unit");
        let office = if u < OFFICES.len() {
            OFFICES[u].to_owned()
        } else {
            format!("Kecamatan Wilayah {}", u + 1 - OFFICES.len())
        };
        out.push(
            UNIT,
            format!(
                "{unit_id}, {}, {}, 1, {now}, {now}",
                text(&format!("RG{:03}", u + 1)),
                text(&office)
            ),
        );
        let mut services = Vec::new();
        for s in 0..rng.gen_range(3..=5) {
            let id = ids.next("service_type");
            let (name_id, name_en) = SERVICES[(u + s) % SERVICES.len()];
            let days: u32 = [1, 2, 3, 5, 7, 10, 14][rng.gen_range(0..7)];
            let fee = if rng.gen_bool(0.8) {
                0
            } else {
                50_000 * rng.gen_range(1..6)
            };
            out.push(SERVICE, format!(
                "{id}, {unit_id}, {}, {}, {}, '', '', {days}, {fee}, {}, {}, '', '', {}, 1, {now}, {now}",
                text(&format!("RG{:03}-S{}", u + 1, s + 1)), text(&format!("{name_id} ({office})")),
                text(&format!("{name_en} ({office})")), text(name_id), text(name_en), text(&format!("S{}", s + 1)),
            ));
            let req = ids.next("service_requirement");
            out.push(
                REQUIREMENT,
                format!("{req}, {id}, 1, 'Fotokopi KTP', 'ID card (KTP)', 1, 'pdf,jpeg,png', 2048"),
            );
            services.push((id, days));
        }
        let mut means = [3.2, 3.0, 2.8, 3.7, 3.1, 3.2, 3.3, 2.9, 2.9];
        let unit_shift = normal(rng, 0.15);
        for m in &mut means {
            *m += unit_shift + normal(rng, 0.08);
        }
        units.push(Unit {
            unit_id,
            services,
            officers: Vec::new(),
            response_rate: rng.gen_range(0.2..0.6),
            means,
        });
    }
    let mut officers: Vec<Officer> = Vec::with_capacity(spec.officers);
    let mut supervisors: Vec<Vec<i64>> = vec![Vec::new(); spec.units];
    let per_unit = spec.officers.div_ceil(spec.units.max(1));
    let mut staff_serial = 0u32;
    let mut nip = |rng: &mut ChaCha8Rng| {
        staff_serial += 1;
        let birth = 1965 + rng.gen_range(0..35);
        let gender = rng.gen_range(1..=2);
        format!(
            "{birth}{:02}{:02}{}{:02}{gender}{:03}",
            rng.gen_range(1..=12),
            rng.gen_range(1..=28),
            birth + rng.gen_range(20..28),
            rng.gen_range(1..=12),
            staff_serial % 1000
        )
    };
    for (u, unit) in units.iter_mut().enumerate() {
        let count = per_unit.min(spec.officers - officers.len().min(spec.officers));
        for s in 0..count.div_ceil(10).max(1) {
            let account_id = ids.next("account");
            out.push(
                ACCOUNT,
                format!("{account_id}, 'staff', NULL, NULL, 1, NULL, {now}, {now}"),
            );
            let _ = s;
            out.push(
                STAFF,
                format!(
                    "{account_id}, {}, {}, {}, NULL",
                    text(&nip(rng)),
                    text(&name(rng)),
                    unit.unit_id
                ),
            );
            out.push(ROLE, format!("{account_id}, 'supervisor'"));
            supervisors[u].push(account_id);
        }
        for _ in 0..count {
            let account_id = ids.next("account");
            let supervisor = supervisors[u][rng.gen_range(0..supervisors[u].len())];
            out.push(
                ACCOUNT,
                format!("{account_id}, 'staff', NULL, NULL, 1, NULL, {now}, {now}"),
            );
            out.push(
                STAFF,
                format!(
                    "{account_id}, {}, {}, {}, {supervisor}",
                    text(&nip(rng)),
                    text(&name(rng)),
                    unit.unit_id
                ),
            );
            out.push(ROLE, format!("{account_id}, 'officer'"));
            unit.officers.push(officers.len());
            officers.push(Officer {
                account_id,
                quality: normal(rng, 0.18),
            });
        }
        out.flush(state, false).await?;
    }
    let mut citizens: Vec<(i64, String, String)> = Vec::with_capacity(spec.citizens);
    for c in 0..spec.citizens {
        let account_id = ids.next("account");
        let female = rng.gen_bool(0.5);
        let day = rng.gen_range(1..=28) + if female { 40 } else { 0 };
        let nik = format!(
            "{}{:02}{:02}{day:02}{:02}{:02}{:04}",
            PROVINCE_CODES[c % 4],
            71 + (c / 4) % 20,
            1 + (c / 80) % 30,
            rng.gen_range(1..=12),
            rng.gen_range(50..100),
            1 + (c / 2400) % 9999
        );
        let full_name = name(rng);
        out.push(
            ACCOUNT,
            format!("{account_id}, 'citizen', NULL, NULL, 1, NULL, {now}, {now}"),
        );
        out.push(
            CITIZEN,
            format!(
                "{account_id}, {}, {}, NULL, 'v1', {now}",
                text(&nik),
                text(&full_name)
            ),
        );
        citizens.push((account_id, nik, full_name));
        if out.tables[ACCOUNT].ready() {
            out.flush(state, false).await?;
        }
    }
    out.flush(state, true).await?;
    Ok((units, officers, citizens))
}
