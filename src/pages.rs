//! One component per route.

pub mod chapter;
pub mod chapter_body;
pub mod diagram;
pub mod glossary;
pub mod home;
pub mod not_found;
pub mod progress;
pub mod quiz;
