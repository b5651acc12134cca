//! Glossary terms in the chapters' text, recognised at build time, and the `/glossary` page's
//! body.
//!
//! In a chapter, the first use of a glossary term in each `##` section (by its term, an
//! also-name or a form; whole words, ignoring ASCII case, "+s" plurals, as
//! [`super::mentions`] counts them) becomes an inline term: a link to its entry on the
//! glossary page (`glossary#<id>`, relative to `<base href>`), followed by an empty live region
//! the app fills with the definition (the toggletip). Never in headings, code, links or code
//! notes, nor in the section the term's own `section` points to (it is explained right
//! there), nor where the glossary opts it out (`not`: phrases in which the word means
//! something else; `not_in`: chapters or sections). At each place the longest name wins
//! ("environment variable" before "environment"), a phrase of `not` included.
//!
//! The definitions a body uses are written once at its end as `<template data-term-def>`
//! elements, so the app shows them without holding the glossary.

use std::collections::HashSet;
use std::fmt::Write as _;

use super::html::esc;
use crate::glossary::GlossaryTerm;
use crate::{Chapter, LinkTarget};

/// The glossary prepared for recognising its terms in chapters.
#[derive(Default)]
pub struct Terms<'a> {
    terms: &'a [GlossaryTerm],
    /// Every name and opted-out phrase, lowercase, longest first.
    names: Vec<Name>,
    /// Per term: "Chapter title: Section title" of its `section`.
    places: Vec<String>,
}

struct Name {
    /// Lowercase (ASCII); a space matches any run of white space.
    text: String,
    /// The term it names; `None` for a phrase opted out with `not`.
    term: Option<usize>,
}

impl<'a> Terms<'a> {
    pub fn new(terms: &'a [GlossaryTerm], chapters: &[Chapter]) -> Self {
        let mut names = Vec::new();
        for (index, term) in terms.iter().enumerate() {
            names.extend(term.names().map(|n| Name {
                text: normalise(n),
                term: Some(index),
            }));
            names.extend(term.not.iter().map(|n| Name {
                text: normalise(n),
                term: None,
            }));
        }
        names.retain(|n| !n.text.is_empty());
        names.sort_by_key(|n| std::cmp::Reverse(n.text.len()));
        let places = terms.iter().map(|t| place(&t.section, chapters)).collect();
        Terms {
            terms,
            names,
            places,
        }
    }

    /// The longest name (or opted-out phrase) that starts at byte `at` of `lower` (the text,
    /// ASCII-lowercased) as whole words: its term (if any) and where the match ends (a plural
    /// "s" included).
    fn longest_at(&self, lower: &str, at: usize) -> Option<(Option<usize>, usize)> {
        self.names.iter().find_map(|name| {
            let end = match_name(lower, at, &name.text)?;
            whole_end(lower, end).map(|end| (name.term, end))
        })
    }
}

/// "Chapter title: Section title" of a term's section (its `Read more` link's text).
fn place(target: &LinkTarget, chapters: &[Chapter]) -> String {
    let LinkTarget::Chapter { chapter, section } = target else {
        return String::new();
    };
    let Some(chapter) = chapters.iter().find(|c| c.id == *chapter) else {
        return String::new();
    };
    match section.and_then(|s| chapter.sections.iter().find(|x| x.id == s)) {
        Some(section) => format!("{}: {}", chapter.title, section.title),
        None => chapter.title.to_string(),
    }
}

fn normalise(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_ascii_lowercase()
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Where `name` ends if it starts at `at` in `lower` (a space in the name matches a run of
/// white space).
fn match_name(lower: &str, at: usize, name: &str) -> Option<usize> {
    let text = lower.as_bytes();
    let mut i = at;
    for &b in name.as_bytes() {
        if b == b' ' {
            let start = i;
            while i < text.len() && text[i].is_ascii_whitespace() {
                i += 1;
            }
            if i == start {
                return None;
            }
        } else if text.get(i) == Some(&b) {
            i += 1;
        } else {
            return None;
        }
    }
    Some(i)
}

/// The end of a whole-word match ending at `end` (one more for a plural "s"), or `None` if a
/// letter, digit or `_` follows.
fn whole_end(lower: &str, end: usize) -> Option<usize> {
    let mut rest = lower.get(end..)?.chars();
    match rest.next() {
        Some('s') if !rest.next().is_some_and(is_word_char) => Some(end + 1),
        Some(c) if is_word_char(c) => None,
        _ => Some(end),
    }
}

/// Where a chapter's body is being written, for recognising terms.
pub(super) struct Marker<'t, 'a> {
    terms: &'t Terms<'a>,
    chapter: &'a str,
    /// The current `##` and `###` anchors.
    h2: Option<&'a str>,
    h3: Option<&'a str>,
    /// Terms marked in this `##` section.
    in_section: HashSet<usize>,
    /// Terms marked in the body, in order of first use (their definitions go at its end).
    used: Vec<usize>,
    /// Off in headings, links and code notes.
    pub(super) on: bool,
}

impl<'t, 'a> Marker<'t, 'a> {
    pub(super) fn new(terms: &'t Terms<'a>, chapter: &'a str) -> Self {
        Marker {
            terms,
            chapter,
            h2: None,
            h3: None,
            in_section: HashSet::new(),
            used: Vec::new(),
            on: true,
        }
    }

    /// A heading starts a section: a `##` one starts counting first uses again.
    pub(super) fn heading(&mut self, level: u8, id: &'a str) {
        if level <= 2 {
            self.h2 = Some(id);
            self.h3 = None;
            self.in_section.clear();
        } else {
            self.h3 = Some(id);
        }
    }

    /// Whether a target (a term's section or a `not_in` place) is where the text is now: the
    /// chapter, or one of the sections it is in.
    fn is_here(&self, target: &LinkTarget) -> bool {
        match *target {
            LinkTarget::Chapter { chapter, section } => {
                chapter == self.chapter
                    && (section.is_none() || section == self.h2 || section == self.h3)
            }
            LinkTarget::External(_) => false,
        }
    }

    fn may_mark(&self, index: usize) -> bool {
        let term = &self.terms.terms[index];
        !self.in_section.contains(&index)
            && !self.is_here(&term.section)
            && !term.not_in.iter().any(|t| self.is_here(t))
    }

    /// Writes a text, escaped, with the terms it may mark marked.
    pub(super) fn text(&mut self, text: &str, out: &mut String) {
        if !self.on || self.terms.names.is_empty() {
            out.push_str(&esc(text));
            return;
        }
        let lower = text.to_ascii_lowercase();
        let mut written = 0;
        let mut at = 0;
        let mut before: Option<char> = None;
        while at < text.len() {
            let c = text[at..].chars().next().unwrap_or(' ');
            if !before.is_some_and(is_word_char) {
                if let Some((term, end)) = self.terms.longest_at(&lower, at) {
                    if let Some(index) = term.filter(|&i| self.may_mark(i)) {
                        out.push_str(&esc(&text[written..at]));
                        self.mark(index, &text[at..end], out);
                        written = end;
                    }
                    before = text[..end].chars().next_back();
                    at = end;
                    continue;
                }
            }
            before = Some(c);
            at += c.len_utf8();
        }
        out.push_str(&esc(&text[written..]));
    }

    fn mark(&mut self, index: usize, words: &str, out: &mut String) {
        self.in_section.insert(index);
        if !self.used.contains(&index) {
            self.used.push(index);
        }
        let id = self.terms.terms[index].id;
        let _ = write!(
            out,
            r#"<a class="term" href="glossary#{id}" data-term="{id}">{}</a><span class="term-tip" role="status"></span>"#,
            esc(words)
        );
    }

    /// The definitions of the terms marked, for the end of the body: one `<template>` each,
    /// whose content the app puts into a term's live region when it opens.
    pub(super) fn definitions(&self, out: &mut String) {
        for &index in &self.used {
            let term = &self.terms.terms[index];
            let _ = write!(
                out,
                r#"<template data-term-def="{id}"><span class="term-tip__text">{}</span> <a class="term-tip__more" href="{}">Read more in “{}”</a> <a class="term-tip__entry" href="glossary#{id}">Glossary entry</a></template>"#,
                esc(term.definition),
                section_href(&term.section),
                esc(&self.terms.places[index]),
                id = term.id,
            );
        }
    }
}

/// A chapter section relative to `<base href>`.
fn section_href(target: &LinkTarget) -> String {
    match target {
        LinkTarget::Chapter {
            chapter,
            section: Some(s),
        } => format!("chapters/{chapter}#{s}"),
        LinkTarget::Chapter { chapter, .. } => format!("chapters/{chapter}"),
        LinkTarget::External(url) => esc(url),
    }
}

/// The letter a term is listed under on `/glossary`: its first letter, or `#`.
fn letter_of(term: &GlossaryTerm) -> char {
    term.term
        .chars()
        .next()
        .filter(char::is_ascii_alphabetic)
        .map_or('#', |c| c.to_ascii_uppercase())
}

fn letter_id(letter: char) -> String {
    match letter {
        '#' => "letter-other".to_string(),
        l => format!("letter-{}", l.to_ascii_lowercase()),
    }
}

/// The `/glossary` page's body (the inside of its `<div class="glossary__body">`), written at
/// build time like a chapter's body: a jump list of the letters that have entries, then per
/// letter a heading and the entries (`terms` in A–Z order), each under its id with its
/// definition, its "also called" names and a link to the section that explains it.
pub fn glossary_body(terms: &[GlossaryTerm], chapters: &[Chapter]) -> String {
    let mut letters: Vec<char> = terms.iter().map(letter_of).collect();
    letters.dedup();
    let mut out = String::from(r#"<nav class="glossary__letters" aria-label="Letters"><ul>"#);
    for &letter in &letters {
        let _ = write!(
            out,
            r#"<li><a href="glossary#{}">{letter}</a></li>"#,
            letter_id(letter)
        );
    }
    out.push_str("</ul></nav>");
    for &letter in &letters {
        let id = letter_id(letter);
        let _ = write!(
            out,
            r#"<section class="glossary__group" aria-labelledby="{id}"><h2 id="{id}" tabindex="-1">{letter}</h2><dl class="glossary__list">"#
        );
        for term in terms.iter().filter(|t| letter_of(t) == letter) {
            entry(term, chapters, &mut out);
        }
        out.push_str("</dl></section>");
    }
    out
}

fn entry(term: &GlossaryTerm, chapters: &[Chapter], out: &mut String) {
    let _ = write!(
        out,
        r#"<div class="glossary__entry"><dt id="{}" tabindex="-1">{}</dt><dd><p>{}</p>"#,
        term.id,
        esc(term.term),
        esc(term.definition)
    );
    if !term.also.is_empty() {
        let _ = write!(
            out,
            r#"<p class="glossary__also">Also called: {}</p>"#,
            esc(&term.also.join(", "))
        );
    }
    let _ = write!(
        out,
        r#"<p class="glossary__more"><a href="{}">Explained in “{}”</a></p></dd></div>"#,
        section_href(&term.section),
        esc(&place(&term.section, chapters))
    );
}

#[cfg(test)]
mod tests;
