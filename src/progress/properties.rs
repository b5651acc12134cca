//! Property tests: decoding never panics, merging converges.

use proptest::collection::{btree_map, btree_set, vec};
use proptest::option;
use proptest::prelude::*;
use serde_json::Value;

use super::codec::{decode, encode, Decoded};
use super::model::{
    AttemptRecord, ChapterProgress, DiagramProgress, Progress, QuizProgress, Score, Visit,
};
use crate::quiz::engine::Attempt;
use crate::quiz::review::Card;

fn id() -> impl Strategy<Value = String> {
    prop::sample::select(vec!["intro", "databases", "career", "gone", "api", "cache"])
        .prop_map(str::to_string)
}

fn time() -> impl Strategy<Value = u64> {
    0u64..40
}

fn progress() -> impl Strategy<Value = Progress> {
    let chapter = (option::of(time()), option::of(time()), option::of(time())).prop_map(
        |(opened_at, read_at, unread_at)| ChapterProgress {
            opened_at,
            read_at,
            unread_at,
        },
    );
    let visit = (time(), id(), option::of(id())).prop_map(|(at, chapter, section)| Visit {
        at,
        chapter,
        section,
    });
    let score = (0u32..6, 1u32..6, time()).prop_map(|(correct, total, at)| Score {
        correct: correct.min(total),
        total,
        points: correct.min(total) * 100,
        at,
    });
    let card = (0u8..4, time(), time()).prop_map(|(leitner_box, due, updated_at)| Card {
        leitner_box,
        due,
        updated_at,
    });
    let record =
        (time(), id(), 0u32..5, 0u32..500).prop_map(|(at, quiz, correct, points)| AttemptRecord {
            at,
            quiz,
            correct,
            total: 5,
            points,
        });
    let attempt = (time(), 0u64..3, 0usize..3).prop_map(|(updated_at, seed, current)| Attempt {
        quiz: "guide".into(),
        seed,
        started_at: 0,
        updated_at,
        items: Vec::new(),
        current,
        finished_at: None,
    });
    let quiz = (
        btree_map(id(), score, 0..3),
        btree_set(record, 0..4).prop_map(|set| set.into_iter().collect::<Vec<_>>()),
        btree_map(id(), card, 0..3),
        option::of(attempt),
    )
        .prop_map(|(best_scores, history, review, attempt)| QuizProgress {
            best_scores,
            history,
            review,
            attempt,
        });
    (
        0u64..3,
        btree_map(id(), chapter, 0..4),
        option::of(visit),
        btree_set(id(), 0..3),
        btree_set(id(), 0..3),
        quiz,
    )
        .prop_map(
            |(generation, chapters, last_visited, explored_nodes, completed_scenarios, quiz)| {
                Progress {
                    generation,
                    chapters,
                    last_visited,
                    diagram: DiagramProgress {
                        explored_nodes,
                        completed_scenarios,
                    },
                    quiz,
                }
            },
        )
}

fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        "[a-z_/-]{0,12}".prop_map(Value::String),
        Just(Value::String("backend-guide/progress".into())),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            vec(inner.clone(), 0..6).prop_map(Value::Array),
            btree_map(
                prop::sample::select(vec![
                    "format",
                    "version",
                    "progress",
                    "chapters",
                    "read_at",
                    "last_visited",
                    "chapter",
                    "at",
                    "generation",
                    "quiz",
                    "diagram",
                    "x",
                ])
                .prop_map(str::to_string),
                inner,
                0..6
            )
            .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

proptest! {
    #[test]
    fn decoding_arbitrary_text_never_panics(text in any::<String>()) {
        let _ = decode(&text);
    }

    #[test]
    fn decoding_arbitrary_bytes_never_panics(bytes in vec(any::<u8>(), 0..512)) {
        let _ = decode(&String::from_utf8_lossy(&bytes));
    }

    #[test]
    fn decoding_arbitrary_json_never_panics(value in json_value(), version in 0u64..4) {
        let _ = decode(&value.to_string());
        // Also inside a well-formed envelope, where the shape is what varies.
        let doc = serde_json::json!({"format": "backend-guide/progress", "version": version, "progress": value});
        let _ = decode(&doc.to_string());
    }

    #[test]
    fn encoded_progress_decodes_to_itself(p in progress()) {
        prop_assert_eq!(decode(&encode(&p)), Decoded::Valid(p));
    }

    #[test]
    fn merge_is_commutative(a in progress(), b in progress()) {
        prop_assert_eq!(a.merge(&b), b.merge(&a));
    }

    #[test]
    fn merge_is_idempotent(a in progress(), b in progress()) {
        prop_assert_eq!(a.merge(&a), a.clone());
        let ab = a.merge(&b);
        prop_assert_eq!(ab.merge(&b), ab.clone());
    }

    #[test]
    fn merge_is_associative(a in progress(), b in progress(), c in progress()) {
        prop_assert_eq!(a.merge(&b).merge(&c), a.merge(&b.merge(&c)));
    }
}
