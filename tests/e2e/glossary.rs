//! The glossary (issue 18): a term in a chapter opens its definition in place by mouse,
//! keyboard and touch, never covering the text on a phone; without JavaScript it is a link to
//! its entry; the `/glossary` page's letters and section links work on any screen.

use fantoccini::actions::{
    InputSource, MouseActions, PointerAction, TouchActions, MOUSE_BUTTON_LEFT,
};
use fantoccini::key::Key;
use fantoccini::Locator;
use serde_json::Value;

use crate::ensure;
use crate::page::{js_string, Page, TestResult};

const CHAPTER: &str = "chapters/databases";

/// The first inline term of the chapter's text that sits inside a paragraph with at least
/// `after` characters after it: its CSS selector (the first element it matches is that term).
async fn a_term(page: &Page, after: usize) -> TestResult<String> {
    let id: Option<String> = page
        .js(&format!(
            "const t = [...document.querySelectorAll('.chapter__body p > a.term')].find(t => {{ \
               const r = document.createRange(); r.setStartAfter(t); r.setEndAfter(t.parentElement.lastChild); \
               return r.toString().length >= {after}; }}); \
             return t ? t.dataset.term : null;"
        ))
        .await?;
    let id = id.ok_or("the chapter has no term in a paragraph")?;
    Ok(format!(".chapter__body p > a.term[data-term=\"{id}\"]"))
}

/// Whether the term shows its definition: expanded, and the live region after it holds the
/// definition and the link to read more.
async fn is_open(page: &Page, css: &str) -> TestResult<bool> {
    page.js(&format!(
        "const t = document.querySelector({}); const tip = t.nextElementSibling; \
         return t.getAttribute('aria-expanded') === 'true' && tip.getAttribute('role') === 'status' \
           && tip.querySelector('.term-tip__text')?.textContent.length > 20 \
           && !!tip.querySelector('a.term-tip__more') && tip.getBoundingClientRect().height > 0;",
        js_string(css)
    ))
    .await
}

async fn wait_open(page: &Page, css: &str, open: bool, how: &str) -> TestResult {
    let expression = format!(
        "(() => {{ const t = document.querySelector({0}); const tip = t.nextElementSibling; \
           return {1} ? t.getAttribute('aria-expanded') === 'true' && tip.textContent.length > 20 \
                      : t.getAttribute('aria-expanded') === 'false' && tip.textContent === ''; }})()",
        js_string(css),
        open
    );
    page.wait_for(
        &expression,
        &format!(
            "the definition to {} {how}",
            if open { "open" } else { "close" }
        ),
    )
    .await?;
    if open {
        ensure!(
            is_open(page, css).await?,
            "{how}: the definition and its link show"
        );
    }
    Ok(())
}

async fn element(page: &Page, css: &str) -> TestResult<fantoccini::elements::Element> {
    page.js::<Value>(&format!(
        "document.querySelector({}).scrollIntoView({{block: 'center', behavior: 'instant'}}); return null;",
        js_string(css)
    ))
    .await?;
    page.client
        .find(Locator::Css(css))
        .await
        .map_err(|e| format!("no `{css}`: {e}"))
}

async fn mouse(page: &Page, actions: MouseActions, what: &str) -> TestResult {
    page.client
        .perform_actions(actions)
        .await
        .map_err(|e| format!("{what}: {e}"))
}

fn move_to(element: fantoccini::elements::Element) -> PointerAction {
    PointerAction::MoveToElement {
        element,
        duration: None,
        x: 0.0,
        y: 0.0,
    }
}

/// A tap with a finger (W3C pointer actions, pointer type "touch") at an element's centre.
async fn tap(page: &Page, css: &str) -> TestResult {
    let target = element(page, css).await?;
    let actions = TouchActions::new("finger".into())
        .then(move_to(target))
        .then(PointerAction::Down {
            button: MOUSE_BUTTON_LEFT,
        })
        .then(PointerAction::Up {
            button: MOUSE_BUTTON_LEFT,
        });
    page.client
        .perform_actions(actions)
        .await
        .map_err(|e| format!("cannot tap `{css}`: {e}"))
}

async fn click_with_mouse(page: &Page, css: &str) -> TestResult {
    let target = element(page, css).await?;
    let actions = MouseActions::new("mouse".into())
        .then(move_to(target))
        .then(PointerAction::Down {
            button: MOUSE_BUTTON_LEFT,
        })
        .then(PointerAction::Up {
            button: MOUSE_BUTTON_LEFT,
        });
    mouse(page, actions, &format!("cannot click `{css}`")).await
}

/// Hovering opens a term's definition and leaving closes it; a click keeps it open (the page
/// stays where it is) until a click elsewhere.
pub async fn a_terms_definition_opens_and_closes_by_mouse(page: &Page) -> TestResult {
    page.open(CHAPTER).await?;
    let term = a_term(page, 0).await?;
    let target = element(page, &term).await?;
    mouse(
        page,
        MouseActions::new("mouse".into()).then(move_to(target)),
        "hover",
    )
    .await?;
    wait_open(page, &term, true, "on hover").await?;
    let heading = element(page, "main h1").await?;
    mouse(
        page,
        MouseActions::new("mouse".into()).then(move_to(heading)),
        "move away",
    )
    .await?;
    wait_open(page, &term, false, "when the mouse leaves").await?;

    click_with_mouse(page, &term).await?;
    wait_open(page, &term, true, "on a click").await?;
    let heading = element(page, "main h1").await?;
    mouse(
        page,
        MouseActions::new("mouse".into()).then(move_to(heading)),
        "move away",
    )
    .await?;
    ensure!(
        is_open(page, &term).await?,
        "a clicked definition stays open when the mouse leaves"
    );
    ensure!(
        page.location().await?.ends_with("/chapters/databases"),
        "a click opens the definition instead of following the link"
    );
    click_with_mouse(page, "main h1").await?;
    wait_open(page, &term, false, "on a click elsewhere").await
}

/// Tab reaches a term, announced as a button; Enter opens its definition, whose links come
/// next in the tab order; Escape closes it and puts the focus back on the term; Space opens
/// and closes it too.
pub async fn a_terms_definition_opens_by_keyboard_and_escape_returns_focus(
    page: &Page,
) -> TestResult {
    page.open(CHAPTER).await?;
    page.tab_to(".chapter__body a.term", 150).await?;
    // (The first term in the tab order is its id's first use.)
    let first: String = page
        .js("return document.activeElement.dataset.term;")
        .await?;
    let term = format!(".chapter__body a.term[data-term=\"{first}\"]");
    let role: (Option<String>, Option<String>) = page
        .js("const t = document.activeElement; return [t.getAttribute('role'), t.getAttribute('aria-expanded')];")
        .await?;
    ensure!(
        role == (Some("button".into()), Some("false".into())),
        "a term is a collapsed button to assistive technology: {role:?}"
    );
    page.press(Key::Enter).await?;
    wait_open(page, &term, true, "on Enter").await?;
    page.press(Key::Tab).await?;
    let on_link: bool = page
        .js("return document.activeElement.matches('.term-tip a.term-tip__more');")
        .await?;
    ensure!(
        on_link,
        "Tab moves from the term into its definition's link (focus on {})",
        page.focused().await?
    );
    page.press(Key::Escape).await?;
    wait_open(page, &term, false, "on Escape").await?;
    let back: bool = page
        .js(&format!(
            "return document.activeElement === document.querySelector({});",
            js_string(&term)
        ))
        .await?;
    ensure!(
        back,
        "Escape puts the focus back on the term (focus on {})",
        page.focused().await?
    );
    page.press(Key::Space).await?;
    wait_open(page, &term, true, "on Space").await?;
    page.press(Key::Space).await?;
    wait_open(page, &term, false, "on Space again").await
}

/// A tap opens a term's definition and a tap elsewhere closes it; on a 375 px phone the open
/// definition sits under the term's line, covering none of the chapter's text (the rest of
/// its paragraph moves down), and the term stays where it was.
pub async fn on_a_phone_a_tap_opens_a_definition_that_covers_no_text(page: &Page) -> TestResult {
    page.set_viewport(375, 800).await?;
    page.open(CHAPTER).await?;
    let term = a_term(page, 60).await?;
    element(page, &term).await?;
    let before: f64 = page
        .js(&format!(
            "return document.querySelector({}).getBoundingClientRect().top;",
            js_string(&term)
        ))
        .await?;
    tap(page, &term).await?;
    wait_open(page, &term, true, "on a tap").await?;
    let (moved, covered, overflow): (f64, Vec<String>, f64) = page
        .js(&format!(
            "const t = document.querySelector({}); const tip = t.nextElementSibling; \
             const box = tip.getBoundingClientRect(); const covered = []; \
             const walker = document.createTreeWalker(t.closest('.chapter__body'), NodeFilter.SHOW_TEXT); \
             for (let n = walker.nextNode(); n; n = walker.nextNode()) {{ \
               if (tip.contains(n) || !n.textContent.trim()) continue; \
               const r = document.createRange(); r.selectNodeContents(n); \
               for (const line of r.getClientRects()) {{ \
                 if (line.width > 0 && line.bottom > box.top + 1 && line.top < box.bottom - 1 \
                     && line.right > box.left + 1 && line.left < box.right - 1) covered.push(n.textContent.slice(0, 40)); \
               }} \
             }} \
             return [t.getBoundingClientRect().top - {before}, covered, \
                     Math.max(box.right - innerWidth, document.documentElement.scrollWidth - innerWidth)];",
            js_string(&term)
        ))
        .await?;
    ensure!(
        covered.is_empty(),
        "the open definition covers the chapter's text: {covered:?}"
    );
    let stays = moved.abs() < 1.0;
    ensure!(stays, "the term stays where it was ({moved}px)");
    let fits = overflow <= 0.5;
    ensure!(
        fits,
        "the definition fits the phone's width ({overflow}px over)"
    );
    tap(page, "main h1").await?;
    wait_open(page, &term, false, "on a tap elsewhere").await
}

/// `/glossary`: a letter jumps to its terms; an entry's link reaches the chapter section that
/// explains it; nothing scrolls sideways at 320 px.
pub async fn the_glossary_page_jumps_by_letter_and_links_each_entry_to_its_section(
    page: &Page,
) -> TestResult {
    page.set_viewport(320, 800).await?;
    page.open("glossary").await?;
    ensure!(page.h1().await? == "Glossary", "the page's heading");
    let overflow: f64 = page
        .js("return document.documentElement.scrollWidth - innerWidth;")
        .await?;
    let fits = overflow <= 0.5;
    ensure!(fits, "/glossary scrolls sideways at 320 px by {overflow}px");
    let entries: usize = page
        .js("return document.querySelectorAll('.glossary__entry dt[id]').length;")
        .await?;
    ensure!(entries >= 80, "the page lists every term ({entries})");

    page.click(".glossary__letters a[href=\"glossary#letter-s\"]")
        .await?;
    page.wait_for(
        "location.hash === '#letter-s' && (r => r.top >= 0 && r.top < innerHeight / 2)(document.getElementById('letter-s').getBoundingClientRect())",
        "the letter S at the top of the screen",
    )
    .await?;
    let first_s: String = page
        .js("return document.querySelector('#letter-s ~ dl dt').textContent;")
        .await?;
    ensure!(
        first_s.to_lowercase().starts_with('s'),
        "under S: {first_s}"
    );

    let link = "#api + dd .glossary__more a";
    let target: String = page
        .js(&format!(
            "return new URL(document.querySelector({}).getAttribute('href'), document.baseURI).pathname \
               + new URL(document.querySelector({0}).getAttribute('href'), document.baseURI).hash;",
            js_string(link)
        ))
        .await?;
    let (path, section) = target
        .split_once('#')
        .ok_or(format!("the link names a section: {target}"))?;
    page.click(link).await?;
    page.wait_for(
        &format!(
            "location.pathname === {} && location.hash === {} && !!document.querySelector('#app:not([data-prerendered]) .chapter__body') \
             && (r => r && r.top >= -1 && r.top < innerHeight)(document.getElementById({})?.getBoundingClientRect())",
            js_string(path),
            js_string(&format!("#{section}")),
            js_string(section)
        ),
        "the chapter section that explains the term, in view",
    )
    .await
}

/// Without JavaScript (a frame that runs no scripts) a term is a plain link, and following it
/// shows its entry on the glossary page.
pub async fn without_javascript_a_term_is_a_link_to_its_entry(page: &Page) -> TestResult {
    page.open_frame_host().await?;
    let (id, href, found, tip_shown): (String, String, bool, bool) = page
        .js(&format!(
            r#"return (async () => {{
                const f = document.createElement('iframe');
                f.sandbox = 'allow-same-origin';
                f.style.cssText = 'position: fixed; top: 0; left: 0; width: 375px; height: 800px; border: 0';
                const loaded = () => new Promise(done => f.onload = done);
                let wait = loaded();
                f.src = {url};
                document.body.append(f);
                await wait;
                const term = f.contentDocument.querySelector('.chapter__body a.term');
                const tip = term.nextElementSibling;
                const shown = tip.getBoundingClientRect().height > 0;
                const href = term.href;
                wait = loaded();
                f.src = href;
                await wait;
                const id = term.dataset.term;
                const entry = f.contentDocument.getElementById(id);
                const found = !!entry && entry.tagName === 'DT' && f.contentWindow.location.hash === '#' + id;
                f.remove();
                return [id, href, found, shown];
            }})();"#,
            url = js_string(&format!("{}{CHAPTER}", page.site_url))
        ))
        .await?;
    ensure!(
        href == format!("{}glossary#{id}", page.site_url),
        "the term links to its glossary entry: {href}"
    );
    ensure!(found, "following {href} shows the entry `{id}`");
    ensure!(!tip_shown, "no empty definition box shows without the app");
    Ok(())
}
