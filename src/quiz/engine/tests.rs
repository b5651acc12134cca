use guide_content::quiz::{Choice, Difficulty, Kind, Question};

use super::*;
use crate::json;
use crate::progress::codec::Stored;

const fn choice(text: &'static str, correct: bool) -> Choice {
    Choice {
        text,
        correct,
        feedback: "why",
    }
}

const fn question(
    id: &'static str,
    chapter: &'static str,
    kind: Kind,
    options: &'static [Choice],
) -> Question {
    Question {
        id,
        chapter,
        section: "s",
        difficulty: Difficulty::Easy,
        kind,
        prompt: "?",
        options,
        answers: &[],
        explanation: "because",
    }
}

static SINGLE: Question = question(
    "single",
    "intro",
    Kind::Single,
    &[choice("a", false), choice("b", true), choice("c", false)],
);
static TRUE_FALSE: Question = question(
    "tf",
    "intro",
    Kind::TrueFalse,
    &[choice("True", false), choice("False", true)],
);
static MULTIPLE: Question = question(
    "multi",
    "data",
    Kind::Multiple,
    &[
        choice("a", true),
        choice("b", true),
        choice("c", true),
        choice("d", false),
        choice("e", false),
    ],
);
static ORDER: Question = question(
    "order",
    "data",
    Kind::Order,
    &[
        choice("first", true),
        choice("second", true),
        choice("third", true),
        choice("fourth", true),
    ],
);

/// Three items; answers 0–2 are theirs, 3 is a decoy.
static MATCH: Question = Question {
    answers: &["one", "two", "three", "none"],
    ..question(
        "match",
        "data",
        Kind::Match,
        &[choice("1", true), choice("2", true), choice("3", true)],
    )
};

fn bank() -> Vec<Question> {
    let mut bank = vec![SINGLE, TRUE_FALSE, MULTIPLE, ORDER];
    for (i, chapter) in ["intro", "data", "career"].iter().enumerate() {
        for j in 0..5 {
            let id: &'static str = Box::leak(format!("{chapter}-{j}").into_boxed_str());
            bank.push(question(id, chapter, Kind::Single, SINGLE.options));
        }
        let _ = i;
    }
    bank.sort_by_key(|q| {
        ["intro", "data", "career"]
            .iter()
            .position(|c| *c == q.chapter)
    });
    bank
}

#[test]
fn single_choice_and_true_false_score_all_or_nothing() {
    assert_eq!(score(&SINGLE, &[1]).points, FULL_CREDIT);
    assert_eq!(score(&SINGLE, &[0]).points, 0);
    assert_eq!(score(&SINGLE, &[]).points, 0, "no answer");
    assert_eq!(
        score(&SINGLE, &[1, 0]).points,
        0,
        "two answers to a single choice"
    );
    assert_eq!(
        score(&SINGLE, &[9]).points,
        0,
        "an index that does not exist"
    );
    assert_eq!(score(&TRUE_FALSE, &[1]).points, FULL_CREDIT);
    assert_eq!(score(&TRUE_FALSE, &[0]).points, 0);
}

#[test]
fn choose_all_that_apply_gives_partial_credit_and_wrong_choices_take_it_away() {
    // Three right options: each is worth a third.
    assert_eq!(score(&MULTIPLE, &[0, 1, 2]).points, 100);
    assert!(score(&MULTIPLE, &[0, 1, 2]).is_full());
    assert_eq!(score(&MULTIPLE, &[0, 1]).points, 66);
    assert!(!score(&MULTIPLE, &[0, 1]).is_full());
    assert_eq!(score(&MULTIPLE, &[0]).points, 33);
    assert_eq!(
        score(&MULTIPLE, &[0, 1, 2, 3]).points,
        66,
        "one wrong choice cancels one right"
    );
    assert_eq!(score(&MULTIPLE, &[0, 3, 4]).points, 0, "never below zero");
    assert_eq!(
        score(&MULTIPLE, &[0, 1, 2, 3, 4]).points,
        33,
        "choosing everything is not full marks"
    );
    assert_eq!(score(&MULTIPLE, &[]).points, 0);
    assert_eq!(
        score(&MULTIPLE, &[0, 0, 1, 1]).points,
        66,
        "duplicates count once"
    );
}

#[test]
fn put_in_order_credits_each_step_in_its_place() {
    assert_eq!(score(&ORDER, &[0, 1, 2, 3]).points, FULL_CREDIT);
    assert_eq!(score(&ORDER, &[1, 0, 2, 3]).points, 50);
    assert_eq!(score(&ORDER, &[3, 2, 1, 0]).points, 0);
    assert_eq!(score(&ORDER, &[0, 1, 2]).points, 0, "a step missing");
    assert_eq!(score(&ORDER, &[0, 1, 2, 7]).points, 0, "an unknown step");
}

#[test]
fn match_credits_each_right_pair() {
    assert_eq!(score(&MATCH, &[0, 1, 2]).points, FULL_CREDIT);
    assert_eq!(score(&MATCH, &[1, 0, 2]).points, 33, "one pair of three");
    assert_eq!(
        score(&MATCH, &[3, 3, 3]).points,
        0,
        "the decoy pairs with nothing"
    );
    assert_eq!(
        score(&MATCH, &[0, 0, 0]).points,
        33,
        "one answer for every item"
    );
    assert_eq!(
        score(&MATCH, &[0, 1]).points,
        0,
        "an item without an answer"
    );
    assert_eq!(score(&MATCH, &[0, 1, 9]).points, 0, "an unknown answer");
    let pairs: Vec<bool> = matched_pairs(&MATCH, &[0, 2, 1]).collect();
    assert_eq!(pairs, [true, false, false]);
}

#[test]
fn a_stored_match_answer_fits_only_with_one_known_answer_per_item() {
    let item = |answer: Option<Vec<u8>>| Item {
        question: "match".into(),
        options: vec![2, 0, 1],
        answer,
    };
    assert!(item(None).fits(&MATCH.shape()));
    assert!(
        item(Some(vec![3, 0, 1])).fits(&MATCH.shape()),
        "a decoy is an answer"
    );
    assert!(
        !item(Some(vec![0, 1])).fits(&MATCH.shape()),
        "an item left out"
    );
    assert!(
        !item(Some(vec![0, 1, 2, 3])).fits(&MATCH.shape()),
        "one too many"
    );
    assert!(
        !item(Some(vec![0, 1, 4])).fits(&MATCH.shape()),
        "past the answers"
    );
    let mut attempt = Attempt::new("x", &[&MATCH], 1, 0);
    attempt.items[0].answer = Some(vec![0, 1, 7]);
    attempt.prune(&[MATCH.shape()]);
    assert!(attempt.items.is_empty(), "pruned");
}

#[test]
fn the_same_seed_gives_the_same_quiz_and_another_seed_another() {
    let bank = bank();
    let scope = Scope::Guide;
    let questions = select(&scope, &bank, &[], 42);
    let a = Attempt::new("guide", &questions, 42, 0);
    let b = Attempt::new("guide", &select(&scope, &bank, &[], 42), 42, 0);
    assert_eq!(a, b);
    let orders: std::collections::HashSet<Vec<String>> = (0..20u64)
        .map(|seed| {
            let qs = select(&scope, &bank, &[], seed);
            Attempt::new("guide", &qs, seed, 0)
                .items
                .into_iter()
                .map(|i| i.question)
                .collect()
        })
        .collect();
    assert!(
        orders.len() > 15,
        "seeds give different orders: {}",
        orders.len()
    );
}

#[test]
fn the_guide_quiz_asks_two_questions_of_every_chapter() {
    let bank = bank();
    let picked = select(&Scope::Guide, &bank, &[], 7);
    assert_eq!(picked.len(), 3 * GUIDE_QUESTIONS_PER_CHAPTER);
    for chapter in ["intro", "data", "career"] {
        assert_eq!(picked.iter().filter(|q| q.chapter == chapter).count(), 2);
    }
    let chapter = select(&Scope::Chapter("data".into()), &bank, &[], 7);
    assert_eq!(chapter.len(), 7);
    assert!(chapter.iter().all(|q| q.chapter == "data"));
}

#[test]
fn options_are_shuffled_except_true_false_and_order_never_starts_solved() {
    let bank = bank();
    let qs: Vec<&Question> = bank.iter().collect();
    let mut multiple_orders = std::collections::HashSet::new();
    for seed in 0..50u64 {
        let attempt = Attempt::new("x", &qs, seed, 0);
        for item in &attempt.items {
            let mut sorted = item.options.clone();
            sorted.sort_unstable();
            let q = bank.iter().find(|q| q.id == item.question).unwrap();
            assert_eq!(sorted, (0..q.options.len() as u8).collect::<Vec<_>>());
            match q.kind {
                Kind::TrueFalse => assert_eq!(item.options, [0, 1], "True stays first"),
                Kind::Order => assert_ne!(item.options, [0, 1, 2, 3], "never already solved"),
                Kind::Multiple => {
                    multiple_orders.insert(item.options.clone());
                }
                Kind::Single | Kind::Match => {}
            }
        }
    }
    assert!(multiple_orders.len() > 10);
}

#[test]
fn an_attempt_moves_on_only_after_an_answer_and_finishes_after_the_last() {
    let bank = [SINGLE, MULTIPLE];
    let qs: Vec<&Question> = bank.iter().collect();
    let mut attempt = Attempt::new("intro", &qs, 1, 0);
    assert!(!attempt.next(1), "cannot skip an unanswered question");
    let first = bank
        .iter()
        .find(|q| q.id == attempt.items[0].question)
        .unwrap();
    let right: Vec<u8> = first.correct_options().map(|i| i as u8).collect();
    assert!(attempt.answer(first, right.clone(), 2).unwrap().is_full());
    assert_eq!(attempt.answer(first, vec![], 3), None, "answered once only");
    assert!(!attempt.next(4));
    assert_eq!(attempt.current, 1);
    let second = bank
        .iter()
        .find(|q| q.id == attempt.items[1].question)
        .unwrap();
    assert_eq!(
        attempt.answer(first, right, 5),
        None,
        "must answer the current question"
    );
    attempt.answer(second, vec![], 6).unwrap();
    assert!(attempt.next(7), "finished after the last");
    assert!(attempt.is_finished());
    assert_eq!(attempt.finished_at, Some(7));
    let summary = attempt.summary(&bank);
    assert_eq!(
        (summary.correct, summary.total, summary.points),
        (1, 2, 100)
    );
    assert_eq!(summary.missed, [second.id]);
}

#[test]
fn a_saved_attempt_resumes_at_the_same_question_with_its_answers() {
    let bank = bank();
    let qs = select(&Scope::Chapter("intro".into()), &bank, &[], 3);
    let mut attempt = Attempt::new("intro", &qs, 3, 0);
    for step in 0..2 {
        let q = bank
            .iter()
            .find(|q| q.id == attempt.items[step].question)
            .unwrap();
        attempt.answer(q, vec![0], 10).unwrap();
        attempt.next(11);
    }
    let q = bank
        .iter()
        .find(|q| q.id == attempt.items[2].question)
        .unwrap();
    attempt.answer(q, vec![1], 12).unwrap();

    let saved = crate::progress::codec::to_json(&attempt);
    let mut resumed: Attempt = Stored::read(&json::parse(&saved).unwrap()).unwrap();
    resumed.prune(&shapes(&bank));
    assert_eq!(resumed, attempt);
    assert_eq!(resumed.current, 2);
    assert_eq!(
        resumed.current_item().unwrap().answer.as_deref(),
        Some(&[1u8][..])
    );
}

#[test]
fn questions_removed_from_the_bank_are_skipped_on_resume() {
    let bank = [SINGLE, TRUE_FALSE, MULTIPLE, ORDER];
    let qs: Vec<&Question> = bank.iter().collect();
    let mut attempt = Attempt::new("x", &qs, 9, 0);
    for step in 0..2 {
        let q = bank
            .iter()
            .find(|q| q.id == attempt.items[step].question)
            .unwrap();
        attempt.answer(q, vec![0], 1).unwrap();
        attempt.next(2);
    }
    let on = attempt.items[2].question.clone();
    let gone = attempt.items[0].question.clone();
    let newer: Vec<Question> = bank.iter().filter(|q| q.id != gone).copied().collect();
    attempt.prune(&shapes(&newer));
    assert_eq!(attempt.items.len(), 3);
    assert_eq!(
        attempt.current_item().unwrap().question,
        on,
        "still on the same question"
    );

    // Everything gone: nothing to ask, no crash.
    attempt.prune(&[]);
    assert!(attempt.items.is_empty());
    assert!(attempt.is_finished());
    assert_eq!(attempt.summary(&[]).total, 0);
}

#[test]
fn a_question_whose_options_changed_is_skipped_too() {
    let bank = [SINGLE, TRUE_FALSE];
    let qs: Vec<&Question> = bank.iter().collect();
    let mut attempt = Attempt::new("x", &qs, 5, 0);
    static SHORTER: Question = question(
        "single",
        "intro",
        Kind::Single,
        &[choice("a", true), choice("b", false)],
    );
    attempt.prune(&shapes(&[SHORTER, TRUE_FALSE]));
    assert_eq!(attempt.items.len(), 1);
    assert_eq!(attempt.items[0].question, "tf");
}

#[test]
fn the_summary_breaks_results_down_by_chapter() {
    let bank = [SINGLE, TRUE_FALSE, MULTIPLE, ORDER];
    let qs: Vec<&Question> = bank.iter().collect();
    let mut attempt = Attempt::new("guide", &qs, 11, 0);
    while let Some(item) = attempt.current_item().cloned() {
        let q = bank.iter().find(|q| q.id == item.question).unwrap();
        let answer = match q.id {
            "single" => vec![1],   // right
            "tf" => vec![0],       // wrong
            "multi" => vec![0, 1], // two of three
            _ => vec![0, 1, 2, 3], // right order
        };
        attempt.answer(q, answer, 1).unwrap();
        attempt.next(2);
    }
    let s = attempt.summary(&bank);
    assert_eq!((s.points, s.correct, s.partly, s.total), (266, 2, 1, 4));
    let intro = s.chapters.iter().find(|c| c.chapter == "intro").unwrap();
    let data = s.chapters.iter().find(|c| c.chapter == "data").unwrap();
    assert_eq!((intro.points, intro.total), (100, 2));
    assert_eq!((data.points, data.total), (166, 2));
    let mut missed = s.missed.clone();
    missed.sort();
    assert_eq!(missed, ["multi", "tf"]);
    assert_eq!(percent(s.points, s.total), 66);
    assert_eq!(format_points(s.points), "2.66");
}

#[test]
fn retry_and_review_ask_exactly_the_listed_questions_that_still_exist() {
    let bank = bank();
    let listed = vec!["tf".to_string(), "gone".to_string(), "multi".to_string()];
    let picked = select(&Scope::RetryMissed, &bank, &listed, 1);
    let ids: Vec<&str> = picked.iter().map(|q| q.id).collect();
    assert_eq!(ids, ["tf", "multi"]);
}

#[test]
fn scopes_round_trip_through_their_keys() {
    let is_chapter = |id: &str| id == "databases";
    for scope in [
        Scope::Guide,
        Scope::Review,
        Scope::RetryMissed,
        Scope::Chapter("databases".into()),
    ] {
        assert_eq!(Scope::from_key(scope.key(), is_chapter), Some(scope));
    }
    assert_eq!(Scope::from_key("no-such-chapter", is_chapter), None);
}

#[test]
fn points_are_formatted_without_trailing_zeros() {
    assert_eq!(format_points(0), "0");
    assert_eq!(format_points(700), "7");
    assert_eq!(format_points(750), "7.5");
    assert_eq!(format_points(733), "7.33");
    assert_eq!(format_points(705), "7.05");
}

/// The questions' shapes, as `quiz::QUESTIONS` holds them for the bank.
fn shapes(bank: &[Question]) -> Vec<guide_content::quiz::QuestionShape> {
    bank.iter().map(Question::shape).collect()
}
