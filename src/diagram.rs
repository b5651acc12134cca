//! The interactive frontend/backend diagram: the data (generated from `content/diagram.toml`),
//! pure navigation and trace-player logic (`model`), and the views (`view`).

pub mod model;
pub mod view;

include!(concat!(env!("OUT_DIR"), "/diagram.rs"));
