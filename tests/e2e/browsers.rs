//! The three browser engines and their WebDriver servers: chromedriver (Chromium), geckodriver
//! (Firefox) and WebKitWebDriver (WebKitGTK's MiniBrowser, under its own Xvfb display).
//! Each driver runs in its own process group, started on first use and killed at the end.

use std::net::{TcpListener, TcpStream};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder};
use serde_json::{json, Map, Value};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Engine {
    Chromium,
    Firefox,
    WebKit,
}

pub const ENGINES: [Engine; 3] = [Engine::Chromium, Engine::Firefox, Engine::WebKit];

const CHROMIUM: &str = "/usr/bin/chromium";
const FIREFOX: &str = "/usr/bin/firefox-esr";
const MINIBROWSER: &str = "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser";

impl Engine {
    pub fn name(self) -> &'static str {
        match self {
            Engine::Chromium => "chromium",
            Engine::Firefox => "firefox",
            Engine::WebKit => "webkit",
        }
    }

    fn capabilities(self) -> Map<String, Value> {
        let caps = match self {
            Engine::Chromium => json!({
                "browserName": "chrome",
                "goog:chromeOptions": {
                    "binary": CHROMIUM,
                    "args": [
                        "--headless=new", "--no-sandbox", "--disable-gpu",
                        "--disable-background-networking", "--disable-component-update",
                        "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                        "--window-size=1280,900"
                    ]
                }
            }),
            Engine::Firefox => json!({
                "browserName": "firefox",
                "moz:firefoxOptions": {
                    "binary": FIREFOX,
                    "args": ["-headless", "-width=1280", "-height=900"],
                    "prefs": {
                        "app.update.enabled": false,
                        "browser.shell.checkDefaultBrowser": false,
                        "datareporting.policy.dataSubmissionEnabled": false,
                        "network.captive-portal-service.enabled": false,
                        "network.connectivity-service.enabled": false
                    }
                }
            }),
            Engine::WebKit => json!({
                "webkitgtk:browserOptions": {
                    "binary": MINIBROWSER,
                    "args": ["--automation"]
                }
            }),
        };
        match caps {
            Value::Object(map) => map,
            _ => unreachable!("capabilities are a JSON object"),
        }
    }
}

/// A running WebDriver server (and, for WebKit, its X display).
pub struct Driver {
    engine: Engine,
    port: u16,
    processes: Vec<Child>,
    /// Where the driver and the browsers it starts write their messages.
    log: PathBuf,
    /// The folder of its browser profiles, removed with the driver.
    profiles: PathBuf,
}

impl Driver {
    pub fn start(engine: Engine) -> Result<Self, String> {
        let port = free_port()?;
        let log = log_file(engine, port)?;
        let mut processes = Vec::new();
        let driver = match engine {
            Engine::Chromium => {
                require(CHROMIUM)?;
                spawn(
                    Command::new(which("chromedriver")?).arg(format!("--port={port}")),
                    "chromedriver",
                    &log,
                )?
            }
            Engine::Firefox => {
                require(FIREFOX)?;
                spawn(
                    Command::new(which("geckodriver")?).args([
                        "--host",
                        "127.0.0.1",
                        "--port",
                        &port.to_string(),
                    ]),
                    "geckodriver",
                    &log,
                )?
            }
            Engine::WebKit => {
                require(MINIBROWSER)?;
                let display = free_display();
                processes.push(spawn(
                    Command::new(which("Xvfb")?).args([
                        &format!(":{display}"),
                        "-screen",
                        "0",
                        "1280x1024x24",
                        "-nolisten",
                        "tcp",
                        // By default Xvfb resets when its last client leaves, and drops a
                        // client that connects meanwhile (xorg/xserver issue 1102): under
                        // load, the MiniBrowser of the next session then cannot open the
                        // display and its session start hangs for a minute.
                        "-noreset",
                    ]),
                    "Xvfb",
                    &log,
                )?);
                wait_until(Duration::from_secs(10), || {
                    std::path::Path::new(&format!("/tmp/.X11-unix/X{display}")).exists()
                })
                .map_err(|_| "Xvfb did not start".to_string())?;
                spawn(
                    Command::new(which("WebKitWebDriver")?)
                        .arg(format!("--port={port}"))
                        .env("DISPLAY", format!(":{display}")),
                    "WebKitWebDriver",
                    &log,
                )?
            }
        };
        processes.push(driver);
        let me = Self {
            engine,
            port,
            processes,
            log,
            profiles: tmp_dir()
                .join("e2e-profiles")
                .join(format!("{}-{port}", engine.name())),
        };
        wait_until(Duration::from_secs(20), || {
            TcpStream::connect(("127.0.0.1", port)).is_ok()
        })
        .map_err(|_| format!("{} WebDriver did not start on port {port}", engine.name()))?;
        Ok(me)
    }

    /// The last lines the driver and its browsers wrote (a crashed browser says why there).
    pub fn log_tail(&self) -> String {
        let text = std::fs::read_to_string(&self.log).unwrap_or_default();
        let lines: Vec<&str> = text.lines().collect();
        let tail = lines[lines.len().saturating_sub(12)..].join("\n  ");
        format!("{} ends:\n  {tail}", self.log.display())
    }

    /// A new browser session with a fresh profile (fresh storage).
    pub async fn new_session(&self) -> Result<Client, String> {
        match self.engine {
            Engine::Firefox => {
                let profile = self.fresh_firefox_profile().await?;
                self.new_session_with_profile(&profile).await
            }
            _ => self.session(self.engine.capabilities()).await,
        }
    }

    /// A copy of a Firefox profile that has been started once, on `about:blank` only: no
    /// site's data is in it, and Firefox starts on it in about half the time it takes to
    /// make a new profile (1.2 s against 2.6 s, measured here). geckodriver runs one session
    /// at a time, and closing one waits for Firefox to exit, so each copy replaces the last.
    async fn fresh_firefox_profile(&self) -> Result<PathBuf, String> {
        let template = self.profiles.join("template");
        let warm = template.join(".warm");
        if !warm.exists() {
            make_dir(&template)?;
            self.new_session_with_profile(&template)
                .await?
                .close()
                .await
                .map_err(|e| format!("cannot close the first Firefox session: {e}"))?;
            std::fs::write(&warm, "")
                .map_err(|e| format!("cannot write {}: {e}", warm.display()))?;
        }
        let copy = self.profiles.join("session");
        let _ = std::fs::remove_dir_all(&copy);
        let copied = Command::new("cp")
            .arg("-a")
            .arg(&template)
            .arg(&copy)
            .status()
            .map_err(|e| format!("cannot run cp: {e}"))?;
        if copied.success() {
            Ok(copy)
        } else {
            Err(format!(
                "cannot copy {} to {}",
                template.display(),
                copy.display()
            ))
        }
    }

    /// A new browser session on the profile folder `dir`: closing it and opening another on
    /// the same folder is closing and reopening the browser. Chromium and Firefox only:
    /// MiniBrowser's automation sessions keep no data between runs. (geckodriver runs one
    /// session at a time: start a `Driver` of its own for this.)
    pub async fn new_session_with_profile(&self, dir: &std::path::Path) -> Result<Client, String> {
        let (options, args) = match self.engine {
            Engine::Chromium => (
                "goog:chromeOptions",
                vec![format!("--user-data-dir={}", dir.display())],
            ),
            Engine::Firefox => (
                "moz:firefoxOptions",
                vec!["-profile".to_string(), dir.display().to_string()],
            ),
            Engine::WebKit => {
                return Err("WebKit automation sessions cannot keep a profile".to_string())
            }
        };
        let mut caps = self.engine.capabilities();
        if let Some(Value::Array(list)) = caps.get_mut(options).and_then(|o| o.get_mut("args")) {
            list.extend(args.into_iter().map(Value::String));
        }
        self.session(caps).await
    }

    async fn session(&self, capabilities: Map<String, Value>) -> Result<Client, String> {
        let connector = hyper_util::client::legacy::connect::HttpConnector::new();
        let mut builder = ClientBuilder::new(connector);
        builder.capabilities(capabilities);
        let url = format!("http://127.0.0.1:{}", self.port);
        let mut last_error = String::new();
        // Drivers occasionally refuse the very first session while still warming up.
        for _ in 0..3 {
            match builder.connect(&url).await {
                Ok(client) => return Ok(client),
                Err(e) => {
                    last_error = e.to_string();
                    tokio::time::sleep(Duration::from_millis(500)).await;
                }
            }
        }
        Err(format!(
            "cannot start a {} session: {last_error}",
            self.engine.name()
        ))
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        for child in self.processes.iter_mut().rev() {
            // Each process leads its own group: kill the group (browser children included).
            let _ = Command::new("kill")
                .args(["-TERM", "--", &format!("-{}", child.id())])
                .stderr(Stdio::null())
                .status();
            let deadline = Instant::now() + Duration::from_secs(3);
            while Instant::now() < deadline {
                if let Ok(Some(_)) = child.try_wait() {
                    break;
                }
                std::thread::sleep(Duration::from_millis(50));
            }
            let _ = Command::new("kill")
                .args(["-KILL", "--", &format!("-{}", child.id())])
                .stderr(Stdio::null())
                .status();
            let _ = child.wait();
        }
        let _ = std::fs::remove_dir_all(&self.profiles);
    }
}

/// Starts `command` in a process group of its own, its output appended to `log`.
fn spawn(command: &mut Command, name: &str, log: &Path) -> Result<Child, String> {
    let open = || {
        std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(log)
            .map_err(|e| format!("cannot open {}: {e}", log.display()))
    };
    command
        .process_group(0)
        .stdin(Stdio::null())
        .stdout(open()?)
        .stderr(open()?)
        .spawn()
        .map_err(|e| format!("cannot start {name}: {e}"))
}

/// The target folder's folder for test files.
fn tmp_dir() -> &'static Path {
    Path::new(env!("CARGO_TARGET_TMPDIR"))
}

/// The folder of the drivers' logs.
fn log_dir() -> PathBuf {
    tmp_dir().join("e2e-logs")
}

fn make_dir(dir: &Path) -> Result<(), String> {
    std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))
}

/// Removes the logs and any browser profiles left by earlier runs.
pub fn clear_earlier_runs() {
    let _ = std::fs::remove_dir_all(log_dir());
    let _ = std::fs::remove_dir_all(tmp_dir().join("e2e-profiles"));
}

/// A new log file for the driver of `engine` on `port`.
fn log_file(engine: Engine, port: u16) -> Result<PathBuf, String> {
    let dir = log_dir();
    make_dir(&dir)?;
    let log = dir.join(format!("{}-{port}.log", engine.name()));
    std::fs::write(&log, "").map_err(|e| format!("cannot write {}: {e}", log.display()))?;
    Ok(log)
}

fn require(path: &str) -> Result<(), String> {
    if std::path::Path::new(path).exists() {
        Ok(())
    } else {
        Err(format!(
            "{path} is missing: run scripts/setup.sh test (it installs the browsers)"
        ))
    }
}

fn which(program: &str) -> Result<String, String> {
    std::env::var_os("PATH")
        .into_iter()
        .flat_map(|paths| std::env::split_paths(&paths).collect::<Vec<_>>())
        .map(|dir| dir.join(program))
        .find(|p| p.is_file())
        .map(|p| p.display().to_string())
        .ok_or_else(|| {
            format!("{program} is not on PATH: run scripts/setup.sh test (it installs the drivers)")
        })
}

fn free_port() -> Result<u16, String> {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .map_err(|e| format!("no free port: {e}"))
}

fn free_display() -> u32 {
    (90..200)
        .find(|n| {
            !std::path::Path::new(&format!("/tmp/.X11-unix/X{n}")).exists()
                && !std::path::Path::new(&format!("/tmp/.X{n}-lock")).exists()
        })
        .unwrap_or(199)
}

fn wait_until(timeout: Duration, mut ready: impl FnMut() -> bool) -> Result<(), ()> {
    let deadline = Instant::now() + timeout;
    while Instant::now() < deadline {
        if ready() {
            return Ok(());
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    Err(())
}
