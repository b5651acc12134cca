//! A chapter's body. The wasm holds no chapter text: the body is HTML written at build time
//! (`guide_content::pipeline::html::chapter_body`), the same for the prerendered chapter page
//! and for `chapter-bodies/<id>.html`, which the service worker precaches.
//!
//! - First load of a chapter page: the prerendered body is kept before the app mounts
//!   ([`keep_prerendered_body`]), so the chapter shows at once, without a request.
//! - Any other chapter: fetched, with "Loading the chapter…" meanwhile and, if it fails (offline
//!   before the service worker had the files, a server error), a message and "Try again".
//! - Bodies seen once stay in memory for the visit (back and forward are instant).
//!
//! The diagram embedded in a chapter arrives as a placeholder (`[data-embed=diagram]`, a note
//! and a link) that the explorer replaces, in the page's reactive owner (progress store and all).
//!
//! The code blocks' Copy buttons are in the body's HTML; one click listener on the body copies
//! the block's code without what is marked `nocopy` (line-note numbers, a console's prompts and
//! output) and says "Copied" in the block's status (a polite live region beside the button).

use std::cell::RefCell;
use std::collections::HashMap;

use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::content::{self, Chapter};
use crate::diagram::view::DiagramEmbed;
use crate::routes::{href, Page};
use crate::ui::navigation_focus::reveal_section;

thread_local! {
    static BODIES: RefCell<HashMap<&'static str, String>> = RefCell::new(HashMap::new());
}

/// Keeps the prerendered chapter body of the page as it loaded (call before the app mounts
/// over it).
pub fn keep_prerendered_body() {
    let Some(body) = document()
        .query_selector(".chapter__body[data-chapter]")
        .ok()
        .flatten()
    else {
        return;
    };
    let id = body.get_attribute("data-chapter").unwrap_or_default();
    if let Some(chapter) = content::chapter(&id) {
        BODIES.with(|bodies| bodies.borrow_mut().insert(chapter.id, body.inner_html()));
    }
}

/// Gives a chapter's body to the view ahead of time (the prerenderer, which has no network).
pub fn remember(chapter: &'static Chapter, html: String) {
    BODIES.with(|bodies| bodies.borrow_mut().insert(chapter.id, html));
}

fn remembered(id: &str) -> Option<String> {
    BODIES.with(|bodies| bodies.borrow().get(id).cloned())
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Body {
    Loading,
    Ready(String),
    Failed,
}

#[component]
pub fn ChapterBody(chapter: &'static Chapter) -> impl IntoView {
    let body = RwSignal::new(remembered(chapter.id).map_or(Body::Loading, Body::Ready));
    let arrived_later = body.with_untracked(|b| *b == Body::Loading);
    let load = move || {
        body.set(Body::Loading);
        leptos::task::spawn_local(async move {
            let loaded = fetch_body(chapter.id).await;
            if let Some(html) = &loaded {
                BODIES.with(|bodies| bodies.borrow_mut().insert(chapter.id, html.clone()));
            }
            // The reader may have moved on: the signal is gone with the view then.
            let _ = body.try_set(loaded.map_or(Body::Failed, Body::Ready));
        });
    };
    if arrived_later {
        load();
    }

    let container = NodeRef::<html::Div>::new();
    // Once the body is on the page, the explorer goes into its placeholder: a step out to the
    // DOM (as `Portal` takes it), with no signal in between.
    Effect::new(move |_| {
        if !body.with(|b| matches!(b, Body::Ready(_))) {
            return;
        }
        let Some(container) = container.get() else {
            return;
        };
        if let Ok(Some(slot)) = container.query_selector("[data-embed=diagram]") {
            slot.set_inner_html("");
            mount_diagram(&slot, chapter.id);
        }
        if arrived_later {
            // The router looked for `#section` before it existed.
            reveal_section();
        }
    });

    view! {
        <div
            class="chapter__body"
            data-chapter=chapter.id
            node_ref=container
            on:click=copy_on_click
            inner_html=move || match body.get() {
                Body::Ready(html) => html,
                _ => String::new(),
            }
        ></div>
        {move || body.with(|b| match b {
            Body::Loading => Some(
                view! { <p class="chapter__loading" role="status">"Loading the chapter…"</p> }
                    .into_any(),
            ),
            Body::Failed => Some(
                view! {
                    <div class="chapter__load-error" role="alert">
                        <p>
                            "This chapter could not be loaded. Check your connection and try again; everything you have done so far is kept."
                        </p>
                        <button type="button" class="button" on:click=move |_| load()>
                            "Try again"
                        </button>
                    </div>
                }
                    .into_any(),
            ),
            Body::Ready(_) => None,
        })}
    }
}

/// A click in the body: on a code block's Copy button, copies its code.
fn copy_on_click(event: web_sys::MouseEvent) {
    let Some(button) = event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|t| t.closest(".code-block__copy").ok().flatten())
    else {
        return;
    };
    let Some(figure) = button.closest(".code-block").ok().flatten() else {
        return;
    };
    let (Ok(Some(code)), Ok(Some(status))) = (
        figure.query_selector("pre code"),
        figure.query_selector(".code-block__status"),
    ) else {
        return;
    };
    let text = copy_text(&code);
    status.set_text_content(None);
    let show = move |copied: bool| {
        status.set_text_content(Some(if copied {
            "Copied"
        } else {
            "Could not copy: select the code and copy it"
        }));
        let status = status.clone();
        set_timeout(
            move || status.set_text_content(None),
            std::time::Duration::from_secs(4),
        );
    };
    match clipboard() {
        Some(clipboard) => leptos::task::spawn_local(async move {
            let copied = JsFuture::from(clipboard.write_text(&text)).await.is_ok()
                || copy_by_selection(&text, &button);
            show(copied);
        }),
        None => show(copy_by_selection(&text, &button)),
    }
}

/// The code as a reader copies it: its text without the parts marked `nocopy`, and without
/// the last line break.
fn copy_text(code: &web_sys::Element) -> String {
    let Ok(copy) = code.clone_node_with_deep(true) else {
        return String::new();
    };
    let copy: web_sys::Element = copy.unchecked_into();
    if let Ok(skipped) = copy.query_selector_all(".nocopy") {
        for i in 0..skipped.length() {
            if let Some(node) = skipped.item(i) {
                node.unchecked_into::<web_sys::Element>().remove();
            }
        }
    }
    let text = copy.text_content().unwrap_or_default();
    text.strip_suffix('\n').unwrap_or(&text).to_string()
}

/// `navigator.clipboard`, where the browser has it (secure contexts only).
fn clipboard() -> Option<web_sys::Clipboard> {
    let navigator = window().navigator();
    js_sys::Reflect::get(&navigator, &"clipboard".into())
        .ok()
        .filter(|c| !c.is_undefined() && !c.is_null())
        .map(|_| navigator.clipboard())
}

/// The older way: the text selected in a hidden text area and `execCommand("copy")`; the
/// focus goes back to the button.
fn copy_by_selection(text: &str, button: &web_sys::Element) -> bool {
    let document = document();
    let Some(area) = document
        .create_element("textarea")
        .ok()
        .and_then(|a| a.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
    else {
        return false;
    };
    area.set_value(text);
    area.set_class_name("copy-buffer");
    let _ = area.set_attribute("readonly", "");
    let _ = area.set_attribute("aria-hidden", "true");
    if button.after_with_node_1(&area).is_err() {
        return false;
    }
    area.select();
    let copied = document
        .unchecked_ref::<web_sys::HtmlDocument>()
        .exec_command("copy")
        .unwrap_or(false);
    area.remove();
    if let Some(button) = button.dyn_ref::<web_sys::HtmlElement>() {
        let _ = button.focus();
    }
    copied
}

/// Mounts the explorer into the body's placeholder, inside a `<div>` as `Portal` did (same
/// markup), in this view's reactive owner (the progress store and all). Unmounted when the
/// effect runs again or the chapter goes.
fn mount_diagram(slot: &web_sys::Element, chapter_id: &'static str) {
    let Ok(wrapper) = document().create_element("div") else {
        return;
    };
    if slot.append_child(&wrapper).is_err() {
        return;
    }
    let handle = leptos::mount::mount_to(wrapper.unchecked_into(), move || {
        view! {
            <DiagramEmbed chapter=chapter_id />
            <p class="embed__more">
                <a href=href(Page::Diagram)>"Open the full diagram"</a>
            </p>
        }
    });
    // Dropping the handle unmounts the explorer and disposes of its owner.
    let handle = StoredValue::new_local(Some(handle));
    on_cleanup(move || handle.update_value(|h| drop(h.take())));
}

/// `chapter-bodies/<id>.html` (relative to the document's base), or `None` on any failure.
async fn fetch_body(id: &str) -> Option<String> {
    let url = format!("chapter-bodies/{id}.html");
    let response = JsFuture::from(window().fetch_with_str(&url)).await.ok()?;
    let response: web_sys::Response = response.dyn_into().ok()?;
    if !response.ok() {
        return None;
    }
    let text = JsFuture::from(response.text().ok()?).await.ok()?;
    text.as_string()
}
