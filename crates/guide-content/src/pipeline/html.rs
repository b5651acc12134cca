//! The guide's pages as static HTML, from the content model, with the same elements, classes
//! and ids as the app's views (`src/ui/layout.rs`, `src/pages/home.rs`, `src/pages/chapter.rs`,
//! `src/render.rs`), so the same stylesheet lays both out the same way.
//!
//! Two users: the Trunk post-build hook (`examples/prerender.rs`) prerenders the home page and
//! every chapter page into the app's shell — the text is painted before the wasm has loaded,
//! and readable without it; the app then mounts over it with the same markup — and writes each
//! chapter's body as `chapter-bodies/<id>.html`, the only place the app gets chapter text from.
//! And the benchmark's no-wasm reference site (`examples/reference_html.rs`).
//!
//! Links are relative to the document's `<base href>` (the site's public URL).

use std::fmt::Write as _;

use crate::{callout_class, plain_text, Alignment, Block, Chapter, Inline, LinkTarget};

/// The site's name, as the app's `PageMeta` puts it in titles.
pub const SITE_NAME: &str = "The Backend Guide";
/// The home page's `<title>`.
pub const HOME_TITLE: &str = "The Backend Guide: what backend developers do, and how to become one";
/// The home page's meta description (the app's `HomePage` sets the same).
pub const HOME_DESCRIPTION: &str = "A free, interactive guide to backend development: what backend developers do, how the frontend and backend work together, the languages, frameworks and databases to learn, and how to start the career.";

/// Whether the frame carries the app's controls (menu button, theme picker, quiz and progress
/// links) — inert until the wasm starts, there so nothing moves when it does — or leaves them
/// out (the reference site, which has no app).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Controls {
    Placeholders,
    None,
}

/// The `<title>` of a chapter page.
pub fn chapter_title(chapter: &Chapter) -> String {
    format!("{} · {SITE_NAME}", chapter.title)
}

/// A chapter link relative to `<base href>`, as the app's `routes::href` builds it.
pub fn chapter_href(id: &str, section: Option<&str>) -> String {
    match section {
        Some(s) => format!("chapters/{id}#{s}"),
        None => format!("chapters/{id}"),
    }
}

/// The frame the app's `Layout` draws around every view: skip link, header, chapter
/// navigation, `<main>` holding `main`, footer. `current` is the href of the page shown (its
/// navigation link gets `aria-current="page"`); `""` is the home page.
pub fn site_frame(chapters: &[Chapter], current: &str, controls: Controls, main: &str) -> String {
    let aria_current = |href: &str| {
        if href == current {
            r#" aria-current="page""#
        } else {
            ""
        }
    };
    let home = if current.is_empty() { "./" } else { current };
    let mut out = String::new();
    let _ = write!(
        out,
        r#"<a class="skip-link" href="{home}#main-content">Skip to content</a><header class="site-header"><a class="site-title" href="./"><span class="site-title__mark" aria-hidden="true">{{ }}</span>{SITE_NAME}</a>"#
    );
    if controls == Controls::Placeholders {
        out.push_str(concat!(
            r#"<button class="menu-button" type="button" aria-controls="site-nav" aria-expanded="false">Chapters</button>"#,
            r#"<span class="saved-indicator" aria-hidden="true">✓ Saved</span>"#,
            r#"<a class="quiz-link wide-only" href="quiz">Quiz</a>"#,
            r#"<a class="progress-link" href="progress"><span class="wide-only">Your progress</span><span class="narrow-only">Progress</span></a>"#,
            r#"<div class="theme-picker"><label for="theme-select">Theme</label><select id="theme-select">"#,
            r#"<option value="system" selected>System</option><option value="light">Light</option><option value="dark">Dark</option></select></div>"#,
        ));
    }
    let _ = write!(
        out,
        r#"</header><div class="site-body"><nav id="site-nav" class="site-nav" aria-label="Chapters"><a class="site-nav__home" href="./"{}>Home</a><ol class="site-nav__chapters">"#,
        aria_current("")
    );
    for c in chapters {
        let href = chapter_href(c.id, None);
        let _ = write!(
            out,
            r#"<li data-state="not-started"><a href="{href}"{}>{}</a></li>"#,
            aria_current(&href),
            esc(c.title)
        );
    }
    out.push_str("</ol>");
    if controls == Controls::Placeholders {
        out.push_str(concat!(
            r#"<ul class="site-nav__extras"><li><a href="diagram">Interactive diagram</a></li>"#,
            r#"<li><a href="quiz">Quiz yourself</a></li><li><a href="progress">Your progress</a></li></ul>"#,
        ));
    }
    let _ = write!(
        out,
        r#"</nav><main id="main-content" tabindex="-1">{main}</main></div><footer class="site-footer"><p>{SITE_NAME} runs entirely in your browser. Nothing you do here is sent anywhere.</p></footer>"#
    );
    out
}

/// The home page's `<main>`, as a first-time reader sees it (no "Continue where you left off",
/// no review status). `with_app_links` adds the links to the diagram and the quizzes.
pub fn home_main(chapters: &[Chapter], with_app_links: bool) -> String {
    let minutes: u32 = chapters.iter().map(|c| c.reading_minutes).sum();
    let mut out = String::new();
    out.push_str(r#"<section class="hero" aria-labelledby="home-title"><h1 id="home-title" tabindex="-1">What does a backend developer actually do?</h1>"#);
    out.push_str(r#"<p class="hero__lead">Every app you use has a part you never see: the servers, code and databases that check your password, find the products you searched for and keep your data safe. This guide explains that hidden half in plain words. You will learn what backend developers build, how their work meets the frontend in every request, which languages, frameworks and databases they use, what the career looks like, and how to take your first steps. No background needed.</p>"#);
    let _ = write!(
        out,
        r#"<p class="hero__actions"><a class="button button--primary" href="{}">Start reading</a>"#,
        chapter_href(chapters[0].id, None),
    );
    if with_app_links {
        out.push_str(r#"<a class="button" href="diagram">Explore the interactive diagram</a>"#);
    }
    let _ = write!(
        out,
        r#"<span class="hero__meta">{} chapters · about {minutes} minutes of reading</span></p></section>"#,
        chapters.len(),
    );
    out.push_str(r#"<section class="chapters" aria-labelledby="chapters-title"><h2 id="chapters-title">Chapters</h2><ol class="chapter-list">"#);
    for (i, c) in chapters.iter().enumerate() {
        let _ = write!(
            out,
            r#"<li class="chapter-card" data-state="not-started"><h3 class="chapter-card__title"><a href="{}">{}</a></h3><p class="chapter-card__summary">{}</p><p class="chapter-card__meta">Chapter {} · {} min read</p></li>"#,
            chapter_href(c.id, None),
            esc(c.title),
            esc(c.summary),
            i + 1,
            c.reading_minutes
        );
    }
    out.push_str("</ol></section>");
    if with_app_links {
        out.push_str(concat!(
            r#"<section class="home-quiz" aria-labelledby="home-quiz-title"><h2 id="home-quiz-title">Quiz yourself</h2>"#,
            r#"<p>A short quiz for each chapter and one for the whole guide, with an explanation for every answer. "#,
            r#"<a href="quiz">See all quizzes</a></p></section>"#,
        ));
    }
    out
}

/// A chapter page's `<main>`: header, contents, body, and the previous/next links. With
/// `quiz_questions`, also the chapter's end as a first-time reader sees it (not read yet, the
/// read toggle, "Test yourself").
pub fn chapter_main(chapters: &[Chapter], index: usize, quiz_questions: Option<usize>) -> String {
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
    let _ = write!(
        out,
        r#"</ol></nav><div class="chapter__body" data-chapter="{}">{}</div>"#,
        chapter.id,
        chapter_body(chapter)
    );
    if let Some(questions) = quiz_questions {
        let _ = write!(
            out,
            concat!(
                r#"<section class="chapter__end" aria-label="Your progress in this chapter">"#,
                r#"<p class="chapter__end-status" aria-live="polite">Reach the end or use the button to mark this chapter as read.</p>"#,
                r#"<button type="button" class="button read-toggle" aria-pressed="false">Mark as read</button>"#,
                r#"<p class="chapter__quiz"><a class="button button--primary" href="quiz/{}">Test yourself: {} questions on this chapter</a></p></section>"#,
            ),
            chapter.id, questions
        );
    }
    out.push_str(r#"<nav class="pager" aria-label="Previous and next chapter">"#);
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

/// The inside of a chapter's `<div class="chapter__body">`: its text as HTML. The app shows
/// exactly this (prerendered in the chapter's page, or fetched as `chapter-bodies/<id>.html`).
/// An embedded interactive part is a `<div data-embed="<name>">` holding a note and a link to
/// its own page, which the app replaces with the real thing.
pub fn chapter_body(chapter: &Chapter) -> String {
    let mut out = String::new();
    blocks(chapter.id, chapter.blocks, &mut out);
    out
}

fn blocks(chapter_id: &str, blocks: &[Block], out: &mut String) {
    for b in blocks {
        block(chapter_id, b, out);
    }
}

fn block(chapter_id: &str, block: &Block, out: &mut String) {
    match *block {
        Block::Heading { level, id, content } => {
            let level = if level == 3 { 3 } else { 2 };
            let _ = write!(out, r#"<h{level} id="{id}" tabindex="-1">"#);
            inlines(content, out);
            let _ = write!(
                out,
                r##"<a class="heading-anchor" href="{}" aria-label="Link to the section “{}”">#</a></h{level}>"##,
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
        // The interactive parts are drawn by the app; until then (or without it) a note and
        // the link to their own page stand in for them.
        Block::Embed(embed) => {
            let name = embed.name();
            let _ = write!(
                out,
                r#"<div class="embed embed--{name}" data-embed="{name}"><p class="embed__more">The interactive {name} appears here once the app has loaded. <a href="{name}">Open the {name} on its own page</a></p></div>"#,
            );
        }
    }
}

fn inlines(content: &[Inline], out: &mut String) {
    for i in content {
        inline(i, out);
    }
}

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
    }
}

/// Escapes text for HTML element content and double-quoted attribute values.
pub fn esc(text: &str) -> String {
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

/// What a prerendered page holds instead of the shell's loading screen.
pub struct Prerendered<'a> {
    pub title: &'a str,
    pub description: &'a str,
    /// The inside of `<div id="app">`.
    pub app: &'a str,
    /// The `<noscript>` message.
    pub noscript: &'a str,
}

/// Puts a prerendered view into the built app shell (`index.html` as Trunk wrote it, minified
/// or not): the `<title>`, the meta description, the inside of `<div id="app">` (which gets
/// `data-prerendered`, removed by the app when it mounts) and the `<noscript>` text. Fails when
/// the shell does not have the expected shape, rather than writing a broken page.
pub fn prerender_into_shell(shell: &str, page: &Prerendered<'_>) -> Result<String, String> {
    let mut html = shell.to_string();
    replace_between(&mut html, "<title>", "</title>", &esc(page.title))?;
    // The description tag, whatever the attribute order and quoting after minifying.
    let meta_start = ["name=description", "name=\"description\""]
        .iter()
        .find_map(|needle| html.find(needle))
        .and_then(|at| html[..at].rfind("<meta"))
        .ok_or("the shell has no <meta name=description>")?;
    let meta_end = meta_start
        + html[meta_start..]
            .find('>')
            .ok_or("the description tag is not closed")?
        + 1;
    html.replace_range(
        meta_start..meta_end,
        &format!(
            r#"<meta name="description" content="{}">"#,
            esc(page.description)
        ),
    );
    // <div id="app">…</div>, which the shell follows with <noscript>.
    let app_tag = ["<div id=app>", "<div id=\"app\">"]
        .iter()
        .find_map(|tag| html.find(tag).map(|at| (at, tag.len())))
        .ok_or("the shell has no <div id=\"app\">")?;
    let noscript = html[app_tag.0..]
        .find("<noscript>")
        .map(|at| app_tag.0 + at)
        .ok_or("the shell has no <noscript> after <div id=\"app\">")?;
    let app_end = html[..noscript]
        .rfind("</div>")
        .filter(|&at| at > app_tag.0)
        .ok_or("<div id=\"app\"> is not closed before <noscript>")?;
    html.replace_range(
        app_tag.0..app_end,
        &format!(r#"<div id="app" data-prerendered>{}"#, page.app),
    );
    let noscript_start = html
        .find("<noscript>")
        .ok_or("the shell has no <noscript>")?;
    let content_start = noscript_start + "<noscript>".len();
    let content_end = content_start
        + html[content_start..]
            .find("</noscript>")
            .ok_or("<noscript> is not closed")?;
    html.replace_range(
        content_start..content_end,
        &format!(r#"<p class="noscript">{}</p>"#, esc(page.noscript)),
    );
    Ok(html)
}

fn replace_between(html: &mut String, open: &str, close: &str, with: &str) -> Result<(), String> {
    let start = html
        .find(open)
        .map(|at| at + open.len())
        .ok_or_else(|| format!("the shell has no {open}"))?;
    let end = start
        + html[start..]
            .find(close)
            .ok_or_else(|| format!("{open} is not closed"))?;
    html.replace_range(start..end, with);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const MINIFIED: &str = r#"<!doctype html><html lang=en><meta charset=utf-8><title>Old</title><meta content="Old text" name=description><base href=/b/><body><div id=app><header class=site-header>x</header><main class=app-loading id=main-content><p>Loading the guide…</p></main></div><noscript><p class=noscript>Turn on JS.</p></noscript><div id=fatal-error hidden></div></body>"#;

    fn page<'a>(app: &'a str) -> Prerendered<'a> {
        Prerendered {
            title: "Databases · The Backend Guide",
            description: "Where data lives & why",
            app,
            noscript: "Read on; the quiz needs JavaScript.",
        }
    }

    #[test]
    fn the_view_replaces_the_loading_screen_and_the_metadata() {
        let html =
            prerender_into_shell(MINIFIED, &page("<main><h1>Databases</h1></main>")).unwrap();
        assert!(html.contains("<title>Databases · The Backend Guide</title>"));
        assert!(html.contains(r#"<meta name="description" content="Where data lives &amp; why">"#));
        assert!(!html.contains("Old"));
        assert!(html.contains(
            r#"<div id="app" data-prerendered><main><h1>Databases</h1></main></div><noscript><p class="noscript">Read on; the quiz needs JavaScript.</p></noscript>"#
        ));
        assert!(!html.contains("Loading the guide"));
        // What follows the app is untouched.
        assert!(html.ends_with(r#"<div id=fatal-error hidden></div></body>"#));
    }

    #[test]
    fn an_unminified_shell_works_too() {
        let shell = MINIFIED
            .replace("<div id=app>", "<div id=\"app\">\n  ")
            .replace(
                r#"<meta content="Old text" name=description>"#,
                "<meta name=\"description\" content=\"Old text\">",
            )
            .replace("</main></div>", "</main>\n</div>\n");
        let html = prerender_into_shell(&shell, &page("<main>new</main>")).unwrap();
        assert!(
            html.contains("<div id=\"app\" data-prerendered><main>new</main></div>\n<noscript>")
        );
    }

    #[test]
    fn a_shell_of_another_shape_is_an_error_not_a_broken_page() {
        for broken in [
            MINIFIED.replace("<div id=app>", "<div id=root>"),
            MINIFIED.replace("<noscript>", "<aside>"),
            MINIFIED.replace("name=description", "name=keywords"),
            MINIFIED.replace("<title>Old</title>", ""),
        ] {
            assert!(
                prerender_into_shell(&broken, &page("x")).is_err(),
                "{broken}"
            );
        }
    }

    #[test]
    fn text_is_escaped() {
        assert_eq!(
            esc(r#"<a href="x">&</a>"#),
            "&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;"
        );
    }
}
