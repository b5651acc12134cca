//! Typed access to the guide's chapters, generated at build time from `content/chapters/`.

pub use guide_content::{plain_text, Block, Chapter, Inline, LinkTarget, Section};

include!(concat!(env!("OUT_DIR"), "/chapters.rs"));

/// Every chapter, in reading order.
pub fn chapters() -> &'static [Chapter] {
    CHAPTERS
}

/// The chapter with this id, if there is one.
pub fn chapter(id: &str) -> Option<&'static Chapter> {
    CHAPTERS.iter().find(|c| c.id == id)
}

/// 1-based position of a chapter in reading order.
pub fn position(id: &str) -> Option<usize> {
    CHAPTERS.iter().position(|c| c.id == id).map(|i| i + 1)
}

/// The chapters before and after this one, in reading order.
pub fn neighbours(id: &str) -> (Option<&'static Chapter>, Option<&'static Chapter>) {
    match CHAPTERS.iter().position(|c| c.id == id) {
        Some(i) => (i.checked_sub(1).map(|p| &CHAPTERS[p]), CHAPTERS.get(i + 1)),
        None => (None, None),
    }
}

/// Total reading time of the whole guide, in minutes.
pub fn total_reading_minutes() -> u32 {
    CHAPTERS.iter().map(|c| c.reading_minutes).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chapters_are_in_reading_order_and_findable() {
        let all = chapters();
        assert!(all.windows(2).all(|w| w[0].order < w[1].order));
        let first = &all[0];
        assert_eq!(chapter(first.id).map(|c| c.title), Some(first.title));
        assert_eq!(position(first.id), Some(1));
        assert_eq!(chapter("no-such-chapter"), None);
    }

    #[test]
    fn neighbours_link_the_chapters_in_a_chain() {
        let all = chapters();
        let (prev, next) = neighbours(all[0].id);
        assert!(prev.is_none());
        assert_eq!(next.map(|c| c.id), Some(all[1].id));
        let last = all.last().unwrap();
        let (prev, next) = neighbours(last.id);
        assert_eq!(prev.map(|c| c.id), Some(all[all.len() - 2].id));
        assert!(next.is_none());
        assert_eq!(neighbours("missing"), (None, None));
    }

    #[test]
    fn total_reading_time_adds_up_the_chapters() {
        let sum: u32 = chapters().iter().map(|c| c.reading_minutes).sum();
        assert_eq!(total_reading_minutes(), sum);
        assert!(sum >= 7);
    }
}
