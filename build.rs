//! Parses and validates `content/chapters/*.md`, `content/diagram.toml` and `content/quiz/*.toml` at build time and
//! writes them as Rust data (`$OUT_DIR/chapters.rs`, `$OUT_DIR/diagram.rs` and `diagram_index.rs`,
//! `$OUT_DIR/quiz.rs` and `quiz_index.rs`, included by
//! `src/content.rs`, `src/diagram.rs` and `src/quiz.rs`). Any content error fails the build with a message
//! naming the file (and line), so broken links never reach readers.

use std::path::Path;

use guide_content::pipeline::{
    emit_diagram, emit_diagram_index, emit_quiz, emit_quiz_index, emit_rust, load,
};

fn main() {
    for dir in ["content/chapters", "content/quiz", "content/diagram.toml"] {
        println!("cargo:rerun-if-changed={dir}");
    }
    let guide = load(Path::new("content")).unwrap_or_else(|errors| {
        eprintln!(
            "error: the guide's content has {} problem(s):",
            errors.len()
        );
        for error in errors {
            eprintln!("  {error}");
        }
        std::process::exit(1);
    });
    for source in &guide.sources {
        println!("cargo:rerun-if-changed={source}");
    }
    let out_dir = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let out_dir = Path::new(&out_dir);
    let write = |name: &str, text: String| {
        std::fs::write(out_dir.join(name), text).unwrap_or_else(|e| panic!("write {name}: {e}"))
    };
    write("chapters.rs", emit_rust(&guide.chapters));
    // The same split for the diagram: the whole of it natively, the index for every build (its
    // texts are `data/diagram-<hash>.txt`, also written by the prerenderer).
    write("diagram.rs", emit_diagram(&guide.diagram));
    let index = emit_diagram_index(&guide.diagram).unwrap_or_else(|error| {
        eprintln!("error: {error}");
        std::process::exit(1);
    });
    write("diagram_index.rs", index);
    // The whole bank for native builds (the prerenderer, host tests); the wasm gets only the
    // index and fetches the texts (`data/quiz-<hash>.txt`, written by the prerenderer).
    write("quiz.rs", emit_quiz(&guide.questions));
    let index = emit_quiz_index(&guide.questions).unwrap_or_else(|error| {
        eprintln!("error: the question bank: {error}");
        std::process::exit(1);
    });
    write("quiz_index.rs", index);
}
