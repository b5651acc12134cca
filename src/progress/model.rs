//! The reader's progress as plain data, and every change to it as a pure function.
//!
//! Everything a reader does is recorded with a timestamp, so that two copies of the progress
//! (two tabs, two devices) can be merged without losing either side: see [`Progress::merge`].
//! Chapters, sections, diagram nodes and quiz topics are referred to by their stable ids from
//! `content/`; entries for ids that no longer exist are kept (a later version may bring them
//! back) and simply not shown.

use std::cmp::Ordering;
use std::collections::{BTreeMap, BTreeSet};

use crate::clock::Millis;
use crate::quiz::engine::{self, Attempt, Credit, Scope};
use crate::quiz::review::{self, Card};
use guide_content::quiz::{Question, QuestionShape};

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Progress {
    /// When this progress was last reset or replaced as a whole (reset, import, undo).
    /// A merge keeps the side with the newer generation entirely.
    pub generation: Millis,
    /// By chapter id.
    pub chapters: BTreeMap<String, ChapterProgress>,
    /// Where the reader was last: "Up next" resumes an unfinished chapter at that section.
    pub last_visited: Option<Visit>,
    pub diagram: DiagramProgress,
    pub quiz: QuizProgress,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ChapterProgress {
    /// Last time the chapter was opened.
    pub opened_at: Option<Millis>,
    /// Last time it was marked read (by reaching its end, or by the toggle).
    pub read_at: Option<Millis>,
    /// Last time it was marked unread.
    pub unread_at: Option<Millis>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChapterState {
    NotStarted,
    InProgress,
    Read,
}

impl ChapterState {
    pub fn label(self) -> &'static str {
        match self {
            ChapterState::NotStarted => "Not started",
            ChapterState::InProgress => "In progress",
            ChapterState::Read => "Read",
        }
    }

    /// For CSS classes and test hooks: `not-started`, `in-progress`, `read`.
    pub fn as_str(self) -> &'static str {
        match self {
            ChapterState::NotStarted => "not-started",
            ChapterState::InProgress => "in-progress",
            ChapterState::Read => "read",
        }
    }
}

impl ChapterProgress {
    pub fn is_read(&self) -> bool {
        match (self.read_at, self.unread_at) {
            (Some(read), Some(unread)) => read > unread,
            (Some(_), None) => true,
            _ => false,
        }
    }

    pub fn state(&self) -> ChapterState {
        if self.is_read() {
            ChapterState::Read
        } else if self.opened_at.is_some() || self.read_at.is_some() {
            ChapterState::InProgress
        } else {
            ChapterState::NotStarted
        }
    }

    fn merge(&self, other: &Self) -> Self {
        Self {
            opened_at: self.opened_at.max(other.opened_at),
            read_at: self.read_at.max(other.read_at),
            unread_at: self.unread_at.max(other.unread_at),
        }
    }
}

/// A place in the guide: a chapter, and the section the reader had reached.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Visit {
    pub at: Millis,
    pub chapter: String,
    pub section: Option<String>,
}

/// Slots for the interactive diagram (filled by that feature).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DiagramProgress {
    pub explored_nodes: BTreeSet<String>,
    pub completed_scenarios: BTreeSet<String>,
}

impl DiagramProgress {
    /// How many of the parts and traces that exist now were explored and followed: ids that
    /// no longer exist (or never did: an import, another build) are kept but not counted.
    pub fn known_counts(&self, parts: &[&str], traces: &[&str]) -> (usize, usize) {
        let count = |set: &BTreeSet<String>, known: &[&str]| {
            set.iter().filter(|id| known.contains(&id.as_str())).count()
        };
        (
            count(&self.explored_nodes, parts),
            count(&self.completed_scenarios, traces),
        )
    }
}

/// The quiz: best scores, finished attempts, the review queue and the attempt in progress.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct QuizProgress {
    /// Best score per quiz (a chapter id, or `guide` for the whole guide).
    pub best_scores: BTreeMap<String, Score>,
    /// Finished attempts, oldest first (the last [`HISTORY_LIMIT`]).
    pub history: Vec<AttemptRecord>,
    /// Missed questions waiting for review, by question id.
    pub review: BTreeMap<String, Card>,
    /// The attempt in progress, or the last finished one (its results, "Retry missed").
    pub attempt: Option<Attempt>,
}

/// How many finished attempts are remembered.
pub const HISTORY_LIMIT: usize = 50;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Score {
    /// Questions answered with full credit.
    pub correct: u32,
    pub total: u32,
    /// Points in hundredths, partial credit included (`correct * 100` at least).
    pub points: u32,
    pub at: Millis,
}

impl Score {
    /// A total order: higher share of points first, then more questions, then later.
    fn rank(&self, other: &Self) -> Ordering {
        let mine = u64::from(self.points) * u64::from(other.total);
        let theirs = u64::from(other.points) * u64::from(self.total);
        mine.cmp(&theirs)
            .then(self.total.cmp(&other.total))
            .then(self.correct.cmp(&other.correct))
            .then(self.at.cmp(&other.at))
    }

    /// Percent of the possible points, rounded down.
    pub fn percent(&self) -> u32 {
        crate::quiz::engine::percent(self.points, self.total)
    }
}

/// One finished attempt, for the history.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct AttemptRecord {
    /// When it finished.
    pub at: Millis,
    /// The quiz's key (`guide`, a chapter id, `review`, `retry`).
    pub quiz: String,
    pub correct: u32,
    pub total: u32,
    pub points: u32,
}

/// How far the reader is through the guide.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Completion {
    pub read: usize,
    pub in_progress: usize,
    pub total: usize,
}

impl Completion {
    pub fn percent(&self) -> usize {
        (self.read * 100).checked_div(self.total).unwrap_or(0)
    }
}

impl Progress {
    pub fn chapter_state(&self, id: &str) -> ChapterState {
        self.chapters
            .get(id)
            .map_or(ChapterState::NotStarted, ChapterProgress::state)
    }

    /// Completion over the chapters that exist now (`known` ids); others are ignored.
    pub fn completion(&self, known: &[&str]) -> Completion {
        let mut completion = Completion {
            read: 0,
            in_progress: 0,
            total: known.len(),
        };
        for id in known {
            match self.chapter_state(id) {
                ChapterState::Read => completion.read += 1,
                ChapterState::InProgress => completion.in_progress += 1,
                ChapterState::NotStarted => {}
            }
        }
        completion
    }

    /// Where to continue reading, if the last visited chapter still exists.
    pub fn continue_point(&self, known: &[&str]) -> Option<&Visit> {
        self.last_visited
            .as_ref()
            .filter(|v| known.contains(&v.chapter.as_str()))
    }

    /// Whether there is anything to save, show or export at all.
    pub fn is_empty(&self) -> bool {
        self.chapters.is_empty()
            && self.last_visited.is_none()
            && self.diagram == DiagramProgress::default()
            && self.quiz == QuizProgress::default()
    }

    // --- Changes ------------------------------------------------------------------------

    /// The reader opened a chapter (at its top).
    pub fn open_chapter(&mut self, chapter: &str, now: Millis) {
        let entry = self.chapters.entry(chapter.to_string()).or_default();
        entry.opened_at = entry.opened_at.max(Some(now));
        self.visit(chapter, None, now);
    }

    /// The reader reached a section of a chapter.
    pub fn visit(&mut self, chapter: &str, section: Option<&str>, now: Millis) {
        self.last_visited = Some(Visit {
            at: now,
            chapter: chapter.to_string(),
            section: section.map(str::to_string),
        });
    }

    pub fn set_read(&mut self, chapter: &str, read: bool, now: Millis) {
        let entry = self.chapters.entry(chapter.to_string()).or_default();
        if read {
            entry.read_at = entry.read_at.max(Some(now));
        } else {
            entry.unread_at = entry.unread_at.max(Some(now));
        }
    }

    /// The reader opened a part of the diagram.
    pub fn explore_node(&mut self, node: &str) {
        self.diagram.explored_nodes.insert(node.to_string());
    }

    /// The reader followed a request trace to its end.
    pub fn complete_scenario(&mut self, scenario: &str) {
        self.diagram
            .completed_scenarios
            .insert(scenario.to_string());
    }

    pub fn record_score(&mut self, quiz: &str, score: Score) {
        let best = self
            .quiz
            .best_scores
            .entry(quiz.to_string())
            .or_insert(score);
        if score.rank(best) == Ordering::Greater {
            *best = score;
        }
    }

    /// Starts a quiz, replacing any earlier attempt.
    pub fn start_quiz(&mut self, attempt: Attempt) {
        self.quiz.attempt = Some(attempt);
    }

    /// Starts the quiz of `scope` with questions from `bank`, picked and shuffled by `seed`;
    /// nothing changes when it has nothing to ask (no question due, none missed).
    pub fn start_quiz_on(&mut self, scope: &Scope, bank: &[Question], seed: u64, now: Millis) {
        let listed = self.listed_for(scope, bank, now);
        let picked = engine::select(scope, bank, &listed, seed);
        if !picked.is_empty() {
            self.start_quiz(Attempt::new(scope.key(), &picked, seed, now));
        }
    }

    /// The ids a review or retry quiz would ask now: the questions due for review, or those
    /// the last finished attempt missed. Empty for a guide or chapter quiz.
    pub fn listed_for(&self, scope: &Scope, bank: &[Question], now: Millis) -> Vec<String> {
        match scope {
            Scope::Review => {
                review::due(&self.quiz.review, now, |id| bank.iter().any(|q| q.id == id))
            }
            Scope::RetryMissed => self
                .quiz
                .attempt
                .as_ref()
                .filter(|a| a.is_finished())
                .map(|a| a.summary(bank).missed)
                .unwrap_or_default(),
            Scope::Guide | Scope::Chapter(_) => Vec::new(),
        }
    }

    /// Answers the current question of the attempt; a question without full credit enters
    /// (or goes back to the start of) the review queue, a due one answered right moves on.
    pub fn answer_quiz(
        &mut self,
        question: &Question,
        answer: Vec<u8>,
        now: Millis,
    ) -> Option<Credit> {
        let credit = self.quiz.attempt.as_mut()?.answer(question, answer, now)?;
        review::record_answer(&mut self.quiz.review, question.id, credit.is_full(), now);
        Some(credit)
    }

    /// Moves the attempt on; when it finishes, its result joins the history and, for a guide or
    /// chapter quiz, the best scores.
    pub fn next_quiz_question(&mut self, bank: &[Question], now: Millis) {
        let Some(attempt) = self.quiz.attempt.as_mut() else {
            return;
        };
        if !attempt.next(now) {
            return;
        }
        let summary = attempt.summary(bank);
        let quiz = attempt.quiz.clone();
        self.quiz.history.push(AttemptRecord {
            at: now,
            quiz: quiz.clone(),
            correct: summary.correct,
            total: summary.total,
            points: summary.points,
        });
        trim_history(&mut self.quiz.history);
        if summary.total > 0 && !matches!(quiz.as_str(), "review" | "retry") {
            self.record_score(
                &quiz,
                Score {
                    correct: summary.correct,
                    total: summary.total,
                    points: summary.points,
                    at: now,
                },
            );
        }
    }

    /// Makes progress that came from outside this build (storage, another tab, an import) fit
    /// the questions it has (their shapes, compiled in: the texts need not be loaded): see
    /// [`Attempt::prune`]. Everything else refers to content by id
    /// and is looked up, never indexed, so it needs no fitting.
    pub fn fit(&mut self, index: &[QuestionShape]) {
        if let Some(attempt) = self.quiz.attempt.as_mut() {
            attempt.prune(index);
        }
    }

    /// Forget everything; other tabs adopt the reset because its generation is newer.
    pub fn reset(now: Millis) -> Self {
        Self {
            generation: now,
            ..Self::default()
        }
    }

    /// Replaces this progress with `other` as a whole (import, undo), winning over older copies.
    pub fn replaced_by(other: &Progress, now: Millis) -> Self {
        Self {
            generation: now.max(other.generation),
            ..other.clone()
        }
    }

    /// Combines two copies without losing either side: chapters read in either stay read
    /// unless marked unread later, best scores are the maximum, sets are unions, and the
    /// newest visit wins. A newer generation (reset or import) wins as a whole.
    /// Commutative, associative and idempotent, so tabs converge in any order.
    pub fn merge(&self, other: &Progress) -> Progress {
        match self.generation.cmp(&other.generation) {
            Ordering::Greater => return self.clone(),
            Ordering::Less => return other.clone(),
            Ordering::Equal => {}
        }
        let mut chapters = self.chapters.clone();
        for (id, theirs) in &other.chapters {
            chapters
                .entry(id.clone())
                .and_modify(|mine| *mine = mine.merge(theirs))
                .or_insert(*theirs);
        }
        let mut quiz = self.quiz.clone();
        for (id, score) in &other.quiz.best_scores {
            let best = quiz.best_scores.entry(id.clone()).or_insert(*score);
            if score.rank(best) == Ordering::Greater {
                *best = *score;
            }
        }
        let mut history: Vec<AttemptRecord> = self
            .quiz
            .history
            .iter()
            .chain(&other.quiz.history)
            .cloned()
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect();
        trim_history(&mut history);
        quiz.history = history;
        quiz.review = review::merge(&self.quiz.review, &other.quiz.review);
        quiz.attempt = newer_attempt(&self.quiz.attempt, &other.quiz.attempt);
        Progress {
            generation: self.generation,
            chapters,
            last_visited: self.last_visited.clone().max(other.last_visited.clone()),
            diagram: DiagramProgress {
                explored_nodes: &self.diagram.explored_nodes | &other.diagram.explored_nodes,
                completed_scenarios: &self.diagram.completed_scenarios
                    | &other.diagram.completed_scenarios,
            },
            quiz,
        }
    }
}

fn trim_history(history: &mut Vec<AttemptRecord>) {
    history.sort();
    if history.len() > HISTORY_LIMIT {
        history.drain(..history.len() - HISTORY_LIMIT);
    }
}

/// The attempt changed last (ties broken by its other fields, so merging is commutative).
fn newer_attempt(a: &Option<Attempt>, b: &Option<Attempt>) -> Option<Attempt> {
    let key = |x: &Attempt| {
        (
            x.updated_at,
            x.started_at,
            x.seed,
            x.current,
            x.finished_at,
            super::codec::to_json(x),
        )
    };
    match (a, b) {
        (Some(x), Some(y)) => Some(if key(y) > key(x) {
            y.clone()
        } else {
            x.clone()
        }),
        (x, y) => x.clone().or_else(|| y.clone()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const KNOWN: &[&str] = &["intro", "databases", "career"];

    #[test]
    fn opening_a_chapter_puts_it_in_progress_and_makes_it_the_continue_point() {
        let mut p = Progress::default();
        assert_eq!(p.chapter_state("intro"), ChapterState::NotStarted);
        assert_eq!(p.continue_point(KNOWN), None);
        p.open_chapter("intro", 10);
        assert_eq!(p.chapter_state("intro"), ChapterState::InProgress);
        p.visit("intro", Some("clients-and-servers"), 20);
        let point = p.continue_point(KNOWN).unwrap();
        assert_eq!(
            (point.chapter.as_str(), point.section.as_deref()),
            ("intro", Some("clients-and-servers"))
        );
    }

    #[test]
    fn read_and_unread_follow_the_latest_toggle() {
        let mut p = Progress::default();
        p.set_read("intro", true, 10);
        assert_eq!(p.chapter_state("intro"), ChapterState::Read);
        p.set_read("intro", false, 20);
        assert_eq!(p.chapter_state("intro"), ChapterState::InProgress);
        p.set_read("intro", true, 30);
        assert!(p.chapters["intro"].is_read());
    }

    #[test]
    fn completion_counts_only_chapters_that_exist() {
        let mut p = Progress::default();
        p.set_read("intro", true, 1);
        p.set_read("a-removed-chapter", true, 1);
        p.open_chapter("databases", 2);
        let c = p.completion(KNOWN);
        assert_eq!(
            c,
            Completion {
                read: 1,
                in_progress: 1,
                total: 3
            }
        );
        assert_eq!(c.percent(), 33);
        assert!(
            p.chapters.contains_key("a-removed-chapter"),
            "unknown ids are kept"
        );
        p.visit("a-removed-chapter", None, 5);
        assert_eq!(
            p.continue_point(KNOWN),
            None,
            "a removed chapter is not offered"
        );
    }

    #[test]
    fn only_diagram_parts_and_traces_that_exist_are_counted() {
        let mut p = Progress::default();
        p.explore_node("api");
        p.explore_node("<b>not a part</b>");
        p.complete_scenario("login");
        p.complete_scenario("gone");
        assert_eq!(
            p.diagram.known_counts(&["api", "database"], &["login"]),
            (1, 1)
        );
        assert_eq!(p.diagram.explored_nodes.len(), 2, "unknown ids are kept");
    }

    #[test]
    fn merge_keeps_both_sides() {
        let mut a = Progress::default();
        a.set_read("intro", true, 10);
        a.visit("intro", None, 10);
        a.diagram.explored_nodes.insert("database".into());
        a.record_score(
            "intro",
            Score {
                correct: 3,
                total: 4,
                points: 300,
                at: 10,
            },
        );
        let mut b = Progress::default();
        b.set_read("databases", true, 20);
        b.visit("databases", Some("relational-databases"), 20);
        b.diagram.explored_nodes.insert("cache".into());
        b.record_score(
            "intro",
            Score {
                correct: 4,
                total: 4,
                points: 400,
                at: 5,
            },
        );

        let m = a.merge(&b);
        assert_eq!(m.chapter_state("intro"), ChapterState::Read);
        assert_eq!(m.chapter_state("databases"), ChapterState::Read);
        assert_eq!(
            m.last_visited.as_ref().unwrap().chapter,
            "databases",
            "newest visit wins"
        );
        assert_eq!(m.diagram.explored_nodes.len(), 2);
        assert_eq!(
            m.quiz.best_scores["intro"].correct, 4,
            "best score is the maximum"
        );
    }

    #[test]
    fn a_later_unread_survives_a_merge_with_an_older_read() {
        let mut a = Progress::default();
        a.set_read("intro", true, 10);
        let mut b = a.clone();
        b.set_read("intro", false, 20);
        assert_eq!(a.merge(&b).chapter_state("intro"), ChapterState::InProgress);
        assert_eq!(b.merge(&a).chapter_state("intro"), ChapterState::InProgress);
    }

    #[test]
    fn a_reset_or_import_wins_over_older_copies() {
        let mut old = Progress::default();
        old.set_read("intro", true, 10);
        let reset = Progress::reset(50);
        assert!(old.merge(&reset).is_empty());
        assert!(reset.merge(&old).is_empty());

        let mut imported = Progress::default();
        imported.set_read("career", true, 5);
        let replaced = Progress::replaced_by(&imported, 60);
        let merged = old.merge(&replaced);
        assert_eq!(merged.chapter_state("career"), ChapterState::Read);
        assert_eq!(merged.chapter_state("intro"), ChapterState::NotStarted);
    }

    #[test]
    fn best_score_prefers_the_higher_share() {
        let mut p = Progress::default();
        p.record_score(
            "quiz",
            Score {
                correct: 8,
                total: 10,
                points: 800,
                at: 1,
            },
        );
        p.record_score(
            "quiz",
            Score {
                correct: 3,
                total: 4,
                points: 300,
                at: 2,
            },
        );
        assert_eq!(p.quiz.best_scores["quiz"].percent(), 80);
        p.record_score(
            "quiz",
            Score {
                correct: 9,
                total: 10,
                points: 900,
                at: 3,
            },
        );
        assert_eq!(p.quiz.best_scores["quiz"].percent(), 90);
    }

    mod quiz {
        use guide_content::quiz::Question;

        use super::*;
        use crate::quiz::review::DAY;

        static BANK: [Question; 2] = [
            crate::quiz::true_false("q1", "intro", true),
            crate::quiz::true_false("q2", "intro", false),
        ];

        /// Runs a whole attempt of `quiz`, answering "True" to everything.
        fn run(p: &mut Progress, quiz: &str, at: Millis) {
            let questions: Vec<&Question> = BANK.iter().collect();
            p.start_quiz(Attempt::new(quiz, &questions, 3, at));
            while let Some(item) = p
                .quiz
                .attempt
                .as_ref()
                .and_then(|a| a.current_item().cloned())
            {
                let q = BANK.iter().find(|q| q.id == item.question).unwrap();
                p.answer_quiz(q, vec![0], at).unwrap();
                p.next_quiz_question(&BANK, at);
            }
        }

        #[test]
        fn a_finished_chapter_quiz_records_history_best_score_and_review() {
            let mut p = Progress::default();
            run(&mut p, "intro", 100);
            let best = p.quiz.best_scores["intro"];
            assert_eq!(
                (best.correct, best.total, best.points, best.at),
                (1, 2, 100, 100)
            );
            assert_eq!(p.quiz.history.len(), 1);
            assert_eq!(p.quiz.history[0].quiz, "intro");
            assert_eq!(p.quiz.review.len(), 1, "the missed question is queued");
            assert_eq!(p.quiz.review["q2"].due, 100 + DAY);
            assert!(
                p.quiz.attempt.as_ref().unwrap().is_finished(),
                "kept for its results"
            );
        }

        #[test]
        fn review_and_retry_results_go_to_the_history_but_not_the_best_scores() {
            let mut p = Progress::default();
            run(&mut p, "retry", 10);
            run(&mut p, "review", 20);
            assert!(p.quiz.best_scores.is_empty());
            assert_eq!(p.quiz.history.len(), 2);
        }

        #[test]
        fn the_history_keeps_the_latest_attempts() {
            let mut p = Progress::default();
            for at in 0..(HISTORY_LIMIT as Millis + 5) {
                run(&mut p, "intro", at);
            }
            assert_eq!(p.quiz.history.len(), HISTORY_LIMIT);
            assert_eq!(p.quiz.history[0].at, 5, "the oldest went first");
        }

        #[test]
        fn retry_lists_what_the_last_finished_attempt_missed() {
            let mut p = Progress::default();
            assert!(p.listed_for(&Scope::RetryMissed, &BANK, 0).is_empty());
            run(&mut p, "intro", 10);
            assert_eq!(p.listed_for(&Scope::RetryMissed, &BANK, 10), ["q2"]);
            assert!(p.listed_for(&Scope::Guide, &BANK, 10).is_empty());
            assert!(p
                .listed_for(&Scope::Chapter("intro".into()), &BANK, 10)
                .is_empty());
        }

        #[test]
        fn review_lists_questions_once_due_and_only_those_of_the_bank() {
            let mut p = Progress::default();
            run(&mut p, "intro", 10);
            assert!(p.listed_for(&Scope::Review, &BANK, 10).is_empty());
            assert_eq!(p.listed_for(&Scope::Review, &BANK, 10 + DAY), ["q2"]);
            assert!(p
                .listed_for(&Scope::Review, &BANK[..1], 10 + DAY)
                .is_empty());
        }

        #[test]
        fn starting_a_quiz_with_nothing_to_ask_changes_nothing() {
            let mut p = Progress::default();
            p.start_quiz_on(&Scope::Review, &BANK, 1, 5);
            assert_eq!(p, Progress::default());
            p.start_quiz_on(&Scope::Chapter("intro".into()), &BANK, 1, 5);
            let attempt = p.quiz.attempt.as_ref().unwrap();
            assert_eq!((attempt.quiz.as_str(), attempt.items.len()), ("intro", 2));
        }

        #[test]
        fn retrying_asks_only_the_missed_questions() {
            let mut p = Progress::default();
            run(&mut p, "intro", 10);
            p.start_quiz_on(&Scope::RetryMissed, &BANK, 1, 20);
            let attempt = p.quiz.attempt.as_ref().unwrap();
            assert_eq!(attempt.quiz, "retry");
            assert_eq!(attempt.items.len(), 1);
            assert_eq!(attempt.items[0].question, "q2");
        }

        #[test]
        fn merging_keeps_the_newer_attempt_and_both_histories() {
            let mut a = Progress::default();
            run(&mut a, "intro", 10);
            let mut b = Progress::default();
            run(&mut b, "guide", 20);
            let m = a.merge(&b);
            assert_eq!(m.quiz.attempt.as_ref().unwrap().quiz, "guide");
            assert_eq!(m.quiz.history.len(), 2);
            assert_eq!(m, b.merge(&a));
        }
    }
}
