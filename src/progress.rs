//! Reading progress (and the diagram's and quiz's slots), saved in this browser only.
//!
//! - `model`: the data and every change to it, plus the merge rules (pure Rust).
//! - `codec`: the stored/exported JSON format, versions, migrations, validation, fitting what
//!   comes from outside to this build's questions (pure Rust).
//! - `next`: "Up next", what a returning reader is offered first (pure Rust).
//! - `startup`: what the store starts with for each storage fault and stored value (pure Rust).
//! - `store`: the live store: signals, localStorage via `crate::storage`, cross-tab sync.

pub mod codec;
pub mod model;
pub mod next;
pub mod startup;
pub mod store;

#[cfg(test)]
mod properties;
