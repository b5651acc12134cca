//! The colour-scheme picker in the header.

use leptos::prelude::*;

use crate::progress::store::use_progress_store;
use crate::theme::{self, ThemeChoice};

#[component]
pub fn ThemePicker() -> impl IntoView {
    let (choice, set_choice) = signal(theme::load());
    let store = use_progress_store();
    let on_change = move |ev| {
        let picked = ThemeChoice::from_value(&event_target_value(&ev));
        set_choice.set(picked);
        // Applied either way; if it cannot be remembered, the reader is told as for progress.
        if !theme::choose(picked) {
            store.report_cannot_save();
        }
    };
    view! {
        <div class="theme-picker">
            <label for="theme-select">"Theme"</label>
            <select id="theme-select" on:change=on_change>
                {ThemeChoice::ALL
                    .into_iter()
                    .map(|option| {
                        view! {
                            <option value=option.as_str() selected=move || choice.get() == option>
                                {option.label()}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </div>
    }
}
