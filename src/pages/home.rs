//! The guide's home: in one screen what it is, who it is for and what to do first ("Start
//! reading", or "Up next" for a returning reader), the four things that make it different
//! (with a small live preview of the diagram), then the chapters as cards and the quizzes.

mod trace_preview;

use leptos::prelude::*;

use crate::content::{chapters, total_reading_minutes};
use crate::progress::model::ChapterState;
use crate::progress::store::use_progress;
use crate::quiz::view::review_status::ReviewStatus;
use crate::routes::{href, Page};
use crate::ui::chapter_state_mark::{ChapterStateMark, StateMarkLegend};
use crate::ui::page_meta::PageMeta;
use crate::ui::up_next::{use_plan, UpNextActions};
use trace_preview::TracePreview;

#[component]
pub fn HomePage() -> impl IntoView {
    view! {
        <PageMeta
            title=None
            description="A free, interactive guide to backend development: what backend developers do, how the frontend and backend work together, the languages, frameworks and databases to learn, and how to start the career.".to_string()
        />
        <div class="home">
            <section class="hero" aria-labelledby="home-title">
                <div class="hero__text">
                    <h1 id="home-title" tabindex="-1">"What does a backend developer actually do?"</h1>
                    <p class="hero__lead">
                        "The servers, code and databases behind every app, in plain words for students, career switchers and frontend developers. No background needed."
                    </p>
                    <HeroActions />
                </div>
                <Features />
                <TracePreview />
            </section>
            <ChapterCards />
            <section class="home-quiz" aria-labelledby="home-quiz-title">
                <h2 id="home-quiz-title">"Quiz yourself"</h2>
                <ReviewStatus />
                <p>
                    "A short quiz for each chapter and one for the whole guide, with an explanation for every answer. "
                    <a href=href(Page::QuizHub)>"See all quizzes"</a>
                </p>
            </section>
        </div>
    }
}

/// "Start reading" and the diagram, with the guide's length; for a returning reader "Up
/// next" with what is offered beside it, and how far they are.
#[component]
fn HeroActions() -> impl IntoView {
    let plan = use_plan();
    let progress = use_progress();
    let returning = move || plan.with(Option::is_some);
    let all = chapters();
    let meta = move || {
        if returning() {
            let known: Vec<&str> = all.iter().map(|c| c.id).collect();
            let read = progress.with(|p| p.completion(&known).read);
            view! {
                {format!("{read} of {} chapters read · ", all.len())}
                <a href=href(Page::Progress)>"See your progress"</a>
            }
            .into_any()
        } else {
            format!(
                "{} chapters · about {} minutes of reading",
                all.len(),
                total_reading_minutes()
            )
            .into_any()
        }
    };
    view! {
        <p class="hero__actions">
            <UpNextActions />
            {move || {
                (!returning())
                    .then(|| {
                        view! {
                            <a class="button" href=href(Page::Diagram)>"See the diagram"</a>
                        }
                    })
            }}
        </p>
        <p class="hero__meta">{meta}</p>
    }
    .into_any()
}

/// The four things that make the guide different.
#[component]
fn Features() -> impl IntoView {
    view! {
        <section class="features" aria-labelledby="features-title">
            <h2 id="features-title" class="visually-hidden">"What makes this guide different"</h2>
            <ul class="features__list">
                <li class="feature feature--trace">
                    <a class="feature__title" href=href(Page::Diagram)>"Trace a real request"</a>
                    <span class="feature__text">"From the browser to the database and back"</span>
                </li>
                <li class="feature feature--quiz">
                    <a class="feature__title" href=href(Page::QuizHub)>"A quiz after each chapter"</a>
                    <span class="feature__text">"Every answer explained"</span>
                </li>
                <li class="feature feature--offline">
                    <strong class="feature__title">"Works offline"</strong>
                    <span class="feature__text">"After your first visit"</span>
                </li>
                <li class="feature feature--private">
                    <a class="feature__title" href=href(Page::Progress)>"Progress saved, no account"</a>
                    <span class="feature__text">"Kept in this browser, sent nowhere"</span>
                </li>
            </ul>
        </section>
    }
    .into_any()
}

/// Every chapter as a card; the whole card is its title's link (one link for screen readers).
#[component]
fn ChapterCards() -> impl IntoView {
    let progress = use_progress();
    let marked = Signal::derive(move || {
        progress.with(|p| {
            chapters()
                .iter()
                .any(|c| p.chapter_state(c.id) != ChapterState::NotStarted)
        })
    });
    view! {
        <section class="chapters" aria-labelledby="chapters-title">
            <h2 id="chapters-title">"Chapters"</h2>
            <StateMarkLegend shown=marked />
            <ol class="chapter-list">
                {chapters()
                    .iter()
                    .enumerate()
                    .map(|(i, chapter)| {
                        let state = Signal::derive(move || {
                            progress.with(|p| p.chapter_state(chapter.id))
                        });
                        view! {
                            <li class="chapter-card" data-state=move || state.get().as_str()>
                                <h3 class="chapter-card__title">
                                    <a
                                        class="chapter-card__link"
                                        href=href(Page::Chapter { id: chapter.id, section: None })
                                    >
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
    }
    .into_any()
}
