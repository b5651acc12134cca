//! The benchmark's reference site (`scripts/bench.sh`): the guide's text as plain static HTML
//! with the app's stylesheet and no wasm, to compare the app's bytes and paint times against.
//!
//! ```sh
//! cargo run -p guide-content --features pipeline --example reference_html -- \
//!     content/chapters OUT_DIR STYLESHEET_HREF [PUBLIC_URL]
//! ```
//!
//! Writes `OUT_DIR/index.html` (the home page's text and the chapter list) and
//! `OUT_DIR/chapters/<id>.html` for every chapter, with the same markup as the app's views (the
//! library's `pipeline::html`, which also prerenders the app's pages) so the same CSS applies. Links are relative to `<base href=PUBLIC_URL>` (default
//! `/backend-guide/`); a static server that maps `/x` to `/x.html` (as GitHub Pages does) serves it.

use std::path::Path;

use guide_content::pipeline::html::{
    chapter_href, chapter_main, chapter_title, esc, home_main, site_frame, Controls,
    HOME_DESCRIPTION, HOME_TITLE,
};
use guide_content::pipeline::{build_chapters, read_chapter_dir};
use guide_content::Chapter;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.len() < 3 || args.len() > 4 {
        eprintln!(
            "usage: reference_html CHAPTER_DIR OUT_DIR STYLESHEET_HREF [PUBLIC_URL]  (see the file's docs)"
        );
        std::process::exit(2);
    }
    let (chapter_dir, out_dir, css) = (Path::new(&args[0]), Path::new(&args[1]), &args[2]);
    let base = args.get(3).map_or("/backend-guide/", String::as_str);

    let files = read_chapter_dir(chapter_dir).unwrap_or_else(|e| {
        eprintln!("error: cannot read {}: {e}", chapter_dir.display());
        std::process::exit(1);
    });
    let chapters = build_chapters(&files).unwrap_or_else(|errors| {
        for error in errors {
            eprintln!("{error}");
        }
        std::process::exit(1);
    });

    std::fs::create_dir_all(out_dir.join("chapters")).expect("create the output folder");
    let home = page(
        HOME_TITLE,
        HOME_DESCRIPTION,
        base,
        css,
        &chapters,
        ("", &home_main(&chapters, false)),
    );
    std::fs::write(out_dir.join("index.html"), home).expect("write index.html");
    for (i, chapter) in chapters.iter().enumerate() {
        let body = chapter_main(&chapters, i, None);
        let title = chapter_title(chapter);
        let own = chapter_href(chapter.id, None);
        let html = page(&title, chapter.summary, base, css, &chapters, (&own, &body));
        let path = out_dir
            .join("chapters")
            .join(format!("{}.html", chapter.id));
        std::fs::write(&path, html).expect("write a chapter");
    }
    eprintln!(
        "reference_html: {} chapters and index.html in {}",
        chapters.len(),
        out_dir.display()
    );
}

fn page(
    title: &str,
    description: &str,
    base: &str,
    css: &str,
    chapters: &[Chapter],
    (current, main): (&str, &str),
) -> String {
    format!(
        r##"<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<meta name="description" content="{description}">
<meta name="color-scheme" content="light dark">
<meta name="theme-color" content="#1f54b0">
<base href="{base}">
<link rel="stylesheet" href="{css}">
<link rel="icon" href="data:,">
</head>
<body>
{frame}
</body>
</html>
"##,
        title = esc(title),
        description = esc(description),
        base = esc(base),
        css = esc(css),
        frame = site_frame(chapters, current, Controls::None, main),
    )
}
