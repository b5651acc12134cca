//! Safe access to `localStorage`.
//!
//! gloo-storage's `LocalStorage::raw()` panics when storage is missing or blocked (some private
//! modes, disabled cookies, sandboxed frames), so every call first checks that the browser
//! really hands out a `Storage` object; when it doesn't, reads find nothing and writes report
//! an error instead of panicking.

use gloo_storage::{LocalStorage, Storage};
use serde::{de::DeserializeOwned, Serialize};

/// Why a value could not be saved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveError {
    /// The browser gives this page no storage at all.
    Unavailable,
    /// Storage refused the write (full, or blocked part-way).
    Rejected(String),
}

/// Whether this page can use `localStorage` at all. Never panics.
pub fn is_available() -> bool {
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .is_some()
}

/// Reads and decodes a value; `None` when storage is unavailable, the key is absent or the
/// stored text does not decode.
pub fn load<T: DeserializeOwned>(key: &str) -> Option<T> {
    if !is_available() {
        return None;
    }
    LocalStorage::get(key).ok()
}

/// Encodes and writes a value.
pub fn save<T: Serialize>(key: &str, value: &T) -> Result<(), SaveError> {
    if !is_available() {
        return Err(SaveError::Unavailable);
    }
    LocalStorage::set(key, value).map_err(|e| SaveError::Rejected(e.to_string()))
}
