//! Checks that need every chapter at once: unique ids and orders, links that resolve.

use std::collections::HashMap;

use super::markdown::ParsedChapter;
use super::ContentError;
use crate::LinkTarget;

pub(super) fn check_guide(chapters: &[ParsedChapter]) -> Vec<ContentError> {
    let mut errors = Vec::new();
    let mut by_id: HashMap<&str, &ParsedChapter> = HashMap::new();
    let mut by_order: HashMap<u32, &ParsedChapter> = HashMap::new();
    for parsed in chapters {
        if let Some(first) = by_id.insert(parsed.chapter.id, parsed) {
            errors.push(ContentError {
                file: parsed.file.clone(),
                line: Some(2),
                message: format!(
                    "duplicate chapter id `{}` (also used by {})",
                    parsed.chapter.id, first.file
                ),
            });
        }
        if let Some(first) = by_order.insert(parsed.chapter.order, parsed) {
            errors.push(ContentError {
                file: parsed.file.clone(),
                line: None,
                message: format!(
                    "duplicate order {} (also used by {})",
                    parsed.chapter.order, first.file
                ),
            });
        }
    }
    for parsed in chapters {
        for (target, line) in &parsed.links {
            let LinkTarget::Chapter { chapter, section } = target else {
                continue;
            };
            let message = match (by_id.get(chapter), section) {
                (None, _) => Some(format!("link to unknown chapter `{chapter}`")),
                (Some(target), Some(section))
                    if !target.chapter.sections.iter().any(|s| s.id == *section) =>
                {
                    Some(format!(
                        "link to unknown section `#{section}` of chapter `{chapter}`"
                    ))
                }
                _ => None,
            };
            if let Some(message) = message {
                errors.push(ContentError {
                    file: parsed.file.clone(),
                    line: Some(*line),
                    message,
                });
            }
        }
    }
    errors
}
