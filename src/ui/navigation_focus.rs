//! Focus and scroll after navigation, as a reader (and a screen reader) expects:
//! - first load with `#section`: scroll that heading into view (the browser can't: it did not
//!   exist yet when the page loaded);
//! - later navigations: move focus to the target heading, or to the new page's `h1`, so
//!   keyboard and screen-reader users start reading the new content.

use leptos::prelude::*;
use leptos_router::hooks::use_location;
use wasm_bindgen::JsCast;

pub fn manage_focus_on_navigation() {
    let location = use_location();
    let first_run = StoredValue::new(true);
    Effect::new(move |_| {
        location.pathname.track();
        let hash = location.hash.get();
        let first = first_run.get_value();
        first_run.set_value(false);
        request_animation_frame(move || {
            let target = section_element(&hash);
            if first {
                if let Some(target) = target {
                    // Instant, not smooth: the reader asked for this place, not a tour to it.
                    let options = web_sys::ScrollIntoViewOptions::new();
                    options.set_behavior(web_sys::ScrollBehavior::Instant);
                    target.scroll_into_view_with_scroll_into_view_options(&options);
                }
                return;
            }
            if let Some(el) = target.or_else(page_heading) {
                focus_without_scrolling(&el);
            }
        });
    });
}

/// For content that arrives after the navigation (a chapter body fetched on the way): scrolls
/// the heading the URL's `#section` names into view and moves focus to it, if there is one.
pub fn reveal_section() {
    let hash = window().location().hash().unwrap_or_default();
    if let Some(target) = section_element(&hash) {
        let options = web_sys::ScrollIntoViewOptions::new();
        options.set_behavior(web_sys::ScrollBehavior::Instant);
        target.scroll_into_view_with_scroll_into_view_options(&options);
        focus_without_scrolling(&target);
    }
}

fn section_element(hash: &str) -> Option<web_sys::Element> {
    // Section anchors are lowercase-kebab ASCII (checked at build time): no decoding needed.
    let id = hash.strip_prefix('#').filter(|id| !id.is_empty())?;
    document().get_element_by_id(id)
}

fn page_heading() -> Option<web_sys::Element> {
    document().query_selector("main h1").ok().flatten()
}

fn focus_without_scrolling(el: &web_sys::Element) {
    if let Some(el) = el.dyn_ref::<web_sys::HtmlElement>() {
        let options = web_sys::FocusOptions::new();
        options.set_prevent_scroll(true);
        let _ = el.focus_with_options(&options);
    }
}
