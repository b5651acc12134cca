//! The quiz pages: `/quiz` (every quiz, the review queue, an unfinished attempt) and
//! `/quiz/<key>` (start card → questions with feedback → results). Thin views over
//! `quiz::engine` and `quiz::review`; the attempt lives in the progress store.

use guide_content::quiz::{Kind, Question};
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params_map};

use crate::clock::now;
use crate::content::{self, chapters};
use crate::pages::not_found::NotFoundPage;
use crate::progress::model::Progress;
use crate::progress::store::ProgressStore;
use crate::quiz::engine::{
    self, format_points, percent, select, Attempt, Item, Scope, FULL_CREDIT,
    GUIDE_QUESTIONS_PER_CHAPTER, MULTIPLE_RULE, ORDER_RULE,
};
use crate::quiz::{question, review, QUESTIONS};
use crate::routes::{href, Page};
use crate::ui::page_meta::PageMeta;

fn is_chapter(id: &str) -> bool {
    content::chapter(id).is_some()
}

fn exists(id: &str) -> bool {
    question(id).is_some()
}

/// Whether `key` names a quiz of this build (entries for others are kept, not shown).
pub fn is_known_quiz(key: &str) -> bool {
    Scope::from_key(key, is_chapter).is_some()
}

/// The reader-facing name of a quiz.
pub fn quiz_name(key: &str) -> String {
    match Scope::from_key(key, is_chapter) {
        Some(Scope::Guide) => "The whole guide".into(),
        Some(Scope::Review) => "Review missed questions".into(),
        Some(Scope::RetryMissed) => "Retry missed questions".into(),
        Some(Scope::Chapter(id)) => content::chapter(&id).map_or(id, |c| c.title.to_string()),
        None => key.to_string(),
    }
}

/// Text with `code` spans.
fn rich_text(text: &'static str) -> impl IntoView {
    text.split('`')
        .enumerate()
        .map(|(i, part)| {
            if i % 2 == 1 {
                view! { <code>{part}</code> }.into_any()
            } else {
                part.into_any()
            }
        })
        .collect_view()
}

/// Focuses the element with `id` in the next frame (after the view has updated).
fn focus_by_id(id: impl Into<String>) {
    let id = id.into();
    request_animation_frame(move || {
        if let Some(el) = document().get_element_by_id(&id) {
            use wasm_bindgen::JsCast;
            if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
                let _ = el.focus();
            }
        }
    });
}

fn question_count(scope: &Scope) -> usize {
    match scope {
        Scope::Chapter(id) => QUESTIONS.iter().filter(|q| q.chapter == id).count(),
        Scope::Guide => chapters().len() * GUIDE_QUESTIONS_PER_CHAPTER,
        Scope::Review | Scope::RetryMissed => 0,
    }
}

/// The ids a review or retry quiz would ask now.
fn listed_for(scope: &Scope, p: &Progress, at: u64) -> Vec<String> {
    match scope {
        Scope::Review => review::due(&p.quiz.review, at, exists),
        Scope::RetryMissed => p
            .quiz
            .attempt
            .as_ref()
            .filter(|a| a.is_finished())
            .map(|a| a.summary(QUESTIONS).missed)
            .unwrap_or_default(),
        Scope::Guide | Scope::Chapter(_) => Vec::new(),
    }
}

/// Starts a quiz now, seeded from the clock, and saves it.
fn start(store: ProgressStore, scope: &Scope) {
    let key = scope.key().to_string();
    let scope = scope.clone();
    store.update(move |p, at| {
        let listed = listed_for(&scope, p, at);
        let seed = at ^ (js_sys::Math::random() * u32::MAX as f64) as u64;
        let picked = select(&scope, QUESTIONS, &listed, seed);
        if !picked.is_empty() {
            p.start_quiz(Attempt::new(&key, &picked, seed, at));
        }
    });
    focus_by_id("quiz-title");
}

/// The id of an order step's move button (the step is the option index, so focus can follow it).
fn move_button_id(option: u8, up: bool) -> String {
    format!("quiz-move-{}-{option}", if up { "up" } else { "down" })
}

// --- /quiz ----------------------------------------------------------------------------------

#[component]
pub fn QuizHubPage() -> impl IntoView {
    let progress = ProgressStore::expect().progress();
    let best = move |key: &str| {
        progress.with(|p| {
            p.quiz.best_scores.get(key).map(|s| {
                format!(
                    "Best: {} of {} points ({}%)",
                    format_points(s.points),
                    s.total,
                    s.percent()
                )
            })
        })
    };
    view! {
        <PageMeta
            title=Some("Quiz yourself".to_string())
            description="Check what you learned about backend development: a quiz for each chapter and for the whole guide, with an explanation for every answer and missed questions brought back for review.".to_string()
        />
        <section class="quiz-hub" aria-labelledby="quiz-hub-title">
            <h1 id="quiz-hub-title" tabindex="-1">"Quiz yourself"</h1>
            <p class="quiz-hub__lead">
                "Find out what you really took in. Every answer comes with the reason it is right or wrong and a link back to the section that explains it. Questions you miss come back for review after 1, 3 and 7 days, until you get them right."
            </p>
            <UnfinishedQuiz except=None />
            <ReviewStatus />
            <h2>"The whole guide"</h2>
            <p>
                {format!(
                    "{} questions, {} from each chapter, different every time. ",
                    chapters().len() * GUIDE_QUESTIONS_PER_CHAPTER,
                    GUIDE_QUESTIONS_PER_CHAPTER
                )}
                <span class="quiz-hub__best">{move || best("guide")}</span>
            </p>
            <p>
                <a class="button button--primary" href=href(Page::Quiz { key: "guide" })>
                    "Quiz on the whole guide"
                </a>
            </p>
            <h2>"One chapter"</h2>
            <ul class="quiz-list">
                {chapters()
                    .iter()
                    .map(|chapter| {
                        let count = QUESTIONS.iter().filter(|q| q.chapter == chapter.id).count();
                        view! {
                            <li class="quiz-list__item">
                                <a href=href(Page::Quiz { key: chapter.id })>{chapter.title}</a>
                                <span class="quiz-list__meta">
                                    {format!("{count} questions")}
                                    {move || best(chapter.id).map(|b| format!(" · {b}"))}
                                </span>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </section>
    }
}

/// "You have an unfinished quiz": a link to resume it (unless it is the quiz `except`).
#[component]
fn UnfinishedQuiz(except: Option<String>) -> impl IntoView {
    let progress = ProgressStore::expect().progress();
    move || {
        let (key, position, total) = progress.with(|p| {
            let a = p.quiz.attempt.as_ref().filter(|a| !a.is_finished())?;
            Some((a.quiz.clone(), a.current + 1, a.items.len()))
        })?;
        if except.as_deref() == Some(key.as_str()) || Scope::from_key(&key, is_chapter).is_none() {
            return None;
        }
        let name = quiz_name(&key);
        Some(view! {
            <p class="quiz-unfinished notice-box">
                {format!("You have an unfinished quiz: {name}, question {position} of {total}. ")}
                <a href=href(Page::Quiz { key: &key })>"Resume it"</a>
            </p>
        })
    }
}

/// How many questions are due for review, or when the next one is.
#[component]
pub fn ReviewStatus() -> impl IntoView {
    let progress = ProgressStore::expect().progress();
    move || {
        let at = now();
        let (due, next) = progress.with(|p| {
            (
                review::due(&p.quiz.review, at, exists).len(),
                review::next_due(&p.quiz.review, exists),
            )
        });
        let text = match (due, next) {
            (0, None) => return None,
            (0, Some(next)) => format!(
                "No questions are due for review. The next one comes back {}.",
                review::describe_wait(next, at)
            ),
            (1, _) => "1 question you missed is due for review.".to_string(),
            (n, _) => format!("{n} questions you missed are due for review."),
        };
        Some(view! {
            <p class="quiz-review-status" data-due=due>
                {text}
                {(due > 0)
                    .then(|| {
                        view! {
                            " "
                            <a class="button" href=href(Page::Quiz { key: "review" })>
                                "Review them now"
                            </a>
                        }
                    })}
            </p>
        })
    }
}

// --- /quiz/:key -----------------------------------------------------------------------------

#[component]
pub fn QuizPage() -> impl IntoView {
    let params = use_params_map();
    move || {
        let key = params.with(|p| p.get("key").unwrap_or_default());
        match Scope::from_key(&key, is_chapter) {
            Some(scope) => view! { <QuizView scope /> }.into_any(),
            None => view! { <NotFoundPage /> }.into_any(),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Stage {
    Start,
    /// The position in the attempt, and which attempt (its start and seed): an attempt that
    /// another tab started replaces this one's view even at the same position.
    Question(usize, u64, u64),
    Results,
}

#[component]
fn QuizView(scope: Scope) -> impl IntoView {
    // An attempt saved elsewhere (storage, another tab, an import) was fitted to this build's
    // questions when it was decoded (`Progress::fit`): the views below still look every
    // number up rather than index with it.
    let progress = ProgressStore::expect().progress();
    let key = scope.key().to_string();
    let name = quiz_name(&key);
    let stage = Memo::new(move |_| {
        progress.with(|p| match &p.quiz.attempt {
            Some(a) if a.quiz == key && a.is_finished() => Stage::Results,
            Some(a) if a.quiz == key => Stage::Question(a.current, a.started_at, a.seed),
            _ => Stage::Start,
        })
    });
    let description = match &scope {
        Scope::Chapter(_) => format!("Quiz yourself on the chapter “{name}” of The Backend Guide, with an explanation for every answer."),
        _ => format!("{name}: a quiz from The Backend Guide, with an explanation for every answer."),
    };
    view! {
        <PageMeta title=Some(format!("Quiz: {name}")) description />
        <section class="quiz" aria-labelledby="quiz-title">
            <h1 id="quiz-title" tabindex="-1">
                {move || if stage.get() == Stage::Results { "Results: " } else { "Quiz: " }}
                {name.clone()}
            </h1>
            {move || match stage.get() {
                Stage::Start => view! { <StartCard scope=scope.clone() /> }.into_any(),
                Stage::Question(index, ..) => view! { <QuestionView index /> }.into_any(),
                Stage::Results => view! { <Results scope=scope.clone() /> }.into_any(),
            }}
        </section>
    }
}

#[component]
fn StartCard(scope: Scope) -> impl IntoView {
    let store = ProgressStore::expect();
    let progress = store.progress();
    let listed = progress.with_untracked(|p| listed_for(&scope, p, now()));
    let count = match scope {
        Scope::Review | Scope::RetryMissed => listed.len().min(engine::REVIEW_LIMIT),
        _ => question_count(&scope),
    };
    let about = match &scope {
        Scope::Guide => format!("{count} questions, {GUIDE_QUESTIONS_PER_CHAPTER} from each chapter, in a random order."),
        Scope::Chapter(_) => format!("{count} questions on this chapter, in a random order."),
        Scope::Review => match count {
            0 => String::new(),
            1 => "1 question you missed earlier is due again.".into(),
            n => format!("{n} questions you missed earlier are due again."),
        },
        Scope::RetryMissed => format!("The {count} question(s) you missed last time."),
    };
    let best = scope.keeps_best_score().then(|| {
        progress.with_untracked(|p| {
            p.quiz.best_scores.get(scope.key()).map(|s| {
                format!(
                    "Your best so far: {} of {} points ({}%).",
                    format_points(s.points),
                    s.total,
                    s.percent()
                )
            })
        })
    });
    if count == 0 {
        let message = match scope {
            Scope::Review => "No questions are due for review right now. Questions you miss in a quiz come back here after a day.",
            _ => "There are no missed questions to retry. Finish a quiz first, or pick one below.",
        };
        return view! {
            <p class="quiz-empty">{message}</p>
            <ReviewStatus />
            <p><a class="button" href=href(Page::QuizHub)>"All quizzes"</a></p>
        }
        .into_any();
    }
    let starting = scope.clone();
    view! {
        <p class="quiz-start__about">{about}</p>
        <p>"After each answer you see whether it was right, why each choice is right or wrong, and a link back to the section that explains it. You can leave at any time: your place is saved in this browser."</p>
        <details class="quiz-rules">
            <summary>"How points work"</summary>
            <ul>
                <li>"One choice or true/false: 1 point for the right answer."</li>
                <li>{MULTIPLE_RULE}</li>
                <li>"Put in order: each step in its right place earns its share of the point."</li>
            </ul>
        </details>
        {best.flatten().map(|b| view! { <p class="quiz-start__best">{b}</p> })}
        <UnfinishedQuiz except=Some(scope.key().to_string()) />
        <p>
            <button
                id="quiz-start"
                type="button"
                class="button button--primary"
                on:click=move |_| start(store, &starting)
            >
                "Start the quiz"
            </button>
        </p>
    }
    .into_any()
}

/// The text of option `i` of `q` (empty if there is no such option).
fn option_text(q: &Question, i: u8) -> &'static str {
    q.options.get(usize::from(i)).map_or("", |o| o.text)
}

/// The item and question at `index` of the current attempt.
fn item_at(p: &Progress, index: usize) -> Option<(Item, &'static Question, usize)> {
    let attempt = p.quiz.attempt.as_ref()?;
    let item = attempt.items.get(index)?.clone();
    let q = question(&item.question)?;
    Some((item, q, attempt.items.len()))
}

#[component]
fn QuestionView(index: usize) -> impl IntoView {
    let store = ProgressStore::expect();
    let progress = store.progress();
    let Some((item, q, total)) = progress.with_untracked(|p| item_at(p, index)) else {
        return ().into_any();
    };
    let answer =
        Memo::new(move |_| progress.with(|p| item_at(p, index).and_then(|(i, ..)| i.answer)));
    let answered = move || answer.with(Option::is_some);
    // The reader's choice before checking (choice questions) or arrangement (order questions).
    let selection = RwSignal::new(item.answer.clone().unwrap_or_default());
    let arrangement = RwSignal::new(item.answer.clone().unwrap_or_else(|| item.options.clone()));
    let hint = RwSignal::new("");
    let order_news = RwSignal::new(String::new());

    let check = move |ev: web_sys::SubmitEvent| {
        ev.prevent_default();
        if answered() {
            return;
        }
        let given = if q.kind == Kind::Order {
            arrangement.get_untracked()
        } else {
            let mut chosen = selection.get_untracked();
            chosen.sort_unstable();
            chosen
        };
        if given.is_empty() {
            hint.set("Choose an answer first.");
            return;
        }
        hint.set("");
        store.update(|p, at| {
            p.answer_quiz(q, given, at);
        });
        focus_by_id("quiz-feedback-title");
    };
    let kind_hint = match q.kind {
        Kind::Single => "Choose one answer.",
        Kind::TrueFalse => "True or false?",
        Kind::Multiple => MULTIPLE_RULE,
        Kind::Order => ORDER_RULE,
    };
    let options = item.options.clone();
    let choices = move || {
        let input_type = if q.kind == Kind::Multiple {
            "checkbox"
        } else {
            "radio"
        };
        options
            .iter()
            .filter_map(|&i| Some((i, *q.options.get(usize::from(i))?)))
            .map(|(i, choice)| {
                let id = format!("quiz-option-{i}");
                let chosen = move || {
                    answer.with(|a| {
                        a.as_ref()
                            .map_or_else(|| selection.with(|s| s.contains(&i)), |a| a.contains(&i))
                    })
                };
                let verdict = move || {
                    answered().then(|| {
                        let picked = answer.with(|a| a.as_ref().is_some_and(|a| a.contains(&i)));
                        match (choice.correct, picked) {
                            (true, true) => "✓ Your choice, right",
                            (true, false) => "✓ Right answer",
                            (false, true) => "✗ Your choice, wrong",
                            (false, false) => "",
                        }
                    })
                };
                view! {
                    <li
                        class="quiz-option"
                        data-correct=move || answered().then(|| choice.correct.to_string())
                        data-chosen=move || chosen().to_string()
                    >
                        <input
                            type=input_type
                            name="quiz-answer"
                            id=id.clone()
                            value=i.to_string()
                            prop:checked=chosen
                            disabled=answered
                            on:change=move |ev| {
                                let on = event_target_checked(&ev);
                                selection.update(|s| {
                                    if q.kind == Kind::Multiple {
                                        s.retain(|&x| x != i);
                                        if on {
                                            s.push(i);
                                        }
                                    } else {
                                        *s = vec![i];
                                    }
                                });
                            }
                        />
                        <label for=id>{rich_text(choice.text)}</label>
                        <span class="quiz-option__verdict">{verdict}</span>
                    </li>
                }
            })
            .collect_view()
    };
    let moves = move |from: usize, up: bool| {
        let n = arrangement.with_untracked(Vec::len);
        let Some(opt) = arrangement.with_untracked(|a| a.get(from).copied()) else {
            return;
        };
        let text = option_text(q, opt);
        let to = if up {
            from.checked_sub(1)
        } else {
            Some(from + 1).filter(|&t| t < n)
        };
        match to {
            Some(to) => {
                arrangement.update(|a| a.swap(from, to));
                order_news.set(format!("“{text}” moved to position {} of {n}.", to + 1));
            }
            None => order_news.set(format!(
                "“{text}” is already {}.",
                if up { "first" } else { "last" }
            )),
        }
        focus_by_id(move_button_id(opt, up));
    };
    let steps = move || {
        let arranged = answer.get().unwrap_or_else(|| arrangement.get());
        let n = arranged.len();
        arranged
            .into_iter()
            .enumerate()
            .map(|(place, opt)| {
                let text = option_text(q, opt);
                let in_place = usize::from(opt) == place;
                view! {
                    <li class="quiz-step" data-correct=move || answered().then(|| in_place.to_string())>
                        <span class="quiz-step__text">{rich_text(text)}</span>
                        {(!answered())
                            .then(|| {
                                view! {
                                    <span class="quiz-step__moves">
                                        {[true, false]
                                            .map(|up| {
                                                let direction = if up { "up" } else { "down" };
                                                view! {
                                                    <button
                                                        type="button"
                                                        class="button button--small"
                                                        id=move_button_id(opt, up)
                                                        aria-label=format!("Move “{text}” {direction} (now {} of {n})", place + 1)
                                                        on:click=move |_| moves(place, up)
                                                    >
                                                        {if up { "↑ Up" } else { "↓ Down" }}
                                                    </button>
                                                }
                                            })}
                                    </span>
                                }
                            })}
                        {answered()
                            .then(|| {
                                view! {
                                    <span class="quiz-option__verdict">
                                        {if in_place {
                                            "✓ Right place".to_string()
                                        } else {
                                            format!("✗ Belongs at {}", usize::from(opt) + 1)
                                        }}
                                    </span>
                                }
                            })}
                    </li>
                }
            })
            .collect_view()
    };

    view! {
        <div class="quiz-progress">
            <p id="quiz-position" tabindex="-1">{format!("Question {} of {total}", index + 1)}</p>
            <progress
                max=total.to_string()
                value=(index + 1).to_string()
                aria-labelledby="quiz-position"
            ></progress>
        </div>
        <form class="quiz-question" on:submit=check data-question=q.id data-kind=format!("{:?}", q.kind)>
            <fieldset>
                <legend>
                    <span class="quiz-question__difficulty">{q.difficulty.label()}</span>
                    <span class="quiz-question__prompt">{rich_text(q.prompt)}</span>
                </legend>
                <p class="quiz-question__how" id="quiz-how">{kind_hint}</p>
                {if q.kind == Kind::Order {
                    view! {
                        <ol class="quiz-steps" aria-describedby="quiz-how">{steps}</ol>
                        <p class="visually-hidden" aria-live="polite">{move || order_news.get()}</p>
                    }
                        .into_any()
                } else {
                    view! { <ul class="quiz-options">{choices}</ul> }.into_any()
                }}
            </fieldset>
            <p class="quiz-hint" role="alert">{move || hint.get()}</p>
            {move || {
                (!answered())
                    .then(|| {
                        view! {
                            <button id="quiz-check" type="submit" class="button button--primary">
                                "Check answer"
                            </button>
                        }
                    })
            }}
        </form>
        <div id="quiz-feedback" class="quiz-feedback" aria-live="polite">
            {move || answer.get().map(|given| view! { <Feedback q given last=index + 1 == total /> })}
        </div>
    }
    .into_any()
}

/// What the reader gets after answering: verdict, feedback per chosen and missed option,
/// the explanation, the section to re-read, and the way on.
#[component]
fn Feedback(q: &'static Question, given: Vec<u8>, last: bool) -> impl IntoView {
    let store = ProgressStore::expect();
    let credit = engine::score(q, &given);
    let (verdict, class) = if credit.is_full() {
        ("Right!".to_string(), "right")
    } else if credit.points > 0 {
        (
            format!("Partly right: {} of 1 point.", format_points(credit.points)),
            "partly",
        )
    } else {
        ("Not quite.".to_string(), "wrong")
    };
    let notes: Vec<(String, &'static str, &'static str)> = match q.kind {
        Kind::Order => q
            .options
            .iter()
            .enumerate()
            .map(|(place, o)| (format!("Step {}", place + 1), o.text, o.feedback))
            .collect(),
        _ => q
            .options
            .iter()
            .enumerate()
            .filter_map(|(i, o)| {
                let picked = given.contains(&(i as u8));
                let label = match (picked, o.correct) {
                    (true, true) => "You chose, and it is right",
                    (true, false) => "You chose, but it is wrong",
                    (false, true) => "You missed this right answer",
                    (false, false) => return None,
                };
                Some((label.to_string(), o.text, o.feedback))
            })
            .collect(),
    };
    let section = content::chapter(q.chapter)
        .and_then(|c| c.sections.iter().find(|s| s.id == q.section))
        .map_or("", |s| s.title);
    let next = move |_| {
        store.update(|p, at| p.next_quiz_question(QUESTIONS, at));
        focus_by_id(if last { "quiz-title" } else { "quiz-position" });
    };
    view! {
        <h2 id="quiz-feedback-title" class=format!("quiz-feedback__verdict quiz-feedback__verdict--{class}") tabindex="-1">
            {verdict}
        </h2>
        {(q.kind == Kind::Order).then(|| view! { <p>"The right order:"</p> })}
        <ul class="quiz-feedback__notes">
            {notes
                .into_iter()
                .map(|(label, text, feedback)| {
                    view! {
                        <li>
                            <strong>{label} ": "</strong>
                            <span class="quiz-feedback__option">{rich_text(text)}</span>
                            <span class="quiz-feedback__why">" — " {rich_text(feedback)}</span>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
        <p class="quiz-feedback__explanation">{rich_text(q.explanation)}</p>
        <p class="quiz-feedback__actions">
            <a
                class="quiz-feedback__reread"
                href=href(Page::Chapter { id: q.chapter, section: Some(q.section) })
            >
                "Re-read this section: " {section}
            </a>
            <button id="quiz-next" type="button" class="button button--primary" on:click=next>
                {if last { "See your results" } else { "Next question" }}
            </button>
        </p>
    }
}

#[component]
fn Results(scope: Scope) -> impl IntoView {
    let store = ProgressStore::expect();
    let progress = store.progress();
    let Some(attempt) = progress.with_untracked(|p| p.quiz.attempt.clone()) else {
        return ().into_any();
    };
    let summary = attempt.summary(QUESTIONS);
    let missed = summary.missed.clone();
    let back = match &scope {
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
    };
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
        <table class="quiz-breakdown" id="quiz-breakdown">
            <thead>
                <tr>
                    <th scope="col">"Chapter"</th>
                    <th scope="col">"Points"</th>
                    <th scope="col">"Score"</th>
                </tr>
            </thead>
            <tbody>
                {summary
                    .chapters
                    .iter()
                    .map(|c| {
                        let title = content::chapter(&c.chapter).map_or("", |ch| ch.title);
                        view! {
                            <tr>
                                <th scope="row">
                                    <a href=href(Page::Chapter { id: content::chapter(&c.chapter).map_or("", |ch| ch.id), section: None })>
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
            <a class="button" href=back>"Back to the guide"</a>
            <a class="button" href=href(Page::QuizHub)>"All quizzes"</a>
        </p>
    }
    .into_any()
}

#[component]
fn MissedQuestion(item: Item, q: &'static Question) -> impl IntoView {
    let given = item.answer.unwrap_or_default();
    let text_of = |i: &u8| option_text(q, *i);
    let (yours, right, separator): (Vec<&'static str>, Vec<&'static str>, &'static str) =
        match q.kind {
            Kind::Order => (
                given.iter().map(text_of).collect(),
                q.options.iter().map(|o| o.text).collect(),
                " → ",
            ),
            _ => (
                given.iter().map(text_of).collect(),
                q.options
                    .iter()
                    .filter(|o| o.correct)
                    .map(|o| o.text)
                    .collect(),
                "; ",
            ),
        };
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
    let yours = joined(yours);
    let right = joined(right);
    let credit = engine::score(q, &given);
    view! {
        <li class="quiz-missed__item" data-question=q.id>
            <p class="quiz-missed__prompt">{rich_text(q.prompt)}</p>
            <p>
                <strong>"Your answer: "</strong>
                {yours}
                {format!(" ({} of 1 point)", format_points(credit.points.min(FULL_CREDIT)))}
            </p>
            <p class="quiz-missed__right">
                <strong>"Right answer: "</strong>
                {right}
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
