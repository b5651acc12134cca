//! "Up next": what a returning reader is offered first (home page, progress page), and what
//! beside it. Plain Rust over the progress, the reading order and the number of questions due.
//!
//! The rule: the first chapter after the furthest one read (in reading order) that is not
//! read; else the first chapter not read; when every chapter is read, the quizzes (a due
//! review, a chapter quiz not taken yet, the whole guide's quiz, or the list of quizzes).
//! Beside a chapter: a due review, else the quiz of a read chapter not taken yet (the one read
//! last). A reader who has not opened any chapter gets no plan: "Start reading" stays.

use super::model::{ChapterState, Progress};

/// One thing to do next.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Read a chapter; `section`: where the reader left it, when it is the chapter they were
    /// in last and have not finished.
    Read {
        chapter: String,
        section: Option<String>,
    },
    /// Review the questions due (how many).
    Review(usize),
    /// A chapter's quiz, not taken yet.
    ChapterQuiz(String),
    /// The whole guide's quiz, not taken yet.
    GuideQuiz,
    /// Everything read and taken: the list of quizzes.
    AllQuizzes,
}

/// The first action and, at most, one beside it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan {
    pub first: Action,
    pub beside: Option<Action>,
}

/// What to offer a reader with `progress`, the chapters in reading `order` and `due`
/// questions due for review; `None` for a reader who has not opened a chapter yet.
pub fn up_next(progress: &Progress, order: &[&str], due: usize) -> Option<Plan> {
    let state = |id: &str| progress.chapter_state(id);
    if order.iter().all(|id| state(id) == ChapterState::NotStarted) {
        return None;
    }
    let is_read = |id: &&str| state(id) == ChapterState::Read;
    let after_furthest = order.iter().rposition(is_read).map_or(0, |i| i + 1);
    let next = order[after_furthest..]
        .iter()
        .chain(order)
        .find(|id| !is_read(id));
    let review = (due > 0).then_some(Action::Review(due));
    let untaken = untaken_quiz(progress, order);
    Some(match next {
        Some(id) => Plan {
            first: read(progress, id),
            beside: review.or(untaken),
        },
        None => {
            let guide = (!taken(progress, "guide")).then_some(Action::GuideQuiz);
            let first = review.or(untaken).or(guide).unwrap_or(Action::AllQuizzes);
            let beside = (first != Action::AllQuizzes).then_some(Action::AllQuizzes);
            Plan { first, beside }
        }
    })
}

/// Reading `id`: from the section the reader left, if they were last in it.
fn read(progress: &Progress, id: &str) -> Action {
    let section = progress
        .last_visited
        .as_ref()
        .filter(|v| v.chapter == id)
        .and_then(|v| v.section.clone());
    Action::Read {
        chapter: id.to_string(),
        section,
    }
}

/// Whether a quiz (`guide` or a chapter id) has a finished attempt.
fn taken(progress: &Progress, quiz: &str) -> bool {
    progress.quiz.best_scores.contains_key(quiz)
        || progress.quiz.history.iter().any(|r| r.quiz == quiz)
}

/// The quiz of the chapter read last whose quiz has not been taken.
fn untaken_quiz(progress: &Progress, order: &[&str]) -> Option<Action> {
    order
        .iter()
        .filter(|id| progress.chapter_state(id) == ChapterState::Read && !taken(progress, id))
        .max_by_key(|id| progress.chapters[**id].read_at)
        .map(|id| Action::ChapterQuiz(id.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::progress::model::Score;

    const ORDER: &[&str] = &["intro", "roles", "apis", "databases"];

    fn read_chapters(ids: &[&str]) -> Progress {
        let mut p = Progress::default();
        for (at, id) in ids.iter().enumerate() {
            p.open_chapter(id, at as u64 * 10);
            p.set_read(id, true, at as u64 * 10 + 5);
        }
        p
    }

    fn take_quiz(p: &mut Progress, quiz: &str) {
        let score = Score {
            correct: 1,
            total: 2,
            points: 100,
            at: 99,
        };
        p.record_score(quiz, score);
    }

    fn reading(id: &str) -> Action {
        Action::Read {
            chapter: id.to_string(),
            section: None,
        }
    }

    #[test]
    fn a_reader_who_has_opened_nothing_gets_no_plan() {
        assert_eq!(up_next(&Progress::default(), ORDER, 0), None);
        let mut p = Progress::default();
        p.explore_node("browser");
        p.open_chapter("a-removed-chapter", 1);
        assert_eq!(up_next(&p, ORDER, 3), None);
    }

    #[test]
    fn after_the_key_points_of_a_finished_chapter_comes_the_next_chapter() {
        let mut p = read_chapters(&["intro", "roles"]);
        p.visit("roles", Some("key-points"), 30);
        let plan = up_next(&p, ORDER, 0).unwrap();
        assert_eq!(plan.first, reading("apis"));
        assert_eq!(plan.beside, Some(Action::ChapterQuiz("roles".into())));
    }

    #[test]
    fn the_next_chapter_follows_the_furthest_read_and_skipped_ones_come_after_the_end() {
        let p = read_chapters(&["apis"]);
        assert_eq!(up_next(&p, ORDER, 0).unwrap().first, reading("databases"));
        let p = read_chapters(&["databases", "roles"]);
        assert_eq!(up_next(&p, ORDER, 0).unwrap().first, reading("intro"));
    }

    #[test]
    fn a_chapter_in_progress_resumes_where_the_reader_left_it() {
        let mut p = read_chapters(&["intro"]);
        p.open_chapter("roles", 40);
        p.visit("roles", Some("what-they-build"), 41);
        assert_eq!(
            up_next(&p, ORDER, 0).unwrap().first,
            Action::Read {
                chapter: "roles".into(),
                section: Some("what-they-build".into())
            }
        );
        // Started elsewhere, nothing read: the first chapter not read.
        let mut p = Progress::default();
        p.open_chapter("apis", 1);
        assert_eq!(up_next(&p, ORDER, 0).unwrap().first, reading("intro"));
    }

    #[test]
    fn a_due_review_comes_beside_before_an_untaken_quiz_and_taken_quizzes_are_not_offered() {
        let mut p = read_chapters(&["intro", "roles"]);
        assert_eq!(
            up_next(&p, ORDER, 2).unwrap().beside,
            Some(Action::Review(2))
        );
        take_quiz(&mut p, "roles");
        assert_eq!(
            up_next(&p, ORDER, 0).unwrap().beside,
            Some(Action::ChapterQuiz("intro".into()))
        );
        take_quiz(&mut p, "intro");
        assert_eq!(up_next(&p, ORDER, 0).unwrap().beside, None);
    }

    #[test]
    fn when_every_chapter_is_read_the_quizzes_come_first() {
        let mut p = read_chapters(ORDER);
        assert_eq!(
            up_next(&p, ORDER, 1).unwrap(),
            Plan {
                first: Action::Review(1),
                beside: Some(Action::AllQuizzes)
            }
        );
        assert_eq!(
            up_next(&p, ORDER, 0).unwrap().first,
            Action::ChapterQuiz("databases".into())
        );
        for id in ORDER {
            take_quiz(&mut p, id);
        }
        assert_eq!(up_next(&p, ORDER, 0).unwrap().first, Action::GuideQuiz);
        take_quiz(&mut p, "guide");
        assert_eq!(
            up_next(&p, ORDER, 0).unwrap(),
            Plan {
                first: Action::AllQuizzes,
                beside: None
            }
        );
    }
}
