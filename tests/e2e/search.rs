//! Search: the header's field finds sections by a word's other form, a typo and a synonym, by
//! keyboard alone, with the server gone too.

use fantoccini::key::Key;
use serde_json::Value;

use crate::audit::{axe_violations, use_scheme};
use crate::ensure;
use crate::offline::{on, serve, server_answers, wait_for_service_worker};
use crate::page::{js_string, Page, TestResult};

/// The popup's hits as `path#anchor` links, in order.
async fn hits(page: &Page) -> TestResult<Vec<String>> {
    page.js(
        "return [...document.querySelectorAll('#site-search-results [role=option]')]\
           .map(a => new URL(a.href).pathname.replace(/^.*\\/chapters\\//, '') + new URL(a.href).hash);",
    )
    .await
}

/// Types `query` into the focused field and waits for its hits (the index may still be loading).
async fn search_for(page: &Page, query: &str) -> TestResult<Vec<String>> {
    page.js::<Value>(
        "const f = document.getElementById('site-search-input'); f.select(); return null;",
    )
    .await?;
    page.type_text(query).await?;
    page.wait_for(
        &format!(
            "document.getElementById('site-search-status')?.textContent.includes({})",
            js_string(&format!("for “{query}”"))
        ),
        &format!("the search to answer “{query}”"),
    )
    .await?;
    hits(page).await
}

/// A reader who has visited once searches with the server gone: `/` focuses the field, a word's
/// other form ("caching"), a typo ("databse"), a glossary synonym ("auth") and an unfinished
/// word ("idempo") each find their section first; the status counts the hits; the arrow keys
/// choose and Enter opens; Escape closes the hits.
pub async fn search_finds_sections_by_keyboard_by_another_form_a_typo_and_a_synonym(
    page: &Page,
) -> TestResult {
    let server = serve(&page.site_dir)?;
    let site = on(page, &server);
    site.open("").await?;
    wait_for_service_worker(&site).await?;
    drop(server);
    ensure!(
        !server_answers(&site).await?,
        "the server still answers after it was stopped"
    );
    site.open("chapters/what-is-backend").await?;
    site.wait_for_view().await?;
    site.js::<Value>("document.body.focus(); return null;")
        .await?;
    site.press(Key::Escape).await?;
    site.type_text("/").await?;
    site.wait_for(
        "document.activeElement?.id === 'site-search-input'",
        "“/” to focus the search field",
    )
    .await?;
    for (query, wanted) in [
        ("caching", "how-the-web-works#caching"),
        ("databse", "databases#"),
        ("auth", "security#authentication-and-authorisation"),
        ("idempo", "apis#idempotency"),
    ] {
        let found = search_for(&site, query).await?;
        ensure!(
            found.first().is_some_and(|h| h.starts_with(wanted)),
            "“{query}”: the first hit is not {wanted}: {found:?}"
        );
    }
    ensure_announced(&site).await?;
    open_the_first_hit_by_keyboard(&site).await?;

    // Escape closes the popup and keeps the field.
    site.js::<Value>("document.getElementById('site-search-input').focus(); return null;")
        .await?;
    search_for(&site, "cookie").await?;
    site.press(Key::Escape).await?;
    let hidden: bool = site
        .js("return document.querySelector('.site-search__popup').hidden;")
        .await?;
    ensure!(hidden, "Escape did not close the results");
    Ok(())
}

/// The status line (a live region the field points to) counts the hits, and the combobox says
/// it is expanded.
async fn ensure_announced(page: &Page) -> TestResult {
    let status: String = page
        .js("return document.getElementById('site-search-status').textContent;")
        .await?;
    ensure!(
        status.contains(" results for ") || status.contains("1 result for "),
        "the status does not count the results: {status}"
    );
    let expanded: String = page
        .js("return document.getElementById('site-search-input').getAttribute('aria-expanded');")
        .await?;
    ensure!(
        expanded == "true",
        "the combobox is not expanded: {expanded}"
    );
    Ok(())
}

/// ArrowDown chooses the first hit (the field's active descendant), Enter opens it.
async fn open_the_first_hit_by_keyboard(page: &Page) -> TestResult {
    page.press(Key::Down).await?;
    let active: String = page
        .js("const f = document.getElementById('site-search-input'); \
             const a = document.getElementById(f.getAttribute('aria-activedescendant')); \
             return a && a.getAttribute('aria-selected') === 'true' ? a.href : '';")
        .await?;
    ensure!(
        active.contains("/chapters/apis#idempotency"),
        "ArrowDown chose {active:?}"
    );
    page.press(Key::Enter).await?;
    page.wait_for(
        "location.pathname.endsWith('/chapters/apis') && location.hash === '#idempotency'",
        "Enter to open the chosen section",
    )
    .await?;
    page.wait_for_h1("APIs: how programs talk to the backend")
        .await
}

/// On a phone (320 and 375 px) the header keeps one row: the site's name whole, then a Search
/// button; pressing it (at 375 px) puts the field
/// over the row, the hits fit the screen without sideways scrolling, a tap on a hit opens it,
/// and Escape on the empty field closes it and gives focus back to the button.
pub async fn on_a_phone_search_opens_from_a_button_in_the_header(page: &Page) -> TestResult {
    for width in [320, 375] {
        page.set_viewport(width, 812).await?;
        page.open("chapters/what-is-backend").await?;
        page.wait_for_view().await?;
        let whole: bool = page
            .js("const n = document.querySelector('.site-title__name'); \
                 return n.scrollWidth <= n.clientWidth && n.getBoundingClientRect().right \
                   <= document.querySelector('.site-search__toggle').getBoundingClientRect().left;")
            .await?;
        let sizes: Value = page
            .js("const n = document.querySelector('.site-title__name'); \
                 return [innerWidth, n.scrollWidth, n.clientWidth, n.getBoundingClientRect().right, \
                   document.querySelector('.site-search__toggle').getBoundingClientRect().left];")
            .await?;
        ensure!(
            whole,
            "at {width} px the site's name is cut or runs under the Search button: {sizes}"
        );
    }
    let before: f64 = page
        .js("return document.querySelector('.site-header').getBoundingClientRect().height;")
        .await?;
    let field_shown =
        "return getComputedStyle(document.getElementById('site-search-input')).display !== 'none' \
        && document.getElementById('site-search-input').getBoundingClientRect().width > 150;";
    ensure!(
        !page.js::<bool>(field_shown).await?,
        "the field takes room in the phone's header before the button is pressed"
    );
    page.click(".site-search__toggle").await?;
    page.wait_for(
        "document.activeElement?.id === 'site-search-input'",
        "the Search button to open and focus the field",
    )
    .await?;
    ensure!(
        page.js::<bool>(field_shown).await?,
        "the field is not shown"
    );
    let found = search_for(page, "caching").await?;
    ensure!(
        found
            .first()
            .is_some_and(|h| h.starts_with("how-the-web-works#caching")),
        "“caching” on a phone: {found:?}"
    );
    let fits: Value = page
        .js("const p = document.querySelector('.site-search__popup').getBoundingClientRect(); \
             return {left: p.left, right: p.right, width: innerWidth, scroll: document.documentElement.scrollWidth, \
                     header: document.querySelector('.site-header').getBoundingClientRect().height};")
        .await?;
    ensure!(
        fits["left"].as_f64() >= Some(0.0)
            && fits["right"].as_f64() <= fits["width"].as_f64()
            && fits["scroll"].as_f64() <= fits["width"].as_f64()
            && fits["header"].as_f64() == Some(before),
        "the hits or the header do not fit the phone: {fits}"
    );
    page.click("#site-search-results [role=option]").await?;
    page.wait_for(
        "location.pathname.endsWith('/chapters/how-the-web-works') && location.hash === '#caching'",
        "a tap on the first hit to open its section",
    )
    .await?;
    page.click(".site-search__toggle").await?;
    page.wait_for(
        "document.activeElement?.id === 'site-search-input'",
        "the field to open again",
    )
    .await?;
    page.js::<Value>("document.getElementById('site-search-input').select(); return null;")
        .await?;
    page.press(Key::Backspace).await?;
    page.press(Key::Escape).await?;
    page.wait_for(
        "document.activeElement?.classList.contains('site-search__toggle') \
         && document.querySelector('.site-search__toggle').getAttribute('aria-expanded') === 'false'",
        "Escape on the empty field to close it and focus the Search button",
    )
    .await?;
    page.set_viewport(1280, 800).await
}

/// The search with its hits open passes axe in light and dark: on a laptop (the field in the
/// header) and on a phone (the field over the header row).
pub async fn the_open_search_passes_axe_in_light_and_dark(page: &Page) -> TestResult {
    let mut problems = Vec::new();
    for scheme in ["light", "dark"] {
        page.open("").await?;
        use_scheme(page, scheme).await?;
        for (width, height) in [(1280, 800), (375, 812)] {
            page.set_viewport(width, height).await?;
            page.open("chapters/databases").await?;
            page.wait_for_view().await?;
            let applied: String = page
                .js("return document.documentElement.dataset.theme ?? '';")
                .await?;
            ensure!(
                applied == scheme,
                "the {scheme} scheme is not applied ({applied})"
            );
            if width < 700 {
                page.click(".site-search__toggle").await?;
            } else {
                page.click("#site-search-input").await?;
            }
            page.wait_for(
                "document.activeElement?.id === 'site-search-input'",
                "the field to take focus",
            )
            .await?;
            let found = search_for(page, "cache").await?;
            ensure!(!found.is_empty(), "no hits for “cache”");
            page.press(Key::Down).await?;
            problems.extend(
                axe_violations(page)
                    .await?
                    .into_iter()
                    .map(|v| format!("{scheme} / {width}px: {v}")),
            );
        }
    }
    page.set_viewport(1280, 800).await?;
    ensure!(
        problems.is_empty(),
        "axe found:\n  {}",
        problems.join("\n  ")
    );
    Ok(())
}
