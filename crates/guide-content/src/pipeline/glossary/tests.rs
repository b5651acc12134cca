use super::*;
use crate::pipeline::build_chapters;
use crate::pipeline::tests::chapter;

/// Fillers `filler0`, `filler1`, … are used in the test chapter; a bank of them makes a
/// glossary big enough.
const FILLERS: usize = MIN_TERMS + 5;

fn chapters() -> Vec<Chapter> {
    let fillers: Vec<String> = (0..FILLERS).map(|i| format!("filler{i}")).collect();
    let intro = chapter(
        "intro",
        1,
        &format!(
            "## Servers {{#servers}}\n\nA **server** answers. Caches keep copies, indices help, and the `hidden-word` is code.\n\n```text\ncodeword\n```\n\nFillers: {}.",
            fillers.join(", ")
        ),
    );
    let more = chapter("more", 2, "## Deeper {#deeper}\n\nAn API, and rapid work.");
    build_chapters(&[intro, more]).expect("valid chapters")
}

fn entry(id: &str, term: &str, extra: &str) -> String {
    format!(
        "\n[[term]]\nid = \"{id}\"\nterm = \"{term}\"\ndefinition = \"A word for tests.\"\nsection = \"/chapters/intro#servers\"\n{extra}"
    )
}

/// `n` valid filler entries.
fn fillers(n: usize) -> String {
    (0..n)
        .map(|i| entry(&format!("filler-{i}"), &format!("filler{i}"), ""))
        .collect()
}

/// A glossary of enough fillers plus `entries`.
fn with(entries: &str) -> String {
    format!("{}{entries}", fillers(MIN_TERMS))
}

fn build(text: &str) -> Result<Vec<GlossaryTerm>, Vec<String>> {
    let file = SourceFile {
        path: "content/glossary.toml".into(),
        text: text.into(),
    };
    build_glossary(&file, &chapters()).map_err(|e| e.iter().map(ToString::to_string).collect())
}

fn errors(text: &str) -> Vec<String> {
    build(text).expect_err("the glossary is rejected")
}

fn assert_error(errors: &[String], expected: &str) {
    assert!(
        errors.iter().any(|e| e.contains(expected)),
        "{expected}: {errors:?}"
    );
}

/// The line of the first `[[term]]` with this id in a glossary text.
fn id_line(text: &str, id: &str) -> usize {
    text.lines()
        .position(|l| l == format!("id = \"{id}\""))
        .expect("id written")
        + 1
}

#[test]
fn a_valid_glossary_is_built_sorted_and_emitted() {
    let text = with(&entry(
        "cache",
        "cache",
        "also = [\"caching\"]\nforms = [\"cached\"]\n",
    ));
    let terms = build(&text).expect("valid");
    assert_eq!(terms.len(), MIN_TERMS + 1);
    // A–Z ignoring case: "cache" before every "filler…".
    assert_eq!(terms[0].id, "cache");
    assert_eq!(terms[0].also, ["caching"]);
    assert_eq!(terms[0].forms, ["cached"]);
    assert_eq!(
        terms[0].names().collect::<Vec<_>>(),
        ["cache", "caching", "cached"]
    );
    assert_eq!(
        terms[0].section,
        LinkTarget::Chapter {
            chapter: "intro",
            section: Some("servers")
        }
    );
    let source = emit_glossary(&terms);
    assert!(source.contains("pub static GLOSSARY"), "{source}");
    assert!(
        source.contains("id: \"cache\", term: \"cache\", also: &[\"caching\"], forms: &[\"cached\"], definition: \"A word for tests.\", section: ::guide_content::LinkTarget::Chapter { chapter: \"intro\", section: Some(\"servers\") }"),
        "{source}"
    );
}

#[test]
fn ids_must_be_kebab_case_and_unique_with_file_and_line() {
    let text = with(&format!(
        "{}{}",
        entry("Server_Word", "server", ""),
        entry("filler-3", "cache", "")
    ));
    let e = errors(&text);
    let bad = id_line(&text, "Server_Word");
    assert_error(
        &e,
        &format!("content/glossary.toml:{bad}: term `Server_Word`: the id must be lowercase-kebab"),
    );
    let first = id_line(&text, "filler-3");
    let second = text
        .lines()
        .enumerate()
        .filter(|(_, l)| *l == "id = \"filler-3\"")
        .nth(1)
        .map(|(i, _)| i + 1)
        .expect("second filler-3");
    assert_error(
        &e,
        &format!("content/glossary.toml:{second}: term `filler-3`: duplicate id (first used on line {first})"),
    );
}

#[test]
fn no_name_is_listed_twice_ignoring_case() {
    // A term repeated as another entry's term, also-name or form, in any case.
    for extra in [
        entry("server-again", "Server", ""),
        entry("host", "host", "also = [\"SERVER\"]\n"),
        entry("host", "host", "forms = [\"server\"]\n"),
        entry("host", "host", "also = [\"Filler7\"]\n"),
    ] {
        let e = errors(&with(&format!("{}{extra}", entry("server", "server", ""))));
        assert_error(&e, "is already listed by term `");
    }
    let e = errors(&with(&entry("server", "server", "also = [\"Server\"]\n")));
    assert_error(&e, "term `server`: `Server` is listed twice in this entry");
    let e = errors(&with(&entry("server", "server", "also = [\" \"]\n")));
    assert_error(&e, "an empty term, also-name or form");
}

#[test]
fn sections_must_be_existing_chapter_headings_that_explain() {
    for (section, expected) in [
        ("/chapters/intro", "must look like /chapters/<id>#<anchor>"),
        ("/chapters/intro#", "must look like /chapters/<id>#<anchor>"),
        (
            "https://example.org/#x",
            "must look like /chapters/<id>#<anchor>",
        ),
        (
            "/chapters/missing#servers",
            "link to unknown chapter `missing`",
        ),
        (
            "/chapters/more#servers",
            "link to unknown section `#servers` of chapter `more`",
        ),
        ("/chapters/intro#key-points", "sums up or points elsewhere"),
        (
            "/chapters/intro#further-reading",
            "sums up or points elsewhere",
        ),
    ] {
        let text = replace_last(
            &with(&entry("server", "server", "")),
            "/chapters/intro#servers",
            section,
        );
        let e = errors(&text);
        assert_error(&e, "term `server`: section");
        assert_error(&e, expected);
    }
    // Another chapter's real heading is fine.
    let text = replace_last(
        &with(&entry("api", "API", "")),
        "/chapters/intro#servers",
        "/chapters/more#deeper",
    );
    let terms = build(&text).expect("valid");
    assert!(terms.iter().any(|t| t.section
        == LinkTarget::Chapter {
            chapter: "more",
            section: Some("deeper")
        }));
}

fn replace_last(text: &str, from: &str, to: &str) -> String {
    let at = text.rfind(from).expect("present");
    format!("{}{to}{}", &text[..at], &text[at + from.len()..])
}

fn with_definition(definition: &str) -> String {
    with(&entry("server", "server", "")).replace(
        "term = \"server\"\ndefinition = \"A word for tests.\"",
        &format!("term = \"server\"\ndefinition = \"{definition}\""),
    )
}

#[test]
fn definitions_are_one_or_two_sentences_of_at_most_300_characters() {
    for fine in [
        "A program that answers requests.",
        "A program that answers requests. It runs on a computer in a data centre.",
        "Runs e.g. on Node.js 20 or TLS 1.3, with \\\"quotes.\\\" Really!",
    ] {
        build(&with_definition(fine)).unwrap_or_else(|e| panic!("{fine}: {e:?}"));
    }
    for (bad, expected) in [
        ("", "(found 0)"),
        ("A program that answers requests", "(found 0)"),
        ("One. Two. Three.", "(found 3)"),
        ("Is it? Yes! It is.", "(found 3)"),
        // The last sentence must end too.
        ("A program. It answers requests", "(found 1)"),
    ] {
        let e = errors(&with_definition(bad));
        assert_error(
            &e,
            "term `server`: the definition must be one or two sentences",
        );
        assert_error(&e, expected);
    }
    let longest = format!("{}.", "a".repeat(MAX_DEFINITION_CHARS - 1));
    build(&with_definition(&longest)).expect("300 characters are fine");
    let e = errors(&with_definition(&format!("a{longest}")));
    assert_error(&e, "the definition has 301 characters; at most 300");
    // Characters, not bytes: 300 "é" are fine.
    build(&with_definition(&format!(
        "{}.",
        "é".repeat(MAX_DEFINITION_CHARS - 1)
    )))
    .expect("300 characters of two bytes each are fine");
}

#[test]
fn every_term_is_used_in_some_chapter_text() {
    // Used as written, as a "+s" plural, through a form, through an also-name, in another
    // chapter: all fine.
    for used in [
        entry("server", "Server", ""),
        entry("cache", "cache", ""),
        entry("index", "index", "forms = [\"indices\"]\n"),
        entry(
            "app-interface",
            "application interface",
            "also = [\"API\"]\n",
        ),
    ] {
        build(&with(&used)).unwrap_or_else(|e| panic!("{used}: {e:?}"));
    }
    for unused in [
        // Not in any chapter at all.
        entry("queue", "queue", ""),
        // Only in inline code and in a code block.
        entry("hidden-word", "hidden-word", ""),
        entry("codeword", "codeword", ""),
        // Only inside another word ("rapid"), or with more than an "s" after it.
        entry("api-fragment", "pi", ""),
        entry("serve", "serve", ""),
        entry("index", "index", ""),
    ] {
        let e = errors(&with(&unused));
        assert_error(&e, "no chapter uses `");
    }
}

#[test]
fn whole_words_ignoring_case_and_white_space() {
    assert!(mentions("Keep a Session  Cookie.", "session cookie"));
    assert!(mentions("session\ncookies", "Session cookie"));
    assert!(mentions("the API's docs", "API"));
    assert!(mentions("CI/CD pipelines", "CI"));
    assert!(mentions("cross-site scripting", "scripting"));
    assert!(!mentions("rapid", "API"));
    assert!(!mentions("APIsx", "API"));
    assert!(!mentions("sessions_cookie", "session"));
    assert!(!mentions("anything", ""));
}

#[test]
fn the_glossary_needs_enough_terms() {
    build(&fillers(MIN_TERMS)).expect("exactly enough");
    let e = errors(&fillers(MIN_TERMS - 1));
    assert!(
        e.contains(&format!(
            "content/glossary.toml: the glossary has {} terms; it needs at least {MIN_TERMS}",
            MIN_TERMS - 1
        )),
        "{e:?}"
    );
}

#[test]
fn a_toml_error_or_unknown_field_names_the_file_and_line() {
    let text = with(&entry("server", "server", "defintion = \"typo\"\n"));
    let e = errors(&text);
    let line = text
        .lines()
        .position(|l| l.starts_with("defintion"))
        .unwrap()
        + 1;
    assert!(
        e.iter().any(
            |m| m.starts_with(&format!("content/glossary.toml:{line}: invalid glossary"))
                && m.contains("defintion")
        ),
        "{e:?}"
    );
}

#[test]
fn chapter_text_leaves_out_code() {
    let text = chapter_text(&chapters()[0]);
    assert!(text.contains("A server answers."), "{text}");
    assert!(!text.contains("hidden-word"), "{text}");
    assert!(!text.contains("codeword"), "{text}");
}

#[test]
fn opt_outs_name_a_longer_phrase_and_places_that_exist() {
    let errs = errors(&with(&entry(
        "server",
        "server",
        "not = [\"Server\", \"a client\"]\nnot_in = [\"/chapters/nowhere\", \"/chapters/intro#nothing\", \"apis\"]\n",
    )));
    assert_error(
        &errs,
        "`not` phrase `Server` must contain one of the term's names and be more than it",
    );
    assert_error(&errs, "`not` phrase `a client` must contain");
    assert_error(&errs, "`not_in`: link to unknown chapter `nowhere`");
    assert_error(&errs, "`not_in`: link to unknown section `#nothing`");
    assert_error(
        &errs,
        "`not_in` place `apis` must look like /chapters/<id>[#<anchor>]",
    );
    let terms = build(&with(&entry(
        "server",
        "server",
        "not = [\"server side\"]\nnot_in = [\"/chapters/more\", \"/chapters/intro#servers\"]\n",
    )))
    .expect("valid opt-outs");
    assert!(emit_glossary(&terms).contains(
        "not: &[\"server side\"], not_in: &[::guide_content::LinkTarget::Chapter { chapter: \"more\", section: None }, ::guide_content::LinkTarget::Chapter { chapter: \"intro\", section: Some(\"servers\") }, ] }"
    ));
    let server = terms.iter().find(|t| t.id == "server").expect("the entry");
    assert_eq!(server.not, ["server side"]);
    assert_eq!(
        server.not_in,
        [
            LinkTarget::Chapter {
                chapter: "more",
                section: None
            },
            LinkTarget::Chapter {
                chapter: "intro",
                section: Some("servers")
            }
        ]
    );
}
