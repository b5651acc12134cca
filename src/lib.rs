//! The Backend Guide: a Leptos (CSR) app. See ARCHITECTURE.md for the map.
//!
//! Plain-Rust domain modules (`content`, `routes`, `theme`, `progress::{model, codec}`) hold no web-sys calls and are
//! tested on the host; `app`, `ui` and `pages` are thin views over them.

pub mod app;
pub mod chunks;
pub mod clock;
pub mod content;
pub mod diagram;
pub mod fatal_error;
pub mod json;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod prerender;
pub mod progress;
pub mod quiz;
pub mod routes;
pub mod search_index;
pub mod storage;
pub mod theme;
pub mod ui;
pub mod words;

/// The site's name: in the header, the footer, every page title and the descriptions.
pub const SITE_NAME: &str = "The Backend Guide";

/// Whether this is the build-time prerenderer (feature `ssr`, natively) rather than the app in
/// a browser: there is no window, document, storage or clock then, and every view renders as a
/// first-time reader sees it.
pub const PRERENDERING: bool = cfg!(feature = "ssr");

/// Installs the panic handler and mounts the app into `#app`, replacing what the page showed
/// until now: the loading screen, or the prerendered view (`data-prerendered`, same markup),
/// keeping the reader's scroll position in it.
pub fn start() {
    fatal_error::install_panic_hook();
    chunks::preload_on_intent();
    // A page whose code is in a chunk (the quiz, the diagram, the progress page) waits for it,
    // so the app draws the same page as the prerendered one; a chunk that cannot load is shown
    // by the page itself (a message and "Try again").
    match current_chunk() {
        Some(chunk) => wasm_bindgen_futures::spawn_local(async move {
            let _ = chunk.load().await;
            start_mounting();
        }),
        None => start_mounting(),
    }
}

/// The chunk the page at the window's URL needs, if any.
fn current_chunk() -> Option<chunks::Chunk> {
    let path = leptos::prelude::window().location().pathname().ok()?;
    chunks::Chunk::for_path(path.strip_prefix(&routes::router_base())?)
}

fn start_mounting() {
    let document = leptos::prelude::document();
    let Some(root) = document.get_element_by_id("app") else {
        leptos::mount::mount_to_body(app::App);
        mark_running();
        return;
    };
    use wasm_bindgen::JsCast;
    let root: web_sys::HtmlElement = root.unchecked_into();
    if root.has_attribute("data-prerendered") {
        // Let the browser present the prerendered page before its nodes are replaced: a paint
        // whose nodes are gone before it was presented does not count as the page's largest
        // contentful paint, and the reader already sees the same text anyway.
        leptos::prelude::request_animation_frame(move || {
            leptos::prelude::request_animation_frame(move || mount(root))
        });
    } else {
        mount(root);
    }
}

/// Draws the app off the page, into an empty copy of `#app`, and only then puts it in the
/// page's place: if drawing fails (a panic, a trap, a DOM call that throws), the reader keeps
/// the page as it arrived, and `index.html` adds a note (see `fatal_error`).
fn mount(root: web_sys::HtmlElement) {
    use wasm_bindgen::JsCast;
    let window = leptos::prelude::window();
    let scrolled = window.scroll_y().unwrap_or(0.0);
    pages::chapter_body::keep_prerendered_body();
    let Some(next) = root
        .clone_node()
        .ok()
        .and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        fatal_error::report("the page could not be copied to mount the app");
        return;
    };
    let _ = next.remove_attribute("data-prerendered");
    leptos::mount::mount_to(next.clone(), app::App).forget();
    if root.replace_with_with_node_1(&next).is_err() {
        fatal_error::report("the app could not take the page's place");
        return;
    }
    mark_running();
    if scrolled > 0.0 {
        window.scroll_to_with_x_and_y(0.0, scrolled);
    }
}

/// `<html data-app="running">`: from now on a failure shows the error panel (`index.html`).
fn mark_running() {
    if let Some(html) = leptos::prelude::document().document_element() {
        let _ = html.set_attribute("data-app", "running");
    }
}
