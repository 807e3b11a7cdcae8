//! Loading generated rows in bulk: rows are collected as SQL value tuples of literals (numbers
//! and text this program generated, never input) and written as multi-row `INSERT`s inside
//! large transactions. Ids are chosen by the generator, so related rows need no round trip;
//! on PostgreSQL identity columns accept them with `OVERRIDING SYSTEM VALUE`, and the
//! identities are moved past the loaded ids at the end.

use app::server::db::{Db, Engine};

/// Rows per `INSERT` statement.
const ROWS_PER_STATEMENT: usize = 500;
/// Statements per transaction.
const STATEMENTS_PER_TX: usize = 40;

/// A SQL text literal.
pub fn text(s: &str) -> String {
    format!("'{}'", s.replace('\'', "''"))
}

/// A SQL text literal or NULL.
pub fn opt_text(s: Option<&str>) -> String {
    s.map_or_else(|| "NULL".to_owned(), text)
}

/// A number or NULL.
pub fn opt_num<T: std::fmt::Display>(v: Option<T>) -> String {
    v.map_or_else(|| "NULL".to_owned(), |v| v.to_string())
}

/// Rows waiting to be written to one table.
pub struct Table {
    name: &'static str,
    columns: &'static str,
    identity: bool,
    rows: Vec<String>,
    statements: Vec<String>,
    /// Rows written so far.
    pub written: u64,
}

impl Table {
    /// A table whose first column is an identity (`identity = true`) or not.
    pub fn new(name: &'static str, columns: &'static str, identity: bool) -> Table {
        Table {
            name,
            columns,
            identity,
            rows: Vec::with_capacity(ROWS_PER_STATEMENT),
            statements: Vec::new(),
            written: 0,
        }
    }

    /// Adds one row: its values, comma-separated literals.
    pub fn push(&mut self, values: String) {
        self.rows.push(values);
        if self.rows.len() == ROWS_PER_STATEMENT {
            self.seal();
        }
    }

    fn seal(&mut self) {
        if self.rows.is_empty() {
            return;
        }
        let values = self
            .rows
            .drain(..)
            .map(|r| format!("({r})"))
            .collect::<Vec<_>>()
            .join(",");
        self.statements.push(format!(
            "INSERT INTO {} ({}) {{OVERRIDE}}VALUES {values}",
            self.name, self.columns
        ));
    }

    /// Whether enough statements wait to be worth a transaction.
    pub fn ready(&self) -> bool {
        self.statements.len() >= STATEMENTS_PER_TX
    }

    /// Writes everything waiting in one transaction.
    pub async fn flush(&mut self, db: &Db) -> anyhow::Result<u64> {
        self.seal();
        if self.statements.is_empty() {
            return Ok(0);
        }
        let override_clause = if self.identity && db.engine() == Engine::Postgres {
            "OVERRIDING SYSTEM VALUE "
        } else {
            ""
        };
        let mut tx = db.begin().await?;
        let mut rows = 0;
        for statement in self.statements.drain(..) {
            let sql = statement.replace("{OVERRIDE}", override_clause);
            rows += sqlx::query(&sql).execute(&mut *tx).await?.rows_affected();
        }
        tx.commit().await?;
        self.written += rows;
        Ok(rows)
    }
}

/// The next free id of `table.column` (ids chosen by the generator start there).
pub async fn next_id(db: &Db, table: &str, column: &str) -> anyhow::Result<i64> {
    let max: Option<i64> = sqlx::query_scalar(&format!("SELECT MAX({column}) FROM {table}"))
        .fetch_one(db.read())
        .await?;
    Ok(max.unwrap_or(0) + 1)
}

/// After loading, moves PostgreSQL identities past the ids the generator used (SQLite's
/// `INTEGER PRIMARY KEY` continues from the largest id by itself).
pub async fn reset_identities(db: &Db, tables: &[(&str, &str)]) -> anyhow::Result<()> {
    if db.engine() != Engine::Postgres {
        return Ok(());
    }
    for (table, column) in tables {
        let next = next_id(db, table, column).await?;
        sqlx::query(&format!(
            "ALTER TABLE {table} ALTER COLUMN {column} RESTART WITH {next}"
        ))
        .execute(db.write())
        .await?;
    }
    Ok(())
}
