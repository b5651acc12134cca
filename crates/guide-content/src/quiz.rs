//! The quiz's question bank as `'static` data (from `content/quiz/<chapter>.toml`, validated at
//! build time: ids unique, every chapter has enough questions, option rules per kind, every
//! section link resolves).

/// One question of the bank.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Question {
    /// Stable id: progress (answers, the review queue) refers to it.
    pub id: &'static str,
    /// The chapter it tests (the file it is written in).
    pub chapter: &'static str,
    /// The anchor of the section that teaches it ("Re-read this section").
    pub section: &'static str,
    pub difficulty: Difficulty,
    pub kind: Kind,
    pub prompt: &'static str,
    /// For [`Kind::Order`], in the correct order. For [`Kind::TrueFalse`], "True" then "False".
    /// For [`Kind::Match`], the items to pair (`text`: the item, `feedback`: why its pair goes
    /// together; `correct` is always `true`).
    pub options: &'static [Choice],
    /// For [`Kind::Match`] only (empty otherwise): the answers offered in every item's list.
    /// The first `options.len()` are the items' answers, in the items' order (item `k` pairs
    /// with answer `k`); any after them are decoys, which pair with nothing.
    pub answers: &'static [&'static str],
    /// The idea behind the answer, shown after answering.
    pub explanation: &'static str,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Choice {
    pub text: &'static str,
    /// Whether choosing it is right (always `true` for [`Kind::Order`] steps).
    pub correct: bool,
    /// Why this choice is right or wrong (for an order step: why it comes there).
    pub feedback: &'static str,
}

/// In `content/quiz/*.toml`: `single`, `multiple`, `true-false`, `order`, `match`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "pipeline", derive(serde::Deserialize))]
#[cfg_attr(feature = "pipeline", serde(rename_all = "kebab-case"))]
pub enum Kind {
    /// Exactly one right option.
    Single,
    /// "Choose all that apply": two or more right options, partial credit.
    Multiple,
    TrueFalse,
    /// Put the options in order; they are listed in the correct order.
    Order,
    /// Pair each item with its answer (a list of answers per item); partial credit per pair.
    Match,
}

impl Kind {
    /// Every kind, in the order the bank's statistics list them.
    pub const ALL: [Kind; 5] = [
        Kind::Single,
        Kind::Multiple,
        Kind::TrueFalse,
        Kind::Order,
        Kind::Match,
    ];

    /// The kind's name in `content/quiz/*.toml`.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Single => "single",
            Kind::Multiple => "multiple",
            Kind::TrueFalse => "true-false",
            Kind::Order => "order",
            Kind::Match => "match",
        }
    }

    /// The kind a name in `content/quiz/*.toml` stands for.
    pub fn from_name(name: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.name() == name)
    }

    /// Whether the options' displayed order may be shuffled (true/false keeps True first;
    /// an order question is always shown shuffled, as the puzzle itself; a match question's
    /// items are shuffled, its answers listed alphabetically).
    pub fn shuffles_options(self) -> bool {
        !matches!(self, Kind::TrueFalse)
    }
}

/// In `content/quiz/*.toml`: `easy`, `medium`, `hard`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
#[cfg_attr(feature = "pipeline", derive(serde::Deserialize))]
#[cfg_attr(feature = "pipeline", serde(rename_all = "lowercase"))]
pub enum Difficulty {
    Easy,
    Medium,
    Hard,
}

impl Difficulty {
    /// The name in `content/quiz/*.toml`.
    pub fn name(self) -> &'static str {
        match self {
            Difficulty::Easy => "easy",
            Difficulty::Medium => "medium",
            Difficulty::Hard => "hard",
        }
    }

    /// The difficulty a name in `content/quiz/*.toml` stands for.
    pub fn from_name(name: &str) -> Option<Difficulty> {
        [Difficulty::Easy, Difficulty::Medium, Difficulty::Hard]
            .into_iter()
            .find(|d| d.name() == name)
    }

    pub fn label(self) -> &'static str {
        match self {
            Difficulty::Easy => "Easy",
            Difficulty::Medium => "Medium",
            Difficulty::Hard => "Hard",
        }
    }
}

impl Question {
    /// The text of answer `i` of a match question (empty if there is none).
    pub fn answer_text(&self, i: u8) -> &'static str {
        self.answers.get(usize::from(i)).copied().unwrap_or("")
    }

    /// A match question's answers in the order every list shows them: alphabetical (ignoring
    /// case and code marks), so the lists are the same for every item and easy to scan.
    pub fn answers_listed(&self) -> Vec<u8> {
        let mut listed: Vec<u8> = (0..self.answers.len().min(usize::from(u8::MAX)) as u8).collect();
        let key = |i: &u8| self.answer_text(*i).replace('`', "").to_lowercase();
        listed.sort_by_key(key);
        listed
    }

    /// Indices of the right options (for order and match questions: all of them).
    pub fn correct_options(&self) -> impl Iterator<Item = usize> + '_ {
        self.options
            .iter()
            .enumerate()
            .filter(|(_, o)| o.correct)
            .map(|(i, _)| i)
    }
}

/// What the app knows of a question before the bank's texts have loaded (compiled into the
/// main wasm module): enough to list questions by chapter, to tell whether an id is still a
/// question of this build, and to fit a stored attempt to the bank (`Attempt::prune`), so
/// nothing stored is ever judged against a bank that is not there yet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QuestionShape {
    pub id: &'static str,
    pub chapter: &'static str,
    pub kind: Kind,
    /// How many options (items of a match question) it has.
    pub options: u8,
    /// How many answers a match question offers (0 for the other kinds).
    pub answers: u8,
}

impl Question {
    /// Its shape (see [`QuestionShape`]).
    pub fn shape(&self) -> QuestionShape {
        QuestionShape {
            id: self.id,
            chapter: self.chapter,
            kind: self.kind,
            options: self.options.len().min(usize::from(u8::MAX)) as u8,
            answers: self.answers.len().min(usize::from(u8::MAX)) as u8,
        }
    }
}

/// The question bank as one text file (`data/quiz-<hash>.txt` in the site), which the quiz
/// pages fetch instead of carrying the texts in the wasm: one record per question, each ending
/// with U+001E; its fields separated by U+001F ([`crate::text_file`]): id,
/// chapter, section, difficulty, kind, prompt, explanation, the number of options, each
/// option's text, `1`/`0` (correct) and feedback, then the match answers.
pub mod bank {
    use super::{Choice, Difficulty, Kind, Question};
    use crate::text_file;

    /// The bank as text. Fails on a text that holds a separator character (U+001E, U+001F):
    /// it could not be told apart from a separator.
    pub fn encode(questions: &[Question]) -> Result<String, String> {
        let counts: Vec<String> = questions
            .iter()
            .map(|q| q.options.len().to_string())
            .collect();
        let mut records = Vec::with_capacity(questions.len());
        for (q, count) in questions.iter().zip(&counts) {
            let mut fields = vec![
                q.id,
                q.chapter,
                q.section,
                q.difficulty.name(),
                q.kind.name(),
                q.prompt,
                q.explanation,
                count,
            ];
            for o in q.options {
                fields.extend([o.text, if o.correct { "1" } else { "0" }, o.feedback]);
            }
            fields.extend(q.answers.iter().copied());
            if let Some(bad) = text_file::bad_field(&fields) {
                return Err(format!(
                    "question {}: a separator character (U+001E, U+001F) in {bad:?} cannot go into the bank file",
                    q.id
                ));
            }
            records.push(fields);
        }
        text_file::write(records)
            .map_err(|bad| format!("a separator character (U+001E, U+001F) in {bad:?}"))
    }

    /// Reads the bank's text (kept for the page's lifetime: the questions borrow from it).
    /// `None` for anything that is not a bank, whatever the input; never panics.
    pub fn decode(text: &'static str) -> Option<Vec<Question>> {
        text_file::records(text)?.map(question).collect()
    }

    fn question(mut fields: text_file::Fields) -> Option<Question> {
        let mut next = || fields.next();
        let (id, chapter, section) = (next()?, next()?, next()?);
        let difficulty = Difficulty::from_name(next()?)?;
        let kind = Kind::from_name(next()?)?;
        let (prompt, explanation) = (next()?, next()?);
        let count: usize = next()?.parse().ok()?;
        let mut options = Vec::with_capacity(count.min(16));
        for _ in 0..count {
            let text = next()?;
            let correct = match next()? {
                "1" => true,
                "0" => false,
                _ => return None,
            };
            options.push(Choice {
                text,
                correct,
                feedback: next()?,
            });
        }
        let answers: Vec<&'static str> = std::iter::from_fn(next).collect();
        Some(Question {
            id,
            chapter,
            section,
            difficulty,
            kind,
            prompt,
            options: Box::leak(options.into_boxed_slice()),
            answers: Box::leak(answers.into_boxed_slice()),
            explanation,
        })
    }

    /// The bank file's name in the site, from its text (`data/quiz-<hash>.txt`): a new bank
    /// gets a new name, so a tab of an older deployment never reads a newer bank.
    pub fn file_name(text: &str) -> String {
        text_file::hashed_name("quiz", text)
    }
}
