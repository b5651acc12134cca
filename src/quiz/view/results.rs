//! The results of a finished attempt: how many were right, in words; a mark per question that
//! jumps to its review; the ways on (retry the missed ones, the next chapter, all quizzes)
//! right under them; when missed questions come back; the breakdown by chapter (the whole
//! guide's quiz only); then every question's review.

use guide_content::quiz::{Kind, Question};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use super::{focus_by_id, option_text, rich_text, start};
use crate::content;
use crate::progress::store::{use_progress, use_progress_store};
use crate::quiz::engine::{self, format_points, percent, ChapterResult, Item, Scope, Summary};
use crate::quiz::{bank, bank_question};
use crate::routes::{href, Page};
use crate::words::count;

/// "4 of 6 right, 1 partly", then the points where some were partly right:
/// "4 of 6 right (66%)." or "4 of 6 right, 1 partly: 4.5 of 6 points (75%)."
fn score_text(s: &Summary) -> String {
    let pct = percent(s.points, s.total);
    if s.partly == 0 {
        format!("{} of {} right ({pct}%).", s.correct, s.total)
    } else {
        format!(
            "{} of {} right, {} partly: {} of {} ({pct}%).",
            s.correct,
            s.total,
            s.partly,
            format_points(s.points),
            count(s.total as usize, "point", "points")
        )
    }
}

/// When the missed questions come back for review (a miss puts a question in the first box,
/// due a day later).
fn review_text(missed: usize) -> String {
    let verb = if missed == 1 { "comes" } else { "come" };
    format!(
        "{} {verb} back for review tomorrow, then after 3 and 7 days, until you get {} right.",
        count(missed, "question", "questions"),
        if missed == 1 { "it" } else { "them" }
    )
}

/// A question's mark: its class suffix, the symbol shown and the words read.
fn mark(points: u32) -> (&'static str, &'static str, &'static str) {
    let credit = engine::Credit { points };
    if credit.is_full() {
        ("right", "✓", "right")
    } else if points > 0 {
        ("partly", "◐", "partly right")
    } else {
        ("wrong", "✗", "not right")
    }
}

/// The ways on under the score: the next chapter's page for a chapter quiz (or that chapter
/// itself if it is the last), the home page for the others.
fn way_on(scope: &Scope) -> (String, String) {
    match scope {
        Scope::Chapter(id) => match content::neighbours(id) {
            (_, Some(next)) => (
                href(Page::Chapter {
                    id: next.id,
                    section: None,
                }),
                format!("Next chapter: {}", next.title),
            ),
            _ => (href(Page::Home), "Back to the guide".into()),
        },
        _ => (href(Page::Home), "Back to the guide".into()),
    }
}

/// The id of question `n`'s review (from 1).
fn review_id(n: usize) -> String {
    format!("quiz-review-{n}")
}

#[component]
pub fn Results(scope: Scope) -> impl IntoView {
    let store = use_progress_store();
    let Some(attempt) = use_progress().with_untracked(|p| p.quiz.attempt.clone()) else {
        return ().into_any();
    };
    let summary = attempt.summary(bank().unwrap_or_default());
    let missed = summary.missed.len();
    let navigate = use_navigate();
    let retry = move |_| {
        start(store, &Scope::RetryMissed);
        navigate(&Page::Quiz { key: "retry" }.path(), Default::default());
    };
    let answers: Vec<(Item, &'static Question, u32)> = attempt
        .items
        .iter()
        .filter_map(|i| {
            let q = bank_question(&i.question)?;
            let points = engine::score(q, i.answer.as_deref().unwrap_or_default()).points;
            Some((i.clone(), q, points))
        })
        .collect();
    let marks = answers
        .iter()
        .enumerate()
        .map(|(n, (.., points))| {
            let (class, symbol, words) = mark(*points);
            let n = n + 1;
            view! {
                <li>
                    <button
                        type="button"
                        class=format!("quiz-mark quiz-mark--{class}")
                        on:click=move |_| focus_by_id(review_id(n))
                    >
                        <span class="visually-hidden">"Question "</span>
                        {n}
                        <span aria-hidden="true">" " {symbol}</span>
                        <span class="visually-hidden">": " {words}</span>
                    </button>
                </li>
            }
        })
        .collect_view();
    let (next_href, next_text) = way_on(&scope);
    view! {
        <p class="quiz-score" role="status">{score_text(&summary)}</p>
        <ol class="quiz-marks" aria-label="Your answers, question by question">{marks}</ol>
        <p class="quiz-results__actions">
            {(missed > 0)
                .then(|| {
                    view! {
                        <button id="quiz-retry" type="button" class="button button--primary" on:click=retry>
                            {if missed == 1 {
                                "Retry the missed question".to_string()
                            } else {
                                format!("Retry the {missed} missed questions")
                            }}
                        </button>
                    }
                })}
            <a id="quiz-way-on" class="button" href=next_href>{next_text}</a>
            <a class="button" href=href(Page::QuizHub)>"All quizzes"</a>
        </p>
        {if missed > 0 {
            view! { <p class="quiz-review-note">{review_text(missed)}</p> }.into_any()
        } else {
            view! { <p class="quiz-all-right">"You got every question fully right. Well done!"</p> }
                .into_any()
        }}
        {(scope == Scope::Guide)
            .then(|| {
                view! {
                    <h2>"By chapter"</h2>
                    <Breakdown chapters=summary.chapters.clone() />
                }
            })}
        <h2>"Your answers"</h2>
        <ol class="quiz-answers">
            {answers
                .into_iter()
                .enumerate()
                .map(|(n, (item, q, points))| view! { <AnswerReview n=n + 1 item q points /> })
                .collect_view()}
        </ol>
    }
    .into_any()
}

/// Points and score per chapter.
#[component]
fn Breakdown(chapters: Vec<ChapterResult>) -> impl IntoView {
    view! {
        <table class="quiz-breakdown" id="quiz-breakdown">
            <thead>
                <tr>
                    <th scope="col">"Chapter"</th>
                    <th scope="col">"Points"</th>
                    <th scope="col">"Score"</th>
                </tr>
            </thead>
            <tbody>
                {chapters
                    .iter()
                    .map(|c| {
                        let chapter = content::chapter(&c.chapter);
                        let title = chapter.map_or("", |ch| ch.title);
                        view! {
                            <tr>
                                <th scope="row">
                                    <a href=href(Page::Chapter { id: chapter.map_or("", |ch| ch.id), section: None })>
                                        {title}
                                    </a>
                                </th>
                                <td>{format!("{} of {}", format_points(c.points), c.total)}</td>
                                <td>{format!("{}%", percent(c.points, c.total))}</td>
                            </tr>
                        }
                    })
                    .collect_view()}
            </tbody>
        </table>
    }
}

/// One part of an answer as shown: an option's text, and for a match pair the answer it was
/// (or should be) paired with.
type Part = (&'static str, Option<&'static str>);

/// The reader's answer and the right one, and what separates their parts (`→` between steps,
/// `;` between choices and pairs). An option `q` does not have is empty.
fn answer_texts(q: &Question, given: &[u8]) -> (Vec<Part>, Vec<Part>, &'static str) {
    match q.kind {
        Kind::Order => (
            given.iter().map(|&i| (option_text(q, i), None)).collect(),
            q.options.iter().map(|o| (o.text, None)).collect(),
            " → ",
        ),
        Kind::Match => (
            q.options
                .iter()
                .enumerate()
                .map(|(k, o)| (o.text, Some(given.get(k).map_or("", |&a| q.answer_text(a)))))
                .collect(),
            q.options
                .iter()
                .enumerate()
                .map(|(k, o)| (o.text, Some(q.answer_text(k as u8))))
                .collect(),
            "; ",
        ),
        _ => (
            given.iter().map(|&i| (option_text(q, i), None)).collect(),
            q.options
                .iter()
                .filter(|o| o.correct)
                .map(|o| (o.text, None))
                .collect(),
            "; ",
        ),
    }
}

/// Question `n` of the attempt: its mark, prompt and the answer given; if it was not fully
/// right, the right answer, the explanation and the section to re-read.
#[component]
fn AnswerReview(n: usize, item: Item, q: &'static Question, points: u32) -> impl IntoView {
    let given = item.answer.unwrap_or_default();
    let (yours, right, separator) = answer_texts(q, &given);
    let joined = move |parts: Vec<Part>| {
        if parts.is_empty() {
            return "(no answer)".into_any();
        }
        parts
            .into_iter()
            .enumerate()
            .map(|(i, (text, paired))| {
                view! {
                    {(i > 0).then_some(separator)}
                    {rich_text(text)}
                    {paired.map(|answer| view! { " → " {rich_text(answer)} })}
                }
            })
            .collect_view()
            .into_any()
    };
    let (class, symbol, words) = mark(points);
    let full = class == "right";
    view! {
        <li
            id=review_id(n)
            tabindex="-1"
            class=if full { "quiz-answer" } else { "quiz-answer quiz-missed__item" }
            data-question=q.id
            data-mark=class
        >
            <p class="quiz-answer__title">
                <span class=format!("quiz-mark quiz-mark--{class}")>
                    {format!("Question {n}: {symbol} {words}")}
                </span>
            </p>
            <p class="quiz-missed__prompt">{rich_text(q.prompt)}</p>
            <p>
                <strong>"Your answer: "</strong>
                {joined(yours)}
                {(!full).then(|| format!(" ({} of 1 point)", format_points(points)))}
            </p>
            {(!full)
                .then(|| {
                    view! {
                        <p class="quiz-missed__right">
                            <strong>"Right answer: "</strong>
                            {joined(right)}
                        </p>
                        <p>{rich_text(q.explanation)}</p>
                        <p>
                            <a href=href(Page::Chapter { id: q.chapter, section: Some(q.section) })>
                                "Re-read this section"
                            </a>
                        </p>
                    }
                })}
        </li>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    static TRUE_IS_RIGHT: Question = crate::quiz::true_false("q", "c", true);

    #[test]
    fn answers_show_the_texts_and_skip_options_that_do_not_exist() {
        assert_eq!(
            answer_texts(&TRUE_IS_RIGHT, &[1]),
            (vec![("False", None)], vec![("True", None)], "; ")
        );
        assert_eq!(
            answer_texts(&TRUE_IS_RIGHT, &[9]),
            (vec![("", None)], vec![("True", None)], "; ")
        );
    }

    #[test]
    fn the_score_leads_in_words_with_whole_numbers_when_nothing_was_partly_right() {
        let summary = |points, correct, partly, total| Summary {
            points,
            correct,
            partly,
            total,
            ..Summary::default()
        };
        assert_eq!(score_text(&summary(400, 4, 0, 6)), "4 of 6 right (66%).");
        assert_eq!(
            score_text(&summary(450, 4, 1, 6)),
            "4 of 6 right, 1 partly: 4.5 of 6 points (75%)."
        );
        assert_eq!(
            score_text(&summary(33, 0, 1, 1)),
            "0 of 1 right, 1 partly: 0.33 of 1 point (33%)."
        );
    }

    #[test]
    fn the_review_queue_is_stated_plainly() {
        assert_eq!(
            review_text(1),
            "1 question comes back for review tomorrow, then after 3 and 7 days, until you get it right."
        );
        assert!(review_text(6).starts_with("6 questions come back for review tomorrow"));
    }
}
