//! "Page not found": for any unknown URL (the router's fallback, `pages::not_found`), an
//! unknown chapter id or quiz name. Never a blank page.

use leptos::either::Either;
use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::content::chapters;
use crate::routes::{href, Page};
use crate::ui::page_meta::PageMeta;
use crate::SITE_NAME;

#[component]
pub fn NotFound() -> impl IntoView {
    let location = use_location();
    view! {
        <PageMeta
            title=Some("Page not found".to_string())
            description=format!("This page of {SITE_NAME} does not exist. Pick a chapter or go back to the start.")
        />
        <section class="not-found" aria-labelledby="not-found-title">
            <h1 id="not-found-title" tabindex="-1">"Page not found"</h1>
            <p>
                "There is no page at "
                // Prerendered as 404.html, which GitHub Pages sends for every unknown path.
                {if crate::PRERENDERING {
                    Either::Left("this address")
                } else {
                    Either::Right(
                        view! { <code class="not-found__path">{move || location.pathname.get()}</code> },
                    )
                }}
                ". The link may be mistyped, or the page may have moved."
            </p>
            <p>
                <a class="button button--primary" href=href(Page::Home)>
                    "Go to the start of the guide"
                </a>
            </p>
            <h2>"Or jump into a chapter"</h2>
            <ul class="not-found__chapters">
                {chapters()
                    .iter()
                    .map(|c| {
                        view! {
                            <li>
                                <a href=href(Page::Chapter { id: c.id, section: None })>{c.title}</a>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </section>
    }
}
