//! The guide's content model: chapters as ready-to-render, `'static` data.
//!
//! `build.rs` turns `content/chapters/*.md` into values of these types (feature `pipeline`),
//! validates them, and writes them out as Rust source that the app includes. The app itself
//! never parses Markdown: it only walks these types.

pub mod diagram;
pub mod glossary;
#[cfg(feature = "pipeline")]
pub mod pipeline;
pub mod quiz;
pub mod search;
pub mod text_file;

/// One chapter of the guide.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Chapter {
    /// Stable id from the front matter; also the URL slug (`/chapters/<id>`).
    pub id: &'static str,
    pub title: &'static str,
    /// One or two plain sentences for chapter lists.
    pub summary: &'static str,
    /// Position in the guide (chapters are stored sorted by it).
    pub order: u32,
    /// Words of prose (code blocks excluded), counted at build time.
    pub words: u32,
    /// Estimated reading time in whole minutes, at least 1.
    pub reading_minutes: u32,
    /// Every `##`/`###` heading, in document order, for tables of contents and progress.
    pub sections: &'static [Section],
    /// The body. Filled at build time (the pipeline renders it as HTML); empty in the app's
    /// generated data, which gets chapter bodies as that HTML instead (see `pipeline::emit`).
    pub blocks: &'static [Block],
}

/// A heading inside a chapter, with its stable anchor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Section {
    pub id: &'static str,
    /// The heading as plain text.
    pub title: &'static str,
    /// 2 for `##`, 3 for `###`.
    pub level: u8,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Block {
    Heading {
        level: u8,
        id: &'static str,
        content: &'static [Inline],
    },
    Paragraph(&'static [Inline]),
    List {
        /// `Some(first number)` for a numbered list.
        start: Option<u32>,
        items: &'static [&'static [Block]],
    },
    Code {
        language: &'static str,
        /// The code as a reader copies it (line-note markers taken out).
        code: &'static str,
        /// Line notes (`<1>` at the end of a code line, a numbered list after the block):
        /// note `n` is `notes[n - 1]`.
        notes: &'static [CodeNote],
    },
    /// A block quote that starts with a bold label such as "Common myth:".
    Callout {
        /// The label without its colon, e.g. "Common myth".
        label: &'static str,
        blocks: &'static [Block],
    },
    Table {
        alignments: &'static [Alignment],
        header: &'static [&'static [Inline]],
        rows: &'static [&'static [&'static [Inline]]],
    },
    Rule,
    /// An interactive part placed in the text, written `::diagram` on a line of its own.
    Embed(Embed),
}

/// A short note on one line of a code block.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CodeNote {
    /// The line it explains, counted from 0 in the block's code.
    pub line: usize,
    pub text: &'static [Inline],
}

/// Interactive parts a chapter can embed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Embed {
    /// The frontend/backend diagram (`content/diagram.toml`).
    Diagram,
}

impl Embed {
    pub const ALL: [Embed; 1] = [Embed::Diagram];

    /// The name used in Markdown after `::`.
    pub fn name(self) -> &'static str {
        match self {
            Embed::Diagram => "diagram",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Alignment {
    None,
    Left,
    Center,
    Right,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Inline {
    Text(&'static str),
    Emphasis(&'static [Inline]),
    Strong(&'static [Inline]),
    Code(&'static str),
    Link {
        target: LinkTarget,
        content: &'static [Inline],
    },
    LineBreak,
}

/// Where a link goes. Internal targets were checked to exist at build time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkTarget {
    External(&'static str),
    /// A chapter, optionally one of its sections.
    Chapter {
        chapter: &'static str,
        section: Option<&'static str>,
    },
}

/// A CSS-friendly name for a callout label: "Common myth" → "common-myth".
pub fn callout_class(label: &str) -> String {
    let mut out = String::with_capacity(label.len());
    for c in label.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

/// Plain text of inline content (for headings in tables of contents, titles, labels).
pub fn plain_text(inlines: &[Inline]) -> String {
    let mut out = String::new();
    push_plain_text(inlines, &mut out);
    out
}

fn push_plain_text(inlines: &[Inline], out: &mut String) {
    for inline in inlines {
        match inline {
            Inline::Text(t) | Inline::Code(t) => out.push_str(t),
            Inline::Emphasis(c) | Inline::Strong(c) | Inline::Link { content: c, .. } => {
                push_plain_text(c, out)
            }
            Inline::LineBreak => out.push(' '),
        }
    }
}

/// Words per minute used for reading-time estimates.
/// The quizzes that are not one chapter's (`/quiz/guide`, `/quiz/review`, `/quiz/retry`): the
/// app's quiz scopes and route list use these, and no chapter may take one as its id (the
/// pipeline checks).
pub const QUIZ_GUIDE: &str = "guide";
pub const QUIZ_REVIEW: &str = "review";
pub const QUIZ_RETRY: &str = "retry";
pub const RESERVED_QUIZ_KEYS: [&str; 3] = [QUIZ_GUIDE, QUIZ_REVIEW, QUIZ_RETRY];

pub const WORDS_PER_MINUTE: u32 = 220;

/// Reading time in whole minutes for a word count: rounded up, at least one minute.
pub fn reading_minutes(words: u32) -> u32 {
    words.div_ceil(WORDS_PER_MINUTE).max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn callout_class_names_are_kebab_case() {
        assert_eq!(callout_class("Common myth"), "common-myth");
        assert_eq!(callout_class("Tip"), "tip");
        assert_eq!(callout_class("  Note!  "), "note");
    }

    #[test]
    fn reading_time_rounds_up_and_is_never_zero() {
        assert_eq!(reading_minutes(0), 1);
        assert_eq!(reading_minutes(220), 1);
        assert_eq!(reading_minutes(221), 2);
        assert_eq!(reading_minutes(1100), 5);
    }

    #[test]
    fn plain_text_flattens_nested_inlines() {
        let content = [
            Inline::Text("Use "),
            Inline::Strong(&[Inline::Code("SELECT")]),
            Inline::Text(" with "),
            Inline::Link {
                target: LinkTarget::External("https://example.org"),
                content: &[Inline::Emphasis(&[Inline::Text("care")])],
            },
        ];
        assert_eq!(plain_text(&content), "Use SELECT with care");
    }
}
