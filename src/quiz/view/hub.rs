//! `/quiz`: every quiz (the whole guide, each chapter) with its best score, the review queue,
//! an unfinished attempt.

use leptos::prelude::*;

use super::review_status::ReviewStatus;
use super::unfinished::UnfinishedQuiz;
use crate::content::chapters;
use crate::progress::store::use_progress;
use crate::quiz::engine::{format_points, GUIDE_QUESTIONS_PER_CHAPTER};
use crate::quiz::QUESTIONS;
use crate::routes::{href, Page};
use crate::words::count as counted;

#[component]
pub fn QuizHub() -> impl IntoView {
    let progress = use_progress();
    let best = move |key: &str| {
        progress.with(|p| {
            p.quiz.best_scores.get(key).map(|s| {
                format!(
                    "Best: {} of {} ({}%)",
                    format_points(s.points),
                    counted(s.total as usize, "point", "points"),
                    s.percent()
                )
            })
        })
    };
    view! {
        <section class="quiz-hub" aria-labelledby="quiz-hub-title">
            <h1 id="quiz-hub-title" tabindex="-1">"Quiz yourself"</h1>
            <p class="quiz-hub__lead">
                "Find out what you really took in. Every answer comes with the reason it is right or wrong and a link back to the section that explains it. Questions you miss come back for review after 1, 3 and 7 days, until you get them right."
            </p>
            <UnfinishedQuiz except=None />
            <ReviewStatus />
            <h2>"The whole guide"</h2>
            <p>
                {format!(
                    "{}, {} from each chapter, different every time. ",
                    counted(chapters().len() * GUIDE_QUESTIONS_PER_CHAPTER, "question", "questions"),
                    GUIDE_QUESTIONS_PER_CHAPTER
                )}
                <span class="quiz-hub__best">{move || best("guide")}</span>
            </p>
            <p>
                <a class="button button--primary" href=href(Page::Quiz { key: "guide" })>
                    "Quiz on the whole guide"
                </a>
            </p>
            <h2>"One chapter"</h2>
            <ul class="quiz-list">
                {chapters()
                    .iter()
                    .map(|chapter| {
                        let count = QUESTIONS.iter().filter(|q| q.chapter == chapter.id).count();
                        view! {
                            <li class="quiz-list__item">
                                <a href=href(Page::Quiz { key: chapter.id })>{chapter.title}</a>
                                <span class="quiz-list__meta">
                                    {counted(count, "question", "questions")}
                                    {move || best(chapter.id).map(|b| format!(" · {b}"))}
                                </span>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </section>
    }
}
