//! Build-time content pipeline: Markdown chapters → validated [`Chapter`] values → Rust source.
//!
//! Used by the app's `build.rs` and by host tests; never compiled into the wasm.

pub mod csp;
mod diagram;
mod emit;
mod fairness;
mod glossary;
pub mod highlight;
pub mod html;
mod markdown;
mod quiz;
mod rules;
pub mod search;
pub mod terms;
mod validate;

use std::fmt;
use std::path::Path;

use crate::diagram::Diagram;
use crate::glossary::GlossaryTerm;
use crate::quiz::Question;
use crate::Chapter;

pub use diagram::{build_diagram, emit_diagram, emit_diagram_index};
pub use emit::{emit_quiz_index, emit_rust};
pub use fairness::{bank_stats, correct_is_longest, BankStats};
pub use glossary::{
    build_glossary, chapter_text, emit_glossary, mentions, MAX_DEFINITION_CHARS, MIN_TERMS,
};
pub use quiz::{build_quiz, emit_quiz, read_quiz_dir, MIN_PER_CHAPTER, MIN_QUESTIONS};

/// One chapter source file as read from disk.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// Path shown in error messages, e.g. `content/chapters/databases.md`.
    pub path: String,
    pub text: String,
}

/// A problem in the content, pointing at the file (and line, where known).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContentError {
    pub file: String,
    pub line: Option<usize>,
    pub message: String,
}

impl fmt::Display for ContentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{}: {}", self.file, line, self.message),
            None => write!(f, "{}: {}", self.file, self.message),
        }
    }
}

/// Reads every `*.md` file of a folder (not recursive), sorted by file name.
pub fn read_chapter_dir(dir: &Path) -> std::io::Result<Vec<SourceFile>> {
    read_dir_files(dir, "md")
}

/// Reads every file of a folder with the given extension (not recursive), sorted by name.
fn read_dir_files(dir: &Path, extension: &str) -> std::io::Result<Vec<SourceFile>> {
    let mut paths: Vec<_> = std::fs::read_dir(dir)?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|ext| ext == extension))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|path| {
            Ok(SourceFile {
                text: std::fs::read_to_string(&path)?,
                path: path.display().to_string(),
            })
        })
        .collect()
}

/// Parses and validates all chapters. On success they come back sorted by `order`;
/// otherwise every problem found is returned, each naming its file.
pub fn build_chapters(files: &[SourceFile]) -> Result<Vec<Chapter>, Vec<ContentError>> {
    let mut errors = Vec::new();
    let mut parsed = Vec::new();
    for file in files {
        match markdown::parse_chapter(file) {
            Ok(chapter) => parsed.push(chapter),
            Err(mut e) => errors.append(&mut e),
        }
    }
    errors.extend(validate::check_guide(&parsed));
    if files.is_empty() {
        errors.push(ContentError {
            file: "content/chapters".into(),
            line: None,
            message: "no chapters found".into(),
        });
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let mut chapters: Vec<Chapter> = parsed.into_iter().map(|p| p.chapter).collect();
    chapters.sort_by_key(|c| c.order);
    Ok(chapters)
}

/// Everything under `content/`, parsed and validated together.
pub struct Content {
    pub chapters: Vec<Chapter>,
    pub diagram: Diagram,
    pub questions: Vec<Question>,
    /// Sorted A–Z (ignoring case).
    pub glossary: Vec<GlossaryTerm>,
    /// Every file read, for `cargo:rerun-if-changed`.
    pub sources: Vec<String>,
}

/// Reads and checks `content/chapters/*.md`, `content/diagram.toml`, `content/quiz/*.toml` and
/// `content/glossary.toml` under `content_dir`: the one entry point of `build.rs`, the prerenderer, the benchmark's
/// reference site, the tests and the content checker.
pub fn load(content_dir: &Path) -> Result<Content, Vec<ContentError>> {
    let unreadable = |path: &Path, e: std::io::Error| {
        vec![ContentError {
            file: path.display().to_string(),
            line: None,
            message: format!("cannot read: {e}"),
        }]
    };
    let chapter_dir = content_dir.join("chapters");
    let files = read_chapter_dir(&chapter_dir).map_err(|e| unreadable(&chapter_dir, e))?;
    let chapters = build_chapters(&files)?;
    let diagram_path = content_dir.join("diagram.toml");
    let diagram_file = SourceFile {
        path: diagram_path.display().to_string(),
        text: std::fs::read_to_string(&diagram_path).map_err(|e| unreadable(&diagram_path, e))?,
    };
    let diagram = build_diagram(&diagram_file, &chapters)?;
    let quiz_dir = content_dir.join("quiz");
    let quiz_files = read_quiz_dir(&quiz_dir).map_err(|e| unreadable(&quiz_dir, e))?;
    let questions = build_quiz(&quiz_files, &chapters)?;
    let glossary_path = content_dir.join("glossary.toml");
    let glossary_file = SourceFile {
        path: glossary_path.display().to_string(),
        text: std::fs::read_to_string(&glossary_path).map_err(|e| unreadable(&glossary_path, e))?,
    };
    let glossary = build_glossary(&glossary_file, &chapters)?;
    let sources = files
        .iter()
        .chain([&diagram_file, &glossary_file])
        .chain(&quiz_files)
        .map(|f| f.path.clone())
        .collect();
    Ok(Content {
        chapters,
        diagram,
        questions,
        glossary,
        sources,
    })
}

/// Leaks build-time data into the `'static` shapes of the content model.
/// Only used at build time and in tests, where the process is short-lived.
fn leak_str(s: impl Into<String>) -> &'static str {
    Box::leak(s.into().into_boxed_str())
}

fn leak<T>(items: Vec<T>) -> &'static [T] {
    Box::leak(items.into_boxed_slice())
}

/// Lowercase ASCII letters and digits in dash-separated words: `how-a-request-travels`.
pub fn is_kebab_id(id: &str) -> bool {
    !id.is_empty()
        && id.split('-').all(|w| {
            !w.is_empty()
                && w.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

#[cfg(test)]
mod tests;
