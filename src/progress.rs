//! Reading progress (and the diagram's and quiz's slots), saved in this browser only.
//!
//! - `model`: the data and every change to it, plus the merge rules (pure Rust).
//! - `codec`: the stored/exported JSON format, versions, migrations, validation (pure Rust).
//! - `store`: the live store: signals, localStorage via gloo-storage, cross-tab sync.

pub mod codec;
pub mod model;
pub mod store;

#[cfg(test)]
mod properties;
