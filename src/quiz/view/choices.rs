//! The options of a single, multiple or true/false question: native radio buttons or
//! checkboxes, then (once checked) which were right.

use guide_content::quiz::{Choice, Kind, Question};
use leptos::prelude::*;

use super::question::Answer;
use super::rich_text;

/// The options in their display order (`options`, indices into the question's options; one
/// that the question does not have is skipped).
#[component]
pub fn Choices(
    q: &'static Question,
    options: Vec<u8>,
    answer: Answer,
    selection: RwSignal<Vec<u8>>,
) -> impl IntoView {
    options
        .into_iter()
        .filter_map(|i| Some((i, q.options.get(usize::from(i))?)))
        .map(|(i, choice)| view! { <ChoiceOption q i choice answer selection /> })
        .collect_view()
}

/// The verdict on an option once the answer is checked.
fn verdict(correct: bool, picked: bool) -> &'static str {
    match (correct, picked) {
        (true, true) => "✓ Your choice, right",
        (true, false) => "✓ Right answer",
        (false, true) => "✗ Your choice, wrong",
        (false, false) => "",
    }
}

/// Option `i` of `q`.
#[component]
fn ChoiceOption(
    q: &'static Question,
    i: u8,
    choice: &'static Choice,
    answer: Answer,
    selection: RwSignal<Vec<u8>>,
) -> impl IntoView {
    let input_type = if q.kind == Kind::Multiple {
        "checkbox"
    } else {
        "radio"
    };
    let id = format!("quiz-option-{i}");
    let answered = move || answer.with(Option::is_some);
    let chosen = move || {
        answer.with(|a| {
            a.as_ref()
                .map_or_else(|| selection.with(|s| s.contains(&i)), |a| a.contains(&i))
        })
    };
    let shown_verdict = move || {
        answered().then(|| {
            let picked = answer.with(|a| a.as_ref().is_some_and(|a| a.contains(&i)));
            verdict(choice.correct, picked)
        })
    };
    let on_change = move |ev| {
        let on = event_target_checked(&ev);
        selection.update(|s| {
            if q.kind == Kind::Multiple {
                s.retain(|&x| x != i);
                if on {
                    s.push(i);
                }
            } else {
                *s = vec![i];
            }
        });
    };
    view! {
        <li
            class="quiz-option"
            data-correct=move || answered().then(|| choice.correct.to_string())
            data-chosen=move || chosen().to_string()
        >
            <input
                type=input_type
                name="quiz-answer"
                id=id.clone()
                value=i.to_string()
                prop:checked=chosen
                disabled=answered
                on:change=on_change
            />
            <label for=id>{rich_text(choice.text)}</label>
            <span class="quiz-option__verdict">{shown_verdict}</span>
        </li>
    }
}
