//! One chapter file → a [`ParsedChapter`]: front matter + Markdown body as content-model blocks.

use pulldown_cmark::{CodeBlockKind, Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use serde::Deserialize;

use super::{highlight, is_kebab_id, leak, leak_str, rules, ContentError, SourceFile};
use crate::{
    plain_text, reading_minutes, Alignment, Block, Chapter, CodeNote, Embed, Inline, LinkTarget,
    Section,
};

/// A chapter plus what can only be checked once every chapter is known.
#[derive(Debug)]
pub(super) struct ParsedChapter {
    pub file: String,
    pub chapter: Chapter,
    /// Internal links with the line they were written on.
    pub links: Vec<(LinkTarget, usize)>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FrontMatter {
    id: String,
    title: String,
    summary: String,
    order: u32,
}

pub(super) fn parse_chapter(file: &SourceFile) -> Result<ParsedChapter, Vec<ContentError>> {
    let error = |line: Option<usize>, message: String| ContentError {
        file: file.path.clone(),
        line,
        message,
    };
    let (front, body, body_first_line) =
        split_front_matter(&file.text).map_err(|m| vec![error(Some(1), m)])?;
    let front: FrontMatter = toml::from_str(front).map_err(|e| {
        vec![error(
            Some(2),
            format!("invalid front matter: {}", e.message()),
        )]
    })?;

    let mut errors = Vec::new();
    if !is_kebab_id(&front.id) {
        errors.push(error(
            Some(2),
            format!("id `{}` must be lowercase-kebab (a-z, 0-9, -)", front.id),
        ));
    }
    let stem = std::path::Path::new(&file.path)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    if stem != front.id {
        errors.push(error(
            Some(2),
            format!("id `{}` must match the file name `{stem}.md`", front.id),
        ));
    }
    for (field, value) in [("title", &front.title), ("summary", &front.summary)] {
        if value.trim().is_empty() {
            errors.push(error(Some(2), format!("front matter `{field}` is empty")));
        }
    }

    let mut body_parser = BodyParser::new(&front.id, body, body_first_line);
    body_parser.run();
    errors.extend(
        body_parser
            .errors
            .into_iter()
            .map(|(line, message)| error(Some(line), message)),
    );
    if !errors.is_empty() {
        return Err(errors);
    }

    let blocks = body_parser.root;
    let sections: Vec<Section> = blocks
        .iter()
        .filter_map(|b| match b {
            Block::Heading { level, id, content } => Some(Section {
                id,
                title: leak_str(plain_text(content)),
                level: *level,
            }),
            _ => None,
        })
        .collect();
    let words = body_parser.words;
    Ok(ParsedChapter {
        file: file.path.clone(),
        chapter: Chapter {
            id: leak_str(front.id),
            title: leak_str(front.title.trim()),
            summary: leak_str(front.summary.trim()),
            order: front.order,
            words,
            reading_minutes: reading_minutes(words),
            sections: leak(sections),
            blocks: leak(blocks),
        },
        links: body_parser.links,
    })
}

/// Splits `+++\n<toml>\n+++\n<body>`; returns the TOML, the body and the body's first line number.
fn split_front_matter(text: &str) -> Result<(&str, &str, usize), String> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let rest = text
        .strip_prefix("+++\n")
        .or_else(|| text.strip_prefix("+++\r\n"))
        .ok_or("the file must start with front matter between `+++` lines")?;
    let mut offset = 0;
    for line in rest.split_inclusive('\n') {
        if line.trim_end() == "+++" {
            let front = &rest[..offset];
            let body = &rest[offset + line.len()..];
            let body_first_line = 2 + front.lines().count() + 1;
            return Ok((front, body, body_first_line));
        }
        offset += line.len();
    }
    Err("front matter is not closed by a `+++` line".into())
}

/// Inline content being collected; adjacent text is merged.
#[derive(Default)]
struct InlineBuf {
    items: Vec<Inline>,
    text: String,
}

impl InlineBuf {
    fn push_text(&mut self, t: &str) {
        self.text.push_str(t);
    }
    fn push(&mut self, inline: Inline) {
        self.flush_text();
        self.items.push(inline);
    }
    fn flush_text(&mut self) {
        if !self.text.is_empty() {
            self.items
                .push(Inline::Text(leak_str(std::mem::take(&mut self.text))));
        }
    }
    fn finish(mut self) -> Vec<Inline> {
        self.flush_text();
        self.items
    }
    fn is_empty(&self) -> bool {
        self.items.is_empty() && self.text.trim().is_empty()
    }
}

/// An open container while walking the event stream.
enum Frame {
    Paragraph(InlineBuf),
    Heading {
        level: u8,
        id: &'static str,
        inlines: InlineBuf,
    },
    Quote(Vec<Block>, usize),
    List {
        start: Option<u32>,
        items: Vec<&'static [Block]>,
        /// The line each item starts on.
        item_lines: Vec<usize>,
    },
    /// A list item: its blocks, plus loose inline content of a tight list.
    Item(Vec<Block>, InlineBuf),
    Code {
        language: &'static str,
        text: String,
        /// The fence's line.
        line: usize,
    },
    Table {
        alignments: Vec<Alignment>,
        header: Vec<&'static [Inline]>,
        rows: Vec<&'static [&'static [Inline]]>,
    },
    Row(Vec<&'static [Inline]>),
    Cell(InlineBuf),
    Emphasis(InlineBuf),
    Strong(InlineBuf),
    Link {
        target: Option<LinkTarget>,
        inlines: InlineBuf,
    },
    /// Something rejected (image, HTML…): its content is skipped.
    Rejected,
}

struct BodyParser<'a> {
    chapter_id: String,
    body: &'a str,
    line_starts: Vec<usize>,
    first_line: usize,
    stack: Vec<Frame>,
    root: Vec<Block>,
    heading_ids: Vec<&'static str>,
    links: Vec<(LinkTarget, usize)>,
    errors: Vec<(usize, String)>,
    words: u32,
    line: usize,
    /// A code block with line notes, waiting for its numbered list.
    pending_notes: Option<PendingNotes>,
}

/// The line-note markers of the code block just read (see [`line_note_markers`]).
struct PendingNotes {
    /// The depth of the container holding the block.
    depth: usize,
    /// The fence's line.
    line: usize,
    /// The marked lines, counted from 0 (marker `<n>` on `lines[n - 1]`).
    lines: Vec<usize>,
}

impl<'a> BodyParser<'a> {
    fn new(chapter_id: &str, body: &'a str, first_line: usize) -> Self {
        let line_starts = std::iter::once(0)
            .chain(body.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Self {
            chapter_id: chapter_id.to_string(),
            body,
            line_starts,
            first_line,
            stack: Vec::new(),
            root: Vec::new(),
            heading_ids: Vec::new(),
            links: Vec::new(),
            errors: Vec::new(),
            words: 0,
            line: first_line,
            pending_notes: None,
        }
    }

    fn line_of(&self, offset: usize) -> usize {
        self.first_line + self.line_starts.partition_point(|&s| s <= offset) - 1
    }

    fn error(&mut self, message: impl Into<String>) {
        self.errors.push((self.line, message.into()));
    }

    fn run(&mut self) {
        let options = Options::ENABLE_TABLES
            | Options::ENABLE_HEADING_ATTRIBUTES
            | Options::ENABLE_SMART_PUNCTUATION;
        let events: Vec<_> = Parser::new_ext(self.body, options)
            .into_offset_iter()
            .collect();
        for (event, range) in events {
            self.line = self.line_of(range.start);
            self.event(event);
        }
        self.unanswered_notes();
        for problem in rules::check_ending(&self.root) {
            self.errors.push((self.line, problem));
        }
        for (offset, problem) in rules::banned_phrases(self.body) {
            self.errors.push((self.line_of(offset), problem));
        }
    }

    fn event(&mut self, event: Event<'_>) {
        if matches!(self.stack.last(), Some(Frame::Rejected)) {
            match event {
                Event::Start(_) => self.stack.push(Frame::Rejected),
                Event::End(_) => {
                    self.stack.pop();
                }
                _ => {}
            }
            return;
        }
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(tag) => self.end(tag),
            Event::Text(text) => {
                if let Some(Frame::Code { text: code, .. }) = self.stack.last_mut() {
                    code.push_str(&text);
                } else {
                    self.words += count_words(&text);
                    self.with_inlines(|buf| buf.push_text(&text));
                }
            }
            Event::Code(code) => {
                self.words += count_words(&code);
                let code = leak_str(code.to_string());
                self.with_inlines(|buf| buf.push(Inline::Code(code)));
            }
            Event::SoftBreak => self.with_inlines(|buf| buf.push_text(" ")),
            Event::HardBreak => self.with_inlines(|buf| buf.push(Inline::LineBreak)),
            Event::Rule => self.push_block(Block::Rule),
            Event::Html(_) | Event::InlineHtml(_) => {
                self.error("raw HTML is not allowed; use Markdown")
            }
            other => self.error(format!("unsupported Markdown: {other:?}")),
        }
    }

    /// Runs `f` on the innermost inline container, reporting inline content where none is open.
    fn with_inlines(&mut self, f: impl FnOnce(&mut InlineBuf)) {
        match self.stack.last_mut() {
            Some(
                Frame::Paragraph(buf)
                | Frame::Heading { inlines: buf, .. }
                | Frame::Item(_, buf)
                | Frame::Cell(buf)
                | Frame::Emphasis(buf)
                | Frame::Strong(buf)
                | Frame::Link { inlines: buf, .. },
            ) => f(buf),
            _ => self.error("text outside of a paragraph"),
        }
    }

    fn push_inline(&mut self, inline: Inline) {
        self.with_inlines(|buf| buf.push(inline));
    }

    fn push_block(&mut self, block: Block) {
        if self
            .pending_notes
            .as_ref()
            .is_some_and(|p| p.depth == self.stack.len())
        {
            self.unanswered_notes();
        }
        match self.stack.last_mut() {
            None => self.root.push(block),
            Some(Frame::Quote(blocks, _)) => blocks.push(block),
            Some(Frame::Item(blocks, loose)) => {
                if !loose.is_empty() {
                    let inlines = std::mem::take(loose).finish();
                    blocks.push(Block::Paragraph(leak(inlines)));
                }
                blocks.push(block);
            }
            _ => self.error("a block is not allowed here"),
        }
    }

    fn start(&mut self, tag: Tag<'_>) {
        let frame = match tag {
            Tag::Paragraph => Frame::Paragraph(InlineBuf::default()),
            Tag::Heading { level, id, .. } => {
                let level = match level {
                    HeadingLevel::H2 => 2,
                    HeadingLevel::H3 => 3,
                    HeadingLevel::H1 => {
                        self.error("`#` headings are not allowed: the chapter title is the page heading; use `##`");
                        0
                    }
                    _ => {
                        self.error("only `##` and `###` headings are allowed");
                        0
                    }
                };
                if self.stack.iter().any(|f| !matches!(f, Frame::Rejected)) {
                    self.error("headings must not be nested in lists or callouts");
                }
                let id = match id {
                    None => {
                        self.error("heading needs a stable anchor: `## Title {#anchor}`");
                        ""
                    }
                    Some(id) => {
                        let id = leak_str(id.to_string());
                        if !is_kebab_id(id) {
                            self.error(format!("anchor `{id}` must be lowercase-kebab"));
                        }
                        if self.heading_ids.contains(&id) {
                            self.error(format!("duplicate anchor `{id}` in this chapter"));
                        }
                        self.heading_ids.push(id);
                        id
                    }
                };
                Frame::Heading {
                    level,
                    id,
                    inlines: InlineBuf::default(),
                }
            }
            Tag::BlockQuote(_) => Frame::Quote(Vec::new(), self.line),
            Tag::List(start) => Frame::List {
                start: start.map(|n| n as u32),
                items: Vec::new(),
                item_lines: Vec::new(),
            },
            Tag::Item => {
                if let Some(Frame::List { item_lines, .. }) = self.stack.last_mut() {
                    item_lines.push(self.line);
                }
                Frame::Item(Vec::new(), InlineBuf::default())
            }
            Tag::CodeBlock(kind) => {
                let language = match kind {
                    CodeBlockKind::Fenced(lang) if !lang.trim().is_empty() => {
                        leak_str(lang.split_whitespace().next().unwrap_or("").to_string())
                    }
                    _ => {
                        self.error("code blocks must be fenced with a language: ```sql");
                        ""
                    }
                };
                if !language.is_empty() && highlight::label(language).is_none() {
                    let known: Vec<&str> = highlight::LANGUAGES.map(|(fence, _)| fence).to_vec();
                    self.error(format!(
                        "unknown code language `{language}` (known: {})",
                        known.join(", ")
                    ));
                }
                Frame::Code {
                    language,
                    text: String::new(),
                    line: self.line,
                }
            }
            Tag::Table(alignments) => Frame::Table {
                alignments: alignments
                    .into_iter()
                    .map(|a| match a {
                        pulldown_cmark::Alignment::None => Alignment::None,
                        pulldown_cmark::Alignment::Left => Alignment::Left,
                        pulldown_cmark::Alignment::Center => Alignment::Center,
                        pulldown_cmark::Alignment::Right => Alignment::Right,
                    })
                    .collect(),
                header: Vec::new(),
                rows: Vec::new(),
            },
            Tag::TableHead | Tag::TableRow => Frame::Row(Vec::new()),
            Tag::TableCell => Frame::Cell(InlineBuf::default()),
            Tag::Emphasis => Frame::Emphasis(InlineBuf::default()),
            Tag::Strong => Frame::Strong(InlineBuf::default()),
            Tag::Link { dest_url, .. } => Frame::Link {
                target: self.link_target(&dest_url),
                inlines: InlineBuf::default(),
            },
            Tag::Image { .. } => {
                self.error("images are not supported yet");
                Frame::Rejected
            }
            Tag::HtmlBlock => {
                self.error("raw HTML is not allowed; use Markdown");
                Frame::Rejected
            }
            other => {
                self.error(format!("unsupported Markdown: {other:?}"));
                Frame::Rejected
            }
        };
        self.stack.push(frame);
    }

    fn end(&mut self, _tag: TagEnd) {
        let Some(frame) = self.stack.pop() else {
            return;
        };
        match frame {
            Frame::Paragraph(buf) => {
                let inlines = buf.finish();
                match inlines.as_slice() {
                    [Inline::Text(text)] if text.trim().starts_with("::") => {
                        let name = text.trim().trim_start_matches("::");
                        match Embed::ALL.into_iter().find(|e| e.name() == name) {
                            Some(embed) => self.push_block(Block::Embed(embed)),
                            None => self.error(format!("unknown embed `::{name}`")),
                        }
                    }
                    _ => self.push_block(Block::Paragraph(leak(inlines))),
                }
            }
            Frame::Heading { level, id, inlines } => {
                let content = inlines.finish();
                if content.is_empty() {
                    self.error("empty heading");
                }
                self.push_block(Block::Heading {
                    level,
                    id,
                    content: leak(content),
                });
            }
            Frame::Quote(blocks, line) => self.end_quote(blocks, line),
            Frame::List {
                start,
                items,
                item_lines,
            } => {
                let notes_for_code = self
                    .pending_notes
                    .as_ref()
                    .is_some_and(|p| p.depth == self.stack.len());
                if notes_for_code && start == Some(1) {
                    self.attach_notes(&items, &item_lines);
                } else {
                    self.push_block(Block::List {
                        start,
                        items: leak(items),
                    });
                }
            }
            Frame::Item(mut blocks, loose) => {
                if !loose.is_empty() {
                    blocks.push(Block::Paragraph(leak(loose.finish())));
                }
                match self.stack.last_mut() {
                    Some(Frame::List { items, .. }) => items.push(leak(blocks)),
                    _ => self.error("list item outside a list"),
                }
            }
            Frame::Code {
                language,
                text,
                line,
            } => {
                let (code, lines, out_of_sequence) = line_note_markers(&text);
                if let Some((index, n)) = out_of_sequence {
                    self.errors.push((
                        line + 1 + index,
                        format!(
                            "line note `<{n}>` out of sequence: number a block's notes `<1>`, `<2>`, `<3>`… from its first line down"
                        ),
                    ));
                }
                self.push_block(Block::Code {
                    language,
                    code: leak_str(code),
                    notes: &[],
                });
                if !lines.is_empty() {
                    self.pending_notes = Some(PendingNotes {
                        depth: self.stack.len(),
                        line,
                        lines,
                    });
                }
            }
            Frame::Table {
                alignments,
                header,
                rows,
            } => self.push_block(Block::Table {
                alignments: leak(alignments),
                header: leak(header),
                rows: leak(rows),
            }),
            Frame::Row(cells) => match self.stack.last_mut() {
                Some(Frame::Table { header, rows, .. }) => {
                    if header.is_empty() {
                        *header = cells;
                    } else {
                        rows.push(leak(cells));
                    }
                }
                _ => self.error("table row outside a table"),
            },
            Frame::Cell(buf) => match self.stack.last_mut() {
                Some(Frame::Row(cells)) => cells.push(leak(buf.finish())),
                _ => self.error("table cell outside a row"),
            },
            Frame::Emphasis(buf) => self.push_inline(Inline::Emphasis(leak(buf.finish()))),
            Frame::Strong(buf) => self.push_inline(Inline::Strong(leak(buf.finish()))),
            Frame::Link { target, inlines } => {
                let content = inlines.finish();
                if content.is_empty() {
                    self.error("link without text");
                }
                if let Some(target) = target {
                    self.push_inline(Inline::Link {
                        target,
                        content: leak(content),
                    });
                }
            }
            Frame::Rejected => {}
        }
    }

    /// The code block before this numbered list had line notes: the list's items are its notes.
    fn attach_notes(&mut self, items: &[&'static [Block]], item_lines: &[usize]) {
        let Some(pending) = self.pending_notes.take() else {
            return;
        };
        let mut notes = Vec::new();
        for (at, item) in items.iter().enumerate() {
            let item_line = item_lines.get(at).copied().unwrap_or(self.line);
            let Some(&line) = pending.lines.get(at) else {
                self.errors.push((
                    item_line,
                    format!(
                        "note {n} has no line marked `<{n}>` in the code block above (line {})",
                        pending.line,
                        n = at + 1
                    ),
                ));
                continue;
            };
            match item {
                [Block::Paragraph(text)] => notes.push(CodeNote { line, text }),
                _ => self
                    .errors
                    .push((item_line, "a line note is one short paragraph".into())),
            }
        }
        for n in items.len() + 1..=pending.lines.len() {
            self.errors.push((
                pending.line,
                format!("the line marked `<{n}>` has no note {n} in the list after the block"),
            ));
        }
        let container = match self.stack.last_mut() {
            None => Some(&mut self.root),
            Some(Frame::Quote(blocks, _) | Frame::Item(blocks, _)) => Some(blocks),
            _ => None,
        };
        if let Some(Block::Code { notes: slot, .. }) = container.and_then(|b| b.last_mut()) {
            *slot = leak(notes);
        }
    }

    /// A code block's line notes that no numbered list answered.
    fn unanswered_notes(&mut self) {
        if let Some(pending) = self.pending_notes.take() {
            self.errors.push((
                pending.line,
                "this code block has line notes (`<1>`…): put their numbered list right after it"
                    .into(),
            ));
        }
    }

    /// A block quote must be a callout: its first paragraph starts with a bold `Label:`.
    fn end_quote(&mut self, mut blocks: Vec<Block>, line: usize) {
        let label = match blocks.first() {
            Some(Block::Paragraph(inlines)) => match inlines.first() {
                Some(Inline::Strong([Inline::Text(label)])) if label.ends_with(':') => {
                    let label = label.trim_end_matches(':').trim();
                    let mut rest: Vec<Inline> = inlines[1..].to_vec();
                    if let Some(Inline::Text(t)) = rest.first_mut() {
                        *t = leak_str(t.trim_start());
                        if t.is_empty() {
                            rest.remove(0);
                        }
                    }
                    if rest.is_empty() {
                        blocks.remove(0);
                    } else {
                        blocks[0] = Block::Paragraph(leak(rest));
                    }
                    Some(leak_str(label))
                }
                _ => None,
            },
            _ => None,
        };
        match label {
            Some(label) if !label.is_empty() && !blocks.is_empty() => {
                self.push_block(Block::Callout {
                    label,
                    blocks: leak(blocks),
                })
            }
            Some(_) => self.errors.push((line, "empty callout".into())),
            None => self.errors.push((
                line,
                "a block quote must be a callout starting with a bold label, e.g. `> **Tip:** …`"
                    .into(),
            )),
        }
    }

    fn link_target(&mut self, dest: &str) -> Option<LinkTarget> {
        let internal = |chapter: &str, section: Option<&str>| LinkTarget::Chapter {
            chapter: leak_str(chapter),
            section: section.map(leak_str),
        };
        let target = if dest.starts_with("http://") {
            self.error(format!("link `{dest}` must use https://"));
            return None;
        } else if dest.starts_with("https://") {
            if dest.contains(char::is_whitespace) {
                self.error(format!("malformed link `{dest}`"));
                return None;
            }
            return Some(LinkTarget::External(leak_str(dest)));
        } else if let Some(section) = dest.strip_prefix('#') {
            internal(&self.chapter_id.clone(), Some(section))
        } else if let Some(rest) = dest.strip_prefix("/chapters/") {
            match rest.split_once('#') {
                Some((chapter, section)) => internal(chapter, Some(section)),
                None => internal(rest.trim_end_matches('/'), None),
            }
        } else {
            self.error(format!(
                "unsupported link `{dest}`: use https://…, /chapters/<id>, /chapters/<id>#<anchor> or #<anchor>"
            ));
            return None;
        };
        self.links.push((target, self.line));
        Some(target)
    }
}

/// Takes the line-note markers out of a code block: a line may end with ` <n>` (space, `<`,
/// a number, `>`), as AsciiDoc writes callouts; the k-th marker must be `<k>`. Returns the
/// code without them, the marked lines (from 0; note `n` is on `lines[n - 1]`) and, for a
/// marker out of sequence, its line (from 0) and number.
pub(super) fn line_note_markers(code: &str) -> (String, Vec<usize>, Option<(usize, usize)>) {
    let mut out = String::with_capacity(code.len());
    let mut lines: Vec<usize> = Vec::new();
    let mut out_of_sequence = None;
    for (index, line) in code.split_inclusive('\n').enumerate() {
        let (text, newline) = match line.strip_suffix('\n') {
            Some(text) => (text, "\n"),
            None => (line, ""),
        };
        match marker(text) {
            Some((kept, n)) => {
                if n != lines.len() + 1 && out_of_sequence.is_none() {
                    out_of_sequence = Some((index, n));
                }
                lines.push(index);
                out.push_str(kept);
            }
            None => out.push_str(text),
        }
        out.push_str(newline);
    }
    (out, lines, out_of_sequence)
}

/// `("GET / HTTP/1.1", 1)` for `"GET / HTTP/1.1  <1>"`.
fn marker(line: &str) -> Option<(&str, usize)> {
    let trimmed = line.trim_end();
    let inner = trimmed.strip_suffix('>')?;
    let open = inner.rfind('<')?;
    let digits = &inner[open + 1..];
    let n: usize = digits
        .parse()
        .ok()
        .filter(|n| (1..100).contains(n) && digits.chars().all(|c| c.is_ascii_digit()))?;
    let kept = &inner[..open];
    (kept.ends_with([' ', '\t']) || kept.is_empty()).then_some((kept.trim_end(), n))
}

fn count_words(text: &str) -> u32 {
    text.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count() as u32
}

#[cfg(test)]
mod tests {
    use crate::pipeline::build_chapters;
    use crate::pipeline::tests::chapter;
    use crate::Block;

    /// The problems of a chapter written as `markdown` (its body starts on line 8).
    fn problems(markdown: &str) -> Vec<String> {
        build_chapters(&[chapter("a", 1, markdown)])
            .expect_err("content should be rejected")
            .iter()
            .map(ToString::to_string)
            .collect()
    }

    #[test]
    fn line_notes_become_the_code_blocks_notes() {
        let chapters = build_chapters(&[chapter(
            "a",
            1,
            "```sql\nSELECT 1;  <1>\nSELECT 2;\nSELECT 3; <2>\n```\n\n1. One.\n2. Three.\n",
        )])
        .expect("valid");
        let Some(Block::Code { code, notes, .. }) = chapters[0].blocks.first() else {
            panic!("a code block first");
        };
        assert_eq!(*code, "SELECT 1;\nSELECT 2;\nSELECT 3;\n");
        assert_eq!(notes.iter().map(|n| n.line).collect::<Vec<_>>(), [0, 2]);
        assert!(!chapters[0]
            .blocks
            .iter()
            .any(|b| matches!(b, Block::List { start: Some(1), .. })));
    }

    #[test]
    fn a_note_without_its_line_fails_with_the_notes_line() {
        assert_eq!(
            problems("```sql\nSELECT 1; <1>\n```\n\n1. One.\n2. Two.\n"),
            ["content/chapters/a.md:13: note 2 has no line marked `<2>` in the code block above (line 8)"]
        );
    }

    #[test]
    fn a_marked_line_without_its_note_fails() {
        assert_eq!(
            problems("```sql\nSELECT 1; <1>\nSELECT 2; <2>\n```\n\n1. One.\n"),
            ["content/chapters/a.md:8: the line marked `<2>` has no note 2 in the list after the block"]
        );
        assert_eq!(
            problems("```sql\nSELECT 1; <1>\n```\n\nText.\n"),
            ["content/chapters/a.md:8: this code block has line notes (`<1>`…): put their numbered list right after it"]
        );
    }

    #[test]
    fn markers_out_of_sequence_fail_on_their_line() {
        assert_eq!(
            problems("```sql\nSELECT 1; <2>\nSELECT 2; <1>\n```\n\n1. One.\n2. Two.\n"),
            ["content/chapters/a.md:9: line note `<2>` out of sequence: number a block's notes `<1>`, `<2>`, `<3>`… from its first line down"]
        );
    }

    #[test]
    fn angle_brackets_that_are_code_are_not_markers() {
        for line in ["if a <1>", "x = a<1>", "List<T>", "<1 >"] {
            let code = format!("{line}\n");
            let (kept, lines, _) = super::line_note_markers(&code);
            let expected_marker = line == "if a <1>";
            assert_eq!(!lines.is_empty(), expected_marker, "{line}");
            assert_eq!(kept == code, !expected_marker, "{line}");
        }
    }

    #[test]
    fn a_code_language_the_guide_cannot_label_fails() {
        assert_eq!(
            problems("```rust\nfn main() {}\n```\n"),
            ["content/chapters/a.md:8: unknown code language `rust` (known: bash, console, graphql, http, javascript, json, protobuf, python, sql, text, yaml)"]
        );
    }
}
