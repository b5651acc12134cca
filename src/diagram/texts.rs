//! The diagram's texts. Natively (the prerenderer, host tests) the whole diagram is compiled
//! in; in the browser the texts are fetched once from their file ([`TEXTS_FILE`],
//! `data/diagram-<hash>.txt`, written by the prerenderer and precached by the service worker)
//! by [`load`], which the diagram chunk's loaders await alongside the code
//! (`chunks::Chunk::load`, `chunks::lazy_diagram_embed`): the diagram page and a chapter's
//! diagram are drawn only once both are there, and texts that cannot be fetched give the
//! "couldn't be loaded" message and "Try again".

use guide_content::diagram::Diagram;

#[cfg(target_arch = "wasm32")]
use super::TEXTS_FILE;

#[cfg(not(target_arch = "wasm32"))]
pub(super) mod compiled {
    include!(concat!(env!("OUT_DIR"), "/diagram.rs"));
}

/// The diagram with its texts, if they are there (natively: always).
pub fn get() -> Option<&'static Diagram> {
    #[cfg(not(target_arch = "wasm32"))]
    {
        Some(&compiled::DIAGRAM)
    }
    #[cfg(target_arch = "wasm32")]
    {
        LOADED.get().copied()
    }
}

#[cfg(target_arch = "wasm32")]
static LOADED: std::sync::OnceLock<&'static Diagram> = std::sync::OnceLock::new();

/// The texts could not be fetched or read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TextsUnavailable;

/// Makes the texts available: at once if they are, else by fetching their file. A failure is
/// not remembered: the next call fetches again.
pub async fn load() -> Result<(), TextsUnavailable> {
    if get().is_some() {
        return Ok(());
    }
    #[cfg(target_arch = "wasm32")]
    {
        let text = crate::chunks::fetch_text(TEXTS_FILE)
            .await
            .ok_or(TextsUnavailable)?;
        let diagram = read(Box::leak(text.into_boxed_str()), &super::INDEX)?;
        let _ = LOADED.set(Box::leak(Box::new(diagram)));
    }
    Ok(())
}

/// The diagram `index` with the texts in `text`, if they are exactly the texts of this build's
/// diagram (anything else — a damaged file, another build's — is refused).
pub fn read(text: &'static str, index: &Diagram) -> Result<Diagram, TextsUnavailable> {
    guide_content::diagram::texts::decode(text, index).ok_or(TextsUnavailable)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagram::{DIAGRAM, INDEX, TEXTS_FILE};
    use guide_content::diagram::texts::{decode, encode, file_name};

    fn leaked(text: String) -> &'static str {
        Box::leak(text.into_boxed_str())
    }

    #[test]
    fn the_texts_file_reads_back_into_the_index_as_the_whole_diagram() {
        let text = encode(&DIAGRAM).expect("the texts encode");
        assert_eq!(file_name(&text), TEXTS_FILE);
        assert_eq!(read(leaked(text), &INDEX), Ok(DIAGRAM));
    }

    #[test]
    fn the_index_holds_no_texts() {
        assert_ne!(INDEX, DIAGRAM);
        let steps = INDEX.scenarios.iter().flat_map(|s| s.steps);
        assert!(steps
            .clone()
            .all(|s| s.caption.is_empty() && s.message.is_empty()));
        assert!(steps.clone().all(|s| s.stack_messages.is_empty()));
        assert!(INDEX
            .nodes
            .iter()
            .all(|n| n.what.is_empty() && n.examples.is_empty()));
        assert!(INDEX.stacks.iter().all(|s| s.labels.is_empty()));
        // What the main module shows: names, titles, each step's parts.
        assert!(INDEX.nodes.iter().all(|n| !n.label.is_empty()));
        assert!(INDEX.scenarios.iter().all(|s| !s.title.is_empty()));
        assert_eq!(
            steps.count(),
            DIAGRAM.scenarios.iter().flat_map(|s| s.steps).count()
        );
    }

    #[test]
    fn a_damaged_file_is_refused_and_never_panics() {
        let text = encode(&DIAGRAM).unwrap();
        let last = [text.len() - 1, text.len() - 2].into_iter();
        for cut in (0..text.len())
            .step_by(89)
            .chain(last)
            .filter(|&i| text.is_char_boundary(i))
        {
            assert_eq!(
                read(leaked(text[..cut].to_string()), &INDEX),
                Err(TextsUnavailable),
                "cut at {cut}"
            );
        }
        assert_eq!(
            read("<!doctype html><p>Not found", &INDEX),
            Err(TextsUnavailable)
        );
        // One field too many, or a record more than the index has.
        let c = DIAGRAM.connections[0];
        let record = format!("\u{1e}{}\u{1f}{}\u{1e}", c.id, c.label);
        assert!(text.contains(&record));
        let extra = text.replacen(&record, &record.replace(c.label, "a\u{1f}b"), 1);
        assert_eq!(read(leaked(extra), &INDEX), Err(TextsUnavailable));
        let more = format!("{text}one more\u{1e}");
        assert_eq!(read(leaked(more), &INDEX), Err(TextsUnavailable));
    }

    #[test]
    fn another_builds_texts_are_refused() {
        let mut nodes = DIAGRAM.nodes.to_vec();
        nodes.swap(0, 1);
        let other = Diagram {
            nodes: Box::leak(nodes.into_boxed_slice()),
            ..DIAGRAM
        };
        assert_eq!(
            read(leaked(encode(&other).unwrap()), &INDEX),
            Err(TextsUnavailable)
        );
        let mut steps = DIAGRAM.scenarios[0].steps.to_vec();
        steps.pop();
        let mut scenarios = DIAGRAM.scenarios.to_vec();
        scenarios[0].steps = Box::leak(steps.into_boxed_slice());
        let fewer = Diagram {
            scenarios: Box::leak(scenarios.into_boxed_slice()),
            ..DIAGRAM
        };
        assert_eq!(
            read(leaked(encode(&fewer).unwrap()), &INDEX),
            Err(TextsUnavailable)
        );
        let renamed = encode(&DIAGRAM)
            .unwrap()
            .replace(DIAGRAM.stacks[0].id, "no-such-stack");
        assert_eq!(read(leaked(renamed), &INDEX), Err(TextsUnavailable));
        assert!(decode("", &INDEX).is_none());
    }
}
