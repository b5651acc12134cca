//! The chapter navigation: a sidebar on wide screens, a disclosure menu on narrow ones.

use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::content::chapters;
use crate::routes::{href, Page};

/// `open` only matters on narrow screens (CSS shows the sidebar regardless on wide ones).
#[component]
pub fn ChapterNav(open: ReadSignal<bool>) -> impl IntoView {
    let location = use_location();
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
                        view! {
                            <li>
                                <a href=href(page) aria-current=move || current(page)>
                                    {chapter.title}
                                </a>
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
        </nav>
    }
}
