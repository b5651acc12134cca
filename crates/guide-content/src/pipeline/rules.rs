//! How every chapter ends, and what no chapter may say: checked on the parsed blocks.

use crate::{Block, Inline, LinkTarget};

/// Phrases no chapter may contain, each with the reason given in the error.
const BANNED_PHRASES: [(&str, &str); 2] = [
    (
        "source article",
        "readers never saw the article this guide grew from: cite a primary source",
    ),
    (
        "article this guide grew from",
        "readers never saw it: cite a primary source",
    ),
];

/// Every banned phrase in `body` (case-insensitive), with its byte offset and the reason.
pub(super) fn banned_phrases(body: &str) -> Vec<(usize, String)> {
    let lower = body.to_lowercase();
    BANNED_PHRASES
        .iter()
        .flat_map(|(phrase, why)| {
            lower
                .match_indices(phrase)
                .map(move |(at, _)| (at, format!("\"{phrase}\" is not allowed: {why}")))
        })
        .collect()
}

/// A chapter ends with `## Further reading {#further-reading}` (one bulleted list of 2–5 items,
/// each opening with an `https://` link) and then `## Key points {#key-points}` (one bulleted
/// list of 3–5 items). Returns what is wrong, if anything.
pub(super) fn check_ending(root: &[Block]) -> Vec<String> {
    let h2: Vec<usize> = (0..root.len())
        .filter(|&i| matches!(root[i], Block::Heading { level: 2, .. }))
        .collect();
    let section = |k: usize| {
        let start = h2[k];
        let end = h2.get(k + 1).copied().unwrap_or(root.len());
        (&root[start], &root[start + 1..end])
    };
    let mut problems = Vec::new();
    match h2.len().checked_sub(1).map(section) {
        Some((heading, body)) if heading_id(heading) == "key-points" => {
            problems.extend(check_list(body, "Key points", 3..=5))
        }
        _ => problems
            .push("the chapter must end with a `## Key points {#key-points}` section".into()),
    }
    match h2.len().checked_sub(2).map(section) {
        Some((heading, body)) if heading_id(heading) == "further-reading" => {
            problems.extend(check_list(body, "Further reading", 2..=5));
            problems.extend(check_reading_items(body));
        }
        _ => problems.push(
            "`## Further reading {#further-reading}` must come right before the key points".into(),
        ),
    }
    problems
}

fn heading_id(block: &Block) -> &str {
    match block {
        Block::Heading { id, .. } => id,
        _ => "",
    }
}

fn check_list(
    body: &[Block],
    name: &str,
    allowed: std::ops::RangeInclusive<usize>,
) -> Option<String> {
    match body {
        [Block::List { start: None, items }] if allowed.contains(&items.len()) => None,
        [Block::List { start: None, items }] => Some(format!(
            "\"{name}\" has {} bullets; it needs {} to {}",
            items.len(),
            allowed.start(),
            allowed.end()
        )),
        _ => Some(format!(
            "\"{name}\" must hold exactly one bulleted list and nothing else"
        )),
    }
}

/// Each further-reading item opens with a link to another site over HTTPS.
fn check_reading_items(body: &[Block]) -> Vec<String> {
    let [Block::List { items, .. }] = body else {
        return Vec::new();
    };
    items
        .iter()
        .enumerate()
        .filter(|(_, item)| {
            !matches!(
                item.first(),
                Some(Block::Paragraph([Inline::Link { target: LinkTarget::External(url), .. }, ..]))
                    if url.starts_with("https://")
            )
        })
        .map(|(i, _)| {
            format!(
                "further-reading item {} must open with an https:// link",
                i + 1
            )
        })
        .collect()
}
