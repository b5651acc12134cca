//! What the progress store starts with, from what storage said: the fault rules as plain
//! Rust (the store in `store.rs` only carries them out).
//!
//! | storage | stored value | starts with | notice | writes |
//! | --- | --- | --- | --- | --- |
//! | unavailable, or reading throws | — | nothing | can't save | never |
//! | read-only (writing or removing throws) | anything readable | it, fitted | can't save | never |
//! | usable | nothing | nothing | — | yes |
//! | usable | valid | it | — | yes |
//! | usable | repaired | the repair, original kept aside first | — | yes |
//! | usable | unreadable | nothing, original kept aside first | kept aside | yes |
//! | usable | newer version | nothing | newer version | never |
//!
//! Keeping aside is a write: if it fails, the store starts as with read-only storage.

use guide_content::quiz::QuestionShape;

use super::codec::{self, Decoded};
use super::model::Progress;
use crate::storage::Health;

/// A problem with storage the reader should know about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StorageNotice {
    /// Storage is missing, blocked, read-only or full: progress lasts only while the tab is
    /// open.
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

/// How the store starts.
#[derive(Debug, Clone, PartialEq)]
pub struct Start {
    pub progress: Progress,
    pub notice: Option<StorageNotice>,
    /// False when writing would destroy something, or cannot work at all.
    pub writable: bool,
    /// The stored original, to copy to the backup key before anything is written.
    pub keep_aside: Option<String>,
}

impl Start {
    fn new(progress: Progress, notice: Option<StorageNotice>, writable: bool) -> Self {
        Self {
            progress,
            notice,
            writable,
            keep_aside: None,
        }
    }

    /// Memory only: nothing is written this session, and the reader is told.
    fn memory_only(progress: Progress) -> Self {
        Self::new(progress, Some(StorageNotice::CannotSave), false)
    }

    /// What to do when the original could not be kept aside: keep the progress on screen,
    /// but write nothing over the original.
    pub fn could_not_keep_aside(self) -> Self {
        Self::memory_only(self.progress)
    }
}

/// The start for this storage `health` and what reading the progress key gave (`Err`: the
/// read threw).
pub fn start(health: Health, stored: Result<Option<String>, ()>, index: &[QuestionShape]) -> Start {
    let stored = match stored {
        Ok(stored) if health.can_read() => stored,
        _ => return Start::memory_only(Progress::default()),
    };
    let decoded = stored.map(|text| (codec::decode(&text, index), text));
    if health != Health::Usable {
        let progress = match decoded {
            Some((Decoded::Valid(p) | Decoded::Repaired(p), _)) => p,
            _ => Progress::default(),
        };
        return Start::memory_only(progress);
    }
    let Some((decoded, text)) = decoded else {
        return Start::new(Progress::default(), None, true);
    };
    match decoded {
        Decoded::Valid(progress) => Start::new(progress, None, true),
        Decoded::Repaired(progress) => Start {
            keep_aside: Some(text),
            ..Start::new(progress, None, true)
        },
        Decoded::Unreadable(_) => Start {
            keep_aside: Some(text),
            ..Start::new(Progress::default(), Some(StorageNotice::KeptAside), true)
        },
        Decoded::Newer(_) => Start::new(
            Progress::default(),
            Some(StorageNotice::NewerVersion),
            false,
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn saved() -> (Progress, String) {
        let mut p = Progress::default();
        p.set_read("databases", true, 5);
        let text = codec::encode(&p);
        (p, text)
    }

    #[test]
    fn unusable_storage_means_memory_only_with_the_notice() {
        let (_, text) = saved();
        for (health, read) in [
            (Health::Unavailable, Err(())),
            (Health::Unavailable, Ok(Some(text.clone()))),
            (Health::Usable, Err(())),
            (Health::ReadOnly, Err(())),
        ] {
            let start = start(health, read, &[]);
            assert_eq!(start, Start::memory_only(Progress::default()), "{health:?}");
        }
    }

    #[test]
    fn read_only_storage_shows_what_it_holds_and_never_writes() {
        let (p, text) = saved();
        let start = start(Health::ReadOnly, Ok(Some(text)), &[]);
        assert_eq!(start.progress, p);
        assert_eq!(start.notice, Some(StorageNotice::CannotSave));
        assert!(!start.writable);
        assert_eq!(start.keep_aside, None, "keeping aside would be a write");

        let broken = start_for(Health::ReadOnly, "{not json");
        assert_eq!(broken, Start::memory_only(Progress::default()));
    }

    fn start_for(health: Health, text: &str) -> Start {
        start(health, Ok(Some(text.to_string())), &[])
    }

    #[test]
    fn usable_storage_follows_the_decoding() {
        let (p, text) = saved();
        assert_eq!(
            start(Health::Usable, Ok(None), &[]),
            Start::new(Progress::default(), None, true)
        );
        assert_eq!(start_for(Health::Usable, &text), Start::new(p, None, true));

        let repaired = start_for(
            Health::Usable,
            r#"{"format":"backend-guide/progress","version":1,"progress":{"chapters":{"databases":{"read_at":5}}}}"#,
        );
        assert!(repaired.progress.chapters["databases"].is_read());
        assert!(repaired.writable && repaired.notice.is_none());
        assert!(repaired.keep_aside.is_some());

        let unreadable = start_for(Health::Usable, "{not json");
        assert_eq!(unreadable.notice, Some(StorageNotice::KeptAside));
        assert_eq!(unreadable.keep_aside.as_deref(), Some("{not json"));
        assert_eq!(
            unreadable.clone().could_not_keep_aside(),
            Start::memory_only(Progress::default())
        );

        let newer = start_for(
            Health::Usable,
            r#"{"format":"backend-guide/progress","version":9,"progress":{}}"#,
        );
        assert_eq!(newer.notice, Some(StorageNotice::NewerVersion));
        assert!(!newer.writable && newer.keep_aside.is_none());
    }
}
