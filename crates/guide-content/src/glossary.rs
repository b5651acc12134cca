//! The glossary as `'static` data (from `content/glossary.toml`, validated at build time: ids
//! kebab-case and unique, no name listed by two entries, every section link resolves to a
//! chapter heading, definitions of one or two short sentences, every term used in a chapter's
//! text, enough terms). The `/glossary` page, the inline terms in chapters and search read it.

use crate::LinkTarget;

/// One entry of the glossary.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GlossaryTerm {
    /// Stable, lowercase-kebab: the entry's anchor on `/glossary`.
    pub id: &'static str,
    /// The term as readers see it, e.g. "API".
    pub term: &'static str,
    /// "Also called" names and abbreviations, e.g. "auth" for authentication (search uses them
    /// as synonyms, and they are recognised in the text like the term).
    pub also: &'static [&'static str],
    /// Other spellings recognised in the text that adding an "s" does not give, e.g. "indices".
    pub forms: &'static [&'static str],
    /// One or two plain sentences.
    pub definition: &'static str,
    /// The chapter section that explains it (always a chapter and an anchor).
    pub section: LinkTarget,
    /// Phrases in which a name of the term means something else ("virtual environment" for
    /// environment): never marked as the term in a chapter.
    pub not: &'static [&'static str],
    /// Chapters or sections where the term is never marked (the word means something else
    /// there).
    pub not_in: &'static [LinkTarget],
}

impl GlossaryTerm {
    /// Every name the text may use for this term: the term, its also-names and its forms.
    pub fn names(&self) -> impl Iterator<Item = &'static str> + '_ {
        std::iter::once(self.term)
            .chain(self.also.iter().copied())
            .chain(self.forms.iter().copied())
    }
}
