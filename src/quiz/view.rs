//! The quiz views, one file each: the hub of every quiz (`hub`), the start card (`start`), a
//! question (`question`, with its `choices` or order `steps`), the feedback after an answer
//! (`feedback`), the results (`results`), and the notes shown on several pages
//! (`review_status`, `unfinished`). [`QuizView`] switches between them as the attempt goes;
//! the attempt itself lives in the progress store.

mod choices;
mod feedback;
pub mod hub;
mod pairs;
mod question;
mod results;
pub mod review_status;
mod start;
mod steps;
mod unfinished;

use guide_content::quiz::Question;
use leptos::prelude::*;

use super::engine::Scope;
use super::quiz_name;
use crate::progress::store::{use_progress, ProgressStore};
use question::QuestionView;
use results::Results;
use start::StartCard;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Stage {
    Start,
    /// The position in the attempt, and which attempt (its start and seed): an attempt that
    /// another tab started replaces this one's view even at the same position.
    Question(usize, u64, u64),
    Results,
}

/// `/quiz/<key>`: the heading, then the start card, the current question or the results.
#[component]
pub fn QuizView(scope: Scope) -> impl IntoView {
    // An attempt saved elsewhere (storage, another tab, an import) was fitted to this build's
    // questions when it was decoded (`Progress::fit`): the views below still look every
    // number up rather than index with it.
    let progress = use_progress();
    let key = scope.key().to_string();
    let name = quiz_name(&key);
    let attempt_key = key.clone();
    // A saved attempt of this quiz whose questions have all been removed from the guide since
    // (pruned when it was read): nothing to resume or score, so the quiz starts afresh.
    let emptied = Memo::new(move |_| {
        progress.with(|p| {
            p.quiz
                .attempt
                .as_ref()
                .is_some_and(|a| a.quiz == attempt_key && a.items.is_empty())
        })
    });
    let stage = Memo::new(move |_| {
        progress.with(|p| match &p.quiz.attempt {
            Some(a) if a.quiz == key && a.items.is_empty() => Stage::Start,
            Some(a) if a.quiz == key && a.is_finished() => Stage::Results,
            Some(a) if a.quiz == key => Stage::Question(a.current, a.started_at, a.seed),
            _ => Stage::Start,
        })
    });
    view! {
        <section class="quiz" aria-labelledby="quiz-title">
            <h1 id="quiz-title" tabindex="-1">
                {move || if stage.get() == Stage::Results { "Results: " } else { "Quiz: " }}
                {name.clone()}
            </h1>
            {move || {
                emptied
                    .get()
                    .then(|| {
                        view! {
                            <p class="quiz-restart notice-box">
                                "Your saved run of this quiz asked questions that have since been taken out of the guide, so it starts afresh."
                            </p>
                        }
                    })
            }}
            {move || match stage.get() {
                Stage::Start => view! { <StartCard scope=scope.clone() /> }.into_any(),
                Stage::Question(index, ..) => view! { <QuestionView index /> }.into_any(),
                Stage::Results => view! { <Results scope=scope.clone() /> }.into_any(),
            }}
        </section>
    }
}

/// Starts the quiz of `scope` (saved at once) and moves focus to its heading.
fn start(store: ProgressStore, scope: &Scope) {
    store.start_quiz(scope);
    focus_by_id("quiz-title");
}

/// Text with `code` spans.
fn rich_text(text: &'static str) -> impl IntoView {
    text.split('`')
        .enumerate()
        .map(|(i, part)| {
            if i % 2 == 1 {
                view! { <code>{part}</code> }.into_any()
            } else {
                part.into_any()
            }
        })
        .collect_view()
}

/// The text of option `i` of `q` (empty if there is no such option).
fn option_text(q: &Question, i: u8) -> &'static str {
    q.options.get(usize::from(i)).map_or("", |o| o.text)
}

/// Focuses the element with `id` in the next frame without scrolling the page: what the
/// reader was looking at stays where it is.
fn focus_in_place(id: &'static str) {
    request_animation_frame(move || {
        if let Some(el) = document().get_element_by_id(id) {
            use wasm_bindgen::JsCast;
            if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
                let options = web_sys::FocusOptions::new();
                options.set_prevent_scroll(true);
                let _ = el.focus_with_options(&options);
            }
        }
    });
}

/// Focuses the element with `id` in the next frame (after the view has updated).
fn focus_by_id(id: impl Into<String>) {
    let id = id.into();
    request_animation_frame(move || {
        if let Some(el) = document().get_element_by_id(&id) {
            use wasm_bindgen::JsCast;
            if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
                let _ = el.focus();
            }
        }
    });
}
