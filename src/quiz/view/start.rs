//! The start card of a quiz: what it asks, how points work, the best score so far.

use leptos::prelude::*;

use super::review_status::ReviewStatus;
use super::start;
use super::unfinished::UnfinishedQuiz;
use crate::clock::now;
use crate::progress::store::{use_progress, use_progress_store};
use crate::quiz::engine::{
    format_points, Scope, GUIDE_QUESTIONS_PER_CHAPTER, MULTIPLE_RULE, REVIEW_LIMIT,
};
use crate::quiz::{bank, question_count};
use crate::routes::{href, Page};
use crate::words::count as counted;
use guide_content::QUIZ_GUIDE;

/// What the quiz of `scope` asks, given how many questions it has now.
fn about(scope: &Scope, count: usize) -> String {
    match scope {
        Scope::Guide => format!(
            "{}, {GUIDE_QUESTIONS_PER_CHAPTER} from each chapter, in a random order.",
            counted(count, "question", "questions")
        ),
        Scope::Chapter(_) => format!(
            "{} on this chapter, in a random order.",
            counted(count, "question", "questions")
        ),
        Scope::Review => match count {
            0 => String::new(),
            1 => "1 question you missed earlier is due again.".into(),
            n => format!("{n} questions you missed earlier are due again."),
        },
        Scope::RetryMissed => match count {
            1 => "The question you missed last time.".into(),
            n => format!("The {n} questions you missed last time."),
        },
    }
}

#[component]
pub fn StartCard(scope: Scope) -> impl IntoView {
    let store = use_progress_store();
    let progress = use_progress();
    let listed =
        progress.with_untracked(|p| p.listed_for(&scope, bank().unwrap_or_default(), now()));
    let count = match scope {
        Scope::Review | Scope::RetryMissed => listed.len().min(REVIEW_LIMIT),
        _ => question_count(&scope),
    };
    if count == 0 {
        return view! { <NothingToAsk scope /> }.into_any();
    }
    let best = scope.keeps_best_score().then(|| {
        progress.with_untracked(|p| {
            p.quiz.best_scores.get(scope.key()).map(|s| {
                format!(
                    "Your best so far: {} of {} ({}%).",
                    format_points(s.points),
                    counted(s.total as usize, "point", "points"),
                    s.percent()
                )
            })
        })
    });
    let starting = scope.clone();
    view! {
        <p class="quiz-start__about">{about(&scope, count)}</p>
        <p>"After each answer you see whether it was right, why each choice is right or wrong, and a link back to the section that explains it. You can leave at any time: your place is saved in this browser."</p>
        <details class="quiz-rules">
            <summary>"How points work"</summary>
            <ul>
                <li>"One choice or true/false: 1 point for the right answer."</li>
                <li>{MULTIPLE_RULE}</li>
                <li>"Put in order: each step in its right place earns its share of the point."</li>
                <li>"Match: each right pair earns its share of the point."</li>
            </ul>
        </details>
        {best.flatten().map(|b| view! { <p class="quiz-start__best">{b}</p> })}
        <UnfinishedQuiz except=Some(scope.key().to_string()) />
        <p>
            <button
                id="quiz-start"
                type="button"
                class="button button--primary"
                on:click=move |_| start(store, &starting)
            >
                "Start the quiz"
            </button>
        </p>
    }
    .into_any()
}

/// A review or retry quiz with no question to ask (yet): what it is for, and where to start.
#[component]
fn NothingToAsk(scope: Scope) -> impl IntoView {
    let (message, how) = match scope {
        Scope::Review => (
            "No questions are due for review right now.",
            "How review works: a question you miss, or get only partly right, comes back here a day later. Answer it fully right when it is due and it returns after 3 days, then after 7; get it right once more and it leaves the queue. Spreading practice over days like this is called spaced repetition, and it helps what you learned stay with you.",
        ),
        _ => (
            "There are no missed questions to retry.",
            "When you finish a quiz, the questions you missed or got only partly right can be tried again here straight away, with the same explanations. Take a chapter's quiz or the quiz on the whole guide first.",
        ),
    };
    view! {
        <p class="quiz-empty">{message}</p>
        <p>{how}</p>
        <ReviewStatus />
        <p class="quiz-empty__actions">
            <a class="button button--primary" href=href(Page::Quiz { key: QUIZ_GUIDE })>
                "Quiz on the whole guide"
            </a>
            " "
            <a class="button" href=href(Page::QuizHub)>"All quizzes"</a>
        </p>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_card_says_what_the_quiz_asks() {
        assert_eq!(
            about(&Scope::Chapter("c".into()), 5),
            "5 questions on this chapter, in a random order."
        );
        assert_eq!(
            about(&Scope::Review, 1),
            "1 question you missed earlier is due again."
        );
        assert_eq!(
            about(&Scope::Review, 3),
            "3 questions you missed earlier are due again."
        );
        assert_eq!(
            about(&Scope::RetryMissed, 2),
            "The 2 questions you missed last time."
        );
        assert_eq!(
            about(&Scope::RetryMissed, 1),
            "The question you missed last time."
        );
    }
}
