//! Parses and validates `content/chapters/*.md` at build time and writes the chapters as Rust
//! data (`$OUT_DIR/chapters.rs`, included by `src/content.rs`). Any content error fails the build
//! with a message naming the file and line, so broken links never reach readers.

use std::path::Path;

use guide_content::pipeline::{build_chapters, emit_rust, read_chapter_dir};

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
    let chapters = build_chapters(&files).unwrap_or_else(|errors| {
        eprintln!(
            "error: the guide's content has {} problem(s):",
            errors.len()
        );
        for error in &errors {
            eprintln!("  {error}");
        }
        std::process::exit(1);
    });
    let out_dir = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let out = Path::new(&out_dir).join("chapters.rs");
    std::fs::write(&out, emit_rust(&chapters)).expect("write generated chapters");
}
