//! The guide itself: home, chapters, navigation, deep links, not-found, layout, theme, errors.

use std::collections::HashSet;
use std::path::Path;
use std::sync::OnceLock;

use fantoccini::key::Key;
use guide_content::pipeline::load;
use guide_content::Chapter;
use serde_json::Value;

use crate::ensure;
use crate::page::{js_string, Page, TestResult};

/// The chapters as the content pipeline sees them: the source of truth the UI must show.
pub fn chapters() -> &'static [Chapter] {
    static CHAPTERS: OnceLock<Vec<Chapter>> = OnceLock::new();
    CHAPTERS.get_or_init(|| {
        load(Path::new("content"))
            .map(|content| content.chapters)
            .expect("content valid")
    })
}

const SITE: &str = "The Backend Guide";

pub async fn home_lists_every_chapter(page: &Page) -> TestResult {
    page.open("").await?;
    let h1 = page.h1().await?;
    ensure!(h1.contains("backend developer"), "home heading: {h1}");
    let cards: Vec<(String, String, String)> = page
        .js(
            "return [...document.querySelectorAll('.chapter-card')].map(c => [\
               c.querySelector('h3 a').textContent.trim(),\
               c.querySelector('.chapter-card__summary').textContent.trim(),\
               c.querySelector('.chapter-card__meta').textContent.trim()]);",
        )
        .await?;
    let expected = chapters();
    ensure!(
        cards.len() == expected.len(),
        "{} chapter cards for {} chapters",
        cards.len(),
        expected.len()
    );
    for ((title, summary, meta), chapter) in cards.iter().zip(expected) {
        ensure!(
            title == chapter.title,
            "card “{title}”, expected “{}”",
            chapter.title
        );
        ensure!(
            summary == chapter.summary,
            "summary of {}: “{summary}”",
            chapter.id
        );
        ensure!(
            meta.contains(&format!("{} min read", chapter.reading_minutes)),
            "reading time of {}: “{meta}”",
            chapter.id
        );
    }
    let promise: String = page
        .js("return document.querySelector('.hero__lead').textContent;")
        .await?;
    ensure!(
        promise.split_whitespace().count() <= 30,
        "the promise is short, not {} words",
        promise.split_whitespace().count()
    );

    page.click(".hero a.button--primary").await?;
    page.wait_for_h1(expected[0].title).await?;
    ensure!(
        page.location().await? == format!("/backend-guide/chapters/{}", expected[0].id),
        "“Start reading” opens the first chapter, at {}",
        page.location().await?
    );
    Ok(())
}

pub async fn every_chapter_opens_from_the_navigation(page: &Page) -> TestResult {
    page.open("").await?;
    let mut titles = HashSet::new();
    titles.insert(page.title().await?);
    for chapter in chapters() {
        page.click(&format!(
            "#site-nav a[href='/backend-guide/chapters/{}']",
            chapter.id
        ))
        .await?;
        page.wait_for_h1(chapter.title).await?;
        let location = page.location().await?;
        ensure!(
            location == format!("/backend-guide/chapters/{}", chapter.id),
            "URL of {} is {location}",
            chapter.id
        );
        let expected_title = format!("{} · {SITE}", chapter.title);
        page.wait_for(
            &format!("document.title === {}", js_string(&expected_title)),
            "the chapter's page title",
        )
        .await?;
        titles.insert(page.title().await?);
        let current: Vec<String> = page
            .js("return [...document.querySelectorAll('#site-nav [aria-current=page]')].map(a => a.firstChild.textContent.trim());")
            .await?;
        ensure!(
            current == [chapter.title],
            "navigation marks {current:?} as current on {}",
            chapter.id
        );
        let body_words: usize = page
            .js("return document.querySelector('.chapter__body').innerText.split(/\\s+/).length;")
            .await?;
        ensure!(
            body_words > 500,
            "{} shows its body ({body_words} words)",
            chapter.id
        );
        let key_points: usize = page
            .js("return document.querySelectorAll('#key-points + ul > li').length;")
            .await?;
        ensure!(
            (3..=5).contains(&key_points),
            "{} ends with key points",
            chapter.id
        );
    }
    ensure!(
        titles.len() == chapters().len() + 1,
        "every view has its own title: {titles:?}"
    );
    Ok(())
}

pub async fn chapter_deep_link_loads_on_a_fresh_page(page: &Page) -> TestResult {
    let chapter = &chapters()[chapters().len() / 2];
    page.open(&format!("chapters/{}", chapter.id)).await?;
    ensure!(
        page.h1().await? == chapter.title,
        "deep link shows {}",
        chapter.id
    );
    ensure!(
        page.title().await? == format!("{} · {SITE}", chapter.title),
        "title {}",
        page.title().await?
    );
    let one_h1: usize = page
        .js("return document.querySelectorAll('h1').length;")
        .await?;
    ensure!(one_h1 == 1, "{one_h1} h1 elements");
    Ok(())
}

pub async fn section_deep_link_scrolls_to_its_heading(page: &Page) -> TestResult {
    let (chapter, section) = chapters()
        .iter()
        .find_map(|c| {
            c.sections
                .iter()
                .find(|s| s.id == "how-a-request-travels")
                .map(|s| (c, s))
        })
        .ok_or("the frontend/backend chapter has a how-a-request-travels section")?;
    page.open(&format!("chapters/{}#{}", chapter.id, section.id))
        .await?;
    let heading = format!("document.getElementById({})", js_string(section.id));
    page.wait_for(
        &format!(
            "{heading} && Math.abs({heading}.getBoundingClientRect().top) < innerHeight / 3 && scrollY > 200"
        ),
        "the section heading to be scrolled to the top of the window",
    )
    .await?;
    let text: String = page.js(&format!("return {heading}.textContent;")).await?;
    ensure!(text.contains(section.title), "heading text {text}");

    // Its own anchor link keeps the deep link shareable and moves focus there.
    let other = chapter
        .sections
        .iter()
        .find(|s| s.id == "key-points")
        .ok_or("key points section")?;
    page.click(&format!(".toc a[href$='#{}']", other.id))
        .await?;
    page.wait_for(
        &format!("location.hash === '#{}'", other.id),
        "the URL to name the section",
    )
    .await?;
    page.wait_for(
        &format!("document.activeElement?.id === {}", js_string(other.id)),
        "focus to move to the section heading",
    )
    .await?;
    Ok(())
}

pub async fn back_and_forward_move_between_views(page: &Page) -> TestResult {
    let [first, second, ..] = chapters() else {
        return Err("at least two chapters".into());
    };
    page.open("").await?;
    let home = page.h1().await?;
    page.click(&format!(".chapter-card a[href$='/chapters/{}']", first.id))
        .await?;
    page.wait_for_h1(first.title).await?;
    page.click(".pager__link--next").await?;
    page.wait_for_h1(second.title).await?;
    page.click(".pager__link--previous").await?;
    page.wait_for_h1(first.title).await?;

    let go = |forward: bool| async move {
        let result = if forward {
            page.client.forward().await
        } else {
            page.client.back().await
        };
        result.map_err(|e| format!("history navigation failed: {e}"))
    };
    go(false).await?;
    page.wait_for_h1(second.title).await?;
    go(false).await?;
    page.wait_for_h1(first.title).await?;
    go(false).await?;
    page.wait_for_h1(&home).await?;
    go(true).await?;
    page.wait_for_h1(first.title).await?;
    ensure!(
        page.location().await? == format!("/backend-guide/chapters/{}", first.id),
        "forward restores the URL"
    );
    Ok(())
}

pub async fn unknown_paths_show_a_helpful_not_found_view(page: &Page) -> TestResult {
    for path in ["no/such/page", "chapters/no-such-chapter"] {
        page.open(path).await?;
        ensure!(
            page.h1().await? == "Page not found",
            "{path}: {}",
            page.h1().await?
        );
        ensure!(
            page.title().await? == format!("Page not found · {SITE}"),
            "{path}: title {}",
            page.title().await?
        );
        let shown: String = page
            .js("return document.querySelector('.not-found__path').textContent;")
            .await?;
        ensure!(
            shown == format!("/backend-guide/{path}"),
            "the unknown path is named: {shown}"
        );
        let links: usize = page
            .js("return document.querySelectorAll('.not-found__chapters a').length;")
            .await?;
        ensure!(links == chapters().len(), "{links} chapter links offered");
    }
    page.click(".not-found a.button--primary").await?;
    page.wait_for("!!document.querySelector('.chapter-list')", "the home page")
        .await?;
    Ok(())
}

pub async fn keyboard_alone_reaches_content_and_the_menu(page: &Page) -> TestResult {
    page.set_viewport(420, 800).await?;
    page.open("").await?;
    let nav_hidden = "getComputedStyle(document.getElementById('site-nav')).display === 'none'";
    ensure!(
        page.js::<bool>(&format!("return {nav_hidden};")).await?,
        "on a narrow screen the chapter menu starts closed"
    );

    page.skip_to_content().await?;

    page.open("").await?;
    page.tab_to(".menu-button", 6).await?;
    page.press(Key::Enter).await?;
    page.wait_for(&format!("!({nav_hidden})"), "the menu to open")
        .await?;
    ensure!(
        page.js::<String>(
            "return document.querySelector('.menu-button').getAttribute('aria-expanded');"
        )
        .await?
            == "true",
        "the menu button says it is expanded"
    );
    page.press(Key::Escape).await?;
    page.wait_for(nav_hidden, "Escape to close the menu")
        .await?;
    ensure!(
        page.js::<bool>("return document.activeElement?.classList.contains('menu-button');")
            .await?,
        "focus returns to the menu button, not {}",
        page.focused().await?
    );

    // Open it again and follow a chapter link by keyboard.
    let chapter = &chapters()[1];
    page.press(Key::Enter).await?;
    page.wait_for(&format!("!({nav_hidden})"), "the menu to open again")
        .await?;
    page.tab_to(
        &format!("#site-nav a[href$='/chapters/{}']", chapter.id),
        12,
    )
    .await?;
    page.press(Key::Enter).await?;
    page.wait_for_h1(chapter.title).await?;
    page.wait_for(nav_hidden, "the menu to close after navigating")
        .await?;
    page.wait_for(
        "document.activeElement?.id === 'chapter-title'",
        "focus to move to the new page's heading",
    )
    .await?;
    Ok(())
}

pub async fn narrow_screens_do_not_scroll_sideways(page: &Page) -> TestResult {
    // Engines keep different minimum window widths; each check holds for the width they show.
    for requested in [320, 480, 700] {
        page.set_viewport(requested, 800).await?;
        for path in [
            "",
            "chapters/databases",
            "chapters/frameworks-and-libraries",
        ] {
            page.open(path).await?;
            let width: f64 = page.js("return innerWidth;").await?;
            let overflow: f64 = page
                .js("return document.documentElement.scrollWidth - innerWidth;")
                .await?;
            if overflow > 0.5 {
                let culprits: Vec<String> = page
                    .js("return [...document.querySelectorAll('body *')]\
                         .filter(e => e.getBoundingClientRect().right > innerWidth + 0.5)\
                         .slice(0, 5).map(e => e.tagName + '.' + e.className);")
                    .await?;
                return Err(format!(
                    "/{path} overflows a {width}px window by {overflow}px: {culprits:?}"
                ));
            }
            let menu_visible: bool = page
                .js("return getComputedStyle(document.querySelector('.menu-button')).display !== 'none';")
                .await?;
            ensure!(menu_visible, "the menu button shows on a {width}px window");
            let header_rows: usize = page
                .js(
                    "return new Set([...document.querySelector('.site-header').children]\
                     .filter(e => e.offsetWidth > 0 && getComputedStyle(e).position !== 'absolute')\
                     .map(e => { const r = e.getBoundingClientRect(); return Math.round((r.top + r.height / 2) / 8); })).size;",
                )
                .await?;
            ensure!(
                header_rows <= 2,
                "the header fits in two rows on a {width}px window, not {header_rows}"
            );
        }
    }
    Ok(())
}

/// Picks a theme in the header's picker and waits until the page applied it.
async fn choose_theme(page: &Page, value: &str) -> TestResult {
    page.select("#theme-select", value).await?;
    page.wait_for(
        &format!(
            "document.documentElement.dataset.theme === {}",
            js_string(value)
        ),
        &format!("the {value} theme"),
    )
    .await
}

pub async fn theme_choice_is_applied_and_remembered(page: &Page) -> TestResult {
    page.open("").await?;
    let background = "return getComputedStyle(document.body).backgroundColor;";
    choose_theme(page, "dark").await?;
    let dark: String = page.js(background).await?;
    page.client
        .refresh()
        .await
        .map_err(|e| format!("reload: {e}"))?;
    page.wait_for_view().await?;
    ensure!(
        page.js::<String>("return document.documentElement.dataset.theme || '';")
            .await?
            == "dark",
        "the dark theme survives a reload"
    );
    ensure!(
        page.js::<String>("return document.getElementById('theme-select').value;")
            .await?
            == "dark",
        "the picker shows the remembered choice"
    );
    ensure!(
        page.js::<String>(background).await? == dark,
        "same colours after reload"
    );
    choose_theme(page, "light").await?;
    let light: String = page.js(background).await?;
    ensure!(
        light != dark,
        "light ({light}) and dark ({dark}) backgrounds differ"
    );
    Ok(())
}

pub async fn a_panic_shows_an_error_panel_with_reload(page: &Page) -> TestResult {
    page.open("chapters/databases").await?;
    ensure!(
        page.js::<bool>("return document.getElementById('fatal-error').hidden;")
            .await?,
        "no error panel while all is well"
    );
    page.js::<Value>("try { window.wasmBindings.debug_panic(); } catch (e) {} return null;")
        .await?;
    page.wait_for(
        "!document.getElementById('fatal-error').hidden",
        "the error panel to appear",
    )
    .await?;
    let visible: bool = page
        .js("const r = document.getElementById('fatal-error-reload').getBoundingClientRect(); return r.width > 0 && r.height > 0;")
        .await?;
    ensure!(visible, "the reload button is visible");
    ensure!(
        page.js::<String>("return document.activeElement?.id || '';")
            .await?
            == "fatal-error-reload",
        "focus moves to the reload button"
    );
    page.click("#fatal-error-reload").await?;
    page.wait_for(
        "document.getElementById('fatal-error')?.hidden === true && !!document.querySelector('#app main h1')",
        "the reloaded guide",
    )
    .await?;
    page.wait_for_view().await?;
    ensure!(
        !page.h1().await?.is_empty(),
        "the guide works again after reloading"
    );
    Ok(())
}

/// A first-time reader's home says, in its first phone screen, what the guide is, whom it is
/// for, what to do first and the four things that make it different; it does not scroll
/// sideways at 320 px; a chapter card opens its chapter wherever it is clicked.
pub async fn home_says_what_it_is_for_whom_and_what_to_do_first(page: &Page) -> TestResult {
    page.set_viewport(375, 812).await?;
    page.open("").await?;
    page.wait_for_view().await?;
    let facts: Value = page
        .js("const b = document.querySelector('.hero a.button--primary'); return { \
               lead: document.querySelector('.hero__lead').textContent, \
               first: b.textContent.trim(), href: b.getAttribute('href'), \
               bottom: b.getBoundingClientRect().bottom + scrollY, \
               features: [...document.querySelectorAll('.feature__title')].map(f => f.textContent.trim()), \
               preview: document.querySelector('.trace-preview a')?.getAttribute('href') ?? '', \
               moving: document.querySelectorAll('.trace-preview animateMotion').length };")
        .await?;
    let lead = facts["lead"].as_str().unwrap_or_default();
    for audience in ["students", "career switchers", "frontend developers"] {
        ensure!(lead.contains(audience), "the lead names {audience}: {lead}");
    }
    ensure!(
        facts["first"] == "Start reading"
            && facts["href"]
                .as_str()
                .unwrap_or_default()
                .ends_with(&format!("/chapters/{}", chapters()[0].id)),
        "the first action starts the first chapter: {facts}"
    );
    ensure!(
        facts["bottom"].as_f64().is_some_and(|b| b <= 812.0),
        "the first action is inside the first 812 px: {facts}"
    );
    ensure!(
        facts["features"]
            == serde_json::json!([
                "Trace a real request",
                "A quiz after each chapter",
                "Works offline",
                "Progress saved, no account"
            ]),
        "the four things: {facts}"
    );
    ensure!(
        facts["preview"]
            .as_str()
            .unwrap_or_default()
            .ends_with("/diagram")
            && facts["moving"] == 1,
        "a live preview of a trace links to the diagram: {facts}"
    );

    page.set_viewport(320, 800).await?;
    page.open("").await?;
    let overflow: f64 = page
        .js("return document.documentElement.scrollWidth - innerWidth;")
        .await?;
    ensure!(
        overflow.total_cmp(&0.5).is_le(),
        "home scrolls sideways by {overflow}px at 320"
    );

    // A card's summary is not a link of its own, yet clicking it opens the chapter.
    let chapter = &chapters()[2];
    let summary = format!(
        ".chapter-card:has(a[href$='/chapters/{}']) .chapter-card__summary",
        chapter.id
    );
    let links: usize = page
        .js(&format!(
            "return document.querySelector({}).closest('.chapter-card').querySelectorAll('a').length;",
            js_string(&summary)
        ))
        .await?;
    ensure!(links == 1, "one link per card, not {links}");
    page.js::<Value>(&format!(
        "document.querySelector({}).scrollIntoView({{block: 'center', behavior: 'instant'}}); return null;",
        js_string(&summary)
    ))
    .await?;
    let element = page
        .client
        .find(fantoccini::Locator::Css(&summary))
        .await
        .map_err(|e| format!("no summary: {e}"))?;
    use fantoccini::actions::InputSource;
    let click = fantoccini::actions::MouseActions::new("mouse".to_string())
        .then(fantoccini::actions::PointerAction::MoveToElement {
            element,
            duration: None,
            x: 0.0,
            y: 0.0,
        })
        .then(fantoccini::actions::PointerAction::Down {
            button: fantoccini::actions::MOUSE_BUTTON_LEFT,
        })
        .then(fantoccini::actions::PointerAction::Up {
            button: fantoccini::actions::MOUSE_BUTTON_LEFT,
        });
    page.client
        .perform_actions(click)
        .await
        .map_err(|e| format!("click on the summary: {e}"))?;
    page.wait_for_h1(chapter.title).await?;
    page.set_viewport(1280, 800).await
}

/// Every page of the site, as the app's route list has it (`routes::every_page`), relative
/// to the site root: `""` for home, `chapters/apis`, `quiz/guide`, …
pub fn every_path() -> Vec<String> {
    backend_guide::routes::every_page()
        .iter()
        .map(|page| page.path().trim_start_matches('/').to_string())
        .collect()
}

/// What the prerendering test reads from a page in a frame: the document as served with its
/// scripts taken out (what is painted before the wasm arrives, and what a reader without
/// JavaScript gets), or the page with the app mounted over it.
const PAGE_SUMMARY: &str = r#"
    const summary = (doc, before) => {
        const main = doc.querySelector('#app main');
        if (!main) return null;
        // The diagram embedded in a chapter is drawn by the app in place of its note: compare
        // up to it.
        const embed = main.querySelector('.embed');
        const upTo = e => !embed || !(embed.compareDocumentPosition(e) & (Node.DOCUMENT_POSITION_FOLLOWING | Node.DOCUMENT_POSITION_CONTAINED_BY)) && e !== embed;
        const clone = main.cloneNode(true);
        clone.querySelectorAll('.embed').forEach(e => e.remove());
        // (What holds the embed grows with it: its height is not compared.)
        const box = e => { const r = e.getBoundingClientRect(); return [e.tagName.toLowerCase(), Math.round(r.left), Math.round(r.top), Math.round(r.width), embed && e.contains(embed) ? '' : Math.round(r.height)].join(' '); };
        return {
            title: doc.title,
            description: doc.querySelector('meta[name=description]')?.content,
            h1: main.querySelector('h1')?.textContent.trim(),
            text: clone.textContent.replace(/\s+/g, ' ').trim(),
            ids: [...clone.querySelectorAll('[id]')].map(e => e.id),
            links: [...clone.querySelectorAll('a[href]')].map(a => new URL(a.getAttribute('href'), doc.baseURI).href),
            structure: [...clone.querySelectorAll('*')].map(e => e.tagName.toLowerCase() + [...e.classList].map(c => '.' + c).join('')).join(' '),
            boxes: [...doc.querySelectorAll('.site-header, #app main, #app main > *, #app main > * > *, .site-footer')].filter(upTo).slice(0, 40).map(box),
        };
    };
"#;

/// Loads `path` into two frames `width` CSS pixels wide: as served with its scripts taken out,
/// and as a reader gets it (the app mounted over it, nothing stored); returns both summaries
/// and the second frame's errors.
async fn served_and_mounted(page: &Page, path: &str, width: u32) -> TestResult<(Value, Value)> {
    let script = format!(
        r#"{PAGE_SUMMARY}
        const url = {url};
        const served = await fetch(url, {{ cache: 'no-store' }}).then(r => r.text());
        const load = (id, set) => new Promise(done => {{
            document.getElementById(id)?.remove();
            const f = document.createElement('iframe');
            f.id = id; f.title = id;
            f.style.cssText = 'position: fixed; top: 0; left: 0; height: 800px; border: 0; width: {width}px';
            f.onload = () => done(f);
            set(f);
            document.body.append(f);
        }});
        // (The frame's copy has no scripts; its base and stylesheet as absolute URLs and no
        // policy, which Firefox applies to a `srcdoc` frame's own origin.)
        const still = await load('still', f => f.srcdoc = served
            .replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, '')
            .replace(/<meta http-equiv="?Content-Security-Policy"?[^>]*>/i, '')
            .replace(/<base href="?([^" >]+)"?>/, (_, href) => `<base href="${{new URL(href, url).href}}">`));
        localStorage.clear();
        const live = await load('live', f => f.src = url);
        const doc = live.contentDocument;
        for (let i = 0; i < 200 && !(doc.documentElement.dataset.app === 'running' && doc.querySelector('#app:not([data-prerendered]) main h1') && !doc.querySelector('.chapter__loading')); i++) {{
            await new Promise(r => setTimeout(r, 50));
        }}
        await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
        const result = [summary(still.contentDocument), summary(doc), doc.documentElement.dataset.app ?? null,
            (live.contentWindow.__guideErrors ?? []).concat(live.contentWindow.__guideCspViolations ?? [])];
        still.remove(); live.remove();
        return result;"#,
        url = js_string(&format!("{}{path}", page.site_url)),
    );
    let (still, live, app, errors): (Value, Value, Option<String>, Vec<String>) = page
        .js(&format!("return (async () => {{ {script} }})();"))
        .await?;
    ensure!(
        app.as_deref() == Some("running"),
        "/{path} at {width}px: the app did not start over the page ({app:?})"
    );
    ensure!(
        errors.is_empty(),
        "/{path} at {width}px: errors: {errors:?}"
    );
    Ok((still, live))
}

/// The first place two summaries part, with some context either side.
fn first_difference(served: &str, live: &str) -> String {
    let at = served
        .char_indices()
        .zip(live.chars())
        .find(|((_, a), b)| a != b)
        .map_or(served.len().min(live.len()), |((i, _), _)| i);
    let around = |text: &str| {
        let start = text.floor_char_boundary(at.saturating_sub(80));
        let end = text.ceil_char_boundary((at + 80).min(text.len()));
        text[start..end].to_string()
    };
    format!(
        "\n  served: …{}…\n  app:    …{}…",
        around(served),
        around(live)
    )
}

/// Every route arrives as a real page prerendered by the app's own components: fetched
/// without running scripts it has its `h1`, title, description and its text; and the app
/// mounts over it with no visible change — the same title, description, text, anchors, link
/// targets, elements and classes, and every box in the same place (at 375 px for every route,
/// at 1280 px for a sample), with no console error.
/// Two deliberate differences: "Page not found" (one 404.html for every unknown path) names
/// the path once the app runs, which may take a line more; and the diagram page's list (its
/// form without JavaScript) becomes the drawing.
pub async fn every_route_is_prerendered_and_the_app_mounts_over_it_unchanged(
    page: &Page,
) -> TestResult {
    page.open_frame_host().await?;
    let mut visits: Vec<(String, u32)> = every_path().into_iter().map(|p| (p, 375)).collect();
    visits.push(("no/such/page".to_string(), 375));
    for path in [
        "",
        "chapters/databases",
        "quiz",
        "quiz/apis",
        "progress",
        "no/such/page",
    ] {
        visits.push((path.to_string(), 1280));
    }
    for (path, width) in visits {
        let (served, live) = served_and_mounted(page, &path, width).await?;
        let text = served["text"].as_str().unwrap_or_default();
        ensure!(
            served["h1"].as_str().is_some_and(|h| !h.is_empty())
                && served["title"].as_str().is_some_and(|t| !t.is_empty())
                && served["description"].as_str().is_some_and(|d| d.len() > 40)
                && text.len() > 300,
            "/{path}: the served page lacks its h1, title, description or text: {served}"
        );
        let not_found = path == "no/such/page";
        let drawn = path == "diagram";
        let mut keys = vec!["title", "description", "h1"];
        if !not_found && !drawn {
            keys.extend(["text", "ids", "links", "structure", "boxes"]);
        }
        for key in keys {
            let (served, live) = (served[key].to_string(), live[key].to_string());
            ensure!(
                served == live,
                "/{path} at {width}px: the prerendered {key} differs from the app's{}",
                first_difference(&served, &live)
            );
        }
    }
    Ok(())
}

/// Without JavaScript (a frame that runs no scripts) every route reads as a page: its heading
/// and text, working links, and no control that would do nothing (the app's buttons, fields
/// and menus are hidden; the chapter list is shown).
pub async fn without_javascript_every_page_reads_and_offers_no_dead_controls(
    page: &Page,
) -> TestResult {
    page.open_frame_host().await?;
    let mut paths = every_path();
    paths.push("no/such/page".to_string());
    for path in paths {
        let (h1, text, links, dead): (String, usize, Vec<String>, Vec<String>) = page
            .js(&format!(
                r#"return new Promise(done => {{
                    const f = document.createElement('iframe');
                    f.sandbox = 'allow-same-origin';
                    f.style.cssText = 'position: fixed; top: 0; left: 0; width: 375px; height: 800px; border: 0';
                    f.onload = () => {{
                        const doc = f.contentDocument, main = doc.querySelector('#app main');
                        const shown = e => e.getClientRects().length > 0;
                        done([
                            main?.querySelector('h1')?.textContent.trim() ?? '',
                            (main?.textContent ?? '').replace(/\s+/g, ' ').trim().length,
                            [...doc.querySelectorAll('#app a[href]')].filter(shown).map(a => a.href),
                            [...doc.querySelectorAll('#app button, #app select, #app input, #app textarea')].filter(shown)
                                .map(e => e.tagName.toLowerCase() + '.' + e.className + '#' + e.id),
                        ]);
                        f.remove();
                    }};
                    f.src = {};
                    document.body.append(f);
                }});"#,
                js_string(&format!("{}{path}", page.site_url))
            ))
            .await?;
        ensure!(
            !h1.is_empty() && text > 300,
            "/{path} without JavaScript: heading “{h1}”, {text} characters"
        );
        let site = page.site_url.as_str();
        let chapters = chapters().len();
        ensure!(
            links.len() > chapters
                && links
                    .iter()
                    .all(|l| l.starts_with(site) || l.starts_with("https://")),
            "/{path} without JavaScript: links {links:?}"
        );
        ensure!(
            dead.is_empty(),
            "/{path} without JavaScript offers controls that do nothing: {dead:?}"
        );
    }
    Ok(())
}

/// Real pages answer 200 (GitHub Pages serves `/x` from the `x.html` shell copy written at
/// build time), so links to chapters are not 404s for search engines; unknown paths are 404.
pub async fn every_route_is_a_real_page_and_unknown_paths_are_404(page: &Page) -> TestResult {
    page.open("").await?;
    let paths = every_path();
    let statuses: Vec<(String, u16)> = page
        .js(&format!(
            "return Promise.all({}.map(p => fetch(p, {{ cache: 'no-store' }}).then(r => [p, r.status])));",
            serde_json::to_string(&paths).map_err(|e| e.to_string())?
        ))
        .await?;
    let wrong: Vec<&(String, u16)> = statuses.iter().filter(|(_, s)| *s != 200).collect();
    ensure!(wrong.is_empty(), "routes not answered with 200: {wrong:?}");
    let unknown: Vec<u16> = page
        .js("return Promise.all(['no/such/page', 'chapters/no-such-chapter', 'quiz/nope'].map(p => fetch(p, { cache: 'no-store' }).then(r => r.status)));")
        .await?;
    ensure!(unknown == [404, 404, 404], "unknown paths: {unknown:?}");
    Ok(())
}

/// Loads `path` into a frame `width` CSS pixels wide (exactly that wide in every engine,
/// whatever window sizes it allows), waits for the app's view there, runs `then` in the frame
/// (a function body; `doc` is its document), optionally sets the root font size (text zoom),
/// and returns how far the frame's page scrolls sideways, with the elements that stick out.
async fn sideways_in_frame(
    page: &Page,
    path: &str,
    width: u32,
    text_percent: u32,
    then: &str,
) -> TestResult<(f64, Vec<String>)> {
    page.js::<Value>(&format!(
        "return new Promise(done => {{ \
           let f = document.getElementById('reflow'); \
           if (!f) {{ f = document.createElement('iframe'); f.id = 'reflow'; f.title = 'reflow'; document.body.append(f); }} \
           f.style.cssText = 'position: fixed; top: 0; left: 0; height: 700px; border: 0; z-index: 2000; width: {width}px'; \
           f.onload = () => done(null); \
           f.src = {}; }});",
        js_string(&format!("{}{path}", page.site_url))
    ))
    .await?;
    let frame = "document.getElementById('reflow').contentDocument";
    page.wait_for(
        &format!(
            "{frame}?.querySelector('#app:not([data-prerendered]) .site-body main h1') && !{frame}.querySelector('.chapter__loading')"
        ),
        &format!("/{path} in a {width}px frame"),
    )
    .await?;
    page.js::<Value>(&format!(
        "return (async doc => {{ {then} }})({frame}).then(() => null);"
    ))
    .await?;
    page.js(&format!(
        "const doc = {frame}, root = doc.documentElement; \
         const text = () => parseFloat(doc.defaultView.getComputedStyle(doc.querySelector('main p') ?? doc.body).fontSize); \
         const before = text(); \
         root.style.fontSize = '{text_percent}%'; \
         return new Promise(done => requestAnimationFrame(() => requestAnimationFrame(() => {{ \
           const width = root.clientWidth; \
           const clipped = e => {{ for (let a = e.parentElement; a; a = a.parentElement) {{ const o = doc.defaultView.getComputedStyle(a).overflowX; if (o !== 'visible') return true; }} return false; }}; \
           const out = [...doc.querySelectorAll('body *')] \
             .filter(e => e.getBoundingClientRect().right > width + 0.5 && e.getClientRects().length && !clipped(e)) \
             .slice(0, 6).map(e => e.tagName.toLowerCase() + '.' + String(e.className.baseVal ?? e.className).split(' ').join('.')); \
           done([root.scrollWidth - width, out, doc.defaultView.__guideErrors.concat(doc.defaultView.__guideCspViolations), text() / before]); }})));"
    ))
    .await
    .and_then(
        |(over, out, errors, zoomed): (f64, Vec<String>, Vec<String>, f64)| {
            ensure!(errors.is_empty(), "/{path}: errors in the frame: {errors:?}");
            let wanted = f64::from(text_percent) / 100.0;
            let as_wanted = (zoomed - wanted).abs() < 0.05;
            ensure!(
                as_wanted,
                "/{path}: the text is zoomed {zoomed}×, not {wanted}×"
            );
            Ok((over, out))
        },
    )
}

/// Every route, and the states that change a page's width: every page of the route list (the
/// progress page and the databases quiz with results on them), the diagram as a list and as a
/// drawing, a question of the whole-guide quiz, and a path that does not exist.
pub async fn no_route_scrolls_sideways_at_320px_or_with_text_at_200_percent(
    page: &Page,
) -> TestResult {
    page.open_frame_host().await?;
    // Every page as it opens, then the states that change a width.
    let mut pages: Vec<(String, &str)> = every_path().into_iter().map(|p| (p, "")).collect();
    pages.extend([
        (
            "diagram".to_string(),
            "doc.querySelector('.list-toggle').click(); \
             await new Promise(r => setTimeout(r, 100));",
        ),
        (
            "quiz/guide".to_string(),
            "doc.getElementById('quiz-start').click(); \
             await new Promise(r => setTimeout(r, 100));",
        ),
        ("no/such/page".to_string(), ""),
    ]);
    let mut wide = Vec::new();
    for (width, text) in [(320, 100), (1280, 200)] {
        // Results to show (the databases quiz finished), on the progress page too: stored
        // with no app in the frame to merge its own attempt back in.
        page.js::<Value>(&format!(
            "document.getElementById('reflow')?.remove(); \
             localStorage.setItem('backend-guide:progress', {}); return null;",
            js_string(&finished_quiz())
        ))
        .await?;
        for (path, then) in &pages {
            let (over, out) = sideways_in_frame(page, path, width, text, then).await?;
            if over > 0.5 {
                wide.push(format!(
                    "/{path} at {width}px, text {text}%{}: {over}px {out:?}",
                    if then.is_empty() {
                        ""
                    } else {
                        " (after a click)"
                    }
                ));
            }
        }
    }
    ensure!(
        wide.is_empty(),
        "pages scroll sideways:\n{}",
        wide.join("\n")
    );
    page.open("").await
}

/// Stored progress with a finished `databases` quiz (the results page, its table) and a best
/// score and history (the progress page's quiz section).
fn finished_quiz() -> String {
    let questions = crate::quiz::databases_questions();
    let items: Vec<Value> = questions
        .iter()
        .map(|(id, n)| serde_json::json!({ "question": id, "options": (0..*n).collect::<Vec<_>>(), "answer": [0] }))
        .collect();
    let total = items.len();
    serde_json::json!({
        "format": "backend-guide/progress", "version": 1,
        "progress": {
            "chapters": { "databases": { "read_at": 5 } },
            "quiz": {
                "best_scores": { "databases": { "correct": 1, "total": total, "points": 100, "at": 9 } },
                "history": [{ "at": 9, "quiz": "databases", "correct": 1, "total": total, "points": 100 }],
                "attempt": { "quiz": "databases", "seed": 1, "started_at": 1, "updated_at": 9,
                             "current": total, "finished_at": 9, "items": items }
            }
        }
    })
    .to_string()
}
