//! What the reader gets after answering, at a glance: the verdict, what their own answer
//! means, one takeaway (the explanation), then — folded — why the other options are right or
//! wrong, and the section to re-read. The way on is the question's bar (`question`).

use guide_content::quiz::{Kind, Question};
use leptos::prelude::*;

use super::choices::state;
use super::rich_text;
use crate::content;
use crate::quiz::engine::{self, format_points, matched_pairs, Credit};
use crate::routes::{href, Page};

/// The verdict's text and its class suffix (`right`, `partly`, `wrong`).
pub(super) fn verdict(credit: Credit) -> (String, &'static str) {
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

/// One note: its mark and label, the option (and for a match pair, the answer it goes with),
/// and why.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Note {
    label: String,
    text: &'static str,
    paired_with: Option<&'static str>,
    feedback: &'static str,
}

/// The notes shown first (about the reader's own answer) and the ones folded away.
fn notes(q: &'static Question, given: &[u8]) -> (Vec<Note>, Vec<Note>) {
    let note = |label: String, text, paired_with, feedback| Note {
        label,
        text,
        paired_with,
        feedback,
    };
    match q.kind {
        // The arrangement shows its verdicts in place; the right order and why, folded.
        Kind::Order => (
            Vec::new(),
            q.options
                .iter()
                .enumerate()
                .map(|(place, o)| note(format!("Step {}", place + 1), o.text, None, o.feedback))
                .collect(),
        ),
        // The pairs given wrongly first, with their right answer; the right ones folded.
        Kind::Match => {
            let (mut wrong, mut right) = (Vec::new(), Vec::new());
            for ((k, item), ok) in q.options.iter().enumerate().zip(matched_pairs(q, given)) {
                let yours = given.get(k).map_or("", |&a| q.answer_text(a));
                if ok {
                    right.push(note(
                        "✓ Right pair:".into(),
                        item.text,
                        Some(q.answer_text(k as u8)),
                        item.feedback,
                    ));
                } else {
                    wrong.push(note(
                        format!("✗ Not “{}”. Right pair:", yours.replace('`', "")),
                        item.text,
                        Some(q.answer_text(k as u8)),
                        item.feedback,
                    ));
                }
            }
            (wrong, right)
        }
        _ => {
            let (mut yours, mut others) = (Vec::new(), Vec::new());
            for (i, o) in q.options.iter().enumerate() {
                let picked = given.contains(&(i as u8));
                let (_, words) = state(o.correct, picked);
                let n = note(words.into(), o.text, None, o.feedback);
                if picked {
                    yours.push(n);
                } else {
                    others.push(n);
                }
            }
            (yours, others)
        }
    }
}

/// What the folded notes are called.
fn folded_title(kind: Kind, first_is_empty: bool) -> &'static str {
    match kind {
        Kind::Order => "The right order, and why",
        Kind::Match if first_is_empty => "Why each pair goes together",
        Kind::Match => "Why the other pairs go together",
        Kind::TrueFalse => "Why the other answer is right or wrong",
        _ => "Why the other options are right or wrong",
    }
}

/// The title of the section that explains `q` (empty if it is gone).
fn section_title(q: &Question) -> &'static str {
    content::chapter(q.chapter)
        .and_then(|c| c.sections.iter().find(|s| s.id == q.section))
        .map_or("", |s| s.title)
}

fn note_view(note: Note) -> impl IntoView {
    view! {
        <li>
            <strong>{note.label} " "</strong>
            <span class="quiz-feedback__option">{rich_text(note.text)}</span>
            {note
                .paired_with
                .map(|answer| view! { " → " <span class="quiz-feedback__option">{rich_text(answer)}</span> })}
            <span class="quiz-feedback__why">" — " {rich_text(note.feedback)}</span>
        </li>
    }
}

#[component]
pub fn Feedback(q: &'static Question, given: Vec<u8>) -> impl IntoView {
    let (verdict, class) = verdict(engine::score(q, &given));
    let (first, folded) = notes(q, &given);
    let title = folded_title(q.kind, first.is_empty());
    view! {
        <h2 id="quiz-feedback-title" class=format!("quiz-feedback__verdict quiz-feedback__verdict--{class}") tabindex="-1">
            {verdict}
        </h2>
        {(!first.is_empty())
            .then(|| {
                view! {
                    <ul class="quiz-feedback__notes quiz-feedback__yours">
                        {first.into_iter().map(note_view).collect_view()}
                    </ul>
                }
            })}
        <p class="quiz-feedback__explanation">
            <strong>"Takeaway: "</strong>
            {rich_text(q.explanation)}
        </p>
        {(!folded.is_empty())
            .then(|| {
                view! {
                    <details class="quiz-feedback__more">
                        <summary>{title}</summary>
                        <ul class="quiz-feedback__notes">
                            {folded.into_iter().map(note_view).collect_view()}
                        </ul>
                    </details>
                }
            })}
        <p class="quiz-feedback__actions">
            <a
                class="quiz-feedback__reread"
                href=href(Page::Chapter { id: q.chapter, section: Some(q.section) })
            >
                "Re-read this section: " {section_title(q)}
            </a>
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
    fn your_answer_comes_first_and_the_others_are_folded() {
        let labels =
            |notes: Vec<Note>| -> Vec<String> { notes.into_iter().map(|n| n.label).collect() };
        let (first, folded) = notes(&TRUE_IS_RIGHT, &[0]);
        assert_eq!(labels(first), ["✓ Your answer: right"]);
        assert_eq!(labels(folded), ["Not chosen: wrong"]);
        let (first, folded) = notes(&TRUE_IS_RIGHT, &[1]);
        assert_eq!(labels(first), ["✗ Your answer: wrong"]);
        assert_eq!(labels(folded), ["→ You missed this: it is right"]);
    }
}
