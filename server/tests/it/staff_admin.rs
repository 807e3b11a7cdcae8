//! Staff administration on both engines: creating an officer with an activation link,
//! deactivation ending sessions at once, CSV imports (good file, bad file leaves nothing,
//! re-import changes nothing), the audit log, and the command line.

use crate::common;

use common::{enc, people, Jar, PASSWORD};

const UNITS_CSV: &str = include_str!("../../../demo/units.csv");
const STAFF_CSV: &str = include_str!("../../../demo/staff.csv");

async fn count(app: &common::TestApp, sql: &str) -> i64 {
    sqlx::query_scalar(sql)
        .fetch_one(app.db.read())
        .await
        .unwrap()
}

db_test!(
    an_admin_creates_an_officer_who_activates_by_email_link,
    |app| {
        app.seed_people().await;
        let mut admin = app.sign_in("/petugas/masuk", people::ADMIN, PASSWORD).await;
        let body = format!(
        "nip=199505052020121003&full_name=Rina+Kartika&unit_code=UNIT-A&roles=officer&supervisor_nip={}&email=rina%40kota.go.id",
        people::SUPERVISOR
    );
        let (status, location, page) = app.post_as("/admin/pegawai/baru", &body, &mut admin).await;
        assert_eq!(
            (status, location.as_deref()),
            (
                303,
                Some("/admin/pegawai/199505052020121003?ok=staff-created")
            ),
            "{page}"
        );
        let (_, _, page) = app
            .get_as("/admin/pegawai/199505052020121003", &admin)
            .await;
        assert!(page.contains("Rina Kartika") && page.contains("Belum aktivasi"));
        let body: String =
            sqlx::query_scalar("SELECT body FROM outbox WHERE recipient = 'rina@kota.go.id'")
                .fetch_one(app.db.read())
                .await
                .unwrap();
        let token = body
            .split("/atur-sandi?t=")
            .nth(1)
            .unwrap()
            .split_whitespace()
            .next()
            .unwrap()
            .to_owned();
        let mut jar = Jar::default();
        let form = format!(
            "t={token}&password=kerja+ikhlas+tiap+hari&password_confirm=kerja+ikhlas+tiap+hari"
        );
        assert_eq!(app.post_as("/atur-sandi", &form, &mut jar).await.0, 303);
        app.sign_in(
            "/petugas/masuk",
            "199505052020121003",
            "kerja ikhlas tiap hari",
        )
        .await;
        let roles = count(
            &app,
            "SELECT COUNT(*) FROM audit_event WHERE action = 'staff.created'",
        )
        .await;
        assert!(roles >= 1);
    }
);

db_test!(
    the_staff_form_reports_every_problem_and_keeps_the_input,
    |app| {
        app.seed_people().await;
        let mut admin = app.sign_in("/petugas/masuk", people::ADMIN, PASSWORD).await;
        let body = format!(
            "nip={}&full_name=X1&unit_code=NOPE&supervisor_nip={}&email=bad",
            people::OFFICER_A,
            people::OFFICER_B
        );
        let (status, _, page) = app.post_as("/admin/pegawai/baru", &body, &mut admin).await;
        assert_eq!(status, 422);
        assert!(page.contains("Nama hanya boleh berisi huruf"));
        assert!(page.contains("Pilih setidaknya satu peran."));
        assert!(page.contains("Masukkan alamat email yang benar"));
        let body = format!(
            "nip={}&full_name=Opi+Lagi&unit_code=NOPE&roles=officer&supervisor_nip={}",
            people::OFFICER_A,
            people::OFFICER_B
        );
        let (status, _, page) = app.post_as("/admin/pegawai/baru", &body, &mut admin).await;
        assert_eq!(status, 422);
        assert!(page.contains("NIP ini sudah terdaftar."));
        assert!(page.contains("Unit dengan kode ini tidak ada."));
        assert!(page.contains("yang berperan sebagai pejabat penilai"));
        assert!(page.contains("value=\"Opi Lagi\""));
    }
);

db_test!(
    deactivating_a_staff_account_ends_its_sessions_at_once,
    |app| {
        app.seed_people().await;
        let officer = app
            .sign_in("/petugas/masuk", people::OFFICER_A, PASSWORD)
            .await;
        assert_eq!(app.get_as("/akun", &officer).await.0, 200);
        let mut admin = app.sign_in("/petugas/masuk", people::ADMIN, PASSWORD).await;
        let path = format!("/admin/pegawai/{}/status", people::OFFICER_A);
        let (status, _, _) = app.post_as(&path, "active=0", &mut admin).await;
        assert_eq!(status, 303);
        assert_eq!(
            app.get_as("/akun", &officer).await.0,
            302,
            "the live session ended"
        );
        let mut jar = Jar::default();
        let body = format!(
            "identifier={}&password={}",
            people::OFFICER_A,
            enc(PASSWORD)
        );
        assert_eq!(app.post_as("/petugas/masuk", &body, &mut jar).await.0, 422);
        app.post_as(&path, "active=1", &mut admin).await;
        app.sign_in("/petugas/masuk", people::OFFICER_A, PASSWORD)
            .await;
    }
);

db_test!(changing_roles_is_audited, |app| {
    app.seed_people().await;
    let mut admin = app.sign_in("/petugas/masuk", people::ADMIN, PASSWORD).await;
    let path = format!("/admin/pegawai/{}", people::OFFICER_A);
    let body = format!(
        "full_name=Opi+Empat&unit_code=UNIT-A&roles=officer&roles=supervisor&supervisor_nip={}",
        people::SUPERVISOR
    );
    let (status, _, page) = app.post_as(&path, &body, &mut admin).await;
    assert_eq!(status, 303, "{page}");
    let detail: String = sqlx::query_scalar("SELECT detail FROM audit_event WHERE action = 'staff.roles_changed' ORDER BY audit_id DESC")
        .fetch_one(app.db.read())
        .await
        .unwrap();
    assert_eq!(detail, "roles officer -> officer;supervisor");
    let (_, _, page) = app
        .get_as("/admin/audit?action=staff.roles_changed", &admin)
        .await;
    assert!(
        page.contains("roles officer -&gt; officer;supervisor")
            || page.contains("roles officer -> officer;supervisor")
    );
});

db_test!(the_audit_log_cannot_be_rewritten, |app| {
    app.seed_people().await;
    app.sign_in("/masuk", people::CITIZEN_1, PASSWORD).await;
    let update = sqlx::query("UPDATE audit_event SET actor = 'someone else'")
        .execute(app.db.write())
        .await;
    assert!(update.is_err());
    let delete = sqlx::query("DELETE FROM audit_event")
        .execute(app.db.write())
        .await;
    assert!(delete.is_err());
    assert!(
        count(
            &app,
            "SELECT COUNT(*) FROM audit_event WHERE action = 'session.sign_in'"
        )
        .await
            >= 1
    );
});

pub(crate) async fn upload(
    app: &common::TestApp,
    jar: &Jar,
    kind: &str,
    csv: &str,
) -> (u16, Option<String>, String) {
    use axum::body::Body;
    let boundary = "XsigapBoundary";
    let body = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\n{kind}\r\n--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"data.csv\"\r\nContent-Type: text/csv\r\n\r\n{csv}\r\n--{boundary}--\r\n"
    );
    let request = axum::http::Request::post("/admin/impor")
        .header("host", common::HOST)
        .header("origin", common::ORIGIN)
        .header("cookie", jar.header())
        .header(
            "content-type",
            format!("multipart/form-data; boundary={boundary}"),
        )
        .body(Body::from(body))
        .unwrap();
    let response = app.send(request).await;
    let status = response.status().as_u16();
    let location = response
        .headers()
        .get("location")
        .map(|v| v.to_str().unwrap().to_owned());
    (status, location, common::body_text(response).await)
}

db_test!(
    importing_the_sample_files_works_and_twice_changes_nothing,
    |app| {
        app.seed_people().await;
        let admin = app.sign_in("/petugas/masuk", people::ADMIN, PASSWORD).await;
        let (_, location, _) = upload(&app, &admin, "units", UNITS_CSV).await;
        assert_eq!(
            location.as_deref(),
            Some("/admin/impor?created=2&updated=0&unchanged=0")
        );
        let staff_before = count(&app, "SELECT COUNT(*) FROM staff").await;
        // Siti (officer A) and Budi (officer B) exist already with other data: updated.
        let (_, location, page) = upload(&app, &admin, "staff", STAFF_CSV).await;
        assert!(location.is_some(), "{page}");
        let after_first = count(&app, "SELECT COUNT(*) FROM staff").await;
        assert!(after_first >= staff_before);
        let audit_before = count(&app, "SELECT COUNT(*) FROM audit_event").await;
        let (_, location, _) = upload(&app, &admin, "staff", STAFF_CSV).await;
        assert_eq!(
            location.as_deref(),
            Some("/admin/impor?created=0&updated=0&unchanged=4")
        );
        let (_, location, _) = upload(&app, &admin, "units", UNITS_CSV).await;
        assert_eq!(
            location.as_deref(),
            Some("/admin/impor?created=0&updated=0&unchanged=2")
        );
        assert_eq!(count(&app, "SELECT COUNT(*) FROM staff").await, after_first);
        // Only the two import summaries were added to the audit log.
        assert_eq!(
            count(&app, "SELECT COUNT(*) FROM audit_event").await,
            audit_before + 2
        );
    }
);

db_test!(
    a_file_with_errors_imports_nothing_and_lists_every_bad_row,
    |app| {
        app.seed_people().await;
        let admin = app.sign_in("/petugas/masuk", people::ADMIN, PASSWORD).await;
        let csv = "nip,name,unit_code,roles,supervisor_nip,email\n\
               199505052020121003,Rina Kartika,UNIT-A,officer,,rina@kota.go.id\n\
               12345,Bad Nip,UNIT-A,officer,,\n\
               199606062021011004,Dodi,NOPE,boss,,\n\
               199505052020121003,Rina Lagi,UNIT-A,officer,,\n";
        let before = count(&app, "SELECT COUNT(*) FROM staff").await;
        let (status, location, page) = upload(&app, &admin, "staff", csv).await;
        assert_eq!((status, location), (422, None));
        for needle in [
            "Baris 3",
            "Baris 4",
            "Baris 5",
            "NIP harus 18 angka",
            "Peran &quot;boss&quot; tidak dikenal",
            "Duplikat dari baris 2",
        ] {
            assert!(
                page.contains(needle) || page.contains(&needle.replace("&quot;", "\"")),
                "missing {needle}"
            );
        }
        assert!(!page.contains("Baris 2<"), "the good row is not reported");
        assert_eq!(
            count(&app, "SELECT COUNT(*) FROM staff").await,
            before,
            "nothing was imported"
        );
    }
);

db_test!(
    the_command_line_creates_the_first_admin_and_imports,
    |app| {
        use std::io::Write;
        let bin = env!("CARGO_BIN_EXE_sigap");
        let run = |args: &[&str], stdin: &str| {
            let mut child = std::process::Command::new(bin)
                .args(args)
                .env("DATABASE_URL", &app.state.config.database_url)
                .env("SIGAP_DATA_DIR", &app.data_dir)
                .env(
                    "SIGAP_JWT_SECRET",
                    "test-secret-that-is-long-enough-0123456789",
                )
                .stdin(std::process::Stdio::piped())
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap();
            child
                .stdin
                .take()
                .unwrap()
                .write_all(stdin.as_bytes())
                .unwrap();
            child.wait_with_output().unwrap()
        };
        let units = app.data_dir.join("units.csv");
        std::fs::write(&units, UNITS_CSV).unwrap();
        let out = run(&["import", "units", units.to_str().unwrap()], "");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(String::from_utf8_lossy(&out.stdout).contains("2 baru"));
        let out = run(
            &[
                "create-admin",
                "--nip",
                "198001012005011001",
                "--name",
                "Admin Pertama",
                "--password-stdin",
            ],
            "meja kayu jati tua\n",
        );
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        app.sign_in("/petugas/masuk", "198001012005011001", "meja kayu jati tua")
            .await;
        let bad = app.data_dir.join("bad.csv");
        std::fs::write(&bad, "code,name\nOK,Fine\nBAD CODE,Nama\n").unwrap();
        let out = run(&["import", "units", bad.to_str().unwrap()], "");
        assert!(!out.status.success());
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains(":3 [code]"), "{stderr}");
        assert_eq!(
            count(&app, "SELECT COUNT(*) FROM unit WHERE code = 'OK'").await,
            0
        );
    }
);
