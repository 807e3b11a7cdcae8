//! The cookie jar the tests keep, as a browser would.

use axum::response::Response;

/// Cookies a browser would keep from responses (name=value pairs, latest wins).
#[derive(Clone, Debug, Default)]
pub struct Jar(pub Vec<(String, String)>);

impl Jar {
    /// Takes the `Set-Cookie` headers of a response into the jar.
    pub fn absorb(&mut self, response: &Response) {
        for value in response.headers().get_all("set-cookie") {
            let text = value.to_str().unwrap();
            let pair = text.split(';').next().unwrap();
            let (name, value) = pair.split_once('=').unwrap();
            self.0.retain(|(n, _)| n != name);
            let expired = text.contains("Max-Age=0");
            if !expired {
                self.0.push((name.to_owned(), value.to_owned()));
            }
        }
    }

    /// The `Cookie` header value.
    pub fn header(&self) -> String {
        self.0
            .iter()
            .map(|(n, v)| format!("{n}={v}"))
            .collect::<Vec<_>>()
            .join("; ")
    }

    /// Whether any session cookie is held.
    pub fn has_session(&self) -> bool {
        self.0
            .iter()
            .any(|(n, _)| n.contains("sigap_at") || n.contains("sigap_rt"))
    }
}
