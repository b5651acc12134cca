//! The quiz engine: picking and shuffling questions from a seed, scoring every kind of
//! question (with partial credit), and an attempt that can be saved and resumed. Plain Rust.

use guide_content::quiz::{Kind, Question, QuestionShape};
use guide_content::{QUIZ_GUIDE, QUIZ_RETRY, QUIZ_REVIEW};

use crate::clock::Millis;

/// Points are counted in hundredths, so partial credit needs no floating point.
pub const FULL_CREDIT: u32 = 100;

/// How many questions of each chapter the whole-guide quiz asks.
pub const GUIDE_QUESTIONS_PER_CHAPTER: usize = 2;

/// The most questions one review session asks.
pub const REVIEW_LIMIT: usize = 20;

/// The scoring rules as the reader sees them, one sentence per kind.
pub const MULTIPLE_RULE: &str = "Choose all that apply. Each right choice earns its share of the point and each wrong choice takes a share away (never below zero); the full point needs exactly the right choices.";
pub const ORDER_RULE: &str =
    "Use the Up and Down buttons. Each step in its right place earns its share of the point.";
pub const MATCH_RULE: &str = "Choose the matching answer for each item from its list. Each right pair earns its share of the point.";

/// A small, fast, deterministic random number generator (SplitMix64): the same seed always
/// gives the same question and option order, on every machine.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Self(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n > 0`).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    /// Fisher–Yates.
    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = self.below(i + 1);
            items.swap(i, j);
        }
    }
}

/// Which quiz an attempt is. Its [`Scope::key`] is also its URL segment (`/quiz/<key>`) and
/// the key of its best score.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    /// Questions from every chapter.
    Guide,
    /// All questions of one chapter.
    Chapter(String),
    /// The questions due in the review queue.
    Review,
    /// The questions missed in the previous attempt.
    RetryMissed,
}

impl Scope {
    pub fn key(&self) -> &str {
        match self {
            Scope::Guide => QUIZ_GUIDE,
            Scope::Chapter(id) => id,
            Scope::Review => QUIZ_REVIEW,
            Scope::RetryMissed => QUIZ_RETRY,
        }
    }

    /// The scope for a key; a chapter key is only accepted if `is_chapter` says it exists.
    pub fn from_key(key: &str, is_chapter: impl Fn(&str) -> bool) -> Option<Scope> {
        match key {
            QUIZ_GUIDE => Some(Scope::Guide),
            QUIZ_REVIEW => Some(Scope::Review),
            QUIZ_RETRY => Some(Scope::RetryMissed),
            id if is_chapter(id) => Some(Scope::Chapter(id.to_string())),
            _ => None,
        }
    }

    /// Whether its result counts as a best score (guide and chapter quizzes).
    pub fn keeps_best_score(&self) -> bool {
        matches!(self, Scope::Guide | Scope::Chapter(_))
    }
}

/// Picks the questions of a quiz, unshuffled (the attempt shuffles them).
/// `listed` are the ids for review and retry; unknown ids are skipped.
pub fn select<'a>(
    scope: &Scope,
    bank: &'a [Question],
    listed: &[String],
    seed: u64,
) -> Vec<&'a Question> {
    match scope {
        Scope::Chapter(id) => bank.iter().filter(|q| q.chapter == id).collect(),
        Scope::Guide => {
            let mut rng = Rng::new(seed ^ 0x5EED_0F60_17DE);
            let mut chapters: Vec<&str> = bank.iter().map(|q| q.chapter).collect();
            chapters.dedup();
            let mut picked = Vec::new();
            for chapter in chapters {
                let mut of_chapter: Vec<&Question> =
                    bank.iter().filter(|q| q.chapter == chapter).collect();
                rng.shuffle(&mut of_chapter);
                picked.extend(of_chapter.into_iter().take(GUIDE_QUESTIONS_PER_CHAPTER));
            }
            picked
        }
        Scope::Review | Scope::RetryMissed => listed
            .iter()
            .filter_map(|id| bank.iter().find(|q| q.id == id))
            .take(REVIEW_LIMIT)
            .collect(),
    }
}

/// One question in an attempt: its id, the order its options are shown in, and the answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    pub question: String,
    /// Display order: indices into the question's options. For an order question, the
    /// starting arrangement; for a match question, the order of its items.
    pub options: Vec<u8>,
    /// Chosen option indices (ascending); for an order question the arrangement given; for a
    /// match question one answer index (into the question's `answers`) per item, in the
    /// question's item order (`answer[k]` is what item `k` was paired with).
    pub answer: Option<Vec<u8>>,
}

impl Item {
    /// Whether this item (saved by any version of the guide, or by another tab) can be shown
    /// with `question` as it is now: its display order is exactly the question's options, and
    /// its answer names only those. Views may then index the options with its numbers.
    pub fn fits(&self, question: &QuestionShape) -> bool {
        let n = usize::from(question.options);
        let mut shown = self.options.clone();
        shown.sort_unstable();
        let is_every_option = shown.len() == n
            && shown
                .iter()
                .enumerate()
                .all(|(place, &i)| usize::from(i) == place);
        let answer = self.answer.as_deref().unwrap_or_default();
        let answer_fits = if question.kind == Kind::Match {
            self.answer.is_none()
                || (answer.len() == n && answer.iter().all(|&i| i < question.answers))
        } else {
            answer.iter().all(|&i| usize::from(i) < n)
        };
        is_every_option && answer_fits
    }
}

/// One run through a quiz, saved after every step so a reload resumes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attempt {
    /// [`Scope::key`].
    pub quiz: String,
    pub seed: u64,
    pub started_at: Millis,
    /// Last change; the newer attempt wins when two tabs merge.
    pub updated_at: Millis,
    pub items: Vec<Item>,
    /// The question being shown (index into `items`).
    pub current: usize,
    pub finished_at: Option<Millis>,
}

/// The outcome of one answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Credit {
    /// Hundredths of a point, `0..=FULL_CREDIT`.
    pub points: u32,
}

impl Credit {
    pub fn is_full(self) -> bool {
        self.points >= FULL_CREDIT
    }
}

/// Scores an answer. `answer` holds option indices: the chosen ones, or (order questions)
/// the arrangement, or (match questions) the answer paired with each item. An answer that
/// does not fit the question earns nothing.
pub fn score(question: &Question, answer: &[u8]) -> Credit {
    let n = question.options.len();
    if question.kind == Kind::Match {
        let right = matched_pairs(question, answer).filter(|&ok| ok).count() as u32;
        let unknown = answer
            .iter()
            .any(|&a| usize::from(a) >= question.answers.len());
        let points = if answer.len() != n || unknown {
            0
        } else if right as usize == n {
            FULL_CREDIT
        } else {
            right * FULL_CREDIT / n as u32
        };
        return Credit { points };
    }
    if answer.iter().any(|&i| usize::from(i) >= n) {
        return Credit { points: 0 };
    }
    let is_correct = |i: u8| {
        question
            .options
            .get(usize::from(i))
            .is_some_and(|o| o.correct)
    };
    let points = match question.kind {
        Kind::Single | Kind::TrueFalse => match answer {
            [only] if is_correct(*only) => FULL_CREDIT,
            _ => 0,
        },
        Kind::Multiple => {
            let right = question.correct_options().count() as u32;
            let mut chosen: Vec<u8> = answer.to_vec();
            chosen.sort_unstable();
            chosen.dedup();
            let hits = chosen.iter().filter(|&&i| is_correct(i)).count() as u32;
            let misses = chosen.len() as u32 - hits;
            (hits.saturating_sub(misses) * FULL_CREDIT) / right.max(1)
        }
        Kind::Match => 0,
        Kind::Order => {
            if answer.len() != n {
                0
            } else {
                let in_place = answer
                    .iter()
                    .enumerate()
                    .filter(|(place, &i)| usize::from(i) == *place)
                    .count() as u32;
                if in_place as usize == n {
                    FULL_CREDIT
                } else {
                    in_place * FULL_CREDIT / n as u32
                }
            }
        }
    };
    Credit { points }
}

/// Whether each item of a match question was paired with its own answer, in item order
/// (`answer[k]` is the answer given to item `k`; an item without one is not matched).
pub fn matched_pairs<'a>(
    question: &'a Question,
    answer: &'a [u8],
) -> impl Iterator<Item = bool> + 'a {
    (0..question.options.len()).map(move |k| answer.get(k).is_some_and(|&a| usize::from(a) == k))
}

impl Attempt {
    /// A new attempt over `questions`, shuffled from `seed`: question order, and option order
    /// where the kind allows it. An order question never starts already solved.
    pub fn new(quiz: &str, questions: &[&Question], seed: u64, now: Millis) -> Attempt {
        let mut rng = Rng::new(seed);
        let mut order: Vec<&Question> = questions.to_vec();
        rng.shuffle(&mut order);
        let items = order
            .into_iter()
            .map(|q| {
                let mut options: Vec<u8> = (0..q.options.len() as u8).collect();
                if q.kind.shuffles_options() {
                    rng.shuffle(&mut options);
                }
                if q.kind == Kind::Order && options.windows(2).all(|w| w[0] < w[1]) {
                    options.rotate_left(1);
                }
                Item {
                    question: q.id.to_string(),
                    options,
                    answer: None,
                }
            })
            .collect();
        Attempt {
            quiz: quiz.to_string(),
            seed,
            started_at: now,
            updated_at: now,
            items,
            current: 0,
            finished_at: None,
        }
    }

    /// Drops the items that do not [fit](Item::fits) the questions of this build (their shapes): questions that no longer exist,
    /// whose options changed shape, or whose saved numbers point past their options (an older
    /// or newer version, another tab, an imported file). The attempt then resumes instead of
    /// failing: the current position follows the question it was on, or the next remaining one.
    pub fn prune(&mut self, index: &[QuestionShape]) {
        let fits = |item: &Item| {
            index
                .iter()
                .find(|q| q.id == item.question)
                .is_some_and(|q| item.fits(q))
        };
        let before_current = self.items[..self.current.min(self.items.len())]
            .iter()
            .filter(|item| !fits(item))
            .count();
        self.items.retain(fits);
        self.current = self
            .current
            .saturating_sub(before_current)
            .min(self.items.len());
        if self.finished_at.is_none() && self.current == self.items.len() {
            match self.items.iter().position(|i| i.answer.is_none()) {
                Some(unanswered) => self.current = unanswered,
                None => self.finished_at = Some(self.updated_at),
            }
        }
    }

    pub fn is_finished(&self) -> bool {
        self.finished_at.is_some() || self.items.is_empty()
    }

    pub fn current_item(&self) -> Option<&Item> {
        if self.finished_at.is_some() {
            None
        } else {
            self.items.get(self.current)
        }
    }

    /// Records the answer to the current question (once) and returns its credit.
    pub fn answer(&mut self, question: &Question, answer: Vec<u8>, now: Millis) -> Option<Credit> {
        let item = self.items.get_mut(self.current)?;
        if self.finished_at.is_some() || item.question != question.id || item.answer.is_some() {
            return None;
        }
        let credit = score(question, &answer);
        item.answer = Some(answer);
        self.updated_at = now;
        Some(credit)
    }

    /// Moves on after the current question has been answered; past the last one the attempt
    /// is finished. Returns whether it just finished.
    pub fn next(&mut self, now: Millis) -> bool {
        let answered = self
            .items
            .get(self.current)
            .is_some_and(|i| i.answer.is_some());
        if self.finished_at.is_some() || !answered {
            return false;
        }
        self.current += 1;
        self.updated_at = now;
        if self.current >= self.items.len() {
            self.finished_at = Some(now);
            return true;
        }
        false
    }

    /// The score so far (over answered and unanswered questions alike).
    pub fn summary(&self, bank: &[Question]) -> Summary {
        let mut summary = Summary::default();
        for item in &self.items {
            let Some(question) = bank.iter().find(|q| q.id == item.question) else {
                continue;
            };
            let credit = item
                .answer
                .as_deref()
                .map_or(Credit { points: 0 }, |a| score(question, a));
            summary.total += 1;
            summary.points += credit.points;
            if credit.is_full() {
                summary.correct += 1;
            } else {
                if credit.points > 0 {
                    summary.partly += 1;
                }
                summary.missed.push(item.question.clone());
            }
            match summary
                .chapters
                .iter_mut()
                .find(|c| c.chapter == question.chapter)
            {
                Some(c) => {
                    c.points += credit.points;
                    c.total += 1;
                }
                None => summary.chapters.push(ChapterResult {
                    chapter: question.chapter.to_string(),
                    points: credit.points,
                    total: 1,
                }),
            }
        }
        summary
    }
}

/// An attempt's result.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Summary {
    /// Hundredths of a point.
    pub points: u32,
    /// Questions with full credit.
    pub correct: u32,
    /// Questions with some credit, but not full.
    pub partly: u32,
    pub total: u32,
    /// Per chapter, in the order they first appear.
    pub chapters: Vec<ChapterResult>,
    /// Ids of the questions without full credit, in the order asked.
    pub missed: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChapterResult {
    pub chapter: String,
    pub points: u32,
    pub total: u32,
}

/// "7.5" for 750 hundredths: at most two decimals, no trailing zeros.
pub fn format_points(hundredths: u32) -> String {
    let whole = hundredths / 100;
    match hundredths % 100 {
        0 => whole.to_string(),
        f if f % 10 == 0 => format!("{whole}.{}", f / 10),
        f => format!("{whole}.{f:02}"),
    }
}

/// Percent of the possible points, rounded down.
pub fn percent(points: u32, total: u32) -> u32 {
    points.checked_div(total).unwrap_or(0)
}

#[cfg(test)]
mod tests;
