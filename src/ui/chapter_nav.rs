//! The chapter navigation: a sidebar on wide screens, a disclosure menu on narrow ones.

use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::content::chapters;
use crate::progress::model::ChapterState;
use crate::progress::store::ProgressStore;
use crate::routes::{href, Page};

/// `open` only matters on narrow screens (CSS shows the sidebar regardless on wide ones).
#[component]
pub fn ChapterNav(open: ReadSignal<bool>) -> impl IntoView {
    let location = use_location();
    let progress = ProgressStore::expect().progress();
    let current = move |page: Page<'_>| {
        let path = crate::routes::with_base(&crate::routes::router_base(), &page.path());
        let here = location.pathname.get();
        (here.trim_end_matches('/') == path.trim_end_matches('/')).then_some("page")
    };
    view! {
        <nav id="site-nav" class="site-nav" class:is-open=move || open.get() aria-label="Chapters">
            <a class="site-nav__home" href=href(Page::Home) aria-current=move || current(Page::Home)>
                "Home"
            </a>
            <ol class="site-nav__chapters">
                {chapters()
                    .iter()
                    .map(|chapter| {
                        let page = Page::Chapter { id: chapter.id, section: None };
                        let state = move || progress.with(|p| p.chapter_state(chapter.id));
                        view! {
                            <li data-state=move || state().as_str()>
                                <a href=href(page) aria-current=move || current(page)>
                                    {chapter.title}
                                    <ChapterStateMark state=Signal::derive(state) />
                                </a>
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
            <ul class="site-nav__extras">
                <li>
                    <a href=href(Page::Diagram) aria-current=move || current(Page::Diagram)>
                        "Interactive diagram"
                    </a>
                </li>
                <li>
                    <a href=href(Page::QuizHub) aria-current=move || current(Page::QuizHub)>
                        "Quiz yourself"
                    </a>
                </li>
                <li>
                    <a href=href(Page::Progress) aria-current=move || current(Page::Progress)>
                        "Your progress"
                    </a>
                </li>
            </ul>
        </nav>
    }
}

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
