//! A browser tab on the guide, with the few actions and questions the tests need.

use std::time::{Duration, Instant};

use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use fantoccini::key::Key;
use fantoccini::{Client, Locator};
use serde::de::DeserializeOwned;
use serde_json::Value;

pub type TestResult<T = ()> = Result<T, String>;

/// Fails the test with a message unless the condition holds.
#[macro_export]
macro_rules! ensure {
    ($cond:expr, $($msg:tt)+) => {
        if !$cond {
            return Err(format!($($msg)+));
        }
    };
}

pub struct Page {
    pub client: Client,
    /// The site's root URL, ending in `/` (e.g. `http://127.0.0.1:4321/backend-guide/`).
    pub site_url: String,
    /// The folder the site is served from (tests may serve it again, or a changed copy).
    pub site_dir: std::path::PathBuf,
    /// The browser engine the test runs in.
    pub engine: crate::browsers::Engine,
}

const WAIT: Duration = Duration::from_secs(15);

/// The app's `<main>`, once the app has mounted: before that, the home page and the chapter
/// pages show the same markup prerendered (`#app[data-prerendered]`), without any behaviour.
const APP_MAIN: &str = "#app:not([data-prerendered]) .site-body main";

/// Nothing still on its way: a chapter opened inside the app fetches its body (a few
/// milliseconds from the service worker's cache) and says "Loading the chapter…" until then.
const SETTLED: &str = "!document.querySelector('.chapter__loading')";

/// Defines `describe()`: the focused element in short, `tag#id.class "text"`.
const DESCRIBE_FOCUS: &str = "const describe = () => { const e = document.activeElement; \
     if (!e) return ''; return e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + \
     (e.getAttribute('class') ? '.' + e.getAttribute('class').trim().split(/\\s+/).join('.') : '') + \
     ' \"' + (e.textContent || '').trim().slice(0, 40) + '\"'; };";

impl Page {
    /// Opens a second window and switches to it; returns (this window, the new one). A
    /// window rather than a tab: both stay visible, as two tabs a reader switches between are
    /// when used (hidden tabs get no animation frames).
    pub async fn open_second_window(
        &self,
    ) -> TestResult<(fantoccini::wd::WindowHandle, fantoccini::wd::WindowHandle)> {
        let first = self
            .client
            .window()
            .await
            .map_err(|e| format!("window: {e}"))?;
        let second = self
            .client
            .new_window(false)
            .await
            .map_err(|e| format!("new window: {e}"))?
            .handle;
        self.switch_to(second.clone()).await?;
        Ok((first, second))
    }

    pub async fn switch_to(&self, window: fantoccini::wd::WindowHandle) -> TestResult {
        self.client
            .switch_to_window(window)
            .await
            .map_err(|e| format!("switch: {e}"))
    }

    /// Loads `path` (relative to the site root, e.g. `chapters/databases`) as a fresh page load
    /// and waits until the app has rendered a view.
    pub async fn open(&self, path: &str) -> TestResult {
        let url = format!("{}{}", self.site_url, path);
        self.client
            .goto(&url)
            .await
            .map_err(|e| format!("cannot load {url}: {e}"))?;
        self.wait_for_view().await
    }

    /// Loads one of the site's plain HTML files (a chapter's body alone: no app of its own) to
    /// host frames: no second app to merge its progress into a frame's, and the frames' own
    /// errors are theirs.
    pub async fn open_frame_host(&self) -> TestResult {
        let host = format!("{}chapter-bodies/databases.html", self.site_url);
        self.client
            .goto(&host)
            .await
            .map_err(|e| format!("cannot load {host}: {e}"))
    }

    /// Waits until the app (not the static loading shell or the prerendered page) shows a view
    /// with an `h1`, and a chapter's body has arrived (or failed to).
    pub async fn wait_for_view(&self) -> TestResult {
        self.wait_for(
            &format!("!!document.querySelector('{APP_MAIN} h1') && {SETTLED}"),
            "the app to render a view",
        )
        .await
    }

    /// Runs a script (a function body; `arguments` holds `args`) and decodes its result.
    pub async fn js<T: DeserializeOwned>(&self, script: &str) -> TestResult<T> {
        let value = self
            .client
            .execute(script, Vec::new())
            .await
            .map_err(|e| format!("script failed: {e}\n{script}"))?;
        serde_json::from_value(value.clone())
            .map_err(|e| format!("unexpected script result {value}: {e}\n{script}"))
    }

    /// Polls a JavaScript expression until it is truthy.
    pub async fn wait_for(&self, expression: &str, what: &str) -> TestResult {
        let script = format!("return !!({expression});");
        let deadline = Instant::now() + WAIT;
        let mut last_error = String::new();
        while Instant::now() < deadline {
            match self.client.execute(&script, Vec::new()).await {
                Ok(Value::Bool(true)) => return Ok(()),
                Ok(_) => {}
                Err(e) => last_error = e.to_string(),
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        Err(format!(
            "timed out waiting for {what} ({expression}) {last_error}\n  at {}",
            self.location().await.unwrap_or_default()
        ))
    }

    /// Waits until the view's `h1` reads `text` (and a chapter's body has arrived, or failed to).
    pub async fn wait_for_h1(&self, text: &str) -> TestResult {
        self.wait_for(
            &format!(
                "document.querySelector('{APP_MAIN} h1')?.textContent.trim() === {} && {SETTLED}",
                js_string(text)
            ),
            &format!("the heading “{text}”"),
        )
        .await
    }

    pub async fn h1(&self) -> TestResult<String> {
        self.js(&format!(
            "return document.querySelector('{APP_MAIN} h1')?.textContent.trim() ?? null;"
        ))
        .await
    }

    pub async fn title(&self) -> TestResult<String> {
        self.js("return document.title;").await
    }

    /// `location.pathname + location.hash`.
    pub async fn location(&self) -> TestResult<String> {
        self.js("return location.pathname + location.hash;").await
    }

    pub async fn click(&self, css: &str) -> TestResult {
        let element = self
            .client
            .wait()
            .at_most(WAIT)
            .for_element(Locator::Css(css))
            .await
            .map_err(|e| format!("no element `{css}`: {e}"))?;
        self.scroll_into_view(css).await?;
        element
            .click()
            .await
            .map_err(|e| format!("cannot click `{css}`: {e}"))
    }

    /// WebDriver scrolls by itself, but the page's smooth scrolling can still be moving when
    /// it acts: bring the element into view instantly first, as a settled page would.
    async fn scroll_into_view(&self, css: &str) -> TestResult {
        self.js::<Value>(&format!(
            "document.querySelector({}).scrollIntoView({{block: 'center', behavior: 'instant'}}); return null;",
            js_string(css)
        ))
        .await
        .map(|_| ())
    }

    /// Chooses the option with `value` in the `<select>` matching `css`, as a user would.
    pub async fn select(&self, css: &str, value: &str) -> TestResult {
        self.scroll_into_view(css).await?;
        self.client
            .find(Locator::Css(css))
            .await
            .map_err(|e| format!("no element `{css}`: {e}"))?
            .select_by_value(value)
            .await
            .map_err(|e| format!("cannot choose `{value}` in `{css}`: {e}"))
    }

    /// Presses and releases one key, as a keyboard would, on whatever has focus.
    pub async fn press(&self, key: Key) -> TestResult {
        let key: char = key.into();
        let actions = KeyActions::new("keyboard".to_string())
            .then(KeyAction::Down { value: key })
            .then(KeyAction::Up { value: key });
        self.client
            .perform_actions(actions)
            .await
            .map_err(|e| format!("key press failed: {e}"))
    }

    /// Types `text` key by key into whatever has focus, as a keyboard would.
    pub async fn type_text(&self, text: &str) -> TestResult {
        let mut actions = KeyActions::new("keyboard".to_string());
        for c in text.chars() {
            actions = actions
                .then(KeyAction::Down { value: c })
                .then(KeyAction::Up { value: c });
        }
        self.client
            .perform_actions(actions)
            .await
            .map_err(|e| format!("typing “{text}” failed: {e}"))
    }

    /// A short description of the focused element: `tag#id.class "text"`.
    pub async fn focused(&self) -> TestResult<String> {
        self.js(&format!("{DESCRIBE_FOCUS} return describe();"))
            .await
    }

    /// Presses Tab until the focused element matches `css` (at most `limit` presses). On
    /// failure, says where each press put the focus.
    pub async fn tab_to(&self, css: &str, limit: usize) -> TestResult {
        let check = format!(
            "{DESCRIBE_FOCUS} return [document.activeElement?.matches({}) ?? false, describe()];",
            js_string(css)
        );
        let mut trail = Vec::with_capacity(limit);
        for _ in 0..limit {
            self.press(Key::Tab).await?;
            let (reached, focus) = self.js::<(bool, String)>(&check).await?;
            if reached {
                return Ok(());
            }
            trail.push(focus);
        }
        Err(format!(
            "Tab never reached `{css}` in {limit} presses; focus went to: {}",
            trail.join(" → ")
        ))
    }

    /// Tabs to the skip link, follows it with Enter and waits for the main content to have
    /// the focus, as a keyboard reader skips the header and the chapter list.
    pub async fn skip_to_content(&self) -> TestResult {
        self.tab_to(".skip-link", 3).await?;
        self.press(Key::Enter).await?;
        self.wait_for(
            "document.activeElement?.id === 'main-content'",
            "the skip link to focus the main content",
        )
        .await
    }

    pub async fn set_viewport(&self, width: u32, height: u32) -> TestResult {
        self.client
            .set_window_size(width, height)
            .await
            .map_err(|e| format!("cannot resize the window: {e}"))?;
        // Window size includes browser chrome in some engines; wait for the layout to settle.
        tokio::time::sleep(Duration::from_millis(200)).await;
        Ok(())
    }

    /// Uncaught errors and unhandled rejections the page recorded (see index.html).
    pub async fn uncaught_errors(&self) -> TestResult<Vec<String>> {
        self.js("return (window.__guideErrors || []).map(String);")
            .await
    }

    /// What the page's Content-Security-Policy blocked (`securitypolicyviolation` events,
    /// recorded by index.html): directive and blocked URL.
    pub async fn csp_violations(&self) -> TestResult<Vec<String>> {
        self.js("return (window.__guideCspViolations || []).map(String);")
            .await
    }
}

/// A Rust string as a JavaScript string literal.
pub fn js_string(s: &str) -> String {
    serde_json::to_string(s).expect("strings serialize")
}
