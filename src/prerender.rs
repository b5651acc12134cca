//! Build time only (feature `ssr`): the app's own components rendered to HTML, natively, for
//! every route — the pages a first visit paints before the wasm has loaded, and what a reader
//! without JavaScript gets. `src/bin/prerender.rs` writes them into the built site.
//!
//! Each page renders as a first-time reader sees it: nothing stored, no window (see
//! [`crate::PRERENDERING`]); the app mounts over it in the browser.

use leptos::prelude::*;
use leptos_meta::ServerMetaContext;
use leptos_router::location::RequestUrl;

use crate::app::App;
use crate::content::Chapter;
use crate::routes::{router_base, set_base_path, with_base};
use crate::ui::page_meta::PageHead;

/// One rendered page: its `<title>`, meta description and the inside of `<div id="app">`.
pub struct RenderedPage {
    pub title: String,
    pub description: String,
    pub app: String,
}

/// Prepares rendering: the site's public URL (`/backend-guide/`) as the router base, and each
/// chapter's body HTML (built from `content/` by the pipeline), which the chapter view shows.
pub fn set_up(public_url: &str, bodies: impl IntoIterator<Item = (&'static Chapter, String)>) {
    set_base_path(public_url);
    for (chapter, html) in bodies {
        crate::pages::chapter_body::remember(chapter, html);
    }
    // Ignored if already set up: rendering is synchronous, no task ever waits on it.
    let _ = any_spawner::Executor::init_futures_executor();
}

/// Renders the app at `path` (below the base, e.g. `/chapters/apis`; any unknown path gives
/// the "Page not found" view).
pub fn render(path: &str) -> RenderedPage {
    let owner = Owner::new_root(None);
    let page = owner.with(|| {
        provide_context(RequestUrl::new(&with_base(&router_base(), path)));
        let (meta, _output) = ServerMetaContext::new();
        provide_context(meta);
        let head = PageHead::default();
        provide_context(head.clone());
        let app = view! { <App /> }.to_html();
        let (title, description) = head.get();
        RenderedPage {
            title,
            description,
            app,
        }
    });
    owner.unset();
    page
}
