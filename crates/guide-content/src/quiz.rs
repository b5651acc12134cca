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
