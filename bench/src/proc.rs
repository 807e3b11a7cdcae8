//! The processes a benchmark drives: the real `sigap` binary (release build) on a database of
//! the benchmark's own, and the bare axum baseline (`sigap-bench bare-server`), each its own
//! process so the load generator never shares a runtime with what it measures.

use anyhow::{bail, Context};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// The secret every benchmark server signs with, so the suite can mint survey tokens.
pub const SECRET: &str = "sigap-benchmark-secret-not-for-production-0001";

/// Where a benchmark database lives and how to reach it.
#[derive(Clone, Debug)]
pub struct Target {
    /// `sqlite` or `postgres`.
    pub engine: &'static str,
    /// The data folder (documents, the SQLite file).
    pub data_dir: PathBuf,
    /// The database URL.
    pub database_url: String,
}

impl Target {
    /// Runs `sigap ARGS` against this target and waits for it.
    pub fn sigap(&self, bin: &Path, args: &[&str]) -> anyhow::Result<Duration> {
        let started = Instant::now();
        let status = self
            .command(bin)
            .args(args)
            .status()
            .with_context(|| format!("running sigap {args:?}"))?;
        if !status.success() {
            bail!("sigap {args:?} failed: {status}");
        }
        Ok(started.elapsed())
    }

    fn command(&self, bin: &Path) -> Command {
        let mut command = Command::new(bin);
        command
            .env("SIGAP_DATA_DIR", &self.data_dir)
            .env("DATABASE_URL", &self.database_url)
            .env("SIGAP_JWT_SECRET", SECRET)
            .env_remove("SIGAP_PUBLIC_URL");
        command
    }

    /// Starts `sigap serve` on `port` and waits until it is ready.
    pub fn serve(&self, bin: &Path, site: &Path, port: u16, log: &Path) -> anyhow::Result<Running> {
        let log = std::fs::File::create(log)?;
        let child = self
            .command(bin)
            .arg("serve")
            .env("SIGAP_BIND", format!("127.0.0.1:{port}"))
            .env("LEPTOS_SITE_ROOT", site)
            .stdout(log.try_clone()?)
            .stderr(log)
            .spawn()
            .context("starting sigap serve")?;
        Running::ready(child, port)
    }
}

/// A server process the suite started; killed when dropped.
pub struct Running {
    child: Child,
    /// Its port on 127.0.0.1.
    pub port: u16,
}

impl Running {
    /// Waits (up to a minute) for `/readyz` to answer 200.
    pub fn ready(child: Child, port: u16) -> anyhow::Result<Running> {
        let running = Running { child, port };
        let deadline = Instant::now() + Duration::from_secs(60);
        while Instant::now() < deadline {
            if let Ok(mut stream) = std::net::TcpStream::connect(("127.0.0.1", port)) {
                use std::io::{Read, Write};
                let request =
                    "GET /readyz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
                let mut answer = String::new();
                if stream.write_all(request.as_bytes()).is_ok()
                    && stream.read_to_string(&mut answer).is_ok()
                    && answer.starts_with("HTTP/1.1 200")
                {
                    return Ok(running);
                }
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        bail!("the server on port {port} did not become ready")
    }

    /// Peak resident memory so far (VmHWM), in MiB.
    pub fn peak_rss_mib(&self) -> anyhow::Result<f64> {
        self.status_mib("VmHWM:")
    }

    /// Resident memory now (VmRSS), in MiB.
    pub fn rss_mib(&self) -> anyhow::Result<f64> {
        self.status_mib("VmRSS:")
    }

    /// A `kB` line of `/proc/PID/status`, in MiB.
    fn status_mib(&self, field: &str) -> anyhow::Result<f64> {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id()))?;
        let kib: f64 = status
            .lines()
            .find_map(|l| l.strip_prefix(field))
            .with_context(|| format!("no {field}"))?
            .trim()
            .trim_end_matches("kB")
            .trim()
            .parse()?;
        Ok(kib / 1024.0)
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Starts the bare baseline server: `sigap-bench bare-server` answering every GET with `size`
/// bytes of HTML.
pub fn bare(port: u16, size: usize) -> anyhow::Result<Running> {
    let me = std::env::current_exe()?;
    let child = Command::new(me)
        .args([
            "bare-server",
            "--port",
            &port.to_string(),
            "--size",
            &size.to_string(),
        ])
        .stdout(Stdio::null())
        .spawn()?;
    Running::ready(child, port)
}

/// The bare baseline: an axum router whose one handler returns a fixed page. The suite asks
/// both servers for uncompressed pages, so only the work of making the page differs.
pub async fn bare_server(port: u16, size: usize) -> anyhow::Result<()> {
    use axum::response::Html;
    use axum::routing::get;
    let page: &'static str = Box::leak(bare_page(size).into_boxed_str());
    let router = axum::Router::new()
        .route("/readyz", get(|| async { "ok" }))
        .fallback(get(move || async move { Html(page) }));
    let listener = tokio::net::TcpListener::bind(("127.0.0.1", port)).await?;
    axum::serve(listener, router).await?;
    Ok(())
}

/// An HTML page of exactly `size` bytes.
pub fn bare_page(size: usize) -> String {
    let head = "<!DOCTYPE html><html lang=\"id\"><head><title>Bare</title></head><body><p>";
    let tail = "</p></body></html>";
    let fill = size.saturating_sub(head.len() + tail.len());
    let words = "Layanan perizinan daring. ".repeat(fill / 26 + 1);
    format!("{head}{}{tail}", &words[..fill])
}
