//! The supervisor's appraisal and the officer's side of it (issue 6, REFERENCE §5) on SQLite and
//! PostgreSQL, through the router: the supervisor saves ratings (predikat from the matrix; the
//! suggestion, score, formula version, parameters and responses stored with it; audited);
//! departing from the suggestion needs a written reason; only the officer's supervisor may
//! appraise, and nobody outside learns the appraisal exists; a closed period is read-only; the
//! officer reads their own page and contests; every supervisor and HR read is audited.

use crate::applying::{self, account_id, count, exec, viewer, visible, CODE, ID};
use crate::common::{self, people, Jar, PASSWORD};
use app::domain::officer_score::{ScoringParams, FORMULA_VERSION};
use app::server::accounts::RequestMeta;
use app::server::appraisal::{appraise, periods};
use app::server::audit::Actor;

mod officer_side;
mod who_and_when;

/// The period every test appraises (the answers below fall in it).
const PERIOD: &str = "2026-S1";
/// A supervisor of unit B, who supervises nobody in unit A.
const SUPERVISOR_B: &str = "198102022006041004";
/// A second officer of unit A under the same supervisor, with too few answers.
const OFFICER_C: &str = "199405052019032003";

/// `n` paper answers naming `nip` (unit A's test service), with U6 and U7 as given.
fn answers(nip: &str, n: usize, u6: u8, u7: u8) -> String {
    (0..n)
        .map(|i| {
            let day = 2 + i % 20;
            format!("2026-02-{day:02},UNIT-A,{CODE},{nip},3,3,3,3,3,{u6},{u7},3,3,,,,,\n")
        })
        .collect()
}

async fn import(app: &common::TestApp, body: &str) {
    let text = app::domain::survey_csv::SURVEY_CSV_HEADER.join(",") + "\n" + body;
    let tz = app.state.config.time_zone.offset();
    app::server::survey::paper::import_paper(&app.db, &Actor::system(), &text, tz, ID)
        .await
        .unwrap();
}

async fn add_staff(
    app: &common::TestApp,
    nip: &str,
    name: &str,
    unit: &str,
    roles: &[app::auth::Role],
    supervisor: Option<&str>,
) {
    use app::domain::{contact::FullName, nip::Nip, password::NewPassword};
    let password = NewPassword::parse(PASSWORD, &[]).unwrap();
    app::server::accounts::admin::ensure_staff(
        &app.db,
        &app::server::accounts::admin::DirectStaff {
            nip: &Nip::parse(nip).unwrap(),
            name: &FullName::parse(name).unwrap(),
            email: None,
            unit_code: Some(unit),
            roles,
            supervisor_nip: supervisor,
            password: &password,
        },
        &Actor::system(),
    )
    .await
    .unwrap();
}

/// People, unit A's service, 22 answers for officer A (U6 3 or 4, U7 4) and 5 alike for
/// officer C (so A is the unit's mean: the suggestion is "sesuai"), a supervisor of unit B,
/// and period 2026-S1 opened by HR.
async fn arrange(app: &common::TestApp) {
    use app::auth::Role;
    applying::define_service(app).await;
    add_staff(
        app,
        SUPERVISOR_B,
        "Supervisor Bé",
        "UNIT-B",
        &[Role::Supervisor],
        None,
    )
    .await;
    add_staff(
        app,
        OFFICER_C,
        "Cici Enam",
        "UNIT-A",
        &[Role::Officer],
        Some(people::SUPERVISOR),
    )
    .await;
    let mut body = answers(people::OFFICER_A, 11, 4, 4);
    body.push_str(&answers(people::OFFICER_A, 11, 3, 4));
    body.push_str(&answers(OFFICER_C, 3, 4, 4));
    body.push_str(&answers(OFFICER_C, 2, 3, 4));
    import(app, &body).await;
    let hr = viewer(app, people::HR).await;
    let input = periods::OpenInput {
        name: PERIOD.into(),
    };
    periods::open(&app.db, &hr, &input, &RequestMeta::default(), ID)
        .await
        .unwrap();
}

async fn staff(app: &common::TestApp, nip: &str) -> Jar {
    app.sign_in("/petugas/masuk", nip, PASSWORD).await
}

fn save_path() -> String {
    format!("/petugas/penilaian/{}", people::OFFICER_A)
}

fn rating(hasil: &str, perilaku: &str, reason: &str) -> String {
    format!(
        "period={PERIOD}&hasil_kerja={hasil}&perilaku_kerja={perilaku}&reason={}",
        common::enc(reason)
    )
}

async fn audits(app: &common::TestApp, action: &str, actor: i64) -> i64 {
    sqlx::query_scalar(
        "SELECT COUNT(*) FROM audit_event WHERE action = $1 AND actor_account_id = $2",
    )
    .bind(action)
    .bind(actor)
    .fetch_one(app.db.read())
    .await
    .unwrap()
}

db_test!(
    a_supervisor_saves_an_appraisal_with_everything_it_rests_on,
    |app| {
        arrange(&app).await;
        let mut boss = staff(&app, people::SUPERVISOR).await;
        let (status, location, page) = app
            .post_as(&save_path(), &rating("di_atas", "sesuai", ""), &mut boss)
            .await;
        assert_eq!(status, 303, "{page}");
        assert_eq!(
            location.as_deref(),
            Some(
                format!(
                    "/petugas/penilaian/{}?periode={PERIOD}&ok=saved#penilaian",
                    people::OFFICER_A
                )
                .as_str()
            )
        );
        let officer = account_id(&app, people::OFFICER_A).await;
        let boss_id = account_id(&app, people::SUPERVISOR).await;
        type Row = (
            i64,
            String,
            String,
            String,
            Option<String>,
            Option<String>,
            String,
            String,
            String,
            i64,
        );
        let row: Row = sqlx::query_as(
        "SELECT appraisal_id, hasil_kerja, perilaku_kerja, predikat, suggestion, departure_reason,
                formula_version, params, evidence, supervisor_account_id
         FROM appraisal WHERE officer_account_id = $1",
    )
    .bind(officer)
    .fetch_one(app.db.read())
    .await
    .unwrap();
        let (id, hasil, perilaku, predikat, suggestion, reason, formula, params, evidence, by) =
            row;
        assert_eq!(
            (hasil.as_str(), perilaku.as_str(), predikat.as_str()),
            ("di_atas", "sesuai", "baik")
        );
        // Officer A answers like the unit: the suggestion is "sesuai".
        assert_eq!(suggestion.as_deref(), Some("sesuai"));
        assert_eq!(reason, None);
        assert_eq!(formula, FORMULA_VERSION);
        assert_eq!(by, boss_id);
        let params: ScoringParams = serde_json::from_str(&params).unwrap();
        assert_eq!(params, ScoringParams::default());
        let score: app::api::appraisal::ScoreView = serde_json::from_str(&evidence).unwrap();
        assert_eq!((score.n, score.min_n), (22, 20));
        assert_eq!(
            score.suggestion,
            Some(app::domain::officer_score::Expectation::Sesuai)
        );
        assert!(score.shrunk.is_some() && score.ci_low.is_some() && score.ci_high.is_some());
        // The responses used are exactly those credited to the officer.
        let used = applying::ids(&app, &format!("SELECT response_id FROM appraisal_evidence WHERE appraisal_id = {id} ORDER BY response_id")).await;
        let credited = applying::ids(&app, &format!("SELECT response_id FROM survey_response_credit WHERE officer_account_id = {officer} ORDER BY response_id")).await;
        assert_eq!(used.len(), 22);
        assert_eq!(used, credited);
        assert_eq!(audits(&app, "appraisal.saved", boss_id).await, 1);
        let subject: String =
            sqlx::query_scalar("SELECT subject FROM audit_event WHERE action = 'appraisal.saved'")
                .fetch_one(app.db.read())
                .await
                .unwrap();
        assert_eq!(subject, format!("staff:{officer}"));

        // Every cell of the matrix (REFERENCE §5.1), saved as an update of the same appraisal.
        use app::domain::officer_score::Expectation::{DiAtas, DiBawah, Sesuai};
        let supervisor = viewer(&app, people::SUPERVISOR).await;
        let matrix = [
            (DiAtas, DiBawah, "kurang"),
            (DiAtas, Sesuai, "baik"),
            (DiAtas, DiAtas, "sangat_baik"),
            (Sesuai, DiBawah, "kurang"),
            (Sesuai, Sesuai, "baik"),
            (Sesuai, DiAtas, "baik"),
            (DiBawah, DiBawah, "sangat_kurang"),
            (DiBawah, Sesuai, "butuh_perbaikan"),
            (DiBawah, DiAtas, "butuh_perbaikan"),
        ];
        for (hasil, perilaku, want) in matrix {
            let input = appraise::AppraisalInput {
                hasil_kerja: hasil.code().into(),
                perilaku_kerja: perilaku.code().into(),
                reason: "Pengamatan langsung selama periode ini.".into(),
            };
            appraise::save(
                &app.state,
                &supervisor,
                people::OFFICER_A,
                PERIOD,
                &input,
                &RequestMeta::default(),
                ID,
            )
            .await
            .unwrap();
            let got: String =
                sqlx::query_scalar("SELECT predikat FROM appraisal WHERE appraisal_id = $1")
                    .bind(id)
                    .fetch_one(app.db.read())
                    .await
                    .unwrap();
            assert_eq!(got, want, "{hasil} × {perilaku}");
        }
        assert_eq!(count(&app, "SELECT COUNT(*) FROM appraisal").await, 1);
        // Evidence replaced, not appended.
        assert_eq!(
            count(
                &app,
                &format!("SELECT COUNT(*) FROM appraisal_evidence WHERE appraisal_id = {id}")
            )
            .await,
            22
        );
        assert_eq!(audits(&app, "appraisal.saved", boss_id).await, 10);

        // The page shows the saved appraisal with the formula version and parameters.
        let (status, _, page) = app
            .get_as(
                &format!("/petugas/penilaian/{}?periode={PERIOD}", people::OFFICER_A),
                &boss,
            )
            .await;
        assert_eq!(status, 200);
        let page = visible(&page);
        assert!(page.contains("data-testid=\"rating-form\""), "{page}");
        assert!(page.contains(FORMULA_VERSION), "{page}");
        assert!(
            page.contains("n minimal 20, k = 10, margin δ = 3, z = 1.96"),
            "{page}"
        );
        assert!(page.contains("Butuh Perbaikan"), "{page}");
    }
);

db_test!(
    departing_from_the_suggestion_without_a_reason_is_refused_and_nothing_is_written,
    |app| {
        arrange(&app).await;
        let mut boss = staff(&app, people::SUPERVISOR).await;
        let (status, _, page) = app
            .post_as(&save_path(), &rating("sesuai", "di_atas", ""), &mut boss)
            .await;
        assert_eq!(status, 422, "{page}");
        let page = visible(&page);
        assert!(
            page.contains(
                "Perilaku kerja berbeda dari saran portal (sesuai ekspektasi): tuliskan alasannya."
            ),
            "{page}"
        );
        assert!(page.contains("href=\"#f-reason\""), "{page}");
        // What was typed is kept.
        assert!(page.contains("value=\"di_atas\" checked"), "{page}");
        let (status, _, page) = app
            .post_as(
                &save_path(),
                &rating("sesuai", "di_atas", "  singkat "),
                &mut boss,
            )
            .await;
        assert_eq!(status, 422);
        assert!(visible(&page).contains("Alasan terlalu singkat: tulis sedikitnya 10 karakter."));
        // Missing ratings are named, each with its own link.
        let (status, _, page) = app
            .post_as(&save_path(), &rating("", "", ""), &mut boss)
            .await;
        assert_eq!(status, 422);
        let page = visible(&page);
        assert!(
            page.contains("Pilih penilaian hasil kerja.")
                && page.contains("href=\"#f-hasil_kerja\""),
            "{page}"
        );
        assert!(
            page.contains("Pilih penilaian perilaku kerja.")
                && page.contains("href=\"#f-perilaku_kerja\""),
            "{page}"
        );
        // In English.
        boss.0.push(("sigap_lang".into(), "en".into()));
        let (status, _, page) = app
            .post_as(&save_path(), &rating("sesuai", "di_bawah", ""), &mut boss)
            .await;
        assert_eq!(status, 422);
        assert!(
            visible(&page).contains("(meets expectations): write down why."),
            "{page}"
        );
        assert_eq!(count(&app, "SELECT COUNT(*) FROM appraisal").await, 0);
        assert_eq!(
            count(&app, "SELECT COUNT(*) FROM appraisal_evidence").await,
            0
        );
        assert_eq!(
            count(
                &app,
                "SELECT COUNT(*) FROM audit_event WHERE action = 'appraisal.saved'"
            )
            .await,
            0
        );
        // With a reason it is saved, reason included.
        let (status, _, _) = app
            .post_as(
                &save_path(),
                &rating(
                    "sesuai",
                    "di_atas",
                    "Selalu membantu rekan di loket saat antrean panjang.",
                ),
                &mut boss,
            )
            .await;
        assert_eq!(status, 303);
        let reason: Option<String> = sqlx::query_scalar("SELECT departure_reason FROM appraisal")
            .fetch_one(app.db.read())
            .await
            .unwrap();
        assert_eq!(
            reason.as_deref(),
            Some("Selalu membantu rekan di loket saat antrean panjang.")
        );
    }
);
