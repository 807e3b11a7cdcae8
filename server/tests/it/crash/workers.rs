//! The crash test's load: what each worker sends and what got a success response.

use super::{ANSWERERS, APPLICANTS, TO_COMPLETE};
use crate::applying::{self, fill_and_submit, pdf, start, step_ok, Service, CODE};
use crate::common::live::{Live, Reply, SECRET};
use crate::common::{people, Jar, TestApp, PASSWORD};
use crate::survey::ANSWERS;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// What got a success response before the kill.
#[derive(Default)]
pub(crate) struct Acked {
    pub answers: Vec<String>,
    pub drafts: Vec<(String, i64)>,
    pub submitted: Vec<i64>,
    pub completed: Vec<i64>,
}

/// Counter invitations of officer A to the test service, signed as the server signs them:
/// (jti, token). Needs [`applying::define_service`] first.
pub(crate) async fn invitations(
    app: &TestApp,
    prefix: &str,
    count: usize,
) -> Vec<(String, String)> {
    let officer = applying::account_id(app, people::OFFICER_A).await;
    let (unit, service): (i64, i64) =
        sqlx::query_as("SELECT unit_id, service_type_id FROM service_type WHERE code = $1")
            .bind(CODE)
            .fetch_one(app.db.read())
            .await
            .unwrap();
    let keys = app::server::survey::SurveyKeys::new(&app::server::config::Secret::new(
        SECRET.as_bytes().to_vec(),
    ));
    let now = app::server::db::now_millis();
    let day = app::server::applications::today(&app.state).to_string();
    let mut out = Vec::with_capacity(count);
    for chunk in (0..count).collect::<Vec<_>>().chunks(500) {
        let rows: Vec<String> = chunk
            .iter()
            .map(|i| {
                format!(
                    "('{prefix}-{i}', 'counter', {unit}, {service}, {officer}, '{day}', {now}, {})",
                    now + 86_400_000
                )
            })
            .collect();
        sqlx::query(&format!(
            "INSERT INTO survey_invitation (jti, channel, unit_id, service_type_id, officer_account_id, service_date, issued_at, expires_at) VALUES {}",
            rows.join(",")
        ))
        .execute(app.db.write())
        .await
        .unwrap();
        for i in chunk {
            let jti = format!("{prefix}-{i}");
            let token = keys.sign(&jti, now / 1000, now / 1000 + 86_400);
            out.push((jti, token));
        }
    }
    // Written beside the portal's invitation path: bring the rollups' counts of served
    // services up to date as it would have.
    app::server::scoring::rollup::rebuild(&app.db)
        .await
        .unwrap();
    out
}

/// Applications of citizen 2 brought up to approval, ready for the officer to complete.
pub(crate) async fn approved(app: &TestApp, service: Service, officer: &mut Jar) -> Vec<i64> {
    let mut citizen = app.sign_in("/masuk", people::CITIZEN_2, PASSWORD).await;
    let mut ids = Vec::new();
    for n in 0..TO_COMPLETE {
        let id = start(app, &mut citizen, &format!("crash-approved-{n:08}")).await;
        fill_and_submit(app, &mut citizen, service, id).await;
        for action in ["start_verification", "accept_documents", "approve"] {
            step_ok(app, officer, id, &format!("action={action}")).await;
        }
        ids.push(id);
    }
    ids
}

/// One applicant's whole journey; returns at the first request the server did not answer.
async fn apply_once(
    live: &Live,
    jar: &Jar,
    service: Service,
    key: &str,
    acked: &Mutex<Acked>,
) -> bool {
    let ok = |r: &Result<Reply, _>| matches!(r, Ok(reply) if reply.status == 303);
    let reply = live
        .post_form(
            &format!("/layanan/{CODE}/ajukan"),
            &format!("draft_key={key}"),
            jar,
        )
        .await;
    let Ok(Reply {
        status: 303,
        location: Some(location),
        ..
    }) = reply
    else {
        return false;
    };
    let id: i64 = location
        .trim_start_matches("/permohonan/")
        .trim_end_matches("/isi")
        .parse()
        .expect("the draft's page");
    acked.lock().unwrap().drafts.push((key.to_owned(), id));
    let fill = format!("field_{}=Warung+Sejahtera", service.field);
    if !ok(&live
        .post_form(&format!("/permohonan/{id}/isi"), &fill, jar)
        .await)
    {
        return false;
    }
    for (requirement, name) in [(service.ktp, "ktp.pdf"), (service.letter, "surat.pdf")] {
        let path = format!("/permohonan/{id}/dokumen/{requirement}");
        if !ok(&live.post_file(&path, name, &pdf(key), jar).await) {
            return false;
        }
    }
    match live
        .post_form(&format!("/permohonan/{id}/ajukan"), "", jar)
        .await
    {
        Ok(reply) if reply.location.as_deref() == Some(&format!("/permohonan/{id}/terkirim")) => {
            acked.lock().unwrap().submitted.push(id);
            true
        }
        _ => false,
    }
}

/// Runs the load until `stop`, recording what got a success response.
pub(super) async fn load(
    live: Arc<Live>,
    tokens: Arc<Vec<(String, String)>>,
    to_complete: Vec<i64>,
    jars: (Jar, Jar),
    service: Service,
    acked: Arc<Mutex<Acked>>,
    stop: Arc<AtomicBool>,
) -> Vec<tokio::task::JoinHandle<usize>> {
    let next = Arc::new(AtomicUsize::new(0));
    let mut tasks = Vec::new();
    for _ in 0..ANSWERERS {
        let (live, tokens, acked, stop, next) = (
            live.clone(),
            tokens.clone(),
            acked.clone(),
            stop.clone(),
            next.clone(),
        );
        tasks.push(tokio::spawn(async move {
            let mut thrown = 0;
            while !stop.load(Ordering::Relaxed) {
                let Some((jti, token)) = tokens.get(next.fetch_add(1, Ordering::Relaxed)) else {
                    break;
                };
                thrown += 1;
                match live
                    .post_form(&format!("/survei/{token}"), ANSWERS, &Jar::default())
                    .await
                {
                    Ok(r) if r.location.as_deref() == Some("/survei/terima-kasih") => {
                        acked.lock().unwrap().answers.push(jti.clone())
                    }
                    Ok(r) => panic!("an answer was refused: {} {}", r.status, r.body),
                    Err(_) => break,
                }
            }
            thrown
        }));
    }
    for worker in 0..APPLICANTS {
        let (live, acked, stop, jar) = (live.clone(), acked.clone(), stop.clone(), jars.0.clone());
        tasks.push(tokio::spawn(async move {
            let mut thrown = 0;
            while !stop.load(Ordering::Relaxed) {
                thrown += 1;
                let key = format!("crash-live-{worker}-{thrown:08}");
                if !apply_once(&live, &jar, service, &key, &acked).await {
                    break;
                }
            }
            thrown
        }));
    }
    let (live, acked, jar) = (live.clone(), acked.clone(), jars.1);
    tasks.push(tokio::spawn(async move {
        let mut thrown = 0;
        for id in to_complete {
            // Paced, so the kill falls in the middle of the completions and their notices.
            tokio::time::sleep(Duration::from_millis(100)).await;
            thrown += 1;
            let path = format!("/petugas/permohonan/{id}/langkah");
            match live.post_form(&path, "action=complete", &jar).await {
                Ok(r) if r.status == 303 => acked.lock().unwrap().completed.push(id),
                Ok(r) => panic!("completing {id} was refused: {} {}", r.status, r.body),
                Err(_) => break,
            }
        }
        thrown
    }));
    tasks
}
