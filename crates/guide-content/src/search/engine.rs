//! The engine: the index file's documents in a probly-search index (BM25 over two fields, the
//! title weighted above the text), a query resolved word by word against the guide's own word
//! forms, and the hits grouped by chapter with a snippet around the matching words.

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::ops::Range;

use probly_search::score::bm25;
use probly_search::Index;

use super::{words, Doc, DocKind, IndexFile};

/// A title counts this many times a word of the text: a section about the word (it is in the
/// heading) ranks above one that mentions it.
const TITLE_BOOST: f64 = 3.0;
/// At most this many hits, in at most this many chapters.
const MAX_HITS: usize = 20;
/// How many forms one typed word may stand for when it is the start of longer ones.
const MAX_PREFIX_FORMS: usize = 24;
/// A snippet's length around its first match, in characters.
const SNIPPET_CHARS: usize = 140;
/// probly-search also finds every longer word that starts with a query word (HTTP: HTTPS,
/// HttpOnly), weighted by the letters added; a doc whose title has the word itself counts
/// this much more, so "The HTTP request" comes before "HTTPS everywhere".
const ABOUT_BONUS: f64 = 2.0;
/// A title that is nothing but the words typed ("authentication", the glossary's entry) counts
/// this much more again: the reader typed its name.
const NAME_BONUS: f64 = 2.0;
/// What a longer form or a typo counts against the word itself.
const NEAR_WEIGHT: f64 = 0.4;

/// A glossary definition is the shortest answer to "what is X"; a question's explanation is a
/// second way in to the section it tests.
fn kind_weight(kind: DocKind) -> f64 {
    match kind {
        DocKind::Term => 1.0,
        DocKind::Section => 1.0,
        DocKind::Quiz => 0.5,
    }
}

/// What one typed word stands for, as stems.
struct Meaning {
    exact: Vec<String>,
    near: Vec<String>,
}

/// The search over one index file, built once (when the reader first searches).
pub struct Search {
    file: IndexFile,
    index: Index<usize>,
    /// Every word form of the guide (and every synonym), sorted: exact, prefix and typo lookups.
    forms: Vec<String>,
    stem_of: HashMap<String, String>,
    synonyms: HashMap<String, Vec<String>>,
    /// Each doc's title as stems: a title that has the word itself is about it.
    title_stems: Vec<HashSet<String>>,
}

/// The hits in one chapter, best first; groups are ordered by their best hit.
#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    pub chapter_id: String,
    pub chapter_title: String,
    pub hits: Vec<Hit>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    pub kind: DocKind,
    /// The section's anchor; empty for the top of the chapter.
    pub anchor: String,
    pub title: Snippet,
    pub snippet: Snippet,
}

/// Text with the byte ranges of the words that matched the query, to highlight.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Snippet {
    pub text: String,
    pub marks: Vec<Range<usize>>,
}

/// A doc's fields as the index sees them: its words' stems, space-separated.
struct Stemmed {
    title: String,
    text: String,
}

fn title_field(d: &Stemmed) -> Vec<&str> {
    vec![d.title.as_str()]
}

fn text_field(d: &Stemmed) -> Vec<&str> {
    vec![d.text.as_str()]
}

fn by_space(s: &str) -> Vec<Cow<'_, str>> {
    s.split(' ')
        .filter(|w| !w.is_empty())
        .map(Cow::from)
        .collect()
}

impl Search {
    pub fn new(file: IndexFile) -> Search {
        let stem_of: HashMap<String, String> = file.stems.iter().cloned().collect();
        let mut synonyms: HashMap<String, Vec<String>> = HashMap::new();
        for (name, meaning) in &file.synonyms {
            let stems = words(meaning).map(|(_, w)| stem(&stem_of, &w)).collect();
            synonyms.insert(name.clone(), stems);
        }
        let mut index = Index::<usize>::new(2);
        let mut forms = HashSet::new();
        let mut title_stems = Vec::with_capacity(file.docs.len());
        for (key, doc) in file.docs.iter().enumerate() {
            let stemmed = Stemmed {
                title: stems_of(&stem_of, &doc.title, &mut forms),
                text: stems_of(&stem_of, &doc.text, &mut forms),
            };
            index.add_document(&[title_field, text_field], by_space, key, &stemmed);
            title_stems.push(
                by_space(&stemmed.title)
                    .into_iter()
                    .map(Cow::into_owned)
                    .collect(),
            );
        }
        forms.extend(synonyms.keys().cloned());
        let mut forms: Vec<String> = forms.into_iter().collect();
        forms.sort();
        Search {
            file,
            index,
            forms,
            stem_of,
            synonyms,
            title_stems,
        }
    }

    /// The hits for what the reader typed, grouped by chapter. The last word may be unfinished.
    pub fn query(&self, typed: &str) -> Vec<Group> {
        let typed_words: Vec<String> = words(typed).map(|(_, w)| w).collect();
        let Some(last) = typed_words.len().checked_sub(1) else {
            return Vec::new();
        };
        let per_word: Vec<Meaning> = typed_words
            .iter()
            .enumerate()
            .map(|(i, w)| self.meaning(w, i == last))
            .collect();
        let scores = self.scores(&per_word);
        let matched: HashSet<&str> = per_word
            .iter()
            .flat_map(|m| m.exact.iter().chain(&m.near))
            .map(String::as_str)
            .collect();
        self.grouped(scores, &matched)
    }

    /// The stems one typed word stands for: exactly, its own form's and a synonym's; near, the
    /// longer forms it starts (while typing, or for a word of 3 letters or more), or else the
    /// forms one or two typos away.
    fn meaning(&self, word: &str, typing: bool) -> Meaning {
        let mut exact: Vec<String> = Vec::new();
        if self
            .forms
            .binary_search_by(|f| f.as_str().cmp(word))
            .is_ok()
        {
            exact.push(stem(&self.stem_of, word));
        }
        if let Some(meaning) = self.synonyms.get(word) {
            exact.extend(meaning.iter().cloned());
        }
        let mut near: Vec<String> = Vec::new();
        if typing || word.chars().count() >= 3 {
            near.extend(self.longer_forms(word).map(|f| stem(&self.stem_of, f)));
        }
        if exact.is_empty() && near.is_empty() {
            near.extend(self.near_forms(word).map(|f| stem(&self.stem_of, f)));
        }
        for stems in [&mut exact, &mut near] {
            stems.sort();
            stems.dedup();
        }
        near.retain(|s| !exact.contains(s));
        Meaning { exact, near }
    }

    fn longer_forms<'a>(&'a self, prefix: &'a str) -> impl Iterator<Item = &'a String> + 'a {
        let start = self.forms.partition_point(|f| f.as_str() < prefix);
        self.forms[start..]
            .iter()
            .take_while(move |f| f.starts_with(prefix))
            .filter(move |f| f.len() > prefix.len())
            .take(MAX_PREFIX_FORMS)
    }

    /// Forms within the typos a word of its length may have: none under 4 letters; two
    /// neighbouring letters swapped at 4 ("jsno"; a letter changed would turn "cors" into
    /// "cons"); one typo from 5 letters, two from 8 (a letter added, missing, changed or two
    /// swapped).
    fn near_forms<'a>(&'a self, word: &'a str) -> impl Iterator<Item = &'a String> + 'a {
        let length = word.chars().count();
        let allowed = match length {
            0..=4 => 0,
            5..=7 => 1,
            _ => 2,
        };
        self.forms.iter().filter(move |f| {
            if length == 4 {
                swapped(word, f)
            } else {
                allowed > 0 && within_typos(word, f, allowed)
            }
        })
    }

    /// Each doc's score for the words: docs that match every word, or, when none does, docs
    /// that match the most. A word's near stems count [`NEAR_WEIGHT`] of its exact ones, and a
    /// doc's kind weighs its score ([`kind_weight`]).
    fn scores(&self, per_word: &[Meaning]) -> Vec<(usize, f64)> {
        let mut total: HashMap<usize, (usize, f64)> = HashMap::new();
        for meaning in per_word {
            let mut best: HashMap<usize, f64> = HashMap::new();
            for (stems, weight) in [(&meaning.exact, 1.0), (&meaning.near, NEAR_WEIGHT)] {
                for (key, score) in self.bm25(stems) {
                    let score = score * weight;
                    let entry = best.entry(key).or_default();
                    *entry = entry.max(score);
                }
            }
            for (key, score) in best {
                let about = meaning
                    .exact
                    .iter()
                    .any(|s| self.title_stems[key].contains(s));
                let entry = total.entry(key).or_default();
                entry.0 += 1;
                entry.1 += if about { score * ABOUT_BONUS } else { score };
            }
        }
        let most = total.values().map(|(n, _)| *n).max().unwrap_or(0);
        let typed: HashSet<&String> = per_word.iter().flat_map(|m| &m.exact).collect();
        let mut scores: Vec<(usize, f64)> = total
            .into_iter()
            .filter(|(_, (n, _))| *n == most)
            .map(|(key, (_, score))| {
                let named = self.title_stems[key].iter().all(|s| typed.contains(s));
                let score = if named { score * NAME_BONUS } else { score };
                (key, score * kind_weight(self.file.docs[key].kind))
            })
            .collect();
        scores.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        self.one_per_place(&mut scores);
        scores.truncate(MAX_HITS);
        scores
    }

    /// Keeps the best doc for each place a hit opens (a section and its glossary term both
    /// open the section): the reader sees each place once.
    fn one_per_place(&self, scores: &mut Vec<(usize, f64)>) {
        let mut seen = HashSet::new();
        scores.retain(|(key, _)| {
            let doc = &self.file.docs[*key];
            seen.insert((doc.chapter, doc.anchor.as_str()))
        });
    }

    /// probly-search's BM25 for any of `stems`, the title boosted.
    fn bm25(&self, stems: &[String]) -> impl Iterator<Item = (usize, f64)> {
        let hits = if stems.is_empty() {
            Vec::new()
        } else {
            self.index.query(
                &stems.join(" "),
                &mut bm25::new(),
                by_space,
                &[TITLE_BOOST, 1.0],
            )
        };
        hits.into_iter().map(|hit| (hit.key, hit.score))
    }

    fn grouped(&self, scores: Vec<(usize, f64)>, matched: &HashSet<&str>) -> Vec<Group> {
        let mut order: Vec<u16> = Vec::new();
        let mut groups: BTreeMap<u16, Vec<Hit>> = BTreeMap::new();
        for (key, _) in scores {
            let doc = &self.file.docs[key];
            if !groups.contains_key(&doc.chapter) {
                order.push(doc.chapter);
            }
            groups
                .entry(doc.chapter)
                .or_default()
                .push(self.hit(doc, matched));
        }
        order
            .into_iter()
            .filter_map(|chapter| {
                let (id, title) = self.file.chapters.get(chapter as usize)?.clone();
                Some(Group {
                    chapter_id: id,
                    chapter_title: title,
                    hits: groups.remove(&chapter).unwrap_or_default(),
                })
            })
            .collect()
    }

    fn hit(&self, doc: &Doc, matched: &HashSet<&str>) -> Hit {
        Hit {
            kind: doc.kind,
            anchor: doc.anchor.clone(),
            title: Snippet {
                text: doc.title.clone(),
                marks: self.marks(&doc.title, matched),
            },
            snippet: self.snippet(doc, matched),
        }
    }

    /// The ranges of the words of `text` whose stem matched.
    fn marks(&self, text: &str, matched: &HashSet<&str>) -> Vec<Range<usize>> {
        words(text)
            .filter(|(_, w)| matched.contains(stem(&self.stem_of, w).as_str()))
            .map(|(range, _)| range)
            .collect()
    }

    /// About [`SNIPPET_CHARS`] of `text` from a little before its first match, cut at spaces.
    /// Up to [`SNIPPET_CHARS`] around the first match; a glossary definition from its start (it
    /// answers "what is it"; a match may be among its other names, after it).
    fn snippet(&self, doc: &Doc, matched: &HashSet<&str>) -> Snippet {
        let text = doc.text.as_str();
        let first = match doc.kind {
            DocKind::Term => 0,
            _ => self.marks(text, matched).first().map_or(0, |r| r.start),
        };
        let start = cut_back(text, first, SNIPPET_CHARS / 4);
        let end = cut_forward(text, start, SNIPPET_CHARS);
        let (lead, trail) = (start > 0, end < text.len());
        let piece = &text[start..end];
        let shown = format!(
            "{}{piece}{}",
            if lead { "…" } else { "" },
            if trail { "…" } else { "" }
        );
        let offset = if lead { "…".len() } else { 0 };
        let marks = self
            .marks(piece, matched)
            .into_iter()
            .map(|r| r.start + offset..r.end + offset)
            .collect();
        Snippet { text: shown, marks }
    }
}

fn stem(stem_of: &HashMap<String, String>, form: &str) -> String {
    stem_of
        .get(form)
        .cloned()
        .unwrap_or_else(|| form.to_string())
}

/// The stems of a text's words, space-separated; its forms are added to `forms`.
fn stems_of(stem_of: &HashMap<String, String>, text: &str, forms: &mut HashSet<String>) -> String {
    let mut out = String::new();
    for (_, word) in words(text) {
        out.push_str(&stem(stem_of, &word));
        out.push(' ');
        forms.insert(word);
    }
    out
}

/// The start of the word at most `chars` characters before `at` (or the text's start).
fn cut_back(text: &str, at: usize, chars: usize) -> usize {
    let before = &text[..at];
    let Some((from, _)) = before.char_indices().rev().nth(chars) else {
        return 0;
    };
    before[from..]
        .find(' ')
        .map_or(at, |space| from + space + 1)
}

/// The end of the last whole word within `chars` characters after `from` (or the text's end).
fn cut_forward(text: &str, from: usize, chars: usize) -> usize {
    let after = &text[from..];
    let Some((limit, _)) = after.char_indices().nth(chars) else {
        return text.len();
    };
    after[..limit]
        .rfind(' ')
        .map_or(from + limit, |space| from + space)
}

/// Whether `a` becomes `b` with at most `max` single-letter edits (insert, delete, change, or
/// swap two neighbours: the optimal string alignment distance), without computing beyond `max`.
/// Whether `b` is `a` with two neighbouring letters swapped.
pub(crate) fn swapped(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let differ: Vec<usize> = (0..a.len()).filter(|&i| b.get(i) != Some(&a[i])).collect();
    a.len() == b.len()
        && differ.len() == 2
        && differ[1] == differ[0] + 1
        && a[differ[0]] == b[differ[1]]
        && a[differ[1]] == b[differ[0]]
}

pub(crate) fn within_typos(a: &str, b: &str, max: usize) -> bool {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > max {
        return false;
    }
    let mut before: Vec<usize> = Vec::new();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for i in 1..=a.len() {
        let mut row = vec![i; b.len() + 1];
        for j in 1..=b.len() {
            let change = usize::from(a[i - 1] != b[j - 1]);
            row[j] = (previous[j] + 1)
                .min(row[j - 1] + 1)
                .min(previous[j - 1] + change);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                row[j] = row[j].min(before[j - 2] + 1);
            }
        }
        if row.iter().min().is_some_and(|&m| m > max) {
            return false;
        }
        before = std::mem::replace(&mut previous, row);
    }
    previous[b.len()] <= max
}

#[cfg(test)]
mod tests;
