//! The colour-scheme preference: follow the system, or force light or dark.
//!
//! The choice is stored under [`STORAGE_KEY`]; `index.html` applies a stored choice before the
//! first paint (no flash), and [`apply`] keeps `<html data-theme>` in sync afterwards.

/// localStorage key of the theme choice (a JSON string: `"dark"`).
pub const STORAGE_KEY: &str = "backend-guide:theme";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
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

impl ThemeChoice {
    /// How it is stored: a JSON string, `"dark"` (what `index.html` compares against).
    pub fn stored(self) -> String {
        format!("\"{}\"", self.as_str())
    }

    /// The choice a stored text means; anything else follows the system.
    pub fn from_stored(text: &str) -> ThemeChoice {
        text.strip_prefix('"')
            .and_then(|t| t.strip_suffix('"'))
            .map_or(ThemeChoice::System, ThemeChoice::from_value)
    }
}

/// The stored choice, or `System` when nothing (valid) is stored or storage is unavailable.
pub fn load() -> ThemeChoice {
    crate::storage::read(STORAGE_KEY)
        .ok()
        .flatten()
        .map_or(ThemeChoice::System, |text| ThemeChoice::from_stored(&text))
}

/// Remembers the choice and applies it to the page. Returns whether it could be remembered.
pub fn choose(choice: ThemeChoice) -> bool {
    apply(choice);
    crate::storage::write(STORAGE_KEY, &choice.stored()).is_ok()
}

/// Sets `<html data-theme>` (removed for `System`, so the CSS media query decides).
pub fn apply(choice: ThemeChoice) {
    if crate::PRERENDERING {
        return;
    }
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
    fn the_stored_text_round_trips_and_junk_follows_the_system() {
        for choice in ThemeChoice::ALL {
            assert_eq!(ThemeChoice::from_stored(&choice.stored()), choice);
        }
        for junk in ["dark", "\"sepia\"", "", "\"", "42", "{\"dark\"}"] {
            assert_eq!(
                ThemeChoice::from_stored(junk),
                ThemeChoice::System,
                "{junk}"
            );
        }
    }

    #[test]
    fn stored_form_is_the_json_string_index_html_reads() {
        // index.html's pre-paint script compares against these exact strings.
        assert_eq!(ThemeChoice::Dark.stored(), "\"dark\"");
        assert_eq!(ThemeChoice::Light.stored(), "\"light\"");
        assert_eq!(ThemeChoice::from_stored("\"system\""), ThemeChoice::System);
    }
}
