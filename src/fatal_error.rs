//! A panic must never leave a frozen or blank page. The panic hook logs it
//! (console_error_panic_hook) and reports it to the page's failure handler in `index.html`
//! (the `guide:failure` event), the same one that hears uncaught errors and traps:
//!
//! - before the app has replaced the page (`<html data-app="running">`, set by `crate::start`),
//!   the reader keeps the page as it arrived, with a note that the interactive parts are
//!   unavailable (`#app-unavailable`);
//! - after, the static `#fatal-error` panel, whose reload button works without wasm.

use wasm_bindgen::prelude::*;

/// The event `index.html` listens to; its `detail` is the message.
pub const FAILURE_EVENT: &str = "guide:failure";

pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        report(&info.to_string());
    }));
}

/// Tells the page that the app failed (see the module docs). Never panics.
pub fn report(message: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let init = web_sys::CustomEventInit::new();
    init.set_detail(&JsValue::from_str(message));
    if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict(FAILURE_EVENT, &init) {
        let _ = window.dispatch_event(&event);
    }
}

/// Panics on purpose, so the end-to-end tests can check that a panic shows the error panel.
/// Reachable only from script (`window.wasmBindings.debug_panic()`), never from the UI.
#[wasm_bindgen]
pub fn debug_panic() {
    panic!("debug_panic() was called: a deliberate panic to test the error panel");
}

/// Traps on purpose (a WebAssembly `unreachable`, no panic hook involved), so the end-to-end
/// tests can check that a trap shows the error panel too. Script only, like [`debug_panic`].
#[wasm_bindgen]
pub fn debug_trap() {
    std::process::abort();
}
