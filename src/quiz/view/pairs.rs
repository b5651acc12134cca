//! The items of a match question: each item with a native `<select>` of the answers (the same
//! list for every item, alphabetical, plus "Choose…"), so it works by keyboard, touch and
//! screen reader alike; then (once checked) whether each pair is right, and if not, its
//! right answer.

use guide_content::quiz::Question;
use leptos::prelude::*;

use super::question::Answer;
use super::rich_text;
use crate::quiz::engine::matched_pairs;

/// An answer's text as a list entry shows it (no code marks: an `<option>` holds text only).
fn plain(text: &str) -> String {
    text.replace('`', "")
}

/// `options`: the items in display order (indices into the question's items; one it does not
/// have is skipped); `paired`: the answer chosen for each item, in the question's item order.
#[component]
pub fn MatchPairs(
    q: &'static Question,
    options: Vec<u8>,
    answer: Answer,
    paired: RwSignal<Vec<Option<u8>>>,
) -> impl IntoView {
    let listed = q.answers_listed();
    view! {
        <ul class="quiz-pairs">
            {options
                .into_iter()
                .filter(|&k| usize::from(k) < q.options.len())
                .map(|k| view! { <MatchPair q k listed=listed.clone() answer paired /> })
                .collect_view()}
        </ul>
    }
}

/// Item `k` of `q` and its list.
#[component]
fn MatchPair(
    q: &'static Question,
    k: u8,
    listed: Vec<u8>,
    answer: Answer,
    paired: RwSignal<Vec<Option<u8>>>,
) -> impl IntoView {
    let item = usize::from(k);
    let id = format!("quiz-match-{k}");
    let answered = move || answer.with(Option::is_some);
    let current = move || paired.with(|p| p.get(item).copied().flatten());
    // Once checked: whether the pair is right, and the words for it.
    let checked = move || {
        answer.with(|a| {
            a.as_ref().map(|given| {
                let ok = matched_pairs(q, given).nth(item).unwrap_or(false);
                let words = if ok {
                    "✓ Right pair".to_string()
                } else {
                    format!("✗ Wrong: it goes with “{}”", plain(q.answer_text(k)))
                };
                (if ok { "right" } else { "wrong" }, words)
            })
        })
    };
    let on_change = move |ev| {
        let chosen = event_target_value(&ev).parse::<u8>().ok();
        paired.update(|p| {
            if let Some(slot) = p.get_mut(item) {
                *slot = chosen;
            }
        });
    };
    let choices = listed
        .into_iter()
        .map(|a| {
            view! {
                <option value=a.to_string() prop:selected=move || current() == Some(a)>
                    {plain(q.answer_text(a))}
                </option>
            }
        })
        .collect_view();
    view! {
        <li
            class="quiz-pair"
            data-item=k
            data-correct=move || checked().map(|(state, _)| (state == "right").to_string())
            data-state=move || checked().map(|(state, _)| state)
        >
            <label class="quiz-pair__item" for=id.clone()>
                {rich_text(q.options.get(item).map_or("", |o| o.text))}
            </label>
            <select id=id name=format!("quiz-match-{k}") disabled=answered on:change=on_change>
                <option value="" prop:selected=move || current().is_none()>"Choose…"</option>
                {choices}
            </select>
            <span class="quiz-pair__chosen" aria-hidden="true">
                {move || current().map(|a| plain(q.answer_text(a)))}
            </span>
            <span class="quiz-option__verdict">{move || checked().map(|(_, words)| words)}</span>
        </li>
    }
}
