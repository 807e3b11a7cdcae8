//! An empty PostgreSQL database on the test server, for tests that start from nothing (the
//! migrations themselves).

use super::{admin_url, unique};

/// An empty PostgreSQL database (no migrations), dropped by [`EmptyPostgres::remove`].
pub struct EmptyPostgres {
    /// Its URL.
    pub url: String,
    name: String,
}

impl EmptyPostgres {
    /// Creates one on the test server (call after [`TestApp::postgres`] found it reachable).
    pub async fn create() -> EmptyPostgres {
        use sqlx::Connection;
        let admin = admin_url();
        let name = unique("sigap_test_empty");
        let mut conn = sqlx::AnyConnection::connect(&admin).await.unwrap();
        sqlx::query(&format!("CREATE DATABASE {name}"))
            .execute(&mut conn)
            .await
            .unwrap();
        conn.close().await.ok();
        let base = admin
            .rsplit_once('/')
            .map(|(b, _)| b.to_owned())
            .unwrap_or(admin);
        EmptyPostgres {
            url: format!("{base}/{name}"),
            name,
        }
    }

    /// Drops it.
    pub async fn remove(self) {
        use sqlx::Connection;
        if let Ok(mut conn) = sqlx::AnyConnection::connect(&admin_url()).await {
            let drop = format!("DROP DATABASE IF EXISTS {} WITH (FORCE)", self.name);
            let _ = sqlx::query(&drop).execute(&mut conn).await;
        }
    }
}
