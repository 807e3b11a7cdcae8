//! The database: one binary, two engines, chosen at run time by `DATABASE_URL`.
//!
//! SQLite (the embedded default) gets a single writer connection and a pool of read-only
//! readers, in WAL mode: writes queue inside the process instead of failing with "database is
//! locked", and reads never wait for writes. PostgreSQL uses one pool for both. All SQL goes
//! through sqlx's `Any` driver with `$n` placeholders; the places where the engines differ are
//! the migrations (one folder per engine) and [`Engine`]-specific branches, each kept here or
//! next to the query that needs it.

use sqlx::any::{install_default_drivers, AnyPoolOptions};
use sqlx::{AnyPool, Executor};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// Which database engine a [`Db`] talks to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Engine {
    /// An embedded SQLite file.
    Sqlite,
    /// A PostgreSQL server.
    Postgres,
}

/// Handles to the database. Cloning is cheap (pools are reference counted).
#[derive(Clone, Debug)]
pub struct Db {
    engine: Engine,
    read: AnyPool,
    write: AnyPool,
    /// A PostgreSQL replica, for reads that may lag (see [`Db::lagging`]).
    replica: Option<AnyPool>,
}

/// Why the database could not be opened or migrated.
#[derive(Debug, thiserror::Error)]
pub enum DbError {
    /// The URL names neither `sqlite:` nor `postgres:`.
    #[error("unsupported DATABASE_URL scheme (expected sqlite://PATH or postgres://…)")]
    UnsupportedUrl,
    /// The folder for the SQLite file could not be created.
    #[error("cannot create the database folder {path}: {source}")]
    CreateDir {
        /// The folder.
        path: PathBuf,
        /// The OS error.
        source: std::io::Error,
    },
    /// Connecting failed.
    #[error("cannot connect to the database: {0}")]
    Connect(#[source] sqlx::Error),
    /// A replica was configured for an engine that has none (SQLite), or is not PostgreSQL.
    #[error("DATABASE_REPLICA_URL needs DATABASE_URL and the replica to be PostgreSQL")]
    ReplicaNeedsPostgres,
    /// The database has a migration this binary does not know: a newer Sigap migrated it.
    #[error(
        "the database has migration {0}, which this sigap does not know: a newer version \
         migrated it; run that version or a later one"
    )]
    NewerDatabase(i64),
    /// A migration failed; the server must not start.
    #[error("database migration failed: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
}

static SQLITE_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("../migrations/sqlite");
static POSTGRES_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("../migrations/postgres");

impl Db {
    /// Opens the database at `url`, creating a missing SQLite file (and its folder).
    pub async fn connect(url: &str) -> Result<Db, DbError> {
        install_default_drivers();
        if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            let pool = AnyPoolOptions::new()
                .max_connections(16)
                .acquire_timeout(Duration::from_secs(10))
                .connect(url)
                .await
                .map_err(DbError::Connect)?;
            return Ok(Db {
                engine: Engine::Postgres,
                read: pool.clone(),
                write: pool,
                replica: None,
            });
        }
        let path = sqlite_path(url).ok_or(DbError::UnsupportedUrl)?;
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|source| DbError::CreateDir {
                path: dir.to_path_buf(),
                source,
            })?;
        }
        let url = sqlite_url(&path);
        // Neither pool pings a connection before lending it (sqlx does by default): a connection
        // to a local file cannot go stale, and the ping is a round trip to the connection's
        // worker thread, which cost the service catalog a fifth of its pages per second
        // (BENCHMARKS.md).
        // One writer: SQLite allows one write transaction at a time anyway, and queueing here
        // (up to the acquire timeout) replaces "database is locked" errors with a short wait.
        let write = AnyPoolOptions::new()
            .max_connections(1)
            .acquire_timeout(Duration::from_secs(30))
            .test_before_acquire(false)
            .after_connect(|conn, _| Box::pin(async move { sqlite_pragmas(conn, false).await }))
            .connect(&url)
            .await
            .map_err(DbError::Connect)?;
        // The writer creates the file and switches it to WAL before any reader opens it.
        let read = AnyPoolOptions::new()
            .max_connections(8)
            .acquire_timeout(Duration::from_secs(30))
            .test_before_acquire(false)
            .after_connect(|conn, _| Box::pin(async move { sqlite_pragmas(conn, true).await }))
            .connect(&url)
            .await
            .map_err(DbError::Connect)?;
        Ok(Db {
            engine: Engine::Sqlite,
            read,
            write,
            replica: None,
        })
    }

    /// The same database with a PostgreSQL read replica at `url` for [`Db::lagging`] reads.
    pub async fn with_replica(self, url: &str) -> Result<Db, DbError> {
        let postgres = |u: &str| u.starts_with("postgres://") || u.starts_with("postgresql://");
        if self.engine != Engine::Postgres || !postgres(url) {
            return Err(DbError::ReplicaNeedsPostgres);
        }
        let replica = AnyPoolOptions::new()
            .max_connections(16)
            .acquire_timeout(Duration::from_secs(10))
            .connect(url)
            .await
            .map_err(DbError::Connect)?;
        Ok(Db {
            replica: Some(replica),
            ..self
        })
    }

    /// Applies pending migrations for this engine, once however many servers start together
    /// (on PostgreSQL sqlx holds an advisory lock while it migrates; the others wait, then find
    /// nothing to do). Refuses a database that has migrations this binary does not know (it is
    /// newer than the binary).
    pub async fn migrate(&self) -> Result<(), DbError> {
        use sqlx::migrate::MigrateError;
        let migrator = match self.engine {
            Engine::Sqlite => &SQLITE_MIGRATIONS,
            Engine::Postgres => &POSTGRES_MIGRATIONS,
        };
        match migrator.run(&self.write).await {
            Err(MigrateError::VersionMissing(version)) => Err(DbError::NewerDatabase(version)),
            other => Ok(other?),
        }
    }

    /// The engine behind this handle.
    pub fn engine(&self) -> Engine {
        self.engine
    }

    /// Pool for reads. On SQLite these connections are read-only.
    pub fn read(&self) -> &AnyPool {
        &self.read
    }

    /// Pool for reads that may lag a moment behind the writes: HR's dashboards and exports, the
    /// public index pages (docs/DEPLOYMENT.md). The replica when one is configured, else
    /// [`Db::read`]. Never for what the person asking just changed.
    pub fn lagging(&self) -> &AnyPool {
        self.replica.as_ref().unwrap_or(&self.read)
    }

    /// Whether lagging reads go to a replica.
    pub fn has_replica(&self) -> bool {
        self.replica.is_some()
    }

    /// Pool for writes and for reads that must see the caller's own writes.
    pub fn write(&self) -> &AnyPool {
        &self.write
    }

    /// Starts a write transaction.
    pub async fn begin(&self) -> Result<sqlx::Transaction<'static, sqlx::Any>, sqlx::Error> {
        self.write.begin().await
    }

    /// Whether the database answers (for `/readyz`).
    pub async fn ping(&self) -> bool {
        sqlx::query("SELECT 1").execute(&self.read).await.is_ok()
    }

    /// Copies what SQLite's write-ahead log holds into the database file, from a reader, so
    /// the one writer seldom stops for it: SQLite otherwise checkpoints inside the commit that
    /// fills the log, and every write queued behind that commit waits for its disk flushes
    /// (BENCHMARKS.md, figure 1). Passive: never waits for readers or the writer, copies what
    /// it can. Returns the log's frames and how many of them are in the file now; nothing on
    /// PostgreSQL.
    pub async fn checkpoint(&self) -> Result<Option<(i64, i64)>, sqlx::Error> {
        if self.engine != Engine::Sqlite {
            return Ok(None);
        }
        // Columns: busy, frames in the log, frames checkpointed (-1, -1 when not in WAL mode).
        let (_, log, done): (i64, i64, i64) = sqlx::query_as("PRAGMA wal_checkpoint(PASSIVE)")
            .fetch_one(&self.read)
            .await?;
        Ok(Some((log, done)))
    }

    /// Closes all connections (on shutdown, so SQLite checkpoints its WAL).
    pub async fn close(&self) {
        self.read.close().await;
        self.write.close().await;
        if let Some(replica) = &self.replica {
            replica.close().await;
        }
    }
}

async fn sqlite_pragmas(
    conn: &mut sqlx::AnyConnection,
    read_only: bool,
) -> Result<(), sqlx::Error> {
    conn.execute("PRAGMA busy_timeout = 10000").await?;
    conn.execute("PRAGMA foreign_keys = ON").await?;
    conn.execute("PRAGMA synchronous = NORMAL").await?;
    if read_only {
        conn.execute("PRAGMA query_only = ON").await?;
    } else {
        conn.execute("PRAGMA journal_mode = WAL").await?;
        // A running server checkpoints from a reader ([`Db::checkpoint`]); the writer still
        // does when the log passes 8,000 pages (32 MB): for commands that run without a server,
        // and under continuous writes, where only the writer's checkpoint finds nothing
        // appended since and so lets the log restart (docs/ARCHITECTURE.md).
        conn.execute("PRAGMA wal_autocheckpoint = 8000").await?;
    }
    Ok(())
}

/// The file a `sqlite:` URL names, if it is one.
fn sqlite_path(url: &str) -> Option<PathBuf> {
    let rest = url
        .strip_prefix("sqlite://")
        .or_else(|| url.strip_prefix("sqlite:"))?;
    let path = rest.split('?').next().unwrap_or_default();
    (!path.is_empty() && path != ":memory:").then(|| PathBuf::from(path))
}

fn sqlite_url(path: &Path) -> String {
    format!("sqlite://{}?mode=rwc", path.display())
}

/// The default database URL for a data folder.
pub fn default_url(data_dir: &Path) -> String {
    format!("sqlite://{}", data_dir.join("sigap.db").display())
}

/// Milliseconds since the Unix epoch: how every timestamp is stored (UTC, engine-neutral).
pub fn now_millis() -> i64 {
    time::OffsetDateTime::now_utc().unix_timestamp_nanos() as i64 / 1_000_000
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sqlite_urls_name_their_file() {
        assert_eq!(
            sqlite_path("sqlite://data/sigap.db"),
            Some("data/sigap.db".into())
        );
        assert_eq!(
            sqlite_path("sqlite:///tmp/x.db?mode=rwc"),
            Some("/tmp/x.db".into())
        );
        assert_eq!(sqlite_path("sqlite::memory:"), None);
        assert_eq!(sqlite_path("mysql://x"), None);
    }
}
