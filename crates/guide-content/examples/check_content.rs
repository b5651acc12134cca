//! A quick check of everything under `content/`, for writers: the same rules as the build,
//! without building the app. Prints each chapter's words and question count, the question
//! bank's statistics (kinds, difficulties, and the shares the fairness rules bound) and the
//! number of glossary terms.
//!
//! ```sh
//! cargo run -p guide-content --features pipeline --example check_content [-- CONTENT_DIR]
//! ```

use std::path::PathBuf;

use guide_content::pipeline::{bank_stats, load, MIN_TERMS};

fn main() {
    let dir = PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| "content".into()));
    let guide = match load(&dir) {
        Ok(guide) => guide,
        Err(errors) => {
            for error in &errors {
                eprintln!("{error}");
            }
            eprintln!("{} problem(s)", errors.len());
            std::process::exit(1);
        }
    };
    println!("{:>5}  {:>9}  chapter", "words", "questions");
    for c in &guide.chapters {
        let questions = guide.questions.iter().filter(|q| q.chapter == c.id).count();
        println!("{:>5}  {questions:>9}  {:>2}. {}", c.words, c.order, c.id);
    }
    let words: u32 = guide.chapters.iter().map(|c| c.words).sum();
    println!(
        "{words:>5}  {:>9}  in all ({} chapters)",
        guide.questions.len(),
        guide.chapters.len()
    );
    println!();
    println!("{}", bank_stats(&guide.questions));
    println!();
    println!(
        "glossary: {} terms (at least {MIN_TERMS})",
        guide.glossary.len()
    );
}
