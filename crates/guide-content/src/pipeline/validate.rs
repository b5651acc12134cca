//! Checks that need every chapter at once: unique ids and orders, links that resolve.

use std::collections::HashMap;

use super::markdown::ParsedChapter;
use super::ContentError;
use crate::{Chapter, LinkTarget};

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
    let all: Vec<Chapter> = chapters.iter().map(|p| p.chapter).collect();
    for parsed in chapters {
        for (target, line) in &parsed.links {
            if let Some(message) = check_link(&all, target) {
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

/// Why an internal link does not resolve among `chapters`, if it does not.
pub(super) fn check_link(chapters: &[Chapter], target: &LinkTarget) -> Option<String> {
    let LinkTarget::Chapter { chapter, section } = target else {
        return None;
    };
    match (chapters.iter().find(|c| c.id == *chapter), section) {
        (None, _) => Some(format!("link to unknown chapter `{chapter}`")),
        (Some(target), Some(section)) if !target.sections.iter().any(|s| s.id == *section) => Some(
            format!("link to unknown section `#{section}` of chapter `{chapter}`"),
        ),
        _ => None,
    }
}
