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
    pub options: &'static [Choice],
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

/// In `content/quiz/*.toml`: `single`, `multiple`, `true-false`, `order`.
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
}

impl Kind {
    /// Whether the options' displayed order may be shuffled (true/false keeps True first;
    /// an order question is always shown shuffled, as the puzzle itself).
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
    /// Indices of the right options (for order questions: all of them).
    pub fn correct_options(&self) -> impl Iterator<Item = usize> + '_ {
        self.options
            .iter()
            .enumerate()
            .filter(|(_, o)| o.correct)
            .map(|(i, _)| i)
    }
}
