//! `/glossary`: every term of the guide A–Z, each under its own anchor (its id) with its
//! definition, its "also called" names and a link to the section that explains it. The wasm
//! holds no glossary: like a chapter's body, the page's body is HTML written at build time
//! (`guide_content::pipeline::terms::glossary_body`), kept from the prerendered page or
//! fetched from `chapter-bodies/_glossary.html` (precached by the service worker) by the
//! chapters' own [`HtmlBody`].

use leptos::prelude::*;

use crate::pages::chapter_body::{remember_html, HtmlBody, GLOSSARY_KEY};
use crate::ui::page_meta::PageMeta;

/// Gives the body to the view ahead of time (the prerenderer, which has no network).
pub fn remember(html: String) {
    remember_html(GLOSSARY_KEY, html);
}

#[component]
pub fn GlossaryPage() -> impl IntoView {
    view! {
        <PageMeta
            title=Some("Glossary".to_string())
            description="Every term the guide uses, from API to webhook, explained in a sentence or two, with the section that explains it in depth.".to_string()
        />
        <article class="glossary" aria-labelledby="glossary-title">
            <h1 id="glossary-title" tabindex="-1">"Glossary"</h1>
            <p class="glossary__intro">
                "Every term the guide uses, A to Z, in a sentence or two. In the chapters, a term with a dotted underline opens its definition in place."
            </p>
            <HtmlBody key=GLOSSARY_KEY what="glossary" />
        </article>
    }
}
