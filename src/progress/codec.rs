//! Progress ⇄ JSON: the stored and exported format, its versions, and how anything found in
//! storage (or an import file) is judged before the app trusts it.
//!
//! ```json
//! {"format":"backend-guide/progress","version":1,"progress":{…}}
//! ```

use std::collections::{BTreeMap, BTreeSet};

use guide_content::quiz::QuestionShape;

use super::model::{
    AttemptRecord, ChapterProgress, DiagramProgress, Progress, QuizProgress, Score, Visit,
};
use crate::json::{self, Json};
use crate::quiz::engine::{Attempt, Item};
use crate::quiz::review::Card;

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

/// The JSON this build stores and exports: every object's keys in order, as serde_json
/// wrote it in earlier builds.
pub fn encode(progress: &Progress) -> String {
    let mut out = String::new();
    write_object(
        &mut out,
        &[
            ("format", &FORMAT.to_string()),
            ("progress", progress),
            ("version", &VERSION),
        ],
    );
    out
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
    let Some(value) = json::parse(text) else {
        return Decoded::Unreadable(DecodeError::NotJson);
    };
    if value.get("format").and_then(Json::as_str) != Some(FORMAT) {
        return Decoded::Unreadable(DecodeError::NotProgress);
    }
    let Some(version) = value.get("version").and_then(Json::as_u64) else {
        return Decoded::Unreadable(DecodeError::Damaged("no version number".into()));
    };
    if version > VERSION {
        return Decoded::Newer(version);
    }
    let migrated = match migrate(value.clone(), version, MIGRATIONS) {
        Ok(migrated) => migrated,
        Err(e) => return Decoded::Unreadable(e),
    };
    let body = migrated.get("progress").unwrap_or(&Json::Null);
    let mut progress = match Progress::read(body) {
        Ok(progress) => progress,
        Err(e) => return Decoded::Unreadable(DecodeError::Damaged(format!("progress{e}"))),
    };
    progress.fit(index);
    // Valid only if this build would write the same document (key order and spacing aside).
    if json::parse(&encode(&progress)).as_ref() == Some(&value) {
        Decoded::Valid(progress)
    } else {
        Decoded::Repaired(progress)
    }
}

/// One step from version `from` to `from + 1`, on the whole JSON document.
pub type Migration = fn(Json) -> Result<Json, String>;

/// Migrations by starting version: `(1, step)` would turn a version-1 document into version 2.
/// Version 1 is the first stored format, so there is nothing to migrate yet; when the format
/// changes, bump [`VERSION`] and add the step here (with a test of it).
pub const MIGRATIONS: &[(u64, Migration)] = &[];

/// Runs the migrations from `from` up to [`VERSION`] in order.
pub fn migrate(
    mut value: Json,
    from: u64,
    steps: &[(u64, Migration)],
) -> Result<Json, DecodeError> {
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
        value.set("version", Json::Uint(version));
    }
    Ok(value)
}

// --- The document's parts, read and written ----------------------------------------------
//
// Read as serde's derives read them from a JSON object: a missing field with a default (or an
// `Option`) takes it, a missing required field or a value of the wrong type is an error, and
// unknown fields are ignored (the comparison in `decode` makes that `Repaired`). Errors are
// `/path: what is wrong`. The slots that are only a view's state (the quiz attempt, the
// diagram) are read leniently: one that does not read as its type is dropped alone instead of
// failing the whole document. Objects are written with their keys in order.

/// A part of the stored progress.
pub trait Stored {
    fn read(json: &Json) -> Result<Self, String>
    where
        Self: Sized;
    fn write(&self, out: &mut String);
}

/// `value` as this build writes it.
pub fn to_json(value: &impl Stored) -> String {
    let mut out = String::new();
    value.write(&mut out);
    out
}

fn expected(what: &str, found: &Json) -> String {
    format!(": expected {what}, found {}", found.kind())
}

/// `error` (a `/path: message`) inside the member or item `name`.
fn inside(name: &str, error: String) -> String {
    format!("/{name}{error}")
}

/// A whole number up to `max`.
fn uint(json: &Json, max: u64) -> Result<u64, String> {
    match json {
        Json::Uint(n) if *n <= max => Ok(*n),
        Json::Uint(n) => Err(format!(": {n} is more than {max}")),
        Json::OtherNumber(text) => Err(format!(": expected a whole number, found {text}")),
        other => Err(expected("a whole number", other)),
    }
}

macro_rules! stored_uint {
    ($($t:ty),*) => {$(
        impl Stored for $t {
            fn read(json: &Json) -> Result<Self, String> {
                uint(json, <$t>::MAX as u64).map(|n| n as $t)
            }
            fn write(&self, out: &mut String) {
                out.push_str(&self.to_string());
            }
        }
    )*};
}
stored_uint!(u8, u32, u64, usize);

impl Stored for String {
    fn read(json: &Json) -> Result<Self, String> {
        json.as_str()
            .map(str::to_string)
            .ok_or_else(|| expected("a string", json))
    }
    fn write(&self, out: &mut String) {
        json::write_str(out, self);
    }
}

impl<T: Stored> Stored for Option<T> {
    fn read(json: &Json) -> Result<Self, String> {
        match json {
            Json::Null => Ok(None),
            other => T::read(other).map(Some),
        }
    }
    fn write(&self, out: &mut String) {
        match self {
            Some(value) => value.write(out),
            None => out.push_str("null"),
        }
    }
}

/// Reads each item of an array with `read`. (Loops, not `collect`: collecting into a map or set
/// would bring a sort into the wasm.)
fn read_items(
    json: &Json,
    mut read: impl FnMut(&Json) -> Result<(), String>,
) -> Result<(), String> {
    let Json::Array(items) = json else {
        return Err(expected("an array", json));
    };
    for (i, item) in items.iter().enumerate() {
        read(item).map_err(|e| inside(&i.to_string(), e))?;
    }
    Ok(())
}

fn write_items<'a, T: Stored + 'a>(out: &mut String, items: impl IntoIterator<Item = &'a T>) {
    out.push('[');
    for (i, item) in items.into_iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        item.write(out);
    }
    out.push(']');
}

impl<T: Stored> Stored for Vec<T> {
    fn read(json: &Json) -> Result<Self, String> {
        let mut items = Vec::new();
        read_items(json, |item| {
            items.push(T::read(item)?);
            Ok(())
        })?;
        Ok(items)
    }
    fn write(&self, out: &mut String) {
        write_items(out, self);
    }
}

impl<T: Stored + Ord> Stored for BTreeSet<T> {
    fn read(json: &Json) -> Result<Self, String> {
        let mut items = BTreeSet::new();
        read_items(json, |item| {
            items.insert(T::read(item)?);
            Ok(())
        })?;
        Ok(items)
    }
    fn write(&self, out: &mut String) {
        write_items(out, self);
    }
}

impl<T: Stored> Stored for BTreeMap<String, T> {
    fn read(json: &Json) -> Result<Self, String> {
        let Json::Object(members) = json else {
            return Err(expected("an object", json));
        };
        let mut map = BTreeMap::new();
        for (key, value) in members {
            map.insert(key.clone(), T::read(value).map_err(|e| inside(key, e))?);
        }
        Ok(map)
    }
    fn write(&self, out: &mut String) {
        out.push('{');
        for (i, (key, value)) in self.iter().enumerate() {
            write_member(out, i, key, value);
        }
        out.push('}');
    }
}

/// Writes an object with these members, in this order.
fn write_object(out: &mut String, fields: &[(&str, &dyn Stored)]) {
    out.push('{');
    for (i, (name, value)) in fields.iter().enumerate() {
        write_member(out, i, name, *value);
    }
    out.push('}');
}

/// The `i`th member of an object: `"name":value`, after a comma unless it is the first.
fn write_member(out: &mut String, i: usize, name: &str, value: &dyn Stored) {
    if i > 0 {
        out.push(',');
    }
    json::write_str(out, name);
    out.push(':');
    value.write(out);
}

/// The members of an object being read as a struct.
struct Fields<'a>(&'a BTreeMap<String, Json>);

impl<'a> Fields<'a> {
    fn of(json: &'a Json) -> Result<Self, String> {
        match json {
            Json::Object(map) => Ok(Fields(map)),
            other => Err(expected("an object", other)),
        }
    }

    /// A field that must be there.
    fn required<T: Stored>(&self, name: &str) -> Result<T, String> {
        match self.0.get(name) {
            Some(value) => T::read(value).map_err(|e| inside(name, e)),
            None => Err(inside(name, ": missing".into())),
        }
    }

    /// A field with a default (or an `Option`): the default when it is missing.
    fn or_default<T: Stored + Default>(&self, name: &str) -> Result<T, String> {
        match self.0.get(name) {
            Some(value) => T::read(value).map_err(|e| inside(name, e)),
            None => Ok(T::default()),
        }
    }

    /// A view's slot: the default when it is missing or cannot be read.
    fn lenient<T: Stored + Default>(&self, name: &str) -> T {
        self.or_default(name).unwrap_or_default()
    }
}

impl Stored for Progress {
    fn read(json: &Json) -> Result<Self, String> {
        let f = Fields::of(json)?;
        Ok(Progress {
            generation: f.or_default("generation")?,
            chapters: f.or_default("chapters")?,
            last_visited: f.or_default("last_visited")?,
            diagram: f.lenient("diagram"),
            quiz: f.or_default("quiz")?,
        })
    }
    fn write(&self, out: &mut String) {
        write_object(
            out,
            &[
                ("chapters", &self.chapters),
                ("diagram", &self.diagram),
                ("generation", &self.generation),
                ("last_visited", &self.last_visited),
                ("quiz", &self.quiz),
            ],
        );
    }
}

impl Stored for ChapterProgress {
    fn read(json: &Json) -> Result<Self, String> {
        let f = Fields::of(json)?;
        Ok(ChapterProgress {
            opened_at: f.or_default("opened_at")?,
            read_at: f.or_default("read_at")?,
            unread_at: f.or_default("unread_at")?,
        })
    }
    fn write(&self, out: &mut String) {
        write_object(
            out,
            &[
                ("opened_at", &self.opened_at),
                ("read_at", &self.read_at),
                ("unread_at", &self.unread_at),
            ],
        );
    }
}

impl Stored for Visit {
    fn read(json: &Json) -> Result<Self, String> {
        let f = Fields::of(json)?;
        Ok(Visit {
            at: f.required("at")?,
            chapter: f.required("chapter")?,
            section: f.or_default("section")?,
        })
    }
    fn write(&self, out: &mut String) {
        write_object(
            out,
            &[
                ("at", &self.at),
                ("chapter", &self.chapter),
                ("section", &self.section),
            ],
        );
    }
}

impl Stored for DiagramProgress {
    fn read(json: &Json) -> Result<Self, String> {
        let f = Fields::of(json)?;
        Ok(DiagramProgress {
            explored_nodes: f.or_default("explored_nodes")?,
            completed_scenarios: f.or_default("completed_scenarios")?,
        })
    }
    fn write(&self, out: &mut String) {
        write_object(
            out,
            &[
                ("completed_scenarios", &self.completed_scenarios),
                ("explored_nodes", &self.explored_nodes),
            ],
        );
    }
}

impl Stored for QuizProgress {
    fn read(json: &Json) -> Result<Self, String> {
        let f = Fields::of(json)?;
        Ok(QuizProgress {
            best_scores: f.or_default("best_scores")?,
            history: f.or_default("history")?,
            review: f.or_default("review")?,
            attempt: f.lenient("attempt"),
        })
    }
    fn write(&self, out: &mut String) {
        write_object(
            out,
            &[
                ("attempt", &self.attempt),
                ("best_scores", &self.best_scores),
                ("history", &self.history),
                ("review", &self.review),
            ],
        );
    }
}

impl Stored for Score {
    fn read(json: &Json) -> Result<Self, String> {
        let f = Fields::of(json)?;
        Ok(Score {
            correct: f.required("correct")?,
            total: f.required("total")?,
            points: f.or_default("points")?,
            at: f.required("at")?,
        })
    }
    fn write(&self, out: &mut String) {
        write_object(
            out,
            &[
                ("at", &self.at),
                ("correct", &self.correct),
                ("points", &self.points),
                ("total", &self.total),
            ],
        );
    }
}

impl Stored for AttemptRecord {
    fn read(json: &Json) -> Result<Self, String> {
        let f = Fields::of(json)?;
        Ok(AttemptRecord {
            at: f.required("at")?,
            quiz: f.required("quiz")?,
            correct: f.required("correct")?,
            total: f.required("total")?,
            points: f.required("points")?,
        })
    }
    fn write(&self, out: &mut String) {
        write_object(
            out,
            &[
                ("at", &self.at),
                ("correct", &self.correct),
                ("points", &self.points),
                ("quiz", &self.quiz),
                ("total", &self.total),
            ],
        );
    }
}

impl Stored for Card {
    fn read(json: &Json) -> Result<Self, String> {
        let f = Fields::of(json)?;
        Ok(Card {
            leitner_box: f.required("box")?,
            due: f.required("due")?,
            updated_at: f.required("updated_at")?,
        })
    }
    fn write(&self, out: &mut String) {
        write_object(
            out,
            &[
                ("box", &self.leitner_box),
                ("due", &self.due),
                ("updated_at", &self.updated_at),
            ],
        );
    }
}

impl Stored for Attempt {
    fn read(json: &Json) -> Result<Self, String> {
        let f = Fields::of(json)?;
        Ok(Attempt {
            quiz: f.required("quiz")?,
            seed: f.required("seed")?,
            started_at: f.required("started_at")?,
            updated_at: f.required("updated_at")?,
            items: f.required("items")?,
            current: f.required("current")?,
            finished_at: f.or_default("finished_at")?,
        })
    }
    fn write(&self, out: &mut String) {
        write_object(
            out,
            &[
                ("current", &self.current),
                ("finished_at", &self.finished_at),
                ("items", &self.items),
                ("quiz", &self.quiz),
                ("seed", &self.seed),
                ("started_at", &self.started_at),
                ("updated_at", &self.updated_at),
            ],
        );
    }
}

impl Stored for Item {
    fn read(json: &Json) -> Result<Self, String> {
        let f = Fields::of(json)?;
        Ok(Item {
            question: f.required("question")?,
            options: f.required("options")?,
            answer: f.or_default("answer")?,
        })
    }
    fn write(&self, out: &mut String) {
        write_object(
            out,
            &[
                ("answer", &self.answer),
                ("options", &self.options),
                ("question", &self.question),
            ],
        );
    }
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
        let mut value: serde_json::Value = serde_json::from_str(&encode(&sample())).unwrap();
        value["progress"]["something_new"] = serde_json::json!(1);
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
    fn fields_with_a_default_may_be_left_out() {
        let bank = [crate::quiz::true_false("q", "career", true).shape()];
        let text = r#"{"format":"backend-guide/progress","version":1,"progress":{
            "last_visited":{"at":1,"chapter":"career"},
            "quiz":{"best_scores":{"career":{"correct":1,"total":2,"at":3}},
                    "attempt":{"quiz":"career","seed":1,"started_at":1,"updated_at":2,"current":0,
                               "items":[{"question":"q","options":[1,0]}]}}}}"#;
        let Decoded::Repaired(p) = decode(text, &bank) else {
            panic!("{:?}", decode(text, &bank));
        };
        assert_eq!(p.last_visited.unwrap().section, None);
        assert_eq!(p.quiz.best_scores["career"].points, 0);
        let attempt = p.quiz.attempt.expect("the attempt is kept");
        assert_eq!(attempt.finished_at, None);
        assert_eq!(attempt.items[0].answer, None);
        assert_eq!(p.generation, 0);
    }

    #[test]
    fn damage_is_described_where_it_is() {
        let detail = |body: &str| match judge(&format!(
            r#"{{"format":"backend-guide/progress","version":1,"progress":{body}}}"#
        )) {
            Decoded::Unreadable(DecodeError::Damaged(detail)) => detail,
            other => panic!("{body}: {other:?}"),
        };
        assert_eq!(
            detail(r#"{"chapters":"lots"}"#),
            "progress/chapters: expected an object, found a string"
        );
        assert_eq!(detail("null"), "progress: expected an object, found null");
        assert_eq!(
            detail(r#"{"last_visited":{"chapter":"a"}}"#),
            "progress/last_visited/at: missing"
        );
        assert_eq!(
            detail(
                r#"{"quiz":{"history":[{"at":1,"quiz":"q","correct":1,"total":2,"points":-1}]}}"#
            ),
            "progress/quiz/history/0/points: expected a whole number, found -1"
        );
        assert_eq!(
            detail(r#"{"quiz":{"review":{"q":{"box":300,"due":1,"updated_at":1}}}}"#),
            "progress/quiz/review/q/box: 300 is more than 255"
        );
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

    fn document(text: &str) -> Json {
        json::parse(text).unwrap()
    }

    /// The value at `path` (member names) inside `value`.
    fn at<'a>(value: &'a Json, path: &[&str]) -> Option<&'a Json> {
        path.iter().try_fold(value, |v, key| v.get(key))
    }

    fn rename_read_to_done(mut v: Json) -> Result<Json, String> {
        let chapters = match v.get_mut("progress").and_then(|p| p.get_mut("chapters")) {
            Some(Json::Object(chapters)) => chapters,
            _ => return Err("no chapters".into()),
        };
        for chapter in chapters.values_mut() {
            if let Json::Object(fields) = chapter {
                if let Some(read) = fields.remove("read") {
                    fields.insert("done".into(), read);
                }
            }
        }
        Ok(v)
    }

    fn add_marker(mut v: Json) -> Result<Json, String> {
        let progress = v.get_mut("progress").ok_or("no progress")?;
        progress.set("marker", Json::Bool(true));
        Ok(v)
    }

    #[test]
    fn migrations_run_in_order_from_the_stored_version() {
        let steps: &[(u64, Migration)] = &[(2, add_marker), (1, rename_read_to_done)];
        let old = document(
            r#"{"format":"backend-guide/progress","version":1,"progress":{"chapters":{"a":{"read":5}}}}"#,
        );
        let migrated = migrate(old, 1, steps).unwrap();
        assert_eq!(migrated.get("version"), Some(&Json::Uint(3)));
        assert_eq!(
            at(&migrated, &["progress", "chapters", "a", "done"]),
            Some(&Json::Uint(5))
        );
        assert_eq!(
            at(&migrated, &["progress", "marker"]),
            Some(&Json::Bool(true))
        );

        let from_two = document(
            r#"{"format":"backend-guide/progress","version":2,"progress":{"chapters":{}}}"#,
        );
        let migrated = migrate(from_two, 2, steps).unwrap();
        assert_eq!(migrated.get("version"), Some(&Json::Uint(3)));
        assert_eq!(
            at(&migrated, &["progress", "marker"]),
            Some(&Json::Bool(true))
        );
    }

    #[test]
    fn a_failing_or_missing_migration_makes_the_document_unreadable() {
        let steps: &[(u64, Migration)] = &[(1, rename_read_to_done)];
        let broken = document(
            r#"{"format":"backend-guide/progress","version":1,"progress":{"chapters":3}}"#,
        );
        assert!(matches!(
            migrate(broken, 1, steps),
            Err(DecodeError::Damaged(_))
        ));
        let too_old = document(r#"{"format":"backend-guide/progress","version":0,"progress":{}}"#);
        assert!(matches!(
            migrate(too_old, 0, steps),
            Err(DecodeError::Damaged(_))
        ));
    }

    #[test]
    fn the_current_format_needs_no_migration() {
        let value = document(&encode(&sample()));
        assert_eq!(migrate(value.clone(), VERSION, MIGRATIONS).unwrap(), value);
    }
}
