//! A panic must never leave a frozen page: log it (console_error_panic_hook) and reveal the
//! static `#fatal-error` panel from `index.html`, whose reload button works without wasm.

use wasm_bindgen::prelude::*;

pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show_panel();
    }));
}

fn show_panel() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if let Some(panel) = document.get_element_by_id("fatal-error") {
        let _ = panel.remove_attribute("hidden");
    }
    if let Some(button) = document.get_element_by_id("fatal-error-reload") {
        if let Ok(button) = button.dyn_into::<web_sys::HtmlElement>() {
            let _ = button.focus();
        }
    }
}

/// Panics on purpose, so the end-to-end tests can check that a panic shows the error panel.
/// Reachable only from script (`window.wasmBindings.debug_panic()`), never from the UI.
#[wasm_bindgen]
pub fn debug_panic() {
    panic!("debug_panic() was called: a deliberate panic to test the error panel");
}
