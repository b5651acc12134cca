//! Every page of the built site is valid HTML to the Nu HTML Checker (vnu, npm `vnu-jar`
//! pinned in tools/package.json, run with the machine's Java; `scripts/setup.sh test` installs
//! both). Runs over the site in `E2E_SITE_DIR` (as `scripts/test.sh` sets it); without it
//! there is no built site and the test says so and passes.
//!
//! Errors only: vnu's warnings are advice.

use std::path::{Path, PathBuf};
use std::process::Command;

fn html_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            // Chapter bodies are fragments; their markup is checked inside the chapter pages.
            if path.file_name().is_some_and(|n| n != "chapter-bodies") {
                html_files(&path, out);
            }
        } else if path.extension().is_some_and(|e| e == "html") {
            out.push(path);
        }
    }
}

#[test]
fn every_built_page_is_valid_html() {
    let Some(site) = std::env::var_os("E2E_SITE_DIR") else {
        println!("E2E_SITE_DIR is not set: no built site to check");
        return;
    };
    let jar = std::env::var_os("VNU_JAR").map_or_else(
        || PathBuf::from("tools/node_modules/vnu-jar/build/dist/vnu.jar"),
        PathBuf::from,
    );
    assert!(
        jar.exists(),
        "{} is missing: run scripts/setup.sh test",
        jar.display()
    );
    let mut pages = Vec::new();
    html_files(Path::new(&site), &mut pages);
    pages.sort();
    assert!(pages.len() > 20, "only {} pages in {site:?}", pages.len());
    let output = Command::new("java")
        .arg("-jar")
        .arg(&jar)
        .args(["--errors-only", "--format", "gnu"])
        .args(&pages)
        .output()
        .expect("java runs (scripts/setup.sh test installs it)");
    let report = String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.success() && report.trim().is_empty(),
        "the Nu HTML Checker rejects built pages:\n{report}"
    );
    println!("vnu: {} pages valid", pages.len());
}
