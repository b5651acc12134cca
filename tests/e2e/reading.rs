//! The reading chrome: the compact header on a phone (its Quiz link, hiding while the reader
//! scrolls down), "On this page" beside long chapters, the heading anchors, quiet saving with
//! the read toggle's own confirmation, and hints by way of input.

use fantoccini::actions::{InputSource, MouseActions, PointerAction};
use fantoccini::Locator;
use serde_json::Value;

use crate::ensure;
use crate::page::{Page, TestResult};
use crate::progress::read_to_the_end;

/// A long chapter (several thousand pixels on a laptop).
const LONG_CHAPTER: &str = "databases";

/// The header's box: `{top, bottom, height}` in viewport pixels.
const HEADER_BOX: &str =
    "(() => { const r = document.querySelector('.site-header').getBoundingClientRect(); \
     return {top: r.top, bottom: r.bottom, height: r.height}; })()";

/// Opens the long chapter in a phone-sized window and checks that the phone layout applies.
async fn open_on_a_phone(page: &Page) -> TestResult {
    page.set_viewport(375, 812).await?;
    page.open(&format!("chapters/{LONG_CHAPTER}")).await?;
    let width: f64 = page.js("return innerWidth;").await?;
    let phone_sized = width <= 640.0;
    ensure!(
        phone_sized,
        "the window is phone-sized (≤ 640 px), not {width} px wide"
    );
    Ok(())
}

/// Scrolls by `dy` pixels in steps of 100, a frame apart, as a reader's swipe does.
async fn scroll_by(page: &Page, dy: i32) -> TestResult {
    page.js::<Value>(&format!(
        "return new Promise(done => {{ let left = {dy}; const step = () => {{ \
           const by = Math.sign(left) * Math.min(100, Math.abs(left)); left -= by; \
           window.scrollBy({{top: by, behavior: 'instant'}}); \
           if (left === 0) requestAnimationFrame(() => done(null)); \
           else requestAnimationFrame(step); }}; step(); }});"
    ))
    .await?;
    Ok(())
}

pub async fn on_a_phone_the_header_is_one_compact_row_with_the_quiz(page: &Page) -> TestResult {
    open_on_a_phone(page).await?;
    let header: Value = page.js(&format!("return {HEADER_BOX};")).await?;
    let height = header["height"].as_f64().unwrap_or(f64::MAX);
    let compact = height <= 56.5;
    ensure!(
        compact,
        "the header is at most 56 px high on a phone, not {height} px"
    );
    // The Quiz link and the menu button sit in that one row, side by side.
    let row: Value = page
        .js(
            "const h = document.querySelector('.site-header').getBoundingClientRect(); \
             const quiz = [...document.querySelectorAll('.site-header a')] \
               .find(a => a.getAttribute('href').endsWith('/quiz') && a.offsetWidth > 0); \
             const menu = document.querySelector('.menu-button'); \
             const inRow = e => { const r = e.getBoundingClientRect(); \
               return r.width > 0 && r.top >= h.top && r.bottom <= h.bottom; }; \
             return {quiz: quiz ? quiz.textContent.trim() : null, quizInRow: !!quiz && inRow(quiz), \
                     menuInRow: inRow(menu)};",
        )
        .await?;
    ensure!(
        row["quiz"] == "Quiz",
        "the phone header holds a visible Quiz link: {row}"
    );
    ensure!(
        row["quizInRow"] == true && row["menuInRow"] == true,
        "the Quiz link and the menu button fit in the header's row: {row}"
    );
    // What left the header is in the menu, the theme picker with its label in sight.
    page.click(".menu-button").await?;
    page.wait_for(
        "document.querySelector('#site-nav label[for=theme-select-menu]')?.offsetWidth > 0 \
         && document.getElementById('theme-select-menu').offsetWidth > 0",
        "the menu to show the theme picker with its label",
    )
    .await?;
    let label: String = page
        .js("return document.querySelector('#site-nav label[for=theme-select-menu]').textContent;")
        .await?;
    ensure!(label == "Theme", "the picker's label reads Theme: {label}");
    Ok(())
}

pub async fn on_a_phone_the_header_hides_on_scroll_down_and_returns_on_scroll_up_or_focus(
    page: &Page,
) -> TestResult {
    open_on_a_phone(page).await?;
    let tucked = format!("{HEADER_BOX}.bottom <= 0");
    let shown = format!("{HEADER_BOX}.top === 0");
    ensure!(
        page.js::<bool>(&format!("return {shown};")).await?,
        "the header shows when the chapter opens"
    );
    scroll_by(page, 1200).await?;
    page.wait_for(&tucked, "the header to slide away while scrolling down")
        .await?;
    scroll_by(page, -200).await?;
    page.wait_for(&shown, "the header to come back on scrolling up")
        .await?;
    scroll_by(page, 600).await?;
    page.wait_for(&tucked, "the header to slide away again")
        .await?;
    // Focus entering it (Tab, Shift+Tab, a script) brings it back without scrolling.
    let before: f64 = page.js("return scrollY;").await?;
    page.js::<Value>(
        "document.querySelector('.site-header .quiz-link').focus({preventScroll: true}); return null;",
    )
    .await?;
    page.wait_for(&shown, "the header to show when focus enters it")
        .await?;
    let after: f64 = page.js("return scrollY;").await?;
    ensure!(
        (after - before).abs() < 1.0 && after > 1000.0,
        "the page stayed where it was ({before} → {after})"
    );
    Ok(())
}

/// Visible text that says "Saved" outside the chapter's end (where the reader's own marking is
/// confirmed): what a toast for an automatic save would be.
const SAVED_TOAST: &str = "[...document.querySelectorAll('body *')].filter(e => \
       !e.closest('.chapter__end') && [...e.childNodes].some(n => n.nodeType === 3 && /saved/i.test(n.textContent)) \
       && e.getClientRects().length > 0 && getComputedStyle(e).visibility === 'visible' \
       && parseFloat(getComputedStyle(e).opacity) > 0.05).map(e => e.tagName + '.' + e.className + ': ' + e.textContent.trim())";

const STORED: &str = "return localStorage.getItem('backend-guide:progress') ?? '';";

pub async fn saving_is_quiet_and_marking_read_is_confirmed_beside_a_neutral_toggle(
    page: &Page,
) -> TestResult {
    page.open(&format!("chapters/{LONG_CHAPTER}")).await?;
    // Opening the chapter was saved: nothing pops up for it.
    page.wait_for(
        "(localStorage.getItem('backend-guide:progress') || '').includes('databases')",
        "the visit to be saved",
    )
    .await?;
    let after_load: Vec<String> = page.js(&format!("return {SAVED_TOAST};")).await?;
    ensure!(
        after_load.is_empty(),
        "no Saved toast after loading: {after_load:?}"
    );
    // Scrolling saves the section reached, step by step: still nothing pops up.
    let stored_before: String = page.js(STORED).await?;
    let scrolled: Vec<String> = page
        .js(&format!(
            "return new Promise(done => {{ const seen = []; let n = 0; const step = () => {{ \
               window.scrollBy({{top: innerHeight * 0.5, behavior: 'instant'}}); \
               requestAnimationFrame(() => requestAnimationFrame(() => {{ seen.push(...{SAVED_TOAST}); \
                 if (++n < 8) step(); else done(seen); }})); }}; step(); }});"
        ))
        .await?;
    let stored_after: String = page.js(STORED).await?;
    ensure!(
        stored_after != stored_before,
        "scrolling saved the section reached (the stored progress changed)"
    );
    ensure!(
        scrolled.is_empty(),
        "no Saved toast while scrolling: {scrolled:?}"
    );

    // The toggle: neutral when unread, and just as neutral once the chapter is read.
    let style = "const b = getComputedStyle(document.querySelector('.read-toggle')); \
                 return [b.backgroundColor, b.borderTopColor, b.color];";
    let unread_style: Vec<String> = page.js(style).await?;
    read_to_the_end(page).await?;
    let read_style: Vec<String> = page.js(style).await?;
    let label: String = page
        .js("return document.querySelector('.read-toggle').textContent.trim();")
        .await?;
    ensure!(label == "Mark as unread", "the toggle offers: {label}");
    ensure!(
        read_style == unread_style,
        "\"Mark as unread\" looks like the neutral button ({unread_style:?}), not {read_style:?}"
    );
    let state: String = page
        .js("return document.querySelector('.chapter__end-status').innerText.trim();")
        .await?;
    ensure!(
        state.starts_with("✓ Read"),
        "the state shows as ✓ Read: {state}"
    );
    // Reaching the end marked it read, quietly: no confirmation for what the reader did not do.
    let confirmation = "document.querySelector('.read-confirmation').textContent";
    ensure!(
        page.js::<String>(&format!("return {confirmation};"))
            .await?
            .is_empty(),
        "no confirmation for the automatic marking"
    );

    // The reader's own marking is confirmed beside the button, in a polite status, in the flow.
    page.click(".read-toggle").await?;
    page.wait_for(
        &format!("{confirmation} === 'Marked as unread. Saved in this browser.'"),
        "the confirmation of marking it unread",
    )
    .await?;
    page.click(".read-toggle").await?;
    page.wait_for(
        &format!("{confirmation} === 'Marked as read. Saved in this browser.'"),
        "the confirmation of marking it read",
    )
    .await?;
    let placement: Value = page
        .js(
            "const c = document.querySelector('.read-confirmation'); \
             const b = document.querySelector('.read-toggle').getBoundingClientRect(); \
             const r = c.getBoundingClientRect(); const s = getComputedStyle(c); \
             return {role: c.getAttribute('role'), position: s.position, visible: r.width > 0 && s.visibility === 'visible', \
                     gap: Math.max(r.top - b.bottom, b.top - r.bottom, r.left - b.right, 0)};",
        )
        .await?;
    ensure!(
        placement["role"] == "status"
            && placement["position"] == "static"
            && placement["visible"] == true
            && placement["gap"].as_f64().unwrap_or(f64::MAX) < 40.0,
        "the confirmation is a visible status in the flow, next to the button: {placement}"
    );
    Ok(())
}

pub async fn on_a_wide_screen_on_this_page_stays_in_view_and_marks_the_section(
    page: &Page,
) -> TestResult {
    page.set_viewport(1280, 800).await?;
    page.open(&format!("chapters/{LONG_CHAPTER}")).await?;
    let width: f64 = page.js("return innerWidth;").await?;
    let laptop_sized = width >= 1216.0;
    ensure!(laptop_sized, "the window is laptop-sized, not {width} px");
    page.js::<Value>(
        "window.scrollTo({top: document.documentElement.scrollHeight / 2, behavior: 'instant'}); return null;",
    )
    .await?;
    // One more small scroll, as a reader's, after the jump.
    scroll_by(page, 100).await?;
    let toc: Value = page
        .js(
            "const t = document.querySelector('.toc').getBoundingClientRect(); \
             const text = document.querySelector('.chapter__body p').getBoundingClientRect(); \
             return {top: t.top, bottom: t.bottom, height: innerHeight, left: t.left, textRight: text.right, scrollY};",
        )
        .await?;
    let (top, bottom) = (
        toc["top"].as_f64().unwrap_or(-1.0),
        toc["bottom"].as_f64().unwrap_or(f64::MAX),
    );
    let in_view = top >= 0.0
        && bottom <= toc["height"].as_f64().unwrap_or(0.0)
        && toc["scrollY"].as_f64().unwrap_or(0.0) > 1500.0;
    ensure!(
        in_view,
        "\"On this page\" is in view halfway down the chapter: {toc}"
    );
    let beside =
        toc["left"].as_f64().unwrap_or(0.0) >= toc["textRight"].as_f64().unwrap_or(f64::MAX);
    ensure!(
        beside,
        "\"On this page\" sits beside the text, not over it: {toc}"
    );
    // The section in view is marked, for screen readers and visibly, and only that one.
    page.wait_for(
        "document.querySelectorAll('.toc [aria-current=location]').length === 1",
        "one section marked as the current location",
    )
    .await?;
    let mark: Value = page
        .js(
            "const links = [...document.querySelectorAll('.toc a')]; \
             const i = links.findIndex(a => a.getAttribute('aria-current') === 'location'); \
             const top = a => document.getElementById(a.getAttribute('href').split('#')[1]).getBoundingClientRect().top; \
             const bar = a => getComputedStyle(a, '::before'); \
             return {index: i, top: top(links[i]), next: links[i + 1] ? top(links[i + 1]) : null, \
                     fold: innerHeight * 0.35, marked: bar(links[i]).content !== 'none' && parseFloat(bar(links[i]).width) > 0, \
                     others: links.filter((_, j) => j !== i).some(a => bar(a).content !== 'none')};",
        )
        .await?;
    let fold = mark["fold"].as_f64().unwrap_or(0.0);
    ensure!(
        mark["top"].as_f64().unwrap_or(f64::MAX) <= fold
            && mark["next"].as_f64().is_none_or(|next| next > fold),
        "the marked section is the one in view: {mark}"
    );
    ensure!(
        mark["marked"] == true && mark["others"] == false,
        "the marked section has a visible mark, and only it: {mark}"
    );
    Ok(())
}

pub async fn heading_anchors_show_only_on_hover_or_keyboard_focus(page: &Page) -> TestResult {
    page.open(&format!("chapters/{LONG_CHAPTER}")).await?;
    let opacity = "parseFloat(getComputedStyle(document.querySelector('.chapter__body h2 .heading-anchor')).opacity)";
    ensure!(
        page.js::<f64>(&format!("return {opacity};")).await? == 0.0,
        "the first heading's # is hidden while nothing points at it"
    );
    let shown_anchors: usize = page
        .js("return [...document.querySelectorAll('.heading-anchor')].filter(a => parseFloat(getComputedStyle(a).opacity) > 0).length;")
        .await?;
    ensure!(
        shown_anchors == 0,
        "{shown_anchors} heading anchors show without hover or focus"
    );
    page.tab_to(".chapter__body h2 .heading-anchor", 60).await?;
    page.wait_for(
        &format!("{opacity} === 1"),
        "the # to show on keyboard focus",
    )
    .await?;

    // Hovering another heading shows its # (and only the hovered or focused ones show).
    let second = "document.querySelectorAll('.chapter__body h2')[1]";
    page.js::<Value>(&format!(
        "{second}.scrollIntoView({{block: 'center', behavior: 'instant'}}); return null;"
    ))
    .await?;
    let heading = page
        .client
        .find(Locator::Css(".chapter__body h2:nth-of-type(2)"))
        .await
        .map_err(|e| format!("no second heading: {e}"))?;
    let id: String = page.js(&format!("return {second}.id;")).await?;
    ensure!(
        heading.attr("id").await.ok().flatten().as_deref() == Some(id.as_str()),
        "the second heading found"
    );
    let hover = MouseActions::new("mouse".into()).then(PointerAction::MoveToElement {
        element: heading,
        duration: None,
        x: 0.0,
        y: 0.0,
    });
    page.client
        .perform_actions(hover)
        .await
        .map_err(|e| format!("cannot move the mouse: {e}"))?;
    page.wait_for(
        &format!(
            "parseFloat(getComputedStyle({second}.querySelector('.heading-anchor')).opacity) === 1"
        ),
        "the # of the hovered heading to show",
    )
    .await?;
    Ok(())
}

pub async fn the_keyboard_hint_shows_without_a_touch_screen(page: &Page) -> TestResult {
    page.open("diagram").await?;
    let input: Value = page
        .js(
            "return {touchOnly: matchMedia('(hover: none) and (pointer: coarse)').matches, \
                     touch: matchMedia('(any-pointer: coarse)').matches};",
        )
        .await?;
    // What can be tested here: no touch screen (headless Chromium and Firefox report no pointer
    // at all, WebKit under Xvfb a mouse). A touch screen cannot be emulated in all three.
    ensure!(
        input["touchOnly"] == false && input["touch"] == false,
        "this browser reports no touch screen: {input}"
    );
    let hint: String = page
        .js("return document.querySelector('.diagram-help').innerText;")
        .await?;
    ensure!(
        hint.contains("With the keyboard: Tab to the drawing"),
        "the keyboard hint is shown (and read): {hint}"
    );
    ensure!(
        !hint.contains("Tap "),
        "the touch hint is not shown without a touch screen: {hint}"
    );
    Ok(())
}
