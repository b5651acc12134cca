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

/// What a test changes in the answers, to bring a fault in from outside the app (the app and
/// the built files stay as they are).
#[derive(Debug, Clone, Default)]
pub struct Tweaks {
    /// JavaScript run before anything else on every page: served as `<prefix>__e2e/first.js`
    /// and loaded by a `<script src>` put right after each page's `<meta charset>` (a script
    /// of the site's own origin, so the page's Content-Security-Policy allows it).
    pub first_script: Option<String>,
    pub wasm: WasmAnswer,
    /// `sw.js` answers 404: no service worker, so every page load comes from this server.
    pub no_service_worker: bool,
}

/// How the server answers for the wasm module.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum WasmAnswer {
    #[default]
    Whole,
    /// Its first half only, as a dropped connection or a broken proxy would leave it.
    Truncated,
    /// 404, as after a half-finished deployment.
    Missing,
}

const FIRST_SCRIPT: &str = "__e2e/first.js";

pub struct StaticServer {
    addr: SocketAddr,
    prefix: String,
    stopping: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

impl StaticServer {
    /// Serves `root` at `http://127.0.0.1:<port><prefix>`; `prefix` is like `/backend-guide/`.
    pub fn start(root: PathBuf, prefix: &str) -> std::io::Result<Self> {
        Self::start_with(root, prefix, Tweaks::default())
    }

    /// Like [`StaticServer::start`], with answers changed by `tweaks`.
    pub fn start_with(root: PathBuf, prefix: &str, tweaks: Tweaks) -> std::io::Result<Self> {
        let listener = TcpListener::bind("127.0.0.1:0")?;
        let addr = listener.local_addr()?;
        let stopping = Arc::new(AtomicBool::new(false));
        let site = Arc::new(Site {
            root,
            prefix: prefix.to_string(),
            tweaks,
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
    tweaks: Tweaks,
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
            "GET" | "HEAD" => self.tweak(target, self.respond(target)),
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

    /// The answer as [`Tweaks`] change it.
    fn tweak(&self, target: &str, mut response: Response) -> Response {
        let path = target.split(['?', '#']).next().unwrap_or("/");
        let file = path.strip_prefix(&self.prefix).unwrap_or("");
        let tweaks = &self.tweaks;
        if let (FIRST_SCRIPT, Some(script)) = (file, &tweaks.first_script) {
            return Response {
                status: "200 OK",
                headers: vec![("Content-Type", content_type(Path::new(file)).into())],
                body: script.clone().into_bytes(),
            };
        }
        if (file == "sw.js" && tweaks.no_service_worker)
            || (file.ends_with(".wasm") && tweaks.wasm == WasmAnswer::Missing)
        {
            return Response {
                status: "404 Not Found",
                headers: vec![("Content-Type", "text/plain; charset=utf-8".into())],
                body: b"Not found".to_vec(),
            };
        }
        if file.ends_with(".wasm") && tweaks.wasm == WasmAnswer::Truncated {
            response.body.truncate(response.body.len() / 2);
        }
        let is_html = response
            .headers
            .iter()
            .any(|(name, value)| *name == "Content-Type" && value.starts_with("text/html"));
        if let (true, Some(_)) = (is_html, &tweaks.first_script) {
            let html = String::from_utf8_lossy(&response.body).into_owned();
            let tag = format!("<script src=\"{}{FIRST_SCRIPT}\"></script>", self.prefix);
            let at = html
                .find("<meta charset")
                .and_then(|start| html[start..].find('>').map(|end| start + end + 1))
                .unwrap_or(0);
            response.body = format!("{}{tag}{}", &html[..at], &html[at..]).into_bytes();
        }
        response
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
