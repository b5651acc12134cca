//! The interactive frontend/backend diagram: the data (generated from `content/diagram.toml`),
//! pure navigation and trace-player logic (`model`), and the views (`view`).
//!
//! The main wasm module holds only the diagram's index, [`INDEX`]: its parts, connections,
//! traces and stacks without their texts, which is all that the home page's preview and the
//! progress page need. The texts (captions, messages, what each part does, stack labels) are
//! fetched by the diagram's views with their chunk ([`texts::load`]), and the views draw the
//! whole diagram ([`texts::get`]); natively (the prerenderer, host tests) it is compiled in.

pub mod model;
pub mod texts;
pub mod view;

include!(concat!(env!("OUT_DIR"), "/diagram_index.rs"));

/// The whole diagram, natively (the prerenderer, host tests): in the browser, see [`texts`].
#[cfg(not(target_arch = "wasm32"))]
pub use texts::compiled::DIAGRAM;
