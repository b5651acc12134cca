//! Prerenders the home page and every chapter page into the built site (the Trunk post-build
//! hook runs it on the staged files):
//!
//! ```sh
//! cargo run -p guide-content --features pipeline --example prerender -- SITE_DIR [CONTENT_DIR]
//! ```
//!
//! Reads `SITE_DIR/index.html` (the app shell Trunk wrote) and writes `SITE_DIR/index.html`
//! (the home page) and `SITE_DIR/chapters/<id>.html` with the view's text in place of the
//! loading screen, its title and description; and `SITE_DIR/chapter-bodies/<id>.html`, each
//! chapter's body alone, which the app fetches when it opens a chapter (the wasm holds no
//! chapter text). The browser paints the text at once; the app
//! mounts over it with the same markup when the wasm has loaded. The shell itself must be
//! copied elsewhere first (the hook keeps it as `404.html`, for every other route).

use std::path::Path;

use guide_content::pipeline::html::{
    chapter_body, chapter_href, chapter_main, chapter_title, home_main, prerender_into_shell,
    site_frame, Controls, Prerendered, HOME_DESCRIPTION, HOME_TITLE,
};
use guide_content::pipeline::{build_chapters, build_quiz, read_chapter_dir, read_quiz_dir};

const NOSCRIPT: &str = "You can read the guide without JavaScript; the interactive diagram, the quizzes and saving your progress need it.";

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.is_empty() || args.len() > 2 {
        eprintln!("usage: prerender SITE_DIR [CONTENT_DIR]  (see the file's docs)");
        std::process::exit(2);
    }
    let site = Path::new(&args[0]);
    let content = Path::new(args.get(1).map_or("content", String::as_str));
    let fail = |message: String| -> ! {
        eprintln!("prerender: {message}");
        std::process::exit(1);
    };

    let files = read_chapter_dir(&content.join("chapters"))
        .unwrap_or_else(|e| fail(format!("cannot read the chapters: {e}")));
    let chapters = build_chapters(&files)
        .unwrap_or_else(|errors| fail(errors.iter().map(|e| format!("{e}\n")).collect()));
    let quiz_files = read_quiz_dir(&content.join("quiz"))
        .unwrap_or_else(|e| fail(format!("cannot read the quiz: {e}")));
    let questions = build_quiz(&quiz_files, &chapters)
        .unwrap_or_else(|errors| fail(errors.iter().map(|e| format!("{e}\n")).collect()));
    let shell_path = site.join("index.html");
    let shell = std::fs::read_to_string(&shell_path)
        .unwrap_or_else(|e| fail(format!("cannot read {}: {e}", shell_path.display())));

    let write = |path: &Path, title: &str, description: &str, app: String| {
        let page = Prerendered {
            title,
            description,
            app: &app,
            noscript: NOSCRIPT,
        };
        let html = prerender_into_shell(&shell, &page)
            .unwrap_or_else(|e| fail(format!("{}: {e}", shell_path.display())));
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)
                .unwrap_or_else(|e| fail(format!("cannot create {}: {e}", dir.display())));
        }
        std::fs::write(path, html)
            .unwrap_or_else(|e| fail(format!("cannot write {}: {e}", path.display())));
    };

    let bodies = site.join("chapter-bodies");
    std::fs::create_dir_all(&bodies)
        .unwrap_or_else(|e| fail(format!("cannot create {}: {e}", bodies.display())));
    let home = site_frame(
        &chapters,
        "",
        Controls::Placeholders,
        &home_main(&chapters, true),
    );
    write(&shell_path, HOME_TITLE, HOME_DESCRIPTION, home);
    for (i, chapter) in chapters.iter().enumerate() {
        let count = questions.iter().filter(|q| q.chapter == chapter.id).count();
        let main = chapter_main(&chapters, i, Some(count));
        let href = chapter_href(chapter.id, None);
        let app = site_frame(&chapters, &href, Controls::Placeholders, &main);
        let path = site.join("chapters").join(format!("{}.html", chapter.id));
        write(&path, &chapter_title(chapter), chapter.summary, app);
        let body = bodies.join(format!("{}.html", chapter.id));
        std::fs::write(&body, chapter_body(chapter))
            .unwrap_or_else(|e| fail(format!("cannot write {}: {e}", body.display())));
    }
    eprintln!(
        "prerender: index.html, {} chapter pages and their bodies in {}",
        chapters.len(),
        site.display()
    );
}
