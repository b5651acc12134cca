//! The guide's home: what the reader will learn, the chapter list, "Start reading".

use leptos::prelude::*;

use crate::content::{self, chapters, total_reading_minutes};
use crate::progress::store::use_progress;
use crate::quiz::view::review_status::ReviewStatus;
use crate::routes::{href, Page};
use crate::ui::chapter_state_mark::ChapterStateMark;
use crate::ui::page_meta::PageMeta;

#[component]
pub fn HomePage() -> impl IntoView {
    let all = chapters();
    let progress = use_progress();
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
                <a class="button" href=href(Page::Diagram)>"Explore the interactive diagram"</a>
                <span class="hero__meta">
                    {format!("{} chapters · about {} minutes of reading", all.len(), total_reading_minutes())}
                </span>
            </p>
        </section>
        <ContinueReading />
        <section class="chapters" aria-labelledby="chapters-title">
            <h2 id="chapters-title">"Chapters"</h2>
            <ol class="chapter-list">
                {all
                    .iter()
                    .enumerate()
                    .map(|(i, chapter)| {
                        let state = Signal::derive(move || {
                            progress.with(|p| p.chapter_state(chapter.id))
                        });
                        view! {
                            <li class="chapter-card" data-state=move || state.get().as_str()>
                                <h3 class="chapter-card__title">
                                    <a href=href(Page::Chapter { id: chapter.id, section: None })>
                                        {chapter.title}
                                    </a>
                                    <ChapterStateMark state />
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
        <section class="home-quiz" aria-labelledby="home-quiz-title">
            <h2 id="home-quiz-title">"Quiz yourself"</h2>
            <ReviewStatus />
            <p>
                "A short quiz for each chapter and one for the whole guide, with an explanation for every answer. "
                <a href=href(Page::QuizHub)>"See all quizzes"</a>
            </p>
        </section>
    }
}

/// "Continue where you left off": the last chapter and section visited, when there is one.
#[component]
fn ContinueReading() -> impl IntoView {
    let progress = use_progress();
    let place = Memo::new(move |_| {
        let known: Vec<&str> = chapters().iter().map(|c| c.id).collect();
        progress.with(|p| {
            let visit = p.continue_point(&known)?;
            let chapter = content::chapter(&visit.chapter)?;
            let section = visit
                .section
                .as_deref()
                .and_then(|id| chapter.sections.iter().find(|s| s.id == id));
            Some((chapter, section))
        })
    });
    move || {
        place.get().map(|(chapter, section)| {
            let completion = progress
                .with(|p| p.completion(&chapters().iter().map(|c| c.id).collect::<Vec<_>>()));
            let target = Page::Chapter {
                id: chapter.id,
                section: section.map(|s| s.id),
            };
            view! {
                <section class="continue" aria-labelledby="continue-title">
                    <h2 id="continue-title">"Continue where you left off"</h2>
                    <p>
                        <a class="button button--primary continue__link" href=href(target)>
                            {chapter.title}
                            {section.map(|s| format!(" — {}", s.title))}
                        </a>
                    </p>
                    <p class="continue__meta">
                        {format!("{} of {} chapters read · ", completion.read, completion.total)}
                        <a href=href(Page::Progress)>"See your progress"</a>
                    </p>
                </section>
            }
        })
    }
}
