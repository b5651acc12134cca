//! The live progress store: one signal, saved to localStorage (through `crate::storage`) on
//! every change, merged with other tabs through the `storage` event, and never trusting or
//! destroying what storage holds (the rules: `startup.rs`).
//!
//! Provided once as a context by `App` ([`ProgressStore::provide`]); views read it with
//! [`ProgressStore::expect`].

use leptos::prelude::*;

use super::codec::{self, Decoded};
use super::model::Progress;
pub use super::startup::StorageNotice;
use super::startup::{self, Start};
use crate::clock::{now, Millis};
use crate::quiz::QUESTIONS;
use crate::storage;

/// Where the progress lives in localStorage.
pub const STORAGE_KEY: &str = "backend-guide:progress";
/// Where unreadable or repaired originals are kept before they are replaced.
pub const BACKUP_KEY: &str = "backend-guide:progress:backup";

#[derive(Clone, Copy)]
pub struct ProgressStore {
    progress: RwSignal<Progress>,
    /// Counts successful saves, for the "Saved" indicator.
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
        store.follow_other_tabs();
        provide_context(store);
        store
    }

    pub fn expect() -> Self {
        expect_context::<Self>()
    }

    pub fn progress(&self) -> RwSignal<Progress> {
        self.progress
    }

    pub fn saves(&self) -> ReadSignal<u32> {
        self.saves.read_only()
    }

    pub fn notice(&self) -> RwSignal<Option<StorageNotice>> {
        self.notice
    }

    /// Applies a change and saves at once. Unchanged progress is not written again.
    pub fn update(&self, change: impl FnOnce(&mut Progress, Millis)) {
        let before = self.progress.get_untracked();
        let mut after = before.clone();
        change(&mut after, now());
        if after != before {
            self.progress.set(after);
            self.save();
        }
    }

    /// Replaces the progress as a whole (reset, import, undo).
    pub fn replace(&self, progress: Progress) {
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
            // fitted to this build's questions) like anything read from storage.
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
