//! Renders content-model blocks (built at compile time) as Leptos views. No parsing happens
//! here: the data is already validated; this only maps each block to its HTML element.

use guide_content::{callout_class, plain_text, Alignment, Block, Embed, Inline, LinkTarget};
use leptos::prelude::*;

use crate::diagram::view::DiagramExplorer;
use crate::routes::{href, Page};

/// The body of the chapter `chapter_id` (headings link to their own sections in it).
pub fn blocks(chapter_id: &'static str, blocks: &'static [Block]) -> impl IntoView {
    blocks.iter().map(|b| block(chapter_id, b)).collect_view()
}

fn block(chapter_id: &'static str, block: &'static Block) -> AnyView {
    let blocks = |body| blocks(chapter_id, body);
    match *block {
        Block::Heading { level, id, content } => heading(chapter_id, level, id, content),
        Block::Paragraph(content) => view! { <p>{inlines(content)}</p> }.into_any(),
        Block::List {
            start: None,
            items,
        } => view! { <ul>{items.iter().map(|item| view! { <li>{blocks(item)}</li> }).collect_view()}</ul> }
            .into_any(),
        Block::List {
            start: Some(start),
            items,
        } => view! {
            <ol start=start>{items.iter().map(|item| view! { <li>{blocks(item)}</li> }).collect_view()}</ol>
        }
        .into_any(),
        Block::Code { language, code } => view! {
            <pre class="code" tabindex="0" aria-label=format!("Code example ({language})")>
                <code class=format!("language-{language}")>{code}</code>
            </pre>
        }
        .into_any(),
        Block::Callout { label, blocks: body } => view! {
            <div class=format!("callout callout--{}", callout_class(label)) role="note" aria-label=label>
                <p class="callout__label">{label}</p>
                {blocks(body)}
            </div>
        }
        .into_any(),
        Block::Table {
            alignments,
            header,
            rows,
        } => table(alignments, header, rows),
        Block::Rule => view! { <hr /> }.into_any(),
        Block::Embed(Embed::Diagram) => view! {
            <div class="embed embed--diagram">
                <DiagramExplorer heading_level=3 />
                <p class="embed__more">
                    <a href=href(Page::Diagram)>"Open the diagram on its own page"</a>
                </p>
            </div>
        }
        .into_any(),
    }
}

/// A section heading with its stable anchor and a link to itself, for sharing deep links.
fn heading(
    chapter_id: &'static str,
    level: u8,
    id: &'static str,
    content: &'static [Inline],
) -> AnyView {
    let link = move || {
        view! {
            <a
                class="heading-anchor"
                href=href(Page::Chapter { id: chapter_id, section: Some(id) })
                aria-label=format!("Link to the section “{}”", plain_text(content))
            >
                "#"
            </a>
        }
    };
    if level == 3 {
        view! { <h3 id=id tabindex="-1">{inlines(content)} {link()}</h3> }.into_any()
    } else {
        view! { <h2 id=id tabindex="-1">{inlines(content)} {link()}</h2> }.into_any()
    }
}

fn table(
    alignments: &'static [Alignment],
    header: &'static [&'static [Inline]],
    rows: &'static [&'static [&'static [Inline]]],
) -> AnyView {
    let align = move |column: usize| match alignments.get(column) {
        Some(Alignment::Left) => "left",
        Some(Alignment::Center) => "center",
        Some(Alignment::Right) => "right",
        _ => "",
    };
    let caption = header
        .iter()
        .map(|cell| plain_text(cell))
        .collect::<Vec<_>>()
        .join(", ");
    view! {
        <div class="table-scroll" tabindex="0" role="region" aria-label=format!("Table: {caption}")>
            <table>
                <thead>
                    <tr>
                        {header
                            .iter()
                            .enumerate()
                            .map(|(i, cell)| view! { <th scope="col" class=align(i)>{inlines(cell)}</th> })
                            .collect_view()}
                    </tr>
                </thead>
                <tbody>
                    {rows
                        .iter()
                        .map(|row| {
                            view! {
                                <tr>
                                    {row
                                        .iter()
                                        .enumerate()
                                        .map(|(i, cell)| view! { <td class=align(i)>{inlines(cell)}</td> })
                                        .collect_view()}
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </div>
    }
    .into_any()
}

fn inlines(content: &'static [Inline]) -> impl IntoView {
    content.iter().map(inline).collect_view()
}

fn inline(inline: &'static Inline) -> AnyView {
    match *inline {
        Inline::Text(text) => text.into_any(),
        Inline::Emphasis(content) => view! { <em>{inlines(content)}</em> }.into_any(),
        Inline::Strong(content) => view! { <strong>{inlines(content)}</strong> }.into_any(),
        Inline::Code(code) => view! { <code>{code}</code> }.into_any(),
        Inline::LineBreak => view! { <br /> }.into_any(),
        Inline::Link {
            target: LinkTarget::External(url),
            content,
        } => {
            view! { <a class="external" href=url rel="noopener">{inlines(content)}</a> }.into_any()
        }
        Inline::Link {
            target: LinkTarget::Chapter { chapter, section },
            content,
        } => view! { <a href=href(Page::Chapter { id: chapter, section })>{inlines(content)}</a> }
            .into_any(),
    }
}
