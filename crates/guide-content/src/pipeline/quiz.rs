//! `content/quiz/<chapter>.toml` → validated [`Question`]s → Rust source.

use std::collections::HashSet;
use std::fmt::Write;
use std::path::Path;

use serde::Deserialize;

use super::{fairness, is_kebab_id, leak, leak_str, ContentError, SourceFile};
use crate::quiz::{Choice, Difficulty, Kind, Question};
use crate::Chapter;

/// Every chapter needs at least this many questions, the bank as a whole [`MIN_QUESTIONS`].
pub const MIN_PER_CHAPTER: usize = 8;
pub const MIN_QUESTIONS: usize = 110;

use crate::RESERVED_QUIZ_KEYS as RESERVED_KEYS;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct QuizFile {
    questions: Vec<QuestionIn>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct QuestionIn {
    id: String,
    section: String,
    difficulty: Difficulty,
    kind: Kind,
    prompt: String,
    explanation: String,
    #[serde(default)]
    options: Vec<OptionIn>,
    answer: Option<bool>,
    if_true: Option<String>,
    if_false: Option<String>,
    /// `match` only: the pairs, and answers that pair with nothing.
    #[serde(default)]
    pairs: Vec<PairIn>,
    #[serde(default)]
    decoys: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PairIn {
    item: String,
    answer: String,
    feedback: String,
}

/// A match question pairs 3–6 items; its lists offer at most this many answers in all.
pub const MAX_MATCH_ANSWERS: usize = 8;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct OptionIn {
    text: String,
    correct: Option<bool>,
    feedback: String,
}

/// Reads every `*.toml` file of a folder (not recursive), sorted by file name.
pub fn read_quiz_dir(dir: &Path) -> std::io::Result<Vec<SourceFile>> {
    super::read_dir_files(dir, "toml")
}

/// Parses and validates the question bank against the chapters. Questions come back in chapter
/// order, then file order.
pub fn build_quiz(
    files: &[SourceFile],
    chapters: &[Chapter],
) -> Result<Vec<Question>, Vec<ContentError>> {
    let mut errors = Vec::new();
    let mut ids = HashSet::new();
    let mut by_chapter: Vec<(u32, Vec<Question>)> = Vec::new();
    for file in files {
        if let Some((order, questions)) = build_file(file, chapters, &mut ids, &mut errors) {
            by_chapter.push((order, questions));
        }
    }
    errors.extend(check_chapter_counts(chapters, &by_chapter));
    by_chapter.sort_by_key(|(order, _)| *order);
    let questions: Vec<Question> = by_chapter.into_iter().flat_map(|(_, qs)| qs).collect();
    errors.extend(check_bank_size(&questions));
    errors.extend(fairness::check_bank(&questions));
    if errors.is_empty() {
        Ok(questions)
    } else {
        Err(errors)
    }
}

/// One quiz file: its chapter (named by the file), its parsed questions, each checked. `None`
/// when the file names no chapter or is not valid TOML (the error is recorded).
fn build_file(
    file: &SourceFile,
    chapters: &[Chapter],
    ids: &mut HashSet<String>,
    errors: &mut Vec<ContentError>,
) -> Option<(u32, Vec<Question>)> {
    let chapter = match chapter_of(file, chapters) {
        Ok(chapter) => chapter,
        Err(e) => {
            errors.push(e);
            return None;
        }
    };
    let parsed = match parse_file(file) {
        Ok(parsed) => parsed,
        Err(e) => {
            errors.push(e);
            return None;
        }
    };
    let questions = parsed
        .questions
        .iter()
        .map(|q| {
            let mut problems = Vec::new();
            let question = build_question(q, chapter, ids, &mut problems);
            let line = line_of_id(file, &q.id);
            errors.extend(problems.into_iter().map(|message| ContentError {
                file: file.path.clone(),
                line,
                message: format!("question `{}`: {message}", q.id),
            }));
            question
        })
        .collect();
    Some((chapter.order, questions))
}

/// The chapter a quiz file tests: the one its file name names.
fn chapter_of<'c>(file: &SourceFile, chapters: &'c [Chapter]) -> Result<&'c Chapter, ContentError> {
    let stem = Path::new(&file.path)
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or_default();
    chapters
        .iter()
        .find(|c| c.id == stem)
        .ok_or_else(|| ContentError {
            file: file.path.clone(),
            line: None,
            message: format!(
                "`{stem}` is not a chapter id: name the file after the chapter it tests"
            ),
        })
}

fn parse_file(file: &SourceFile) -> Result<QuizFile, ContentError> {
    toml::from_str(&file.text).map_err(|e| ContentError {
        file: file.path.clone(),
        line: e.span().map(|span| line_at(&file.text, span.start)),
        message: format!("invalid quiz file: {}", e.message()),
    })
}

/// The 1-based line of a byte offset.
pub(super) fn line_at(text: &str, at: usize) -> usize {
    text[..at].matches('\n').count() + 1
}

/// The line where a question's id is written (where its problems are reported).
fn line_of_id(file: &SourceFile, id: &str) -> Option<usize> {
    file.text
        .find(&format!("\"{id}\""))
        .map(|at| line_at(&file.text, at))
}

/// Checks one question (problems go to `problems`, without the question's name) and builds it.
fn build_question(
    q: &QuestionIn,
    chapter: &Chapter,
    ids: &mut HashSet<String>,
    problems: &mut Vec<String>,
) -> Question {
    let mut check = |ok: bool, message: String| {
        if !ok {
            problems.push(message);
        }
    };
    check(is_kebab_id(&q.id), "the id must be lowercase-kebab".into());
    check(ids.insert(q.id.clone()), "duplicate question id".into());
    check(
        q.section != "key-points" && chapter.sections.iter().any(|s| s.id == q.section),
        format!(
            "section `#{}` is not a section of chapter `{}` (or is the key points)",
            q.section, chapter.id
        ),
    );
    check(!q.prompt.trim().is_empty(), "empty prompt".into());
    check(!q.explanation.trim().is_empty(), "empty explanation".into());
    check_option_texts(q, &mut check);
    check(
        q.kind == Kind::TrueFalse
            || (q.answer.is_none() && q.if_true.is_none() && q.if_false.is_none()),
        "`answer`, `if_true` and `if_false` are for true-false questions only".into(),
    );
    check(
        q.kind == Kind::Match || (q.pairs.is_empty() && q.decoys.is_empty()),
        "`pairs` and `decoys` are for match questions only".into(),
    );
    let mut answers = Vec::new();
    let options = match q.kind {
        Kind::Single | Kind::Multiple => choice_options(q, &mut check),
        Kind::Order => order_steps(q, &mut check),
        Kind::TrueFalse => true_false_options(q, &mut check),
        Kind::Match => match_pairs(q, &mut answers, &mut check),
    };
    if let Some(problem) = fairness::shared_feedback(&options) {
        check(false, problem);
    }
    Question {
        id: leak_str(q.id.as_str()),
        chapter: chapter.id,
        section: leak_str(q.section.as_str()),
        difficulty: q.difficulty,
        kind: q.kind,
        prompt: leak_str(q.prompt.trim()),
        options: leak(options),
        answers: leak(answers),
        explanation: leak_str(q.explanation.trim()),
    }
}

/// Every option has text and feedback, and no two options have the same text.
fn check_option_texts(q: &QuestionIn, check: &mut impl FnMut(bool, String)) {
    for o in &q.options {
        check(!o.text.trim().is_empty(), "an option has no text".into());
        check(
            !o.feedback.trim().is_empty(),
            format!("option `{}` has no feedback", o.text.trim()),
        );
    }
    let texts: HashSet<&str> = q.options.iter().map(|o| o.text.trim()).collect();
    check(
        texts.len() == q.options.len(),
        "two options have the same text".into(),
    );
}

fn choice(o: &OptionIn, correct: bool) -> Choice {
    Choice {
        text: leak_str(o.text.trim()),
        correct,
        feedback: leak_str(o.feedback.trim()),
    }
}

/// `single`: 2–6 options, one right; `multiple`: 3–6 options, at least two right and one wrong.
fn choice_options(q: &QuestionIn, check: &mut impl FnMut(bool, String)) -> Vec<Choice> {
    check(
        q.options.iter().all(|o| o.correct.is_some()),
        "every option needs `correct = true` or `false`".into(),
    );
    let n = q.options.len();
    let correct = q.options.iter().filter(|o| o.correct == Some(true)).count();
    if q.kind == Kind::Single {
        check((2..=6).contains(&n), format!("needs 2–6 options, has {n}"));
        check(
            correct == 1,
            format!("a single-choice question needs exactly one correct option, has {correct}"),
        );
    } else {
        check((3..=6).contains(&n), format!("needs 3–6 options, has {n}"));
        check(
            correct >= 2 && correct < n,
            format!("\"choose all that apply\" needs at least two correct and one wrong option, has {correct} of {n} correct"),
        );
    }
    q.options
        .iter()
        .map(|o| choice(o, o.correct == Some(true)))
        .collect()
}

/// `order`: 3–6 steps, listed in the right order, without `correct`.
fn order_steps(q: &QuestionIn, check: &mut impl FnMut(bool, String)) -> Vec<Choice> {
    let n = q.options.len();
    check((3..=6).contains(&n), format!("needs 3–6 steps, has {n}"));
    check(
        q.options.iter().all(|o| o.correct.is_none()),
        "order steps are listed in the right order and take no `correct`".into(),
    );
    q.options.iter().map(|o| choice(o, true)).collect()
}

/// `true-false`: no options; `answer`, `if_true` and `if_false` become "True" and "False".
fn true_false_options(q: &QuestionIn, check: &mut impl FnMut(bool, String)) -> Vec<Choice> {
    check(
        q.options.is_empty(),
        "a true-false question takes no options".into(),
    );
    let answer = q.answer.unwrap_or_else(|| {
        check(false, "needs `answer = true` or `false`".into());
        true
    });
    let mut feedback = |field: &str, value: &Option<String>| {
        let text = value.as_deref().map(str::trim).unwrap_or_default();
        check(!text.is_empty(), format!("needs `{field}` feedback"));
        leak_str(text)
    };
    vec![
        Choice {
            text: "True",
            correct: answer,
            feedback: feedback("if_true", &q.if_true),
        },
        Choice {
            text: "False",
            correct: !answer,
            feedback: feedback("if_false", &q.if_false),
        },
    ]
}

/// `match`: 3–6 pairs (item, answer, feedback: all non-empty), items unique, answers unique
/// (decoys included, so every list has one right answer per item), at most
/// [`MAX_MATCH_ANSWERS`] answers in all. The items become the options (`correct`), their
/// answers (then the decoys) `answers`.
fn match_pairs(
    q: &QuestionIn,
    answers: &mut Vec<&'static str>,
    check: &mut impl FnMut(bool, String),
) -> Vec<Choice> {
    check(
        q.options.is_empty(),
        "a match question takes `pairs` (and `decoys`), not `options`".into(),
    );
    let n = q.pairs.len();
    check((3..=6).contains(&n), format!("needs 3–6 pairs, has {n}"));
    for p in &q.pairs {
        check(!p.item.trim().is_empty(), "a pair has no `item`".into());
        check(
            !p.answer.trim().is_empty(),
            format!("pair `{}` has no `answer`", p.item.trim()),
        );
        check(
            !p.feedback.trim().is_empty(),
            format!("pair `{}` has no feedback", p.item.trim()),
        );
    }
    for d in &q.decoys {
        check(!d.trim().is_empty(), "an empty decoy".into());
    }
    let items: HashSet<&str> = q.pairs.iter().map(|p| p.item.trim()).collect();
    check(items.len() == n, "two pairs have the same item".into());
    let offered: Vec<&str> = q
        .pairs
        .iter()
        .map(|p| p.answer.trim())
        .chain(q.decoys.iter().map(|d| d.trim()))
        .collect();
    let unique: HashSet<&str> = offered.iter().copied().collect();
    check(
        unique.len() == offered.len(),
        "two answers (or an answer and a decoy) are the same: each item needs its own answer"
            .into(),
    );
    check(
        offered.len() <= MAX_MATCH_ANSWERS,
        format!(
            "offers {} answers (pairs and decoys); at most {MAX_MATCH_ANSWERS}",
            offered.len()
        ),
    );
    answers.extend(offered.into_iter().map(leak_str));
    q.pairs
        .iter()
        .map(|p| Choice {
            text: leak_str(p.item.trim()),
            correct: true,
            feedback: leak_str(p.feedback.trim()),
        })
        .collect()
}

/// Every chapter has at least [`MIN_PER_CHAPTER`] questions, and no chapter takes a quiz name.
fn check_chapter_counts(
    chapters: &[Chapter],
    by_chapter: &[(u32, Vec<Question>)],
) -> Vec<ContentError> {
    let mut errors = Vec::new();
    for chapter in chapters {
        if RESERVED_KEYS.contains(&chapter.id) {
            errors.push(ContentError {
                file: format!("content/chapters/{}.md", chapter.id),
                line: None,
                message: format!(
                    "`{}` is a quiz name (`/quiz/{}`); pick another chapter id",
                    chapter.id, chapter.id
                ),
            });
        }
        let count = by_chapter
            .iter()
            .filter(|(order, _)| *order == chapter.order)
            .map(|(_, qs)| qs.len())
            .sum::<usize>();
        if count < MIN_PER_CHAPTER {
            errors.push(ContentError {
                file: format!("content/quiz/{}.toml", chapter.id),
                line: None,
                message: format!(
                    "chapter `{}` has {}; every chapter needs at least {MIN_PER_CHAPTER}",
                    chapter.id,
                    questions(count)
                ),
            });
        }
    }
    errors
}

fn check_bank_size(questions: &[Question]) -> Option<ContentError> {
    (questions.len() < MIN_QUESTIONS).then(|| ContentError {
        file: "content/quiz".into(),
        line: None,
        message: format!(
            "the bank has {}; it needs at least {MIN_QUESTIONS}",
            self::questions(questions.len())
        ),
    })
}

/// "1 question", "2 questions".
pub(super) fn questions(n: usize) -> String {
    if n == 1 {
        "1 question".into()
    } else {
        format!("{n} questions")
    }
}

/// Rust source defining `pub static QUESTIONS`.
pub fn emit_quiz(questions: &[Question]) -> String {
    let mut out = String::from(
        "// Generated by build.rs from content/quiz/*.toml. Do not edit.\n\
         pub static QUESTIONS: &[::guide_content::quiz::Question] = &[\n",
    );
    for q in questions {
        let _ = write!(
            out,
            "::guide_content::quiz::Question {{ id: {:?}, chapter: {:?}, section: {:?}, difficulty: ::guide_content::quiz::Difficulty::{:?}, kind: ::guide_content::quiz::Kind::{:?}, prompt: {:?}, explanation: {:?}, answers: &{:?}, options: &[",
            q.id, q.chapter, q.section, q.difficulty, q.kind, q.prompt, q.explanation, q.answers
        );
        for o in q.options {
            let _ = write!(
                out,
                "::guide_content::quiz::Choice {{ text: {:?}, correct: {}, feedback: {:?} }},",
                o.text, o.correct, o.feedback
            );
        }
        out.push_str("] },\n");
    }
    out.push_str("];\n");
    out
}
