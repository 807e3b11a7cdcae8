//! `sigap import services FILE.csv` (and the same import from the admin page), on SQLite and
//! PostgreSQL: the sample file imports, a broken copy imports nothing and reports every bad row
//! with its line, and importing the same file twice changes nothing.

use crate::applying;
use crate::common;

use app::server::{audit::Actor, catalog::import::import_services, csv_import::ImportError};
use applying::{count, ID};
use common::TestApp;

const SERVICES_CSV: &str = include_str!("../../../demo/services.csv");
const UNITS_CSV: &str = include_str!("../../../demo/units.csv");

/// Every service as stored, for before/after comparisons.
type ServiceRow = (String, i64, String, String, i64, i64, i64, i64);

async fn services(app: &TestApp) -> Vec<ServiceRow> {
    sqlx::query_as(
        "SELECT code, unit_id, name_id, name_en, completion_days, fee_rupiah, active, updated_at
         FROM service_type ORDER BY code",
    )
    .fetch_all(app.db.read())
    .await
    .unwrap()
}

async fn units(app: &TestApp) {
    app::server::accounts::import::import_units(&app.db, &Actor::system(), UNITS_CSV, ID)
        .await
        .unwrap();
}

/// The sample file with a bad code, an unknown unit, an impossible completion time, a fee that
/// is not a number and a duplicate code (lines 3, 5, 6, 7 and 8; lines 2 and 4 are fine).
fn broken_copy() -> String {
    let mut lines: Vec<String> = SERVICES_CSV.lines().map(str::to_owned).collect();
    lines[2] = lines[2].replace("PBG,DPMPTSP", "PBG BARU,DPMPTSP");
    lines.push("SKTM,DINSOS,Surat Keterangan Tidak Mampu,2,0".into());
    lines.push("IUMK,DPMPTSP,Izin Usaha,0,0".into());
    lines.push("SIP,DPMPTSP,Surat Izin Praktik,5,gratis".into());
    lines.push("SIUMK,DPMPTSP,Izin Usaha Mikro Kecil Lagi,3,0".into());
    lines.join("\n") + "\n"
}

db_test!(
    the_sample_services_import_and_twice_changes_nothing,
    |app| {
        // Arrange: the sample units.
        units(&app).await;

        // Act: import the sample file, then the same file again.
        let first = import_services(&app.db, &Actor::system(), SERVICES_CSV, ID)
            .await
            .unwrap();
        let after_first = services(&app).await;
        let again = import_services(&app.db, &Actor::system(), SERVICES_CSV, ID)
            .await
            .unwrap();

        // Assert: three created, then three unchanged and the rows exactly as they were.
        assert_eq!((first.created, first.updated, first.unchanged), (3, 0, 0));
        assert_eq!((again.created, again.updated, again.unchanged), (0, 0, 3));
        assert_eq!(services(&app).await, after_first);
        let codes: Vec<&str> = after_first.iter().map(|r| r.0.as_str()).collect();
        assert_eq!(codes, ["KTP-EL", "PBG", "SIUMK"]);
        let pbg = &after_first[1];
        assert_eq!(
            (pbg.2.as_str(), pbg.4, pbg.5, pbg.6),
            ("Persetujuan Bangunan Gedung", 14, 0, 1)
        );
        // A changed row is an update, and only that row changes.
        let changed = SERVICES_CSV.replace(
            "Persetujuan Bangunan Gedung,14",
            "Persetujuan Bangunan Gedung,21",
        );
        let third = import_services(&app.db, &Actor::system(), &changed, ID)
            .await
            .unwrap();
        assert_eq!((third.created, third.updated, third.unchanged), (0, 1, 2));
        let after_third = services(&app).await;
        assert_eq!(after_third[1].4, 21);
        assert_eq!(
            (&after_third[0], &after_third[2]),
            (&after_first[0], &after_first[2])
        );
        // The imported services are in the public catalog, ready to apply for.
        let (status, page) = app.get("/layanan").await;
        assert_eq!(status, 200);
        assert!(
            page.contains("Izin Usaha Mikro Kecil") && page.contains("Penerbitan KTP Elektronik")
        );
        let audited = "SELECT COUNT(*) FROM audit_event WHERE action = 'import.services'";
        assert_eq!(count(&app, audited).await, 3);
    }
);

db_test!(
    a_broken_services_file_imports_nothing_and_reports_every_bad_row,
    |app| {
        units(&app).await;
        let result = import_services(&app.db, &Actor::system(), &broken_copy(), ID).await;
        let Err(ImportError::Invalid(problems)) = result else {
            panic!("the file was not refused: {result:?}");
        };
        let found: Vec<(u64, Option<&str>)> = problems
            .iter()
            .map(|p| (p.line, p.column.as_deref()))
            .collect();
        assert_eq!(
            found,
            [
                (3, Some("code")),
                (5, Some("unit_code")),
                (6, Some("completion_days")),
                (7, Some("fee")),
                (8, Some("code")),
            ]
        );
        assert_eq!(problems[1].message, app::i18n::admin::UNIT_UNKNOWN.id);
        assert_eq!(problems[4].message, "Duplikat dari baris 2.");
        assert!(problems.iter().all(|p| !p.message.is_empty()));
        assert_eq!(
            services(&app).await,
            vec![],
            "nothing was imported, not even the good rows"
        );
        let audited = "SELECT COUNT(*) FROM audit_event WHERE action = 'import.services'";
        assert_eq!(count(&app, audited).await, 0);
        // A file without the expected columns is refused at its header.
        let result = import_services(&app.db, &Actor::system(), "kode,nama\nA,B\n", ID).await;
        let Err(ImportError::Invalid(problems)) = result else {
            panic!("a wrong header was accepted");
        };
        assert_eq!((problems.len(), problems[0].line), (1, 1));
    }
);

db_test!(the_command_line_imports_services_all_or_nothing, |app| {
    units(&app).await;
    let run = |file: &std::path::Path| {
        std::process::Command::new(env!("CARGO_BIN_EXE_sigap"))
            .args(["import", "services", file.to_str().unwrap()])
            .env("DATABASE_URL", &app.state.config.database_url)
            .env("SIGAP_DATA_DIR", &app.data_dir)
            .env(
                "SIGAP_JWT_SECRET",
                "test-secret-that-is-long-enough-0123456789",
            )
            .output()
            .unwrap()
    };
    let broken = app.data_dir.join("services-broken.csv");
    std::fs::write(&broken, broken_copy()).unwrap();
    let out = run(&broken);
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    for line in [
        ":3 [code]",
        ":5 [unit_code]",
        ":6 [completion_days]",
        ":7 [fee]",
        ":8 [code]",
    ] {
        assert!(stderr.contains(line), "{line} missing from {stderr}");
    }
    assert_eq!(count(&app, "SELECT COUNT(*) FROM service_type").await, 0);
    let good = app.data_dir.join("services.csv");
    std::fs::write(&good, SERVICES_CSV).unwrap();
    let out = run(&good);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("3 baru, 0 diubah, 0 tidak berubah"));
    let out = run(&good);
    assert!(String::from_utf8_lossy(&out.stdout).contains("0 baru, 0 diubah, 3 tidak berubah"));
    assert_eq!(count(&app, "SELECT COUNT(*) FROM service_type").await, 3);
});
