//! `content/glossary.toml` → validated [`GlossaryTerm`]s → Rust source.
//!
//! The rules: ids lowercase-kebab and unique; no name (term, also-name or form) listed twice,
//! ignoring case, across the whole glossary; every `section` is `/chapters/<id>#<anchor>` of an
//! existing heading (not the further reading or key points); every definition one or two
//! sentences of at most [`MAX_DEFINITION_CHARS`] characters; every term used in at least one
//! chapter's text (by one of its names, whole word, ignoring case, code excluded); at least
//! [`MIN_TERMS`] terms.

use std::collections::HashMap;
use std::fmt::Write;

use serde::Deserialize;
use toml::Spanned;

use super::diagram::parse_section;
use super::emit::emit_link_target;
use super::quiz::line_at;
use super::validate::check_link;
use super::{is_kebab_id, leak, leak_str, ContentError, SourceFile};
use crate::glossary::GlossaryTerm;
use crate::{plain_text, Block, Chapter, LinkTarget};

/// The glossary needs at least this many terms.
pub const MIN_TERMS: usize = 80;
/// A definition is one or two sentences and at most this many characters (a toggletip on a
/// phone shows it whole).
pub const MAX_DEFINITION_CHARS: usize = 300;
/// Sections that sum up or point elsewhere, never the place a term is explained.
const NOT_EXPLAINING: [&str; 2] = ["further-reading", "key-points"];

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct GlossaryFile {
    #[serde(default)]
    term: Vec<TermIn>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TermIn {
    id: Spanned<String>,
    term: String,
    #[serde(default)]
    also: Vec<String>,
    #[serde(default)]
    forms: Vec<String>,
    definition: String,
    section: String,
    #[serde(default)]
    not: Vec<String>,
    #[serde(default)]
    not_in: Vec<String>,
}

/// Parses and validates the glossary against the chapters. Terms come back sorted A–Z
/// (ignoring case), the order of the `/glossary` page.
pub fn build_glossary(
    file: &SourceFile,
    chapters: &[Chapter],
) -> Result<Vec<GlossaryTerm>, Vec<ContentError>> {
    let parsed = parse_file(file)?;
    let texts: Vec<String> = chapters.iter().map(chapter_text).collect();
    let mut errors = Vec::new();
    let mut ids: HashMap<String, usize> = HashMap::new();
    let mut names: HashMap<String, String> = HashMap::new();
    let mut terms = Vec::new();
    for t in &parsed.term {
        let line = line_at(&file.text, t.id.span().start);
        let mut problems = Vec::new();
        problems.extend(check_id(t.id.get_ref(), line, &mut ids));
        problems.extend(check_names(t, &mut names));
        problems.extend(definition_problems(&t.definition));
        if !is_used(t, &texts) {
            problems.push(format!(
                "no chapter uses `{}` (nor an also-name or form) in its text (code excluded, whole words, \"+s\" plurals count): use it, or add the spelling the text uses to `forms`",
                t.term
            ));
        }
        let section = match term_section(&t.section, chapters) {
            Ok(section) => section,
            Err(problem) => {
                problems.push(problem);
                LinkTarget::External("")
            }
        };
        problems.extend(opt_out_problems(t));
        let not_in = t
            .not_in
            .iter()
            .filter_map(|place| match opt_out_place(place, chapters) {
                Ok(target) => Some(target),
                Err(problem) => {
                    problems.push(problem);
                    None
                }
            })
            .collect();
        errors.extend(problems.into_iter().map(|message| ContentError {
            file: file.path.clone(),
            line: Some(line),
            message: format!("term `{}`: {message}", t.id.get_ref()),
        }));
        terms.push(build_term(t, section, not_in));
    }
    if terms.len() < MIN_TERMS {
        errors.push(ContentError {
            file: file.path.clone(),
            line: None,
            message: format!(
                "the glossary has {} terms; it needs at least {MIN_TERMS}",
                terms.len()
            ),
        });
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    terms.sort_by_key(|t| t.term.to_lowercase());
    Ok(terms)
}

fn parse_file(file: &SourceFile) -> Result<GlossaryFile, Vec<ContentError>> {
    toml::from_str(&file.text).map_err(|e| {
        vec![ContentError {
            file: file.path.clone(),
            line: e.span().map(|span| line_at(&file.text, span.start)),
            message: format!("invalid glossary: {}", e.message()),
        }]
    })
}

fn build_term(t: &TermIn, section: LinkTarget, not_in: Vec<LinkTarget>) -> GlossaryTerm {
    let strings = |list: &[String]| leak(list.iter().map(|s| leak_str(s.trim())).collect());
    GlossaryTerm {
        id: leak_str(t.id.get_ref().as_str()),
        term: leak_str(t.term.trim()),
        also: strings(&t.also),
        forms: strings(&t.forms),
        definition: leak_str(t.definition.trim()),
        section,
        not: strings(&t.not),
        not_in: leak(not_in),
    }
}

/// Each `not` phrase holds one of the term's names as a whole word (else it opts nothing
/// out) and is not a name itself.
fn opt_out_problems(t: &TermIn) -> Vec<String> {
    let names: Vec<&String> = std::iter::once(&t.term)
        .chain(&t.also)
        .chain(&t.forms)
        .collect();
    t.not
        .iter()
        .filter(|phrase| {
            let phrase_key = normalise(phrase).to_lowercase();
            names
                .iter()
                .any(|n| normalise(n).to_lowercase() == phrase_key)
                || !names.iter().any(|n| mentions(phrase, n))
        })
        .map(|phrase| {
            format!(
                "`not` phrase `{}` must contain one of the term's names and be more than it",
                phrase.trim()
            )
        })
        .collect()
}

/// A `not_in` place: `/chapters/<id>` or `/chapters/<id>#<anchor>` that exists.
fn opt_out_place(place: &str, chapters: &[Chapter]) -> Result<LinkTarget, String> {
    let target = parse_section(place).ok_or_else(|| {
        format!("`not_in` place `{place}` must look like /chapters/<id>[#<anchor>]")
    })?;
    match check_link(chapters, &target) {
        Some(problem) => Err(format!("`not_in`: {problem}")),
        None => Ok(target),
    }
}

/// Lowercase-kebab, and not the id of an earlier entry (`ids`: id → line).
fn check_id(id: &str, line: usize, ids: &mut HashMap<String, usize>) -> Vec<String> {
    let mut problems = Vec::new();
    if !is_kebab_id(id) {
        problems.push("the id must be lowercase-kebab (a-z, 0-9, -)".to_string());
    }
    if let Some(first) = ids.insert(id.to_string(), line) {
        ids.insert(id.to_string(), first);
        problems.push(format!("duplicate id (first used on line {first})"));
    }
    problems
}

/// Every name (the term, its also-names and forms) is non-empty and listed once in the whole
/// glossary, ignoring case (`names`: lowercased name → id of the entry that lists it).
fn check_names(t: &TermIn, names: &mut HashMap<String, String>) -> Vec<String> {
    let id = t.id.get_ref();
    let mut problems = Vec::new();
    let all = std::iter::once(&t.term).chain(&t.also).chain(&t.forms);
    for name in all {
        let key = normalise(name).to_lowercase();
        if key.is_empty() {
            problems.push("an empty term, also-name or form".to_string());
            continue;
        }
        match names.get(&key) {
            Some(owner) if owner == id => {
                problems.push(format!("`{}` is listed twice in this entry", name.trim()))
            }
            Some(owner) => problems.push(format!(
                "`{}` is already listed by term `{owner}` (names are compared ignoring case)",
                name.trim()
            )),
            None => {
                names.insert(key, id.clone());
            }
        }
    }
    problems
}

/// `/chapters/<id>#<anchor>` of an existing heading that explains (not the further reading
/// or key points).
fn term_section(section: &str, chapters: &[Chapter]) -> Result<LinkTarget, String> {
    let target = match parse_section(section) {
        Some(
            target @ LinkTarget::Chapter {
                section: Some(anchor),
                ..
            },
        ) if !anchor.is_empty() => target,
        _ => {
            return Err(format!(
                "section `{section}` must look like /chapters/<id>#<anchor>"
            ))
        }
    };
    if let Some(problem) = check_link(chapters, &target) {
        return Err(format!("section: {problem}"));
    }
    match target {
        LinkTarget::Chapter {
            section: Some(anchor),
            ..
        } if NOT_EXPLAINING.contains(&anchor) => Err(format!(
            "section `{section}` sums up or points elsewhere: link the section that explains the term"
        )),
        _ => Ok(target),
    }
}

/// What is wrong with a definition: empty, too long, or not one or two whole sentences.
fn definition_problems(definition: &str) -> Vec<String> {
    let text = definition.trim();
    let mut problems = Vec::new();
    let chars = text.chars().count();
    if chars > MAX_DEFINITION_CHARS {
        problems.push(format!(
            "the definition has {chars} characters; at most {MAX_DEFINITION_CHARS}"
        ));
    }
    let sentences = count_sentences(text);
    if !(1..=2).contains(&sentences) || !ends_a_sentence(text) {
        problems.push(format!(
            "the definition must be one or two sentences, each ending with . ! or ? (found {sentences})"
        ));
    }
    problems
}

/// Sentences in a plain text: a `.`, `!` or `?` (perhaps followed by a closing quote or
/// bracket) that ends the text or is followed by a space and a capital letter or digit.
/// "e.g. the", "Node.js" and "1.3" end no sentence.
pub(super) fn count_sentences(text: &str) -> usize {
    let chars: Vec<char> = text.chars().collect();
    let mut count = 0;
    let mut i = 0;
    while i < chars.len() {
        if matches!(chars[i], '.' | '!' | '?') {
            let mut j = i + 1;
            while j < chars.len() && matches!(chars[j], '"' | '\'' | ')' | '”' | '’') {
                j += 1;
            }
            let ends = match chars.get(j) {
                None => true,
                Some(c) if c.is_whitespace() => chars[j..]
                    .iter()
                    .find(|c| !c.is_whitespace())
                    .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit()),
                Some(_) => false,
            };
            if ends {
                count += 1;
            }
            i = j;
        } else {
            i += 1;
        }
    }
    count
}

fn ends_a_sentence(text: &str) -> bool {
    text.trim_end_matches(['"', '\'', ')', '”', '’'])
        .ends_with(['.', '!', '?'])
}

/// Whether any chapter text mentions the term by one of its names.
fn is_used(t: &TermIn, texts: &[String]) -> bool {
    std::iter::once(&t.term)
        .chain(&t.also)
        .chain(&t.forms)
        .any(|name| texts.iter().any(|text| mentions(text, name)))
}

/// Whether `text` uses `name` as a whole word (or words), ignoring case and runs of white
/// space; the name plus "s" counts too ("caches" uses "cache"). A letter, digit or `_`
/// right before or after breaks the match; punctuation such as `-`, `'` or `/` does not.
pub fn mentions(text: &str, name: &str) -> bool {
    let needle = normalise(name).to_lowercase();
    if needle.is_empty() {
        return false;
    }
    let haystack = normalise(text).to_lowercase();
    haystack.match_indices(&needle).any(|(at, _)| {
        let before = haystack[..at].chars().next_back();
        let mut after = haystack[at + needle.len()..].chars();
        let next = after.next();
        let whole_after = match next {
            Some('s') => !after.next().is_some_and(is_word_char),
            other => !other.is_some_and(is_word_char),
        };
        !before.is_some_and(is_word_char) && whole_after
    })
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Trimmed, with every run of white space made one space.
fn normalise(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A chapter's reading text: headings, paragraphs, lists, callouts and tables, without code
/// blocks or inline code (a term shown as code is not a use of it in the prose).
pub fn chapter_text(chapter: &Chapter) -> String {
    let mut out = String::new();
    push_blocks(chapter.blocks, &mut out);
    out
}

fn push_blocks(blocks: &[Block], out: &mut String) {
    for block in blocks {
        match block {
            Block::Heading { content, .. } | Block::Paragraph(content) => {
                push_inlines(content, out)
            }
            Block::List { items, .. } => items.iter().for_each(|item| push_blocks(item, out)),
            Block::Callout { blocks, .. } => push_blocks(blocks, out),
            Block::Table { header, rows, .. } => {
                for cell in header.iter().chain(rows.iter().flat_map(|r| r.iter())) {
                    push_inlines(cell, out);
                    out.push('\n');
                }
            }
            Block::Code { .. } | Block::Rule | Block::Embed(_) => {}
        }
        out.push('\n');
    }
}

/// Plain text of the inlines with inline code left out.
fn push_inlines(inlines: &[crate::Inline], out: &mut String) {
    use crate::Inline;
    for inline in inlines {
        match inline {
            Inline::Code(_) => out.push(' '),
            Inline::Emphasis(c) | Inline::Strong(c) | Inline::Link { content: c, .. } => {
                push_inlines(c, out)
            }
            other => out.push_str(&plain_text(std::slice::from_ref(other))),
        }
    }
}

/// Rust source defining `pub static GLOSSARY`, in the given (A–Z) order.
pub fn emit_glossary(terms: &[GlossaryTerm]) -> String {
    let mut out = String::from(
        "// Generated by build.rs from content/glossary.toml. Do not edit.\n\
         pub static GLOSSARY: &[::guide_content::glossary::GlossaryTerm] = &[\n",
    );
    for t in terms {
        let _ = write!(
            out,
            "::guide_content::glossary::GlossaryTerm {{ id: {:?}, term: {:?}, also: &{:?}, forms: &{:?}, definition: {:?}, section: ",
            t.id, t.term, t.also, t.forms, t.definition
        );
        emit_link_target(&mut out, &t.section);
        let _ = write!(out, ", not: &{:?}, not_in: &[", t.not);
        for place in t.not_in {
            emit_link_target(&mut out, place);
            out.push_str(", ");
        }
        out.push_str("] },\n");
    }
    out.push_str("];\n");
    out
}

#[cfg(test)]
mod tests;
