//! Rules that keep the quiz from being passed by guessing (checked by the build, with the
//! others), and the bank's statistics that show how close it is to them.
//!
//! - True/false answers: between [`MIN_TRUE_PERCENT`] and [`MAX_TRUE_PERCENT`] of them "true".
//! - The right answer gives itself away by length in at most a third of the single- and
//!   multiple-choice questions (see [`correct_is_longest`]).
//! - No two options of one question share their feedback: each says why *that* choice is right
//!   or wrong (for a match question: each pair says why it goes together).
//!
//! Match questions count in the statistics per kind only: the length rule is about choosing
//! one option among others, and a match question has no true/false answer.

use std::fmt;

use super::ContentError;
use crate::quiz::{Choice, Difficulty, Kind, Question};

/// The share of true/false questions whose answer is "true" must lie in this range (percent).
pub const MIN_TRUE_PERCENT: usize = 40;
pub const MAX_TRUE_PERCENT: usize = 60;

/// At most one in this many single- and multiple-choice questions may have its right options
/// strictly longest.
pub const LONGEST_CORRECT_AT_MOST_ONE_IN: usize = 3;

/// Whether the right answer of a single- or multiple-choice question can be spotted by length:
/// every correct option's text is longer (in characters) than every wrong option's. For a
/// single-choice question that is "the right option is strictly the longest". Always `false`
/// for the other kinds.
pub fn correct_is_longest(q: &Question) -> bool {
    if !matches!(q.kind, Kind::Single | Kind::Multiple) {
        return false;
    }
    let length = |c: &Choice| c.text.chars().count();
    let shortest_right = q.options.iter().filter(|c| c.correct).map(length).min();
    let longest_wrong = q.options.iter().filter(|c| !c.correct).map(length).max();
    match (shortest_right, longest_wrong) {
        (Some(right), Some(wrong)) => right > wrong,
        _ => false,
    }
}

/// A problem when two options of one question have the same feedback.
pub fn shared_feedback(options: &[Choice]) -> Option<String> {
    options.iter().enumerate().find_map(|(i, a)| {
        options[i + 1..]
            .iter()
            .find(|b| !a.feedback.is_empty() && a.feedback == b.feedback)
            .map(|b| {
                format!(
                    "options `{}` and `{}` share their feedback; say why each one is right or wrong",
                    a.text, b.text
                )
            })
    })
}

/// What the bank is made of.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BankStats {
    pub questions: usize,
    /// `(chapter id, questions)` in bank order.
    pub per_chapter: Vec<(&'static str, usize)>,
    pub per_kind: [(Kind, usize); 5],
    pub per_difficulty: [(Difficulty, usize); 3],
    /// True/false questions, and how many of them have the answer "true".
    pub true_false: usize,
    pub answer_true: usize,
    /// Single- and multiple-choice questions, and in how many the right options are the longest.
    pub choice: usize,
    pub longest_correct: usize,
}

pub fn bank_stats(questions: &[Question]) -> BankStats {
    let count = |keep: &dyn Fn(&Question) -> bool| questions.iter().filter(|q| keep(q)).count();
    let mut per_chapter: Vec<(&'static str, usize)> = Vec::new();
    for q in questions {
        match per_chapter.iter_mut().find(|(c, _)| *c == q.chapter) {
            Some((_, n)) => *n += 1,
            None => per_chapter.push((q.chapter, 1)),
        }
    }
    let per_kind = Kind::ALL.map(|k| (k, count(&|q| q.kind == k)));
    let per_difficulty = [Difficulty::Easy, Difficulty::Medium, Difficulty::Hard]
        .map(|d| (d, count(&|q| q.difficulty == d)));
    BankStats {
        questions: questions.len(),
        per_chapter,
        per_kind,
        per_difficulty,
        true_false: count(&|q| q.kind == Kind::TrueFalse),
        answer_true: count(&|q| {
            q.kind == Kind::TrueFalse && q.options.first().is_some_and(|o| o.correct)
        }),
        choice: count(&|q| matches!(q.kind, Kind::Single | Kind::Multiple)),
        longest_correct: count(&correct_is_longest),
    }
}

fn percent(part: usize, whole: usize) -> usize {
    (part * 100).checked_div(whole).unwrap_or(0)
}

impl fmt::Display for BankStats {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let kinds: Vec<String> = self
            .per_kind
            .iter()
            .map(|(k, n)| format!("{} {n}", k.name()))
            .collect();
        let difficulties: Vec<String> = self
            .per_difficulty
            .iter()
            .map(|(d, n)| format!("{} {n}", d.label().to_lowercase()))
            .collect();
        writeln!(f, "questions: {}", self.questions)?;
        writeln!(f, "per kind: {}", kinds.join(", "))?;
        writeln!(f, "per difficulty: {}", difficulties.join(", "))?;
        writeln!(
            f,
            "true/false answered \"true\": {} of {} ({}%; allowed {MIN_TRUE_PERCENT}–{MAX_TRUE_PERCENT}%)",
            self.answer_true,
            self.true_false,
            percent(self.answer_true, self.true_false)
        )?;
        write!(
            f,
            "right option the longest: {} of {} single/multiple ({}%; allowed at most a third)",
            self.longest_correct,
            self.choice,
            percent(self.longest_correct, self.choice)
        )
    }
}

/// The bank-wide rules (the per-question one, [`shared_feedback`], runs with the other checks
/// of a question).
pub fn check_bank(questions: &[Question]) -> Vec<ContentError> {
    let stats = bank_stats(questions);
    let mut errors = Vec::new();
    let bank_error = |message: String| ContentError {
        file: "content/quiz".into(),
        line: None,
        message,
    };
    let (t, n) = (stats.answer_true, stats.true_false);
    if n > 0 && !(t * 100 >= MIN_TRUE_PERCENT * n && t * 100 <= MAX_TRUE_PERCENT * n) {
        errors.push(bank_error(format!(
            "{t} of {n} true/false answers are \"true\" ({}%); keep between {MIN_TRUE_PERCENT}% and {MAX_TRUE_PERCENT}% so guessing one answer does not pay (flip some statements)",
            percent(t, n)
        )));
    }
    let (l, c) = (stats.longest_correct, stats.choice);
    if l * LONGEST_CORRECT_AT_MOST_ONE_IN > c {
        let ids: Vec<&str> = questions
            .iter()
            .filter(|q| correct_is_longest(q))
            .map(|q| q.id)
            .collect();
        errors.push(bank_error(format!(
            "the right option is the longest in {l} of {c} single/multiple-choice questions ({}%); at most a third may be: shorten right options or make wrong ones as detailed in some of {}",
            percent(l, c),
            ids.join(", ")
        )));
    }
    errors
}
