//! The mark after a chapter's title (chapter navigation, home page, progress page).

use leptos::prelude::*;

use crate::progress::model::ChapterState;

/// A small mark after a chapter's title: ✓ when read, ◐ when in progress, with words for
/// screen readers.
#[component]
pub fn ChapterStateMark(#[prop(into)] state: Signal<ChapterState>) -> impl IntoView {
    move || match state.get() {
        ChapterState::NotStarted => None,
        other => Some(view! {
            <span class=format!("state-mark state-mark--{}", other.as_str())>
                <span aria-hidden="true">
                    {if other == ChapterState::Read { " ✓" } else { " ◐" }}
                </span>
                <span class="visually-hidden">{format!(" ({})", other.label().to_lowercase())}</span>
            </span>
        }),
    }
}
