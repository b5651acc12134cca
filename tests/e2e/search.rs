//! Search: the header's field finds sections by a word's other form, a typo and a synonym, by
//! keyboard alone, with the server gone too.

use fantoccini::key::Key;
use serde_json::Value;

use crate::ensure;
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

pub async fn search_finds_sections_by_keyboard_by_another_form_a_typo_and_a_synonym(
    page: &Page,
) -> TestResult {
    page.open("chapters/what-is-backend").await?;
    page.wait_for_view().await?;
    page.js::<Value>("document.body.focus(); return null;")
        .await?;
    page.press(Key::Escape).await?;
    page.type_text("/").await?;
    let focused = page.focused().await?;
    ensure!(
        focused.starts_with("input#site-search-input"),
        "“/” did not focus the search field: {focused}"
    );
    for (query, wanted) in [
        ("caching", "how-the-web-works#caching"),
        ("databse", "databases#"),
        ("idempo", "apis#idempotency"),
    ] {
        let found = search_for(page, query).await?;
        ensure!(
            found.first().is_some_and(|h| h.starts_with(wanted)),
            "“{query}”: the first hit is not {wanted}: {found:?}"
        );
    }
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

    // Arrow keys choose, Enter opens the chosen section.
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
        .await?;

    // Escape closes the popup and keeps the field.
    page.js::<Value>("document.getElementById('site-search-input').focus(); return null;")
        .await?;
    search_for(page, "cookie").await?;
    page.press(Key::Escape).await?;
    let hidden: bool = page
        .js("return document.querySelector('.site-search__popup').hidden;")
        .await?;
    ensure!(hidden, "Escape did not close the results");
    Ok(())
}
