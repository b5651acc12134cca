//! The results of a finished attempt: the score, a breakdown by chapter, the questions to
//! look at again, and the ways on (retry the missed ones, back to the guide, all quizzes).

use guide_content::quiz::{Kind, Question};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use super::{option_text, rich_text, start};
use crate::content;
use crate::progress::store::{use_progress, use_progress_store};
use crate::quiz::engine::{self, format_points, percent, ChapterResult, Item, Scope, FULL_CREDIT};
use crate::quiz::{question, QUESTIONS};
use crate::routes::{href, Page};

/// Where "Back to the guide" goes: the chapter of a chapter quiz, else the home page.
fn back_to(scope: &Scope) -> String {
    match scope {
        Scope::Chapter(id) => content::chapter(id).map_or_else(
            || href(Page::Home),
            |c| {
                href(Page::Chapter {
                    id: c.id,
                    section: None,
                })
            },
        ),
        _ => href(Page::Home),
    }
}

#[component]
pub fn Results(scope: Scope) -> impl IntoView {
    let store = use_progress_store();
    let Some(attempt) = use_progress().with_untracked(|p| p.quiz.attempt.clone()) else {
        return ().into_any();
    };
    let summary = attempt.summary(QUESTIONS);
    let missed = summary.missed.clone();
    let navigate = use_navigate();
    let retry = move |_| {
        start(store, &Scope::RetryMissed);
        navigate(&Page::Quiz { key: "retry" }.path(), Default::default());
    };
    let answers: Vec<(Item, &'static Question)> = attempt
        .items
        .iter()
        .filter(|i| missed.contains(&i.question))
        .filter_map(|i| Some((i.clone(), question(&i.question)?)))
        .collect();
    view! {
        <p class="quiz-score" role="status">
            {format!(
                "You scored {} of {} points ({}%). {} of {} questions fully right.",
                format_points(summary.points),
                summary.total,
                percent(summary.points, summary.total),
                summary.correct,
                summary.total
            )}
        </p>
        <h2>"By chapter"</h2>
        <Breakdown chapters=summary.chapters />
        {if answers.is_empty() {
            view! { <p class="quiz-all-right">"You got every question fully right. Well done!"</p> }.into_any()
        } else {
            view! {
                <h2>"Questions to look at again"</h2>
                <p>"These come back for review in a day (and again after 3 and 7 days, until you get them right)."</p>
                <ol class="quiz-missed">
                    {answers
                        .into_iter()
                        .map(|(item, q)| view! { <MissedQuestion item q /> })
                        .collect_view()}
                </ol>
            }
                .into_any()
        }}
        <p class="quiz-results__actions">
            {(!missed.is_empty())
                .then(|| {
                    view! {
                        <button id="quiz-retry" type="button" class="button button--primary" on:click=retry>
                            {format!("Retry the {} missed", missed.len())}
                        </button>
                    }
                })}
            <a class="button" href=back_to(&scope)>"Back to the guide"</a>
            <a class="button" href=href(Page::QuizHub)>"All quizzes"</a>
        </p>
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

/// The texts of the reader's answer and of the right one, and what separates them
/// (`→` between steps, `;` between choices). An option `q` does not have is empty.
fn answer_texts(
    q: &Question,
    given: &[u8],
) -> (Vec<&'static str>, Vec<&'static str>, &'static str) {
    let yours = given.iter().map(|&i| option_text(q, i)).collect();
    match q.kind {
        Kind::Order => (yours, q.options.iter().map(|o| o.text).collect(), " → "),
        _ => (
            yours,
            q.options
                .iter()
                .filter(|o| o.correct)
                .map(|o| o.text)
                .collect(),
            "; ",
        ),
    }
}

#[component]
fn MissedQuestion(item: Item, q: &'static Question) -> impl IntoView {
    let given = item.answer.unwrap_or_default();
    let (yours, right, separator) = answer_texts(q, &given);
    let joined = move |texts: Vec<&'static str>| {
        if texts.is_empty() {
            return "(no answer)".into_any();
        }
        texts
            .into_iter()
            .enumerate()
            .map(|(n, text)| view! { {(n > 0).then_some(separator)} {rich_text(text)} })
            .collect_view()
            .into_any()
    };
    let credit = engine::score(q, &given);
    view! {
        <li class="quiz-missed__item" data-question=q.id>
            <p class="quiz-missed__prompt">{rich_text(q.prompt)}</p>
            <p>
                <strong>"Your answer: "</strong>
                {joined(yours)}
                {format!(" ({} of 1 point)", format_points(credit.points.min(FULL_CREDIT)))}
            </p>
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
        </li>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    static TRUE_IS_RIGHT: Question = crate::quiz::true_false("q", "c", true);

    #[test]
    fn missed_answers_show_the_texts_and_skip_options_that_do_not_exist() {
        assert_eq!(
            answer_texts(&TRUE_IS_RIGHT, &[1]),
            (vec!["False"], vec!["True"], "; ")
        );
        assert_eq!(
            answer_texts(&TRUE_IS_RIGHT, &[9]),
            (vec![""], vec!["True"], "; ")
        );
    }
}
