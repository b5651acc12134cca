//! What chapter bodies show beyond text (issue 16): tables a phone can read, code blocks with
//! a Copy button that works by keyboard, line notes; axe on a phone in both themes.

use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use fantoccini::key::Key;
use guide_content::Block;
use serde_json::Value;

use crate::audit::axe_violations;
use crate::ensure;
use crate::page::{js_string, Page, TestResult};

/// Every table cell on the page whose text does not fit: outside the window, or cut inside its
/// cell or its table's scrolling box; or, after the first, without its column's label (Firefox
/// reports the label's `content` as written, `attr(data-label)`). Empty when every table reads
/// whole.
const CLIPPED_CELLS: &str = "return [...document.querySelectorAll('.chapter__body td')].flatMap(td => {\
    const r = td.getBoundingClientRect();\
    const box = td.closest('.table-scroll');\
    const problems = [];\
    if (r.left < -0.5 || r.right > innerWidth + 0.5) problems.push('outside the window');\
    if (td.scrollWidth > td.clientWidth + 1) problems.push('cut in its cell');\
    if (box.scrollWidth > box.clientWidth + 1) problems.push('its table scrolls sideways');\
    const label = getComputedStyle(td, '::before');\
    const labelled = label.display !== 'none' && (label.content.includes(td.dataset.label) || label.content.includes('attr(data-label)'));\
    if (td.cellIndex > 0 && !labelled) problems.push('no column label');\
    return problems.map(p => td.textContent.trim().slice(0, 30) + ': ' + p);\
});";

pub async fn every_table_reads_whole_on_a_phone(page: &Page) -> TestResult {
    let with_tables: Vec<&str> = crate::guide::chapters()
        .iter()
        .filter(|c| c.blocks.iter().any(|b| matches!(b, Block::Table { .. })))
        .map(|c| c.id)
        .collect();
    ensure!(
        with_tables.len() >= 5,
        "chapters with tables: {with_tables:?}"
    );
    // Engines keep different minimum window widths; each check holds for the width they show.
    for requested in [375, 320] {
        page.set_viewport(requested, 800).await?;
        for id in &with_tables {
            page.open(&format!("chapters/{id}")).await?;
            let width: f64 = page.js("return innerWidth;").await?;
            let clipped: Vec<String> = page.js(CLIPPED_CELLS).await?;
            ensure!(
                clipped.is_empty(),
                "/chapters/{id} at {width}px: {clipped:?}"
            );
            let overflow: f64 = page
                .js("return document.documentElement.scrollWidth - innerWidth;")
                .await?;
            if overflow > 0.5 {
                return Err(format!(
                    "/chapters/{id} scrolls sideways by {overflow}px at {width}px"
                ));
            }
        }
    }
    Ok(())
}

/// The text of the first code block of `chapter` in `language` with line notes (or without,
/// for a console), as the Markdown has it.
fn code_of(chapter: &str, language: &str) -> TestResult<&'static str> {
    let chapter = crate::guide::chapters()
        .iter()
        .find(|c| c.id == chapter)
        .ok_or("no such chapter")?;
    chapter
        .blocks
        .iter()
        .find_map(|b| match *b {
            Block::Code {
                language: l,
                code,
                notes,
            } if l == language && (language == "console" || !notes.is_empty()) => Some(code),
            _ => None,
        })
        .ok_or_else(|| format!("no {language} block in {}", chapter.id))
}

/// The commands of a console block, as a reader types them: without `$ ` and output.
fn commands_of(console: &str) -> String {
    let mut out = Vec::new();
    let mut continues = false;
    for line in console.lines() {
        if let Some(command) = line.strip_prefix("$ ") {
            out.push(command);
        } else if continues {
            out.push(line);
        } else {
            continue;
        }
        continues = line.ends_with('\\');
    }
    out.join("\n")
}

/// Pastes the clipboard into a fresh text area with the keyboard (Ctrl+V) and returns it: the
/// clipboard as another application would read it.
async fn paste(page: &Page) -> TestResult<String> {
    page.js::<Value>(
        "const area = document.createElement('textarea'); area.id = 'paste-here'; \
         area.setAttribute('aria-label', 'Paste here'); document.body.append(area); \
         area.focus(); return null;",
    )
    .await?;
    let ctrl: char = Key::Control.into();
    let actions = KeyActions::new("keyboard".to_string())
        .then(KeyAction::Down { value: ctrl })
        .then(KeyAction::Down { value: 'v' })
        .then(KeyAction::Up { value: 'v' })
        .then(KeyAction::Up { value: ctrl });
    page.client
        .perform_actions(actions)
        .await
        .map_err(|e| format!("Ctrl+V failed: {e}"))?;
    let _ = page.client.release_actions().await;
    let text: String = page
        .js(
            "const area = document.getElementById('paste-here'); const v = area.value; \
             area.remove(); return v;",
        )
        .await?;
    Ok(text)
}

/// Waits for a code block's status to say `text`, and checks it sits beside its button.
async fn wait_for_status(page: &Page, figure: &str, text: &str) -> TestResult {
    page.wait_for(
        &format!(
            "document.querySelector({})?.textContent === {}",
            js_string(&format!("{figure} .code-block__status")),
            js_string(text)
        ),
        &format!("“{text}” beside the Copy button"),
    )
    .await?;
    // Beside the button, above the code: never over it.
    let over_code: bool = page
        .js(&format!(
            "const f = document.querySelector({}); \
             const s = f.querySelector('.code-block__status').getBoundingClientRect(); \
             const c = f.querySelector('pre').getBoundingClientRect(); \
             return s.bottom > c.top + 0.5 || s.width === 0;",
            js_string(figure)
        ))
        .await?;
    ensure!(!over_code, "the status “{text}” is drawn over the code");
    Ok(())
}

pub async fn a_code_block_is_copied_by_keyboard_exactly(page: &Page) -> TestResult {
    page.open("chapters/how-the-web-works").await?;
    page.wait_for(
        "document.documentElement.dataset.app === 'running'",
        "the app",
    )
    .await?;
    // From the section's heading, Tab reaches the request's Copy button; Enter copies.
    page.js::<Value>("document.getElementById('http-request').focus(); return null;")
        .await?;
    page.tab_to(".code-block__copy", 4).await?;
    let figure: String = page
        .js("const f = document.activeElement.closest('.code-block'); \
             f.id = 'copied-block'; return f.querySelector('figcaption').textContent;")
        .await?;
    ensure!(
        figure == "HTTP",
        "the first Copy button is the HTTP block's ({figure})"
    );
    page.press(Key::Enter).await?;
    wait_for_status(page, "#copied-block", "Copied").await?;
    let request = code_of("how-the-web-works", "http")?;
    let pasted = paste(page).await?;
    ensure!(
        pasted == request.trim_end_matches('\n'),
        "the clipboard holds the request exactly, without the note numbers: {pasted:?}"
    );

    // A console block: the commands only, without prompts or output.
    page.js::<Value>(
        "const f = [...document.querySelectorAll('.code-block')]\
           .find(f => f.querySelector('code.language-console')); \
         f.id = 'console-block'; f.querySelector('.code-block__copy').focus(); return null;",
    )
    .await?;
    page.press(Key::Enter).await?;
    wait_for_status(page, "#console-block", "Copied").await?;
    let commands = commands_of(code_of("how-the-web-works", "console")?);
    ensure!(commands.starts_with("curl"), "a command: {commands:?}");
    let pasted = paste(page).await?;
    ensure!(
        pasted == commands,
        "the clipboard holds the commands alone: {pasted:?}, not {commands:?}"
    );
    Ok(())
}

pub async fn line_notes_are_linked_from_their_lines(page: &Page) -> TestResult {
    page.open("chapters/databases").await?;
    let notes: Vec<Value> = page
        .js("const f = [...document.querySelectorAll('.code-block')].find(f => f.querySelector('.code-notes')); \
             return [...f.querySelectorAll('.code-note-ref')].map(a => { \
               const note = document.querySelector(a.getAttribute('href')); \
               return [a.textContent, a.getAttribute('aria-label'), note && note.closest('ol') === f.querySelector('.code-notes'), \
                       getComputedStyle(a).userSelect ?? getComputedStyle(a).webkitUserSelect]; });")
        .await?;
    ensure!(notes.len() >= 5, "the SQL example has its notes: {notes:?}");
    for (i, note) in notes.iter().enumerate() {
        let n = (i + 1).to_string();
        ensure!(
            note[0] == n.as_str()
                && note[1] == format!("Note {n}").as_str()
                && note[2] == true
                && note[3] == "none",
            "note {n}: number, name, its note in the block's list, not selectable: {note:?}"
        );
    }
    Ok(())
}

pub async fn a_chapter_with_code_notes_and_tables_passes_axe_on_a_phone(page: &Page) -> TestResult {
    page.set_viewport(375, 800).await?;
    let mut problems = Vec::new();
    for scheme in ["light", "dark"] {
        page.open("").await?;
        page.js::<Value>(&format!(
            "localStorage.setItem('backend-guide:theme', {}); return null;",
            js_string(&format!("\"{scheme}\""))
        ))
        .await?;
        for id in ["how-the-web-works", "apis"] {
            page.open(&format!("chapters/{id}")).await?;
            page.wait_for(
                "document.documentElement.dataset.app === 'running'",
                "the app",
            )
            .await?;
            // A copied block shows its status, which axe judges too.
            page.js::<Value>("document.querySelector('.code-block__copy').click(); return null;")
                .await?;
            page.wait_for(
                "document.querySelector('.code-block__status').textContent !== ''",
                "the copy status",
            )
            .await?;
            problems.extend(
                axe_violations(page)
                    .await?
                    .into_iter()
                    .map(|v| format!("{scheme} / {id}: {v}")),
            );
        }
    }
    ensure!(
        problems.is_empty(),
        "axe found:\n  {}",
        problems.join("\n  ")
    );
    Ok(())
}
