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
//!
//! Glossary terms (`a.term`, marked at build time, `pipeline::terms`) are links to their
//! glossary entry; once the app runs each is a toggletip ([`enhance_terms`], the same
//! listeners on the body): a button (`role=button`, `aria-expanded`) whose definition — copied
//! from the body's `<template data-term-def>` — fills the polite live region right after it
//! (`.term-tip`, a block under the term's line that pushes the text down, never covering it).
//! It opens on hover (mouse: closes when the pointer leaves it), on a click, tap, Enter or
//! Space (stays open); Escape closes it and puts the focus back on the term; a click elsewhere
//! closes it. The `/glossary` page's body is kept or fetched the same way ([`HtmlBody`]).

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

/// Keeps the prerendered chapter body (or glossary body) of the page as it loaded (call before
/// the app mounts over it).
pub fn keep_prerendered_body() {
    let Some(body) = document()
        .query_selector(".chapter__body[data-chapter]")
        .ok()
        .flatten()
    else {
        return;
    };
    let id = body.get_attribute("data-chapter").unwrap_or_default();
    let key = match content::chapter(&id) {
        Some(chapter) => chapter.id,
        None if id == GLOSSARY_KEY => GLOSSARY_KEY,
        None => return,
    };
    remember_html(key, body.inner_html());
}

/// The glossary page's body: `chapter-bodies/_glossary.html` (no chapter id starts with `_`).
pub const GLOSSARY_KEY: &str = "_glossary";

/// Gives a chapter's body to the view ahead of time (the prerenderer, which has no network).
pub fn remember(chapter: &'static Chapter, html: String) {
    BODIES.with(|bodies| bodies.borrow_mut().insert(chapter.id, html));
}

/// Keeps a body of HTML under a key (a chapter id, or the glossary's key) for the visit.
pub fn remember_html(key: &'static str, html: String) {
    BODIES.with(|bodies| bodies.borrow_mut().insert(key, html));
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
    view! { <HtmlBody key=chapter.id what="chapter" /> }
}

/// A body of HTML written at build time (`chapter-bodies/<key>.html`): a chapter's (`key`
/// its id) or the glossary's ([`GLOSSARY_KEY`]); `what` names it in the messages.
#[component]
pub fn HtmlBody(key: &'static str, what: &'static str) -> impl IntoView {
    let body = RwSignal::new(remembered(key).map_or(Body::Loading, Body::Ready));
    let arrived_later = body.with_untracked(|b| *b == Body::Loading);
    let load = move || {
        body.set(Body::Loading);
        leptos::task::spawn_local(async move {
            let loaded = fetch_html(&format!("chapter-bodies/{key}.html")).await;
            if let Some(html) = &loaded {
                remember_html(key, html.clone());
            }
            // The reader may have moved on: the signal is gone with the view then.
            let _ = body.try_set(loaded.map_or(Body::Failed, Body::Ready));
        });
    };
    if arrived_later {
        load();
    }

    let container = NodeRef::<html::Div>::new();
    if !crate::PRERENDERING {
        // A click or tap anywhere else closes an open definition.
        let handle = window_event_listener(leptos::ev::click, close_terms_outside);
        on_cleanup(move || handle.remove());
    }
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
            mount_diagram(&slot, key);
        }
        enhance_terms(&container);
        if arrived_later {
            // The router looked for `#section` before it existed.
            reveal_section();
        }
    });

    view! {
        <div
            class="chapter__body"
            data-chapter=key
            node_ref=container
            on:click=on_body_click
            on:keydown=term_on_key
            on:pointerover=term_on_pointer_over
            on:pointerout=term_on_pointer_out
            inner_html=move || match body.get() {
                Body::Ready(html) => html,
                _ => String::new(),
            }
        ></div>
        {move || body.with(|b| match b {
            Body::Loading => Some(
                view! { <p class="chapter__loading" role="status">{format!("Loading the {what}…")}</p> }
                    .into_any(),
            ),
            Body::Failed => Some(
                view! {
                    <div class="chapter__load-error" role="alert">
                        <p>
                            {format!("This {what} could not be loaded. Check your connection and try again; everything you have done so far is kept.")}
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

/// A click in the body: on a glossary term, opens (or closes) its definition; on a code
/// block's Copy button, copies its code.
fn on_body_click(event: web_sys::MouseEvent) {
    if let Some(term) = closest(event.target(), "a.term") {
        event.prevent_default();
        if term.get_attribute("data-open").as_deref() == Some("pinned") {
            close_term(&term, false);
        } else {
            open_term(&term, true);
        }
        return;
    }
    copy_on_click(event);
}

/// The closest element matching `css` from an event's target.
fn closest(target: Option<web_sys::EventTarget>, css: &str) -> Option<web_sys::Element> {
    target
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|t| t.closest(css).ok().flatten())
}

/// After the body is on the page: each term link becomes a toggletip's button (attributes
/// only: the page keeps its boxes).
fn enhance_terms(container: &web_sys::Element) {
    let Ok(terms) = container.query_selector_all("a.term") else {
        return;
    };
    for i in 0..terms.length() {
        if let Some(term) = terms.item(i) {
            let term: web_sys::Element = term.unchecked_into();
            let _ = term.set_attribute("role", "button");
            let _ = term.set_attribute("aria-expanded", "false");
        }
    }
}

/// The live region right after a term, where its definition goes.
fn tip_of(term: &web_sys::Element) -> Option<web_sys::Element> {
    term.next_element_sibling()
        .filter(|tip| tip.class_list().contains("term-tip"))
}

/// Opens a term's definition (closing any other): `pinned` (click, tap, keyboard) stays
/// open until closed; otherwise (hover) it closes when the pointer leaves.
fn open_term(term: &web_sys::Element, pinned: bool) {
    close_terms(|other| other != term);
    let Some(tip) = tip_of(term) else {
        return;
    };
    if term.get_attribute("aria-expanded").as_deref() != Some("true") {
        let id = term.get_attribute("data-term").unwrap_or_default();
        let definition = term
            .closest(".chapter__body")
            .ok()
            .flatten()
            .and_then(|body| {
                body.query_selector(&format!("template[data-term-def=\"{id}\"]"))
                    .ok()
                    .flatten()
            });
        let Some(definition) = definition else {
            return;
        };
        // (A template's inner HTML is its content's.)
        tip.set_inner_html(&definition.inner_html());
        let _ = term.set_attribute("aria-expanded", "true");
    }
    if pinned || term.get_attribute("data-open").is_none() {
        let _ = term.set_attribute("data-open", if pinned { "pinned" } else { "hover" });
    }
}

fn close_term(term: &web_sys::Element, focus: bool) {
    if let Some(tip) = tip_of(term) {
        tip.set_inner_html("");
    }
    let _ = term.set_attribute("aria-expanded", "false");
    let _ = term.remove_attribute("data-open");
    if focus {
        if let Some(term) = term.dyn_ref::<web_sys::HtmlElement>() {
            let _ = term.focus();
        }
    }
}

/// Closes every open term that `which` picks.
fn close_terms(which: impl Fn(&web_sys::Element) -> bool) {
    let Ok(open) = document().query_selector_all("a.term[data-open]") else {
        return;
    };
    for i in 0..open.length() {
        if let Some(term) = open.item(i) {
            let term: web_sys::Element = term.unchecked_into();
            if which(&term) {
                close_term(&term, false);
            }
        }
    }
}

/// Whether a node is inside a term or its definition.
fn within_term(term: &web_sys::Element, node: Option<&web_sys::Node>) -> bool {
    node.is_some_and(|node| {
        term.contains(Some(node)) || tip_of(term).is_some_and(|tip| tip.contains(Some(node)))
    })
}

fn close_terms_outside(event: web_sys::MouseEvent) {
    let target = event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Node>().ok());
    close_terms(|term| !within_term(term, target.as_ref()));
}

/// The term a node belongs to: itself, or the term its definition follows.
fn term_for(target: Option<web_sys::EventTarget>) -> Option<web_sys::Element> {
    closest(target.clone(), "a.term").or_else(|| {
        closest(target, ".term-tip")?
            .previous_element_sibling()
            .filter(|t| t.matches("a.term").unwrap_or(false))
    })
}

/// Space opens or closes a term (Enter does, as a link's click); Escape closes it and puts
/// the focus back on the term.
fn term_on_key(event: web_sys::KeyboardEvent) {
    let key = event.key();
    if key != " " && key != "Escape" {
        return;
    }
    let Some(term) = term_for(event.target()) else {
        return;
    };
    if key == "Escape" {
        if term.has_attribute("data-open") {
            event.prevent_default();
            close_term(&term, true);
        }
    } else if closest(event.target(), "a.term").is_some() {
        event.prevent_default();
        if term.has_attribute("data-open") {
            close_term(&term, false);
        } else {
            open_term(&term, true);
        }
    }
}

fn term_on_pointer_over(event: web_sys::PointerEvent) {
    if event.pointer_type() != "mouse" {
        return;
    }
    if let Some(term) = closest(event.target(), "a.term") {
        open_term(&term, false);
    }
}

/// The mouse leaving a term opened by hovering (and its definition) closes it.
fn term_on_pointer_out(event: web_sys::PointerEvent) {
    if event.pointer_type() != "mouse" {
        return;
    }
    let Some(term) = term_for(event.target()) else {
        return;
    };
    let to = event
        .related_target()
        .and_then(|t| t.dyn_into::<web_sys::Node>().ok());
    if term.get_attribute("data-open").as_deref() == Some("hover")
        && !within_term(&term, to.as_ref())
    {
        close_term(&term, false);
    }
}

/// On a code block's Copy button, copies its code.
fn copy_on_click(event: web_sys::MouseEvent) {
    let Some(button) = closest(event.target(), ".code-block__copy") else {
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

/// A file of HTML (relative to the document's base), or `None` on any failure.
async fn fetch_html(url: &str) -> Option<String> {
    let response = JsFuture::from(window().fetch_with_str(url)).await.ok()?;
    let response: web_sys::Response = response.dyn_into().ok()?;
    if !response.ok() {
        return None;
    }
    let text = JsFuture::from(response.text().ok()?).await.ok()?;
    text.as_string()
}
