//! The skills quiz: the question index and bank (generated from `content/quiz/*.toml`), the
//! engine (selection, seeded shuffling, scoring, resumable attempts: `engine`), the review queue
//! (`review`), both plain Rust, and the views (`view`; the routes are in `pages::quiz`).
//!
//! The main wasm module holds only the index, [`QUESTIONS`]: each question's id, chapter and
//! shape, which is all that progress, the review queue and the home page need. The texts (the
//! bank, [`bank()`]) are fetched by the quiz pages with their chunk (`bank::load`); natively
//! (the prerenderer, host tests) they are compiled in.

pub mod bank;
pub mod engine;
pub mod review;
pub mod view;

use engine::{Scope, GUIDE_QUESTIONS_PER_CHAPTER};
use guide_content::quiz::{Question, QuestionShape};

use crate::content;

include!(concat!(env!("OUT_DIR"), "/quiz_index.rs"));

/// A question of this build by id (its shape: the texts are in [`bank_question`]).
pub fn question(id: &str) -> Option<&'static QuestionShape> {
    QUESTIONS.iter().find(|q| q.id == id)
}

/// The question bank with its texts: natively always; in the browser once a quiz page (or a
/// link to one) has loaded it (`bank::load`), `None` before.
pub fn bank() -> Option<&'static [Question]> {
    bank::get()
}

/// A question of the bank, with its texts, by id (`None` also while the bank is not loaded).
pub fn bank_question(id: &str) -> Option<&'static Question> {
    bank()?.iter().find(|q| q.id == id)
}

/// The quiz a key names in this build (`guide`, `review`, `retry` or a chapter id).
pub fn scope_of(key: &str) -> Option<Scope> {
    Scope::from_key(key, |id| content::chapter(id).is_some())
}

/// Whether `key` names a quiz of this build (entries for others are kept, not shown).
pub fn is_known_quiz(key: &str) -> bool {
    scope_of(key).is_some()
}

/// The reader-facing name of a quiz.
pub fn quiz_name(key: &str) -> String {
    match scope_of(key) {
        Some(Scope::Guide) => "The whole guide".into(),
        Some(Scope::Review) => "Review missed questions".into(),
        Some(Scope::RetryMissed) => "Retry missed questions".into(),
        Some(Scope::Chapter(id)) => content::chapter(&id).map_or(id, |c| c.title.to_string()),
        None => key.to_string(),
    }
}

/// How many questions a guide or chapter quiz asks (0 for review and retry: it depends).
pub fn question_count(scope: &Scope) -> usize {
    match scope {
        Scope::Chapter(id) => QUESTIONS.iter().filter(|q| q.chapter == id).count(),
        Scope::Guide => content::chapters().len() * GUIDE_QUESTIONS_PER_CHAPTER,
        Scope::Review | Scope::RetryMissed => 0,
    }
}

/// The bank, in host tests.
#[cfg(test)]
pub(crate) fn test_bank() -> &'static [Question] {
    bank().expect("natively the bank is compiled in")
}

/// A true/false question for host tests (`answer`: whether "True" is right).
#[cfg(test)]
pub(crate) const fn true_false(
    id: &'static str,
    chapter: &'static str,
    answer: bool,
) -> guide_content::quiz::Question {
    use guide_content::quiz::{Choice, Difficulty, Kind, Question};
    const fn options(answer: bool) -> [Choice; 2] {
        [
            Choice {
                text: "True",
                correct: answer,
                feedback: ".",
            },
            Choice {
                text: "False",
                correct: !answer,
                feedback: ".",
            },
        ]
    }
    const TRUE_IS_RIGHT: [Choice; 2] = options(true);
    const FALSE_IS_RIGHT: [Choice; 2] = options(false);
    Question {
        id,
        chapter,
        section: "s",
        difficulty: Difficulty::Easy,
        kind: Kind::TrueFalse,
        prompt: "?",
        options: if answer {
            &TRUE_IS_RIGHT
        } else {
            &FALSE_IS_RIGHT
        },
        answers: &[],
        explanation: ".",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_quiz_of_this_build_has_a_name() {
        let chapter = &content::chapters()[0];
        assert_eq!(quiz_name("guide"), "The whole guide");
        assert_eq!(quiz_name("review"), "Review missed questions");
        assert_eq!(quiz_name("retry"), "Retry missed questions");
        assert_eq!(quiz_name(chapter.id), chapter.title);
        assert!(is_known_quiz(chapter.id) && is_known_quiz("guide"));
        assert_eq!(
            scope_of(chapter.id),
            Some(Scope::Chapter(chapter.id.into()))
        );
    }

    #[test]
    fn a_quiz_of_another_build_is_unknown_and_shown_by_its_key() {
        assert!(!is_known_quiz("no-such-chapter"));
        assert_eq!(scope_of("no-such-chapter"), None);
        assert_eq!(quiz_name("no-such-chapter"), "no-such-chapter");
    }

    #[test]
    fn question_counts() {
        let chapter = content::chapters()[0].id;
        let of_chapter = QUESTIONS.iter().filter(|q| q.chapter == chapter).count();
        assert!(of_chapter > 0);
        let in_bank = test_bank().iter().filter(|q| q.chapter == chapter).count();
        assert_eq!(in_bank, of_chapter);
        assert_eq!(question_count(&Scope::Chapter(chapter.into())), of_chapter);
        assert_eq!(
            question_count(&Scope::Guide),
            content::chapters().len() * GUIDE_QUESTIONS_PER_CHAPTER
        );
        assert_eq!(question_count(&Scope::Review), 0);
    }
}
