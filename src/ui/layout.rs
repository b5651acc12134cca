//! The frame around every view: skip link, header, chapter navigation, main, footer.

use leptos::html;
use leptos::prelude::*;
use leptos_router::hooks::use_location;
use wasm_bindgen::JsCast;

use crate::routes::{href, Page};
use crate::ui::chapter_nav::ChapterNav;
use crate::ui::navigation_focus::manage_focus_on_navigation;
use crate::ui::storage_notice::{SavedIndicator, StorageNoticeBanner};
use crate::ui::theme_picker::ThemePicker;

#[component]
pub fn Layout(children: Children) -> impl IntoView {
    let (menu_open, set_menu_open) = signal(false);
    let menu_button = NodeRef::<html::Button>::new();
    let location = use_location();
    // A navigation closes the narrow-screen menu.
    Effect::new(move |_| {
        location.pathname.track();
        set_menu_open.set(false);
    });
    manage_focus_on_navigation();

    let close_on_escape = move |ev: web_sys::KeyboardEvent| {
        if ev.key() == "Escape" && menu_open.get_untracked() {
            set_menu_open.set(false);
            if let Some(button) = menu_button.get_untracked() {
                let _ = button.focus();
            }
        }
    };

    view! {
        <a class="skip-link" href="#main-content" on:click=skip_to_main>
            "Skip to content"
        </a>
        <header class="site-header" on:keydown=close_on_escape>
            <a class="site-title" href=href(Page::Home)>
                <span class="site-title__mark" aria-hidden="true">"{ }"</span>
                "The Backend Guide"
            </a>
            <button
                class="menu-button"
                type="button"
                node_ref=menu_button
                aria-controls="site-nav"
                aria-expanded=move || menu_open.get().to_string()
                on:click=move |_| set_menu_open.update(|open| *open = !*open)
            >
                "Chapters"
            </button>
            <SavedIndicator />
            <a class="quiz-link wide-only" href=href(Page::QuizHub)>
                "Quiz"
            </a>
            <a class="progress-link" href=href(Page::Progress)>
                <span class="wide-only">"Your progress"</span>
                <span class="narrow-only">"Progress"</span>
            </a>
            <ThemePicker />
        </header>
        <StorageNoticeBanner />
        <div class="site-body" on:keydown=close_on_escape>
            <ChapterNav open=menu_open />
            <main id="main-content" tabindex="-1">
                {children()}
            </main>
        </div>
        <footer class="site-footer">
            <p>
                "The Backend Guide runs entirely in your browser. Nothing you do here is sent anywhere."
            </p>
        </footer>
    }
}

/// The skip link moves focus to `<main>` itself: with `<base href>` a bare `#main-content`
/// would resolve to the home page, and the router would navigate there.
fn skip_to_main(ev: web_sys::MouseEvent) {
    ev.prevent_default();
    let main = document()
        .get_element_by_id("main-content")
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(main) = main {
        let _ = main.focus();
    }
}
