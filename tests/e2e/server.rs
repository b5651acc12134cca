//! A static file server that behaves like GitHub Pages for a project site: the site lives
//! under a subpath (`/backend-guide/`), folders serve their `index.html`, `/x` is served from
//! `x.html` when there is no `x`, the bare subpath
//! redirects to the slash form, and unknown paths get `404.html` with status 404.

use std::io::{BufRead, BufReader, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::thread::JoinHandle;

pub struct StaticServer {
    addr: SocketAddr,
    prefix: String,
    stopping: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

impl StaticServer {
    /// Serves `root` at `http://127.0.0.1:<port><prefix>`; `prefix` is like `/backend-guide/`.
    pub fn start(root: PathBuf, prefix: &str) -> std::io::Result<Self> {
        let listener = TcpListener::bind("127.0.0.1:0")?;
        let addr = listener.local_addr()?;
        let stopping = Arc::new(AtomicBool::new(false));
        let site = Arc::new(Site {
            root,
            prefix: prefix.to_string(),
        });
        let thread = {
            let stopping = Arc::clone(&stopping);
            std::thread::spawn(move || {
                for stream in listener.incoming() {
                    if stopping.load(Ordering::SeqCst) {
                        break;
                    }
                    let Ok(stream) = stream else { continue };
                    let site = Arc::clone(&site);
                    let stopping = Arc::clone(&stopping);
                    std::thread::spawn(move || {
                        let _ = site.handle(stream, &stopping);
                    });
                }
            })
        };
        Ok(Self {
            addr,
            prefix: prefix.to_string(),
            stopping,
            thread: Some(thread),
        })
    }

    /// The site's URL, ending in the prefix: `http://127.0.0.1:4321/backend-guide/`.
    pub fn url(&self) -> String {
        format!("http://{}{}", self.addr, self.prefix)
    }
}

impl Drop for StaticServer {
    fn drop(&mut self) {
        self.stopping.store(true, Ordering::SeqCst);
        // Wake the accept loop so it sees the flag.
        let _ = TcpStream::connect(self.addr);
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

struct Site {
    root: PathBuf,
    prefix: String,
}

struct Response {
    status: &'static str,
    headers: Vec<(&'static str, String)>,
    body: Vec<u8>,
}

impl Site {
    fn handle(&self, stream: TcpStream, stopping: &AtomicBool) -> std::io::Result<()> {
        let mut reader = BufReader::new(stream.try_clone()?);
        let mut request_line = String::new();
        reader.read_line(&mut request_line)?;
        // Browsers open connections ahead of requests: once stopped, answer nothing on them
        // either, so a stopped server is as gone as a network that is down.
        if stopping.load(Ordering::SeqCst) {
            return Ok(());
        }
        // Skip the headers: nothing in them changes the answer.
        loop {
            let mut line = String::new();
            if reader.read_line(&mut line)? == 0 || line == "\r\n" || line == "\n" {
                break;
            }
        }
        let mut parts = request_line.split_whitespace();
        let method = parts.next().unwrap_or("");
        let target = parts.next().unwrap_or("/");
        let response = match method {
            "GET" | "HEAD" => self.respond(target),
            _ => Response {
                status: "405 Method Not Allowed",
                headers: vec![("Allow", "GET, HEAD".into())],
                body: Vec::new(),
            },
        };
        let mut out = stream;
        write!(out, "HTTP/1.1 {}\r\n", response.status)?;
        write!(out, "Content-Length: {}\r\n", response.body.len())?;
        write!(out, "Connection: close\r\n")?;
        // GitHub Pages allows any origin to read the site's files.
        write!(out, "Access-Control-Allow-Origin: *\r\n")?;
        for (name, value) in &response.headers {
            write!(out, "{name}: {value}\r\n")?;
        }
        write!(out, "\r\n")?;
        if method != "HEAD" {
            out.write_all(&response.body)?;
        }
        out.flush()
    }

    fn respond(&self, target: &str) -> Response {
        let path = target.split(['?', '#']).next().unwrap_or("/");
        let path = percent_decode(path);
        if format!("{path}/") == self.prefix {
            return Response {
                status: "301 Moved Permanently",
                headers: vec![("Location", self.prefix.clone())],
                body: Vec::new(),
            };
        }
        let file = path
            .strip_prefix(&self.prefix)
            .and_then(|rest| self.file_for(rest));
        match file.and_then(|f| std::fs::read(&f).ok().map(|body| (f, body))) {
            Some((file, body)) => Response {
                status: "200 OK",
                headers: vec![
                    ("Content-Type", content_type(&file).into()),
                    ("Cache-Control", "max-age=600".into()),
                ],
                body,
            },
            None => match std::fs::read(self.root.join("404.html")) {
                Ok(body) => Response {
                    status: "404 Not Found",
                    headers: vec![("Content-Type", "text/html; charset=utf-8".into())],
                    body,
                },
                Err(_) => Response {
                    status: "404 Not Found",
                    headers: vec![("Content-Type", "text/plain; charset=utf-8".into())],
                    body: b"Not found".to_vec(),
                },
            },
        }
    }

    /// The file for a path below the prefix, if it is a safe relative path to a file.
    fn file_for(&self, rest: &str) -> Option<PathBuf> {
        let relative = Path::new(rest);
        if relative
            .components()
            .any(|c| !matches!(c, Component::Normal(_)))
        {
            return None;
        }
        let mut file = self.root.join(relative);
        if rest.is_empty() || rest.ends_with('/') || file.is_dir() {
            file = file.join("index.html");
        }
        if !file.is_file() && !rest.is_empty() && !rest.ends_with('/') {
            // GitHub Pages serves `/x` from `x.html`.
            file = self.root.join(format!("{rest}.html"));
        }
        file.is_file().then_some(file)
    }
}

fn content_type(file: &Path) -> &'static str {
    match file.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "css" => "text/css; charset=utf-8",
        "json" => "application/json",
        "webmanifest" => "application/manifest+json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "ico" => "image/x-icon",
        "txt" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let Ok(byte) = u8::from_str_radix(&s[i + 1..i + 3], 16) {
                out.push(byte);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}
