use super::*;

fn section(chapter: u16, anchor: &str, title: &str, text: &str) -> Doc {
    Doc {
        kind: DocKind::Section,
        chapter,
        anchor: anchor.into(),
        title: title.into(),
        text: text.into(),
    }
}

/// A small guide: stems as the build writes them for these words.
fn search() -> Search {
    let pairs = |list: &[(&str, &str)]| -> Vec<(String, String)> {
        list.iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    };
    Search::new(IndexFile {
        chapters: pairs(&[("web", "How the web works"), ("data", "Databases")]),
        docs: vec![
            section(0, "caching", "Caching", "A cache keeps a copy of a response for a while, so the server is not asked again."),
            section(0, "cookies", "Cookies and sessions", "The server remembers you with a session cookie. Responses may be cached by the browser."),
            section(1, "relational", "Relational databases", "A database keeps tables of rows. Authentication data lives in a users table."),
            section(1, "keys", "Keys", "Every row has a primary key."),
        ],
        stems: pairs(&[
            ("cache", "cach"),
            ("cached", "cach"),
            ("caching", "cach"),
            ("cookies", "cooki"),
            ("cookie", "cooki"),
            ("database", "databas"),
            ("databases", "databas"),
            ("authentication", "authent"),
            ("responses", "respons"),
            ("response", "respons"),
            ("sessions", "session"),
            ("keys", "key"),
            ("rows", "row"),
            ("tables", "tabl"),
            ("table", "tabl"),
            ("relational", "relat"),
        ]),
        synonyms: pairs(&[("auth", "authentication")]),
    })
}

fn anchors(groups: &[Group]) -> Vec<String> {
    groups
        .iter()
        .flat_map(|g| {
            g.hits
                .iter()
                .map(move |h| format!("{}#{}", g.chapter_id, h.anchor))
        })
        .collect()
}

#[test]
fn another_form_of_a_word_finds_its_stem() {
    assert_eq!(
        anchors(&search().query("caching")),
        ["web#caching", "web#cookies"]
    );
}

#[test]
fn a_section_about_the_word_ranks_above_one_that_mentions_it() {
    let groups = search().query("cookies");
    assert_eq!(anchors(&groups)[0], "web#cookies");
    let groups = search().query("cache");
    assert_eq!(anchors(&groups), ["web#caching", "web#cookies"]);
}

#[test]
fn a_title_with_the_word_itself_ranks_above_one_with_a_longer_word() {
    let s = Search::new(IndexFile {
        chapters: vec![("web".into(), "Web".into())],
        docs: vec![
            section(0, "https", "HTTPS everywhere", "Use HTTPS for every page, HTTPS only, never plain HTTP."),
            section(0, "request", "The HTTP request", "A request has a method, a path and headers, and maybe a body with data in it for the server to read."),
        ],
        stems: vec![],
        synonyms: vec![],
    });
    assert_eq!(anchors(&s.query("http")), ["web#request", "web#https"]);
}

#[test]
fn a_typo_finds_the_word() {
    assert_eq!(anchors(&search().query("databse")), ["data#relational"]);
    assert_eq!(anchors(&search().query("cokies")), ["web#cookies"]);
}

#[test]
fn short_words_are_not_guessed_at() {
    assert!(
        search().query("kes").is_empty(),
        "3 letters: no typo allowed"
    );
}

#[test]
fn a_four_letter_word_may_have_two_letters_swapped_but_not_one_changed() {
    assert!(swapped("jsno", "json"));
    assert!(!swapped("cors", "cons"));
    assert!(!swapped("json", "json"));
    let s = Search::new(IndexFile {
        chapters: vec![("apis".into(), "APIs".into())],
        docs: vec![
            section(0, "json", "JSON", "Data as text."),
            section(0, "cons", "Pros and cons", "Each side."),
        ],
        stems: vec![],
        synonyms: vec![],
    });
    assert_eq!(anchors(&s.query("jsno")), ["apis#json"]);
    assert!(s.query("cors").is_empty(), "cors is not cons");
}

#[test]
fn an_unfinished_last_word_is_the_start_of_longer_ones() {
    assert_eq!(anchors(&search().query("datab")), ["data#relational"]);
    assert_eq!(anchors(&search().query("session coo")), ["web#cookies"]);
}

#[test]
fn a_synonym_finds_what_it_stands_for() {
    assert_eq!(anchors(&search().query("auth")), ["data#relational"]);
}

#[test]
fn every_word_must_match_when_some_doc_has_them_all() {
    assert_eq!(anchors(&search().query("server session")), ["web#cookies"]);
}

#[test]
fn hits_are_grouped_by_chapter_best_chapter_first() {
    let groups = search().query("keeps");
    let titles: Vec<&str> = groups.iter().map(|g| g.chapter_title.as_str()).collect();
    assert_eq!(titles.len(), 2);
    assert!(groups.iter().all(|g| !g.hits.is_empty()));
}

#[test]
fn the_snippet_marks_each_matching_word() {
    let groups = search().query("cached");
    let hit = &groups[0].hits[0];
    let marked: Vec<&str> = hit
        .snippet
        .marks
        .iter()
        .map(|r| &hit.snippet.text[r.clone()])
        .collect();
    assert_eq!(marked, ["cache"]);
    let title: Vec<&str> = hit
        .title
        .marks
        .iter()
        .map(|r| &hit.title.text[r.clone()])
        .collect();
    assert_eq!(title, ["Caching"]);
}

#[test]
fn a_long_text_is_cut_around_its_first_match_at_word_boundaries() {
    let long = format!(
        "{} the cache is here {}",
        "word ".repeat(60),
        "more ".repeat(60)
    );
    let s = Search::new(IndexFile {
        chapters: vec![("a".into(), "A".into())],
        docs: vec![section(0, "x", "X", &long)],
        stems: vec![("cache".into(), "cach".into())],
        synonyms: vec![],
    });
    let snippet = &s.query("cache")[0].hits[0].snippet;
    assert!(snippet.text.starts_with("…word "), "{}", snippet.text);
    assert!(
        snippet.text.ends_with(" more…") || snippet.text.ends_with("more…"),
        "{}",
        snippet.text
    );
    assert!(snippet.text.chars().count() <= SNIPPET_CHARS + 2);
    assert_eq!(&snippet.text[snippet.marks[0].clone()], "cache");
}

#[test]
fn typos_are_letters_added_missing_changed_or_swapped() {
    assert!(within_typos("databse", "database", 1));
    assert!(within_typos("dtaabase", "database", 1));
    assert!(within_typos("databasee", "database", 1));
    assert!(within_typos("dutabase", "database", 1));
    assert!(!within_typos("dtabse", "database", 1));
    assert!(within_typos("dtabse", "database", 2));
}

#[test]
fn nothing_typed_finds_nothing() {
    assert!(search().query("  ").is_empty());
}

#[test]
fn a_section_ranks_above_a_question_that_explains_the_same() {
    let text = "An index is a sorted list that finds rows fast.";
    let mut quiz = section(0, "indexes", "What does an index do?", text);
    quiz.kind = DocKind::Quiz;
    let s = Search::new(IndexFile {
        chapters: vec![("data".into(), "Databases".into())],
        docs: vec![quiz, section(0, "lists", "What does an index do?", text)],
        stems: vec![],
        synonyms: vec![],
    });
    let kinds: Vec<DocKind> = s.query("index")[0].hits.iter().map(|h| h.kind).collect();
    assert_eq!(kinds, [DocKind::Section, DocKind::Quiz]);
}

#[test]
fn each_place_is_shown_once_as_its_best_doc() {
    let mut term = section(0, "indexes", "index", "A sorted list that finds rows fast.");
    term.kind = DocKind::Term;
    let s = Search::new(IndexFile {
        chapters: vec![("data".into(), "Databases".into())],
        docs: vec![
            section(
                0,
                "indexes",
                "Indexes and speed",
                "An index finds rows fast.",
            ),
            term,
            section(0, "other", "Other", "An index again."),
        ],
        stems: vec![],
        synonyms: vec![],
    });
    let hits: Vec<(DocKind, String)> = s.query("index")[0]
        .hits
        .iter()
        .map(|h| (h.kind, h.anchor.clone()))
        .collect();
    assert_eq!(
        hits,
        [
            (DocKind::Term, "indexes".to_string()),
            (DocKind::Section, "other".to_string())
        ]
    );
}

#[test]
fn a_glossary_definition_is_shown_from_its_start() {
    let mut term = section(0, "authn", "authentication", "Checking who someone is, usually with a password and perhaps a second factor, before anything else happens on the server side of things. Also called auth.");
    term.kind = DocKind::Term;
    let s = Search::new(IndexFile {
        chapters: vec![("sec".into(), "Security".into())],
        docs: vec![term],
        stems: vec![],
        synonyms: vec![],
    });
    let hit = &s.query("auth")[0].hits[0];
    assert!(
        hit.snippet.text.starts_with("Checking who"),
        "{}",
        hit.snippet.text
    );
}
