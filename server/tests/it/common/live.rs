//! The real `sigap` binary as a child process over a [`TestApp`]'s database and data folder,
//! driven over real HTTP: for the tests that kill it mid-run (crash recovery) or need its
//! background worker. Its log goes to `DATA_DIR/server-N.log`.

use super::{Jar, TestApp, HOST, ORIGIN};
use http_body_util::{BodyExt, Full};
use hyper::body::Bytes;
use hyper_util::client::legacy::{connect::HttpConnector, Client};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// The secret the in-process state signs with (sessions made in-process work on the binary).
pub const SECRET: &str = "test-secret-that-is-long-enough-0123456789";
/// How long the binary's outbox claims last (`SIGAP_OUTBOX_LEASE_SECS`): short, so a test that
/// kills a server sees its claimed messages taken over within seconds.
pub const LEASE_SECS: u64 = 5;

/// How to start one server beyond the test app's database.
#[derive(Default)]
pub struct Options<'a> {
    /// Its own data folder (default: the test app's).
    pub data_dir: Option<std::path::PathBuf>,
    /// More environment variables.
    pub env: Vec<(&'a str, String)>,
    /// The log filter (default `info`).
    pub log: Option<&'a str>,
}

/// A running `sigap serve`.
pub struct Live {
    child: std::sync::Mutex<Child>,
    port: u16,
    client: Client<HttpConnector, Full<Bytes>>,
}

/// Status, `Location`, cookies set and body of one response.
pub struct Reply {
    /// `Set-Cookie` name=value pairs.
    pub cookies: Vec<(String, String)>,
    /// HTTP status.
    pub status: u16,
    /// The redirect target, if any.
    pub location: Option<String>,
    /// The body as text.
    pub body: String,
}

/// Why a request got no answer (the server was killed, or is not up).
pub type Failed = hyper_util::client::legacy::Error;

impl Live {
    /// Starts the binary on a free port over `app`'s database and waits until it answers.
    pub async fn start(app: &TestApp, run: usize) -> Live {
        Self::start_logging(app, run, "info").await
    }

    /// [`Live::start`] with the log filter `SIGAP_LOG=log`.
    pub async fn start_logging(app: &TestApp, run: usize, log: &str) -> Live {
        let options = Options {
            log: Some(log),
            ..Options::default()
        };
        Self::start_with(app, run, options).await
    }

    /// [`Live::start`] with [`Options`].
    pub async fn start_with(app: &TestApp, run: usize, options: Options<'_>) -> Live {
        let data_dir = options.data_dir.unwrap_or_else(|| app.data_dir.clone());
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .map(|a| a.port())
            .expect("a free port");
        std::fs::create_dir_all(&data_dir).unwrap();
        let file = std::fs::File::create(data_dir.join(format!("server-{run}.log"))).unwrap();
        // SIGAP_TEST_BIN runs another build (the release binary, for the long soak).
        let bin =
            std::env::var("SIGAP_TEST_BIN").unwrap_or_else(|_| env!("CARGO_BIN_EXE_sigap").into());
        let child = Command::new(bin)
            .arg("serve")
            .env("DATABASE_URL", &app.url)
            .env("SIGAP_DATA_DIR", &data_dir)
            .env("SIGAP_JWT_SECRET", SECRET)
            .env("SIGAP_BIND", format!("127.0.0.1:{port}"))
            .env("SIGAP_LOG", options.log.unwrap_or("info"))
            .env("SIGAP_OUTBOX_LEASE_SECS", LEASE_SECS.to_string())
            .env_remove("SIGAP_SMTP_URL")
            .env_remove("SIGAP_STORAGE_URL")
            .envs(options.env)
            .stdin(Stdio::null())
            .stdout(file.try_clone().unwrap())
            .stderr(file)
            .spawn()
            .expect("start the sigap binary");
        let mut connector = HttpConnector::new();
        connector.set_nodelay(true);
        let client = Client::builder(hyper_util::rt::TokioExecutor::new())
            .pool_max_idle_per_host(64)
            .build(connector);
        let live = Live {
            child: std::sync::Mutex::new(child),
            port,
            client,
        };
        let deadline = Instant::now() + Duration::from_secs(90);
        loop {
            if let Ok(reply) = live.get("/healthz", &Jar::default()).await {
                if reply.status == 200 {
                    return live;
                }
            }
            assert!(
                Instant::now() < deadline,
                "the server did not come up on port {port}"
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// The server's process id.
    pub fn pid(&self) -> u32 {
        self.child.lock().unwrap_or_else(|e| e.into_inner()).id()
    }

    /// SIGKILL: no shutdown, no flush, as a power cut of the process.
    pub fn kill(&self) {
        let mut child = self.child.lock().unwrap_or_else(|e| e.into_inner());
        let _ = child.kill();
        let _ = child.wait();
    }

    /// GET with cookies.
    pub async fn get(&self, path: &str, jar: &Jar) -> Result<Reply, Failed> {
        self.send("GET", path, "", Vec::new(), jar).await
    }

    /// A form POST (urlencoded) with cookies, from this site.
    pub async fn post_form(&self, path: &str, body: &str, jar: &Jar) -> Result<Reply, Failed> {
        let kind = "application/x-www-form-urlencoded";
        self.send("POST", path, kind, body.as_bytes().to_vec(), jar)
            .await
    }

    /// A multipart POST of one file as field `file`, with cookies, from this site.
    pub async fn post_file(
        &self,
        path: &str,
        file_name: &str,
        bytes: &[u8],
        jar: &Jar,
    ) -> Result<Reply, Failed> {
        let boundary = "XsigapLiveBoundary";
        let mut body = format!(
            "--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{file_name}\"\r\nContent-Type: application/octet-stream\r\n\r\n"
        )
        .into_bytes();
        body.extend_from_slice(bytes);
        body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
        let kind = format!("multipart/form-data; boundary={boundary}");
        self.send("POST", path, &kind, body, jar).await
    }

    async fn send(
        &self,
        method: &str,
        path: &str,
        content_type: &str,
        body: Vec<u8>,
        jar: &Jar,
    ) -> Result<Reply, Failed> {
        let mut request = hyper::Request::builder()
            .method(method)
            .uri(format!("http://127.0.0.1:{}{path}", self.port))
            .header("host", HOST)
            .header("cookie", jar.header());
        if method == "POST" {
            request = request
                .header("origin", ORIGIN)
                .header("content-type", content_type);
        }
        let response = self
            .client
            .request(request.body(Full::new(Bytes::from(body))).unwrap())
            .await?;
        let status = response.status().as_u16();
        let location = response
            .headers()
            .get("location")
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned);
        let cookies = response
            .headers()
            .get_all("set-cookie")
            .iter()
            .filter_map(|v| v.to_str().ok()?.split(';').next()?.split_once('='))
            .map(|(n, v)| (n.to_owned(), v.to_owned()))
            .collect();
        // A body cut off by the kill reads as what arrived.
        let body = match response.into_body().collect().await {
            Ok(collected) => String::from_utf8_lossy(&collected.to_bytes()).into_owned(),
            Err(_) => String::new(),
        };
        Ok(Reply {
            cookies,
            status,
            location,
            body,
        })
    }
}

impl Drop for Live {
    fn drop(&mut self) {
        self.kill();
    }
}
