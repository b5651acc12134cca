//! Shared view components: the page frame and its parts.

pub mod chapter_nav;
pub mod chapter_state_mark;
pub mod layout;
pub mod navigation_focus;
pub mod not_found;
pub mod page_meta;
pub mod search;
pub mod storage_notice;
pub mod theme_picker;
pub mod up_next;
