//! What the build writes as HTML that is not one of the app's views (those are prerendered by
//! the app's own components, `src/prerender.rs`):
//!
//! - [`chapter_body`]: a chapter's text as HTML, from the content model — the inside of the
//!   chapter view's `<div class="chapter__body">`, prerendered in the chapter's page and written
//!   as `chapter-bodies/<id>.html`, the only place the app gets chapter text from.
//! - [`prerender_into_shell`]: a rendered view put into the app shell Trunk wrote (title,
//!   description, `<div id="app">`, `<noscript>`).
//!
//! Links are relative to the document's `<base href>` (the site's public URL).

use std::fmt::Write as _;

use super::highlight::{self, Tok};
use super::terms::{Marker, Terms};
use crate::{callout_class, plain_text, Alignment, Block, Chapter, CodeNote, Inline, LinkTarget};

/// A chapter link relative to `<base href>` (the app's `routes::href` adds the base itself).
fn chapter_href(id: &str, section: Option<&str>) -> String {
    match section {
        Some(s) => format!("chapters/{id}#{s}"),
        None => format!("chapters/{id}"),
    }
}

/// The inside of a chapter's `<div class="chapter__body">`: its text as HTML. The app shows
/// exactly this (prerendered in the chapter's page, or fetched as `chapter-bodies/<id>.html`).
/// An embedded interactive part is a `<div data-embed="<name>">` holding a note and a link to
/// its own page, which the app replaces with the real thing. Glossary terms are marked as
/// `pipeline::terms` says (`Terms::default()` marks none).
pub fn chapter_body(chapter: &Chapter, terms: &Terms<'_>) -> String {
    let mut out = String::new();
    let mut ctx = Ctx {
        chapter_id: chapter.id,
        code_blocks: 0,
        marker: Marker::new(terms, chapter.id),
    };
    blocks(&mut ctx, chapter.blocks, &mut out);
    ctx.marker.definitions(&mut out);
    out
}

/// What writing a chapter's body keeps track of.
struct Ctx<'t, 'a> {
    chapter_id: &'a str,
    /// Code blocks written so far (their ids: `<chapter>-code-<n>`).
    code_blocks: usize,
    /// Glossary terms: which section the text is in, which terms it has marked.
    marker: Marker<'t, 'a>,
}

fn blocks<'a>(ctx: &mut Ctx<'_, 'a>, blocks: &'a [Block], out: &mut String) {
    for b in blocks {
        block(ctx, b, out);
    }
}

fn block<'a>(ctx: &mut Ctx<'_, 'a>, block: &'a Block, out: &mut String) {
    let chapter_id = ctx.chapter_id;
    match *block {
        Block::Heading { level, id, content } => {
            let level = if level == 3 { 3 } else { 2 };
            ctx.marker.heading(level, id);
            let _ = write!(out, r#"<h{level} id="{id}" tabindex="-1">"#);
            unmarked(ctx, content, out);
            let _ = write!(
                out,
                r##"<a class="heading-anchor" href="{}" aria-label="Link to the section “{}”">#</a></h{level}>"##,
                chapter_href(chapter_id, Some(id)),
                esc(&plain_text(content))
            );
        }
        Block::Paragraph(content) => {
            out.push_str("<p>");
            inlines(ctx, content, out);
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
                blocks(ctx, item, out);
                out.push_str("</li>");
            }
            out.push_str(if start.is_none() { "</ul>" } else { "</ol>" });
        }
        Block::Code {
            language,
            code,
            notes,
        } => {
            ctx.code_blocks += 1;
            let id = format!("{chapter_id}-code-{}", ctx.code_blocks);
            code_block(ctx, &id, language, code, notes, out);
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
            blocks(ctx, body, out);
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
            // On a phone each row becomes a card and each cell shows its column's name
            // (`data-label`, drawn by the stylesheet). (No explicit table roles: the Nu HTML
            // Checker rejects `role` on the cells of a table.)
            let _ = write!(
                out,
                r#"<div class="table-scroll" tabindex="0" role="region" aria-label="Table: {}"><table class="stacking"><thead><tr>"#,
                esc(&caption.join(", "))
            );
            for (i, cell) in header.iter().enumerate() {
                let _ = write!(out, r#"<th scope="col"{}>"#, align(i));
                unmarked(ctx, cell, out);
                out.push_str("</th>");
            }
            out.push_str("</tr></thead><tbody>");
            for row in rows.iter() {
                out.push_str("<tr>");
                for (i, cell) in row.iter().enumerate() {
                    let label = caption.get(i).map(String::as_str).unwrap_or("");
                    let _ = write!(out, r#"<td data-label="{}"{}>"#, esc(label), align(i));
                    inlines(ctx, cell, out);
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

/// A code block: a figure named by its language, a Copy button with its status (the app
/// copies the code's text without the parts marked `nocopy`: line-note numbers, a console's
/// prompts and output), the code highlighted line by line, and its line notes as a list the
/// numbers in the code link to.
fn code_block(
    ctx: &mut Ctx<'_, '_>,
    id: &str,
    language: &str,
    code: &str,
    notes: &[CodeNote],
    out: &mut String,
) {
    let label = highlight::label(language).unwrap_or(language);
    let _ = write!(
        out,
        r#"<figure class="code-block"><figcaption class="code-block__label" id="{id}-label">{}</figcaption><div class="code-block__actions"><span class="code-block__status" role="status"></span><button type="button" class="code-block__copy" aria-describedby="{id}-label">Copy</button></div><pre class="code" tabindex="0"><code class="language-{}">"#,
        esc(label),
        esc(language),
    );
    let lines = highlight::highlight(language, code);
    let last = lines.len().saturating_sub(1);
    for (index, line) in lines.iter().enumerate() {
        let newline = if index < last || code.ends_with('\n') {
            "\n"
        } else {
            ""
        };
        if matches!(line.first(), Some((Tok::Output, _))) {
            // An output line goes whole, its line break too, so that a copy skips it.
            let text: String = line.iter().map(|(_, t)| *t).collect();
            let _ = write!(
                out,
                r#"<span class="tok-out nocopy">{}{newline}</span>"#,
                esc(&text)
            );
            continue;
        }
        for (tok, text) in line {
            match tok.class() {
                Some(class) => {
                    let _ = write!(out, r#"<span class="{class}">{}</span>"#, esc(text));
                }
                None => out.push_str(&esc(text)),
            }
        }
        if let Some(n) = notes.iter().position(|note| note.line == index) {
            let n = n + 1;
            let _ = write!(
                out,
                r##"<a class="code-note-ref nocopy" href="#{id}-note-{n}" aria-label="Note {n}">{n}</a>"##
            );
        }
        out.push_str(newline);
    }
    out.push_str("</code></pre>");
    if !notes.is_empty() {
        let _ = write!(
            out,
            r#"<ol class="code-notes" aria-label="Notes on the {} example">"#,
            esc(label)
        );
        for (n, note) in notes.iter().enumerate() {
            let _ = write!(out, r#"<li id="{id}-note-{}">"#, n + 1);
            unmarked(ctx, note.text, out);
            out.push_str("</li>");
        }
        out.push_str("</ol>");
    }
    out.push_str("</figure>");
}

fn inlines(ctx: &mut Ctx<'_, '_>, content: &[Inline], out: &mut String) {
    for i in content {
        inline(ctx, i, out);
    }
}

/// Inlines where no glossary term is marked (headings, links, table headers, code notes).
fn unmarked(ctx: &mut Ctx<'_, '_>, content: &[Inline], out: &mut String) {
    let was = std::mem::replace(&mut ctx.marker.on, false);
    inlines(ctx, content, out);
    ctx.marker.on = was;
}

fn inline(ctx: &mut Ctx<'_, '_>, inline: &Inline, out: &mut String) {
    match *inline {
        Inline::Text(t) => ctx.marker.text(t, out),
        Inline::Emphasis(c) => {
            out.push_str("<em>");
            inlines(ctx, c, out);
            out.push_str("</em>");
        }
        Inline::Strong(c) => {
            out.push_str("<strong>");
            inlines(ctx, c, out);
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
            unmarked(ctx, content, out);
            out.push_str("</a>");
        }
        Inline::Link {
            target: LinkTarget::Chapter { chapter, section },
            content,
        } => {
            let _ = write!(out, r#"<a href="{}">"#, chapter_href(chapter, section));
            unmarked(ctx, content, out);
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
    // (Or a page prerendered before: the hook can run again over a built site.)
    let app_tag = [
        "<div id=app>",
        "<div id=\"app\">",
        "<div id=\"app\" data-prerendered>",
    ]
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
    // Leptos marks a view's dynamic places with `<!>`, which HTML parses as an empty comment
    // but calls a parse error ("bogus comment"): written as a proper empty comment instead.
    // (Text never holds a bare `<`: it is escaped.)
    html.replace_range(
        app_tag.0..app_end,
        &format!(
            r#"<div id="app" data-prerendered>{}"#,
            page.app.replace("<!>", "<!---->")
        ),
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
    fn the_views_markers_become_valid_comments() {
        let html =
            prerender_into_shell(MINIFIED, &page("<main><!><p>a &lt;!&gt;</p><!></main>")).unwrap();
        assert!(html.contains("<main><!----><p>a &lt;!&gt;</p><!----></main>"));
        assert!(!html.contains("<!>"));
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
    fn a_prerendered_page_can_be_prerendered_again() {
        let once = prerender_into_shell(MINIFIED, &page("<main>first</main>")).unwrap();
        let twice = prerender_into_shell(&once, &page("<main>second</main>")).unwrap();
        assert_eq!(twice, once.replace("first", "second"));
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

#[cfg(test)]
mod body_tests {
    use super::chapter_body;
    use crate::pipeline::build_chapters;
    use crate::pipeline::tests::chapter;

    /// The body of a one-chapter guide written as `markdown` (plus the required ending).
    fn body_of(markdown: &str) -> String {
        let chapters = build_chapters(&[chapter("a", 1, markdown)]).expect("valid content");
        let body = chapter_body(&chapters[0], &Default::default());
        // The required "Further reading" and "Key points" ending is not under test here.
        body[..body
            .find(r#"<h2 id="further-reading""#)
            .expect("the ending")]
            .to_string()
    }

    const MARKDOWN: &str = "Intro & 1 < 2.\n\n## First part {#first-part}\n\n> **Common myth:** Node.js is a *framework*.\n\n```sql\nSELECT 1 < 2;\n```\n\n| Left | Centre | Right | None |\n|:--|:-:|--:|---|\n| 1 | 2 | 3 | 4 |\n\n::diagram\n\n### Deeper {#deeper}\n\nSee [MDN](https://developer.mozilla.org/) and [part one](#first-part).\n\n1. one\n2. two\n";

    /// Each construct of a chapter, as the stylesheet and the app expect it (in order).
    const EXPECTED: [&str; 9] = [
        // Text is escaped.
        "<p>Intro &amp; 1 &lt; 2.</p>",
        // Headings: focusable (the router scrolls to them), with a self-link that names them.
        r#"<h2 id="first-part" tabindex="-1">First part<a class="heading-anchor" href="chapters/a#first-part" aria-label="Link to the section “First part”">#</a></h2>"#,
        // Callouts: a note with its label, styled by kind.
        r#"<div class="callout callout--common-myth" role="note" aria-label="Common myth"><p class="callout__label">Common myth</p><p>Node.js is a <em>framework</em>.</p></div>"#,
        // Code: a figure named by its language's label, a Copy button described by it with a
        // status beside it, the code scrollable by keyboard and highlighted.
        "<figure class=\"code-block\"><figcaption class=\"code-block__label\" id=\"a-code-1-label\">SQL</figcaption><div class=\"code-block__actions\"><span class=\"code-block__status\" role=\"status\"></span><button type=\"button\" class=\"code-block__copy\" aria-describedby=\"a-code-1-label\">Copy</button></div><pre class=\"code\" tabindex=\"0\"><code class=\"language-sql\"><span class=\"tok-kw\">SELECT</span> <span class=\"tok-num\">1</span> &lt; <span class=\"tok-num\">2</span>;\n</code></pre></figure>",
        // Tables: in a named, keyboard-scrollable region; column alignment as classes; each
        // cell labelled with its column (the cards on a phone).
        r#"<div class="table-scroll" tabindex="0" role="region" aria-label="Table: Left, Centre, Right, None"><table class="stacking"><thead><tr><th scope="col" class="left">Left</th><th scope="col" class="center">Centre</th><th scope="col" class="right">Right</th><th scope="col">None</th></tr></thead><tbody><tr><td data-label="Left" class="left">1</td><td data-label="Centre" class="center">2</td><td data-label="Right" class="right">3</td><td data-label="None">4</td></tr></tbody></table></div>"#,
        // The diagram's place: a note and a link until the app draws it there.
        r#"<div class="embed embed--diagram" data-embed="diagram"><p class="embed__more">The interactive diagram appears here once the app has loaded. <a href="diagram">Open the diagram on its own page</a></p></div>"#,
        r#"<h3 id="deeper" tabindex="-1">Deeper<a class="heading-anchor" href="chapters/a#deeper" aria-label="Link to the section “Deeper”">#</a></h3>"#,
        // Links: other sites marked external; sections relative to the base.
        r#"<p>See <a class="external" href="https://developer.mozilla.org/" rel="noopener">MDN</a> and <a href="chapters/a#first-part">part one</a>.</p>"#,
        r#"<ol start="1"><li><p>one</p></li><li><p>two</p></li></ol>"#,
    ];

    #[test]
    fn every_construct_of_a_chapter_becomes_the_markup_the_app_and_stylesheet_expect() {
        let body = body_of(MARKDOWN);
        let mut rest = body.as_str();
        for part in EXPECTED {
            assert!(
                rest.starts_with(part),
                "expected\n  {part}\nbut the body continues\n  {}",
                &rest[..rest.len().min(part.len() + 40)]
            );
            rest = &rest[part.len()..];
        }
        assert_eq!(rest, "", "nothing else in the body");
    }

    /// The `<code>` of the body's only code block.
    fn code_of(body: &str) -> &str {
        let start = body.find("<code class=").expect("a code block");
        let start = start + body[start..].find('>').expect("tag end") + 1;
        &body[start..start + body[start..].find("</code>").expect("code end")]
    }

    #[test]
    fn line_notes_link_each_marked_line_to_its_note_and_leave_the_code_clean() {
        let body = body_of(
            "```http\nGET /orders/1043 HTTP/1.1 <1>\nHost: shop.example\nAccept: text/html  <2>\n```\n\n1. The *request line*.\n2. What the browser can read.\n",
        );
        let id = "a-code-1";
        assert_eq!(
            code_of(&body),
            format!(
                concat!(
                    r#"<span class="tok-kw">GET</span> /orders/1043 <span class="tok-meta">HTTP/1.1</span>"#,
                    r##"<a class="code-note-ref nocopy" href="#{id}-note-1" aria-label="Note 1">1</a>"##,
                    "\n",
                    r#"<span class="tok-key">Host</span>: shop.example"#,
                    "\n",
                    r#"<span class="tok-key">Accept</span>: text/html"#,
                    r##"<a class="code-note-ref nocopy" href="#{id}-note-2" aria-label="Note 2">2</a>"##,
                    "\n"
                ),
                id = id
            )
        );
        assert!(body.ends_with(&format!(
            r#"</code></pre><ol class="code-notes" aria-label="Notes on the HTTP example"><li id="{id}-note-1">The <em>request line</em>.</li><li id="{id}-note-2">What the browser can read.</li></ol></figure>"#
        )));
        // The list became the notes: no second list.
        assert_eq!(body.matches("<ol").count(), 1);
    }

    #[test]
    fn a_console_marks_its_prompts_and_output_so_that_copying_takes_only_the_commands() {
        let body =
            body_of("```console\n$ curl -i \\\n    http://x/\nHTTP/1.1 200 OK\n\n$ ls\n```\n");
        assert_eq!(
            code_of(&body),
            concat!(
                r#"<span class="tok-prompt nocopy">$ </span>curl -i \"#,
                "\n    http://x/\n",
                "<span class=\"tok-out nocopy\">HTTP/1.1 200 OK\n</span>",
                "<span class=\"tok-out nocopy\">\n</span>",
                r#"<span class="tok-prompt nocopy">$ </span>ls"#,
                "\n"
            )
        );
        assert!(body.contains(
            r#"<figcaption class="code-block__label" id="a-code-1-label">Console</figcaption>"#
        ));
    }

    #[test]
    fn code_blocks_get_ids_of_their_own() {
        let body =
            body_of("```json\n{}\n```\n\n> **Example:** Inside.\n>\n> ```python\n> pass\n> ```\n");
        assert!(body.contains(r#"id="a-code-1-label">JSON<"#), "{body}");
        assert!(body.contains(r#"id="a-code-2-label">Python<"#), "{body}");
        assert!(
            body.contains(r#"<span class="tok-kw">pass</span>"#),
            "{body}"
        );
    }
}
