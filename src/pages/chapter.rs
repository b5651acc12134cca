//! One chapter: title, contents, body, previous/next links.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::content::{self, chapters, Chapter};
use crate::pages::not_found::NotFoundPage;
use crate::render;
use crate::routes::{href, Page};
use crate::ui::page_meta::PageMeta;

#[component]
pub fn ChapterPage() -> impl IntoView {
    let params = use_params_map();
    let chapter = Memo::new(move |_| params.read().get("id").and_then(|id| content::chapter(&id)));
    move || match chapter.get() {
        Some(chapter) => view! { <ChapterView chapter /> }.into_any(),
        None => view! { <NotFoundPage /> }.into_any(),
    }
}

#[component]
fn ChapterView(chapter: &'static Chapter) -> impl IntoView {
    let number = content::position(chapter.id).unwrap_or(0);
    let (previous, next) = content::neighbours(chapter.id);
    let sections = chapter.sections.iter().filter(|s| s.level == 2);
    view! {
        <PageMeta title=Some(chapter.title.to_string()) description=chapter.summary.to_string() />
        <article class="chapter" aria-labelledby="chapter-title">
            <header class="chapter__header">
                <p class="chapter__meta">
                    {format!(
                        "Chapter {number} of {} · {} min read",
                        chapters().len(),
                        chapter.reading_minutes,
                    )}
                </p>
                <h1 id="chapter-title" tabindex="-1">{chapter.title}</h1>
                <p class="chapter__summary">{chapter.summary}</p>
            </header>
            <nav class="toc" aria-label="On this page">
                <h2 class="toc__title">"On this page"</h2>
                <ol>
                    {sections
                        .map(|s| {
                            view! {
                                <li>
                                    <a href=href(Page::Chapter { id: chapter.id, section: Some(s.id) })>
                                        {s.title}
                                    </a>
                                </li>
                            }
                        })
                        .collect_view()}
                </ol>
            </nav>
            <div class="chapter__body">{render::blocks(chapter.id, chapter.blocks)}</div>
            <nav class="pager" aria-label="Previous and next chapter">
                {previous
                    .map(|c| {
                        view! {
                            <a class="pager__link pager__link--previous" href=href(Page::Chapter { id: c.id, section: None }) rel="prev">
                                <span class="pager__direction">"Previous chapter"</span>
                                <span class="pager__title">{c.title}</span>
                            </a>
                        }
                    })}
                {next
                    .map(|c| {
                        view! {
                            <a class="pager__link pager__link--next" href=href(Page::Chapter { id: c.id, section: None }) rel="next">
                                <span class="pager__direction">"Next chapter"</span>
                                <span class="pager__title">{c.title}</span>
                            </a>
                        }
                    })}
            </nav>
        </article>
    }
}
