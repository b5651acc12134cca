//! Per-view `<title>` (leptos_meta) and `<meta name="description">`.

use leptos::prelude::*;
use leptos_meta::Title;

pub const SITE_NAME: &str = "The Backend Guide";

/// Sets the document title to "`title` · The Backend Guide" (or the site name alone for
/// `None`) and the page description, which `index.html` ships statically for the first paint.
#[component]
pub fn PageMeta(title: Option<String>, description: String) -> impl IntoView {
    let text = match title {
        Some(title) => format!("{title} · {SITE_NAME}"),
        None => format!("{SITE_NAME}: what backend developers do, and how to become one"),
    };
    set_description(&description);
    view! { <Title text=text /> }
}

fn set_description(description: &str) {
    let meta = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector("meta[name='description']").ok().flatten());
    if let Some(meta) = meta {
        let _ = meta.set_attribute("content", description);
    }
}
