//! The demo city's applications: one or more in every state of the lifecycle (REFERENCE §2.2),
//! online and at the counter, on time and overdue, so a newcomer sees a living work queue and a
//! citizen's page with a permit, a correction round and a draft. Everything goes through the
//! same services the portal uses, so the tracking log, notifications and credit are real.

use anyhow::{anyhow, Context};
use app::auth::Viewer;
use app::i18n::{I18n, Lang};
use app::server::accounts::RequestMeta;
use app::server::applications::{
    citizen, counter, draft,
    staff::{self, StepInput},
};
use app::server::state::AppState;

const PHOTO: &[u8] = include_bytes!("../../../demo/documents/contoh-foto.png");
const LETTER: &[u8] = include_bytes!("../../../demo/documents/contoh-surat.pdf");

/// Demo citizens beside the demo account: NIK, name, email.
pub const CITIZENS: &[(&str, &str, &str)] = &[
    (
        "1275014708920002",
        "Rina Marpaung",
        "rina.marpaung@example.id",
    ),
    (
        "1275012303850004",
        "Hendra Siregar",
        "hendra.siregar@example.id",
    ),
    ("1275015512880001", "Nur Aisyah", "nur.aisyah@example.id"),
    (
        "1275010901950007",
        "Yusuf Harahap",
        "yusuf.harahap@example.id",
    ),
    (
        "1275016204000003",
        "Maria Simanjuntak",
        "maria.simanjuntak@example.id",
    ),
];

/// Where a demo application is taken to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Goal {
    Draft,
    Submitted,
    InVerification,
    NeedsCorrection,
    Resubmitted,
    InProcess,
    Approved,
    Rejected,
    Completed,
    Withdrawn,
}

/// The people the demo steps are taken by.
struct Cast {
    citizens: Vec<Viewer>,
    officer: Viewer,
    second_officer: Viewer,
}

fn i18n() -> I18n {
    I18n { lang: Lang::Id }
}

async fn viewer_by(state: &AppState, sql: &str, key: &str) -> anyhow::Result<Viewer> {
    let id: i64 = sqlx::query_scalar(sql)
        .bind(key)
        .fetch_one(state.db.read())
        .await
        .with_context(|| format!("demo account {key}"))?;
    app::server::session::account_viewer(&state.db, id)
        .await?
        .ok_or_else(|| anyhow!("demo account {key} is not active"))
}

pub async fn staff_viewer(state: &AppState, nip: &str) -> anyhow::Result<Viewer> {
    viewer_by(state, "SELECT account_id FROM staff WHERE nip = $1", nip).await
}

async fn citizen_viewer(state: &AppState, nik: &str) -> anyhow::Result<Viewer> {
    viewer_by(state, "SELECT account_id FROM citizen WHERE nik = $1", nik).await
}

/// Loads the demo applications. `citizen_nik` is the demo citizen account's NIK.
pub async fn seed(state: &AppState, citizen_nik: &str) -> anyhow::Result<()> {
    for (nik, name, email) in CITIZENS {
        let email = app::domain::contact::Email::parse(email).context("demo email")?;
        app::server::accounts::register::create_citizen_directly(
            &state.db,
            nik,
            name,
            Some(&email),
            None,
            "demo-warga-lain-sigap",
        )
        .await?;
    }
    let mut citizens = vec![citizen_viewer(state, citizen_nik).await?];
    for (nik, ..) in CITIZENS {
        citizens.push(citizen_viewer(state, nik).await?);
    }
    let cast = Cast {
        citizens,
        officer: staff_viewer(state, "199001152015032001").await?,
        second_officer: staff_viewer(state, "199203202016041002").await?,
    };
    // (citizen, service, goal): the demo citizen (0) sees a permit, a correction round and a
    // draft; the queue of DPMPTSP holds every other state.
    let plan: &[(usize, &str, Goal)] = &[
        (0, "SIUMK", Goal::Completed),
        (0, "PBG", Goal::NeedsCorrection),
        (0, "REKLAME", Goal::Draft),
        (1, "SIUMK", Goal::Submitted),
        (2, "PBG", Goal::InVerification),
        (3, "SIUMK", Goal::InProcess),
        (4, "REKLAME", Goal::Approved),
        (1, "REKLAME", Goal::Rejected),
        (2, "SIUMK", Goal::Withdrawn),
        (3, "PBG", Goal::Resubmitted),
        (5, "SIUMK", Goal::Completed),
        (5, "PBG", Goal::Submitted),
    ];
    for (n, (who, code, goal)) in plan.iter().enumerate() {
        let citizen = cast.citizens[*who].clone();
        let key = format!("demo-application-{n:04}-{code}");
        let id = draft::start_draft(state, &citizen, code, &key)
            .await
            .map_err(|e| anyhow!("demo draft {code}: {e:?}"))?;
        if already_moved(state, id).await? {
            continue;
        }
        take_to(state, &cast, &citizen, id, *goal, n % 2 == 1).await?;
    }
    backdate_overdue(state).await?;
    counter_application(state, &cast).await?;
    Ok(())
}

/// Whether a demo application was loaded before (the demo is being loaded again).
async fn already_moved(state: &AppState, id: i64) -> anyhow::Result<bool> {
    let events: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM application_event WHERE application_id = $1")
            .bind(id)
            .fetch_one(state.db.read())
            .await?;
    Ok(events > 0)
}

/// Fills in a draft as `applicant`: every question answered, every document uploaded.
async fn fill(state: &AppState, applicant: &Viewer, id: i64) -> anyhow::Result<()> {
    let fields: Vec<(i64, String, String)> = sqlx::query_as(
        "SELECT f.field_id, f.kind, f.choices FROM service_field f
         JOIN application a ON a.service_type_id = f.service_type_id
         WHERE a.application_id = $1 AND f.active = 1 ORDER BY f.position",
    )
    .bind(id)
    .fetch_all(state.db.read())
    .await?;
    let answers: Vec<(String, String)> = fields
        .into_iter()
        .map(|(field_id, kind, choices)| {
            let value = match kind.as_str() {
                "number" => "48".to_owned(),
                "date" => "2027-01-04".to_owned(),
                "choice" => choices.lines().next().unwrap_or_default().trim().to_owned(),
                _ => "Usaha Bersama Sejahtera".to_owned(),
            };
            (format!("field_{field_id}"), value)
        })
        .collect();
    draft::save_answers(state, applicant, id, &answers, i18n())
        .await
        .map_err(|e| anyhow!("demo answers: {e:?}"))?;
    let requirements: Vec<(i64, String)> = sqlx::query_as(
        "SELECT r.requirement_id, r.accepted_types FROM service_requirement r
         JOIN application a ON a.service_type_id = r.service_type_id
         WHERE a.application_id = $1 AND r.active = 1 AND r.needs_document = 1",
    )
    .bind(id)
    .fetch_all(state.db.read())
    .await?;
    for (requirement_id, types) in requirements {
        upload(state, applicant, id, requirement_id, &types).await?;
    }
    Ok(())
}

async fn upload(
    state: &AppState,
    applicant: &Viewer,
    id: i64,
    requirement_id: i64,
    types: &str,
) -> anyhow::Result<()> {
    let (name, bytes) = if types.contains("pdf") {
        ("dokumen-contoh.pdf", LETTER)
    } else {
        ("foto-contoh.png", PHOTO)
    };
    draft::upload_document(
        state,
        applicant,
        id,
        requirement_id,
        name,
        bytes,
        &RequestMeta::default(),
        i18n(),
    )
    .await
    .map_err(|e| anyhow!("demo upload: {e:?}"))
}

async fn step(state: &AppState, officer: &Viewer, id: i64, input: StepInput) -> anyhow::Result<()> {
    let action = input.action.clone();
    staff::act(state, officer, id, &input, &RequestMeta::default(), i18n())
        .await
        .map(|_| ())
        .map_err(|e| anyhow!("demo step {action}: {e:?}"))
}

fn plain(action: &str) -> StepInput {
    StepInput {
        action: action.to_owned(),
        ..StepInput::default()
    }
}

/// Takes application `id` from its fresh draft to `goal`.
async fn take_to(
    state: &AppState,
    cast: &Cast,
    citizen: &Viewer,
    id: i64,
    goal: Goal,
    second: bool,
) -> anyhow::Result<()> {
    let officer = if second {
        &cast.second_officer
    } else {
        &cast.officer
    };
    fill(state, citizen, id).await?;
    if goal == Goal::Draft {
        return Ok(());
    }
    draft::submit(state, citizen, id, i18n())
        .await
        .map_err(|e| anyhow!("demo submit: {e:?}"))?;
    let meta = RequestMeta::default();
    if goal == Goal::Submitted {
        return Ok(());
    }
    if goal == Goal::Withdrawn {
        return citizen::withdraw(state, citizen, id, &meta, i18n())
            .await
            .map_err(|e| anyhow!("demo withdraw: {e:?}"));
    }
    step(state, officer, id, plain("start_verification")).await?;
    if goal == Goal::InVerification {
        return Ok(());
    }
    if matches!(goal, Goal::NeedsCorrection | Goal::Resubmitted) {
        let (requirement_id, types): (i64, String) = sqlx::query_as(
            "SELECT r.requirement_id, r.accepted_types FROM service_requirement r
             JOIN application a ON a.service_type_id = r.service_type_id
             WHERE a.application_id = $1 AND r.needs_document = 1 ORDER BY r.position DESC",
        )
        .bind(id)
        .fetch_one(state.db.read())
        .await?;
        let input = StepInput {
            action: "request_correction".into(),
            notes: vec![(
                requirement_id,
                "Gambar tidak terbaca; mohon unggah ulang hasil pindaian yang lebih jelas dan bertanda tangan.".into(),
            )],
            ..StepInput::default()
        };
        step(state, officer, id, input).await?;
        if goal == Goal::NeedsCorrection {
            return Ok(());
        }
        upload(state, citizen, id, requirement_id, &types).await?;
        return citizen::resubmit(state, citizen, id, &meta, i18n())
            .await
            .map_err(|e| anyhow!("demo resubmit: {e:?}"));
    }
    if goal == Goal::Rejected {
        let input = StepInput {
            action: "reject".into(),
            reason: "Lokasi pemasangan berada di kawasan larangan reklame (jalur hijau kota); silakan ajukan lokasi lain.".into(),
            ..StepInput::default()
        };
        return step(state, officer, id, input).await;
    }
    step(state, officer, id, plain("accept_documents")).await?;
    if goal == Goal::InProcess {
        return Ok(());
    }
    step(state, officer, id, plain("approve")).await?;
    if goal == Goal::Approved {
        return Ok(());
    }
    step(state, officer, id, plain("complete")).await
}

/// Moves the last submitted PBG application three weeks back, so the queue shows an overdue
/// case (a demo shortcut: real applications are never backdated).
async fn backdate_overdue(state: &AppState) -> anyhow::Result<()> {
    let id: Option<i64> = sqlx::query_scalar(
        "SELECT a.application_id FROM application a JOIN service_type s ON s.service_type_id = a.service_type_id
         WHERE s.code = 'PBG' AND a.state = 'submitted' ORDER BY a.application_id DESC",
    )
    .fetch_optional(state.db.read())
    .await?;
    let Some(id) = id else { return Ok(()) };
    let today = app::server::applications::today(state);
    let submitted = today - time::Duration::days(28);
    let mut tx = state.db.begin().await?;
    let calendar = app::server::applications::calendar(&mut tx)
        .await
        .map_err(|e| anyhow!("{e:?}"))?;
    let due = calendar.add_working_days(submitted, 14);
    let shift_millis = 28 * 24 * 3600 * 1000_i64;
    sqlx::query(
        "UPDATE application SET submitted_on = $1, due_on = $2, submitted_at = submitted_at - $3,
             created_at = created_at - $3 WHERE application_id = $4",
    )
    .bind(app::server::applications::day_text(submitted))
    .bind(app::server::applications::day_text(due))
    .bind(shift_millis)
    .bind(id)
    .execute(&mut *tx)
    .await?;
    sqlx::query("UPDATE application_event SET at = at - $1 WHERE application_id = $2")
        .bind(shift_millis)
        .bind(id)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(())
}

/// A walk-in citizen served at the DPMPTSP counter by the demo officer.
async fn counter_application(state: &AppState, cast: &Cast) -> anyhow::Result<()> {
    let input = counter::CounterInput {
        service: "SIUMK".into(),
        full_name: "Sri Wahyuni".into(),
        nik: "1275016811790005".into(),
        email: String::new(),
        phone: "081370001122".into(),
        draft_key: "demo-counter-application-0001".into(),
    };
    let id = counter::start(
        state,
        &cast.officer,
        &input,
        &RequestMeta::default(),
        i18n(),
    )
    .await
    .map_err(|e| anyhow!("demo counter application: {e:?}"))?;
    fill(state, &cast.officer, id).await?;
    draft::submit(state, &cast.officer, id, i18n())
        .await
        .map_err(|e| anyhow!("demo counter submit: {e:?}"))?;
    step(state, &cast.officer, id, plain("start_verification")).await
}
