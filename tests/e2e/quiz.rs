//! The skills quiz: a chapter quiz by keyboard alone, feedback for a wrong answer, resuming
//! after a reload, retrying missed questions, best scores on the progress page, the review
//! queue, and stored attempts that name questions which no longer exist.

use std::path::Path;
use std::sync::OnceLock;

use fantoccini::key::Key;
use guide_content::pipeline::load;
use guide_content::quiz::{Kind, Question};
use serde_json::Value;

use crate::ensure;
use crate::page::{js_string, Page, TestResult};

const KEY: &str = "backend-guide:progress";

/// The question bank as the content pipeline sees it: what the quiz must ask.
fn bank() -> &'static [Question] {
    static BANK: OnceLock<Vec<Question>> = OnceLock::new();
    BANK.get_or_init(|| {
        load(Path::new("content"))
            .map(|content| content.questions)
            .expect("content valid")
    })
}

fn of_chapter(chapter: &str) -> usize {
    bank().iter().filter(|q| q.chapter == chapter).count()
}

fn chapter_title(id: &str) -> &'static str {
    crate::guide::chapters()
        .iter()
        .find(|c| c.id == id)
        .map_or("", |c| c.title)
}

/// The chapter with the most kinds of question (so one run meets radio buttons, checkboxes
/// and the put-in-order list).
fn varied_chapter() -> &'static str {
    let kinds = |chapter: &str| {
        let mut kinds: Vec<String> = bank()
            .iter()
            .filter(|q| q.chapter == chapter)
            .map(|q| format!("{:?}", q.kind))
            .collect();
        kinds.sort();
        kinds.dedup();
        kinds.len()
    };
    crate::guide::chapters()
        .iter()
        .map(|c| c.id)
        .max_by_key(|id| kinds(id))
        .expect("chapters exist")
}

/// Waits for a question and returns it.
async fn current_question(
    page: &Page,
    position: usize,
    total: usize,
) -> TestResult<&'static Question> {
    let label = format!("Question {position} of {total}");
    page.wait_for(
        &format!(
            "document.getElementById('quiz-position')?.textContent === {} && document.querySelector('form.quiz-question')",
            js_string(&label)
        ),
        &label,
    )
    .await?;
    let id: String = page
        .js("return document.querySelector('form.quiz-question').dataset.question;")
        .await?;
    bank()
        .iter()
        .find(|q| q.id == id)
        .ok_or_else(|| format!("the page asks `{id}`, which is not in content/quiz"))
}

/// The order question's current arrangement (option indices, top first).
async fn arrangement(page: &Page) -> TestResult<Vec<usize>> {
    page.js("return [...document.querySelectorAll('.quiz-steps [id^=\"quiz-move-up-\"]')].map(b => Number(b.id.split('-').pop()));")
        .await
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Answer {
    Right,
    /// No credit: one wrong option (single, true/false, multiple), every step one place off
    /// (order).
    Wrong,
}

/// The option indices to pick for a choice question.
fn picks(q: &Question, how: Answer) -> Vec<usize> {
    match how {
        Answer::Right => q.correct_options().collect(),
        Answer::Wrong => vec![q
            .options
            .iter()
            .position(|o| !o.correct)
            .expect("a wrong option")],
    }
}

/// Answers with the mouse and checks the answer.
async fn answer_by_mouse(page: &Page, q: &Question, how: Answer) -> TestResult {
    if q.kind == Kind::Order {
        // Right: every step in its place. Wrong: every step one place off, so no step earns
        // partial credit (the shuffled start may have some in place).
        let n = q.options.len();
        let shift = usize::from(how == Answer::Wrong);
        for place in 0..n {
            let step = (place + shift) % n;
            while arrangement(page).await?.iter().position(|&o| o == step) != Some(place) {
                page.click(&format!("#quiz-move-up-{step}")).await?;
            }
        }
    } else {
        for i in picks(q, how) {
            page.click(&format!("label[for='quiz-option-{i}']")).await?;
        }
    }
    page.click("#quiz-check").await?;
    // Focus moves to the feedback (in the next frame): wait for it, so no later click races it.
    page.wait_for(
        "document.getElementById('quiz-next') && document.activeElement?.id === 'quiz-feedback-title'",
        "the feedback, focused",
    )
    .await
}

/// Answers with the keyboard alone: Tab, arrow keys, Space and Enter.
async fn answer_by_keyboard(page: &Page, q: &Question, how: Answer) -> TestResult {
    match q.kind {
        Kind::Single | Kind::TrueFalse => {
            let target = picks(q, how)[0];
            page.tab_to("input[name='quiz-answer']", 20).await?;
            for _ in 0..q.options.len() {
                let on_target: bool = page
                    .js(&format!(
                        "return document.activeElement.id === 'quiz-option-{target}';"
                    ))
                    .await?;
                if on_target {
                    break;
                }
                page.press(Key::Down).await?;
            }
            page.press(Key::Space).await?;
            let checked: bool = page
                .js(&format!(
                    "return document.getElementById('quiz-option-{target}').checked;"
                ))
                .await?;
            ensure!(checked, "option {target} is chosen by the keyboard");
        }
        Kind::Multiple => {
            // Top to bottom, as shown.
            let shown: Vec<usize> = page
                .js("return [...document.querySelectorAll('input[name=\"quiz-answer\"]')].map(i => Number(i.value));")
                .await?;
            let wanted = picks(q, how);
            for i in shown.into_iter().filter(|i| wanted.contains(i)) {
                page.tab_to(&format!("#quiz-option-{i}"), 20).await?;
                page.press(Key::Space).await?;
            }
        }
        Kind::Order => {
            if how == Answer::Right {
                for place in 0..q.options.len() {
                    let at = arrangement(page)
                        .await?
                        .iter()
                        .position(|&o| o == place)
                        .ok_or("step shown")?;
                    if at == place {
                        continue;
                    }
                    page.tab_to(&format!("#quiz-move-up-{place}"), 40).await?;
                    for _ in place..at {
                        // Focus stays on the moved step's button, so Enter moves it again.
                        page.press(Key::Enter).await?;
                        page.wait_for(
                            &format!("document.activeElement?.id === 'quiz-move-up-{place}'"),
                            "focus to stay on the moved step",
                        )
                        .await?;
                    }
                }
                let now = arrangement(page).await?;
                ensure!(
                    now == (0..q.options.len()).collect::<Vec<_>>(),
                    "steps in order: {now:?}"
                );
            }
        }
    }
    page.tab_to("#quiz-check", 40).await?;
    page.press(Key::Enter).await?;
    page.wait_for(
        "document.activeElement?.id === 'quiz-feedback-title'",
        "focus on the feedback",
    )
    .await
}

async fn next_by_keyboard(page: &Page) -> TestResult {
    page.tab_to("#quiz-next", 20).await?;
    page.press(Key::Enter).await
}

async fn start_chapter_quiz(page: &Page, chapter: &str) -> TestResult {
    page.open(&format!("quiz/{chapter}")).await?;
    page.wait_for_h1(&format!("Quiz: {}", chapter_title(chapter)))
        .await?;
    page.click("#quiz-start").await
}

/// Answers every question of a started quiz by mouse; `how` decides per question (by
/// position, from 1). Returns the questions asked, in order.
async fn finish_by_mouse(
    page: &Page,
    total: usize,
    how: impl Fn(usize) -> Answer,
) -> TestResult<Vec<&'static Question>> {
    let mut asked = Vec::new();
    for position in 1..=total {
        let q = current_question(page, position, total).await?;
        answer_by_mouse(page, q, how(position)).await?;
        page.click("#quiz-next").await?;
        asked.push(q);
    }
    page.wait_for("document.querySelector('.quiz-score')", "the results")
        .await?;
    Ok(asked)
}

async fn score_text(page: &Page) -> TestResult<String> {
    page.js("return document.querySelector('.quiz-score')?.textContent ?? '';")
        .await
}

pub async fn a_chapter_quiz_can_be_completed_by_keyboard_alone(page: &Page) -> TestResult {
    let chapter = varied_chapter();
    let total = of_chapter(chapter);
    page.open(&format!("chapters/{chapter}")).await?;
    // The end of the chapter leads to its quiz.
    page.tab_to(&format!("a[href$='/quiz/{chapter}']"), 200)
        .await?;
    page.press(Key::Enter).await?;
    page.wait_for_h1(&format!("Quiz: {}", chapter_title(chapter)))
        .await?;
    page.tab_to("#quiz-start", 40).await?;
    page.press(Key::Enter).await?;
    let mut wrong = None;
    let mut kinds = Vec::new();
    for position in 1..=total {
        let q = current_question(page, position, total).await?;
        // Miss exactly one single-choice or true/false question: worth one whole point.
        let how = if wrong.is_none() && matches!(q.kind, Kind::Single | Kind::TrueFalse) {
            wrong = Some(q.id);
            Answer::Wrong
        } else {
            Answer::Right
        };
        answer_by_keyboard(page, q, how).await?;
        let verdict: String = page
            .js("return document.getElementById('quiz-feedback-title').textContent;")
            .await?;
        let expected = if how == Answer::Right {
            "Right!"
        } else {
            "Not quite."
        };
        ensure!(
            verdict == expected,
            "question {position} ({:?}): “{verdict}”, wanted “{expected}”",
            q.kind
        );
        kinds.push(q.kind);
        next_by_keyboard(page).await?;
        // Focus moves to the next question's position ("Question 3 of 6"), or to the results.
        let target = if position < total {
            "quiz-position"
        } else {
            "quiz-title"
        };
        page.wait_for(
            &format!("document.activeElement?.id === '{target}'"),
            "focus on what comes next",
        )
        .await?;
    }
    ensure!(
        kinds.contains(&Kind::Order) && kinds.contains(&Kind::Multiple),
        "the run met checkboxes and the order list: {kinds:?}"
    );
    page.wait_for_h1(&format!("Results: {}", chapter_title(chapter)))
        .await?;
    let score = score_text(page).await?;
    let right = total - 1;
    let expected = format!(
        "You scored {right} of {total} points ({}%). {right} of {total} questions fully right.",
        right * 100 / total
    );
    ensure!(score == expected, "score “{score}”, wanted “{expected}”");
    let row: Vec<String> = page
        .js("return [...document.querySelectorAll('#quiz-breakdown tbody tr')].map(r => r.textContent);")
        .await?;
    ensure!(
        row.len() == 1
            && row[0].contains(chapter_title(chapter))
            && row[0].contains(&format!("{right} of {total}")),
        "the breakdown has the chapter's row: {row:?}"
    );
    let missed: Vec<String> = page
        .js("return [...document.querySelectorAll('.quiz-missed__item')].map(li => li.dataset.question);")
        .await?;
    ensure!(
        missed == [wrong.unwrap_or_default()],
        "the missed question is listed: {missed:?}"
    );
    Ok(())
}

pub async fn a_wrong_answer_shows_its_feedback_and_the_section_link(page: &Page) -> TestResult {
    let chapter = "databases";
    start_chapter_quiz(page, chapter).await?;
    let total = of_chapter(chapter);
    let q = current_question(page, 1, total).await?;
    answer_by_mouse(page, q, Answer::Wrong).await?;
    let feedback: String = page
        .js("return document.getElementById('quiz-feedback').textContent;")
        .await?;
    ensure!(
        feedback.starts_with("Not quite.") || feedback.starts_with("Partly right"),
        "a wrong answer says so: {feedback}"
    );
    // The chosen wrong option's feedback, the missed right ones', and the explanation.
    let expected: Vec<&str> = match q.kind {
        Kind::Order => q.options.iter().map(|o| o.feedback).collect(),
        _ => picks(q, Answer::Wrong)
            .into_iter()
            .chain(q.correct_options())
            .map(|i| q.options[i].feedback)
            .collect(),
    };
    for text in expected.iter().chain([&q.explanation]) {
        let plain = text.replace('`', "");
        ensure!(
            feedback.contains(&plain),
            "the feedback shows “{plain}”: {feedback}"
        );
    }
    let link: String = page
        .js("return document.querySelector('.quiz-feedback__reread').getAttribute('href');")
        .await?;
    let want = format!("/backend-guide/chapters/{}#{}", q.chapter, q.section);
    ensure!(link == want, "the re-read link goes to {want}: {link}");
    page.click(".quiz-feedback__reread").await?;
    page.wait_for_h1(chapter_title(chapter)).await?;
    ensure!(
        page.location().await?.ends_with(&format!("#{}", q.section)),
        "at the section"
    );
    Ok(())
}

pub async fn reloading_mid_quiz_resumes_at_the_same_question(page: &Page) -> TestResult {
    let chapter = "career";
    let total = of_chapter(chapter);
    start_chapter_quiz(page, chapter).await?;
    let first = current_question(page, 1, total).await?;
    answer_by_mouse(page, first, Answer::Right).await?;
    page.click("#quiz-next").await?;
    let second = current_question(page, 2, total).await?;
    answer_by_mouse(page, second, Answer::Wrong).await?;

    // Reload after answering, before moving on: the same question, its answer and feedback.
    page.client.refresh().await.map_err(|e| e.to_string())?;
    let again = current_question(page, 2, total).await?;
    ensure!(
        again.id == second.id,
        "still on {}, not {}",
        second.id,
        again.id
    );
    page.wait_for("document.getElementById('quiz-next')", "the feedback again")
        .await?;
    if second.kind != Kind::Order {
        let wrong = picks(second, Answer::Wrong)[0];
        let kept: bool = page
            .js(&format!(
                "return document.getElementById('quiz-option-{wrong}').checked;"
            ))
            .await?;
        ensure!(kept, "the earlier answer is still chosen");
    }
    page.click("#quiz-next").await?;
    let third = current_question(page, 3, total).await?;

    // Reload before answering: the same question, waiting for an answer.
    page.client.refresh().await.map_err(|e| e.to_string())?;
    let again = current_question(page, 3, total).await?;
    ensure!(
        again.id == third.id,
        "still on {}, not {}",
        third.id,
        again.id
    );
    let unanswered: bool = page
        .js("return !!document.getElementById('quiz-check');")
        .await?;
    ensure!(unanswered, "the third question waits for its answer");
    for position in 3..=total {
        let q = current_question(page, position, total).await?;
        answer_by_mouse(page, q, Answer::Right).await?;
        page.click("#quiz-next").await?;
    }
    page.wait_for("document.querySelector('.quiz-score')", "the results")
        .await?;
    let score = score_text(page).await?;
    let right = total - 1;
    ensure!(
        score.starts_with(&format!("You scored {right} of {total} points")),
        "answers from before the reloads count: {score}"
    );
    Ok(())
}

pub async fn retry_missed_asks_only_the_missed_questions(page: &Page) -> TestResult {
    let chapter = "frontend-vs-backend";
    let total = of_chapter(chapter);
    start_chapter_quiz(page, chapter).await?;
    let asked = finish_by_mouse(page, total, |position| {
        if position <= 2 {
            Answer::Wrong
        } else {
            Answer::Right
        }
    })
    .await?;
    let mut missed: Vec<&str> = asked[..2].iter().map(|q| q.id).collect();
    missed.sort_unstable();
    page.click("#quiz-retry").await?;
    page.wait_for_h1("Quiz: Retry missed questions").await?;
    ensure!(
        page.location().await? == "/backend-guide/quiz/retry",
        "on the retry quiz"
    );
    let mut retried = Vec::new();
    for position in 1..=2 {
        let q = current_question(page, position, 2).await?;
        retried.push(q.id);
        answer_by_mouse(page, q, Answer::Right).await?;
        page.click("#quiz-next").await?;
    }
    retried.sort_unstable();
    ensure!(retried == missed, "retried {retried:?}, missed {missed:?}");
    page.wait_for("document.querySelector('.quiz-score')", "the results")
        .await?;
    let score = score_text(page).await?;
    ensure!(
        score.starts_with("You scored 2 of 2 points (100%)"),
        "{score}"
    );
    Ok(())
}

pub async fn the_best_score_shows_on_the_progress_page_after_a_reload(page: &Page) -> TestResult {
    let chapter = "getting-started";
    let total = of_chapter(chapter);
    start_chapter_quiz(page, chapter).await?;
    finish_by_mouse(page, total, |_| Answer::Right).await?;
    page.open("progress").await?;
    page.client.refresh().await.map_err(|e| e.to_string())?;
    page.wait_for_h1("Your progress").await?;
    let expected = format!(
        "{}: best {total} of {total} points (100%)",
        chapter_title(chapter)
    );
    page.wait_for(
        &format!(
            "[...document.querySelectorAll('.quiz-best li')].some(li => li.textContent === {})",
            js_string(&expected)
        ),
        &expected,
    )
    .await
}

pub async fn missed_questions_come_back_for_review_when_due(page: &Page) -> TestResult {
    let chapter = "programming-languages";
    let total = of_chapter(chapter);
    start_chapter_quiz(page, chapter).await?;
    let asked = finish_by_mouse(page, total, |position| {
        if position == 1 {
            Answer::Wrong
        } else {
            Answer::Right
        }
    })
    .await?;
    page.open("").await?;
    page.wait_for(
        "document.querySelector('.quiz-review-status')?.textContent.includes('The next one comes back within a day')",
        "the home page to say when the next review is",
    )
    .await?;
    // A day passes: move the review dates back rather than the clock.
    page.js::<Value>(&format!(
        "const s = JSON.parse(localStorage.getItem({key})); \
         for (const card of Object.values(s.progress.quiz.review)) card.due -= 86400000; \
         localStorage.setItem({key}, JSON.stringify(s)); return null;",
        key = js_string(KEY)
    ))
    .await?;
    page.client.refresh().await.map_err(|e| e.to_string())?;
    page.wait_for(
        "document.querySelector('.quiz-review-status')?.textContent.includes('1 question you missed is due for review')",
        "the home page to say a question is due",
    )
    .await?;
    page.click(".quiz-review-status a").await?;
    page.wait_for_h1("Quiz: Review missed questions").await?;
    page.click("#quiz-start").await?;
    let q = current_question(page, 1, 1).await?;
    ensure!(
        q.id == asked[0].id,
        "the review asks the missed question {}, not {}",
        asked[0].id,
        q.id
    );
    answer_by_mouse(page, q, Answer::Right).await?;
    page.click("#quiz-next").await?;
    page.open("").await?;
    page.wait_for(
        "document.querySelector('.quiz-review-status')?.textContent.includes('The next one comes back in 3 days')",
        "the next review in 3 days",
    )
    .await
}

pub async fn a_saved_quiz_naming_a_removed_question_resumes_without_it(page: &Page) -> TestResult {
    let chapter = "databases";
    let real = bank()
        .iter()
        .find(|q| q.chapter == chapter)
        .ok_or("a databases question")?;
    let options: Vec<usize> = (0..real.options.len()).collect();
    let attempt = serde_json::json!({
        "quiz": chapter, "seed": 1, "started_at": 1, "updated_at": 1, "current": 0, "finished_at": null,
        "items": [
            { "question": "a-question-that-was-removed", "options": [0, 1], "answer": null },
            { "question": real.id, "options": options, "answer": null },
        ]
    });
    let stored = serde_json::json!({
        "format": "backend-guide/progress", "version": 1,
        "progress": { "quiz": { "attempt": attempt } }
    });
    page.open("").await?;
    page.js::<Value>(&format!(
        "localStorage.setItem({}, {}); return null;",
        js_string(KEY),
        js_string(&stored.to_string())
    ))
    .await?;
    page.open(&format!("quiz/{chapter}")).await?;
    only_the_fitting_question_is_asked(page, real).await
}

pub async fn the_whole_guide_quiz_asks_two_questions_from_each_chapter(page: &Page) -> TestResult {
    let chapters = crate::guide::chapters();
    let total = chapters.len() * 2;
    page.open("quiz").await?;
    page.wait_for_h1("Quiz yourself").await?;
    page.click("a[href$='/quiz/guide']").await?;
    page.wait_for_h1("Quiz: The whole guide").await?;
    page.click("#quiz-start").await?;
    let asked = finish_by_mouse(page, total, |_| Answer::Right).await?;
    for chapter in chapters {
        let n = asked.iter().filter(|q| q.chapter == chapter.id).count();
        ensure!(n == 2, "{n} questions from {}", chapter.id);
    }
    let rows: usize = page
        .js("return document.querySelectorAll('#quiz-breakdown tbody tr').length;")
        .await?;
    ensure!(
        rows == chapters.len(),
        "one breakdown row per chapter: {rows}"
    );
    let score = score_text(page).await?;
    ensure!(
        score.starts_with(&format!("You scored {total} of {total} points (100%)")),
        "{score}"
    );
    Ok(())
}

// --- For the audits: a quiz in each of its states --------------------------------------------

/// Opens a chapter quiz's start card.
pub(crate) async fn open_start_card(page: &Page, chapter: &str) -> TestResult {
    page.open(&format!("quiz/{chapter}")).await?;
    page.wait_for_h1(&format!("Quiz: {}", chapter_title(chapter)))
        .await?;
    page.wait_for(
        "!!document.getElementById('quiz-start')",
        "the start button",
    )
    .await
}

async fn position(page: &Page) -> TestResult<(usize, usize)> {
    let text: String = page
        .js("return document.getElementById('quiz-position')?.textContent ?? '';")
        .await?;
    let numbers: Vec<usize> = text.split(' ').filter_map(|w| w.parse().ok()).collect();
    match numbers[..] {
        [at, of] => Ok((at, of)),
        _ => Err(format!("no question position in “{text}”")),
    }
}

/// Waits for the quiz's current question.
pub(crate) async fn wait_for_question(page: &Page) -> TestResult<&'static Question> {
    page.wait_for(
        "!!document.querySelector('form.quiz-question')",
        "a question",
    )
    .await?;
    let (at, of) = position(page).await?;
    current_question(page, at, of).await
}

/// Answers the current question wrongly, leaving its feedback on screen.
pub(crate) async fn answer_current_wrongly(page: &Page) -> TestResult {
    let q = wait_for_question(page).await?;
    answer_by_mouse(page, q, Answer::Wrong).await
}

/// Moves on from the current feedback and answers the rest rightly, up to the results.
pub(crate) async fn finish_current(page: &Page) -> TestResult {
    let (at, of) = position(page).await?;
    page.click("#quiz-next").await?;
    for p in at + 1..=of {
        let q = current_question(page, p, of).await?;
        answer_by_mouse(page, q, Answer::Right).await?;
        page.click("#quiz-next").await?;
    }
    page.wait_for("document.querySelector('.quiz-score')", "the results")
        .await
}

/// A saved attempt of the `databases` quiz as another build, another tab or a damaged copy
/// might leave it: three items that do not fit this build (an answer naming option 9, a
/// display order naming an option the question lacks, a question this build does not have),
/// then one real question, unanswered, where the attempt is. Returns the stored text and that
/// question.
fn attempt_out_of_range(updated_at: u64) -> TestResult<(String, &'static Question)> {
    let mut questions = bank().iter().filter(|q| q.chapter == "databases");
    let (answered, reordered, good) = match (questions.next(), questions.next(), questions.next()) {
        (Some(a), Some(b), Some(c)) => (a, b, c),
        _ => return Err("databases has three questions".into()),
    };
    let all = |q: &Question| (0..q.options.len()).collect::<Vec<_>>();
    let mut past_the_end = all(reordered);
    past_the_end[0] = reordered.options.len() + 3;
    let attempt = serde_json::json!({
        "quiz": "databases", "seed": 7, "started_at": 1, "updated_at": updated_at,
        "current": 3, "finished_at": null,
        "items": [
            { "question": answered.id, "options": all(answered), "answer": [0, 9] },
            { "question": reordered.id, "options": past_the_end, "answer": null },
            { "question": "a-question-from-a-newer-build", "options": [0, 1, 2], "answer": [2] },
            { "question": good.id, "options": all(good), "answer": null },
        ]
    });
    let stored = serde_json::json!({
        "format": "backend-guide/progress", "version": 1,
        "progress": { "quiz": { "attempt": attempt } }
    });
    Ok((stored.to_string(), good))
}

/// The pruned (or resumed) attempt asks only `good`, as question 1 of 1, and finishes.
async fn only_the_fitting_question_is_asked(page: &Page, good: &Question) -> TestResult {
    let q = current_question(page, 1, 1).await?;
    ensure!(
        q.id == good.id,
        "the question that fits is asked, not {}",
        q.id
    );
    answer_by_mouse(page, q, Answer::Right).await?;
    page.click("#quiz-next").await?;
    page.wait_for("document.querySelector('.quiz-score')", "the results")
        .await?;
    let score = score_text(page).await?;
    ensure!(
        score.starts_with("You scored 1 of 1 points (100%)"),
        "{score}"
    );
    ensure!(
        page.js::<bool>("return document.getElementById('fatal-error').hidden;")
            .await?,
        "no error panel"
    );
    Ok(())
}

pub async fn a_saved_attempt_with_numbers_out_of_range_is_pruned(page: &Page) -> TestResult {
    let (stored, good) = attempt_out_of_range(1)?;
    page.open("").await?;
    page.js::<Value>(&format!(
        "localStorage.setItem({}, {}); return null;",
        js_string(KEY),
        js_string(&stored)
    ))
    .await?;
    page.open("quiz").await?;
    page.wait_for(
        "document.querySelector('.quiz-unfinished')?.textContent.includes('question 1 of 1')",
        "the hub to offer the unfinished quiz, pruned",
    )
    .await?;
    page.open("quiz/databases").await?;
    only_the_fitting_question_is_asked(page, good).await
}

pub async fn an_attempt_from_another_tab_with_numbers_out_of_range_is_pruned(
    page: &Page,
) -> TestResult {
    start_chapter_quiz(page, "databases").await?;
    let total = of_chapter("databases");
    current_question(page, 1, total).await?;
    let (first, _second) = page.open_second_window().await?;
    page.open("").await?;
    // Another build in another tab saves its attempt (newer, so it wins the merge).
    let (stored, good) = attempt_out_of_range(u64::from(u32::MAX) * 1000)?;
    page.js::<Value>(&format!(
        "localStorage.setItem({}, {}); return null;",
        js_string(KEY),
        js_string(&stored)
    ))
    .await?;
    page.client
        .close_window()
        .await
        .map_err(|e| format!("close tab: {e}"))?;
    page.switch_to(first).await?;
    only_the_fitting_question_is_asked(page, good).await
}

/// The `databases` questions: id and number of options.
pub fn databases_questions() -> Vec<(&'static str, usize)> {
    bank()
        .iter()
        .filter(|q| q.chapter == "databases")
        .map(|q| (q.id, q.options.len()))
        .collect()
}
