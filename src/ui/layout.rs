//! The frame around every view: skip link, header, chapter navigation, main, footer.

use leptos::html;
use leptos::prelude::*;
use leptos_router::hooks::use_location;
use wasm_bindgen::JsCast;

use crate::routes::{href, Page};
use crate::ui::chapter_nav::ChapterNav;
use crate::ui::navigation_focus::manage_focus_on_navigation;
use crate::ui::search::SiteSearch;
use crate::ui::storage_notice::{SavedIndicator, StorageNoticeBanner};
use crate::ui::theme_picker::ThemePicker;
use crate::SITE_NAME;

#[component]
pub fn Layout(children: Children) -> impl IntoView {
    let menu = use_menu();
    let menu_open = menu.open;
    let menu_button = NodeRef::<html::Button>::new();
    manage_focus_on_navigation();

    let close_on_escape = move |ev: web_sys::KeyboardEvent| {
        if ev.key() == "Escape" && menu_open.get_untracked() {
            menu.close();
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
                {SITE_NAME}
            </a>
            <button
                class="menu-button"
                type="button"
                node_ref=menu_button
                aria-controls="site-nav"
                aria-expanded=move || menu_open.get().to_string()
                on:click=move |_| menu.toggle()
            >
                "Chapters"
            </button>
            <SiteSearch />
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
                {format!("{SITE_NAME} runs entirely in your browser. Nothing you do here is sent anywhere.")}
            </p>
        </footer>
    }
}

/// The narrow-screen menu: opened and closed by the reader, closed by any navigation.
#[derive(Clone, Copy)]
struct Menu {
    open: Memo<bool>,
    /// The navigation the menu was opened in (see [`navigations`]), if it is open.
    opened_in: RwSignal<Option<u32>>,
    navigations: Memo<(String, u32)>,
}

impl Menu {
    fn toggle(&self) {
        let now = (!self.open.get_untracked()).then(|| self.navigations.get_untracked().1);
        self.opened_in.set(now);
    }

    fn close(&self) {
        self.opened_in.set(None);
    }
}

/// The menu's state, derived rather than synchronised: it is open while the reader's last
/// press opened it and no navigation has happened since.
fn use_menu() -> Menu {
    let navigations = navigations(use_location().pathname);
    let opened_in = RwSignal::new(None::<u32>);
    let open = Memo::new(move |_| opened_in.get() == Some(navigations.with(|n| n.1)));
    Menu {
        open,
        opened_in,
        navigations,
    }
}

/// The current path and how many times it has changed (a memo that counts, from its
/// previous value).
fn navigations(pathname: Memo<String>) -> Memo<(String, u32)> {
    Memo::new(move |previous: Option<&(String, u32)>| {
        let path = pathname.get();
        let count = match previous {
            Some((before, n)) if *before == path => *n,
            Some((_, n)) => n.wrapping_add(1),
            None => 0,
        };
        (path, count)
    })
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
