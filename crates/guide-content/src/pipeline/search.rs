//! The search index the app fetches when a reader first searches (`search-index.json`): every
//! section of every chapter (its heading and text, code included, up to the next heading), every
//! quiz question's explanation (pointing to the section it tests), every glossary term (its
//! names and definition, pointing to the section that explains it), the glossary's one-word
//! "also called" names as synonyms, and the Snowball English stem of every word form that has a
//! different one.

use std::collections::BTreeMap;

use rust_stemmers::{Algorithm, Stemmer};

use crate::glossary::GlossaryTerm;
use crate::quiz::Question;
use crate::search::{words, Doc, DocKind, IndexFile};
use crate::{plain_text, Block, Chapter, Inline, LinkTarget};

use super::Content;

/// Sections that only point elsewhere: their words would match every search for a topic.
const NOT_INDEXED: [&str; 1] = ["further-reading"];

/// The index of everything under `content/`.
pub fn index_file(content: &Content) -> IndexFile {
    let chapters = &content.chapters;
    let mut docs: Vec<Doc> = Vec::new();
    for (position, chapter) in chapters.iter().enumerate() {
        docs.extend(section_docs(chapter, position as u16));
    }
    docs.extend(quiz_docs(&content.questions, chapters));
    docs.extend(term_docs(&content.glossary, chapters));
    let stems = stems(&docs);
    IndexFile {
        chapters: chapters
            .iter()
            .map(|c| (c.id.to_string(), c.title.to_string()))
            .collect(),
        docs,
        stems,
        synonyms: synonyms(&content.glossary),
    }
}

/// The index as the app reads it.
pub fn to_json(file: &IndexFile) -> String {
    serde_json::to_string(file).expect("the search index serialises")
}

/// One doc per heading (and one for the text before the first), with the text up to the next
/// heading of any level.
fn section_docs(chapter: &Chapter, position: u16) -> Vec<Doc> {
    let mut docs = vec![Doc {
        kind: DocKind::Section,
        chapter: position,
        anchor: String::new(),
        title: chapter.title.to_string(),
        text: String::new(),
    }];
    for block in chapter.blocks {
        match block {
            Block::Heading { id, content, .. } => docs.push(Doc {
                kind: DocKind::Section,
                chapter: position,
                anchor: id.to_string(),
                title: plain_text(content),
                text: String::new(),
            }),
            other => {
                let doc = docs.last_mut().expect("the chapter's own doc comes first");
                push_block_text(other, &mut doc.text);
            }
        }
    }
    docs.retain(|d| !NOT_INDEXED.contains(&d.anchor.as_str()));
    for doc in &mut docs {
        doc.text = doc.text.split_whitespace().collect::<Vec<_>>().join(" ");
    }
    docs
}

fn push_block_text(block: &Block, out: &mut String) {
    let mut push = |text: &str| {
        out.push_str(text.trim());
        out.push(' ');
    };
    match block {
        Block::Paragraph(inlines) => push(&plain_text(inlines)),
        Block::Code { code, .. } => push(code),
        Block::List { items, .. } => {
            for item in *items {
                for inner in *item {
                    push_block_text(inner, out);
                }
            }
        }
        Block::Callout { label, blocks } => {
            out.push_str(label);
            out.push_str(": ");
            for inner in *blocks {
                push_block_text(inner, out);
            }
        }
        Block::Table { header, rows, .. } => {
            let cells = header.iter().chain(rows.iter().flat_map(|r| r.iter()));
            for cell in cells {
                push_cell(cell, out);
            }
        }
        Block::Heading { .. } | Block::Rule | Block::Embed(_) => {}
    }
}

fn push_cell(cell: &[Inline], out: &mut String) {
    out.push_str(plain_text(cell).trim());
    out.push_str(". ");
}

/// A question's explanation, found under its question and pointing to the section it tests.
fn quiz_docs<'a>(
    questions: &'a [Question],
    chapters: &'a [Chapter],
) -> impl Iterator<Item = Doc> + 'a {
    questions.iter().filter_map(|q| {
        let position = chapters.iter().position(|c| c.id == q.chapter)?;
        Some(Doc {
            kind: DocKind::Quiz,
            chapter: position as u16,
            anchor: q.section.to_string(),
            title: q.prompt.to_string(),
            text: q.explanation.to_string(),
        })
    })
}

/// A glossary term: the term as its title, its definition and other names as its text;
/// a hit opens the section that explains it.
fn term_docs<'a>(
    glossary: &'a [GlossaryTerm],
    chapters: &'a [Chapter],
) -> impl Iterator<Item = Doc> + 'a {
    glossary.iter().filter_map(|term| {
        let LinkTarget::Chapter { chapter, section } = term.section else {
            return None;
        };
        let position = chapters.iter().position(|c| c.id == chapter)?;
        let also = match term.also {
            [] => String::new(),
            names => format!(" Also called {}.", names.join(", ")),
        };
        Some(Doc {
            kind: DocKind::Term,
            chapter: position as u16,
            anchor: section.unwrap_or_default().to_string(),
            title: term.term.to_string(),
            text: format!("{}{also}", term.definition),
        })
    })
}

/// The glossary's one-word other names, lowercased, each standing for its term ("auth" →
/// "authentication"); a name of several words is found through the term's doc instead.
fn synonyms(glossary: &[GlossaryTerm]) -> Vec<(String, String)> {
    let mut pairs: Vec<(String, String)> = glossary
        .iter()
        .flat_map(|term| term.also.iter().map(move |name| (*name, term.term)))
        .filter(|(name, _)| words(name).count() == 1)
        .map(|(name, term)| (name.to_lowercase(), term.to_lowercase()))
        .collect();
    pairs.sort();
    pairs.dedup_by(|a, b| a.0 == b.0);
    pairs
}

/// Every form in the docs whose English stem differs from it, sorted by form.
fn stems(docs: &[Doc]) -> Vec<(String, String)> {
    let stemmer = Stemmer::create(Algorithm::English);
    let mut stems = BTreeMap::new();
    for doc in docs {
        for (_, form) in words(&doc.title).chain(words(&doc.text)) {
            let stem = stemmer.stem(&form).into_owned();
            if stem != form {
                stems.insert(form, stem);
            }
        }
    }
    stems.into_iter().collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pipeline::build_chapters;
    use crate::pipeline::SourceFile;

    fn chapter(markdown: &str) -> Chapter {
        let file = SourceFile {
            path: "content/chapters/a.md".into(),
            text: format!(
                "+++\nid = \"a\"\ntitle = \"All about caches\"\nsummary = \"S.\"\norder = 1\n+++\n{markdown}\n\n## Further reading {{#further-reading}}\n\n- [Cache](https://example.com/): a page.\n- [Keys](https://example.com/k): another.\n\n## Key points {{#key-points}}\n\n- One.\n- Two.\n- Three.\n"
            ),
        };
        build_chapters(&[file])
            .expect("the test chapter builds")
            .remove(0)
    }

    #[test]
    fn every_section_is_a_doc_with_its_own_text_and_further_reading_is_left_out() {
        let c = chapter(
            "Intro words.\n\n## Caching {#caching}\n\nA **cache** keeps copies.\n\n```http\nCache-Control: max-age=60\n```\n\n### Deeper {#deeper}\n\n| Key | Value |\n|---|---|\n| a | b |\n",
        );
        let docs = section_docs(&c, 0);
        let shown: Vec<(&str, &str, &str)> = docs
            .iter()
            .map(|d| (d.anchor.as_str(), d.title.as_str(), d.text.as_str()))
            .collect();
        assert_eq!(
            shown,
            [
                ("", "All about caches", "Intro words."),
                (
                    "caching",
                    "Caching",
                    "A cache keeps copies. Cache-Control: max-age=60"
                ),
                ("deeper", "Deeper", "Key. Value. a. b."),
                ("key-points", "Key points", "One. Two. Three.")
            ]
        );
    }

    #[test]
    fn forms_map_to_their_english_stems_and_others_are_left_out() {
        let docs = [Doc {
            kind: DocKind::Section,
            chapter: 0,
            anchor: String::new(),
            title: "Caching".into(),
            text: "caches cache api databases".into(),
        }];
        assert_eq!(
            stems(&docs),
            [
                ("caches".to_string(), "cach".to_string()),
                ("caching".to_string(), "cach".to_string()),
                ("cache".to_string(), "cach".to_string()),
                ("databases".to_string(), "databas".to_string()),
            ]
            .into_iter()
            .collect::<BTreeMap<_, _>>()
            .into_iter()
            .collect::<Vec<_>>()
        );
    }

    /// What a beginner types, against the real guide: the first hit is the section about it.
    #[cfg(feature = "search")]
    mod on_the_guide {
        use crate::search::Search;
        use std::sync::OnceLock;

        fn hits(query: &str) -> Vec<String> {
            static SEARCH: OnceLock<Search> = OnceLock::new();
            let search = SEARCH.get_or_init(|| {
                let content = crate::pipeline::load(std::path::Path::new("../../content"))
                    .expect("the guide's content loads");
                Search::new(super::index_file(&content))
            });
            search
                .query(query)
                .iter()
                .flat_map(|g| {
                    g.hits
                        .iter()
                        .map(|h| format!("{}#{}", g.chapter_id, h.anchor))
                })
                .collect()
        }

        fn first_hit(query: &str) -> String {
            let all = hits(query);
            all.first()
                .unwrap_or_else(|| panic!("nothing for {query}"))
                .clone()
        }

        #[test]
        fn a_word_finds_the_section_about_it_not_one_about_a_longer_word() {
            assert_eq!(first_hit("http"), "how-the-web-works#http-request");
            assert_eq!(first_hit("caching"), "how-the-web-works#caching");
            assert_eq!(first_hit("status codes"), "how-the-web-works#status-codes");
        }

        #[test]
        fn another_name_from_the_glossary_finds_what_it_stands_for() {
            assert_eq!(first_hit("auth"), first_hit("authentication"));
            assert_eq!(first_hit("idempotency"), "apis#idempotency");
            // "K8s" is only in the glossary: through it, sections that say "Kubernetes".
            assert_eq!(first_hit("k8s"), "shipping-and-running#kubernetes");
            assert!(hits("k8s").contains(&"shipping-and-running#what-you-need-when".to_string()));
        }

        #[test]
        fn a_typo_or_an_unfinished_word_still_finds_it() {
            assert_eq!(first_hit("idempotnet"), "apis#idempotency");
            assert_eq!(first_hit("idempo"), "apis#idempotency");
            assert!(first_hit("databse").starts_with("databases#"));
            assert!(first_hit("containr").starts_with("shipping-and-running#containers"));
        }

        #[test]
        fn a_short_name_for_a_longer_term_finds_the_section_about_it() {
            // "preflight" also stands for "preflight request": the section that explains it
            // still comes before the many that only say "request".
            assert_eq!(first_hit("preflight"), "security#cors");
            assert_eq!(first_hit("cors"), "security#cors");
            assert_eq!(first_hit("same origin"), "security#cors");
        }
    }
}
