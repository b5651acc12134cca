//! The benchmark's reference site (`scripts/bench.sh`): the guide's text as plain static HTML
//! with the app's stylesheet and no wasm, to compare the app's bytes and paint times against.
//!
//! ```sh
//! cargo run -p guide-content --features pipeline --example reference_html -- \
//!     content/chapters OUT_DIR STYLESHEET_HREF [PUBLIC_URL]
//! ```
//!
//! Writes `OUT_DIR/index.html` (the home page's text and the chapter list) and
//! `OUT_DIR/chapters/<id>.html` for every chapter, with the same class names as the app's views
//! so the same CSS applies. Links are relative to `<base href=PUBLIC_URL>` (default
//! `/backend-guide/`); a static server that maps `/x` to `/x.html` (as GitHub Pages does) serves it.

use std::fmt::Write as _;
use std::path::Path;

use guide_content::pipeline::{build_chapters, read_chapter_dir};
use guide_content::{callout_class, plain_text, Alignment, Block, Chapter, Inline, LinkTarget};

const DESCRIPTION: &str = "A free, interactive guide to backend development: what backend developers do, how the frontend and backend work together, the languages, frameworks and databases to learn, and how to start the career.";
const HOME_TITLE: &str = "The Backend Guide: what backend developers do, and how to become one";

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
        DESCRIPTION,
        base,
        css,
        &chapters,
        ("./", &home_body(&chapters)),
    );
    std::fs::write(out_dir.join("index.html"), home).expect("write index.html");
    for (i, chapter) in chapters.iter().enumerate() {
        let body = chapter_body(&chapters, i);
        let title = format!("{} · The Backend Guide", chapter.title);
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

/// The frame the app draws around every view (header, chapter list, main, footer), without
/// the interactive parts (menu button, theme picker, progress).
fn page(
    title: &str,
    description: &str,
    base: &str,
    css: &str,
    chapters: &[Chapter],
    (own_href, main): (&str, &str),
) -> String {
    let mut nav = String::new();
    for c in chapters {
        let _ = write!(
            nav,
            r#"<li><a href="{}">{}</a></li>"#,
            chapter_href(c.id, None),
            esc(c.title)
        );
    }
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
<a class="skip-link" href="{own_href}#main-content">Skip to content</a>
<header class="site-header"><a class="site-title" href="./"><span class="site-title__mark" aria-hidden="true">{{ }}</span>The Backend Guide</a></header>
<div class="site-body">
<nav id="site-nav" class="site-nav" aria-label="Chapters"><a class="site-nav__home" href="./">Home</a><ol class="site-nav__chapters">{nav}</ol></nav>
<main id="main-content" tabindex="-1">
{main}
</main>
</div>
<footer class="site-footer"><p>The Backend Guide runs entirely in your browser. Nothing you do here is sent anywhere.</p></footer>
</body>
</html>
"##,
        title = esc(title),
        description = esc(description),
        base = esc(base),
        css = esc(css),
    )
}

fn home_body(chapters: &[Chapter]) -> String {
    let minutes: u32 = chapters.iter().map(|c| c.reading_minutes).sum();
    let mut out = String::new();
    out.push_str(r#"<section class="hero" aria-labelledby="home-title"><h1 id="home-title" tabindex="-1">What does a backend developer actually do?</h1>"#);
    out.push_str(r#"<p class="hero__lead">Every app you use has a part you never see: the servers, code and databases that check your password, find the products you searched for and keep your data safe. This guide explains that hidden half in plain words. You will learn what backend developers build, how their work meets the frontend in every request, which languages, frameworks and databases they use, what the career looks like, and how to take your first steps. No background needed.</p>"#);
    let _ = write!(
        out,
        r#"<p class="hero__actions"><a class="button button--primary" href="{}">Start reading</a><span class="hero__meta">{} chapters · about {} minutes of reading</span></p></section>"#,
        chapter_href(chapters[0].id, None),
        chapters.len(),
        minutes
    );
    out.push_str(r#"<section class="chapters" aria-labelledby="chapters-title"><h2 id="chapters-title">Chapters</h2><ol class="chapter-list">"#);
    for (i, c) in chapters.iter().enumerate() {
        let _ = write!(
            out,
            r#"<li class="chapter-card"><h3 class="chapter-card__title"><a href="{}">{}</a></h3><p class="chapter-card__summary">{}</p><p class="chapter-card__meta">Chapter {} · {} min read</p></li>"#,
            chapter_href(c.id, None),
            esc(c.title),
            esc(c.summary),
            i + 1,
            c.reading_minutes
        );
    }
    out.push_str("</ol></section>");
    out
}

fn chapter_body(chapters: &[Chapter], index: usize) -> String {
    let chapter = &chapters[index];
    let mut out = String::new();
    let _ = write!(
        out,
        r#"<article class="chapter" aria-labelledby="chapter-title"><header class="chapter__header"><p class="chapter__meta">Chapter {} of {} · {} min read</p><h1 id="chapter-title" tabindex="-1">{}</h1><p class="chapter__summary">{}</p></header>"#,
        index + 1,
        chapters.len(),
        chapter.reading_minutes,
        esc(chapter.title),
        esc(chapter.summary)
    );
    out.push_str(r#"<nav class="toc" aria-label="On this page"><h2 class="toc__title">On this page</h2><ol>"#);
    for s in chapter.sections.iter().filter(|s| s.level == 2) {
        let _ = write!(
            out,
            r#"<li><a href="{}">{}</a></li>"#,
            chapter_href(chapter.id, Some(s.id)),
            esc(s.title)
        );
    }
    out.push_str("</ol></nav><div class=\"chapter__body\">");
    blocks(chapter.id, chapter.blocks, &mut out);
    out.push_str(r#"</div><nav class="pager" aria-label="Previous and next chapter">"#);
    let pager = |out: &mut String, c: &Chapter, dir: &str, rel: &str, label: &str| {
        let _ = write!(
            out,
            r#"<a class="pager__link pager__link--{dir}" href="{}" rel="{rel}"><span class="pager__direction">{label}</span><span class="pager__title">{}</span></a>"#,
            chapter_href(c.id, None),
            esc(c.title)
        );
    };
    if index > 0 {
        pager(
            &mut out,
            &chapters[index - 1],
            "previous",
            "prev",
            "Previous chapter",
        );
    }
    if let Some(next) = chapters.get(index + 1) {
        pager(&mut out, next, "next", "next", "Next chapter");
    }
    out.push_str("</nav></article>");
    out
}

fn blocks(chapter_id: &str, blocks: &[Block], out: &mut String) {
    for b in blocks {
        block(chapter_id, b, out);
    }
}

// A catch-all arm keeps this example compiling when the content model gains a block kind.
#[allow(unreachable_patterns)]
fn block(chapter_id: &str, block: &Block, out: &mut String) {
    match *block {
        Block::Heading { level, id, content } => {
            let level = if level == 3 { 3 } else { 2 };
            let _ = write!(out, r#"<h{level} id="{id}" tabindex="-1">"#);
            inlines(content, out);
            let _ = write!(
                out,
                r##" <a class="heading-anchor" href="{}" aria-label="Link to the section “{}”">#</a></h{level}>"##,
                chapter_href(chapter_id, Some(id)),
                esc(&plain_text(content))
            );
        }
        Block::Paragraph(content) => {
            out.push_str("<p>");
            inlines(content, out);
            out.push_str("</p>");
        }
        Block::List { start, items } => {
            match start {
                None => out.push_str("<ul>"),
                Some(n) => {
                    let _ = write!(out, r#"<ol start="{n}">"#);
                }
            }
            for item in items {
                out.push_str("<li>");
                blocks(chapter_id, item, out);
                out.push_str("</li>");
            }
            out.push_str(if start.is_none() { "</ul>" } else { "</ol>" });
        }
        Block::Code { language, code } => {
            let _ = write!(
                out,
                r#"<pre class="code" tabindex="0" aria-label="Code example ({})"><code class="language-{}">{}</code></pre>"#,
                esc(language),
                esc(language),
                esc(code)
            );
        }
        Block::Callout {
            label,
            blocks: body,
        } => {
            let _ = write!(
                out,
                r#"<div class="callout callout--{}" role="note" aria-label="{}"><p class="callout__label">{}</p>"#,
                callout_class(label),
                esc(label),
                esc(label)
            );
            blocks(chapter_id, body, out);
            out.push_str("</div>");
        }
        Block::Table {
            alignments,
            header,
            rows,
        } => {
            let align = |i: usize| match alignments.get(i) {
                Some(Alignment::Left) => r#" class="left""#,
                Some(Alignment::Center) => r#" class="center""#,
                Some(Alignment::Right) => r#" class="right""#,
                _ => "",
            };
            let caption: Vec<String> = header.iter().map(|c| plain_text(c)).collect();
            let _ = write!(
                out,
                r#"<div class="table-scroll" tabindex="0" role="region" aria-label="Table: {}"><table><thead><tr>"#,
                esc(&caption.join(", "))
            );
            for (i, cell) in header.iter().enumerate() {
                let _ = write!(out, r#"<th scope="col"{}>"#, align(i));
                inlines(cell, out);
                out.push_str("</th>");
            }
            out.push_str("</tr></thead><tbody>");
            for row in rows.iter() {
                out.push_str("<tr>");
                for (i, cell) in row.iter().enumerate() {
                    let _ = write!(out, "<td{}>", align(i));
                    inlines(cell, out);
                    out.push_str("</td>");
                }
                out.push_str("</tr>");
            }
            out.push_str("</tbody></table></div>");
        }
        Block::Rule => out.push_str("<hr>"),
        // Interactive parts exist only in the app: a note stands in for them.
        Block::Embed(embed) => {
            let _ = write!(
                out,
                r#"<div class="embed embed--{}"><p class="embed__more">The interactive {} is part of the app.</p></div>"#,
                embed.name(),
                embed.name()
            );
        }
        _ => {}
    }
}

fn inlines(content: &[Inline], out: &mut String) {
    for i in content {
        inline(i, out);
    }
}

#[allow(unreachable_patterns)]
fn inline(inline: &Inline, out: &mut String) {
    match *inline {
        Inline::Text(t) => out.push_str(&esc(t)),
        Inline::Emphasis(c) => {
            out.push_str("<em>");
            inlines(c, out);
            out.push_str("</em>");
        }
        Inline::Strong(c) => {
            out.push_str("<strong>");
            inlines(c, out);
            out.push_str("</strong>");
        }
        Inline::Code(code) => {
            let _ = write!(out, "<code>{}</code>", esc(code));
        }
        Inline::LineBreak => out.push_str("<br>"),
        Inline::Link {
            target: LinkTarget::External(url),
            content,
        } => {
            let _ = write!(
                out,
                r#"<a class="external" href="{}" rel="noopener">"#,
                esc(url)
            );
            inlines(content, out);
            out.push_str("</a>");
        }
        Inline::Link {
            target: LinkTarget::Chapter { chapter, section },
            content,
        } => {
            let _ = write!(out, r#"<a href="{}">"#, chapter_href(chapter, section));
            inlines(content, out);
            out.push_str("</a>");
        }
        _ => {}
    }
}

/// A chapter link relative to `<base href>`, as the app's `routes::href` builds it.
fn chapter_href(id: &str, section: Option<&str>) -> String {
    match section {
        Some(s) => format!("chapters/{id}#{s}"),
        None => format!("chapters/{id}"),
    }
}

fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            _ => out.push(c),
        }
    }
    out
}
