//! A small HTTP/1.1 server on 127.0.0.1 for fetch tests: each route is a closure from the
//! request to a response. It counts requests per path so tests can see conditional GETs.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::sync::{Arc, Mutex};

/// A request as the routes see it.
pub struct Request {
    pub path: String,
    pub headers: HashMap<String, String>,
}

/// A response to send.
pub struct Reply {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
    /// Wait this long before answering.
    pub delay_ms: u64,
}

impl Reply {
    pub fn ok(body: impl Into<Vec<u8>>) -> Reply {
        Reply {
            status: 200,
            headers: Vec::new(),
            body: body.into(),
            delay_ms: 0,
        }
    }

    pub fn status(status: u16) -> Reply {
        Reply {
            status,
            ..Reply::ok("")
        }
    }

    pub fn header(mut self, name: &str, value: &str) -> Reply {
        self.headers.push((name.into(), value.into()));
        self
    }
}

/// A handler for one path.
pub type Route = Box<dyn Fn(&Request) -> Reply + Send + Sync>;

/// A running server; it stops with the test process.
pub struct Server {
    pub base: String,
    hits: Arc<Mutex<HashMap<String, usize>>>,
}

impl Server {
    /// Starts serving `routes` (path → handler) on a free port.
    pub fn start(routes: Vec<(&'static str, Route)>) -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        let routes: Arc<HashMap<&'static str, Route>> = Arc::new(routes.into_iter().collect());
        let hits = Arc::new(Mutex::new(HashMap::new()));
        let counter = hits.clone();
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                let Ok(mut stream) = stream else { continue };
                let routes = routes.clone();
                let counter = counter.clone();
                std::thread::spawn(move || {
                    let mut reader = BufReader::new(stream.try_clone().unwrap());
                    let mut line = String::new();
                    if reader.read_line(&mut line).is_err() {
                        return;
                    }
                    let path = line.split_whitespace().nth(1).unwrap_or("/").to_string();
                    let mut headers = HashMap::new();
                    loop {
                        let mut h = String::new();
                        if reader.read_line(&mut h).unwrap_or(0) == 0 || h.trim().is_empty() {
                            break;
                        }
                        if let Some((k, v)) = h.split_once(':') {
                            headers.insert(k.trim().to_ascii_lowercase(), v.trim().to_string());
                        }
                    }
                    *counter.lock().unwrap().entry(path.clone()).or_insert(0) += 1;
                    let request = Request { path, headers };
                    let reply = match routes.get(request.path.as_str()) {
                        Some(route) => route(&request),
                        None => Reply::status(404),
                    };
                    std::thread::sleep(std::time::Duration::from_millis(reply.delay_ms));
                    let mut head = format!(
                        "HTTP/1.1 {} X\r\nContent-Length: {}\r\nConnection: close\r\n",
                        reply.status,
                        reply.body.len()
                    );
                    for (k, v) in &reply.headers {
                        head.push_str(&format!("{k}: {v}\r\n"));
                    }
                    head.push_str("\r\n");
                    let _ = stream.write_all(head.as_bytes());
                    let _ = stream.write_all(&reply.body);
                });
            }
        });
        Server { base, hits }
    }

    /// The full URL of a path.
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// How many requests a path has had.
    pub fn hits(&self, path: &str) -> usize {
        self.hits.lock().unwrap().get(path).copied().unwrap_or(0)
    }
}
