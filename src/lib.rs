//! The Backend Guide: a Leptos (CSR) app. See ARCHITECTURE.md for the map.
//!
//! Plain-Rust domain modules (`content`, `routes`, `theme`, `progress::{model, codec}`) hold no web-sys calls and are
//! tested on the host; `app`, `ui` and `pages` are thin views over them.

pub mod app;
pub mod content;
pub mod diagram;
pub mod fatal_error;
pub mod pages;
pub mod progress;
pub mod quiz;
pub mod routes;
pub mod storage;
pub mod theme;
pub mod ui;

/// Installs the panic handler and mounts the app into `#app`, replacing what the page showed
/// until now: the loading screen, or the prerendered view (`data-prerendered`, same markup),
/// keeping the reader's scroll position in it.
pub fn start() {
    fatal_error::install_panic_hook();
    let document = leptos::prelude::document();
    let Some(root) = document.get_element_by_id("app") else {
        leptos::mount::mount_to_body(app::App);
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

fn mount(root: web_sys::HtmlElement) {
    let window = leptos::prelude::window();
    let scrolled = window.scroll_y().unwrap_or(0.0);
    pages::chapter_body::keep_prerendered_body();
    root.set_inner_html("");
    let _ = root.remove_attribute("data-prerendered");
    leptos::mount::mount_to(root, app::App).forget();
    if scrolled > 0.0 {
        window.scroll_to_with_x_and_y(0.0, scrolled);
    }
}
