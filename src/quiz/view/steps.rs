//! The steps of an order question: a list the reader rearranges with "Up" and "Down"
//! buttons (the first step's "Up" and the last one's "Down" are disabled; focus follows the
//! moved step, to its other button once it reaches an end; each move is announced), then
//! (once checked) which steps are in their right place.

use guide_content::quiz::Question;
use leptos::prelude::*;

use super::question::Answer;
use super::{focus_by_id, option_text, rich_text};

/// The id of an order step's move button (the step is the option index, so focus can follow it).
fn move_button_id(option: u8, up: bool) -> String {
    format!("quiz-move-{}-{option}", if up { "up" } else { "down" })
}

/// Where the step at `from` goes when moved up or down among `n` (`None`: it is already
/// first or last).
fn move_target(from: usize, up: bool, n: usize) -> Option<usize> {
    if up {
        from.checked_sub(1)
    } else {
        Some(from + 1).filter(|&t| t < n)
    }
}

/// `arrangement`: the reader's order before checking (option indices); the answer's order after.
#[component]
pub fn OrderSteps(
    q: &'static Question,
    answer: Answer,
    arrangement: RwSignal<Vec<u8>>,
) -> impl IntoView {
    let order_news = RwSignal::new(String::new());
    let moves = move |from: usize, up: bool| {
        let n = arrangement.with_untracked(Vec::len);
        let Some(opt) = arrangement.with_untracked(|a| a.get(from).copied()) else {
            return;
        };
        let text = option_text(q, opt).replace('`', "");
        let Some(to) = move_target(from, up, n) else {
            return;
        };
        arrangement.update(|a| a.swap(from, to));
        let end = if to == 0 {
            " It is now first."
        } else if to + 1 == n {
            " It is now last."
        } else {
            ""
        };
        order_news.set(format!(
            "“{text}” moved to position {} of {n}.{end}",
            to + 1
        ));
        // Its button in that direction is disabled at an end: focus its other one.
        let still_possible = move_target(to, up, n).is_some();
        focus_by_id(move_button_id(opt, up == still_possible));
    };
    let steps = move || {
        let arranged = answer.get().unwrap_or_else(|| arrangement.get());
        let n = arranged.len();
        arranged
            .into_iter()
            .enumerate()
            .map(|(place, opt)| view! { <OrderStep q opt place n answer moves /> })
            .collect_view()
    };
    view! {
        <ol class="quiz-steps" aria-describedby="quiz-how">{steps}</ol>
        <p class="visually-hidden" aria-live="polite">{move || order_news.get()}</p>
    }
}

/// Option `opt` of `q`, at `place` of `n`; `moves(place, up)` moves it.
#[component]
fn OrderStep(
    q: &'static Question,
    opt: u8,
    place: usize,
    n: usize,
    answer: Answer,
    moves: impl Fn(usize, bool) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let answered = move || answer.with(Option::is_some);
    let text = option_text(q, opt);
    let spoken = text.replace('`', "");
    let in_place = usize::from(opt) == place;
    let button = move |up: bool| {
        let direction = if up { "up" } else { "down" };
        let at_end = move_target(place, up, n).is_none();
        view! {
            <button
                type="button"
                class="button button--small"
                id=move_button_id(opt, up)
                aria-label=format!("Move “{spoken}” {direction} (now {} of {n})", place + 1)
                disabled=at_end
                on:click=move |_| moves(place, up)
            >
                {if up { "↑ Up" } else { "↓ Down" }}
            </button>
        }
    };
    view! {
        <li class="quiz-step" data-correct=move || answered().then(|| in_place.to_string())>
            <span class="quiz-step__text">{rich_text(text)}</span>
            {(!answered())
                .then(|| view! { <span class="quiz-step__moves">{[true, false].map(button)}</span> })}
            {answered()
                .then(|| {
                    view! {
                        <span class="quiz-option__verdict">
                            {if in_place {
                                "✓ Right place".to_string()
                            } else {
                                format!("✗ Belongs at {}", usize::from(opt) + 1)
                            }}
                        </span>
                    }
                })}
        </li>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_step_moves_one_place_and_not_past_either_end() {
        assert_eq!(move_target(1, true, 3), Some(0));
        assert_eq!(move_target(1, false, 3), Some(2));
        assert_eq!(move_target(0, true, 3), None);
        assert_eq!(move_target(2, false, 3), None);
    }

    #[test]
    fn move_buttons_are_named_by_option_and_direction() {
        assert_eq!(move_button_id(4, true), "quiz-move-up-4");
        assert_eq!(move_button_id(0, false), "quiz-move-down-0");
    }
}
