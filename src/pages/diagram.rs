//! The diagram's own page.

use guide_content::diagram::Diagram;
use leptos::prelude::*;

use crate::diagram::view::DiagramExplorer;
use crate::routes::{href, Page};
use crate::ui::page_meta::PageMeta;

/// The page, with `diagram`'s texts (loaded with the diagram chunk: `chunks::Chunk::load`).
#[component]
pub fn DiagramPage(diagram: &'static Diagram) -> impl IntoView {
    view! {
        <PageMeta
            title=Some("Frontend and backend, part by part".to_string())
            description="An interactive diagram of a web application: explore each part, see who builds it, follow a page load, a login, a search or an order from the browser to the database and back with every request and query shown, and switch between PHP, Python, JavaScript, Java and C# stacks.".to_string()
        />
        <section class="diagram-page" aria-labelledby="diagram-title">
            <h1 id="diagram-title" tabindex="-1">"Frontend and backend, part by part"</h1>
            <p class="diagram-page__lead">
                "Every web application has the same parts, whatever it is built with. Follow a real request from the browser to the database and back, with the message each part sends at every step, open each part to see what it does and who builds it, and switch the technology stack to see that the roles stay the same while the tools change."
            </p>
            <DiagramExplorer diagram heading_level=2 />
            <p>
                "The chapter "
                <a href=href(Page::Chapter { id: "frontend-vs-backend", section: Some("how-a-request-travels") })>
                    "Frontend and backend: how they differ and work together"
                </a>
                " walks through a login in words."
            </p>
        </section>
    }
}
