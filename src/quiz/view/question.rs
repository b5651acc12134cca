//! One question of an attempt: its place in the quiz, the prompt, the answer controls
//! (`choices` or order `steps`), "Check answer", then the feedback.

use guide_content::quiz::{Kind, Question};
use leptos::prelude::*;

use super::choices::Choices;
use super::feedback::Feedback;
use super::steps::OrderSteps;
use super::{focus_by_id, rich_text};
use crate::progress::model::Progress;
use crate::progress::store::{use_progress, use_progress_store};
use crate::quiz::engine::{Item, MULTIPLE_RULE, ORDER_RULE};
use crate::quiz::question;

/// The answer given to the question on screen, once it is checked.
pub(super) type Answer = Memo<Option<Vec<u8>>>;

/// The item and question at `index` of the current attempt, and the number of items.
fn item_at(p: &Progress, index: usize) -> Option<(Item, &'static Question, usize)> {
    let attempt = p.quiz.attempt.as_ref()?;
    let item = attempt.items.get(index)?.clone();
    let q = question(&item.question)?;
    Some((item, q, attempt.items.len()))
}

/// How to answer a question of this kind.
fn kind_hint(kind: Kind) -> &'static str {
    match kind {
        Kind::Single => "Choose one answer.",
        Kind::TrueFalse => "True or false?",
        Kind::Multiple => MULTIPLE_RULE,
        Kind::Order => ORDER_RULE,
    }
}

#[component]
pub fn QuestionView(index: usize) -> impl IntoView {
    let store = use_progress_store();
    let progress = use_progress();
    let Some((item, q, total)) = progress.with_untracked(|p| item_at(p, index)) else {
        return ().into_any();
    };
    let answer: Answer =
        Memo::new(move |_| progress.with(|p| item_at(p, index).and_then(|(i, ..)| i.answer)));
    let answered = move || answer.with(Option::is_some);
    // The reader's choice before checking (choice questions) or arrangement (order questions).
    let selection = RwSignal::new(item.answer.clone().unwrap_or_default());
    let arrangement = RwSignal::new(item.answer.clone().unwrap_or_else(|| item.options.clone()));
    let hint = RwSignal::new("");

    let check = move |ev: web_sys::SubmitEvent| {
        ev.prevent_default();
        if answered() {
            return;
        }
        let given = if q.kind == Kind::Order {
            arrangement.get_untracked()
        } else {
            let mut chosen = selection.get_untracked();
            chosen.sort_unstable();
            chosen
        };
        if given.is_empty() {
            hint.set("Choose an answer first.");
            return;
        }
        hint.set("");
        store.answer_quiz(q, given);
        focus_by_id("quiz-feedback-title");
    };

    view! {
        <QuizPosition index total />
        <form class="quiz-question" on:submit=check data-question=q.id data-kind=format!("{:?}", q.kind)>
            <fieldset>
                <legend>
                    <span class="quiz-question__difficulty">{q.difficulty.label()}</span>
                    <span class="quiz-question__prompt">{rich_text(q.prompt)}</span>
                </legend>
                <p class="quiz-question__how" id="quiz-how">{kind_hint(q.kind)}</p>
                {if q.kind == Kind::Order {
                    view! { <OrderSteps q answer arrangement /> }.into_any()
                } else {
                    view! {
                        <ul class="quiz-options">
                            <Choices q options=item.options answer selection />
                        </ul>
                    }
                        .into_any()
                }}
            </fieldset>
            <p class="quiz-hint" role="alert">{move || hint.get()}</p>
            {move || {
                (!answered())
                    .then(|| {
                        view! {
                            <button id="quiz-check" type="submit" class="button button--primary">
                                "Check answer"
                            </button>
                        }
                    })
            }}
        </form>
        <div id="quiz-feedback" class="quiz-feedback" aria-live="polite">
            {move || answer.get().map(|given| view! { <Feedback q given last=index + 1 == total /> })}
        </div>
    }
    .into_any()
}

/// "Question 3 of 8" and a progress bar.
#[component]
fn QuizPosition(index: usize, total: usize) -> impl IntoView {
    view! {
        <div class="quiz-progress">
            <p id="quiz-position" tabindex="-1">{format!("Question {} of {total}", index + 1)}</p>
            <progress
                max=total.to_string()
                value=(index + 1).to_string()
                aria-labelledby="quiz-position"
            ></progress>
        </div>
    }
}
