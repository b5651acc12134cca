//! The options of a single, multiple or true/false question: native radio buttons or
//! checkboxes, then (once checked) each option in one of four states, told apart by words and
//! a mark as well as colour: your answer and right, your answer and wrong, a right answer you
//! missed, and a wrong one you rightly left.

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

/// The state of an option once the answer is checked: its `data-state` and its words.
pub(super) fn state(correct: bool, picked: bool) -> (&'static str, &'static str) {
    match (correct, picked) {
        (true, true) => ("right", "✓ Your answer: right"),
        (false, true) => ("wrong", "✗ Your answer: wrong"),
        (true, false) => ("missed", "→ You missed this: it is right"),
        (false, false) => ("other", "Not chosen: wrong"),
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
    let checked_state =
        move || answer.with(|a| a.as_ref().map(|a| state(choice.correct, a.contains(&i))));
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
            data-state=move || checked_state().map(|(state, _)| state)
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
            <span class="quiz-option__verdict">{move || checked_state().map(|(_, words)| words)}</span>
        </li>
    }
}

#[cfg(test)]
mod tests {
    use super::state;

    #[test]
    fn the_four_states_have_their_own_words() {
        let all = [
            state(true, true),
            state(false, true),
            state(true, false),
            state(false, false),
        ];
        for (i, a) in all.iter().enumerate() {
            for b in &all[i + 1..] {
                assert!(a.0 != b.0 && a.1 != b.1, "{a:?} and {b:?}");
            }
        }
        assert!(state(true, false).1.contains("You missed this"));
    }
}
