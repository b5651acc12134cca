//! The guide's home: what the reader will learn, the chapter list, "Start reading".

use leptos::prelude::*;

use crate::content::{chapters, total_reading_minutes};
use crate::routes::{href, Page};
use crate::ui::page_meta::PageMeta;

#[component]
pub fn HomePage() -> impl IntoView {
    let all = chapters();
    let first = Page::Chapter {
        id: all[0].id,
        section: None,
    };
    view! {
        <PageMeta
            title=None
            description="A free, interactive guide to backend development: what backend developers do, how the frontend and backend work together, the languages, frameworks and databases to learn, and how to start the career.".to_string()
        />
        <section class="hero" aria-labelledby="home-title">
            <h1 id="home-title" tabindex="-1">"What does a backend developer actually do?"</h1>
            <p class="hero__lead">
                "Every app you use has a part you never see: the servers, code and databases that check your password, find the products you searched for and keep your data safe. This guide explains that hidden half in plain words. You will learn what backend developers build, how their work meets the frontend in every request, which languages, frameworks and databases they use, what the career looks like, and how to take your first steps. No background needed."
            </p>
            <p class="hero__actions">
                <a class="button button--primary" href=href(first)>"Start reading"</a>
                <span class="hero__meta">
                    {format!("{} chapters · about {} minutes of reading", all.len(), total_reading_minutes())}
                </span>
            </p>
        </section>
        <section class="chapters" aria-labelledby="chapters-title">
            <h2 id="chapters-title">"Chapters"</h2>
            <ol class="chapter-list">
                {all
                    .iter()
                    .enumerate()
                    .map(|(i, chapter)| {
                        view! {
                            <li class="chapter-card">
                                <h3 class="chapter-card__title">
                                    <a href=href(Page::Chapter { id: chapter.id, section: None })>
                                        {chapter.title}
                                    </a>
                                </h3>
                                <p class="chapter-card__summary">{chapter.summary}</p>
                                <p class="chapter-card__meta">
                                    {format!("Chapter {} · {} min read", i + 1, chapter.reading_minutes)}
                                </p>
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
        </section>
    }
}
