//! The colour-scheme picker: in the header on wider screens, at the foot of the menu on a
//! phone (CSS shows one of the two; both follow one choice).

use leptos::prelude::*;

use crate::progress::store::use_progress_store;
use crate::theme::{self, ThemeChoice};

/// The reader's choice, shared by every picker on the page.
#[derive(Clone, Copy)]
struct Choice(RwSignal<ThemeChoice>);

/// Gives the pickers below one shared choice (the layout calls it once).
pub fn provide_theme_choice() {
    provide_context(Choice(RwSignal::new(theme::load())));
}

/// `id` names the `<select>` (one per picker on the page); `place` is a class modifier
/// (`header`, `menu`) the stylesheet uses to show the picker that fits the screen.
#[component]
pub fn ThemePicker(id: &'static str, place: &'static str) -> impl IntoView {
    let choice = use_context::<Choice>()
        .map(|c| c.0)
        .unwrap_or_else(|| RwSignal::new(theme::load()));
    let store = use_progress_store();
    let on_change = move |ev| {
        let picked = ThemeChoice::from_value(&event_target_value(&ev));
        choice.set(picked);
        // Applied either way; if it cannot be remembered, the reader is told as for progress.
        if !theme::choose(picked) {
            store.report_cannot_save();
        }
    };
    view! {
        <div class=format!("theme-picker theme-picker--{place}")>
            <label for=id>"Theme"</label>
            <select id=id on:change=on_change>
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
