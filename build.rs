//! Parses and validates `content/chapters/*.md`, `content/diagram.toml` and `content/quiz/*.toml` at build time and
//! writes them as Rust data (`$OUT_DIR/chapters.rs`, `$OUT_DIR/diagram.rs`, `$OUT_DIR/quiz.rs`, included by
//! `src/content.rs`, `src/diagram.rs` and `src/quiz.rs`). Any content error fails the build with a message
//! naming the file (and line), so broken links never reach readers.

use std::path::Path;

use guide_content::pipeline::{
    build_chapters, build_diagram, build_quiz, emit_diagram, emit_quiz, emit_rust,
    read_chapter_dir, read_quiz_dir, ContentError, SourceFile,
};

fn main() {
    let dir = Path::new("content/chapters");
    println!("cargo:rerun-if-changed={}", dir.display());
    let files = read_chapter_dir(dir).unwrap_or_else(|e| {
        eprintln!("error: cannot read {}: {e}", dir.display());
        std::process::exit(1);
    });
    for file in &files {
        println!("cargo:rerun-if-changed={}", file.path);
    }
    let chapters = build_chapters(&files).unwrap_or_else(|errors| fail(&errors));

    let diagram_path = "content/diagram.toml";
    println!("cargo:rerun-if-changed={diagram_path}");
    let diagram_file = SourceFile {
        path: diagram_path.into(),
        text: std::fs::read_to_string(diagram_path).unwrap_or_else(|e| {
            eprintln!("error: cannot read {diagram_path}: {e}");
            std::process::exit(1);
        }),
    };
    let diagram = build_diagram(&diagram_file, &chapters).unwrap_or_else(|errors| fail(&errors));

    let quiz_dir = Path::new("content/quiz");
    println!("cargo:rerun-if-changed={}", quiz_dir.display());
    let quiz_files = read_quiz_dir(quiz_dir).unwrap_or_else(|e| {
        eprintln!("error: cannot read {}: {e}", quiz_dir.display());
        std::process::exit(1);
    });
    for file in &quiz_files {
        println!("cargo:rerun-if-changed={}", file.path);
    }
    let questions = build_quiz(&quiz_files, &chapters).unwrap_or_else(|errors| fail(&errors));

    let out_dir = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let out_dir = Path::new(&out_dir);
    std::fs::write(out_dir.join("chapters.rs"), emit_rust(&chapters)).expect("write chapters");
    std::fs::write(out_dir.join("diagram.rs"), emit_diagram(&diagram)).expect("write diagram");
    std::fs::write(out_dir.join("quiz.rs"), emit_quiz(&questions)).expect("write quiz");
}

fn fail(errors: &[ContentError]) -> ! {
    eprintln!(
        "error: the guide's content has {} problem(s):",
        errors.len()
    );
    for error in errors {
        eprintln!("  {error}");
    }
    std::process::exit(1);
}
