//! Writes the Content-Security-Policy into every page of a built site (the Trunk post-build
//! hook runs it after prerendering, before the service worker's precache list):
//!
//! ```sh
//! cargo run -p guide-content --features pipeline --example csp -- SITE_DIR
//! ```
//!
//! Every `.html` file but the chapter bodies (fragments the app inserts into a page that
//! already has the policy) gets `<meta http-equiv=Content-Security-Policy>` right after its
//! `<meta charset>`, with the hashes of its own inline scripts (`pipeline::csp`). Re-runnable.

use std::path::{Path, PathBuf};

use guide_content::pipeline::csp::with_policy;

fn main() {
    let Some(site) = std::env::args().nth(1) else {
        eprintln!("usage: csp SITE_DIR");
        std::process::exit(2);
    };
    let fail = |message: String| -> ! {
        eprintln!("csp: {message}");
        std::process::exit(1);
    };
    let mut pages = Vec::new();
    html_files(Path::new(&site), &mut pages).unwrap_or_else(|e| fail(format!("{site}: {e}")));
    for page in &pages {
        let html = std::fs::read_to_string(page)
            .unwrap_or_else(|e| fail(format!("cannot read {}: {e}", page.display())));
        let html = with_policy(&html).unwrap_or_else(|e| fail(format!("{}: {e}", page.display())));
        std::fs::write(page, html)
            .unwrap_or_else(|e| fail(format!("cannot write {}: {e}", page.display())));
    }
    eprintln!("csp: the policy is in {} pages of {site}", pages.len());
}

fn html_files(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            if path
                .file_name()
                .is_some_and(|name| name != "chapter-bodies")
            {
                html_files(&path, out)?;
            }
        } else if path.extension().is_some_and(|e| e == "html") {
            out.push(path);
        }
    }
    Ok(())
}
