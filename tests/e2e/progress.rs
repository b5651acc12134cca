//! Progress saved in the browser: reading to the end, the progress page, bad storage of every
//! kind, full and blocked storage, two tabs, export/import.

use std::time::Duration;

use fantoccini::Locator;
use serde_json::Value;

use crate::ensure;
use crate::page::{js_string, Page, TestResult};

const KEY: &str = "backend-guide:progress";
const BACKUP: &str = "backend-guide:progress:backup";

fn chapter_state(id: &str) -> String {
    format!(
        "document.querySelector(\"#site-nav li:has(a[href$='/chapters/{id}'])\")?.dataset.state"
    )
}

/// A refused import offers nothing and leaves the stored progress as it was.
async fn nothing_imported(page: &Page, before: &Option<String>) -> TestResult {
    ensure!(
        page.js::<bool>("return !document.querySelector('.import-preview');")
            .await?,
        "no import is offered"
    );
    ensure!(
        stored(page, KEY).await? == *before,
        "stored progress unchanged"
    );
    Ok(())
}

async fn stored(page: &Page, key: &str) -> TestResult<Option<String>> {
    page.js(&format!("return localStorage.getItem({});", js_string(key)))
        .await
}

/// Replaces everything the site has in localStorage with `key = value`.
async fn store_raw(page: &Page, key: &str, value: &str) -> TestResult {
    page.js::<Value>(&format!(
        "localStorage.clear(); localStorage.setItem({}, {}); return null;",
        js_string(key),
        js_string(value)
    ))
    .await
    .map(|_| ())
}

async fn wait_state(page: &Page, id: &str, state: &str) -> TestResult {
    page.wait_for(
        &format!("{} === {}", chapter_state(id), js_string(state)),
        &format!("{id} to be shown as {state}"),
    )
    .await
}

async fn notice(page: &Page) -> TestResult<String> {
    page.js("return document.querySelector('.storage-notice')?.textContent ?? '';")
        .await
}

/// Scrolls down the way a reader does, a screen at a time, to the end of the chapter on
/// screen, and waits until the chapter counts as read. Like a reader, it stays at the end: a
/// diagram that arrives above and pushes the end down is followed by scrolling to it again.
pub(crate) async fn read_to_the_end(page: &Page) -> TestResult {
    page.js::<Value>(
        "return new Promise(done => { const step = () => { \
           window.scrollBy({top: innerHeight * 0.8, behavior: 'instant'}); \
           if (innerHeight + scrollY >= document.documentElement.scrollHeight - 2) done(null); \
           else setTimeout(step, 40); }; step(); });",
    )
    .await?;
    page.wait_for(
        "document.querySelector('.read-toggle')?.getAttribute('aria-pressed') === 'true' || \
         (window.scrollTo({top: document.documentElement.scrollHeight, behavior: 'instant'}), false)",
        "the chapter to be marked read at its end",
    )
    .await
}

/// Opens a chapter and reads it to the end.
pub(crate) async fn read_chapter(page: &Page, id: &str) -> TestResult {
    page.open(&format!("chapters/{id}")).await?;
    read_to_the_end(page).await?;
    wait_state(page, id, "read").await
}

pub async fn reading_to_the_end_marks_a_chapter_read_and_up_next_follows_it(
    page: &Page,
) -> TestResult {
    page.open("chapters/databases").await?;
    wait_state(page, "databases", "in-progress").await?;
    ensure!(
        page.js::<String>(
            "return document.querySelector('.read-toggle').getAttribute('aria-pressed');"
        )
        .await?
            == "false",
        "not read before reaching the end"
    );
    read_to_the_end(page).await?;
    page.wait_for(
        "document.querySelector('.chapter__end-status')?.textContent.includes('✓ Read')",
        "the chapter's end to show it read",
    )
    .await?;
    wait_state(page, "databases", "read").await?;

    page.open("").await?;
    wait_state(page, "databases", "read").await?;
    let card: String = page
        .js("return document.querySelector(\".chapter-card:has(a[href$='/chapters/databases'])\").dataset.state;")
        .await?;
    ensure!(
        card == "read",
        "the home page's card shows read, not {card}"
    );
    let chapters = crate::guide::chapters();
    let after = chapters
        .iter()
        .position(|c| c.id == "databases")
        .and_then(|i| chapters.get(i + 1))
        .ok_or("a chapter follows Databases")?;
    let (text, href, _) = first_action(page).await?;
    ensure!(
        href == format!("/backend-guide/chapters/{}", after.id),
        "Up next is the chapter after Databases, not “{text}” at {href}"
    );
    page.click(".up-next__first").await?;
    page.wait_for_h1(after.title).await?;
    Ok(())
}

pub async fn the_toggle_and_the_progress_page_agree(page: &Page) -> TestResult {
    read_chapter(page, "career").await?;
    // The toggle undoes and redoes it.
    page.click(".read-toggle").await?;
    wait_state(page, "career", "in-progress").await?;
    page.click(".read-toggle").await?;
    wait_state(page, "career", "read").await?;
    page.click(".progress-link").await?;
    page.wait_for_h1("Your progress").await?;
    page.wait_for(
        "document.querySelector('.completion__text')?.textContent.startsWith('1 of ')",
        "one chapter read",
    )
    .await?;
    let value: f64 = page
        .js("return document.getElementById('overall-progress').value;")
        .await?;
    ensure!(value == 1.0, "the progress bar shows 1, not {value}");
    let states: Vec<String> = page
        .js("return [...document.querySelectorAll('.progress-chapters li')].map(li => li.dataset.state);")
        .await?;
    ensure!(
        states.iter().filter(|s| *s == "read").count() == 1,
        "one chapter read on the progress page: {states:?}"
    );
    ensure!(
        page.js::<bool>("return !!document.querySelector('[data-slot=diagram]') && !!document.querySelector('[data-slot=quiz]');")
            .await?,
        "the diagram and quiz slots are there"
    );

    page.open("chapters/career").await?;
    page.click(".read-toggle").await?;
    wait_state(page, "career", "in-progress").await?;
    page.click(".progress-link").await?;
    page.wait_for(
        "document.querySelector('.completion__text')?.textContent.startsWith('0 of ')",
        "no chapter read after marking it unread",
    )
    .await?;
    Ok(())
}

/// What storage may hold, and what the reader must see then.
struct BadValue {
    name: &'static str,
    value: String,
    /// A notice containing this text is shown (None: no notice at all).
    notice: Option<&'static str>,
    /// The original is copied to the backup key.
    backed_up: bool,
    /// The original stays in place even after the app saves something.
    untouched: bool,
}

fn bad_values() -> Vec<BadValue> {
    let ours = |body: &str| format!(r#"{{"format":"backend-guide/progress",{body}}}"#);
    vec![
        BadValue {
            name: "invalid JSON",
            value: ours(r#""version":1,"progress":{"chapters":"#),
            notice: Some("couldn't be read"),
            backed_up: true,
            untouched: false,
        },
        BadValue {
            name: "wrong types",
            value: ours(r#""version":1,"progress":{"chapters":"every one of them"}"#),
            notice: Some("couldn't be read"),
            backed_up: true,
            untouched: false,
        },
        BadValue {
            name: "missing fields",
            value: ours(r#""version":1,"progress":{"chapters":{"databases":{"read_at":5}}}"#),
            notice: None,
            backed_up: true,
            untouched: false,
        },
        BadValue {
            name: "a future version",
            value: ours(r#""version":99,"progress":{"shape":"from the future"}"#),
            notice: Some("newer version"),
            backed_up: false,
            untouched: true,
        },
        BadValue {
            name: "an oversized value",
            value: format!(
                r#"{{"format":"backend-guide/progress","version":1,"progress":{{"junk":"{}"}}}}"#,
                "x".repeat(300 * 1024)
            ),
            notice: Some("couldn't be read"),
            backed_up: true,
            untouched: false,
        },
        BadValue {
            name: "another app's value",
            value: r#"{"user":"sam","cart":[1,2,3],"progress":0.5}"#.to_string(),
            notice: Some("couldn't be read"),
            backed_up: true,
            untouched: false,
        },
    ]
}

pub async fn bad_stored_values_are_kept_aside_and_the_app_keeps_working(page: &Page) -> TestResult {
    for case in bad_values() {
        let name = case.name;
        page.open("").await?;
        store_raw(page, KEY, &case.value).await?;
        page.open("chapters/databases").await?;
        ensure!(
            page.h1().await? == "Databases",
            "{name}: the chapter renders"
        );
        let shown = notice(page).await?;
        match case.notice {
            Some(text) => ensure!(
                shown.contains(text),
                "{name}: notice “{text}” expected, got “{shown}”"
            ),
            None => ensure!(
                shown.is_empty(),
                "{name}: no notice expected, got “{shown}”"
            ),
        }
        if case.backed_up {
            let backup = stored(page, BACKUP).await?;
            ensure!(
                backup.as_deref() == Some(case.value.as_str()),
                "{name}: the original bytes are kept in {BACKUP} (found {} bytes)",
                backup.map_or(0, |b| b.len())
            );
        }
        // The app keeps working: a change is shown (and saved where that is safe).
        read_to_the_end(page).await?;
        wait_state(page, "databases", "read").await?;
        let main = stored(page, KEY).await?;
        if case.untouched {
            ensure!(
                main.as_deref() == Some(case.value.as_str()),
                "{name}: newer data is never overwritten"
            );
        } else {
            ensure!(
                main.as_deref()
                    .is_some_and(|m| m.contains("\"databases\"") && m != case.value),
                "{name}: the new progress is saved: {main:?}"
            );
        }
        let errors = page.uncaught_errors().await?;
        ensure!(errors.is_empty(), "{name}: uncaught errors {errors:?}");
    }
    page.js::<Value>("localStorage.clear(); return null;")
        .await?;
    Ok(())
}

pub async fn full_storage_shows_the_notice_and_the_app_still_works(page: &Page) -> TestResult {
    page.open("chapters/career").await?;
    // Fill this origin's storage to the last byte, as a full disk or another tab might.
    let filled: bool = page
        .js(
            "let i = 0; for (const size of [1e6, 1e5, 1e4, 1e3, 100, 10, 1]) { \
               const chunk = 'x'.repeat(size); \
               for (;;) { try { localStorage.setItem('filler-' + i++, chunk); } catch (e) { break; } } } \
             try { localStorage.setItem('probe', 'x'.repeat(64)); return false; } catch (e) { return true; }",
        )
        .await?;
    ensure!(filled, "storage could be filled");
    read_to_the_end(page).await?;
    wait_state(page, "career", "read").await?;
    page.wait_for(
        "document.querySelector('.storage-notice')?.textContent.includes(\"can't be saved\")",
        "the can't-save notice",
    )
    .await?;
    // Still usable: navigate and come back, the change is still there (in memory).
    page.click("#site-nav a[href$='/chapters/databases']")
        .await?;
    page.wait_for_h1("Databases").await?;
    page.click("#site-nav a[href$='/chapters/career']").await?;
    page.wait_for_h1("Backend development as a career").await?;
    ensure!(
        page.js::<String>(
            "return document.querySelector('.read-toggle').getAttribute('aria-pressed');"
        )
        .await?
            == "true",
        "the change lives on in memory"
    );
    page.js::<Value>("localStorage.clear(); return null;")
        .await?;
    Ok(())
}

pub async fn blocked_storage_shows_the_notice_and_the_app_still_works(page: &Page) -> TestResult {
    // A sandboxed frame has an opaque origin: every localStorage access throws there, as
    // with disabled cookies or some private modes.
    page.open("").await?;
    page.js::<Value>(
        "const f = document.createElement('iframe'); \
         f.setAttribute('sandbox', 'allow-scripts'); \
         f.src = 'chapters/databases'; \
         f.style.cssText = 'position: fixed; inset: 0; width: 100%; height: 100%; z-index: 1000; border: 0; background: white;'; \
         f.id = 'blocked'; document.body.append(f); return null;",
    )
    .await?;
    let frame = page
        .client
        .wait()
        .at_most(Duration::from_secs(10))
        .for_element(Locator::Css("#blocked"))
        .await
        .map_err(|e| format!("frame: {e}"))?;
    frame
        .enter_frame()
        .await
        .map_err(|e| format!("enter frame: {e}"))?;
    let result = async {
        if page.engine == crate::browsers::Engine::WebKit {
            return sandboxed_in_webkit(page).await;
        }
        page.wait_for_h1("Databases").await?;
        let blocked: bool = page
            .js("try { localStorage.length; return false; } catch (e) { return true; }")
            .await?;
        ensure!(blocked, "storage really is blocked in the frame");
        page.wait_for(
            "document.querySelector('.storage-notice')?.textContent.includes(\"can't be saved\")",
            "the can't-save notice",
        )
        .await?;
        read_to_the_end(page).await?;
        wait_state(page, "databases", "read").await?;
        let errors = page.uncaught_errors().await?;
        ensure!(
            errors.is_empty(),
            "uncaught errors in the frame: {errors:?}"
        );
        Ok(())
    }
    .await;
    page.client
        .enter_parent_frame()
        .await
        .map_err(|e| format!("leave frame: {e}"))?;
    result
}

/// WebKit takes `'self'` in a sandboxed frame's Content-Security-Policy for the frame's opaque
/// origin, so the policy blocks the site's own script, wasm and stylesheet there (Chromium and
/// Firefox take the document's URL). The reader still gets the page as it arrived, with its
/// text and the note, never a blank page.
async fn sandboxed_in_webkit(page: &Page) -> TestResult {
    page.wait_for(
        "document.documentElement.dataset.app === 'unavailable' \
         && !!document.querySelector('#app-unavailable > div')",
        "the page kept, with the note",
    )
    .await?;
    let kept: Value = page
        .js(
            "return [document.querySelector('#app main h1')?.textContent.trim(), \
             (window.__guideCspViolations || []).some(v => v.startsWith('script-src'))];",
        )
        .await?;
    ensure!(
        kept == serde_json::json!(["Databases", true]),
        "the prerendered chapter stays, the policy is why the app did not start: {kept}"
    );
    Ok(())
}

pub async fn two_tabs_keep_both_changes(page: &Page) -> TestResult {
    page.open("chapters/databases").await?;
    let (first, second) = page.open_second_window().await?;
    read_chapter(page, "career").await?;

    page.switch_to(first.clone()).await?;
    // The first tab hears of the other tab's change without a reload...
    wait_state(page, "career", "read").await?;
    // ...and its own change keeps both.
    read_to_the_end(page).await?;
    wait_state(page, "databases", "read").await?;

    page.switch_to(second).await?;
    wait_state(page, "databases", "read").await?;
    page.open("").await?;
    wait_state(page, "career", "read").await?;
    wait_state(page, "databases", "read").await?;
    page.client
        .close_window()
        .await
        .map_err(|e| format!("close tab: {e}"))?;
    page.switch_to(first).await?;
    Ok(())
}

/// The file the export link offers, read back through the page. (Not with `fetch` of its
/// `blob:` URL: the site's policy allows connections to itself only. The page's real
/// `URL.createObjectURL` is watched instead, and the file read from the blob it was given.)
async fn exported_file(page: &Page) -> TestResult<String> {
    page.js::<Value>(
        "if (!window.__watchingExports) { window.__watchingExports = true; const real = URL.createObjectURL; \
           URL.createObjectURL = blob => { window.__exported = blob; return real.call(URL, blob); }; } \
         return null;",
    )
    .await?;
    page.click(".export-button").await?;
    page.wait_for(
        "!!document.querySelector('.export-link')",
        "the export link",
    )
    .await?;
    let name: String = page
        .js("return document.querySelector('.export-link').getAttribute('download');")
        .await?;
    ensure!(
        name.starts_with("backend-guide-progress-") && name.ends_with(".json"),
        "export file name {name}"
    );
    page.js("return window.__exported.text();").await
}

async fn import_file(page: &Page, contents: &str) -> TestResult {
    import_file_named(page, "progress.json", contents).await
}

/// Chooses a file named `name` holding `contents` in the import field.
async fn import_file_named(page: &Page, name: &str, contents: &str) -> TestResult {
    // Browsers may read a chosen file after WebDriver returns: the files stay until the
    // next run (target/ is scratch space).
    static COUNT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let dir = std::env::current_dir()
        .map_err(|e| format!("cwd: {e}"))?
        .join("target/e2e-uploads")
        .join(format!(
            "{}-{}",
            std::process::id(),
            COUNT.fetch_add(1, std::sync::atomic::Ordering::SeqCst)
        ));
    std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let path = dir.join(name);
    std::fs::write(&path, contents).map_err(|e| format!("write {}: {e}", path.display()))?;
    page.client
        .find(Locator::Css("#import-file"))
        .await
        .map_err(|e| format!("import field: {e}"))?
        .send_keys(&path.display().to_string())
        .await
        .map_err(|e| format!("choose file: {e}"))
}

fn progress_of(stored: &str) -> TestResult<Value> {
    let mut value: Value =
        serde_json::from_str(stored).map_err(|e| format!("stored progress is JSON: {e}"))?;
    let progress = value
        .get_mut("progress")
        .ok_or("stored progress has a body")?;
    // A reset or import starts a new generation; everything else must be equal.
    progress
        .as_object_mut()
        .ok_or("progress is an object")?
        .remove("generation");
    Ok(value)
}

pub async fn export_then_reset_then_import_restores_the_same_state(page: &Page) -> TestResult {
    read_chapter(page, "databases").await?;
    read_chapter(page, "career").await?;
    page.open("progress").await?;
    let exported = exported_file(page).await?;
    let before = stored(page, KEY).await?.ok_or("progress is stored")?;
    ensure!(
        progress_of(&exported)? == progress_of(&before)?,
        "the export holds exactly what is stored"
    );

    page.click(".reset-button").await?;
    page.wait_for(
        "document.activeElement?.classList.contains('reset-confirm-button')",
        "the confirmation, focused",
    )
    .await?;
    ensure!(
        stored(page, KEY).await?.as_deref() == Some(before.as_str()),
        "nothing is reset before confirming"
    );
    page.click(".reset-confirm-button").await?;
    page.wait_for(
        "document.querySelector('.completion__text')?.textContent.startsWith('0 of')",
        "progress reset",
    )
    .await?;

    import_file(page, &exported).await?;
    page.wait_for(
        "!!document.querySelector('.import-preview')",
        "the import preview",
    )
    .await?;
    let preview: String = page
        .js("return document.querySelector('.import-preview').textContent;")
        .await?;
    ensure!(
        preview.contains("2 of "),
        "the preview says what the file holds: {preview}"
    );
    ensure!(
        page.js::<String>("return document.querySelector('.completion__text').textContent;")
            .await?
            .starts_with("0 of"),
        "nothing changes before confirming"
    );
    page.click(".import-confirm").await?;
    page.wait_for(
        "document.querySelector('.completion__text')?.textContent.startsWith('2 of')",
        "the imported progress",
    )
    .await?;
    let after = stored(page, KEY).await?.ok_or("progress is stored")?;
    ensure!(
        progress_of(&after)? == progress_of(&before)?,
        "import restores the same state:\n{before}\n{after}"
    );
    wait_state(page, "databases", "read").await?;

    page.click(".import-undo").await?;
    page.wait_for(
        "document.querySelector('.completion__text')?.textContent.startsWith('0 of')",
        "undo to bring back the state before the import",
    )
    .await?;
    page.open("progress").await?;
    ensure!(
        page.js::<String>("return document.querySelector('.completion__text').textContent;")
            .await?
            .starts_with("0 of"),
        "the undo was saved"
    );
    Ok(())
}

pub async fn a_malformed_import_file_is_refused_and_changes_nothing(page: &Page) -> TestResult {
    read_chapter(page, "databases").await?;
    page.open("progress").await?;
    let before = stored(page, KEY).await?;
    for (file, reason) in [
        (
            "{\"format\":\"backend-guide/progress\",\"version\":1,\"progress\":",
            "not a JSON file",
        ),
        (
            "{\"playlist\":[\"song\"]}",
            "not progress from The Backend Guide",
        ),
    ] {
        import_file(page, file).await?;
        page.wait_for(
            &format!(
                "document.querySelector('.import-error')?.textContent.includes({})",
                js_string(reason)
            ),
            &format!("the error “{reason}”"),
        )
        .await?;
        nothing_imported(page, &before).await?;
        ensure!(
            page.js::<String>("return document.querySelector('.completion__text').textContent;")
                .await?
                .starts_with("1 of"),
            "shown progress unchanged"
        );
    }
    Ok(())
}

/// Counts calls of the page's real file-reading functions in `window.__reads`.
const WATCH_READS: &str = "window.__reads = 0; \
    for (const [proto, names] of [[Blob.prototype, ['text', 'arrayBuffer', 'stream', 'slice']], \
        [FileReader.prototype, ['readAsText', 'readAsArrayBuffer', 'readAsDataURL', 'readAsBinaryString']]]) \
      for (const name of names) { const real = proto[name]; \
        proto[name] = function () { window.__reads++; return real.apply(this, arguments); }; } \
    return null;";

pub async fn an_oversized_import_is_refused_before_it_is_read(page: &Page) -> TestResult {
    read_chapter(page, "databases").await?;
    page.open("progress").await?;
    let before = stored(page, KEY).await?;
    page.js::<Value>(WATCH_READS).await?;
    // A real export, padded to 2 MB: no progress file of this guide is that large.
    let export = before.clone().ok_or("progress is stored")?;
    let big = format!("{export}{}", " ".repeat(2 * 1024 * 1024 - export.len()));
    import_file_named(page, "big-progress.json", &big).await?;
    page.wait_for("!!document.querySelector('.import-error')", "the refusal")
        .await?;
    let message: String = page
        .js("return document.querySelector('.import-status [role=alert]')?.textContent ?? '';")
        .await?;
    ensure!(
        message.contains("“big-progress.json” can't be imported")
            && message.contains("2.0 MB")
            && message.contains("256 KB")
            && message.contains("Your progress is unchanged"),
        "a clear refusal, announced: {message}"
    );
    ensure!(
        page.js::<u32>("return window.__reads;").await? == 0,
        "the file is refused before any of it is read"
    );
    nothing_imported(page, &before).await?;
    // The watch is real: a file within the limit is read.
    import_file_named(page, "small.json", "{}").await?;
    page.wait_for("window.__reads > 0", "the small file to be read")
        .await
}

pub async fn imported_text_is_only_ever_shown_as_text(page: &Page) -> TestResult {
    page.open("progress").await?;
    page.js::<Value>("window.__pwned = 0; return null;").await?;
    let name = "<img src=x onerror=__pwned=1>.json";
    import_file_named(page, name, "<script>__pwned = 2</script>").await?;
    page.wait_for(
        &format!(
            "document.querySelector('.import-error')?.textContent.includes({})",
            js_string(name)
        ),
        "the file's name, as text, in the refusal",
    )
    .await?;
    // A readable file whose ids carry markup: imported, and shown (if at all) as text.
    let file = serde_json::json!({
        "format": "backend-guide/progress", "version": 1,
        "progress": {
            "chapters": { "<img src=x onerror=__pwned=3>": { "read_at": 5 } },
            "diagram": { "explored_nodes": ["<b onmouseover=__pwned=4>part</b>"] },
            "quiz": {
                "history": [{ "at": 1, "quiz": "<img src=x onerror=__pwned=5>", "correct": 1, "total": 1, "points": 100 }],
                "best_scores": { "<svg onload=__pwned=6>": { "correct": 1, "total": 1, "points": 100, "at": 1 } }
            }
        }
    });
    import_file_named(page, "markup.json", &file.to_string()).await?;
    page.click(".import-confirm").await?;
    page.wait_for("!!document.querySelector('.import-done')", "the import")
        .await?;
    let stored_text = stored(page, KEY).await?.unwrap_or_default();
    ensure!(
        stored_text.contains("__pwned=3"),
        "the file was imported (its unknown ids kept): {stored_text}"
    );
    // Give any markup a chance to load or fire.
    tokio::time::sleep(Duration::from_millis(300)).await;
    let injected: Value = page
        .js("return [window.__pwned, document.querySelectorAll('[onerror], [onload], [onmouseover]').length];")
        .await?;
    ensure!(
        injected == serde_json::json!([0, 0]),
        "no markup from the file became part of the page: {injected}"
    );
    Ok(())
}

/// Stored progress with `read` chapters read in that order, and the reader last at the Key
/// points of the last of them.
fn read_progress(read: &[&str]) -> String {
    let chapters: serde_json::Map<String, Value> = read
        .iter()
        .enumerate()
        .map(|(i, id)| {
            let at = 10 * (i as u64 + 1);
            (
                id.to_string(),
                serde_json::json!({ "opened_at": at, "read_at": at + 5 }),
            )
        })
        .collect();
    serde_json::json!({
        "format": "backend-guide/progress", "version": 1,
        "progress": {
            "chapters": chapters,
            "last_visited": read.last().map(|id| serde_json::json!({ "at": 1000, "chapter": id, "section": "key-points" })),
        }
    })
    .to_string()
}

/// The first action's words and target, and whether "Start reading" is still offered.
async fn first_action(page: &Page) -> TestResult<(String, String, bool)> {
    page.wait_for_view().await?;
    page.js("const b = document.querySelector('main a.button--primary'); \
             return [b?.textContent.trim() ?? '', b?.getAttribute('href') ?? '', \
               [...document.querySelectorAll('main a')].some(a => a.textContent.trim() === 'Start reading')];")
        .await
}

/// A returning reader who has read chapters 1 and 2 (and was last at chapter 2's Key points)
/// is offered chapter 3 first, on home and on the progress page, with chapter 2's quiz beside
/// it and the marks' legend; with every chapter read, the first action is a quiz.
pub async fn a_returning_reader_is_offered_up_next_on_home_and_the_progress_page(
    page: &Page,
) -> TestResult {
    let chapters = crate::guide::chapters();
    let ids: Vec<&str> = chapters.iter().map(|c| c.id).collect();
    page.open("").await?;
    store_raw(page, KEY, &read_progress(&ids[..2])).await?;
    for path in ["", "progress"] {
        page.open(path).await?;
        let (text, href, start) = first_action(page).await?;
        ensure!(
            text == format!("Up next: {}", chapters[2].title)
                && href == format!("/backend-guide/chapters/{}", ids[2])
                && !start,
            "/{path}: the first action is chapter 3, not “{text}” at {href} (Start reading offered: {start})"
        );
        let beside: String = page
            .js("return document.querySelector('.up-next__beside')?.getAttribute('href') ?? '';")
            .await?;
        ensure!(
            beside == format!("/backend-guide/quiz/{}", ids[1]),
            "/{path}: chapter 2's quiz is offered beside it, not {beside}"
        );
        let legend: String = page
            .js("return document.querySelector('.state-legend')?.textContent ?? '';")
            .await?;
        ensure!(
            legend.contains("✓ read") && legend.contains("◐ in progress"),
            "/{path}: the marks' legend: {legend}"
        );
    }
    page.open("").await?;
    page.click("main a.button--primary").await?;
    page.wait_for_h1(chapters[2].title).await?;

    store_raw(page, KEY, &read_progress(&ids)).await?;
    page.open("").await?;
    let (text, href, _) = first_action(page).await?;
    let last = ids[ids.len() - 1];
    ensure!(
        href == format!("/backend-guide/quiz/{last}"),
        "every chapter read: the quiz of the chapter read last is offered first, not “{text}” at {href}"
    );
    Ok(())
}

/// The progress page: a first-time reader is offered "Start reading"; counts say "1 part", "1
/// point"; the parts still to explore are listed with a link to the diagram, and each request
/// says whether it was followed.
pub async fn the_progress_page_gives_direction_in_honest_plurals(page: &Page) -> TestResult {
    page.open("progress").await?;
    let (text, href, _) = first_action(page).await?;
    let first = &crate::guide::chapters()[0];
    ensure!(
        text == "Start reading" && href == format!("/backend-guide/chapters/{}", first.id),
        "nothing read: “{text}” at {href}"
    );
    let stored = serde_json::json!({
        "format": "backend-guide/progress", "version": 1,
        "progress": {
            "diagram": { "explored_nodes": ["browser"], "completed_scenarios": ["log-in"] },
            "quiz": {
                "best_scores": { (first.id): { "correct": 1, "total": 1, "points": 100, "at": 9 } },
                "history": [{ "at": 9, "quiz": first.id, "correct": 1, "total": 1, "points": 100 }]
            }
        }
    });
    store_raw(page, KEY, &stored.to_string()).await?;
    page.open("progress").await?;
    page.wait_for_view().await?;
    let facts: Value = page
        .js("return { diagram: document.querySelector('[data-slot=diagram]').textContent, \
                 quiz: document.querySelector('[data-slot=quiz]').textContent, \
                 left: document.querySelector('.diagram-left h3')?.textContent ?? '', \
                 parts: [...document.querySelectorAll('.diagram-left__parts li')].map(l => l.textContent), \
                 followed: [...document.querySelectorAll('.diagram-left__traces li[data-followed=true]')].map(l => l.textContent), \
                 open: document.querySelector('.diagram-left__open')?.getAttribute('href') ?? '' };")
        .await?;
    ensure!(
        facts["diagram"] == "1 part explored, 1 request trace followed.",
        "the diagram's counts: {facts}"
    );
    ensure!(
        facts["quiz"]
            .as_str()
            .unwrap_or_default()
            .contains("1 of 1 point (100%)")
            && !facts["quiz"]
                .as_str()
                .unwrap_or_default()
                .contains("1 points"),
        "the quiz's points: {facts}"
    );
    let parts = facts["parts"].as_array().map_or(0, Vec::len);
    ensure!(
        parts > 1
            && facts["left"] == format!("{parts} parts still to explore")
            && !facts["parts"].to_string().contains("\"Browser\""),
        "the parts still to explore, without the explored one: {facts}"
    );
    ensure!(
        facts["followed"].as_array().map_or(0, Vec::len) == 1
            && facts["followed"][0]
                .as_str()
                .unwrap_or_default()
                .starts_with("Log in")
            && facts["open"] == "/backend-guide/diagram",
        "the followed request and the link to the diagram: {facts}"
    );
    Ok(())
}

/// "Import from file…" is a button: reached by Tab with its focus ring shown, Enter opens the
/// file chooser (the test stops the chooser at its click), and a chosen file is previewed.
pub async fn the_import_control_opens_by_keyboard_and_previews_a_file(page: &Page) -> TestResult {
    page.open("progress").await?;
    page.wait_for_view().await?;
    page.js::<Value>(
        "window.__chooser = 0; document.getElementById('import-file').addEventListener('click', e => { \
           window.__chooser += 1; e.preventDefault(); }); return null;",
    )
    .await?;
    page.js::<Value>("document.querySelector('.export-button').focus(); return null;")
        .await?;
    page.tab_to(".import-button", 3).await?;
    let ring: String = page
        .js("const s = getComputedStyle(document.activeElement); return s.outlineStyle + ' ' + s.outlineWidth;")
        .await?;
    ensure!(
        !ring.starts_with("none") && !ring.ends_with(" 0px"),
        "the focused import button shows its ring: {ring}"
    );
    page.press(fantoccini::key::Key::Enter).await?;
    page.wait_for("window.__chooser === 1", "Enter to open the file chooser")
        .await?;
    let name: String = page
        .js("return document.querySelector('.import-button').textContent.trim();")
        .await?;
    ensure!(name == "Import from file…", "the button says {name}");
    let mut progress =
        serde_json::from_str::<Value>(&read_progress(&["databases"])).map_err(|e| e.to_string())?;
    progress["progress"]["last_visited"] = Value::Null;
    import_file(page, &progress.to_string()).await?;
    page.wait_for(
        "document.querySelector('.import-preview')?.textContent.includes('1 of ')",
        "the import preview",
    )
    .await
}
