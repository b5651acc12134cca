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
