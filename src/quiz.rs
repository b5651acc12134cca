//! The skills quiz: the question bank (generated from `content/quiz/*.toml`), the engine
//! (selection, seeded shuffling, scoring, resumable attempts: `engine`), the review queue
//! (`review`), both plain Rust; the views are in `pages::quiz`.

pub mod engine;
pub mod review;

include!(concat!(env!("OUT_DIR"), "/quiz.rs"));

/// A question of the bank by id.
pub fn question(id: &str) -> Option<&'static guide_content::quiz::Question> {
    QUESTIONS.iter().find(|q| q.id == id)
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
        explanation: ".",
    }
}
