//! The frame around every view: skip link, header, chapter navigation, main, footer.
//!
//! On a phone the header is one compact row (title, Search, Quiz, Menu) that slides away while the
//! reader scrolls down and comes back when they scroll up or move focus into it; the stylesheet
//! applies `is-tucked` only on narrow screens.

use leptos::html;
use leptos::prelude::*;
use leptos_router::hooks::use_location;
use wasm_bindgen::JsCast;

use crate::routes::{href, Page};
use crate::ui::chapter_nav::ChapterNav;
use crate::ui::navigation_focus::manage_focus_on_navigation;
use crate::ui::search::SiteSearch;
use crate::ui::storage_notice::StorageNoticeBanner;
use crate::ui::theme_picker::{provide_theme_choice, ThemePicker};
use crate::SITE_NAME;

#[component]
pub fn Layout(children: Children) -> impl IntoView {
    let menu = use_menu();
    let menu_open = menu.open;
    let menu_button = NodeRef::<html::Button>::new();
    manage_focus_on_navigation();
    provide_theme_choice();
    // Shown at first (as prerendered); only scrolling tucks it away.
    let tucked = RwSignal::new(false);
    if !crate::PRERENDERING {
        tuck_header_on_scroll(tucked, menu_open);
    }
    let untuck = move |_| tucked.set(false);

    let close_on_escape = move |ev: web_sys::KeyboardEvent| {
        if ev.key() == "Escape" && menu_open.get_untracked() {
            menu.close();
            if let Some(button) = menu_button.get_untracked() {
                let _ = button.focus();
            }
        }
    };

    view! {
        <a class="skip-link" href="#main-content" on:click=skip_to_main on:focus=untuck>
            "Skip to content"
        </a>
        <header
            class="site-header"
            class:is-tucked=move || tucked.get()
            on:keydown=close_on_escape
            on:focusin=untuck
        >
            <a class="site-title" href=href(Page::Home)>
                <span class="site-title__mark" aria-hidden="true">"{ }"</span>
                <SiteName />
            </a>
            <SiteSearch />
            <a class="quiz-link" href=href(Page::QuizHub)>
                "Quiz"
            </a>
            <a class="progress-link" href=href(Page::Progress)>
                "Your progress"
            </a>
            <ThemePicker id="theme-select" place="header" />
            <button
                class="menu-button"
                type="button"
                node_ref=menu_button
                aria-controls="site-nav"
                aria-expanded=move || menu_open.get().to_string()
                on:click=move |_| menu.toggle()
            >
                "Menu"
            </button>
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

/// The site's name; on the narrowest phones "The " goes (a stylesheet choice), so the header
/// keeps its one row beside Search, Quiz and Menu.
#[component]
fn SiteName() -> impl IntoView {
    match SITE_NAME.split_once(' ') {
        Some((first, rest)) => view! {
            <span class="site-title__name">
                <span class="site-title__first">{first}" "</span>
                {rest}
            </span>
        }
        .into_any(),
        None => view! { <span class="site-title__name">{SITE_NAME}</span> }.into_any(),
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

/// How far the page must move (px) before the header follows: a jitter of a pixel or two
/// (a momentum scroll settling) neither hides nor shows it.
const SCROLL_STEP: f64 = 6.0;

/// Below this scroll position (px, about the header's height) the header always shows.
const TOP_ZONE: f64 = 64.0;

/// Whether the header is tucked away after the page moved from `before` to `now` (vertical
/// scroll positions), or `None` to leave it as it is (a move too small to count).
fn tucked_after(before: f64, now: f64) -> Option<bool> {
    if now <= TOP_ZONE {
        return Some(false);
    }
    let moved = now - before;
    (moved.abs() >= SCROLL_STEP).then_some(moved > 0.0)
}

/// Follows the reader's scrolling: down tucks the header away, up brings it back. Never while
/// the menu is open or focus is in the header.
fn tuck_header_on_scroll(tucked: RwSignal<bool>, menu_open: Memo<bool>) {
    let scroll_y = || window().scroll_y().unwrap_or(0.0);
    let last = StoredValue::new(scroll_y());
    let handle = window_event_listener(leptos::ev::scroll, move |_| {
        let now = scroll_y();
        let Some(tuck) = tucked_after(last.get_value(), now) else {
            return;
        };
        last.set_value(now);
        let keep = menu_open.get_untracked() || focus_in_header();
        let tuck = tuck && !keep;
        if tucked.get_untracked() != tuck {
            tucked.set(tuck);
        }
    });
    on_cleanup(move || handle.remove());
}

fn focus_in_header() -> bool {
    document()
        .active_element()
        .is_some_and(|el| el.closest(".site-header").ok().flatten().is_some())
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

#[cfg(test)]
mod tests {
    use super::tucked_after;

    #[test]
    fn scrolling_down_tucks_the_header_and_up_brings_it_back() {
        assert_eq!(tucked_after(300.0, 400.0), Some(true));
        assert_eq!(tucked_after(400.0, 300.0), Some(false));
    }

    #[test]
    fn small_moves_change_nothing_and_the_top_always_shows_it() {
        assert_eq!(tucked_after(300.0, 302.0), None);
        assert_eq!(tucked_after(301.0, 299.0), None);
        assert_eq!(tucked_after(0.0, 40.0), Some(false));
        assert_eq!(tucked_after(80.0, 10.0), Some(false));
    }
}
