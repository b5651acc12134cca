//! The one place that touches `localStorage`. Every call goes through web-sys's catching
//! bindings, so nothing a browser's storage does can trap or panic the app.
//!
//! Browsers break storage in many ways: the `localStorage` getter throws (sandboxed frames,
//! disabled cookies) or returns `null`, `getItem`/`key`/`length` throw (Firefox with a
//! corrupted profile: `NS_ERROR_FILE_CORRUPTED`), `setItem` throws (quota, private modes),
//! `removeItem` throws. Before the app trusts storage it probes, once per page, every
//! operation it relies on ([`health`]):
//!
//! - [`Health::Usable`]: reads and writes work.
//! - [`Health::ReadOnly`]: reading works, writing or removing throws. What is stored is read
//!   and shown, and never written over.
//! - [`Health::Unavailable`]: no storage, or reading throws. Nothing is read or written.
//!
//! Whatever the health, nothing stored is ever removed or overwritten by the probe: it
//! writes and removes only its own key.

use std::cell::Cell;

/// Written and removed again by the probe; never holds anything else.
pub const PROBE_KEY: &str = "backend-guide:probe";

/// What this page may do with storage (probed once, see the module docs).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Health {
    Usable,
    ReadOnly,
    Unavailable,
}

impl Health {
    /// The health for what the probe saw: whether there was a storage object whose reads
    /// (`length`, `key`, `getItem`) worked, and whether writing and removing worked.
    pub fn from_probe(reads: bool, writes: bool) -> Health {
        match (reads, writes) {
            (false, _) => Health::Unavailable,
            (true, false) => Health::ReadOnly,
            (true, true) => Health::Usable,
        }
    }

    pub fn can_read(self) -> bool {
        self != Health::Unavailable
    }
}

/// Why storage could not do what was asked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StorageError {
    /// The probe found storage missing, or unusable for this operation.
    Unusable(Health),
    /// The browser threw (quota exceeded, blocked part-way).
    Threw,
}

thread_local! {
    static HEALTH: Cell<Option<Health>> = const { Cell::new(None) };
}

/// The storage object, if the browser hands one out. Never panics.
fn local_storage() -> Option<web_sys::Storage> {
    if crate::PRERENDERING {
        return None;
    }
    web_sys::window()?.local_storage().ok().flatten()
}

/// This page's storage health, probed on first use.
pub fn health() -> Health {
    HEALTH.with(|cached| {
        cached.get().unwrap_or_else(|| {
            let health = probe();
            cached.set(Some(health));
            health
        })
    })
}

fn probe() -> Health {
    let Some(storage) = local_storage() else {
        return Health::Unavailable;
    };
    let reads =
        storage.length().is_ok() && storage.key(0).is_ok() && storage.get_item(PROBE_KEY).is_ok();
    let writes =
        reads && storage.set_item(PROBE_KEY, "1").is_ok() && storage.remove_item(PROBE_KEY).is_ok();
    Health::from_probe(reads, writes)
}

/// Reads the text stored under `key` (`None`: nothing stored).
pub fn read(key: &str) -> Result<Option<String>, StorageError> {
    let health = health();
    let storage = local_storage()
        .filter(|_| health.can_read())
        .ok_or(StorageError::Unusable(health))?;
    storage.get_item(key).map_err(|_| StorageError::Threw)
}

/// Stores `text` under `key`.
pub fn write(key: &str, text: &str) -> Result<(), StorageError> {
    let health = health();
    let storage = local_storage()
        .filter(|_| health == Health::Usable)
        .ok_or(StorageError::Unusable(health))?;
    storage.set_item(key, text).map_err(|_| StorageError::Threw)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_probe_decides_what_may_be_done() {
        assert_eq!(Health::from_probe(false, false), Health::Unavailable);
        assert_eq!(Health::from_probe(false, true), Health::Unavailable);
        assert_eq!(Health::from_probe(true, false), Health::ReadOnly);
        assert_eq!(Health::from_probe(true, true), Health::Usable);
        assert!(Health::ReadOnly.can_read());
        assert!(!Health::Unavailable.can_read());
    }
}
