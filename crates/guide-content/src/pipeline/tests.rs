use super::*;
use crate::pipeline::quiz::{build_quiz, emit_quiz, MIN_PER_CHAPTER, MIN_QUESTIONS};
use crate::{Block, Inline, LinkTarget};

fn file(name: &str, text: &str) -> SourceFile {
    SourceFile {
        path: format!("content/chapters/{name}.md"),
        text: text.to_string(),
    }
}

const ENDING: &str = "\n## Further reading {#further-reading}\n\n- [One](https://one.example/): a site.\n- [Two](https://two.example/a): another.\n\n## Key points {#key-points}\n\n- one\n- two\n- three\n";

/// A valid chapter file around `body` (with the required ending); also used by other modules' tests.
pub(super) fn chapter(id: &str, order: u32, body: &str) -> SourceFile {
    file(
        id,
        &format!(
            "+++\nid = \"{id}\"\ntitle = \"Title {id}\"\nsummary = \"About {id}.\"\norder = {order}\n+++\n\n{body}\n{ENDING}"
        ),
    )
}

fn errors_of(files: &[SourceFile]) -> Vec<String> {
    build_chapters(files)
        .expect_err("content should be rejected")
        .iter()
        .map(ToString::to_string)
        .collect()
}

#[test]
fn a_valid_chapter_becomes_blocks_sections_and_a_reading_time() {
    let body = "Intro with *emphasis* and `code`.\n\n## First part {#first-part}\n\nSee [the second](/chapters/b#second) and [here](#first-part).\n\n> **Common myth:** Node.js is a framework.\n\n```sql\nSELECT 1;\n```\n\n| a | b |\n|---|--:|\n| 1 | 2 |\n";
    let chapters = build_chapters(&[
        chapter("a", 1, body),
        chapter("b", 2, "## Second {#second}\n\nText."),
    ])
    .expect("valid content");
    let a = &chapters[0];
    assert_eq!(a.id, "a");
    assert_eq!(a.title, "Title a");
    assert_eq!(
        a.sections.iter().map(|s| s.id).collect::<Vec<_>>(),
        ["first-part", "further-reading", "key-points"]
    );
    assert_eq!(a.sections[0].title, "First part");
    assert!(a.words > 10, "words counted: {}", a.words);
    assert_eq!(a.reading_minutes, 1);
    assert!(matches!(
        a.blocks[0],
        Block::Paragraph([
            Inline::Text("Intro with "),
            Inline::Emphasis([Inline::Text("emphasis")]),
            Inline::Text(" and "),
            Inline::Code("code"),
            Inline::Text(".")
        ])
    ));
    let callout = a
        .blocks
        .iter()
        .find_map(|b| match b {
            Block::Callout { label, blocks } => Some((*label, *blocks)),
            _ => None,
        })
        .expect("callout parsed");
    assert_eq!(callout.0, "Common myth");
    assert!(matches!(
        callout.1,
        [Block::Paragraph([Inline::Text("Node.js is a framework.")])]
    ));
    let link_targets: Vec<LinkTarget> = match a.blocks[2] {
        Block::Paragraph(inlines) => inlines
            .iter()
            .filter_map(|i| match i {
                Inline::Link { target, .. } => Some(*target),
                _ => None,
            })
            .collect(),
        _ => panic!("expected a paragraph of links"),
    };
    assert_eq!(
        link_targets,
        [
            LinkTarget::Chapter {
                chapter: "b",
                section: Some("second")
            },
            LinkTarget::Chapter {
                chapter: "a",
                section: Some("first-part")
            }
        ]
    );
    assert!(a.blocks.iter().any(|b| matches!(
        b,
        Block::Code {
            language: "sql",
            code: "SELECT 1;\n",
            notes: []
        }
    )));
    assert!(a
        .blocks
        .iter()
        .any(|b| matches!(b, Block::Table { rows: [_], .. })));
}

#[test]
fn chapters_are_sorted_by_order() {
    let chapters = build_chapters(&[chapter("late", 9, "Text."), chapter("early", 1, "Text.")])
        .expect("valid content");
    assert_eq!(
        chapters.iter().map(|c| c.id).collect::<Vec<_>>(),
        ["early", "late"]
    );
}

#[test]
fn duplicate_ids_name_both_files() {
    let mut copy = chapter("same", 2, "Text.");
    copy.path = "content/chapters/other/same.md".into();
    let errors = errors_of(&[chapter("same", 1, "Text."), copy]);
    assert!(
        errors
            .iter()
            .any(|e| e.starts_with("content/chapters/other/same.md:2:")
                && e.contains("duplicate chapter id `same`")
                && e.contains("content/chapters/same.md")),
        "{errors:?}"
    );
}

#[test]
fn a_missing_front_matter_field_is_named() {
    let errors = errors_of(&[file(
        "x",
        "+++\nid = \"x\"\ntitle = \"X\"\norder = 1\n+++\n\nText.\n",
    )]);
    assert!(
        errors
            .iter()
            .any(|e| e.starts_with("content/chapters/x.md:")
                && e.contains("missing field `summary`")),
        "{errors:?}"
    );
}

#[test]
fn broken_links_are_rejected_with_file_and_line() {
    let body = "Fine.\n\nGo [nowhere](/chapters/missing).\n\nAnd [to a lost anchor](/chapters/b#lost).\n\nOr [here](#nope).";
    let errors = errors_of(&[
        chapter("a", 1, body),
        chapter("b", 2, "## Real {#real}\n\nText."),
    ]);
    assert!(
        errors
            .iter()
            .any(|e| e == "content/chapters/a.md:10: link to unknown chapter `missing`"),
        "{errors:?}"
    );
    assert!(
        errors
            .iter()
            .any(|e| e.contains("unknown section `#lost` of chapter `b`")),
        "{errors:?}"
    );
    assert!(
        errors
            .iter()
            .any(|e| e.contains("unknown section `#nope` of chapter `a`")),
        "{errors:?}"
    );
}

#[test]
fn headings_need_stable_unique_anchors_and_allowed_levels() {
    let body = "# Big\n\n## No anchor\n\n## Twice {#twice}\n\n## Twice again {#twice}\n\n#### Deep {#deep}\n\n## Bad {#Bad_Id}";
    let errors = errors_of(&[chapter("a", 1, body)]);
    for expected in [
        "`#` headings are not allowed",
        "heading needs a stable anchor",
        "duplicate anchor `twice`",
        "only `##` and `###` headings are allowed",
        "anchor `Bad_Id` must be lowercase-kebab",
    ] {
        assert!(
            errors.iter().any(|e| e.contains(expected)),
            "{expected}: {errors:?}"
        );
    }
}

#[test]
fn key_points_must_close_the_chapter_with_three_to_five_bullets() {
    let no_key_points = file(
        "a",
        "+++\nid = \"a\"\ntitle = \"A\"\nsummary = \"S.\"\norder = 1\n+++\n\n## Only {#only}\n\nText.\n",
    );
    assert!(errors_of(&[no_key_points])
        .iter()
        .any(|e| e.contains("must end with a `## Key points {#key-points}` section")));

    let two_bullets = file(
        "b",
        "+++\nid = \"b\"\ntitle = \"B\"\nsummary = \"S.\"\norder = 1\n+++\n\n## Key points {#key-points}\n\n- one\n- two\n",
    );
    assert!(errors_of(&[two_bullets])
        .iter()
        .any(|e| e.contains("has 2 bullets; it needs 3 to 5")));
}

fn front(id: &str) -> String {
    format!("+++\nid = \"{id}\"\ntitle = \"T\"\nsummary = \"S.\"\norder = 1\n+++\n\n")
}

#[test]
fn further_reading_must_come_right_before_the_key_points_with_https_links() {
    let key_points = "## Key points {#key-points}\n\n- one\n- two\n- three\n";
    let missing = file(
        "a",
        &format!("{}## Part {{#part}}\n\nText.\n\n{key_points}", front("a")),
    );
    assert!(errors_of(&[missing]).iter().any(|e| e.contains(
        "`## Further reading {#further-reading}` must come right before the key points"
    )));

    let cases = [
        (
            "- [One](https://one.example/): a site.\n",
            "\"Further reading\" has 1 bullets; it needs 2 to 5",
        ),
        (
            "Some text.\n",
            "\"Further reading\" must hold exactly one bulleted list",
        ),
        (
            "- [One](https://one.example/): a site.\n- Read [two](https://two.example/) too.\n",
            "further-reading item 2 must open with an https:// link",
        ),
        (
            "- [One](https://one.example/): a site.\n- [Two](/chapters/a): here.\n",
            "further-reading item 2 must open with an https:// link",
        ),
    ];
    for (i, (list, expected)) in cases.into_iter().enumerate() {
        let id = format!("c{i}");
        let text = format!(
            "{}## Further reading {{#further-reading}}\n\n{list}\n{key_points}",
            front(&id)
        );
        let errors = errors_of(&[file(&id, &text)]);
        assert!(
            errors.iter().any(|e| e.contains(expected)),
            "{expected}: {errors:?}"
        );
    }
}

#[test]
fn plain_http_links_and_the_source_article_are_rejected() {
    let body = "See [this](http://insecure.example/).\n\nAs the Source Article says, and\nthe article this guide grew from.";
    let errors = errors_of(&[chapter("a", 1, body)]);
    for expected in [
        "content/chapters/a.md:8: link `http://insecure.example/` must use https://",
        "content/chapters/a.md:10: \"source article\" is not allowed",
        "content/chapters/a.md:11: \"article this guide grew from\" is not allowed",
    ] {
        assert!(
            errors.iter().any(|e| e.starts_with(expected)),
            "{expected}: {errors:?}"
        );
    }
}

#[test]
fn raw_html_images_plain_quotes_and_odd_links_are_rejected() {
    let body =
        "<div>hi</div>\n\n![a picture](pic.png)\n\n> Just a quote.\n\nA [relative](other.md) link.";
    let errors = errors_of(&[chapter("a", 1, body)]);
    for expected in [
        "raw HTML is not allowed",
        "images are not supported",
        "a block quote must be a callout",
        "unsupported link `other.md`",
    ] {
        assert!(
            errors.iter().any(|e| e.contains(expected)),
            "{expected}: {errors:?}"
        );
    }
}

#[test]
fn id_must_match_file_name_and_front_matter_must_be_closed() {
    let mut renamed = chapter("a", 1, "Text.");
    renamed.path = "content/chapters/b.md".into();
    assert!(errors_of(&[renamed])
        .iter()
        .any(|e| e.contains("id `a` must match the file name `b.md`")));
    assert!(errors_of(&[file("c", "+++\nid = \"c\"\n")])
        .iter()
        .any(|e| e == "content/chapters/c.md:1: front matter is not closed by a `+++` line"));
}

#[test]
fn tight_list_items_become_paragraphs_and_nesting_is_kept() {
    let chapters =
        build_chapters(&[chapter("a", 1, "1. first\n2. second\n   - inner\n")]).expect("valid");
    match chapters[0].blocks[0] {
        Block::List {
            start: Some(1),
            items: [first, second],
        } => {
            assert!(matches!(first, [Block::Paragraph([Inline::Text("first")])]));
            assert!(matches!(
                second,
                [
                    Block::Paragraph([Inline::Text("second")]),
                    Block::List { start: None, .. }
                ]
            ));
        }
        ref other => panic!("unexpected {other:?}"),
    }
}

#[test]
fn emitted_source_holds_the_metadata_escaped_but_not_the_body() {
    let mut file = chapter("a", 1, "## Part {#part}\n\nThe body text stays out.");
    file.text = file
        .text
        .replace("About a.", "Quote \\\"this\\\" and a \\\\ backslash.");
    let chapters = build_chapters(&[file]).expect("valid");
    let source = emit_rust(&chapters);
    assert!(source.starts_with("// Generated by build.rs"));
    assert!(source.contains("id: \"a\""));
    assert!(source.contains("id: \"part\", title: \"Part\", level: 2"));
    // The backslash and the quotes are escaped for Rust.
    assert!(
        source.contains(r#"summary: "Quote \"this\" and a \\ backslash.""#),
        "{source}"
    );
    assert!(!source.contains("The body text"), "{source}");
    assert!(source.contains("blocks: &[]"));
}

#[test]
fn kebab_ids() {
    assert!(is_kebab_id("how-a-request-travels"));
    assert!(is_kebab_id("http2"));
    assert!(!is_kebab_id(""));
    assert!(!is_kebab_id("-x"));
    assert!(!is_kebab_id("a--b"));
    assert!(!is_kebab_id("A"));
}

// --- Quiz ---------------------------------------------------------------------------------

fn quiz_chapters() -> Vec<crate::Chapter> {
    build_chapters(&[
        chapter("a", 1, "## First part {#first-part}\n\nText."),
        chapter("b", 2, "## Second {#second}\n\nText."),
    ])
    .expect("valid chapters")
}

fn quiz_file(chapter: &str, questions: &str) -> SourceFile {
    SourceFile {
        path: format!("content/quiz/{chapter}.toml"),
        text: questions.to_string(),
    }
}

fn single(id: &str, section: &str) -> String {
    single_with(id, section, "Right", "Wrong")
}

fn single_with(id: &str, section: &str, right: &str, wrong: &str) -> String {
    format!(
        r#"
[[questions]]
id = "{id}"
section = "{section}"
difficulty = "easy"
kind = "single"
prompt = "Which?"
explanation = "Because."
options = [
  {{ text = "{right}", correct = true, feedback = "Yes." }},
  {{ text = "{wrong}", correct = false, feedback = "No." }},
]
"#
    )
}

/// Questions per chapter for a bank of the two test chapters that is big enough.
const ENOUGH: usize = MIN_QUESTIONS.div_ceil(2);

/// `n` valid single-choice questions for chapter `a` (section `first-part`) and `b`.
fn valid_bank(n: usize) -> Vec<SourceFile> {
    let a: String = (0..n)
        .map(|i| single(&format!("a-{i}"), "first-part"))
        .collect();
    let b: String = (0..n)
        .map(|i| single(&format!("b-{i}"), "second"))
        .collect();
    vec![quiz_file("a", &a), quiz_file("b", &b)]
}

fn quiz_errors(files: &[SourceFile]) -> Vec<String> {
    build_quiz(files, &quiz_chapters())
        .expect_err("quiz should be rejected")
        .iter()
        .map(ToString::to_string)
        .collect()
}

#[test]
fn a_valid_bank_becomes_questions_in_chapter_order() {
    let mut files = valid_bank(ENOUGH);
    files.reverse();
    let tf = r#"
[[questions]]
id = "tf"
section = "second"
difficulty = "hard"
kind = "true-false"
prompt = "Servers run code."
explanation = "They do."
answer = false
if_true = "Not here."
if_false = "Right."

[[questions]]
id = "tf-true"
section = "second"
difficulty = "easy"
kind = "true-false"
prompt = "Servers answer requests."
explanation = "They do."
answer = true
if_true = "Right."
if_false = "They do."
"#;
    files[0].text.push_str(tf);
    let questions = build_quiz(&files, &quiz_chapters()).expect("valid bank");
    assert_eq!(questions.len(), 2 * ENOUGH + 2);
    assert_eq!(questions[0].chapter, "a", "chapter order, not file order");
    let tf = questions.iter().find(|q| q.id == "tf").unwrap();
    assert_eq!(tf.kind, crate::quiz::Kind::TrueFalse);
    assert_eq!(tf.options[0].text, "True");
    assert!(!tf.options[0].correct && tf.options[1].correct);
    assert_eq!(tf.options[1].feedback, "Right.");
    let source = emit_quiz(&questions);
    assert!(source.contains("\"tf\"") && source.contains("Kind::TrueFalse"));
}

#[test]
fn every_chapter_and_the_bank_need_enough_questions() {
    let files = valid_bank(MIN_PER_CHAPTER - 1);
    let errors = quiz_errors(&files);
    let short = format!(
        "chapter `a` has {} questions; every chapter needs at least {MIN_PER_CHAPTER}",
        MIN_PER_CHAPTER - 1
    );
    assert!(errors.iter().any(|e| e.contains(&short)), "{errors:?}");
    assert!(
        errors
            .iter()
            .any(|e| e.contains(&format!("needs at least {MIN_QUESTIONS}"))),
        "{errors:?}"
    );
    let only_a = vec![quiz_file(
        "a",
        &(0..MIN_QUESTIONS)
            .map(|i| single(&format!("a-{i}"), "first-part"))
            .collect::<String>(),
    )];
    let errors = quiz_errors(&only_a);
    assert!(
        errors
            .iter()
            .any(|e| e.contains("content/quiz/b.toml") && e.contains("chapter `b` has 0")),
        "{errors:?}"
    );
}

#[test]
fn duplicate_ids_unknown_sections_and_files_are_rejected() {
    let mut files = valid_bank(ENOUGH);
    files[0].text.push_str(&single("b-1", "first-part"));
    files[1]
        .text
        .push_str(&single("b-extra", "no-such-section"));
    files[1].text.push_str(&single("b-kp", "key-points"));
    files.push(quiz_file("not-a-chapter", &single("x", "first-part")));
    let errors = quiz_errors(&files);
    assert!(
        errors
            .iter()
            .any(|e| e.contains("question `b-1`: duplicate question id")),
        "{errors:?}"
    );
    assert!(
        errors
            .iter()
            .any(|e| e.contains("`b-extra`") && e.contains("#no-such-section")),
        "{errors:?}"
    );
    assert!(
        errors
            .iter()
            .any(|e| e.contains("`b-kp`") && e.contains("#key-points")),
        "{errors:?}"
    );
    assert!(
        errors
            .iter()
            .any(|e| e.starts_with("content/quiz/not-a-chapter.toml")),
        "{errors:?}"
    );
    assert!(
        errors.iter().any(|e| e.starts_with("content/quiz/b.toml:")),
        "errors carry a line: {errors:?}"
    );
}

#[test]
fn option_rules_are_checked_per_kind() {
    let bad = r#"
[[questions]]
id = "two-right"
section = "first-part"
difficulty = "easy"
kind = "single"
prompt = "?"
explanation = "."
options = [
  { text = "A", correct = true, feedback = "." },
  { text = "B", correct = true, feedback = "." },
]

[[questions]]
id = "one-right"
section = "first-part"
difficulty = "medium"
kind = "multiple"
prompt = "?"
explanation = "."
options = [
  { text = "A", correct = true, feedback = "." },
  { text = "B", correct = false, feedback = "." },
  { text = "C", correct = false, feedback = "" },
]

[[questions]]
id = "order-with-correct"
section = "first-part"
difficulty = "hard"
kind = "order"
prompt = "?"
explanation = "."
options = [
  { text = "A", correct = true, feedback = "." },
  { text = "B", feedback = "." },
]

[[questions]]
id = "tf-without-answer"
section = "first-part"
difficulty = "easy"
kind = "true-false"
prompt = "?"
explanation = ""
if_true = "."
"#;
    let mut files = valid_bank(ENOUGH);
    files[0].text.push_str(bad);
    let errors = quiz_errors(&files);
    for expected in [
        "`two-right`: a single-choice question needs exactly one correct option, has 2",
        "`one-right`: \"choose all that apply\" needs at least two correct",
        "`one-right`: option `C` has no feedback",
        "`order-with-correct`: needs 3–6 steps, has 2",
        "`order-with-correct`: order steps are listed in the right order",
        "`tf-without-answer`: needs `answer = true` or `false`",
        "`tf-without-answer`: needs `if_false` feedback",
        "`tf-without-answer`: empty explanation",
    ] {
        assert!(
            errors.iter().any(|e| e.contains(expected)),
            "missing {expected:?} in {errors:?}"
        );
    }
}

#[test]
fn a_match_question_becomes_items_and_answers_with_decoys_last() {
    let good = r#"
[[questions]]
id = "codes"
section = "first-part"
difficulty = "medium"
kind = "match"
prompt = "Match each status code with its meaning."
explanation = "The first digit gives the class."
decoys = ["The server is restarting"]

[[questions.pairs]]
item = "`200`"
answer = "It worked"
feedback = "2xx is success."

[[questions.pairs]]
item = "`404`"
answer = "Nothing at this URL"
feedback = "4xx is the client's side."

[[questions.pairs]]
item = "`500`"
answer = "The server failed"
feedback = "5xx is the server's side."
"#;
    let mut files = valid_bank(ENOUGH);
    files[0].text.push_str(good);
    let questions = build_quiz(&files, &quiz_chapters()).expect("valid bank");
    let q = questions.iter().find(|q| q.id == "codes").unwrap();
    assert_eq!(q.kind, crate::quiz::Kind::Match);
    let items: Vec<&str> = q.options.iter().map(|o| o.text).collect();
    assert_eq!(items, ["`200`", "`404`", "`500`"]);
    assert!(q.options.iter().all(|o| o.correct));
    assert_eq!(q.options[1].feedback, "4xx is the client's side.");
    assert_eq!(
        q.answers,
        [
            "It worked",
            "Nothing at this URL",
            "The server failed",
            "The server is restarting"
        ]
    );
    assert_eq!(q.answers_listed(), [0, 1, 2, 3], "alphabetical");
    let source = emit_quiz(&questions);
    assert!(source.contains("Kind::Match") && source.contains("answers: &[\"It worked\""));
    let stats = super::fairness::bank_stats(&questions);
    assert_eq!(stats.per_kind[4], (crate::quiz::Kind::Match, 1));
    assert_eq!(stats.choice, 2 * ENOUGH, "match is not a choice question");
}

#[test]
fn match_rules_are_checked() {
    let bad = r#"
[[questions]]
id = "too-few"
section = "first-part"
difficulty = "easy"
kind = "match"
prompt = "?"
explanation = "."

[[questions.pairs]]
item = "A"
answer = "1"
feedback = ""

[[questions.pairs]]
item = "A"
answer = "1"
feedback = "."

[[questions]]
id = "decoy-is-an-answer"
section = "first-part"
difficulty = "easy"
kind = "match"
prompt = "?"
explanation = "."
decoys = ["1"]
options = [{ text = "X", feedback = "." }]
pairs = [
  { item = "A", answer = "1", feedback = "a" },
  { item = "B", answer = "2", feedback = "b" },
  { item = "C", answer = "3", feedback = "c" },
]

[[questions]]
id = "pairs-elsewhere"
section = "first-part"
difficulty = "easy"
kind = "single"
prompt = "?"
explanation = "."
decoys = ["no"]
options = [
  { text = "A", correct = true, feedback = "a" },
  { text = "B", correct = false, feedback = "b" },
]
"#;
    let mut files = valid_bank(ENOUGH);
    files[0].text.push_str(bad);
    let errors = quiz_errors(&files);
    for expected in [
        "`too-few`: needs 3–6 pairs, has 2",
        "`too-few`: pair `A` has no feedback",
        "`too-few`: two pairs have the same item",
        "`too-few`: two answers (or an answer and a decoy) are the same",
        "`decoy-is-an-answer`: two answers (or an answer and a decoy) are the same",
        "`decoy-is-an-answer`: a match question takes `pairs`",
        "`pairs-elsewhere`: `pairs` and `decoys` are for match questions only",
    ] {
        assert!(
            errors.iter().any(|e| e.contains(expected)),
            "missing {expected:?} in {errors:?}"
        );
    }
}

#[test]
fn a_toml_error_names_the_file_and_line() {
    let mut files = valid_bank(ENOUGH);
    files[1]
        .text
        .push_str("\n[[questions]]\nid = \"broken\"\nkind = \n");
    let errors = quiz_errors(&files);
    assert!(
        errors
            .iter()
            .any(|e| e.starts_with("content/quiz/b.toml:") && e.contains("invalid quiz file")),
        "{errors:?}"
    );
}

// --- Quiz fairness ------------------------------------------------------------------------

fn true_false(id: &str, answer: bool) -> String {
    format!(
        r#"
[[questions]]
id = "{id}"
section = "second"
difficulty = "medium"
kind = "true-false"
prompt = "Statement {id}."
explanation = "Because."
answer = {answer}
if_true = "If true."
if_false = "If false."
"#
    )
}

/// A valid bank plus true/false questions with these answers.
fn bank_with_true_false(answers: &[bool]) -> Vec<SourceFile> {
    let mut files = valid_bank(ENOUGH);
    for (i, answer) in answers.iter().enumerate() {
        files[1]
            .text
            .push_str(&true_false(&format!("tf-{i}"), *answer));
    }
    files
}

#[test]
fn true_false_answers_are_between_forty_and_sixty_percent_true() {
    for answers in [
        &[true, false, false, false][..],
        &[true, true, true, false],
        &[false, false],
    ] {
        let errors = quiz_errors(&bank_with_true_false(answers));
        let t = answers.iter().filter(|a| **a).count();
        let expected = format!(
            "content/quiz: {t} of {} true/false answers are \"true\"",
            answers.len()
        );
        assert!(
            errors.iter().any(|e| e.starts_with(&expected)),
            "{answers:?}: {errors:?}"
        );
    }
    for answers in [
        &[true, true, false, false, false][..],
        &[true, true, true, false, false],
        &[true, false],
    ] {
        build_quiz(&bank_with_true_false(answers), &quiz_chapters())
            .unwrap_or_else(|e| panic!("{answers:?} is fair: {e:?}"));
    }
}

/// A valid bank where the right option is the longest in `longest` of its questions.
fn bank_with_longest_right(longest: usize) -> Vec<SourceFile> {
    let mut files = valid_bank(ENOUGH);
    files[0].text = (0..ENOUGH)
        .map(|i| {
            let id = format!("a-{i}");
            if i < longest {
                single_with(&id, "first-part", "The longer right one", "Short")
            } else {
                single(&id, "first-part")
            }
        })
        .collect();
    files
}

#[test]
fn the_right_option_is_the_longest_in_at_most_a_third() {
    let allowed = 2 * ENOUGH / 3;
    let questions = build_quiz(&bank_with_longest_right(allowed), &quiz_chapters())
        .expect("a third is allowed");
    let stats = crate::pipeline::bank_stats(&questions);
    assert_eq!((stats.longest_correct, stats.choice), (allowed, 2 * ENOUGH));
    let errors = quiz_errors(&bank_with_longest_right(allowed + 1));
    let expected = format!(
        "content/quiz: the right option is the longest in {} of {}",
        allowed + 1,
        2 * ENOUGH
    );
    assert!(
        errors
            .iter()
            .any(|e| e.starts_with(&expected) && e.contains("a-0, a-1")),
        "{errors:?}"
    );
}

#[test]
fn longest_means_every_right_option_longer_than_every_wrong_one() {
    let multiple = |id: &str, texts: [(&str, bool); 4]| {
        let options: String = texts
            .iter()
            .enumerate()
            .map(|(i, (text, correct))| {
                format!("  {{ text = \"{text}\", correct = {correct}, feedback = \"F{i}.\" }},\n")
            })
            .collect();
        format!(
            "[[questions]]\nid = \"{id}\"\nsection = \"first-part\"\ndifficulty = \"easy\"\nkind = \"multiple\"\nprompt = \"?\"\nexplanation = \".\"\noptions = [\n{options}]\n"
        )
    };
    let mut files = valid_bank(ENOUGH);
    files[0].text.push_str(&multiple(
        "m-longest",
        [
            ("Long right", true),
            ("Long right 2", true),
            ("Short", false),
            ("Tiny", false),
        ],
    ));
    files[0].text.push_str(&multiple(
        "m-mixed",
        [
            ("Long right", true),
            ("Ok", true),
            ("Short", false),
            ("Tiny", false),
        ],
    ));
    files[0]
        .text
        .push_str(&single_with("s-tie", "first-part", "Equal", "Same!"));
    files[0]
        .text
        .push_str(&single_with("s-long", "first-part", "Longer", "Short"));
    let questions = build_quiz(&files, &quiz_chapters()).expect("valid bank");
    let longest = |id: &str| {
        crate::pipeline::correct_is_longest(questions.iter().find(|q| q.id == id).unwrap())
    };
    assert!(longest("m-longest"));
    assert!(
        !longest("m-mixed"),
        "one right option is shorter than a wrong one"
    );
    assert!(!longest("s-tie"), "strictly longest");
    assert!(longest("s-long"));
}

#[test]
fn options_of_a_question_do_not_share_feedback() {
    let mut files = valid_bank(ENOUGH);
    files[0].text.push_str(
        r#"
[[questions]]
id = "same-feedback"
section = "first-part"
difficulty = "easy"
kind = "single"
prompt = "Which?"
explanation = "Because."
options = [
  { text = "Right", correct = true, feedback = "It depends." },
  { text = "Wrong", correct = false, feedback = "It depends." },
]
"#,
    );
    files[1].text.push_str(
        r#"
[[questions]]
id = "tf-same"
section = "second"
difficulty = "easy"
kind = "true-false"
prompt = "Servers run code."
explanation = "They do."
answer = true
if_true = "See the chapter."
if_false = "See the chapter."
"#,
    );
    let errors = quiz_errors(&files);
    let line = files[0]
        .text
        .lines()
        .position(|l| l.contains("\"same-feedback\""))
        .unwrap()
        + 1;
    let expected = format!(
        "content/quiz/a.toml:{line}: question `same-feedback`: options `Right` and `Wrong` share their feedback"
    );
    assert!(
        errors.iter().any(|e| e.starts_with(&expected)),
        "{errors:?}"
    );
    assert!(
        errors
            .iter()
            .any(|e| e
                .contains("question `tf-same`: options `True` and `False` share their feedback")),
        "{errors:?}"
    );
}

#[test]
fn bank_statistics_count_kinds_difficulties_and_shares() {
    let mut files = bank_with_true_false(&[true, false]);
    files[0].text = (0..ENOUGH)
        .map(|i| {
            let id = format!("a-{i}");
            if i == 0 {
                single_with(&id, "first-part", "The longer right one", "Short")
            } else {
                single(&id, "first-part")
            }
        })
        .collect();
    let questions = build_quiz(&files, &quiz_chapters()).expect("valid bank");
    let stats = crate::pipeline::bank_stats(&questions);
    assert_eq!(stats.questions, 2 * ENOUGH + 2);
    assert_eq!(stats.per_chapter, vec![("a", ENOUGH), ("b", ENOUGH + 2)]);
    assert_eq!(stats.per_kind[0], (crate::quiz::Kind::Single, 2 * ENOUGH));
    assert_eq!(stats.per_kind[2], (crate::quiz::Kind::TrueFalse, 2));
    assert_eq!(
        stats.per_difficulty[1],
        (crate::quiz::Difficulty::Medium, 2)
    );
    assert_eq!((stats.answer_true, stats.true_false), (1, 2));
    assert_eq!((stats.longest_correct, stats.choice), (1, 2 * ENOUGH));
    let shown = stats.to_string();
    assert!(
        shown.contains("true/false answered \"true\": 1 of 2 (50%"),
        "{shown}"
    );
    assert!(shown.contains("per kind: single"), "{shown}");
}
