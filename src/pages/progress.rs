//! The progress page: completion, each chapter's state, the diagram's and quiz's results,
//! export/import (with a preview and undo), and reset with confirmation.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::clock::now;
use crate::content::{self, chapters};
use crate::diagram::DIAGRAM;
use crate::pages::quiz::{is_known_quiz, quiz_name, ReviewStatus};
use crate::progress::codec::{self, DecodeError, Decoded, MAX_BYTES};
use crate::progress::model::{Completion, Progress};
use crate::progress::store::ProgressStore;
use crate::quiz::engine::{format_points, percent};
use crate::quiz::QUESTIONS;
use crate::routes::{href, Page};
use crate::ui::chapter_nav::ChapterStateMark;
use crate::ui::page_meta::PageMeta;

fn known_ids() -> Vec<&'static str> {
    chapters().iter().map(|c| c.id).collect()
}

/// Parts explored and traces followed, of those this build's diagram has.
fn diagram_counts(p: &Progress) -> (usize, usize) {
    let parts: Vec<&str> = DIAGRAM.nodes.iter().map(|n| n.id).collect();
    let traces: Vec<&str> = DIAGRAM.scenarios.iter().map(|s| s.id).collect();
    p.diagram.known_counts(&parts, &traces)
}

/// "3 of 8 chapters read (37%), 1 in progress".
fn describe(completion: Completion) -> String {
    let mut text = format!(
        "{} of {} chapters read ({}%)",
        completion.read,
        completion.total,
        completion.percent()
    );
    if completion.in_progress > 0 {
        text.push_str(&format!(", {} in progress", completion.in_progress));
    }
    text
}

#[component]
pub fn ProgressPage() -> impl IntoView {
    let progress = ProgressStore::expect().progress();
    let completion = Memo::new(move |_| progress.with(|p| p.completion(&known_ids())));
    view! {
        <PageMeta
            title=Some("Your progress".to_string())
            description="See which chapters of The Backend Guide you have read, move your progress to another browser, or start over.".to_string()
        />
        <section class="progress-page" aria-labelledby="progress-title">
            <h1 id="progress-title" tabindex="-1">"Your progress"</h1>
            <p>
                "Your progress is saved in this browser only. There is no account, and nothing is sent anywhere."
            </p>
            <div class="completion">
                <label for="overall-progress">"Chapters read"</label>
                <progress
                    id="overall-progress"
                    max=move || completion.get().total
                    value=move || completion.get().read
                ></progress>
                <p class="completion__text">{move || describe(completion.get())}</p>
            </div>

            <h2>"Chapters"</h2>
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

            <h2>"Interactive diagram"</h2>
            <p class="progress-slot" data-slot="diagram">
                {move || {
                    progress
                        .with(|p| {
                            let (nodes, traces) = diagram_counts(p);
                            if nodes + traces == 0 {
                                "Nothing explored yet. The parts of the diagram you open and the requests you follow will be listed here."
                                    .to_string()
                            } else {
                                format!("{nodes} parts explored, {traces} request traces followed.")
                            }
                        })
                }}
            </p>

            <h2>"Quiz"</h2>
            <QuizScores progress />

            <h2>"Move your progress to another browser"</h2>
            <ExportImport />

            <h2>"Start over"</h2>
            <ResetProgress />
        </section>
    }
}

#[component]
fn QuizScores(progress: RwSignal<Progress>) -> impl IntoView {
    move || {
        let (scores, history, queued) = progress.with(|p| {
            let scores: Vec<(String, String)> = p
                .quiz
                .best_scores
                .iter()
                .filter(|(quiz, _)| *quiz == "guide" || content::chapter(quiz).is_some())
                .map(|(quiz, score)| {
                    (
                        quiz_name(quiz),
                        format!(
                            "{} of {} points ({}%)",
                            format_points(score.points),
                            score.total,
                            score.percent()
                        ),
                    )
                })
                .collect();
            let history: Vec<String> = p
                .quiz
                .history
                .iter()
                .rev()
                .filter(|r| is_known_quiz(&r.quiz))
                .take(10)
                .map(|r| {
                    format!(
                        "{}: {} of {} points ({}%)",
                        quiz_name(&r.quiz),
                        format_points(r.points),
                        r.total,
                        percent(r.points, r.total)
                    )
                })
                .collect();
            let queued = p.quiz.review.values().filter(|c| c.is_queued()).count();
            (scores, history, queued)
        });
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
                    {format!("{queued} missed question(s) in your review queue. ")}
                    <ReviewStatus />
                    <a href=href(Page::QuizHub)>"All quizzes"</a>
                </p>
            </div>
        }
        .into_any()
    }
}

/// What an import is doing.
#[derive(Clone, PartialEq)]
enum ImportState {
    Idle,
    /// The file was read and is valid: waiting for the reader to confirm.
    Preview(Progress),
    /// The file was refused; the message says why. Progress is unchanged.
    Refused(String),
    /// Imported; the previous progress can be restored.
    Imported {
        previous: Progress,
    },
    Undone,
}

#[component]
fn ExportImport() -> impl IntoView {
    let store = ProgressStore::expect();
    let (export, set_export) = signal(None::<(String, String)>);
    let (import, set_import) = signal(ImportState::Idle);

    let on_export = move |_| {
        let text = store.progress().with_untracked(codec::encode);
        match download(&text) {
            Ok(link) => {
                if let Some((old, _)) = export.get_untracked() {
                    let _ = web_sys::Url::revoke_object_url(&old);
                }
                set_export.set(Some(link));
            }
            Err(()) => set_export.set(None),
        }
    };

    let on_file = move |ev: leptos::ev::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        let Some(file) = input.files().and_then(|files| files.get(0)) else {
            return;
        };
        input.set_value("");
        // Refused before a byte is read: a file this large is not progress from this guide.
        if file.size() > MAX_BYTES as f64 {
            set_import.set(ImportState::Refused(format!(
                "“{}” can't be imported: {}. Your progress is unchanged.",
                file.name(),
                DecodeError::TooLarge(file.size() as usize).describe()
            )));
            return;
        }
        let name = file.name();
        leptos::task::spawn_local(async move {
            let text = wasm_bindgen_futures::JsFuture::from(file.text())
                .await
                .ok()
                .and_then(|t| t.as_string());
            let state = match text.as_deref().map(|text| codec::decode(text, QUESTIONS)) {
                Some(Decoded::Valid(p) | Decoded::Repaired(p)) => ImportState::Preview(p),
                Some(Decoded::Newer(_)) => ImportState::Refused(format!(
                    "“{name}” was made by a newer version of the guide: reload the page to update, then import it. Your progress is unchanged."
                )),
                Some(Decoded::Unreadable(e)) => ImportState::Refused(format!(
                    "“{name}” can't be imported: {}. Your progress is unchanged.",
                    e.describe()
                )),
                None => ImportState::Refused(format!(
                    "“{name}” could not be read. Your progress is unchanged."
                )),
            };
            set_import.set(state);
        });
    };

    let apply = move |imported: Progress| {
        let previous = store.progress().get_untracked();
        store.replace(Progress::replaced_by(&imported, now()));
        set_import.set(ImportState::Imported { previous });
    };
    let undo = move |previous: Progress| {
        store.replace(Progress::replaced_by(&previous, now()));
        set_import.set(ImportState::Undone);
    };

    view! {
        <p>
            "Export your progress as a file, then import it in another browser or on another device. Importing replaces the progress in that browser; you can undo it."
        </p>
        <div class="export-import">
            <button type="button" class="button export-button" on:click=on_export>
                "Export progress"
            </button>
            {move || {
                export
                    .get()
                    .map(|(url, name)| {
                        view! {
                            <a class="export-link" href=url download=name.clone()>
                                {format!("Download {name} again")}
                            </a>
                        }
                    })
            }}
            <div class="import-field">
                <label for="import-file">"Import a progress file"</label>
                <input id="import-file" type="file" accept=".json,application/json" on:change=on_file />
            </div>
        </div>
        <div class="import-status" aria-live="polite">
            {move || match import.get() {
                ImportState::Idle => ().into_any(),
                ImportState::Refused(message) => {
                    view! { <p class="import-error" role="alert">{message}</p> }.into_any()
                }
                ImportState::Preview(imported) => {
                    let known = known_ids();
                    let theirs = imported.completion(&known);
                    let mine = store.progress().with_untracked(|p| p.completion(&known));
                    let scores = imported.quiz.best_scores.len();
                    let (explored, _) = diagram_counts(&imported);
                    let confirm = imported.clone();
                    view! {
                        <div class="import-preview">
                            <p>
                                <strong>"This file holds: "</strong>
                                {format!(
                                    "{}; {scores} quiz results; {explored} diagram parts explored.",
                                    describe(theirs)
                                )}
                            </p>
                            <p>
                                {format!(
                                    "Importing replaces your progress in this browser ({}).",
                                    describe(mine)
                                )}
                            </p>
                            <button
                                type="button"
                                class="button button--primary import-confirm"
                                on:click=move |_| apply(confirm.clone())
                            >
                                "Replace my progress with this file"
                            </button>
                            <button
                                type="button"
                                class="button"
                                on:click=move |_| set_import.set(ImportState::Idle)
                            >
                                "Cancel"
                            </button>
                        </div>
                    }
                        .into_any()
                }
                ImportState::Imported { previous } => {
                    view! {
                        <p class="import-done">
                            "Progress imported. "
                            <button
                                type="button"
                                class="button import-undo"
                                on:click=move |_| undo(previous.clone())
                            >
                                "Undo import"
                            </button>
                        </p>
                    }
                        .into_any()
                }
                ImportState::Undone => {
                    view! { <p class="import-done">"Import undone: your earlier progress is back."</p> }
                        .into_any()
                }
            }}
        </div>
    }
}

/// Offers `text` as a file download; returns the object URL and file name, kept for a
/// visible "download again" link.
fn download(text: &str) -> Result<(String, String), ()> {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("application/json");
    let blob =
        web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(|_| ())?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|_| ())?;
    let date = js_sys::Date::new_0();
    let name = format!(
        "backend-guide-progress-{:04}-{:02}-{:02}.json",
        date.get_full_year(),
        date.get_month() + 1,
        date.get_date()
    );
    let anchor = document()
        .create_element("a")
        .map_err(|_| ())?
        .dyn_into::<web_sys::HtmlAnchorElement>()
        .map_err(|_| ())?;
    anchor.set_href(&url);
    anchor.set_download(&name);
    anchor.click();
    Ok((url, name))
}

#[component]
fn ResetProgress() -> impl IntoView {
    let store = ProgressStore::expect();
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
                        store.replace(Progress::reset(now()));
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
