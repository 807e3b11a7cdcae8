//! Figure 2: citizen pages rendered per second (the service catalog, a citizen's application
//! status, the survey form) against a bare axum handler returning a page of the same size, both
//! uncompressed, same client and concurrency. Figure 4: the bytes of each citizen page's first
//! load — HTML and every CSS, JS and WASM file it references — raw and as served compressed.

use crate::load::{self, fetch, MakeRequest, Peak};
use crate::proc::{self, Running};
use anyhow::Context;
use http_body_util::Full;
use hyper::body::Bytes;
use hyper::{Request, StatusCode};
use serde::Serialize;
use std::collections::BTreeSet;
use std::sync::Arc;
use std::time::Duration;

/// A page to measure: its name and path, and the session cookie it needs.
#[derive(Clone, Debug)]
pub struct Page {
    /// What it is.
    pub name: &'static str,
    /// Path on the server.
    pub path: String,
    /// `Cookie` header, if signed in.
    pub cookie: Option<String>,
    /// A reference point that splits a page's cost (no target of its own).
    pub reference: bool,
}

/// Figure 2 for one page.
#[derive(Debug, Clone, Serialize)]
pub struct PageFigure {
    /// Page.
    pub page: &'static str,
    /// Uncompressed HTML bytes.
    pub bytes: usize,
    /// Sigap.
    pub sigap: Peak,
    /// The bare handler, same size.
    pub bare: Peak,
    /// sigap ÷ bare.
    pub ratio: f64,
    /// A reference point, not one of the citizen pages the target is for.
    pub reference: bool,
}

/// Figure 4 for one page.
#[derive(Debug, Clone, Serialize, Default)]
pub struct Weight {
    /// Page.
    pub page: &'static str,
    /// HTML + CSS + JS, uncompressed.
    pub raw_without_wasm: usize,
    /// The same as served with `Accept-Encoding: br`.
    pub br_without_wasm: usize,
    /// The same as served with `Accept-Encoding: gzip`.
    pub gzip_without_wasm: usize,
    /// WASM uncompressed.
    pub wasm_raw: usize,
    /// WASM as served with brotli.
    pub wasm_br: usize,
    /// WASM at brotli's best setting (what a precompressed file would weigh).
    pub wasm_br_best: usize,
    /// The files counted.
    pub files: Vec<String>,
}

fn get(
    port: u16,
    path: &str,
    cookie: Option<&str>,
    encoding: Option<&str>,
) -> Request<Full<Bytes>> {
    let mut request = Request::get(format!("http://127.0.0.1:{port}{path}"))
        .header("host", format!("127.0.0.1:{port}"));
    if let Some(c) = cookie {
        request = request.header("cookie", c);
    }
    if let Some(e) = encoding {
        request = request.header("accept-encoding", e);
    }
    request
        .body(Full::new(Bytes::new()))
        .expect("a valid request")
}

fn maker(port: u16, page: &Page) -> MakeRequest {
    let (path, cookie) = (page.path.clone(), page.cookie.clone());
    Arc::new(move |_| get(port, &path, cookie.as_deref(), None))
}

/// Closed-loop load on `page` of the server on `port` for `seconds` (`sigap-bench hit`).
pub async fn hit(
    port: u16,
    page: &Page,
    concurrency: usize,
    seconds: u64,
) -> anyhow::Result<load::Peak> {
    let make = maker(port, page);
    let (peak, _) = load::peak(
        make,
        StatusCode::OK,
        concurrency,
        Duration::from_secs(seconds),
        0,
    )
    .await?;
    Ok(peak)
}

/// Alternating rounds of figure 2, and the seconds of each (eight seconds in all per side).
const ROUNDS: u64 = 4;
const ROUND_SECS: u64 = 2;

/// Figure 2 for `page`, using `bare_port` for its baseline.
pub async fn throughput(
    server: &Running,
    page: &Page,
    bare_port: u16,
    concurrency: usize,
) -> anyhow::Result<PageFigure> {
    let client = load::client(1);
    let (status, _, body) = fetch(
        &client,
        get(server.port, &page.path, page.cookie.as_deref(), None),
    )
    .await?;
    anyhow::ensure!(status == StatusCode::OK, "{} answered {status}", page.path);
    let bytes = body.len();
    let bare_server = proc::bare(bare_port, bytes)?;
    let bare_page = Page {
        name: page.name,
        path: "/".into(),
        cookie: None,
        reference: page.reference,
    };
    // Two seconds each to warm up, then eight that count, taken in alternating rounds: the
    // machine's speed drifts by more than the gap being measured over a few seconds, and
    // alternating puts the page and its baseline under the same drift.
    hit(server.port, page, concurrency, 2).await?;
    hit(bare_server.port, &bare_page, concurrency, 2).await?;
    let (mut sigap, mut bare) = (Vec::new(), Vec::new());
    for _ in 0..ROUNDS {
        sigap.push(hit(server.port, page, concurrency, ROUND_SECS).await?);
        bare.push(hit(bare_server.port, &bare_page, concurrency, ROUND_SECS).await?);
    }
    drop(bare_server);
    let (sigap, bare) = (load::combined(&sigap), load::combined(&bare));
    Ok(PageFigure {
        page: page.name,
        bytes,
        ratio: sigap.per_second / bare.per_second,
        reference: page.reference,
        sigap,
        bare,
    })
}

async fn sizes(
    port: u16,
    path: &str,
    cookie: Option<&str>,
) -> anyhow::Result<(Bytes, usize, usize)> {
    let client = load::client(1);
    let (status, _, raw) = fetch(&client, get(port, path, cookie, Some("identity"))).await?;
    anyhow::ensure!(status == StatusCode::OK, "{path} answered {status}");
    let (_, headers, br) = fetch(&client, get(port, path, cookie, Some("br"))).await?;
    let br_len = if headers.get("content-encoding").is_some_and(|v| v == "br") {
        br.len()
    } else {
        raw.len()
    };
    let (_, headers, gz) = fetch(&client, get(port, path, cookie, Some("gzip"))).await?;
    let gz_len = if headers.get("content-encoding").is_some_and(|v| v == "gzip") {
        gz.len()
    } else {
        raw.len()
    };
    Ok((raw, br_len, gz_len))
}

/// Figure 4 for `page`.
pub async fn weight(server: &Running, page: &Page) -> anyhow::Result<Weight> {
    let (html, br, gz) = sizes(server.port, &page.path, page.cookie.as_deref()).await?;
    let text = String::from_utf8_lossy(&html);
    let assets: BTreeSet<String> =
        regex::Regex::new(r#"(?:href|src)="(/[^"?#]+\.(?:css|js|wasm))""#)?
            .captures_iter(&text)
            .map(|c| c[1].to_owned())
            .collect();
    let mut w = Weight {
        page: page.name,
        raw_without_wasm: html.len(),
        br_without_wasm: br,
        gzip_without_wasm: gz,
        files: vec![page.path.clone()],
        ..Weight::default()
    };
    for asset in assets {
        let (raw, br, gz) = sizes(server.port, &asset, None)
            .await
            .with_context(|| format!("fetching {asset}"))?;
        if asset.ends_with(".wasm") {
            w.wasm_raw += raw.len();
            w.wasm_br += br;
            w.wasm_br_best += brotli_best(&raw)?;
        } else {
            w.raw_without_wasm += raw.len();
            w.br_without_wasm += br;
            w.gzip_without_wasm += gz;
        }
        w.files.push(asset);
    }
    Ok(w)
}

fn brotli_best(bytes: &[u8]) -> anyhow::Result<usize> {
    let mut out = Vec::new();
    let params = brotli::enc::BrotliEncoderParams {
        quality: 11,
        lgwin: 22,
        ..Default::default()
    };
    brotli::BrotliCompress(&mut &bytes[..], &mut out, &params)?;
    Ok(out.len())
}

/// Signs the demo citizen in and returns the `Cookie` header for their session.
pub async fn citizen_cookie(port: u16, nik: &str, password: &str) -> anyhow::Result<String> {
    let client = load::client(1);
    let body = format!("identifier={nik}&password={password}");
    let request = Request::post(format!("http://127.0.0.1:{port}/masuk"))
        .header("host", format!("127.0.0.1:{port}"))
        .header("origin", format!("http://127.0.0.1:{port}"))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(Full::new(Bytes::from(body)))?;
    let (status, headers, _) = fetch(&client, request).await?;
    let cookies: Vec<String> = headers
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok()?.split(';').next().map(str::to_owned))
        .collect();
    anyhow::ensure!(
        status == StatusCode::SEE_OTHER && !cookies.is_empty(),
        "sign-in answered {status}"
    );
    Ok(cookies.join("; "))
}

/// The first application on the citizen's "my applications" page.
pub async fn first_application(port: u16, cookie: &str) -> anyhow::Result<String> {
    let client = load::client(1);
    let (_, _, body) = fetch(&client, get(port, "/permohonan", Some(cookie), None)).await?;
    let text = String::from_utf8_lossy(&body);
    let found = regex::Regex::new(r#"href="(/permohonan/\d+)""#)?
        .captures(&text)
        .context("the citizen has no application")?;
    Ok(found[1].to_owned())
}
