//! The Trunk post-build hook's prerenderer: every route of the site rendered by the app's own
//! components (`backend_guide::prerender`, feature `ssr`) into the app shell Trunk wrote.
//!
//! ```sh
//! cargo run --no-default-features --features ssr --bin prerender -- SITE_DIR CONTENT_DIR PUBLIC_URL
//! ```
//!
//! Reads `SITE_DIR/index.html` (the shell: a loading screen in `<div id="app">`) and writes, for
//! every page of `routes::every_page()`, `index.html` or `<path>.html` (GitHub Pages serves `/x`
//! from `x.html`), and `404.html` ("Page not found", which GitHub Pages sends for any other
//! path, with status 404). Each holds the view's HTML, title and description; the browser
//! paints it at once, and the app mounts over it when the wasm has loaded. Also writes
//! `chapter-bodies/<id>.html`, each chapter's body alone, which the app fetches when it opens a
//! chapter (the wasm holds no chapter text), `chapter-bodies/_glossary.html`, the `/glossary`
//! page's body, fetched the same way, `search-index.json`, which the app fetches when a reader
//! first searches, `data/quiz-<hash>.txt`, the question bank's texts, which the quiz pages
//! fetch (the wasm holds only each question's id and shape), and `data/diagram-<hash>.txt`, the
//! diagram's texts, which the diagram page and a chapter's diagram fetch (the wasm holds only
//! the diagram's index).

use std::path::{Path, PathBuf};

use backend_guide::prerender::{render, set_up, RenderedPage};
use backend_guide::routes::every_page;
use guide_content::pipeline::html::{chapter_body, prerender_into_shell, Prerendered};
use guide_content::pipeline::terms::{glossary_body, Terms};

/// What a page says to a reader without JavaScript (below the page).
fn noscript_for(path: &str) -> &'static str {
    match path {
        "/progress" => "This page shows the progress saved in this browser, and it needs JavaScript to read it: turn JavaScript on to see yours.",
        _ => "You can read the guide without JavaScript; the interactive diagram, the quizzes and saving your progress need it.",
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [site, content, public_url] = args.as_slice() else {
        eprintln!("usage: prerender SITE_DIR CONTENT_DIR PUBLIC_URL  (see the file's docs)");
        std::process::exit(2);
    };
    let site = Path::new(site);
    let guide = guide_content::pipeline::load(Path::new(content))
        .unwrap_or_else(|errors| fail(errors.iter().map(|e| format!("{e}\n")).collect()));
    let shell_path = site.join("index.html");
    let shell = std::fs::read_to_string(&shell_path)
        .unwrap_or_else(|e| fail(format!("cannot read {}: {e}", shell_path.display())));

    let terms = Terms::new(&guide.glossary, &guide.chapters);
    let mut bodies = Vec::new();
    for chapter in &guide.chapters {
        let html = chapter_body(chapter, &terms);
        write(
            &site.join(format!("chapter-bodies/{}.html", chapter.id)),
            &html,
        );
        let app_chapter = backend_guide::content::chapter(chapter.id)
            .unwrap_or_else(|| fail(format!("the app has no chapter {}", chapter.id)));
        bodies.push((app_chapter, html));
    }
    set_up(public_url, bodies);
    let index = guide_content::pipeline::search::index_file(&guide);
    write(
        &site.join(guide_content::search::INDEX_FILE),
        &guide_content::pipeline::search::to_json(&index),
    );
    write_question_bank(site);
    write_diagram_texts(site);
    let glossary = glossary_body(&guide.glossary, &guide.chapters);
    write(&site.join("chapter-bodies/_glossary.html"), &glossary);
    backend_guide::pages::glossary::remember(glossary);

    let pages = every_page();
    for page in &pages {
        let path = page.path();
        write_page(
            &shell,
            &site.join(file_for(&path)),
            &render(&path),
            noscript_for(&path),
        );
    }
    let not_found = render("/404");
    write_page(
        &shell,
        &site.join("404.html"),
        &not_found,
        noscript_for("/404"),
    );
    eprintln!(
        "prerender: {} pages, 404.html and {} chapter bodies in {}",
        pages.len(),
        guide.chapters.len(),
        site.display()
    );
}

/// The question bank's texts (`data/quiz-<hash>.txt`), which the quiz pages fetch: the name
/// is the one the wasm was built with (`quiz::BANK_FILE`, from the same content).
fn write_question_bank(site: &Path) {
    use guide_content::quiz::bank::{encode, file_name};
    let bank = backend_guide::quiz::bank().unwrap_or_else(|| fail("no question bank".into()));
    let text = encode(bank).unwrap_or_else(|e| fail(format!("the question bank: {e}")));
    write_data_file(
        site,
        "the question bank",
        &file_name(&text),
        backend_guide::quiz::BANK_FILE,
        &text,
    );
}

/// The diagram's texts (`data/diagram-<hash>.txt`), which the diagram's views fetch: the name is
/// the one the wasm was built with (`diagram::TEXTS_FILE`, from the same content).
fn write_diagram_texts(site: &Path) {
    use guide_content::diagram::texts::{encode, file_name};
    let diagram = backend_guide::diagram::texts::get().unwrap_or_else(|| fail("no diagram".into()));
    let text = encode(diagram).unwrap_or_else(|e| fail(e));
    write_data_file(
        site,
        "the diagram's texts",
        &file_name(&text),
        backend_guide::diagram::TEXTS_FILE,
        &text,
    );
}

/// A data file at `name`, which must be the name the app expects.
fn write_data_file(site: &Path, what: &str, name: &str, expected: &str, text: &str) {
    if name != expected {
        fail(format!(
            "{what}: the file is {name}, the app expects {expected}"
        ));
    }
    write(&site.join(name), text);
}

/// The file GitHub Pages serves for a path: `/` → `index.html`, `/quiz/apis` → `quiz/apis.html`.
fn file_for(path: &str) -> PathBuf {
    match path.trim_start_matches('/') {
        "" => PathBuf::from("index.html"),
        rest => PathBuf::from(format!("{rest}.html")),
    }
}

fn write_page(shell: &str, path: &Path, page: &RenderedPage, noscript: &str) {
    if page.title.is_empty() || page.description.is_empty() {
        fail(format!(
            "{}: the view set no title or description",
            path.display()
        ));
    }
    let html = prerender_into_shell(
        shell,
        &Prerendered {
            title: &page.title,
            description: &page.description,
            app: &page.app,
            noscript,
        },
    )
    .unwrap_or_else(|e| fail(format!("the shell: {e}")));
    write(path, &html);
}

fn write(path: &Path, text: &str) {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)
            .unwrap_or_else(|e| fail(format!("cannot create {}: {e}", dir.display())));
    }
    std::fs::write(path, text)
        .unwrap_or_else(|e| fail(format!("cannot write {}: {e}", path.display())));
}

fn fail(message: String) -> ! {
    eprintln!("prerender: {message}");
    std::process::exit(1);
}
