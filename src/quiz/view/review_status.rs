//! How many questions are due for review (home page, quiz hub, start cards, progress page).

use leptos::prelude::*;

use crate::clock::now;
use crate::progress::store::use_progress;
use crate::quiz::{question, review};
use crate::routes::{href, Page};

fn exists(id: &str) -> bool {
    question(id).is_some()
}

/// How many questions are due for review, or when the next one is; nothing when none is
/// queued. A paragraph of its own (not to be put inside another).
#[component]
pub fn ReviewStatus() -> impl IntoView {
    let progress = use_progress();
    move || {
        let at = now();
        let (due, next) = progress.with(|p| {
            (
                review::due(&p.quiz.review, at, exists).len(),
                review::next_due(&p.quiz.review, exists),
            )
        });
        let text = match (due, next) {
            (0, None) => return None,
            (0, Some(next)) => format!(
                "No questions are due for review. The next one comes back {}.",
                review::describe_wait(next, at)
            ),
            (1, _) => "1 question you missed is due for review.".to_string(),
            (n, _) => format!("{n} questions you missed are due for review."),
        };
        Some(view! {
            <p class="quiz-review-status" data-due=due>
                {text}
                {(due > 0)
                    .then(|| {
                        view! {
                            " "
                            <a class="button" href=href(Page::Quiz { key: "review" })>
                                "Review them now"
                            </a>
                        }
                    })}
            </p>
        })
    }
}
