//! Settings of one running instance, read at start-up from flags or the environment.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};

/// Everything the services need to know about their environment.
#[derive(Clone, Debug)]
pub struct Config {
    /// `sqlite://PATH` or `postgres://…`.
    pub database_url: String,
    /// Folder for the SQLite file, generated secrets and uploaded documents.
    pub data_dir: PathBuf,
    /// Address the web server listens on.
    pub bind: SocketAddr,
    /// The instance's time zone (one of Indonesia's, REFERENCE §4.1).
    pub time_zone: crate::domain::tz::TimeZone,
    /// Production mode: explicit secrets required, cookies always `Secure`.
    pub production: bool,
    /// The public origin (`https://sigap.kota.go.id`) when a proxy rewrites `Host`; used by
    /// the same-origin check and in links sent by email.
    pub public_origin: Option<String>,
    /// Trust `X-Forwarded-For` from a reverse proxy for the client's address.
    pub trust_proxy: bool,
    /// Key material for signing session tokens.
    pub jwt_secret: Secret,
    /// A PostgreSQL replica for reads that may lag (HR dashboards, public pages).
    pub replica_url: Option<String>,
    /// `s3://bucket/prefix` for documents in an object store; the data folder when absent.
    pub storage_url: Option<String>,
    /// How long an outbox claim lasts before another server may take the message over.
    pub outbox_lease_secs: u64,
}

impl Config {
    /// Whether cookies must carry `Secure` and the `__Host-` prefix: always, except plain-HTTP
    /// development on a loopback address.
    pub fn secure_cookies(&self) -> bool {
        self.production || !self.bind.ip().is_loopback()
    }

    /// The portal's own address for links in messages: the public origin if configured, else
    /// the listen address.
    pub fn base_url(&self) -> String {
        match &self.public_origin {
            Some(origin) => origin.trim_end_matches('/').to_owned(),
            None => format!("http://{}", self.bind),
        }
    }
}

/// Secret bytes that never appear in `Debug` output or logs.
#[derive(Clone)]
pub struct Secret(Vec<u8>);

impl Secret {
    /// Wraps key material.
    pub fn new(bytes: Vec<u8>) -> Self {
        Secret(bytes)
    }

    /// The raw bytes, for the code that signs or verifies with them.
    pub fn expose(&self) -> &[u8] {
        &self.0
    }
}

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Secret(…)")
    }
}

/// Where the signing secret came from, so start-up can say so in the log.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SecretSource {
    /// Given explicitly (flag or environment).
    Explicit,
    /// Read from the file generated on an earlier start.
    File,
    /// Generated now and saved in the data folder.
    Generated,
}

/// Why no secret could be had.
#[derive(Debug, thiserror::Error)]
pub enum SecretError {
    /// Production refuses generated secrets.
    #[error("SIGAP_JWT_SECRET must be set in production (at least 32 characters)")]
    MissingInProduction,
    /// An explicit secret that is too short to be safe.
    #[error("SIGAP_JWT_SECRET must be at least 32 characters long")]
    TooShort,
    /// Reading or writing the secret file failed.
    #[error("cannot use the secret file {path}: {source}")]
    File {
        /// The file.
        path: PathBuf,
        /// The OS error.
        source: std::io::Error,
    },
}

/// The signing secret: the explicit one if given; in development, otherwise, the one saved in
/// `data_dir/jwt-secret` (generated on first start with mode 0600).
pub fn load_secret(
    explicit: Option<&str>,
    data_dir: &Path,
    production: bool,
) -> Result<(Secret, SecretSource), SecretError> {
    if let Some(value) = explicit.filter(|v| !v.is_empty()) {
        if value.len() < 32 {
            return Err(SecretError::TooShort);
        }
        return Ok((
            Secret::new(value.as_bytes().to_vec()),
            SecretSource::Explicit,
        ));
    }
    if production {
        return Err(SecretError::MissingInProduction);
    }
    let path = data_dir.join("jwt-secret");
    let io = |source| SecretError::File {
        path: path.clone(),
        source,
    };
    if path.exists() {
        let bytes = std::fs::read(&path).map_err(io)?;
        return Ok((Secret::new(bytes), SecretSource::File));
    }
    std::fs::create_dir_all(data_dir).map_err(io)?;
    let mut bytes = vec![0u8; 48];
    rand::RngCore::fill_bytes(&mut rand::rngs::OsRng, &mut bytes);
    let encoded = base64::Engine::encode(&base64::engine::general_purpose::STANDARD, &bytes);
    write_private(&path, encoded.as_bytes()).map_err(io)?;
    Ok((Secret::new(encoded.into_bytes()), SecretSource::Generated))
}

#[cfg(unix)]
fn write_private(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    use std::os::unix::fs::OpenOptionsExt;
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)?;
    file.write_all(bytes)?;
    file.sync_all()
}

#[cfg(not(unix))]
fn write_private(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    std::fs::write(path, bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn production_refuses_to_generate_a_secret() {
        let dir = std::env::temp_dir().join(format!("sigap-secret-{}", std::process::id()));
        assert!(matches!(
            load_secret(None, &dir, true),
            Err(SecretError::MissingInProduction)
        ));
    }

    #[test]
    fn a_generated_secret_is_saved_privately_and_reused() {
        let dir = std::env::temp_dir().join(format!("sigap-secret-gen-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let (first, source) = load_secret(None, &dir, false).unwrap();
        assert_eq!(source, SecretSource::Generated);
        let (second, source) = load_secret(None, &dir, false).unwrap();
        assert_eq!(source, SecretSource::File);
        assert_eq!(first.expose(), second.expose());
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(dir.join("jwt-secret"))
                .unwrap()
                .permissions()
                .mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn short_explicit_secrets_are_refused() {
        assert!(matches!(
            load_secret(Some("short"), Path::new("."), true),
            Err(SecretError::TooShort)
        ));
    }
}
