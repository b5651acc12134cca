//! The review queue: missed questions come back after 1, 3 and 7 days (Leitner boxes).
//! Plain Rust; the clock is passed in.

use std::collections::BTreeMap;

use crate::clock::Millis;

pub const DAY: Millis = 24 * 60 * 60 * 1000;

/// Wait before a question in box 1, 2, 3 is due again.
pub const BOX_INTERVALS: [Millis; 3] = [DAY, 3 * DAY, 7 * DAY];

/// One question's place in the queue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Card {
    /// 1, 2 or 3; 0 once it has been answered right in box 3 (it left the queue). Kept rather
    /// than deleted so that merging with an older copy from another tab does not bring it back.
    pub leitner_box: u8,
    pub due: Millis,
    /// When this card last changed: the newer card wins a merge.
    pub updated_at: Millis,
}

impl Card {
    pub fn is_queued(&self) -> bool {
        (1..=3).contains(&self.leitner_box)
    }

    pub fn is_due(&self, now: Millis) -> bool {
        self.is_queued() && self.due <= now
    }
}

/// The queue after one answer to `question`.
/// - Not full credit: into box 1, due in a day (wherever it was).
/// - Full credit on a due card: up one box (due in 3, then 7 days); from box 3 it leaves.
/// - Full credit on a card that is not due yet, or not queued: nothing changes.
pub fn record_answer(
    queue: &mut BTreeMap<String, Card>,
    question: &str,
    full_credit: bool,
    now: Millis,
) {
    let card = queue.get(question).copied();
    let next = match (card, full_credit) {
        (_, false) => Some(Card {
            leitner_box: 1,
            due: now + BOX_INTERVALS[0],
            updated_at: now,
        }),
        (Some(card), true) if card.is_due(now) => Some(if card.leitner_box >= 3 {
            Card {
                leitner_box: 0,
                due: card.due,
                updated_at: now,
            }
        } else {
            Card {
                leitner_box: card.leitner_box + 1,
                due: now + BOX_INTERVALS[usize::from(card.leitner_box)],
                updated_at: now,
            }
        }),
        (_, true) => None,
    };
    if let Some(next) = next {
        queue.insert(question.to_string(), next);
    }
}

/// Ids of the due questions that `exists` knows, the longest-waiting first.
pub fn due(
    queue: &BTreeMap<String, Card>,
    now: Millis,
    exists: impl Fn(&str) -> bool,
) -> Vec<String> {
    let mut due: Vec<(&String, &Card)> = queue
        .iter()
        .filter(|(id, card)| card.is_due(now) && exists(id))
        .collect();
    due.sort_by_key(|(id, card)| (card.due, *id));
    due.into_iter().map(|(id, _)| id.clone()).collect()
}

/// When the next queued question (that `exists` knows) becomes due, if any are queued.
pub fn next_due(queue: &BTreeMap<String, Card>, exists: impl Fn(&str) -> bool) -> Option<Millis> {
    queue
        .iter()
        .filter(|(id, card)| card.is_queued() && exists(id))
        .map(|(_, card)| card.due)
        .min()
}

/// Keeps the newer card of each question.
pub fn merge(
    mine: &BTreeMap<String, Card>,
    theirs: &BTreeMap<String, Card>,
) -> BTreeMap<String, Card> {
    let mut merged = mine.clone();
    for (id, card) in theirs {
        merged
            .entry(id.clone())
            .and_modify(|m| {
                if (card.updated_at, card.leitner_box, card.due)
                    > (m.updated_at, m.leitner_box, m.due)
                {
                    *m = *card;
                }
            })
            .or_insert(*card);
    }
    merged
}

/// "today", "tomorrow", "in 3 days": how far away `due` is, in whole days rounded up.
pub fn describe_wait(due: Millis, now: Millis) -> String {
    if due <= now {
        return "now".into();
    }
    match (due - now).div_ceil(DAY) {
        1 => "within a day".into(),
        days => format!("in {days} days"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const T0: Millis = 1_700_000_000_000;

    fn queue_after(answers: &[(Millis, bool)]) -> BTreeMap<String, Card> {
        let mut q = BTreeMap::new();
        for &(at, right) in answers {
            record_answer(&mut q, "q", right, at);
        }
        q
    }

    #[test]
    fn a_missed_question_comes_back_after_one_then_three_then_seven_days() {
        let mut q = queue_after(&[(T0, false)]);
        let always = |_: &str| true;
        assert!(due(&q, T0, always).is_empty(), "not due straight away");
        assert!(due(&q, T0 + DAY - 1, always).is_empty());
        assert_eq!(due(&q, T0 + DAY, always), ["q"]);

        record_answer(&mut q, "q", true, T0 + DAY);
        assert_eq!(q["q"].leitner_box, 2);
        assert!(due(&q, T0 + DAY + 3 * DAY - 1, always).is_empty());
        assert_eq!(due(&q, T0 + 4 * DAY, always), ["q"]);

        record_answer(&mut q, "q", true, T0 + 4 * DAY);
        assert_eq!(q["q"].leitner_box, 3);
        assert!(due(&q, T0 + 11 * DAY - 1, always).is_empty());
        assert_eq!(due(&q, T0 + 11 * DAY, always), ["q"]);

        record_answer(&mut q, "q", true, T0 + 11 * DAY);
        assert!(!q["q"].is_queued(), "right in box 3: it leaves the queue");
        assert!(due(&q, T0 + 365 * DAY, always).is_empty());
        assert_eq!(next_due(&q, always), None);
    }

    #[test]
    fn missing_it_again_sends_it_back_to_box_one() {
        let mut q = queue_after(&[(T0, false), (T0 + DAY, true)]);
        assert_eq!(q["q"].leitner_box, 2);
        record_answer(&mut q, "q", false, T0 + 4 * DAY);
        assert_eq!(q["q"].leitner_box, 1);
        assert_eq!(q["q"].due, T0 + 5 * DAY);
    }

    #[test]
    fn answering_right_before_it_is_due_changes_nothing() {
        let mut q = queue_after(&[(T0, false)]);
        let before = q.clone();
        record_answer(&mut q, "q", true, T0 + DAY / 2);
        assert_eq!(q, before);
        let mut fresh = BTreeMap::new();
        record_answer(&mut fresh, "never-missed", true, T0);
        assert!(fresh.is_empty(), "a right answer does not enter the queue");
    }

    #[test]
    fn due_questions_come_longest_waiting_first_and_unknown_ids_are_skipped() {
        let mut q = BTreeMap::new();
        record_answer(&mut q, "b", false, T0);
        record_answer(&mut q, "a", false, T0 + 10);
        record_answer(&mut q, "gone", false, T0 - 10);
        let exists = |id: &str| id != "gone";
        assert_eq!(due(&q, T0 + 2 * DAY, exists), ["b", "a"]);
        assert_eq!(next_due(&q, exists), Some(T0 + DAY));
    }

    #[test]
    fn merge_keeps_the_newer_card_and_a_left_card_stays_left() {
        let old = queue_after(&[(T0, false)]);
        let graduated = queue_after(&[
            (T0, false),
            (T0 + DAY, true),
            (T0 + 4 * DAY, true),
            (T0 + 11 * DAY, true),
        ]);
        assert_eq!(merge(&old, &graduated), graduated);
        assert_eq!(merge(&graduated, &old), graduated);
    }

    #[test]
    fn waits_are_described_in_days() {
        assert_eq!(describe_wait(T0, T0), "now");
        assert_eq!(describe_wait(T0 + 5, T0), "within a day");
        assert_eq!(describe_wait(T0 + DAY + 1, T0), "in 2 days");
        assert_eq!(describe_wait(T0 + 7 * DAY, T0), "in 7 days");
    }
}
