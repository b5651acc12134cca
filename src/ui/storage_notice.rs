//! The non-blocking notice about storage problems. Saving itself is quiet: progress is saved
//! on every change without a word, and only what the reader did is confirmed, where they did it
//! (the chapter's read toggle).

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
