//! The mark after a chapter's title (chapter navigation, home page, progress page), and its
//! legend.

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

/// What the marks mean: "✓ read · ◐ in progress". Shown where marks are listed (home, progress
/// page; the navigation may reuse it), once the reader has a chapter marked (`shown`).
#[component]
pub fn StateMarkLegend(#[prop(into)] shown: Signal<bool>) -> impl IntoView {
    move || {
        shown.get().then(|| {
            view! {
                <p class="state-legend">
                    <span class="state-legend__item">
                        <span class="state-mark state-mark--read" aria-hidden="true">"✓"</span>
                        " read"
                    </span>
                    <span class="state-legend__item">
                        <span class="state-mark state-mark--in-progress" aria-hidden="true">"◐"</span>
                        " in progress"
                    </span>
                </p>
            }
        })
    }
}
