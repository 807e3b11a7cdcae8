//! A local S3-compatible server (`s3s-fs` from crates.io, installed into `.tools/` by
//! `scripts/lib.sh`) over a temporary folder, with one private bucket and credentials.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const BUCKET: &str = "sigap-dokumen";
const ACCESS_KEY: &str = "sigap-test-access";
const SECRET_KEY: &str = "sigap-test-secret-key-0123456789";

/// A running `s3s-fs`; killed on drop.
pub struct S3 {
    child: Child,
    port: u16,
    root: PathBuf,
}

impl Drop for S3 {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn binary() -> Option<PathBuf> {
    if let Ok(path) = std::env::var("SIGAP_S3_SERVER") {
        return Some(PathBuf::from(path));
    }
    let tools = Path::new(env!("CARGO_MANIFEST_DIR")).join("../.tools/bin/s3s-fs");
    tools.is_file().then_some(tools)
}

impl S3 {
    /// Starts the server with its data under `dir`, or `None` (skip) when `s3s-fs` is not
    /// installed outside CI (`scripts/test.sh` installs it).
    pub async fn start(dir: &Path) -> Option<S3> {
        let Some(bin) = binary() else {
            let ci = std::env::var("CI").is_ok_and(|v| v == "true");
            assert!(
                !ci,
                "s3s-fs is not installed in CI: scripts/test.sh installs it into .tools"
            );
            eprintln!("SKIPPED: s3s-fs is not installed (scripts/test.sh installs it into .tools)");
            return None;
        };
        let root = dir.join("s3");
        std::fs::create_dir_all(root.join(BUCKET)).unwrap();
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .map(|a| a.port())
            .expect("a free port");
        let log = std::fs::File::create(dir.join("s3.log")).unwrap();
        let child = Command::new(bin)
            .args(["--host", "127.0.0.1", "--port", &port.to_string()])
            .args(["--access-key", ACCESS_KEY, "--secret-key", SECRET_KEY])
            .arg(&root)
            .stdin(Stdio::null())
            .stdout(log.try_clone().unwrap())
            .stderr(log)
            .spawn()
            .expect("start s3s-fs");
        let deadline = Instant::now() + Duration::from_secs(30);
        while tokio::net::TcpStream::connect(("127.0.0.1", port))
            .await
            .is_err()
        {
            assert!(Instant::now() < deadline, "s3s-fs did not come up");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        Some(S3 { child, port, root })
    }

    /// The environment a Sigap server needs to keep its documents here, under `prefix`.
    pub fn env(&self, prefix: &str) -> Vec<(&'static str, String)> {
        vec![
            ("SIGAP_STORAGE_URL", format!("s3://{BUCKET}/{prefix}")),
            ("AWS_ENDPOINT", format!("http://127.0.0.1:{}", self.port)),
            ("AWS_ALLOW_HTTP", "true".into()),
            ("AWS_REGION", "us-east-1".into()),
            ("AWS_ACCESS_KEY_ID", ACCESS_KEY.into()),
            ("AWS_SECRET_ACCESS_KEY", SECRET_KEY.into()),
        ]
    }

    /// Where the server keeps an object's bytes (s3s-fs stores them as plain files).
    pub fn file_of(&self, prefix: &str, key: &str) -> PathBuf {
        self.root.join(BUCKET).join(prefix).join(key)
    }
}
