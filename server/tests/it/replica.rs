//! Reads that may lag go to the replica, nothing else does (issue 9, docs/DEPLOYMENT.md): with
//! `DATABASE_REPLICA_URL` pointing at a second database that differs from the primary (as a
//! lagging replica would), the public index and HR's scores read the replica, while writes and
//! the reads that must see them use the primary. SQLite refuses a replica.

use crate::common::TestApp;
use app::server::db::{Db, DbError};

async fn database_of(pool: &sqlx::AnyPool) -> String {
    sqlx::query_scalar("SELECT CAST(current_database() AS TEXT)")
        .fetch_one(pool)
        .await
        .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn lagging_reads_go_to_the_replica_and_nothing_else_does() {
    let Some(mut primary) = TestApp::postgres().await else {
        return;
    };
    let replica = TestApp::postgres().await.expect("a second database");
    app::server::units::upsert_unit(&primary.db, "UTAMA", "Dinas di Primer")
        .await
        .unwrap();
    app::server::units::upsert_unit(&replica.db, "REPLIKA", "Dinas di Replika")
        .await
        .unwrap();
    let db = Db::connect(&primary.url)
        .await
        .unwrap()
        .with_replica(&replica.url)
        .await
        .unwrap();
    assert!(db.has_replica());
    let primary_name = database_of(primary.db.write()).await;
    assert_eq!(database_of(db.write()).await, primary_name);
    assert_eq!(database_of(db.read()).await, primary_name);
    assert_eq!(
        database_of(db.lagging()).await,
        database_of(replica.db.write()).await
    );

    // The published index lists the replica's units; the catalog's unit list, read from the
    // primary like everything not marked as lagging, the primary's.
    primary.state_mut().db = db.clone();
    let (_, units) = app::server::survey::index::overview(&primary.state, "")
        .await
        .unwrap();
    let codes: Vec<&str> = units.iter().map(|u| u.unit_code.as_str()).collect();
    assert_eq!(codes, ["REPLIKA"]);
    let listed = app::server::units::list_public_units(&db).await.unwrap();
    assert!(listed.iter().any(|u| u.code == "UTAMA"));
    assert!(!listed.iter().any(|u| u.code == "REPLIKA"));
    db.close().await;
    replica.cleanup().await;
    primary.cleanup().await;
}

#[tokio::test]
async fn sqlite_refuses_a_replica() {
    let app = TestApp::sqlite().await;
    let db = Db::connect(&app.url).await.unwrap();
    let refused = db
        .with_replica("postgres://postgres@127.0.0.1:5432/postgres")
        .await
        .unwrap_err();
    assert!(matches!(refused, DbError::ReplicaNeedsPostgres));
    app.cleanup().await;
}
