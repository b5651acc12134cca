//! Search over the whole guide: the index file the build writes (`search-index.json`), the words
//! of a text as both sides split them, and (feature `search`) the engine that answers a query.
//!
//! The build (`pipeline::search`) stems every word form of the guide with the Snowball English
//! stemmer and writes the forms whose stem differs, so the app needs no stemmer: a query word is
//! looked up among the guide's own forms — exactly, as the start of a longer form while typing,
//! through a glossary synonym, or within one or two typos — and searched for by its stem.

#[cfg(feature = "search")]
mod engine;
#[cfg(feature = "search")]
pub use engine::{Group, Hit, Search, Snippet};

/// The name of the index file in the built site.
pub const INDEX_FILE: &str = "search-index.json";

/// What the build writes: every searchable piece of the guide and how its words relate.
#[derive(Debug, Clone, PartialEq, Default)]
#[cfg_attr(
    any(feature = "search", feature = "pipeline"),
    derive(serde::Serialize, serde::Deserialize)
)]
pub struct IndexFile {
    /// The chapters, in reading order: `(id, title)`. Documents refer to them by position.
    pub chapters: Vec<(String, String)>,
    pub docs: Vec<Doc>,
    /// Word forms whose stem is not the form itself: `(form, stem)`, sorted by form.
    pub stems: Vec<(String, String)>,
    /// Other names a reader may type: `(name, what it stands for)`, e.g. `("auth",
    /// "authentication")`, from the glossary's "also called" names, lowercased.
    pub synonyms: Vec<(String, String)>,
}

/// One searchable piece: a section of a chapter, a quiz question's explanation, or a glossary
/// term. A hit on it links to `chapter#anchor`.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(
    any(feature = "search", feature = "pipeline"),
    derive(serde::Serialize, serde::Deserialize)
)]
pub struct Doc {
    pub kind: DocKind,
    /// Position in [`IndexFile::chapters`].
    pub chapter: u16,
    /// The section it points to; empty for the top of the chapter.
    pub anchor: String,
    /// What a hit shows as its title: the section heading, the question, the term.
    pub title: String,
    /// Its plain text, for matching and for the snippet.
    pub text: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(
    any(feature = "search", feature = "pipeline"),
    derive(serde::Serialize, serde::Deserialize)
)]
pub enum DocKind {
    #[cfg_attr(any(feature = "search", feature = "pipeline"), serde(rename = "s"))]
    Section,
    #[cfg_attr(any(feature = "search", feature = "pipeline"), serde(rename = "q"))]
    Quiz,
    #[cfg_attr(any(feature = "search", feature = "pipeline"), serde(rename = "t"))]
    Term,
}

/// The words of `text` with their byte ranges: runs of letters and digits, lowercased, two
/// characters or more (and any number: "3", "404"). The build and the app split alike.
pub fn words(text: &str) -> impl Iterator<Item = (std::ops::Range<usize>, String)> + '_ {
    let mut chars = text.char_indices().peekable();
    std::iter::from_fn(move || loop {
        let (start, _) = chars.find(|(_, c)| c.is_alphanumeric())?;
        let mut end = text.len();
        while let Some(&(i, c)) = chars.peek() {
            if !c.is_alphanumeric() {
                end = i;
                break;
            }
            chars.next();
        }
        let word = &text[start..end];
        if word.chars().count() >= 2 || word.chars().all(|c| c.is_ascii_digit()) {
            return Some((start..end, word.to_lowercase()));
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(text: &str) -> Vec<String> {
        words(text).map(|(_, w)| w).collect()
    }

    #[test]
    fn words_are_lowercased_runs_of_letters_and_digits() {
        assert_eq!(
            all("GET /api/orders → 503, isn't it? Café x 2"),
            ["get", "api", "orders", "503", "isn", "it", "café", "2"]
        );
    }

    #[test]
    fn word_ranges_point_into_the_text() {
        let text = "Cache-Control: max-age";
        let ranges: Vec<_> = words(text).map(|(r, _)| &text[r]).collect();
        assert_eq!(ranges, ["Cache", "Control", "max", "age"]);
    }
}
