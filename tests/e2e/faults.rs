//! Faults from outside the app, brought in the way a browser brings them: the real Storage
//! methods and WebAssembly functions overridden in the page before anything else runs (a
//! first script the test server puts in every page), or a wasm file that is cut short or
//! missing. Each test serves the site from its own `StaticServer`, without a service worker
//! so that every page load meets the fault (but for the returning reader's test, where the
//! service worker is the point).
//!
//! - Storage: every kind of storage fault leaves every route working, with the "can't be
//!   saved" notice, and what was stored stays byte for byte.
//! - Start-up: without WebAssembly, with a wasm that cannot be fetched or compiled, or when the
//!   app panics or traps while starting, the reader keeps the page as it arrived (prerendered
//!   text and working links) with a note; after the start, a trap shows the error panel.

use serde_json::Value;

use crate::ensure;
use crate::page::{js_string, Page, TestResult};
use crate::server::{StaticServer, Tweaks, WasmAnswer};
use crate::SUBPATH;

const KEY: &str = "backend-guide:progress";
const THEME_KEY: &str = "backend-guide:theme";
/// Databases read: what each storage test finds stored before the fault, and must find after.
const SAVED: &str = r#"{"format":"backend-guide/progress","version":1,"progress":{"chapters":{"databases":{"read_at":5}}}}"#;
const SAVED_THEME: &str = r#""dark""#;

/// Every kind of route: home and a chapter (prerendered), the app-only pages, a quiz, and a
/// path that does not exist.
const ROUTES: &[&str] = &[
    "",
    "chapters/databases",
    "progress",
    "diagram",
    "quiz",
    "quiz/databases",
    "no/such/page",
];

/// The site on a server of its own, with `tweaks` and no service worker; and the same tab,
/// pointed at it.
fn serve(
    page: &Page,
    first_script: Option<String>,
    wasm: WasmAnswer,
) -> TestResult<(StaticServer, Page)> {
    let tweaks = Tweaks {
        first_script,
        wasm,
        no_service_worker: true,
    };
    let server = StaticServer::start_with(page.site_dir.clone(), SUBPATH, tweaks)
        .map_err(|e| format!("cannot start a static server: {e}"))?;
    let on = Page {
        client: page.client.clone(),
        site_url: server.url(),
        site_dir: page.site_dir.clone(),
        engine: page.engine,
    };
    Ok((server, on))
}

// --- Storage ---------------------------------------------------------------------------------

/// One way storage fails, as a script that breaks the real `localStorage` (run after the
/// seeding script, before the page's own scripts).
struct StorageFault {
    name: &'static str,
    /// Breaks storage.
    script: &'static str,
    /// Whether reading still works (then the stored progress is shown).
    reads: bool,
}

const THROW: &str =
    "function () { throw new DOMException('NS_ERROR_FILE_CORRUPTED', 'UnknownError'); }";

fn storage_faults(names: &[&str]) -> Vec<StorageFault> {
    let all = [
        StorageFault {
            name: "the localStorage getter throws",
            script: "Object.defineProperty(window, 'localStorage', { configurable: true, \
                     get: function () { throw new DOMException('The operation is insecure.', 'SecurityError'); } });",
            reads: false,
        },
        StorageFault {
            name: "localStorage is null",
            script: "Object.defineProperty(window, 'localStorage', { configurable: true, get: function () { return null; } });",
            reads: false,
        },
        StorageFault {
            name: "getItem throws",
            script: "Storage.prototype.getItem = THROW;",
            reads: false,
        },
        StorageFault {
            name: "key throws",
            script: "Storage.prototype.key = THROW;",
            reads: false,
        },
        StorageFault {
            name: "length throws",
            script: "Object.defineProperty(Storage.prototype, 'length', { configurable: true, get: THROW });",
            reads: false,
        },
        StorageFault {
            name: "setItem throws QuotaExceededError",
            script: "Storage.prototype.setItem = function () { \
                     throw new DOMException('The quota has been exceeded.', 'QuotaExceededError'); };",
            reads: true,
        },
        StorageFault {
            name: "removeItem throws",
            script: "Storage.prototype.removeItem = THROW;",
            reads: true,
        },
    ];
    all.into_iter()
        .filter(|f| names.contains(&f.name))
        .collect()
}

/// The first script: keeps the real storage reachable for the test (`__e2eStored`), seeds it
/// once with [`SAVED`], then breaks it.
fn storage_script(fault: &StorageFault) -> String {
    let seed = format!(
        "(function () {{ \
           var d = null, o = window; \
           while (o && !(d = Object.getOwnPropertyDescriptor(o, 'localStorage'))) o = Object.getPrototypeOf(o); \
           var store = d.get.call(window), get = Storage.prototype.getItem, set = Storage.prototype.setItem; \
           window.__e2eStored = function (key) {{ return get.call(store, key); }}; \
           if (get.call(store, {key}) === null) {{ set.call(store, {key}, {saved}); set.call(store, {theme_key}, {theme}); }} \
         }})();",
        key = js_string(KEY),
        saved = js_string(SAVED),
        theme_key = js_string(THEME_KEY),
        theme = js_string(SAVED_THEME),
    );
    format!("{seed}\nvar THROW = {THROW};\n{}", fault.script)
}

async fn notice(page: &Page) -> TestResult<String> {
    page.js("return document.querySelector('.storage-notice')?.textContent ?? '';")
        .await
}

/// The app runs (it replaced the page), with no error panel and no note.
async fn ensure_app_runs(page: &Page, what: &str) -> TestResult {
    let state: Value = page
        .js("return [document.documentElement.dataset.app ?? null, document.getElementById('fatal-error').hidden];")
        .await?;
    ensure!(
        state == serde_json::json!(["running", true]),
        "{what}: the app should run without the error panel: {state}"
    );
    let errors = page.uncaught_errors().await?;
    ensure!(errors.is_empty(), "{what}: uncaught errors {errors:?}");
    Ok(())
}

async fn storage_faults_leave_every_route_working(page: &Page, names: &[&str]) -> TestResult {
    let faults = storage_faults(names);
    ensure!(faults.len() == names.len(), "unknown fault in {names:?}");
    for fault in faults {
        let name = fault.name;
        let (_server, site) = serve(page, Some(storage_script(&fault)), WasmAnswer::Whole)?;
        for route in ROUTES {
            let what = format!("{name}, /{route}");
            site.open(route).await.map_err(|e| format!("{what}: {e}"))?;
            ensure_app_runs(&site, &what).await?;
            let shown = notice(&site).await?;
            ensure!(
                shown.contains("can't be saved"),
                "{what}: the can't-save notice, got “{shown}”"
            );
        }
        // The fault is real: the page's own storage calls fail as the app's would.
        let broken: bool = site
            .js("try { const s = localStorage; s.setItem('e2e', '1'); s.removeItem('e2e'); \
                 s.key(0); s.getItem('e2e'); void s.length; return false; } catch (e) { return true; }")
            .await?;
        ensure!(broken, "{name}: storage is not broken in the page");
        // Changes work in memory: the theme, a chapter read to its end.
        site.open("chapters/career").await?;
        site.select("#theme-select", "light").await?;
        site.wait_for(
            "document.documentElement.dataset.theme === 'light'",
            "the light theme",
        )
        .await?;
        crate::progress::read_to_the_end(&site).await?;
        let databases: String = site
            .js("return document.querySelector(\"#site-nav li:has(a[href$='/chapters/databases'])\").dataset.state;")
            .await?;
        let shown_read = databases == "read";
        ensure!(
            shown_read == fault.reads,
            "{name}: the stored progress is {}shown (databases: {databases})",
            if shown_read { "" } else { "not " }
        );
        ensure_app_runs(&site, name).await?;
        // Nothing stored was destroyed.
        let after: (Option<String>, Option<String>) = site
            .js(&format!(
                "return [window.__e2eStored({}), window.__e2eStored({})];",
                js_string(KEY),
                js_string(THEME_KEY)
            ))
            .await?;
        ensure!(
            after == (Some(SAVED.to_string()), Some(SAVED_THEME.to_string())),
            "{name}: what was stored changed: {after:?}"
        );
    }
    page.open("").await
}

pub async fn missing_or_blocked_storage_leaves_every_route_working(page: &Page) -> TestResult {
    storage_faults_leave_every_route_working(
        page,
        &["the localStorage getter throws", "localStorage is null"],
    )
    .await
}

pub async fn storage_that_throws_on_reading_leaves_every_route_working(page: &Page) -> TestResult {
    storage_faults_leave_every_route_working(
        page,
        &["getItem throws", "key throws", "length throws"],
    )
    .await
}

pub async fn storage_that_refuses_writes_leaves_every_route_working(page: &Page) -> TestResult {
    storage_faults_leave_every_route_working(
        page,
        &["setItem throws QuotaExceededError", "removeItem throws"],
    )
    .await
}

// --- Start-up ----------------------------------------------------------------------------------

/// Loads `route` and waits until the page has given up on the app (or the app ran anyway).
async fn open_failing(site: &Page, route: &str) -> TestResult {
    let url = format!("{}{route}", site.site_url);
    site.client
        .goto(&url)
        .await
        .map_err(|e| format!("cannot load {url}: {e}"))?;
    site.wait_for(
        "document.readyState === 'complete' && !!document.documentElement.dataset.app",
        &format!("/{route} to start the app or give up"),
    )
    .await
}

/// What the reader must have when the app could not start on `route`: the page as it arrived
/// (its text for a prerendered page), the note, announced and reachable by keyboard, plain
/// links, no error panel.
async fn ensure_page_kept(site: &Page, route: &str, heading: Option<&str>) -> TestResult {
    let what = format!("/{route}");
    let state: Value = site
        .js(
            "const note = document.querySelector('#app-unavailable > div'); \
             return { app: document.documentElement.dataset.app, \
               note: !!note && note.getBoundingClientRect().height > 0, \
               role: document.getElementById('app-unavailable')?.getAttribute('role'), \
               text: note?.textContent.replace(/\\s+/g, ' ').trim(), \
               panel: document.getElementById('fatal-error').hidden, \
               h1: document.querySelector('#app main h1')?.textContent.trim() ?? null, \
               words: (document.querySelector('#app main')?.textContent ?? '').split(/\\s+/).length, \
               loading: [...document.querySelectorAll('.app-loading p')].some(p => p.offsetHeight > 0), \
               errors: window.__guideErrors.length };",
        )
        .await?;
    ensure!(
        state["app"] == "unavailable",
        "{what}: the page should know the app is unavailable: {state}"
    );
    ensure!(
        state["note"] == true && state["role"] == "alert",
        "{what}: the note, in an alert: {state}"
    );
    ensure!(
        state["text"]
            .as_str()
            .is_some_and(|t| t.contains("couldn't start") && t.contains("can still be read")),
        "{what}: the note's text: {state}"
    );
    ensure!(state["panel"] == true, "{what}: no error panel: {state}");
    ensure!(
        state["loading"] == false,
        "{what}: no endless “Loading the guide…”: {state}"
    );
    ensure!(
        state["errors"].as_u64().unwrap_or(0) > 0,
        "{what}: the failure is recorded: {state}"
    );
    if let Some(heading) = heading {
        ensure!(
            state["h1"].as_str().is_some_and(|h1| h1.contains(heading))
                && state["words"].as_u64().unwrap_or(0) > 300,
            "{what}: the prerendered text stays: {state}"
        );
    }
    Ok(())
}

/// The note is the first thing Tab reaches, and its link leads to the chapters.
async fn ensure_note_reachable(site: &Page) -> TestResult {
    site.js::<Value>("document.activeElement?.blur(); window.scrollTo(0, 0); return null;")
        .await?;
    site.tab_to("#app-unavailable a", 3).await?;
    let href: String = site.js("return document.activeElement.href;").await?;
    ensure!(
        href == site.site_url,
        "the note's link leads to the chapters (the home page): {href}"
    );
    Ok(())
}

/// A link of the prerendered page opens its page, as a plain link does.
async fn ensure_links_work(site: &Page) -> TestResult {
    site.click("#site-nav a[href$='chapters/career']").await?;
    site.wait_for(
        "location.pathname.endsWith('/chapters/career') && document.readyState === 'complete' \
         && document.querySelector('#app main h1')?.textContent.includes('career') \
         && !!document.documentElement.dataset.app",
        "the career chapter, loaded by the link",
    )
    .await
}

/// For each start-up fault: home, a chapter and an app-only page keep what they showed, with
/// the note; the note is reachable; links work.
async fn startup_faults_keep_the_page(
    page: &Page,
    faults: &[(&str, Option<&str>, WasmAnswer)],
) -> TestResult {
    for &(name, script, wasm) in faults {
        let (_server, site) = serve(page, script.map(str::to_string), wasm)?;
        let result = async {
            for (route, heading) in [
                ("", Some("backend developer")),
                ("chapters/databases", Some("Databases")),
                ("progress", None),
            ] {
                open_failing(&site, route).await?;
                ensure_page_kept(&site, route, heading).await?;
            }
            open_failing(&site, "chapters/databases").await?;
            ensure_note_reachable(&site).await?;
            ensure_links_work(&site).await?;
            ensure_page_kept(&site, "chapters/career", None).await
        }
        .await;
        result.map_err(|e| format!("{name}: {e}"))?;
    }
    // Back on the working site: the failures recorded above belong to those pages.
    page.open("").await
}

/// A returning reader, the service worker in control, whose wasm no longer works (its cached
/// copy damaged, the site out of reach): a chapter opened then still shows its text, from the
/// cache, with the note, not an empty loading screen.
pub async fn a_returning_reader_keeps_the_chapters_text_when_the_wasm_is_damaged(
    page: &Page,
) -> TestResult {
    let server = StaticServer::start(page.site_dir.clone(), SUBPATH)
        .map_err(|e| format!("cannot start a static server: {e}"))?;
    let site = Page {
        client: page.client.clone(),
        site_url: server.url(),
        site_dir: page.site_dir.clone(),
        engine: page.engine,
    };
    site.open("").await?;
    site.wait_for(
        "navigator.serviceWorker?.controller?.state === 'activated'",
        "the service worker to control the page",
    )
    .await?;
    // The cached wasm cut in half, as a disk error or an interrupted write leaves it (the
    // browser's own HTTP cache may still hold a good copy, so it is not simply removed).
    let damaged: u32 = site
        .js("return (async () => { \
               let damaged = 0; \
               for (const name of await caches.keys()) { \
                 const cache = await caches.open(name); \
                 for (const request of await cache.keys()) { \
                   if (!request.url.endsWith('.wasm')) continue; \
                   const bytes = await (await cache.match(request)).arrayBuffer(); \
                   const half = bytes.slice(0, bytes.byteLength / 2); \
                   const headers = { 'Content-Type': 'application/wasm' }; \
                   await cache.put(request, new Response(half, { headers })); \
                   damaged += 1; \
                 } \
               } \
               return damaged; \
             })();")
        .await?;
    ensure!(damaged > 0, "the wasm was in the service worker's cache");
    drop(server);
    open_failing(&site, "chapters/databases").await?;
    ensure_page_kept(&site, "chapters/databases", Some("Databases")).await?;
    // Back on the working site: the failure recorded above belongs to that page.
    page.open("").await
}

pub async fn without_webassembly_the_page_stays_readable_with_a_note(page: &Page) -> TestResult {
    startup_faults_keep_the_page(
        page,
        &[
            (
                "no WebAssembly at all (Lockdown Mode, a policy)",
                Some("delete window.WebAssembly;"),
                WasmAnswer::Whole,
            ),
            (
                "WebAssembly.instantiateStreaming rejects",
                Some(
                    "WebAssembly.instantiateStreaming = function () { \
                     return Promise.reject(new WebAssembly.CompileError('blocked by a policy')); };",
                ),
                WasmAnswer::Whole,
            ),
        ],
    )
    .await
}

pub async fn a_wasm_that_cannot_be_fetched_or_compiled_leaves_the_page_readable(
    page: &Page,
) -> TestResult {
    startup_faults_keep_the_page(
        page,
        &[
            ("a truncated wasm", None, WasmAnswer::Truncated),
            ("a missing wasm", None, WasmAnswer::Missing),
        ],
    )
    .await
}

pub async fn a_panic_or_trap_while_starting_leaves_the_page_readable(page: &Page) -> TestResult {
    startup_faults_keep_the_page(
        page,
        &[
            (
                "a panic while starting (createElement throws, the renderer unwraps it)",
                Some(
                    "Document.prototype.createElement = function () { \
                     throw new DOMException('blocked', 'NotSupportedError'); };",
                ),
                WasmAnswer::Whole,
            ),
            (
                "a trap while starting (createTextNode throws through the wasm)",
                Some(
                    "Document.prototype.createTextNode = function () { \
                     throw new DOMException('blocked', 'NotSupportedError'); };",
                ),
                WasmAnswer::Whole,
            ),
        ],
    )
    .await
}

pub async fn a_trap_after_the_start_shows_the_error_panel(page: &Page) -> TestResult {
    page.open("chapters/databases").await?;
    // Called by the page's own timer, as the browser calls into the app (the function itself
    // is handed over: Firefox reports errors of a WebDriver script's closures to the script's
    // sandbox, not the page). A WebAssembly trap: no panic hook runs.
    page.js::<Value>("window.setTimeout(window.wasmBindings.debug_trap, 0); return null;")
        .await?;
    page.wait_for(
        "!document.getElementById('fatal-error').hidden",
        "the error panel",
    )
    .await?;
    let state: Value = page
        .js("return [document.activeElement?.id, document.querySelector('#app main h1')?.textContent, \
             !document.querySelector('#app-unavailable > div'), window.__guideErrors.length];")
        .await?;
    ensure!(
        state[0] == "fatal-error-reload" && state[1] == "Databases" && state[2] == true,
        "the panel takes focus over the page, no start-up note: {state}"
    );
    ensure!(
        state[3].as_u64().unwrap_or(0) >= 1,
        "the trap is recorded: {state}"
    );
    page.click("#fatal-error-reload").await?;
    page.wait_for(
        "document.getElementById('fatal-error')?.hidden === true && document.documentElement.dataset.app === 'running'",
        "the reloaded guide",
    )
    .await?;
    page.wait_for_view().await
}

// --- Chunks that cannot load -------------------------------------------------------------------

/// Makes the page's own fetches of the wasm chunks (the quiz's, the diagram's, the progress
/// page's: `<stem>_split_<name>.wasm`, `<stem>_chunk_<n>.wasm`) fail as a dropped connection
/// does, while `window.__chunksBlocked` is true.
const BLOCK_CHUNKS: &str = "window.__chunksBlocked = true; var realFetch = window.fetch; \
     window.fetch = function (input, init) { \
       var url = String((input && input.url) || input); \
       if (window.__chunksBlocked && /_(split|chunk)_[^/]*\\.wasm$/.test(url)) \
         return Promise.reject(new TypeError('Failed to fetch (blocked by the test)')); \
       return realFetch.call(this, input, init); };";

/// The page shows that its code could not be loaded, with "Try again", inside the running app
/// (no error panel, no start-up note, nothing uncaught); once the chunk can be fetched, "Try
/// again" opens the page with the `h1` `opened`.
async fn chunk_failure_then_retry(on: &Page, opened: &str) -> TestResult {
    on.wait_for(
        "document.querySelector('#app .chunk-failed h1') && document.querySelector('#app .chunk-failed button')",
        "the message that the page's code could not be loaded",
    )
    .await?;
    let state: Value = on
        .js("return [document.documentElement.dataset.app, document.getElementById('fatal-error').hidden, \
             !document.querySelector('#app-unavailable > div'), window.__guideErrors.map(String), \
             document.querySelector('#app .chunk-failed').getAttribute('role')];")
        .await?;
    ensure!(
        state[0] == "running"
            && state[1] == true
            && state[2] == true
            && state[3] == serde_json::json!([])
            && state[4] == "alert",
        "the app runs on, with the message announced, no panel, no note, nothing uncaught: {state}"
    );
    on.js::<Value>("window.__chunksBlocked = false; return null;")
        .await?;
    on.click("#app .chunk-failed button").await?;
    on.wait_for_h1(opened).await
}

/// A page whose code cannot be fetched (offline before the service worker has cached it, a
/// flaky connection) says so and offers "Try again", never a panic or a blank page: when a
/// link in the app leads there, and on a deep link; "Try again" works once the network does.
pub async fn a_chunk_that_cannot_load_gives_a_message_and_a_retry(page: &Page) -> TestResult {
    let (_server, on) = serve(page, Some(BLOCK_CHUNKS.to_string()), WasmAnswer::Whole)?;
    on.open("").await?;
    // A link in the app (the router takes the click): no page load, the chunk is fetched now.
    on.js::<Value>("document.querySelector('#app a[href$=\"/quiz\"]').click(); return null;")
        .await?;
    chunk_failure_then_retry(&on, "Quiz yourself").await?;
    on.client
        .goto(&format!("{}diagram", on.site_url))
        .await
        .map_err(|e| format!("cannot load the diagram page: {e}"))?;
    chunk_failure_then_retry(&on, "Frontend and backend, part by part").await
}

/// Like [`BLOCK_CHUNKS`], for the question bank's file (`data/quiz-<hash>.txt`), which the quiz
/// pages fetch with their chunk.
const BLOCK_QUESTIONS: &str = "window.__chunksBlocked = true; var realFetch = window.fetch; \
     window.fetch = function (input, init) { \
       var url = String((input && input.url) || input); \
       if (window.__chunksBlocked && /(^|\\/)data\\/quiz-[^/]*\\.txt$/.test(url)) \
         return Promise.reject(new TypeError('Failed to fetch (blocked by the test)')); \
       return realFetch.call(this, input, init); };";

/// A quiz page whose questions cannot be fetched (its code can) says so, with "Try again",
/// like a page whose code cannot load: on a deep link, where the app waits for both before it
/// mounts. "Try again" then opens the quiz, and it asks a question with its text.
pub async fn a_question_bank_that_cannot_load_gives_a_message_and_a_retry(
    page: &Page,
) -> TestResult {
    let (_server, on) = serve(page, Some(BLOCK_QUESTIONS.to_string()), WasmAnswer::Whole)?;
    let chapter = crate::guide::chapters()[0];
    on.open(&format!("quiz/{}", chapter.id)).await?;
    chunk_failure_then_retry(&on, &format!("Quiz: {}", chapter.title)).await?;
    on.click("#quiz-start").await?;
    on.wait_for(
        "document.querySelector('form.quiz-question .quiz-question__prompt')",
        "the first question",
    )
    .await?;
    let [id, prompt]: [String; 2] = on
        .js("var q = document.querySelector('form.quiz-question'); \
             return [q.dataset.question, q.querySelector('.quiz-question__prompt').textContent];")
        .await?;
    let asked = crate::quiz::bank()
        .iter()
        .find(|q| q.id == id)
        .ok_or_else(|| format!("the page asks `{id}`, which is not in content/quiz"))?;
    ensure!(
        prompt.replace('`', "") == asked.prompt.replace('`', ""),
        "the question shows its text from the bank: {prompt:?} for {:?}",
        asked.prompt
    );
    Ok(())
}

/// A chapter's diagram, whose code is in the diagram chunk, says so when the chunk cannot be
/// fetched, inside the running chapter (its text stays), with "Try again", which then draws it.
pub async fn a_chapter_diagram_that_cannot_load_gives_a_message_and_a_retry(
    page: &Page,
) -> TestResult {
    let (_server, on) = serve(page, Some(BLOCK_CHUNKS.to_string()), WasmAnswer::Whole)?;
    chapter_diagram_failure_then_retry(&on).await
}

/// Like [`BLOCK_CHUNKS`], for the diagram's texts (`data/diagram-<hash>.txt`), which the diagram
/// page and a chapter's diagram fetch with the diagram chunk.
const BLOCK_DIAGRAM_TEXTS: &str = "window.__chunksBlocked = true; var realFetch = window.fetch; \
     window.fetch = function (input, init) { \
       var url = String((input && input.url) || input); \
       if (window.__chunksBlocked && /(^|\\/)data\\/diagram-[^/]*\\.txt$/.test(url)) \
         return Promise.reject(new TypeError('Failed to fetch (blocked by the test)')); \
       return realFetch.call(this, input, init); };";

/// A chapter's diagram and the diagram page, whose texts cannot be fetched (their code can),
/// say so with "Try again", like a diagram whose code cannot load; "Try again" then draws the
/// diagram with its texts (the trace's summary from `content/diagram.toml`).
pub async fn the_diagrams_texts_that_cannot_load_give_a_message_and_a_retry(
    page: &Page,
) -> TestResult {
    let (_server, on) = serve(
        page,
        Some(BLOCK_DIAGRAM_TEXTS.to_string()),
        WasmAnswer::Whole,
    )?;
    chapter_diagram_failure_then_retry(&on).await?;
    let d = crate::diagram::diagram();
    let trace = d
        .embedded_trace("databases")
        .ok_or("the databases chapter embeds a trace")?;
    shows_summary(&on, ".embed--diagram", trace.summary).await?;
    // A new page: the texts are blocked again (the first script runs in every page).
    on.client
        .goto(&format!("{}diagram", on.site_url))
        .await
        .map_err(|e| format!("cannot load the diagram page: {e}"))?;
    chunk_failure_then_retry(&on, "Frontend and backend, part by part").await?;
    shows_summary(&on, ".diagram-page", d.scenarios[0].summary).await
}

/// The diagram inside `within` shows its trace's summary, `summary`.
async fn shows_summary(on: &Page, within: &str, summary: &str) -> TestResult {
    let shown: String = on
        .js(&format!(
            "return document.querySelector({}).textContent;",
            js_string(&format!("{within} .diagram-trace__summary"))
        ))
        .await?;
    ensure!(
        shown.contains(summary),
        "the diagram shows its texts: {shown:?}, expected the summary {summary:?}"
    );
    Ok(())
}

/// On the databases chapter, its diagram says that it could not be loaded, inside the running
/// chapter (its text stays), announced, nothing uncaught; once the fetches work again, "Try
/// again" draws it.
async fn chapter_diagram_failure_then_retry(on: &Page) -> TestResult {
    on.open("chapters/databases").await?;
    crate::diagram::scroll_to_embed(on).await?;
    on.wait_for(
        "document.querySelector('.embed--diagram .chunk-failed button')",
        "the message that the diagram could not be loaded",
    )
    .await?;
    let state: Value = on
        .js("return [document.documentElement.dataset.app, document.getElementById('fatal-error').hidden, \
             window.__guideErrors.map(String), \
             document.querySelector('.embed--diagram .chunk-failed').getAttribute('role'), \
             document.querySelector('.embed--diagram .chunk-failed').textContent, \
             !!document.querySelector('#app h1#chapter-title')];")
        .await?;
    ensure!(
        state[0] == "running"
            && state[1] == true
            && state[2] == serde_json::json!([])
            && state[3] == "alert"
            && state[4]
                .as_str()
                .is_some_and(|t| t.contains("The diagram couldn't be loaded"))
            && state[5] == true,
        "the chapter runs on with the diagram's message announced, no panel, nothing uncaught: {state}"
    );
    on.js::<Value>("window.__chunksBlocked = false; return null;")
        .await?;
    on.click(".embed--diagram .chunk-failed button").await?;
    on.wait_for(
        "document.querySelector('.embed--diagram .diagram-svg .diagram-node') && !document.querySelector('.embed--diagram .chunk-failed')",
        "the diagram drawn after Try again",
    )
    .await
}
