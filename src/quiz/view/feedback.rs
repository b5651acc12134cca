//! What the reader gets after answering: verdict, feedback per chosen and missed option, the
//! explanation, the section to re-read, and the way on.

use guide_content::quiz::{Kind, Question};
use leptos::prelude::*;

use super::{focus_by_id, rich_text};
use crate::content;
use crate::progress::store::use_progress_store;
use crate::quiz::engine::{self, format_points, Credit};
use crate::routes::{href, Page};

/// The verdict's text and its class suffix (`right`, `partly`, `wrong`).
fn verdict(credit: Credit) -> (String, &'static str) {
    if credit.is_full() {
        ("Right!".to_string(), "right")
    } else if credit.points > 0 {
        (
            format!("Partly right: {} of 1 point.", format_points(credit.points)),
            "partly",
        )
    } else {
        ("Not quite.".to_string(), "wrong")
    }
}

/// A note per option: (label, option text, feedback). Every step of an order question, in
/// the right order; the chosen and the missed right options of the others.
fn notes(q: &'static Question, given: &[u8]) -> Vec<(String, &'static str, &'static str)> {
    match q.kind {
        Kind::Order => q
            .options
            .iter()
            .enumerate()
            .map(|(place, o)| (format!("Step {}", place + 1), o.text, o.feedback))
            .collect(),
        _ => q
            .options
            .iter()
            .enumerate()
            .filter_map(|(i, o)| {
                let picked = given.contains(&(i as u8));
                let label = match (picked, o.correct) {
                    (true, true) => "You chose, and it is right",
                    (true, false) => "You chose, but it is wrong",
                    (false, true) => "You missed this right answer",
                    (false, false) => return None,
                };
                Some((label.to_string(), o.text, o.feedback))
            })
            .collect(),
    }
}

/// The title of the section that explains `q` (empty if it is gone).
fn section_title(q: &Question) -> &'static str {
    content::chapter(q.chapter)
        .and_then(|c| c.sections.iter().find(|s| s.id == q.section))
        .map_or("", |s| s.title)
}

/// `last`: this was the attempt's last question (the way on is the results).
#[component]
pub fn Feedback(q: &'static Question, given: Vec<u8>, last: bool) -> impl IntoView {
    let store = use_progress_store();
    let (verdict, class) = verdict(engine::score(q, &given));
    let next = move |_| {
        store.next_quiz_question();
        focus_by_id(if last { "quiz-title" } else { "quiz-position" });
    };
    view! {
        <h2 id="quiz-feedback-title" class=format!("quiz-feedback__verdict quiz-feedback__verdict--{class}") tabindex="-1">
            {verdict}
        </h2>
        {(q.kind == Kind::Order).then(|| view! { <p>"The right order:"</p> })}
        <ul class="quiz-feedback__notes">
            {notes(q, &given)
                .into_iter()
                .map(|(label, text, feedback)| {
                    view! {
                        <li>
                            <strong>{label} ": "</strong>
                            <span class="quiz-feedback__option">{rich_text(text)}</span>
                            <span class="quiz-feedback__why">" — " {rich_text(feedback)}</span>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
        <p class="quiz-feedback__explanation">{rich_text(q.explanation)}</p>
        <p class="quiz-feedback__actions">
            <a
                class="quiz-feedback__reread"
                href=href(Page::Chapter { id: q.chapter, section: Some(q.section) })
            >
                "Re-read this section: " {section_title(q)}
            </a>
            <button id="quiz-next" type="button" class="button button--primary" on:click=next>
                {if last { "See your results" } else { "Next question" }}
            </button>
        </p>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quiz::engine::FULL_CREDIT;

    static TRUE_IS_RIGHT: Question = crate::quiz::true_false("q", "c", true);

    #[test]
    fn the_verdict_follows_the_credit() {
        let credit = |points| Credit { points };
        assert_eq!(verdict(credit(FULL_CREDIT)).1, "right");
        assert_eq!(verdict(credit(0)), ("Not quite.".to_string(), "wrong"));
        assert_eq!(verdict(credit(50)).1, "partly");
    }

    #[test]
    fn notes_name_the_chosen_and_the_missed_right_options() {
        let labels = |given: &[u8]| -> Vec<String> {
            notes(&TRUE_IS_RIGHT, given)
                .into_iter()
                .map(|(label, ..)| label)
                .collect()
        };
        assert_eq!(labels(&[0]), ["You chose, and it is right"]);
        assert_eq!(
            labels(&[1]),
            ["You missed this right answer", "You chose, but it is wrong"]
        );
        assert_eq!(labels(&[]), ["You missed this right answer"]);
    }
}
