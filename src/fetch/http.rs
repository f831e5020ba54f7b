//! HTTP for feeds and pages: ureq with rustls, bounded in time, size and redirects.

use std::io::Read;
use std::time::Duration;

use super::is_web_url;

/// Limits of the HTTP client.
#[derive(Debug, Clone)]
pub struct ClientOptions {
    /// Time to connect.
    pub connect_timeout: Duration,
    /// Time for a whole request, body included.
    pub timeout: Duration,
    /// Redirects followed before giving up.
    pub max_redirects: u32,
    /// Largest body accepted, in bytes (after decompression).
    pub max_body: u64,
    /// Use HTTP_PROXY / HTTPS_PROXY / NO_PROXY from the environment.
    pub proxy_from_env: bool,
}

impl Default for ClientOptions {
    fn default() -> Self {
        ClientOptions {
            connect_timeout: Duration::from_secs(10),
            timeout: Duration::from_secs(30),
            max_redirects: 5,
            max_body: 16 * 1024 * 1024,
            proxy_from_env: true,
        }
    }
}

/// Why a fetch failed, in words a user can act on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FetchError(pub String);

impl std::fmt::Display for FetchError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// What a GET brought back.
#[derive(Debug, Clone)]
pub enum Response {
    /// 304: what we have is current.
    NotModified,
    /// The body, with the validators to send next time and the URL after redirects.
    Body {
        bytes: Vec<u8>,
        etag: Option<String>,
        last_modified: Option<String>,
        final_url: String,
    },
}

/// A shared HTTP agent (connections are pooled across feeds).
#[derive(Clone)]
pub struct Client {
    agent: ureq::Agent,
    max_body: u64,
}

impl Client {
    /// A client with these limits; the user agent names Parallax and its version.
    pub fn new(options: &ClientOptions) -> Client {
        let proxy = if options.proxy_from_env {
            ureq::Proxy::try_from_env()
        } else {
            None
        };
        let config = ureq::Agent::config_builder()
            .timeout_connect(Some(options.connect_timeout))
            .timeout_global(Some(options.timeout))
            .max_redirects(options.max_redirects)
            .user_agent(format!(
                "Parallax/{} (terminal news reader)",
                env!("CARGO_PKG_VERSION")
            ))
            .proxy(proxy)
            .http_status_as_error(false)
            .build();
        Client {
            agent: config.into(),
            max_body: options.max_body,
        }
    }

    /// GETs `url`, conditionally when validators from the last fetch are given.
    pub fn get(
        &self,
        url: &str,
        etag: Option<&str>,
        last_modified: Option<&str>,
    ) -> Result<Response, FetchError> {
        if !is_web_url(url) {
            return Err(FetchError(format!(
                "not an http or https URL: {}",
                crate::article::sanitize_line(url)
            )));
        }
        let mut request = self.agent.get(url);
        if let Some(tag) = etag {
            request = request.header("If-None-Match", tag);
        }
        if let Some(date) = last_modified {
            request = request.header("If-Modified-Since", date);
        }
        let mut response = request.call().map_err(describe)?;
        let status = response.status().as_u16();
        if status == 304 {
            return Ok(Response::NotModified);
        }
        if !(200..300).contains(&status) {
            let reason = response.status().canonical_reason().unwrap_or("");
            return Err(FetchError(format!("HTTP {status} {reason}").trim().into()));
        }
        let header = |name: &str| {
            response
                .headers()
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(str::to_string)
        };
        let (etag, last_modified) = (header("etag"), header("last-modified"));
        let final_url = ureq::ResponseExt::get_uri(&response).to_string();
        let bytes = self.read_body(response.body_mut())?;
        Ok(Response::Body {
            bytes,
            etag,
            last_modified,
            final_url,
        })
    }
}

impl Client {
    /// The body, decoded, refused once it passes `max_body`. The cap is on the bytes after
    /// decompression and is enforced while reading: a gzip bomb (a megabyte on the wire, a
    /// gigabyte decoded) stops at the cap, never held whole. The wire bytes have the same cap.
    fn read_body(&self, body: &mut ureq::Body) -> Result<Vec<u8>, FetchError> {
        let too_large = || {
            FetchError(format!(
                "response larger than the {} MiB limit (after decompression)",
                self.max_body / (1024 * 1024)
            ))
        };
        let reader = body.with_config().limit(self.max_body).reader();
        let mut bytes = Vec::new();
        reader
            .take(self.max_body.saturating_add(1))
            .read_to_end(&mut bytes)
            .map_err(|e| match ureq_error(e) {
                ureq::Error::BodyExceedsLimit(_) => too_large(),
                other => describe(other),
            })?;
        if bytes.len() as u64 > self.max_body {
            return Err(too_large());
        }
        Ok(bytes)
    }
}

/// The ureq error an I/O error of a body reader carries (a timeout, the wire limit), or the
/// I/O error itself.
fn ureq_error(e: std::io::Error) -> ureq::Error {
    if !e.get_ref().is_some_and(|inner| inner.is::<ureq::Error>()) {
        return ureq::Error::Io(e);
    }
    match e.into_inner().map(|inner| inner.downcast::<ureq::Error>()) {
        Some(Ok(inner)) => *inner,
        _ => ureq::Error::Io(std::io::Error::other("the body could not be read")),
    }
}

fn describe(e: ureq::Error) -> FetchError {
    let text = match e {
        ureq::Error::Timeout(_) => "timed out".to_string(),
        ureq::Error::TooManyRedirects => "too many redirects".to_string(),
        ureq::Error::HostNotFound => "host not found".to_string(),
        ureq::Error::Io(io) if io.kind() == std::io::ErrorKind::ConnectionRefused => {
            "connection refused".to_string()
        }
        other => other.to_string(),
    };
    FetchError(crate::article::sanitize_line(&text))
}
