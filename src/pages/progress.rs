//! The progress page: a summary (completion and "Up next"), each chapter's state, the
//! diagram's parts and requests still to explore, the quiz's results, export/import (with a
//! preview and undo), and reset with confirmation.

mod export_import;

use leptos::prelude::*;

use crate::words::count;
use crate::SITE_NAME;

use crate::content::{self, chapters};
use crate::diagram::INDEX;
use crate::progress::model::{Completion, Progress};
use crate::progress::store::{use_progress, use_progress_store};
use crate::quiz::engine::{format_points, percent};
use crate::quiz::view::review_status::ReviewStatus;
use crate::quiz::{is_known_quiz, quiz_name};
use crate::routes::{href, Page};
use crate::ui::chapter_state_mark::{ChapterStateMark, StateMarkLegend};
use crate::ui::page_meta::PageMeta;
use crate::ui::up_next::UpNextActions;
use export_import::ExportImport;

fn known_ids() -> Vec<&'static str> {
    chapters().iter().map(|c| c.id).collect()
}

/// Parts explored and traces followed, of those this build's diagram has.
fn diagram_counts(p: &Progress) -> (usize, usize) {
    let parts: Vec<&str> = INDEX.nodes.iter().map(|n| n.id).collect();
    let traces: Vec<&str> = INDEX.scenarios.iter().map(|s| s.id).collect();
    p.diagram.known_counts(&parts, &traces)
}

/// "3 of 8 chapters read (37%), 1 in progress".
fn describe(completion: Completion) -> String {
    let mut text = format!(
        "{} of {} read ({}%)",
        completion.read,
        count(completion.total, "chapter", "chapters"),
        completion.percent()
    );
    if completion.in_progress > 0 {
        text.push_str(&format!(", {} in progress", completion.in_progress));
    }
    text
}

#[component]
pub fn ProgressPage() -> impl IntoView {
    let progress = use_progress();
    let completion = Memo::new(move |_| progress.with(|p| p.completion(&known_ids())));
    view! {
        <PageMeta
            title=Some("Your progress".to_string())
            description=format!("See which chapters of {SITE_NAME} you have read, move your progress to another browser, or start over.")
        />
        <section class="progress-page" aria-labelledby="progress-title">
            <h1 id="progress-title" tabindex="-1">"Your progress"</h1>
            <p>
                "Your progress is saved in this browser only. There is no account, and nothing is sent anywhere."
            </p>
            <div class="progress-summary">
                <div class="completion">
                    <label for="overall-progress">"Chapters read"</label>
                    <progress
                        id="overall-progress"
                        max=move || completion.get().total
                        value=move || completion.get().read
                    ></progress>
                    <p class="completion__text">{move || describe(completion.get())}</p>
                </div>
                <p class="up-next">
                    <UpNextActions />
                </p>
            </div>

            <h2>"Chapters"</h2>
            <StateMarkLegend shown=Signal::derive(move || {
                let c = completion.get();
                c.read + c.in_progress > 0
            }) />
            <ChapterStates progress />

            <h2>"Interactive diagram"</h2>
            <p class="progress-slot" data-slot="diagram">
                {move || progress.with(describe_diagram)}
            </p>
            <DiagramLeft progress />

            <h2>"Quiz"</h2>
            <QuizScores progress />

            <h2>"Move your progress to another browser"</h2>
            <ExportImport />

            <h2>"Start over"</h2>
            <ResetProgress />
        </section>
    }
}

/// Each chapter with its state.
#[component]
fn ChapterStates(progress: ReadSignal<Progress>) -> impl IntoView {
    view! {
        <ol class="progress-chapters">
            {chapters()
                .iter()
                .map(|chapter| {
                    let state = Signal::derive(move || {
                        progress.with(|p| p.chapter_state(chapter.id))
                    });
                    view! {
                        <li data-state=move || state.get().as_str()>
                            <a href=href(Page::Chapter { id: chapter.id, section: None })>
                                {chapter.title}
                            </a>
                            <ChapterStateMark state />
                            <span class="progress-chapters__state" aria-hidden="true">
                                {move || state.get().label()}
                            </span>
                        </li>
                    }
                })
                .collect_view()}
        </ol>
    }
}

/// "2 parts explored, 1 request trace followed." (or that nothing is yet).
fn describe_diagram(p: &Progress) -> String {
    let (nodes, traces) = diagram_counts(p);
    if nodes + traces == 0 {
        "Nothing explored yet. The parts of the diagram you open and the requests you follow will be listed here."
            .to_string()
    } else {
        format!(
            "{} explored, {} followed.",
            count(nodes, "part", "parts"),
            count(traces, "request trace", "request traces")
        )
    }
}

/// The parts of this build's diagram not explored yet, and each request with whether it was
/// followed to its end.
fn diagram_left(p: &Progress) -> (Vec<&'static str>, Vec<(&'static str, bool)>) {
    let parts = INDEX
        .nodes
        .iter()
        .filter(|n| !p.diagram.explored_nodes.contains(n.id))
        .map(|n| n.label)
        .collect();
    let traces = INDEX
        .scenarios
        .iter()
        .map(|s| (s.title, p.diagram.completed_scenarios.contains(s.id)))
        .collect();
    (parts, traces)
}

/// What is left in the diagram: the parts to explore and the requests to follow. The diagram
/// page opens at its start (it cannot open a part from its address): one link to it.
#[component]
fn DiagramLeft(progress: ReadSignal<Progress>) -> impl IntoView {
    let left = Memo::new(move |_| progress.with(diagram_left));
    move || {
        let (parts, traces) = left.get();
        let followed = traces.iter().filter(|(_, done)| *done).count();
        view! {
            <div class="diagram-left">
                {(!parts.is_empty())
                    .then(|| {
                        view! {
                            <h3>{format!("{} still to explore", count(parts.len(), "part", "parts"))}</h3>
                            <ul class="diagram-left__parts">
                                {parts.into_iter().map(|label| view! { <li>{label}</li> }).collect_view()}
                            </ul>
                        }
                    })}
                <h3>
                    {format!(
                        "Requests: {} of {} followed to the end",
                        followed,
                        traces.len()
                    )}
                </h3>
                <ul class="diagram-left__traces">
                    {traces
                        .into_iter()
                        .map(|(title, done)| {
                            view! {
                                <li data-followed=done.to_string()>
                                    {title}
                                    <span class="diagram-left__state">
                                        {if done { " — followed ✓" } else { " — not followed yet" }}
                                    </span>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
                <p>
                    "A request counts as followed once you have stepped through it to its last step. "
                    <a class="diagram-left__open" href=href(Page::Diagram)>"Open the diagram"</a>
                    " (it opens at its start: choose a part or a request there)."
                </p>
            </div>
        }
    }
}

/// The quiz slot as text: each known quiz's best score, the last ten known attempts, and
/// how many questions are queued for review.
struct QuizResults {
    scores: Vec<(String, String)>,
    history: Vec<String>,
    queued: usize,
}

impl QuizResults {
    fn of(p: &Progress) -> Self {
        let scores = p
            .quiz
            .best_scores
            .iter()
            .filter(|(quiz, _)| *quiz == "guide" || content::chapter(quiz).is_some())
            .map(|(quiz, score)| {
                (
                    quiz_name(quiz),
                    format!(
                        "{} of {} ({}%)",
                        format_points(score.points),
                        count(score.total as usize, "point", "points"),
                        score.percent()
                    ),
                )
            })
            .collect();
        let history = p
            .quiz
            .history
            .iter()
            .rev()
            .filter(|r| is_known_quiz(&r.quiz))
            .take(10)
            .map(|r| {
                format!(
                    "{}: {} of {} ({}%)",
                    quiz_name(&r.quiz),
                    format_points(r.points),
                    count(r.total as usize, "point", "points"),
                    percent(r.points, r.total)
                )
            })
            .collect();
        let queued = p.quiz.review.values().filter(|c| c.is_queued()).count();
        QuizResults {
            scores,
            history,
            queued,
        }
    }
}

#[component]
fn QuizScores(progress: ReadSignal<Progress>) -> impl IntoView {
    move || {
        let QuizResults {
            scores,
            history,
            queued,
        } = progress.with(QuizResults::of);
        if scores.is_empty() && history.is_empty() {
            return view! {
                <p class="progress-slot" data-slot="quiz">
                    "No quiz results yet. Your best score for each quiz will appear here. "
                    <a href=href(Page::QuizHub)>"Take a quiz"</a>
                </p>
            }
            .into_any();
        }
        view! {
            <div class="progress-slot" data-slot="quiz">
                <h3>"Best scores"</h3>
                <ul class="quiz-best">
                    {scores
                        .into_iter()
                        .map(|(name, score)| view! { <li>{name} ": best " {score}</li> })
                        .collect_view()}
                </ul>
                <h3>"Recent attempts"</h3>
                <ol class="quiz-history">
                    {history.into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}
                </ol>
                <p>
                    {format!(
                        "{} in your review queue.",
                        count(queued, "missed question", "missed questions"),
                    )}
                </p>
                <ReviewStatus />
                <p>
                    <a href=href(Page::QuizHub)>"All quizzes"</a>
                </p>
            </div>
        }
        .into_any()
    }
}

#[component]
fn ResetProgress() -> impl IntoView {
    let store = use_progress_store();
    let (confirming, set_confirming) = signal(false);
    let (done, set_done) = signal(false);
    let confirm_button = NodeRef::<leptos::html::Button>::new();
    Effect::new(move |_| {
        if confirming.get() {
            if let Some(button) = confirm_button.get() {
                let _ = button.focus();
            }
        }
    });
    view! {
        <p>"Resetting clears the chapters you have read, your place, and your diagram and quiz results in this browser."</p>
        <Show
            when=move || confirming.get()
            fallback=move || {
                view! {
                    <button
                        type="button"
                        class="button reset-button"
                        on:click=move |_| {
                            set_done.set(false);
                            set_confirming.set(true);
                        }
                    >
                        "Reset all progress…"
                    </button>
                }
            }
        >
            <div class="reset-confirm" role="group" aria-labelledby="reset-question">
                <p id="reset-question">
                    <strong>"Reset all progress?"</strong>
                    " This can't be undone. Export it first if you may want it back."
                </p>
                <button
                    type="button"
                    class="button button--danger reset-confirm-button"
                    node_ref=confirm_button
                    on:click=move |_| {
                        store.reset();
                        set_confirming.set(false);
                        set_done.set(true);
                    }
                >
                    "Yes, reset everything"
                </button>
                <button type="button" class="button" on:click=move |_| set_confirming.set(false)>
                    "Cancel"
                </button>
            </div>
        </Show>
        <p class="reset-status" aria-live="polite">
            {move || done.get().then_some("Your progress has been reset.")}
        </p>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::progress::model::{AttemptRecord, Score};

    #[test]
    fn quiz_results_show_known_quizzes_only_newest_first() {
        let chapter = &chapters()[0];
        let mut p = Progress::default();
        let score = Score {
            correct: 1,
            total: 2,
            points: 150,
            at: 1,
        };
        p.record_score(chapter.id, score);
        p.record_score("gone", score);
        for (at, quiz) in [(1, "guide"), (2, "gone"), (3, chapter.id)] {
            p.quiz.history.push(AttemptRecord {
                at,
                quiz: quiz.into(),
                correct: 1,
                total: 2,
                points: 150,
            });
        }
        let results = QuizResults::of(&p);
        assert_eq!(
            results.scores,
            [(
                chapter.title.to_string(),
                "1.5 of 2 points (75%)".to_string()
            )]
        );
        assert_eq!(
            results.history,
            [
                format!("{}: 1.5 of 2 points (75%)", chapter.title),
                "The whole guide: 1.5 of 2 points (75%)".to_string()
            ]
        );
        assert_eq!(results.queued, 0);
    }

    #[test]
    fn the_diagram_slot_counts_parts_of_this_diagram_only() {
        let mut p = Progress::default();
        assert!(describe_diagram(&p).starts_with("Nothing explored yet."));
        p.explore_node("no-such-part");
        assert!(describe_diagram(&p).starts_with("Nothing explored yet."));
        p.explore_node(INDEX.nodes[0].id);
        assert_eq!(
            describe_diagram(&p),
            "1 part explored, 0 request traces followed."
        );
    }
}
