//! The non-blocking notice about storage problems, and the small "Saved" indicator.

use leptos::prelude::*;

use crate::progress::store::use_progress_store;

/// Shown under the header while storage has a problem the reader should know about.
#[component]
pub fn StorageNoticeBanner() -> impl IntoView {
    let store = use_progress_store();
    let notice = store.notice();
    let (dismissed, set_dismissed) = signal(None);
    move || {
        let current = notice.get();
        (current.is_some() && current != dismissed.get()).then(|| {
            let message = current.map(|n| n.message()).unwrap_or_default();
            view! {
                <div class="storage-notice" role="status">
                    <p>{message}</p>
                    <button type="button" class="button" on:click=move |_| set_dismissed.set(current)>
                        "Dismiss"
                    </button>
                </div>
            }
        })
    }
}

/// "Saved" for a moment after each successful save.
#[component]
pub fn SavedIndicator() -> impl IntoView {
    let store = use_progress_store();
    let saves = store.saves();
    let (visible, set_visible) = signal(false);
    let timer = StoredValue::new(None::<TimeoutHandle>);
    Effect::new(move |previous: Option<u32>| {
        let count = saves.get();
        if previous.is_some_and(|p| p != count) {
            set_visible.set(true);
            if let Some(handle) = timer.get_value() {
                handle.clear();
            }
            let handle = set_timeout_with_handle(
                move || set_visible.set(false),
                std::time::Duration::from_millis(2000),
            )
            .ok();
            timer.set_value(handle);
        }
        count
    });
    view! {
        <span class="saved-indicator" class:is-visible=move || visible.get() aria-hidden="true">
            "✓ Saved"
        </span>
    }
}
