//! Property tests: decoding never panics, what it returns fits this build's questions, merging
//! converges.

use proptest::collection::{btree_map, btree_set, vec};
use proptest::option;
use proptest::prelude::*;
use serde_json::Value;

use super::codec::{decode, encode, Decoded};
use super::model::{
    AttemptRecord, ChapterProgress, DiagramProgress, Progress, QuizProgress, Score, Visit,
};
use crate::quiz::engine::{select, Attempt, Item, Rng, Scope};
use crate::quiz::review::Card;
use crate::quiz::{test_bank, QUESTIONS};

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
    let attempt = (time(), 0u64..3).prop_map(|(updated_at, seed)| {
        let picked = select(&Scope::Guide, test_bank(), &[], seed);
        Attempt {
            updated_at,
            ..Attempt::new("guide", &picked, seed, 0)
        }
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
                    "attempt",
                    "items",
                    "options",
                    "answer",
                    "current",
                    "explored_nodes",
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

/// An attempt as anything might have saved it: real and unknown questions, display orders
/// that are right or a little off, answers with any small numbers, any position.
fn wild_attempt() -> impl Strategy<Value = Attempt> {
    let item = (
        0usize..7,
        any::<u64>(),
        0u8..4,
        option::of(vec(0u8..8, 0..5)),
    )
        .prop_map(|(pick, seed, damage, answer)| {
            let question = test_bank().get(pick).map_or("gone", |q| q.id);
            let n = test_bank().get(pick).map_or(3, |q| q.options.len()) as u8;
            let mut options: Vec<u8> = (0..n).collect();
            Rng::new(seed).shuffle(&mut options);
            match damage {
                1 => options.push(n),
                2 => options[0] = n + 1,
                _ => {}
            }
            Item {
                question: question.to_string(),
                options,
                answer,
            }
        });
    (vec(item, 0..6), any::<u32>(), option::of(time())).prop_map(|(items, current, finished_at)| {
        Attempt {
            quiz: "guide".into(),
            seed: 1,
            started_at: 0,
            updated_at: 5,
            items,
            current: current as usize,
            finished_at,
        }
    })
}

/// Every item names a question of the bank (with its texts, as the views get it), shows each of its options once, and its answer
/// names only those options (checked here on its own, not with `Item::fits`).
fn fits_the_bank(p: &Progress) -> bool {
    p.quiz.attempt.as_ref().is_none_or(|a| {
        a.current <= a.items.len()
            && a.items.iter().all(|item| {
                crate::quiz::bank_question(&item.question).is_some_and(|q| {
                    let n = q.options.len();
                    let mut shown: Vec<usize> = item.options.iter().map(|&i| i.into()).collect();
                    shown.sort_unstable();
                    let answer = item.answer.as_deref().unwrap_or_default();
                    shown == (0..n).collect::<Vec<_>>()
                        && answer.iter().all(|&i| usize::from(i) < n)
                })
            })
    })
}

fn decoded(p: &Progress) -> Option<Progress> {
    match decode(&encode(p), QUESTIONS) {
        Decoded::Valid(p) | Decoded::Repaired(p) => Some(p),
        _ => None,
    }
}

proptest! {
    #[test]
    fn decoded_attempts_fit_the_bank_alone_and_merged(a in wild_attempt(), b in wild_attempt()) {
        let with = |attempt: Attempt| {
            let mut p = Progress::default();
            p.quiz.attempt = Some(attempt);
            p
        };
        let mine = decoded(&with(a)).expect("readable");
        let theirs = decoded(&with(b)).expect("readable");
        prop_assert!(fits_the_bank(&mine), "{:?}", mine.quiz.attempt);
        prop_assert!(fits_the_bank(&mine.merge(&theirs)));
    }

    #[test]
    fn decoding_arbitrary_text_never_panics(text in any::<String>()) {
        let _ = decode(&text, QUESTIONS);
    }

    #[test]
    fn decoding_arbitrary_bytes_never_panics(bytes in vec(any::<u8>(), 0..512)) {
        let _ = decode(&String::from_utf8_lossy(&bytes), QUESTIONS);
    }

    #[test]
    fn decoding_arbitrary_json_never_panics(value in json_value(), version in 0u64..4) {
        let _ = decode(&value.to_string(), QUESTIONS);
        // Also inside a well-formed envelope, where the shape is what varies.
        let doc = serde_json::json!({"format": "backend-guide/progress", "version": version, "progress": value});
        let _ = decode(&doc.to_string(), QUESTIONS);
    }

    #[test]
    fn encoded_progress_decodes_to_itself(p in progress()) {
        prop_assert_eq!(decode(&encode(&p), QUESTIONS), Decoded::Valid(p));
    }

    /// Earlier builds wrote `serde_json::Value` text (keys in order at every level): this
    /// build writes the same bytes, so nothing stored by them reads differently now.
    #[test]
    fn progress_is_written_as_earlier_builds_wrote_it(p in progress()) {
        let text = encode(&p);
        let value: Value = serde_json::from_str(&text).expect("JSON");
        prop_assert_eq!(value.to_string(), text);
    }

    /// Valid means "the same document": spacing and key order are not a repair.
    #[test]
    fn a_reformatted_copy_is_still_valid(p in progress()) {
        let value: Value = serde_json::from_str(&encode(&p)).expect("JSON");
        let pretty = serde_json::to_string_pretty(&value).expect("text");
        prop_assert_eq!(decode(&pretty, QUESTIONS), Decoded::Valid(p.clone()));
        // The format member moved from first to last.
        let line = "\n  \"format\": \"backend-guide/progress\",";
        let reordered = format!(
            "{}{}\n}}",
            pretty.replacen(line, "", 1).trim_end_matches('}').trim_end(),
            line.trim_end_matches(',').replacen('\n', ",\n", 1)
        );
        prop_assert_eq!(decode(&reordered, QUESTIONS), Decoded::Valid(p), "{}", reordered);
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
