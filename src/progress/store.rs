//! The live progress store: one signal, saved to localStorage (through gloo-storage) on every
//! change, merged with other tabs through the `storage` event, and never trusting or
//! destroying what storage holds.
//!
//! Provided once as a context by `App` ([`ProgressStore::provide`]); views read it with
//! [`ProgressStore::expect`].

use gloo_storage::{LocalStorage, Storage};
use leptos::prelude::*;

use super::codec::{self, Decoded};
use super::model::{Millis, Progress};

/// Where the progress lives in localStorage.
pub const STORAGE_KEY: &str = "backend-guide:progress";
/// Where unreadable or repaired originals are kept before they are replaced.
pub const BACKUP_KEY: &str = "backend-guide:progress:backup";

/// A problem with storage the reader should know about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StorageNotice {
    /// Storage is missing, blocked or full: progress lasts only while the tab is open.
    CannotSave,
    /// What storage held could not be read; it was kept aside and the guide started afresh.
    KeptAside,
    /// Storage holds progress from a newer version of the guide; it is left untouched.
    NewerVersion,
}

impl StorageNotice {
    pub fn message(self) -> &'static str {
        match self {
            StorageNotice::CannotSave => {
                "Progress can't be saved in this browser — it will last until you close the tab."
            }
            StorageNotice::KeptAside => {
                "Your saved progress couldn't be read, so the guide started afresh. The old data was kept aside in this browser, untouched."
            }
            StorageNotice::NewerVersion => {
                "Your progress was saved by a newer version of the guide. Reload to get that version; until then, nothing here is saved over it."
            }
        }
    }
}

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
        match write(STORAGE_KEY, &text) {
            Ok(()) => {
                self.saves.update(|n| *n += 1);
                if self.notice.get_untracked() == Some(StorageNotice::CannotSave) {
                    self.notice.set(None);
                }
            }
            Err(()) => self.notice.set(Some(StorageNotice::CannotSave)),
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
            let theirs = match codec::decode(&text) {
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

/// Reads what storage holds and decides what to trust. Returns the progress to start with,
/// a notice for the reader, and whether saving is safe.
fn load() -> (Progress, Option<StorageNotice>, bool) {
    if !crate::storage::is_available() {
        return (Progress::default(), Some(StorageNotice::CannotSave), false);
    }
    let stored = match LocalStorage::raw().get_item(STORAGE_KEY) {
        Ok(stored) => stored,
        Err(_) => return (Progress::default(), Some(StorageNotice::CannotSave), false),
    };
    let Some(text) = stored else {
        return (Progress::default(), None, true);
    };
    match codec::decode(&text) {
        Decoded::Valid(progress) => (progress, None, true),
        Decoded::Repaired(progress) => match keep_aside(&text) {
            Ok(()) => (progress, None, true),
            // Could not keep the original: use the repaired copy, but don't overwrite.
            Err(()) => (progress, Some(StorageNotice::CannotSave), false),
        },
        Decoded::Unreadable(_) => match keep_aside(&text) {
            Ok(()) => (Progress::default(), Some(StorageNotice::KeptAside), true),
            Err(()) => (Progress::default(), Some(StorageNotice::CannotSave), false),
        },
        Decoded::Newer(_) => (
            Progress::default(),
            Some(StorageNotice::NewerVersion),
            false,
        ),
    }
}

/// Copies an original value to the backup key (or a timestamped one, if an older, different
/// backup is already there). Fails rather than lose anything.
fn keep_aside(text: &str) -> Result<(), ()> {
    let storage = LocalStorage::raw();
    let key = match storage.get_item(BACKUP_KEY) {
        Ok(None) => BACKUP_KEY.to_string(),
        Ok(Some(existing)) if existing == text => return Ok(()),
        Ok(Some(_)) => format!("{BACKUP_KEY}:{}", now()),
        Err(_) => return Err(()),
    };
    write(&key, text)
}

fn write(key: &str, text: &str) -> Result<(), ()> {
    if !crate::storage::is_available() {
        return Err(());
    }
    LocalStorage::raw().set_item(key, text).map_err(|_| ())
}

/// Milliseconds since the epoch, from the browser clock.
pub fn now() -> Millis {
    js_sys::Date::now().max(0.0) as Millis
}
