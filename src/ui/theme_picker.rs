//! The colour-scheme picker in the header.

use leptos::prelude::*;

use crate::theme::{self, ThemeChoice};

#[component]
pub fn ThemePicker() -> impl IntoView {
    let (choice, set_choice) = signal(theme::load());
    let on_change = move |ev| {
        let picked = ThemeChoice::from_value(&event_target_value(&ev));
        set_choice.set(picked);
        theme::choose(picked);
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
