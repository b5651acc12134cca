use super::*;
use crate::pipeline::build_chapters;
use crate::pipeline::html::chapter_body;
use crate::pipeline::tests::chapter;

const fn term(id: &'static str, name: &'static str, section: &'static str) -> GlossaryTerm {
    GlossaryTerm {
        id,
        term: name,
        also: &[],
        forms: &[],
        definition: "A word for tests.",
        section: LinkTarget::Chapter {
            chapter: "b",
            section: Some(section),
        },
        not: &[],
        not_in: &[],
    }
}

/// A small glossary: "server" and "web server", "environment" and "environment variable"
/// (longest match), "index" with the form
/// "indices", "environment" opted out of "virtual environment", "table" opted out of chapter
/// `a`'s section `html`, "cache" explained in chapter `a`'s section `caching`.
fn glossary() -> Vec<GlossaryTerm> {
    vec![
        GlossaryTerm {
            also: &["proxy server"],
            ..term("server", "server", "second")
        },
        term("web-server", "web server", "second"),
        GlossaryTerm {
            forms: &["indices"],
            ..term("index", "index", "second")
        },
        GlossaryTerm {
            not: &["virtual environment"],
            ..term("environment", "environment", "second")
        },
        term("environment-variable", "environment variable", "second"),
        GlossaryTerm {
            not_in: &[LinkTarget::Chapter {
                chapter: "a",
                section: Some("html"),
            }],
            ..term("table", "table", "second")
        },
        GlossaryTerm {
            section: LinkTarget::Chapter {
                chapter: "a",
                section: Some("caching"),
            },
            ..term("cache", "cache", "second")
        },
    ]
}

/// Chapter `a`'s body (written as `markdown`) with the test glossary, without the ending.
fn body_of(markdown: &str) -> String {
    let chapters = build_chapters(&[
        chapter("a", 1, markdown),
        chapter("b", 2, "## Second {#second}\n\nText."),
    ])
    .expect("valid content");
    let glossary = glossary();
    let terms = Terms::new(&glossary, &chapters);
    let body = chapter_body(&chapters[0], &terms);
    let end = body
        .find(r#"<h2 id="further-reading""#)
        .expect("the ending");
    let templates = body.find("<template").unwrap_or(body.len());
    format!("{}{}", &body[..end], &body[templates..])
}

/// The inline term as the build writes it: a link to the entry (what a reader without
/// JavaScript follows) and the empty live region the app fills.
fn marked(id: &str, words: &str) -> String {
    format!(
        r#"<a class="term" href="glossary#{id}" data-term="{id}">{words}</a><span class="term-tip" role="status"></span>"#
    )
}

fn count(body: &str, id: &str) -> usize {
    body.matches(&format!(r#"data-term="{id}""#)).count()
}

#[test]
fn the_first_use_in_each_section_becomes_a_link_to_the_glossary_entry() {
    let body = body_of(
        "A server here and a server there.\n\n## One {#one}\n\nThe Server again, and a server.\n\n### Deeper {#deeper}\n\nStill one server.\n\n## Two {#two}\n\nA server once more.",
    );
    assert!(
        body.starts_with(&format!(
            "<p>A {} here and a server there.</p>",
            marked("server", "server")
        )),
        "{body}"
    );
    // Case is kept as written; a `###` section is part of its `##` section.
    assert!(body.contains(&format!(
        "<p>The {} again, and a server.</p>",
        marked("server", "Server")
    )));
    assert!(body.contains("<p>Still one server.</p>"), "{body}");
    assert!(body.contains(&format!(
        "<p>A {} once more.</p>",
        marked("server", "server")
    )));
    assert_eq!(count(&body, "server"), 3, "{body}");
}

#[test]
fn headings_code_links_and_code_notes_are_left_alone() {
    let body = body_of(
        "## The server {#the-server}\n\nSee [the server](/chapters/b#second), `server` and this:\n\n```text\nserver <1>\n```\n\n1. The server line.\n\n| server | x |\n|---|---|\n| a | b |\n",
    );
    assert_eq!(count(&body, "server"), 0, "{body}");
}

#[test]
fn a_term_is_not_marked_in_the_section_that_explains_it() {
    let body = body_of(
        "## Caching {#caching}\n\nA cache keeps copies.\n\n### Kinds {#kinds}\n\nA cache again.\n\n## Later {#later}\n\nThe cache from before.",
    );
    assert_eq!(count(&body, "cache"), 1, "{body}");
    assert!(body.contains(&format!(
        "<p>The {} from before.</p>",
        marked("cache", "cache")
    )));
}

#[test]
fn the_longest_name_wins_and_opted_out_phrases_stay_text() {
    let body = body_of(
        "A web server and a proxy server.\n\n## Venv {#venv}\n\nMake a virtual environment, set an environment variable, then an environment.\n\n## Html {#html}\n\nAn HTML table.\n\n## Data {#data}\n\nA table of rows.",
    );
    assert!(
        body.starts_with(&format!(
            "<p>A {} and a {}.</p>",
            marked("web-server", "web server"),
            marked("server", "proxy server")
        )),
        "{body}"
    );
    assert!(
        body.contains(&format!(
            "<p>Make a virtual environment, set an {}, then an {}.</p>",
            marked("environment-variable", "environment variable"),
            marked("environment", "environment")
        )),
        "{body}"
    );
    // `not_in`: the section where "table" means an HTML table.
    assert!(body.contains("<p>An HTML table.</p>"), "{body}");
    assert!(body.contains(&format!("<p>A {} of rows.</p>", marked("table", "table"))));
}

#[test]
fn plurals_forms_and_whole_words_only() {
    let body = body_of(
        "Servers and serverless.\n\n## Two {#two}\n\nThe indices.\n\n## Three {#three}\n\nIndexing, reindex, index_1, an index-based one.",
    );
    assert!(
        body.starts_with(&format!(
            "<p>{} and serverless.</p>",
            marked("server", "Servers")
        )),
        "{body}"
    );
    assert!(
        body.contains(&format!("<p>The {}.</p>", marked("index", "indices"))),
        "{body}"
    );
    // "-" ends a word; letters, digits and "_" do not.
    assert!(
        body.contains(&format!(
            "<p>Indexing, reindex, index_1, an {}-based one.</p>",
            marked("index", "index")
        )),
        "{body}"
    );
}

#[test]
fn the_definitions_used_are_written_once_at_the_end_with_their_links() {
    let body = body_of("A server.\n\n## Two {#two}\n\nA server & an index.");
    let templates: Vec<&str> = body.matches("<template").collect();
    assert_eq!(templates.len(), 2, "{body}");
    assert!(body.ends_with(concat!(
        r#"<template data-term-def="server"><span class="term-tip__text">A word for tests.</span> <a class="term-tip__more" href="chapters/b#second">Read more in “Title b: Second”</a> <a class="term-tip__entry" href="glossary#server">Glossary entry</a></template>"#,
        r#"<template data-term-def="index"><span class="term-tip__text">A word for tests.</span> <a class="term-tip__more" href="chapters/b#second">Read more in “Title b: Second”</a> <a class="term-tip__entry" href="glossary#index">Glossary entry</a></template>"#,
    )), "{body}");
    assert!(body.contains(" &amp; an "), "text stays escaped: {body}");
}

#[test]
fn the_glossary_page_lists_the_terms_by_letter_with_their_sections() {
    let chapters = build_chapters(&[
        chapter("a", 1, "Text."),
        chapter("b", 2, "## Second {#second}\n\nText."),
    ])
    .expect("valid content");
    let mut glossary = glossary();
    glossary.sort_by_key(|t| t.term.to_lowercase());
    let body = glossary_body(&glossary, &chapters);
    assert!(body.starts_with(r#"<nav class="glossary__letters" aria-label="Letters"><ul><li><a href="glossary#letter-c">C</a></li><li><a href="glossary#letter-e">E</a></li><li><a href="glossary#letter-i">I</a></li><li><a href="glossary#letter-s">S</a></li><li><a href="glossary#letter-t">T</a></li><li><a href="glossary#letter-w">W</a></li></ul></nav>"#), "{body}");
    assert!(body.contains(concat!(
        r#"<section class="glossary__group" aria-labelledby="letter-s"><h2 id="letter-s" tabindex="-1">S</h2><dl class="glossary__list">"#,
        r#"<div class="glossary__entry"><dt id="server" tabindex="-1">server</dt><dd><p>A word for tests.</p><p class="glossary__also">Also called: proxy server</p><p class="glossary__more"><a href="chapters/b#second">Explained in “Title b: Second”</a></p></dd></div>"#,
        "</dl></section>"
    )), "{body}");
}
