//! "Up next" (home page, progress page): the first thing to do — "Start reading" for a
//! reader who has opened no chapter, else the plan of `progress::next` — and what is offered
//! beside it.

use leptos::prelude::*;

use crate::clock::now;
use crate::content::{self, chapters};
use crate::progress::next::{up_next, Action, Plan};
use crate::progress::store::use_progress;
use crate::quiz::{question, review};
use crate::routes::{href, Page};
use crate::words::count;

/// The plan for the reader's progress now (`None`: nothing opened yet).
pub fn use_plan() -> Memo<Option<Plan>> {
    let progress = use_progress();
    Memo::new(move |_| {
        let order: Vec<&str> = chapters().iter().map(|c| c.id).collect();
        progress.with(|p| {
            let due = review::due(&p.quiz.review, now(), |id| question(id).is_some()).len();
            up_next(p, &order, due)
        })
    })
}

/// An action's words and where it goes.
fn describe(action: &Action) -> (String, String) {
    let title = |id: &str| content::chapter(id).map_or(id.to_string(), |c| c.title.to_string());
    match action {
        Action::Read { chapter, section } => (
            format!("Up next: {}", title(chapter)),
            href(Page::Chapter {
                id: chapter,
                section: section.as_deref(),
            }),
        ),
        Action::Review(due) => (
            format!("Review {} due", count(*due, "question", "questions")),
            href(Page::Quiz { key: "review" }),
        ),
        Action::ChapterQuiz(chapter) => (
            format!("Quiz: {}", title(chapter)),
            href(Page::Quiz { key: chapter }),
        ),
        Action::GuideQuiz => (
            "Quiz on the whole guide".to_string(),
            href(Page::Quiz { key: "guide" }),
        ),
        Action::AllQuizzes => ("All quizzes".to_string(), href(Page::QuizHub)),
    }
}

/// The first action as the page's main button, and the one beside it. For a reader who has
/// opened no chapter: "Start reading" (the first chapter), the same prerendered and mounted.
#[component]
pub fn UpNextActions() -> impl IntoView {
    let plan = use_plan();
    move || match plan.get() {
        None => {
            let first = chapters()[0].id;
            view! {
                <a class="button button--primary up-next__first" href=href(Page::Chapter { id: first, section: None })>
                    "Start reading"
                </a>
            }
            .into_any()
        }
        Some(Plan { first, beside }) => {
            let (text, target) = describe(&first);
            view! {
                <a class="button button--primary up-next__first" data-returning="" href=target>
                    {text}
                </a>
                {beside
                    .map(|action| {
                        let (text, target) = describe(&action);
                        view! { <a class="button up-next__beside" href=target>{text}</a> }
                    })}
            }
            .into_any()
        }
    }
}
