//! Per-view `<title>` (leptos_meta) and `<meta name="description">`.

use std::sync::{Arc, Mutex};

use leptos::prelude::*;
use leptos_meta::Title;

pub use crate::SITE_NAME;

/// Where a view's title and description go when there is no document: the prerenderer
/// provides one per page and puts what it holds into the page's `<head>`.
#[derive(Clone, Default)]
pub struct PageHead(Arc<Mutex<(String, String)>>);

impl PageHead {
    /// The title and description the view set (empty if it set none).
    pub fn get(&self) -> (String, String) {
        self.0.lock().map(|head| head.clone()).unwrap_or_default()
    }

    fn set(&self, title: &str, description: &str) {
        if let Ok(mut head) = self.0.lock() {
            *head = (title.to_string(), description.to_string());
        }
    }
}

/// Sets the document title to "`title` · The Backend Guide" (or the site name alone for
/// `None`) and the page description, which `index.html` ships statically for the first paint.
#[component]
pub fn PageMeta(title: Option<String>, description: String) -> impl IntoView {
    let text = match title {
        Some(title) => format!("{title} · {SITE_NAME}"),
        None => format!("{SITE_NAME}: what backend developers do, and how to become one"),
    };
    match use_context::<PageHead>() {
        Some(head) => head.set(&text, &description),
        None => set_description(&description),
    }
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
