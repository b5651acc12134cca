//! Progress ⇄ JSON: the stored and exported format, its versions, and how anything found in
//! storage (or an import file) is judged before the app trusts it.
//!
//! ```json
//! {"format":"backend-guide/progress","version":1,"progress":{…}}
//! ```

use serde_json::{json, Value};

use super::model::Progress;

/// Marks our documents, so a value written by another app is never taken for progress.
pub const FORMAT: &str = "backend-guide/progress";
/// The version this build writes.
pub const VERSION: u64 = 1;
/// Larger values are refused: real progress is a few KB.
pub const MAX_BYTES: usize = 256 * 1024;

/// What a stored or imported text turned out to be.
#[derive(Debug, Clone, PartialEq)]
pub enum Decoded {
    /// Valid progress, exactly as this build would write it.
    Valid(Progress),
    /// Readable progress that needed repair (an older version, missing or unknown fields):
    /// usable, but the original should be kept aside before it is overwritten.
    Repaired(Progress),
    /// Written by a newer version of the guide: readable only by that version.
    Newer(u64),
    /// Not usable at all.
    Unreadable(DecodeError),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    TooLarge(usize),
    NotJson,
    /// Valid JSON, but not a document of ours (another app's data, or something else).
    NotProgress,
    /// Ours, but with values of the wrong type or an unknown old version.
    Damaged(String),
}

impl DecodeError {
    /// A sentence for readers.
    pub fn describe(&self) -> String {
        match self {
            DecodeError::TooLarge(bytes) => format!(
                "it is far too large ({} KB) to be progress from this guide",
                bytes / 1024
            ),
            DecodeError::NotJson => "it is not a JSON file".into(),
            DecodeError::NotProgress => "it is not progress from The Backend Guide".into(),
            DecodeError::Damaged(detail) => format!("it is damaged ({detail})"),
        }
    }
}

/// The JSON this build stores and exports.
pub fn encode(progress: &Progress) -> String {
    envelope(progress).to_string()
}

fn envelope(progress: &Progress) -> Value {
    json!({ "format": FORMAT, "version": VERSION, "progress": progress })
}

/// Judges any text. Never panics, whatever the input.
pub fn decode(text: &str) -> Decoded {
    if text.len() > MAX_BYTES {
        return Decoded::Unreadable(DecodeError::TooLarge(text.len()));
    }
    let Ok(value) = serde_json::from_str::<Value>(text) else {
        return Decoded::Unreadable(DecodeError::NotJson);
    };
    if value.get("format").and_then(Value::as_str) != Some(FORMAT) {
        return Decoded::Unreadable(DecodeError::NotProgress);
    }
    let Some(version) = value.get("version").and_then(Value::as_u64) else {
        return Decoded::Unreadable(DecodeError::Damaged("no version number".into()));
    };
    if version > VERSION {
        return Decoded::Newer(version);
    }
    let migrated = match migrate(value.clone(), version, MIGRATIONS) {
        Ok(migrated) => migrated,
        Err(e) => return Decoded::Unreadable(e),
    };
    let progress = match serde_json::from_value::<Progress>(
        migrated.get("progress").cloned().unwrap_or(Value::Null),
    ) {
        Ok(progress) => progress,
        Err(e) => return Decoded::Unreadable(DecodeError::Damaged(e.to_string())),
    };
    if envelope(&progress) == value {
        Decoded::Valid(progress)
    } else {
        Decoded::Repaired(progress)
    }
}

/// One step from version `from` to `from + 1`, on the whole JSON document.
pub type Migration = fn(Value) -> Result<Value, String>;

/// Migrations by starting version: `(1, step)` would turn a version-1 document into version 2.
/// Version 1 is the first stored format, so there is nothing to migrate yet; when the format
/// changes, bump [`VERSION`] and add the step here (with a test of it).
pub const MIGRATIONS: &[(u64, Migration)] = &[];

/// Runs the migrations from `from` up to [`VERSION`] in order.
pub fn migrate(
    mut value: Value,
    from: u64,
    steps: &[(u64, Migration)],
) -> Result<Value, DecodeError> {
    let target = steps
        .iter()
        .map(|(v, _)| v + 1)
        .max()
        .unwrap_or(VERSION)
        .max(VERSION);
    let mut version = from;
    while version < target {
        let (_, step) = steps
            .iter()
            .find(|(v, _)| *v == version)
            .ok_or_else(|| DecodeError::Damaged(format!("unknown old version {version}")))?;
        value = step(value).map_err(DecodeError::Damaged)?;
        version += 1;
        value["version"] = json!(version);
    }
    Ok(value)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::progress::model::Score;

    fn sample() -> Progress {
        let mut p = Progress::default();
        p.open_chapter("databases", 100);
        p.visit("databases", Some("relational-databases"), 120);
        p.set_read("what-is-backend", true, 90);
        p.diagram.explored_nodes.insert("api".into());
        p.record_score(
            "databases",
            Score {
                correct: 3,
                total: 5,
                points: 350,
                at: 130,
            },
        );
        p
    }

    #[test]
    fn round_trip_is_exact() {
        let p = sample();
        assert_eq!(decode(&encode(&p)), Decoded::Valid(p));
        assert_eq!(
            decode(&encode(&Progress::default())),
            Decoded::Valid(Progress::default())
        );
    }

    #[test]
    fn missing_fields_are_repaired_with_defaults() {
        let text = r#"{"format":"backend-guide/progress","version":1,"progress":{"chapters":{"career":{"read_at":5}}}}"#;
        match decode(text) {
            Decoded::Repaired(p) => {
                assert!(p.chapters["career"].is_read());
                assert_eq!(p.last_visited, None);
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn unknown_fields_are_repaired_not_lost_silently() {
        let mut value: Value = serde_json::from_str(&encode(&sample())).unwrap();
        value["progress"]["something_new"] = json!(1);
        assert!(matches!(decode(&value.to_string()), Decoded::Repaired(_)));
    }

    #[test]
    fn bad_inputs_are_unreadable_with_a_reason() {
        assert_eq!(
            decode("{not json"),
            Decoded::Unreadable(DecodeError::NotJson)
        );
        assert_eq!(decode(""), Decoded::Unreadable(DecodeError::NotJson));
        assert_eq!(
            decode(r#"{"theme":"dark"}"#),
            Decoded::Unreadable(DecodeError::NotProgress)
        );
        assert_eq!(
            decode("[1,2,3]"),
            Decoded::Unreadable(DecodeError::NotProgress)
        );
        assert!(matches!(
            decode(
                r#"{"format":"backend-guide/progress","version":1,"progress":{"chapters":"lots"}}"#
            ),
            Decoded::Unreadable(DecodeError::Damaged(_))
        ));
        assert!(matches!(
            decode(r#"{"format":"backend-guide/progress","progress":{}}"#),
            Decoded::Unreadable(DecodeError::Damaged(_))
        ));
        assert!(matches!(
            decode(r#"{"format":"backend-guide/progress","version":0,"progress":{}}"#),
            Decoded::Unreadable(DecodeError::Damaged(_))
        ));
        let huge = format!("\"{}\"", "x".repeat(MAX_BYTES));
        assert!(matches!(
            decode(&huge),
            Decoded::Unreadable(DecodeError::TooLarge(_))
        ));
    }

    #[test]
    fn a_newer_version_is_recognised_not_misread() {
        assert_eq!(
            decode(r#"{"format":"backend-guide/progress","version":7,"progress":{"x":1}}"#),
            Decoded::Newer(7)
        );
    }

    fn rename_read_to_done(mut v: Value) -> Result<Value, String> {
        let chapters = v["progress"]["chapters"]
            .as_object_mut()
            .ok_or("no chapters")?;
        for chapter in chapters.values_mut() {
            if let Some(read) = chapter.as_object_mut().and_then(|c| c.remove("read")) {
                chapter["done"] = read;
            }
        }
        Ok(v)
    }

    fn add_marker(mut v: Value) -> Result<Value, String> {
        v["progress"]["marker"] = json!(true);
        Ok(v)
    }

    #[test]
    fn migrations_run_in_order_from_the_stored_version() {
        let steps: &[(u64, Migration)] = &[(2, add_marker), (1, rename_read_to_done)];
        let old =
            json!({"format": FORMAT, "version": 1, "progress": {"chapters": {"a": {"read": 5}}}});
        let migrated = migrate(old, 1, steps).unwrap();
        assert_eq!(migrated["version"], json!(3));
        assert_eq!(migrated["progress"]["chapters"]["a"]["done"], json!(5));
        assert_eq!(migrated["progress"]["marker"], json!(true));

        let from_two = json!({"format": FORMAT, "version": 2, "progress": {"chapters": {}}});
        let migrated = migrate(from_two, 2, steps).unwrap();
        assert_eq!(migrated["version"], json!(3));
        assert_eq!(migrated["progress"]["marker"], json!(true));
    }

    #[test]
    fn a_failing_or_missing_migration_makes_the_document_unreadable() {
        let steps: &[(u64, Migration)] = &[(1, rename_read_to_done)];
        let broken = json!({"format": FORMAT, "version": 1, "progress": {"chapters": 3}});
        assert!(matches!(
            migrate(broken, 1, steps),
            Err(DecodeError::Damaged(_))
        ));
        let too_old = json!({"format": FORMAT, "version": 0, "progress": {}});
        assert!(matches!(
            migrate(too_old, 0, steps),
            Err(DecodeError::Damaged(_))
        ));
    }

    #[test]
    fn the_current_format_needs_no_migration() {
        let value: Value = serde_json::from_str(&encode(&sample())).unwrap();
        assert_eq!(migrate(value.clone(), VERSION, MIGRATIONS).unwrap(), value);
    }
}
