//! The colour-scheme preference: follow the system, or force light or dark.
//!
//! The choice is stored under [`STORAGE_KEY`]; `index.html` applies a stored choice before the
//! first paint (no flash), and [`apply`] keeps `<html data-theme>` in sync afterwards.

use serde::{Deserialize, Serialize};

/// localStorage key of the theme choice (a JSON string: `"dark"`).
pub const STORAGE_KEY: &str = "backend-guide:theme";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ThemeChoice {
    /// Follow `prefers-color-scheme`.
    #[default]
    System,
    Light,
    Dark,
}

impl ThemeChoice {
    pub const ALL: [ThemeChoice; 3] = [ThemeChoice::System, ThemeChoice::Light, ThemeChoice::Dark];

    /// The value used in storage, in `<option value>` and in `<html data-theme>`.
    pub fn as_str(self) -> &'static str {
        match self {
            ThemeChoice::System => "system",
            ThemeChoice::Light => "light",
            ThemeChoice::Dark => "dark",
        }
    }

    /// What the picker shows.
    pub fn label(self) -> &'static str {
        match self {
            ThemeChoice::System => "System",
            ThemeChoice::Light => "Light",
            ThemeChoice::Dark => "Dark",
        }
    }

    /// Parses a picker value; anything unknown means "follow the system".
    pub fn from_value(value: &str) -> ThemeChoice {
        Self::ALL
            .into_iter()
            .find(|c| c.as_str() == value)
            .unwrap_or_default()
    }
}

/// The stored choice, or `System` when nothing (valid) is stored or storage is unavailable.
pub fn load() -> ThemeChoice {
    crate::storage::load(STORAGE_KEY).unwrap_or_default()
}

/// Remembers the choice and applies it to the page. Returns whether it could be remembered.
pub fn choose(choice: ThemeChoice) -> bool {
    apply(choice);
    crate::storage::save(STORAGE_KEY, &choice).is_ok()
}

/// Sets `<html data-theme>` (removed for `System`, so the CSS media query decides).
pub fn apply(choice: ThemeChoice) {
    let Some(html) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    else {
        return;
    };
    let _ = match choice {
        ThemeChoice::System => html.remove_attribute("data-theme"),
        other => html.set_attribute("data-theme", other.as_str()),
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn picker_values_round_trip() {
        for choice in ThemeChoice::ALL {
            assert_eq!(ThemeChoice::from_value(choice.as_str()), choice);
        }
    }

    #[test]
    fn unknown_values_follow_the_system() {
        assert_eq!(ThemeChoice::from_value("sepia"), ThemeChoice::System);
        assert_eq!(ThemeChoice::from_value(""), ThemeChoice::System);
    }

    #[test]
    fn stored_form_is_the_json_string_index_html_reads() {
        // index.html's pre-paint script compares against these exact strings.
        assert_eq!(
            serde_json::to_string(&ThemeChoice::Dark).unwrap(),
            "\"dark\""
        );
        assert_eq!(
            serde_json::to_string(&ThemeChoice::Light).unwrap(),
            "\"light\""
        );
        assert_eq!(
            serde_json::from_str::<ThemeChoice>("\"system\"").unwrap(),
            ThemeChoice::System
        );
        assert!(serde_json::from_str::<ThemeChoice>("42").is_err());
    }
}
