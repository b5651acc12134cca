//! `content/quiz/<chapter>.toml` → validated [`Question`]s → Rust source.

use std::collections::HashSet;
use std::fmt::Write;
use std::path::Path;

use serde::Deserialize;

use super::{is_kebab_id, leak, leak_str, ContentError, SourceFile};
use crate::quiz::{Choice, Difficulty, Kind, Question};
use crate::Chapter;

/// Every chapter needs at least this many questions, the bank as a whole [`MIN_QUESTIONS`].
pub const MIN_PER_CHAPTER: usize = 4;
pub const MIN_QUESTIONS: usize = 40;

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
    difficulty: DifficultyIn,
    kind: KindIn,
    prompt: String,
    explanation: String,
    #[serde(default)]
    options: Vec<OptionIn>,
    answer: Option<bool>,
    if_true: Option<String>,
    if_false: Option<String>,
}

#[derive(Deserialize, Clone, Copy)]
#[serde(rename_all = "lowercase")]
enum DifficultyIn {
    Easy,
    Medium,
    Hard,
}

#[derive(Deserialize, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
enum KindIn {
    Single,
    Multiple,
    TrueFalse,
    Order,
}

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
        let error = |line: Option<usize>, message: String| ContentError {
            file: file.path.clone(),
            line,
            message,
        };
        let stem = Path::new(&file.path)
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default();
        let Some(chapter) = chapters.iter().find(|c| c.id == stem) else {
            errors.push(error(
                None,
                format!("`{stem}` is not a chapter id: name the file after the chapter it tests"),
            ));
            continue;
        };
        let parsed: QuizFile = match toml::from_str(&file.text) {
            Ok(parsed) => parsed,
            Err(e) => {
                let line = e
                    .span()
                    .map(|span| file.text[..span.start].matches('\n').count() + 1);
                errors.push(error(line, format!("invalid quiz file: {}", e.message())));
                continue;
            }
        };
        let mut questions = Vec::new();
        for q in &parsed.questions {
            let line = file
                .text
                .find(&format!("\"{}\"", q.id))
                .map(|at| file.text[..at].matches('\n').count() + 1);
            let mut check = |ok: bool, message: String| {
                if !ok {
                    errors.push(error(line, format!("question `{}`: {message}", q.id)));
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
            let is_tf = q.kind == KindIn::TrueFalse;
            check(
                is_tf || (q.answer.is_none() && q.if_true.is_none() && q.if_false.is_none()),
                "`answer`, `if_true` and `if_false` are for true-false questions only".into(),
            );
            let correct = q.options.iter().filter(|o| o.correct == Some(true)).count();
            let options: Vec<Choice> = match q.kind {
                KindIn::Single | KindIn::Multiple => {
                    check(
                        q.options.iter().all(|o| o.correct.is_some()),
                        "every option needs `correct = true` or `false`".into(),
                    );
                    let n = q.options.len();
                    if q.kind == KindIn::Single {
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
                        .map(|o| Choice {
                            text: leak_str(o.text.trim()),
                            correct: o.correct == Some(true),
                            feedback: leak_str(o.feedback.trim()),
                        })
                        .collect()
                }
                KindIn::Order => {
                    let n = q.options.len();
                    check((3..=6).contains(&n), format!("needs 3–6 steps, has {n}"));
                    check(
                        q.options.iter().all(|o| o.correct.is_none()),
                        "order steps are listed in the right order and take no `correct`".into(),
                    );
                    q.options
                        .iter()
                        .map(|o| Choice {
                            text: leak_str(o.text.trim()),
                            correct: true,
                            feedback: leak_str(o.feedback.trim()),
                        })
                        .collect()
                }
                KindIn::TrueFalse => {
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
            };
            questions.push(Question {
                id: leak_str(q.id.as_str()),
                chapter: chapter.id,
                section: leak_str(q.section.as_str()),
                difficulty: match q.difficulty {
                    DifficultyIn::Easy => Difficulty::Easy,
                    DifficultyIn::Medium => Difficulty::Medium,
                    DifficultyIn::Hard => Difficulty::Hard,
                },
                kind: match q.kind {
                    KindIn::Single => Kind::Single,
                    KindIn::Multiple => Kind::Multiple,
                    KindIn::TrueFalse => Kind::TrueFalse,
                    KindIn::Order => Kind::Order,
                },
                prompt: leak_str(q.prompt.trim()),
                options: leak(options),
                explanation: leak_str(q.explanation.trim()),
            });
        }
        by_chapter.push((chapter.order, questions));
    }
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
                    "chapter `{}` has {count} question(s); every chapter needs at least {MIN_PER_CHAPTER}",
                    chapter.id
                ),
            });
        }
    }
    by_chapter.sort_by_key(|(order, _)| *order);
    let questions: Vec<Question> = by_chapter.into_iter().flat_map(|(_, qs)| qs).collect();
    if questions.len() < MIN_QUESTIONS {
        errors.push(ContentError {
            file: "content/quiz".into(),
            line: None,
            message: format!(
                "the bank has {} question(s); it needs at least {MIN_QUESTIONS}",
                questions.len()
            ),
        });
    }
    if errors.is_empty() {
        Ok(questions)
    } else {
        Err(errors)
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
            "::guide_content::quiz::Question {{ id: {:?}, chapter: {:?}, section: {:?}, difficulty: ::guide_content::quiz::Difficulty::{:?}, kind: ::guide_content::quiz::Kind::{:?}, prompt: {:?}, explanation: {:?}, options: &[",
            q.id, q.chapter, q.section, q.difficulty, q.kind, q.prompt, q.explanation
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
