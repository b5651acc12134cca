//! The live progress store: one signal, saved to localStorage (through `crate::storage`) on
//! every change, merged with other tabs through the `storage` event, and never trusting or
//! destroying what storage holds (the rules: `startup.rs`).
//!
//! Provided once as a context by `App` ([`ProgressStore::provide`]). Views read the progress
//! with [`use_progress`] (a read-only signal) and change it only through the store's named
//! methods ([`use_progress_store`]), so every change is saved.

use guide_content::quiz::Question;
use leptos::prelude::*;

use super::codec::{self, Decoded};
use super::model::Progress;
pub use super::startup::StorageNotice;
use super::startup::{self, Start};
use crate::clock::{now, Millis};
use crate::quiz::engine::Scope;
use crate::quiz::QUESTIONS;
use crate::storage;

/// The reader's progress, read-only: changes go through [`use_progress_store`].
pub fn use_progress() -> ReadSignal<Progress> {
    use_progress_store().progress.read_only()
}

/// The progress store, for its named changes and its storage notices.
pub fn use_progress_store() -> ProgressStore {
    expect_context::<ProgressStore>()
}

/// Where the progress lives in localStorage.
pub const STORAGE_KEY: &str = "backend-guide:progress";
/// Where unreadable or repaired originals are kept before they are replaced.
pub const BACKUP_KEY: &str = "backend-guide:progress:backup";

#[derive(Clone, Copy)]
pub struct ProgressStore {
    progress: RwSignal<Progress>,
    /// Counts successful saves (the read toggle confirms with it that its change was saved).
    saves: RwSignal<u32>,
    notice: RwSignal<Option<StorageNotice>>,
    /// False when writing would destroy something (newer data, or data we could not back up).
    writable: StoredValue<bool>,
}

impl ProgressStore {
    /// Loads progress from storage, starts listening to other tabs, and provides the store.
    pub fn provide() -> Self {
        let (progress, notice, writable) = load();
        let store = Self {
            progress: RwSignal::new(progress),
            saves: RwSignal::new(0),
            notice: RwSignal::new(notice),
            writable: StoredValue::new(writable),
        };
        if !crate::PRERENDERING {
            store.follow_other_tabs();
        }
        provide_context(store);
        store
    }

    /// Counts successful saves (the read toggle confirms with it that its change was saved).
    pub fn saves(&self) -> ReadSignal<u32> {
        self.saves.read_only()
    }

    /// A storage problem the reader should know about.
    pub fn notice(&self) -> ReadSignal<Option<StorageNotice>> {
        self.notice.read_only()
    }

    /// Something else (the theme) could not be saved: the reader is told as for progress.
    pub fn report_cannot_save(&self) {
        self.notice.set(Some(StorageNotice::CannotSave));
    }

    // --- Changes, each saved at once -----------------------------------------------------

    /// The reader opened a chapter, at its top or at `section` (a link to it).
    pub fn open_chapter(&self, chapter: &str, section: Option<&str>) {
        self.update(|p, now| {
            p.open_chapter(chapter, now);
            if section.is_some() {
                p.visit(chapter, section, now);
            }
        });
    }

    /// The reader scrolled to `section` of a chapter.
    pub fn visit(&self, chapter: &str, section: &str) {
        self.update(|p, now| p.visit(chapter, Some(section), now));
    }

    pub fn set_read(&self, chapter: &str, read: bool) {
        self.update(|p, now| p.set_read(chapter, read, now));
    }

    pub fn explore_node(&self, node: &str) {
        self.update(|p, _| p.explore_node(node));
    }

    pub fn complete_scenario(&self, scenario: &str) {
        self.update(|p, _| p.complete_scenario(scenario));
    }

    /// Starts the quiz of `scope` now, seeded from the clock and `Math.random()`. Nothing
    /// happens while the question bank is not loaded (the quiz pages mount after it).
    pub fn start_quiz(&self, scope: &Scope) {
        let Some(bank) = crate::quiz::bank() else {
            return;
        };
        self.update(|p, now| {
            let seed = now ^ (js_sys::Math::random() * f64::from(u32::MAX)) as u64;
            p.start_quiz_on(scope, bank, seed, now);
        });
    }

    pub fn answer_quiz(&self, question: &Question, answer: Vec<u8>) {
        self.update(|p, now| {
            p.answer_quiz(question, answer, now);
        });
    }

    /// Moves the attempt on (nothing while the bank is not loaded: a result scored without
    /// it would be wrong).
    pub fn next_quiz_question(&self) {
        let Some(bank) = crate::quiz::bank() else {
            return;
        };
        self.update(|p, now| p.next_quiz_question(bank, now));
    }

    /// Replaces the progress as a whole with `other` (import, undo of an import); returns the
    /// progress it replaced.
    pub fn replace_with(&self, other: &Progress) -> Progress {
        let previous = self.progress.get_untracked();
        self.replace(Progress::replaced_by(other, now()));
        previous
    }

    /// Forgets everything (other tabs follow: the reset is a new generation).
    pub fn reset(&self) {
        self.replace(Progress::reset(now()));
    }

    /// Applies a change and saves at once. Unchanged progress is not written again.
    fn update(&self, change: impl FnOnce(&mut Progress, Millis)) {
        let before = self.progress.get_untracked();
        let mut after = before.clone();
        change(&mut after, now());
        if after != before {
            self.progress.set(after);
            self.save();
        }
    }

    fn replace(&self, progress: Progress) {
        self.progress.set(progress);
        self.save();
    }

    fn save(&self) {
        if !self.writable.get_value() {
            return;
        }
        let text = self.progress.with_untracked(codec::encode);
        match storage::write(STORAGE_KEY, &text) {
            Ok(()) => {
                self.saves.update(|n| *n += 1);
                if self.notice.get_untracked() == Some(StorageNotice::CannotSave) {
                    self.notice.set(None);
                }
            }
            Err(_) => self.notice.set(Some(StorageNotice::CannotSave)),
        }
    }

    /// Another tab saved: merge its progress into ours instead of overwriting either.
    fn follow_other_tabs(&self) {
        let store = *self;
        let handle = window_event_listener(leptos::ev::storage, move |event| {
            if event.key().as_deref() != Some(STORAGE_KEY) {
                return;
            }
            let Some(text) = event.new_value() else {
                return;
            };
            // Another tab may run an older or newer build: what it wrote is judged (and
            // fitted to this build's questions, by their shapes) like anything read from storage.
            let theirs = match codec::decode(&text, QUESTIONS) {
                Decoded::Valid(p) | Decoded::Repaired(p) => p,
                _ => return,
            };
            let mine = store.progress.get_untracked();
            let merged = mine.merge(&theirs);
            if merged != mine {
                store.progress.set(merged.clone());
            }
            if merged != theirs {
                // The other tab lacks some of ours: store the union so both end up equal.
                store.save();
            }
        });
        on_cleanup(move || handle.remove());
    }
}

/// Reads what storage holds and decides what to trust (`startup::start`). Returns the
/// progress to start with, a notice for the reader, and whether saving is safe.
fn load() -> (Progress, Option<StorageNotice>, bool) {
    if crate::PRERENDERING {
        // A first-time reader's page: nothing stored, nothing to say, nothing to save to.
        return (Progress::default(), None, false);
    }
    let stored = storage::read(STORAGE_KEY).map_err(|_| ());
    let mut start = startup::start(storage::health(), stored, QUESTIONS);
    if let Some(original) = start.keep_aside.take() {
        if keep_aside(&original).is_err() {
            start = start.could_not_keep_aside();
        }
    }
    let Start {
        progress,
        notice,
        writable,
        ..
    } = start;
    (progress, notice, writable)
}

/// Copies an original value to the backup key (or a timestamped one, if an older, different
/// backup is already there). Fails rather than lose anything.
fn keep_aside(text: &str) -> Result<(), storage::StorageError> {
    let key = match storage::read(BACKUP_KEY)? {
        None => BACKUP_KEY.to_string(),
        Some(existing) if existing == text => return Ok(()),
        Some(_) => format!("{BACKUP_KEY}:{}", now()),
    };
    storage::write(&key, text)
}
