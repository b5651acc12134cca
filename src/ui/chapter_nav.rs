//! The chapter navigation: a sidebar on wide screens, a disclosure menu on narrow ones (where
//! it also holds the theme picker, which the compact header has no room for).

use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::content::chapters;
use crate::progress::store::use_progress;
use crate::routes::{href, Page};
use crate::ui::chapter_state_mark::ChapterStateMark;
use crate::ui::theme_picker::ThemePicker;

/// `open` only matters on narrow screens (CSS shows the sidebar regardless on wide ones).
#[component]
pub fn ChapterNav(#[prop(into)] open: Signal<bool>) -> impl IntoView {
    let location = use_location();
    let progress = use_progress();
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
                    <a href=href(Page::Glossary) aria-current=move || current(Page::Glossary)>
                        "Glossary"
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
            <ThemePicker id="theme-select-menu" place="menu" />
        </nav>
    }
}
