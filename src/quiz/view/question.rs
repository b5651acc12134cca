//! One question of an attempt: its place in the quiz, the prompt, the answer controls
//! (`choices`, order `steps` or match `pairs`), then the feedback; "Check answer" and "Next
//! question" sit in a bar that stays at the bottom of the screen when the page is longer.

use guide_content::quiz::{Kind, Question};
use leptos::prelude::*;

use super::choices::Choices;
use super::feedback::{verdict, Feedback};
use super::pairs::MatchPairs;
use super::steps::OrderSteps;
use super::{focus_by_id, focus_in_place, rich_text};
use crate::progress::model::Progress;
use crate::progress::store::{use_progress, use_progress_store};
use crate::quiz::bank_question;
use crate::quiz::engine::{self, Item, MATCH_RULE, MULTIPLE_RULE, ORDER_RULE};

/// The answer given to the question on screen, once it is checked.
pub(super) type Answer = Memo<Option<Vec<u8>>>;

/// The item and question at `index` of the current attempt, and the number of items.
fn item_at(p: &Progress, index: usize) -> Option<(Item, &'static Question, usize)> {
    let attempt = p.quiz.attempt.as_ref()?;
    let item = attempt.items.get(index)?.clone();
    let q = bank_question(&item.question)?;
    Some((item, q, attempt.items.len()))
}

/// How to answer a question of this kind.
fn kind_hint(kind: Kind) -> &'static str {
    match kind {
        Kind::Single => "Choose one answer.",
        Kind::TrueFalse => "True or false?",
        Kind::Multiple => MULTIPLE_RULE,
        Kind::Order => ORDER_RULE,
        Kind::Match => MATCH_RULE,
    }
}

/// What the reader has given so far, as the answer to store; or why it cannot be checked yet.
fn given_answer(
    kind: Kind,
    selection: &[u8],
    arrangement: &[u8],
    paired: &[Option<u8>],
) -> Result<Vec<u8>, &'static str> {
    match kind {
        Kind::Order => Ok(arrangement.to_vec()),
        Kind::Match => paired
            .iter()
            .copied()
            .collect::<Option<Vec<u8>>>()
            .filter(|p| !p.is_empty())
            .ok_or("Choose an answer for every item first."),
        _ => {
            let mut chosen = selection.to_vec();
            chosen.sort_unstable();
            if chosen.is_empty() {
                Err("Choose an answer first.")
            } else {
                Ok(chosen)
            }
        }
    }
}

#[component]
pub fn QuestionView(index: usize) -> impl IntoView {
    let store = use_progress_store();
    let progress = use_progress();
    let Some((item, q, total)) = progress.with_untracked(|p| item_at(p, index)) else {
        return ().into_any();
    };
    let last = index + 1 == total;
    let answer: Answer =
        Memo::new(move |_| progress.with(|p| item_at(p, index).and_then(|(i, ..)| i.answer)));
    let answered = move || answer.with(Option::is_some);
    // The reader's choice before checking (choice questions), arrangement (order questions)
    // or the answer chosen for each item (match questions, in the question's item order).
    let selection = RwSignal::new(item.answer.clone().unwrap_or_default());
    let arrangement = RwSignal::new(item.answer.clone().unwrap_or_else(|| item.options.clone()));
    let paired = RwSignal::new(match &item.answer {
        Some(a) if q.kind == Kind::Match => a.iter().copied().map(Some).collect(),
        _ => vec![
            None;
            if q.kind == Kind::Match {
                q.options.len()
            } else {
                0
            }
        ],
    });
    let hint = RwSignal::new("");

    let check = move |ev: web_sys::SubmitEvent| {
        ev.prevent_default();
        if answered() {
            return;
        }
        let given = selection.with_untracked(|s| {
            arrangement.with_untracked(|a| paired.with_untracked(|p| given_answer(q.kind, s, a, p)))
        });
        match given {
            Ok(given) => {
                hint.set("");
                store.answer_quiz(q, given);
                // The question stays where it is on screen (its options now show what was
                // right); the feedback below it is what a screen reader reads next.
                focus_in_place("quiz-feedback-title");
            }
            Err(problem) => hint.set(problem),
        }
    };
    let next = move |_| {
        store.next_quiz_question();
        focus_by_id(if last { "quiz-title" } else { "quiz-position" });
    };
    let short_verdict = move || {
        answer.with(|a| {
            a.as_ref()
                .map(|given| verdict(engine::score(q, given)))
                .map(|(text, class)| {
                    (
                        text.split(':').next().unwrap_or_default().to_string(),
                        class,
                    )
                })
        })
    };

    view! {
        <QuizPosition index total answered=Signal::derive(answered) />
        <form id="quiz-form" class="quiz-question" on:submit=check data-question=q.id data-kind=format!("{:?}", q.kind)>
            <fieldset>
                <legend>
                    <span class="quiz-question__difficulty">{q.difficulty.label()}</span>
                    <span class="quiz-question__prompt">{rich_text(q.prompt)}</span>
                </legend>
                <p class="quiz-question__how" id="quiz-how">{kind_hint(q.kind)}</p>
                {match q.kind {
                    Kind::Order => view! { <OrderSteps q answer arrangement /> }.into_any(),
                    Kind::Match => {
                        view! { <MatchPairs q options=item.options.clone() answer paired /> }.into_any()
                    }
                    _ => {
                        view! {
                            <ul class="quiz-options">
                                <Choices q options=item.options.clone() answer selection />
                            </ul>
                        }
                            .into_any()
                    }
                }}
            </fieldset>
            <p class="quiz-hint" role="alert">{move || hint.get()}</p>
        </form>
        <div id="quiz-feedback" class="quiz-feedback" aria-live="polite">
            {move || answer.get().map(|given| view! { <Feedback q given /> })}
        </div>
        <div class="quiz-bar">
            {move || match short_verdict() {
                None => {
                    view! {
                        <button id="quiz-check" type="submit" form="quiz-form" class="button button--primary">
                            "Check answer"
                        </button>
                    }
                        .into_any()
                }
                Some((text, class)) => {
                    view! {
                        <p class=format!("quiz-bar__verdict quiz-bar__verdict--{class}") aria-hidden="true">
                            {text}
                        </p>
                        <button id="quiz-next" type="button" class="button button--primary" on:click=next>
                            {if last { "See your results" } else { "Next question" }}
                        </button>
                    }
                        .into_any()
                }
            }}
        </div>
    }
    .into_any()
}

/// "Question 3 of 8" and a progress bar that counts the questions answered (full only once
/// the last one is).
#[component]
fn QuizPosition(index: usize, total: usize, answered: Signal<bool>) -> impl IntoView {
    view! {
        <div class="quiz-progress">
            <p id="quiz-position" tabindex="-1">{format!("Question {} of {total}", index + 1)}</p>
            <progress
                max=total.to_string()
                value=move || (index + usize::from(answered.get())).to_string()
                aria-labelledby="quiz-position"
            ></progress>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_answer_is_checked_only_once_it_is_complete() {
        assert_eq!(
            given_answer(Kind::Single, &[], &[], &[]),
            Err("Choose an answer first.")
        );
        assert_eq!(
            given_answer(Kind::Multiple, &[3, 1], &[], &[]),
            Ok(vec![1, 3])
        );
        assert_eq!(
            given_answer(Kind::Order, &[], &[2, 0, 1], &[]),
            Ok(vec![2, 0, 1])
        );
        assert_eq!(
            given_answer(Kind::Match, &[], &[], &[Some(1), None, Some(0)]),
            Err("Choose an answer for every item first.")
        );
        assert_eq!(
            given_answer(Kind::Match, &[], &[], &[Some(1), Some(2), Some(0)]),
            Ok(vec![1, 2, 0])
        );
    }
}
