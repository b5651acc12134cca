//! "You have an unfinished quiz" (on the hub and on other quizzes' start cards).

use leptos::prelude::*;

use crate::progress::store::use_progress;
use crate::quiz::{is_known_quiz, quiz_name};
use crate::routes::{href, Page};

/// A link to resume the unfinished attempt (unless it is the quiz `except`).
#[component]
pub fn UnfinishedQuiz(except: Option<String>) -> impl IntoView {
    let progress = use_progress();
    move || {
        let (key, position, total) = progress.with(|p| {
            let a = p.quiz.attempt.as_ref().filter(|a| !a.is_finished())?;
            Some((a.quiz.clone(), a.current + 1, a.items.len()))
        })?;
        if except.as_deref() == Some(key.as_str()) || !is_known_quiz(&key) {
            return None;
        }
        let name = quiz_name(&key);
        Some(view! {
            <p class="quiz-unfinished notice-box">
                {format!("You have an unfinished quiz: {name}, question {position} of {total}. ")}
                <a href=href(Page::Quiz { key: &key })>"Resume it"</a>
            </p>
        })
    }
}
