//! Migrations with several servers (issue 9, docs/DEPLOYMENT.md): servers starting together on
//! an empty PostgreSQL database apply each migration once, and a server refuses a database
//! that a newer Sigap has migrated.

use crate::common::{self, TestApp};
use app::server::db::{Db, DbError};

// A migration the binary does not know (as a newer release would leave) stops it, on both
// engines, with a message naming the migration; nothing is changed.
db_test!(a_database_newer_than_the_binary_is_refused, |app| {
    let applied = "SELECT COUNT(*) FROM _sqlx_migrations";
    let before: i64 = sqlx::query_scalar(applied)
        .fetch_one(app.db.write())
        .await
        .unwrap();
    sqlx::query(
        "INSERT INTO _sqlx_migrations (version, description, success, checksum, execution_time)
         VALUES (99990101000000, 'from a newer sigap', TRUE, $1, 0)",
    )
    .bind(vec![0u8; 48])
    .execute(app.db.write())
    .await
    .unwrap();
    let again = Db::connect(&app.url).await.unwrap();
    let refused = again.migrate().await.unwrap_err();
    assert!(
        matches!(refused, DbError::NewerDatabase(99990101000000)),
        "{refused}"
    );
    assert!(refused.to_string().contains("newer version"), "{refused}");
    again.close().await;
    let after: i64 = sqlx::query_scalar(applied)
        .fetch_one(app.db.write())
        .await
        .unwrap();
    assert_eq!(after, before + 1);
});

// Four `sigap migrate` processes started at once on an empty database all succeed, and each
// migration is recorded once.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn servers_starting_together_migrate_once() {
    let Some(app) = TestApp::postgres().await else {
        return;
    };
    let empty = common::EmptyPostgres::create().await;
    let together: Vec<_> = (0..4)
        .map(|i| {
            std::process::Command::new(env!("CARGO_BIN_EXE_sigap"))
                .arg("migrate")
                .env("DATABASE_URL", &empty.url)
                .env("SIGAP_DATA_DIR", app.data_dir.join(format!("migrate-{i}")))
                .env("SIGAP_JWT_SECRET", common::live::SECRET)
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .expect("start sigap migrate")
        })
        .collect();
    for child in together {
        let out = child.wait_with_output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let files = std::fs::read_dir(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../migrations/postgres"
    ))
    .unwrap()
    .count() as i64;
    let db = Db::connect(&empty.url).await.unwrap();
    let (rows, ok, versions): (i64, i64, i64) = sqlx::query_as(
        "SELECT COUNT(*), COUNT(*) FILTER (WHERE success), COUNT(DISTINCT version) FROM _sqlx_migrations",
    )
    .fetch_one(db.write())
    .await
    .unwrap();
    assert_eq!((rows, ok, versions), (files, files, files));
    db.close().await;
    empty.remove().await;
    app.cleanup().await;
}
