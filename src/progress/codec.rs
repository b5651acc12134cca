//! Progress ⇄ JSON: the stored and exported format, its versions, and how anything found in
//! storage (or an import file) is judged before the app trusts it.
//!
//! ```json
//! {"format":"backend-guide/progress","version":1,"progress":{…}}
//! ```

use guide_content::quiz::QuestionShape;
use serde_json::{json, Value};

use super::model::{DiagramProgress, Progress};
use crate::quiz::engine::Attempt;

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
    /// Readable progress that needed repair (an older version, missing or unknown fields, a
    /// quiz attempt or diagram state that does not fit this build): usable, but the original
    /// should be kept aside before it is overwritten.
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
                "it is {}, and progress from this guide is never more than {}",
                size(*bytes),
                size(MAX_BYTES)
            ),
            DecodeError::NotJson => "it is not a JSON file".into(),
            DecodeError::NotProgress => format!("it is not progress from {}", crate::SITE_NAME),
            DecodeError::Damaged(detail) => format!("it is damaged ({detail})"),
        }
    }
}

/// "300 KB", "2.5 MB": a size for readers.
pub fn size(bytes: usize) -> String {
    const MB: usize = 1024 * 1024;
    if bytes < MB {
        format!("{} KB", bytes.div_ceil(1024))
    } else {
        format!("{}.{} MB", bytes / MB, bytes % MB * 10 / MB)
    }
}

/// The JSON this build stores and exports.
pub fn encode(progress: &Progress) -> String {
    envelope(progress).to_string()
}

fn envelope(progress: &Progress) -> Value {
    json!({ "format": FORMAT, "version": VERSION, "progress": progress })
}

/// Judges any text: from storage, from another tab, from an imported file. Never panics,
/// whatever the input. What it returns fits `index` (the questions of this build, as
/// `quiz::QUESTIONS`: their shapes, so the bank's texts need not be loaded): a quiz
/// attempt naming questions or option positions that are not there is pruned, and a quiz
/// attempt or diagram state that cannot be read at all is dropped (the rest of the progress
/// is kept); either way the result is `Repaired`.
pub fn decode(text: &str, index: &[QuestionShape]) -> Decoded {
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
    let mut body = migrated.get("progress").cloned().unwrap_or(Value::Null);
    drop_unreadable_slots(&mut body);
    let mut progress = match serde_json::from_value::<Progress>(body) {
        Ok(progress) => progress,
        Err(e) => return Decoded::Unreadable(DecodeError::Damaged(e.to_string())),
    };
    progress.fit(index);
    if envelope(&progress) == value {
        Decoded::Valid(progress)
    } else {
        Decoded::Repaired(progress)
    }
}

/// The parts of the progress that are only a view's state (the quiz attempt, the diagram):
/// one that does not read as its type is dropped alone instead of failing the whole document.
fn drop_unreadable_slots(body: &mut Value) {
    if let Some(attempt) = body.pointer_mut("/quiz/attempt") {
        if serde_json::from_value::<Option<Attempt>>(attempt.clone()).is_err() {
            *attempt = Value::Null;
        }
    }
    if let Some(diagram) = body.pointer_mut("/diagram") {
        if serde_json::from_value::<DiagramProgress>(diagram.clone()).is_err() {
            *diagram = json!({});
        }
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

    /// Decodes against an empty question bank (these tests hold no quiz attempt).
    fn judge(text: &str) -> Decoded {
        decode(text, &[])
    }

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
        assert_eq!(judge(&encode(&p)), Decoded::Valid(p));
        assert_eq!(
            judge(&encode(&Progress::default())),
            Decoded::Valid(Progress::default())
        );
    }

    #[test]
    fn missing_fields_are_repaired_with_defaults() {
        let text = r#"{"format":"backend-guide/progress","version":1,"progress":{"chapters":{"career":{"read_at":5}}}}"#;
        match judge(text) {
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
        assert!(matches!(judge(&value.to_string()), Decoded::Repaired(_)));
    }

    #[test]
    fn bad_inputs_are_unreadable_with_a_reason() {
        assert_eq!(
            judge("{not json"),
            Decoded::Unreadable(DecodeError::NotJson)
        );
        assert_eq!(judge(""), Decoded::Unreadable(DecodeError::NotJson));
        assert_eq!(
            judge(r#"{"theme":"dark"}"#),
            Decoded::Unreadable(DecodeError::NotProgress)
        );
        assert_eq!(
            judge("[1,2,3]"),
            Decoded::Unreadable(DecodeError::NotProgress)
        );
        assert!(matches!(
            judge(
                r#"{"format":"backend-guide/progress","version":1,"progress":{"chapters":"lots"}}"#
            ),
            Decoded::Unreadable(DecodeError::Damaged(_))
        ));
        assert!(matches!(
            judge(r#"{"format":"backend-guide/progress","progress":{}}"#),
            Decoded::Unreadable(DecodeError::Damaged(_))
        ));
        assert!(matches!(
            judge(r#"{"format":"backend-guide/progress","version":0,"progress":{}}"#),
            Decoded::Unreadable(DecodeError::Damaged(_))
        ));
        let huge = format!("\"{}\"", "x".repeat(MAX_BYTES));
        assert!(matches!(
            judge(&huge),
            Decoded::Unreadable(DecodeError::TooLarge(_))
        ));
    }

    #[test]
    fn an_unreadable_attempt_or_diagram_is_dropped_and_the_rest_kept() {
        let text = r#"{"format":"backend-guide/progress","version":1,"progress":{
            "chapters":{"career":{"read_at":5}},
            "diagram":{"explored_nodes":[1,2]},
            "quiz":{"best_scores":{"career":{"correct":1,"total":2,"points":100,"at":3}},
                    "attempt":{"quiz":"career","items":[{"question":"q","options":[300]}]}}}}"#;
        let Decoded::Repaired(p) = judge(text) else {
            panic!("{:?}", judge(text));
        };
        assert!(p.chapters["career"].is_read());
        assert_eq!(p.quiz.best_scores["career"].correct, 1);
        assert_eq!(p.quiz.attempt, None);
        assert_eq!(p.diagram, DiagramProgress::default());
    }

    #[test]
    fn an_attempt_is_fitted_to_the_questions_of_this_build() {
        let bank = [crate::quiz::true_false("q", "career", true).shape()];
        let attempt = |items: &str| {
            format!(
                r#"{{"format":"backend-guide/progress","version":1,"progress":{{"quiz":{{"attempt":
                {{"quiz":"career","seed":1,"started_at":1,"updated_at":2,"current":7,"finished_at":null,
                "items":[{items}]}}}}}}}}"#
            )
        };
        let fitting = r#"{"question":"q","options":[1,0],"answer":[0]}"#;
        for (items, kept) in [
            (fitting.to_string(), 1),
            (
                format!(r#"{fitting},{{"question":"gone","options":[0,1]}}"#),
                1,
            ),
            (
                format!(r#"{fitting},{{"question":"q","options":[0,1,2]}}"#),
                1,
            ),
            (
                format!(r#"{fitting},{{"question":"q","options":[0,1],"answer":[9]}}"#),
                1,
            ),
        ] {
            let Decoded::Repaired(p) = decode(&attempt(&items), &bank) else {
                panic!("{items}");
            };
            let a = p.quiz.attempt.unwrap();
            assert_eq!(a.items.len(), kept, "{items}");
            assert!(a.current <= a.items.len(), "{items}");
        }
    }

    #[test]
    fn sizes_read_naturally() {
        assert_eq!(size(1), "1 KB");
        assert_eq!(size(MAX_BYTES), "256 KB");
        assert_eq!(size(5 * 1024 * 1024 / 2), "2.5 MB");
        assert_eq!(
            DecodeError::TooLarge(2 * 1024 * 1024).describe(),
            "it is 2.0 MB, and progress from this guide is never more than 256 KB"
        );
    }

    #[test]
    fn a_newer_version_is_recognised_not_misread() {
        assert_eq!(
            judge(r#"{"format":"backend-guide/progress","version":7,"progress":{"x":1}}"#),
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
