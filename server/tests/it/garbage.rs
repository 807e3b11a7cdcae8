//! No bad input crashes anything (issue 8): malformed requests generated from a fixed seed,
//! thrown at every endpoint of the role × endpoint matrix (every page, form handler and server
//! function) as each kind of person — wrong types, huge strings, invalid UTF-8 (in forms and in
//! multipart), negative and overflowing numbers, impossible dates, missing, repeated and
//! unknown fields, truncated bodies, wrong content types. No answer may be a 5xx or a panic,
//! and every refusal is a page in the visitor's language, never a framework's English plain
//! text. The number of inputs is printed (docs/RELIABILITY.md records it).

use crate::common::{self, Jar};
use crate::matrix::{arrange, requests};
use axum::body::Body;
use axum::http::Request;
use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

/// Inputs per endpoint (× about 150 endpoints: over 10,000 in all).
const PER_ENDPOINT: usize = 72;

/// Every field name Sigap's forms use, and the numbered ones.
const FIELDS: &[&str] = &[
    "accepted_types",
    "action",
    "active",
    "actor",
    "age",
    "appraisal_id",
    "belum_cukup",
    "choices",
    "citizen_facing",
    "code",
    "complaint_channel",
    "completion_days",
    "consent",
    "current",
    "day",
    "decision",
    "description_en",
    "description_id",
    "draft_key",
    "due_on",
    "education",
    "email",
    "fee",
    "file",
    "from",
    "full_name",
    "gender",
    "hasil_kerja",
    "identifier",
    "issue_key",
    "kind",
    "label_en",
    "label_id",
    "lang",
    "legal_basis",
    "max_size_kb",
    "name",
    "name_en",
    "name_id",
    "needs_document",
    "next",
    "nik",
    "nik4",
    "nip",
    "nomor",
    "note",
    "occupation",
    "owner",
    "password",
    "password_confirm",
    "pattern",
    "perilaku_kerja",
    "period",
    "periode",
    "permit_code",
    "phone",
    "potential",
    "product_en",
    "product_id",
    "progress_note",
    "q",
    "rating",
    "reason",
    "required",
    "roles",
    "service",
    "status",
    "suggestion",
    "supervisor_nip",
    "t",
    "unit",
    "unit_code",
    "unsur",
    "until",
    "u1",
    "u5",
    "u9",
    "field_1",
    "field_999999999999",
    "note_1",
    "note_-1",
    "page",
    "sort",
];

/// Values that have broken parsers somewhere, already form-encoded.
const NASTY: &[&str] = &[
    "",
    "%FF%FE%FD",
    "%C3%28",
    "%ED%A0%80",
    "%00",
    "%0D%0A%0D%0AX-Injected:+1",
    "-1",
    "0",
    "-9223372036854775808",
    "9223372036854775808",
    "99999999999999999999999999",
    "1e309",
    "NaN",
    "-0",
    "0x10",
    "%2B1",
    "3.5",
    "2026-02-30",
    "9999-99-99",
    "-0001-01-01",
    "2026-13-01",
    "31710115059000031",
    "317101150590000",
    "3171O11505900003",
    "19800101200501100",
    "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
    "'%3B+DROP+TABLE+account%3B--",
    "..%2F..%2Fetc%2Fpasswd",
    "%E2%80%AE%E2%80%AD",
    "%F0%9F%98%80%F0%9F%98%80",
    "on",
    "off",
    "true",
    "[]",
    "{}",
    "2026-S3",
    "2026-S0",
    "20261",
    "%25",
    "%",
    "%zz",
    "+",
    "&",
    "=",
];

fn value(rng: &mut ChaCha8Rng) -> String {
    match rng.gen_range(0..10) {
        0 => "A".repeat(rng.gen_range(1_000..200_000)),
        1 => (0..rng.gen_range(1..40))
            .map(|_| format!("%{:02X}", rng.gen::<u8>()))
            .collect(),
        2 => rng.gen::<i64>().to_string(),
        3 => format!("{}", rng.gen::<f64>() * 1e30),
        _ => NASTY.choose(rng).unwrap().to_string(),
    }
}

/// A form body: some real field names (the row's own first), garbage values, now and then a
/// repeated or nameless pair or a cut-off end.
fn form(rng: &mut ChaCha8Rng, own: &str) -> String {
    let mut names: Vec<String> = own
        .split('&')
        .filter_map(|p| p.split('=').next())
        .filter(|n| !n.is_empty())
        .map(str::to_owned)
        .collect();
    for _ in 0..rng.gen_range(0..10) {
        names.push(FIELDS.choose(rng).unwrap().to_string());
    }
    let mut pairs = Vec::new();
    for name in &names {
        if rng.gen_bool(0.8) {
            pairs.push(format!("{name}={}", value(rng)));
        }
    }
    if rng.gen_bool(0.1) {
        pairs.push("=x".into());
    }
    if rng.gen_bool(0.1) {
        pairs.push("novalue".into());
    }
    let mut body = pairs.join("&");
    if rng.gen_bool(0.05) {
        body.truncate(body.len() / 2);
    }
    body
}

/// A multipart body with invalid UTF-8 in names and values, sometimes cut short.
fn multipart(rng: &mut ChaCha8Rng) -> (String, Vec<u8>) {
    let boundary = "XgarbageBoundary";
    let mut body = Vec::new();
    for _ in 0..rng.gen_range(0..4) {
        let name = FIELDS.choose(rng).unwrap();
        body.extend_from_slice(
            format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"; filename=\"")
                .as_bytes(),
        );
        body.extend_from_slice(if rng.gen_bool(0.5) {
            b"..\\..\\a\xff\xfe.pdf"
        } else {
            b"../../etc/passwd"
        });
        body.extend_from_slice(b"\"\r\nContent-Type: application/pdf\r\n\r\n");
        let len = rng.gen_range(0..4096);
        body.extend((0..len).map(|_| rng.gen::<u8>()));
        body.extend_from_slice(b"\r\n");
    }
    if rng.gen_bool(0.7) {
        body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
    }
    let kind = if rng.gen_bool(0.1) {
        "multipart/form-data".to_owned()
    } else {
        format!("multipart/form-data; boundary={boundary}")
    };
    (kind, body)
}

/// One generated request against `path`.
fn request(
    rng: &mut ChaCha8Rng,
    method: &str,
    path: &str,
    own: &str,
    jar: &Jar,
    lang: &str,
) -> Request<Body> {
    let (kind, body): (String, Vec<u8>) = match (method, rng.gen_range(0..10)) {
        ("GET", _) => ("text/plain".into(), Vec::new()),
        (_, 0) => multipart(rng),
        (_, 1) => (
            "application/x-www-form-urlencoded".into(),
            (0..rng.gen_range(0..512)).map(|_| rng.gen()).collect(),
        ),
        (_, 2) => (
            "application/json".into(),
            format!("{{\"{}\": {}}}", FIELDS.choose(rng).unwrap(), value(rng)).into_bytes(),
        ),
        (_, 3) => ("text/plain".into(), form(rng, own).into_bytes()),
        _ => (
            "application/x-www-form-urlencoded".into(),
            form(rng, own).into_bytes(),
        ),
    };
    let uri = if method == "GET" || rng.gen_bool(0.2) {
        let sep = if path.contains('?') { '&' } else { '?' };
        format!(
            "{path}{sep}{}",
            form(rng, "").chars().take(4000).collect::<String>()
        )
    } else {
        path.to_owned()
    };
    let cookie = match jar.header() {
        signed_out if signed_out.is_empty() => format!("sigap_lang={lang}"),
        cookies => format!("{cookies}; sigap_lang={lang}"),
    };
    Request::builder()
        .method(method)
        .uri(uri.replace(' ', "%20"))
        .header("host", common::HOST)
        .header("origin", common::ORIGIN)
        .header("cookie", cookie)
        .header("content-type", kind)
        .body(Body::from(body))
        .unwrap()
}

db_test!(no_malformed_input_gets_a_server_error, |app| {
    let (records, jars) = arrange(&app).await;
    let mut rng = ChaCha8Rng::seed_from_u64(8);
    let mut failures = Vec::new();
    let mut tried = 0usize;
    let rows = requests(records);
    for (method, template, path, own) in &rows {
        for i in 0..PER_ENDPOINT {
            let jar = &jars[i % jars.len()];
            let lang = if i % 2 == 0 { "id" } else { "en" };
            let request = request(&mut rng, method, path, own, jar, lang);
            let shown = format!(
                "{} {}",
                request.method(),
                request
                    .uri()
                    .to_string()
                    .chars()
                    .take(120)
                    .collect::<String>()
            );
            let response = app.send(request).await;
            tried += 1;
            let status = response.status().as_u16();
            let kind = response
                .headers()
                .get("content-type")
                .and_then(|v| v.to_str().ok())
                .unwrap_or("")
                .to_owned();
            let body = common::body_text(response).await;
            let server_fn = template.starts_with("/api/");
            let refusal =
                (400..500).contains(&status) && status != 404 && status != 401 && status != 403;
            let problem = if status >= 500 {
                Some("a server error")
            } else if refusal
                && server_fn
                && serde_json::from_str::<app::api::error::ApiError>(&body).is_err()
            {
                Some("a server function's refusal that is not its error type")
            } else if refusal && !server_fn && !kind.starts_with("text/html") {
                Some("a refusal that is not a page")
            } else if refusal && !server_fn && !body.contains(&format!("<html lang=\"{lang}\"")) {
                Some("a refusal not in the visitor's language")
            } else if refusal
                && !server_fn
                && !body.contains("role=\"alert\"")
                && !body.contains("class=\"message-page\"")
            {
                Some("a refusal that says nothing")
            } else {
                None
            };
            if let Some(problem) = problem {
                let detail = format!(
                    "{status} {kind} for {shown}: {}",
                    text_of_main(&body).chars().take(400).collect::<String>()
                );
                failures.push((template.to_string(), problem, detail));
            }
        }
    }
    println!(
        "generated inputs: {tried} requests at {} endpoints, {} failures",
        rows.len(),
        failures.len()
    );
    // One example of each kind of failure at each endpoint.
    failures.sort_by(|a, b| (&a.0, a.1).cmp(&(&b.0, b.1)));
    failures.dedup_by(|a, b| a.0 == b.0 && a.1 == b.1);
    let shown: Vec<String> = failures
        .iter()
        .map(|(t, p, d)| format!("{t}: {p}: {d}"))
        .collect();
    assert!(
        shown.is_empty(),
        "{} failures:\n{}",
        shown.len(),
        shown.join("\n")
    );
});

/// The text inside `<main>`, tags dropped: what the visitor reads.
pub(crate) fn text_of_main(page: &str) -> String {
    let main = page.split("<main").nth(1).unwrap_or(page);
    let mut text = String::new();
    let mut in_tag = false;
    for c in main.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                text.push(' ');
            }
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
