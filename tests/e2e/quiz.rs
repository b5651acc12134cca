//! The skills quiz: a chapter quiz by keyboard alone, feedback for a wrong answer, resuming
//! after a reload, retrying missed questions, best scores on the progress page, the review
//! queue, and stored attempts that name questions which no longer exist; the second edition's
//! reader-facing behaviour: four option states after checking, the match kind by keyboard,
//! the results in words, the bar that keeps "Next" within reach on a phone, order steps that
//! cannot move past an end, and an attempt whose questions were all removed.

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
pub(crate) fn bank() -> &'static [Question] {
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

/// The answer to give each item of a match question (in item order): its own, or (wrong)
/// the next item's, so no pair is right.
fn pairing(q: &Question, how: Answer) -> Vec<usize> {
    let n = q.options.len();
    (0..n)
        .map(|k| match how {
            Answer::Right => k,
            Answer::Wrong => (k + 1) % n,
        })
        .collect()
}

/// Answers with the mouse and checks the answer.
async fn answer_by_mouse(page: &Page, q: &Question, how: Answer) -> TestResult {
    if q.kind == Kind::Match {
        for (k, a) in pairing(q, how).into_iter().enumerate() {
            page.select(&format!("#quiz-match-{k}"), &a.to_string())
                .await?;
        }
    } else if q.kind == Kind::Order {
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

/// Chooses answer `wanted` in the focused `<select>` with the arrow keys, as a keyboard user
/// would (the list is closed: each Down moves to the next entry).
async fn choose_by_keyboard(page: &Page, wanted: usize, entries: usize) -> TestResult {
    let value = "return document.activeElement.value;";
    for _ in 0..=entries {
        if page.js::<String>(value).await? == wanted.to_string() {
            return Ok(());
        }
        page.press(Key::Down).await?;
    }
    Err(format!(
        "the arrow keys never reached answer {wanted} in {}",
        page.focused().await?
    ))
}

/// Answers with the keyboard alone: Tab, arrow keys, Space and Enter.
async fn answer_by_keyboard(page: &Page, q: &Question, how: Answer) -> TestResult {
    match q.kind {
        Kind::Match => {
            // Top to bottom, as shown: Tab to each item's list and pick with the arrow keys.
            let shown: Vec<usize> = page
                .js("return [...document.querySelectorAll('.quiz-pair')].map(li => Number(li.dataset.item));")
                .await?;
            let wanted = pairing(q, how);
            for k in shown {
                page.tab_to(&format!("#quiz-match-{k}"), 20).await?;
                choose_by_keyboard(page, wanted[k], q.answers.len()).await?;
            }
        }
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
                        // Focus stays on the moved step's button, so Enter moves it again
                        // (on its "Down" once it is first: "Up" is disabled there).
                        page.press(Key::Enter).await?;
                        page.wait_for(
                            &format!("['quiz-move-up-{place}', 'quiz-move-down-{place}'].includes(document.activeElement?.id)"),
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
    // The end of the chapter leads to its quiz (past every link, heading anchor and glossary
    // term of the chapter).
    page.tab_to(&format!("a[href$='/quiz/{chapter}']"), 400)
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
    let expected = format!("{right} of {total} right ({}%).", right * 100 / total);
    ensure!(score == expected, "score “{score}”, wanted “{expected}”");
    ensure!(
        !page
            .js::<bool>("return !!document.getElementById('quiz-breakdown');")
            .await?,
        "a chapter's quiz has no breakdown by chapter"
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
        Kind::Order | Kind::Match => q.options.iter().map(|o| o.feedback).collect(),
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
    if matches!(second.kind, Kind::Single | Kind::Multiple | Kind::TrueFalse) {
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
        score.starts_with(&format!("{right} of {total} right")),
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
    ensure!(score.starts_with("2 of 2 right (100%)"), "{score}");
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
    open_stored_attempt(page, attempt).await?;
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
        score.starts_with(&format!("{total} of {total} right (100%)")),
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
    ensure!(score.starts_with("1 of 1 right (100%)"), "{score}");
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
    store_progress(page, &stored).await?;
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
    store_progress(page, &stored).await?;
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

// --- The second edition: what readers see after checking, and the results ----------------

/// Every option index of a question, in its own order.
fn all(q: &Question) -> Vec<usize> {
    (0..q.options.len()).collect()
}

/// One stored item of an attempt.
fn item(q: &Question, options: Vec<usize>, answer: Option<Vec<usize>>) -> Value {
    serde_json::json!({ "question": q.id, "options": options, "answer": answer })
}

/// A stored attempt of quiz `quiz`: finished (at its end) or at its first question.
fn attempt(quiz: &str, items: Vec<Value>, finished: bool) -> Value {
    let n = items.len();
    serde_json::json!({
        "quiz": quiz, "seed": 3, "started_at": 1, "updated_at": 1,
        "current": if finished { n } else { 0 },
        "finished_at": if finished { Some(2) } else { None },
        "items": items,
    })
}

/// Saves `attempt` as a returning reader's browser holds it, then opens its quiz.
async fn open_stored_attempt(page: &Page, attempt: Value) -> TestResult {
    let quiz = attempt["quiz"].as_str().unwrap_or_default().to_string();
    let stored = serde_json::json!({
        "format": "backend-guide/progress", "version": 1,
        "progress": { "quiz": { "attempt": attempt } }
    });
    page.open("").await?;
    store_progress(page, &stored.to_string()).await?;
    page.open(&format!("quiz/{quiz}")).await
}

/// Puts `text` where the app keeps progress, as a returning reader's browser holds it.
async fn store_progress(page: &Page, text: &str) -> TestResult {
    page.js::<Value>(&format!(
        "localStorage.setItem({}, {}); return null;",
        js_string(KEY),
        js_string(text)
    ))
    .await
    .map(|_| ())
}

/// Points as the app writes them: "7.5" for 750 hundredths.
fn points(hundredths: usize) -> String {
    let whole = hundredths / 100;
    match hundredths % 100 {
        0 => whole.to_string(),
        f if f % 10 == 0 => format!("{whole}.{}", f / 10),
        f => format!("{whole}.{f:02}"),
    }
}

/// Text as the page shows it (code marks become `<code>`; their text has no backticks).
fn shown(text: &str) -> String {
    text.replace('`', "")
}

/// The progress bar's value and maximum.
async fn progress_bar(page: &Page) -> TestResult<(f64, f64)> {
    page.js("const p = document.querySelector('.quiz-progress progress'); return [p.value, p.max];")
        .await
}

pub async fn after_checking_each_option_shows_one_of_four_states_in_words(
    page: &Page,
) -> TestResult {
    let q = bank()
        .iter()
        .find(|q| {
            q.kind == Kind::Multiple
                && q.correct_options().count() >= 2
                && q.options.iter().filter(|o| !o.correct).count() >= 2
        })
        .ok_or("a multiple-choice question with two right and two wrong options")?;
    open_with_another_question(page, q).await?;
    let bar = progress_bar(page).await?;
    ensure!(
        bar == (0.0, 2.0),
        "nothing answered yet: the bar is {bar:?}"
    );

    let right = q.correct_options().next().ok_or("a right option")?;
    let wrong = q
        .options
        .iter()
        .position(|o| !o.correct)
        .ok_or("a wrong option")?;
    for i in [right, wrong] {
        page.click(&format!("label[for='quiz-option-{i}']")).await?;
    }
    page.click("#quiz-check").await?;
    page.wait_for(
        "document.activeElement?.id === 'quiz-feedback-title'",
        "the feedback, focused",
    )
    .await?;

    let options: Vec<(usize, String, String, String)> = page
        .js("return [...document.querySelectorAll('.quiz-option')].map(li => { \
               const s = getComputedStyle(li); \
               return [Number(li.querySelector('input').value), li.dataset.state ?? '', \
                 li.querySelector('.quiz-option__verdict').textContent, \
                 [s.backgroundColor, s.borderTopStyle, s.borderTopColor, s.borderTopWidth].join(' ')]; });")
        .await?;
    let mut seen: Vec<(String, String, String)> = Vec::new();
    for (i, state, words, look) in options {
        let chosen = i == right || i == wrong;
        let expected = match (q.options[i].correct, chosen) {
            (true, true) => "right",
            (false, true) => "wrong",
            (true, false) => "missed",
            (false, false) => "other",
        };
        ensure!(
            state == expected,
            "option {i} is “{state}”, wanted “{expected}”"
        );
        ensure!(
            !words.trim().is_empty(),
            "option {i} ({state}) says nothing"
        );
        if !seen.iter().any(|(s, ..)| *s == state) {
            seen.push((state, words, look));
        }
    }
    ensure!(seen.len() == 4, "all four states are shown: {seen:?}");
    for (i, a) in seen.iter().enumerate() {
        for b in &seen[i + 1..] {
            ensure!(a.1 != b.1, "“{}” and “{}” read the same: {}", a.0, b.0, a.1);
            ensure!(a.2 != b.2, "“{}” and “{}” look the same: {}", a.0, b.0, a.2);
        }
    }
    let missed = seen.iter().find(|(s, ..)| s == "missed").ok_or("missed")?;
    ensure!(
        missed.1.contains("You missed this"),
        "a missed right answer says so: {}",
        missed.1
    );

    // Feedback at a glance: the chosen options' feedback first, the others folded.
    let (yours, folded, open): (String, String, bool) = page
        .js(
            "return [document.querySelector('.quiz-feedback__yours')?.textContent ?? '', \
                document.querySelector('details.quiz-feedback__more')?.textContent ?? '', \
                document.querySelector('details.quiz-feedback__more')?.open ?? true];",
        )
        .await?;
    for i in [right, wrong] {
        let text = shown(q.options[i].feedback);
        ensure!(
            yours.contains(&text),
            "your answer's feedback first: {text}"
        );
    }
    ensure!(!open, "the other options' feedback is folded");
    for (i, o) in q.options.iter().enumerate() {
        if i != right && i != wrong {
            ensure!(
                folded.contains(&shown(o.feedback)),
                "option {i}'s feedback is in the fold"
            );
        }
    }
    let bar = progress_bar(page).await?;
    ensure!(bar == (1.0, 2.0), "one answered: the bar is {bar:?}");
    Ok(())
}

pub async fn a_match_question_is_answered_by_keyboard_alone_with_credit_per_pair(
    page: &Page,
) -> TestResult {
    let q = bank()
        .iter()
        .find(|q| q.kind == Kind::Match)
        .ok_or("a match question")?;
    let n = q.options.len();
    let shown_order: Vec<usize> = (0..n).rev().collect();
    open_stored_attempt(
        page,
        attempt(q.chapter, vec![item(q, shown_order.clone(), None)], false),
    )
    .await?;
    current_question(page, 1, 1).await?;

    // One list per item, in the order shown, each offering every answer alphabetically.
    let lists: Vec<(usize, Vec<String>)> = page
        .js("return [...document.querySelectorAll('.quiz-pair')].map(li => \
               [Number(li.dataset.item), [...li.querySelector('select').options].map(o => o.value)]);")
        .await?;
    let mut offered = vec![String::new()];
    offered.extend(q.answers_listed().iter().map(u8::to_string));
    ensure!(
        lists.iter().map(|(k, _)| *k).collect::<Vec<_>>() == shown_order,
        "items in the stored order: {lists:?}"
    );
    ensure!(
        lists.iter().all(|(_, l)| *l == offered),
        "every list offers “Choose…” then every answer, alphabetically: {lists:?}"
    );

    // Checking before every item has an answer says what is missing.
    page.click("#quiz-check").await?;
    page.wait_for(
        "document.querySelector('.quiz-hint')?.textContent === 'Choose an answer for every item first.'",
        "the hint to choose an answer for every item",
    )
    .await?;

    // By keyboard: the first two items shown get each other's answers, the rest their own.
    let mut wanted: Vec<usize> = (0..n).collect();
    wanted.swap(shown_order[0], shown_order[1]);
    page.js::<Value>("document.getElementById('quiz-position').focus(); return null;")
        .await?;
    for &k in &shown_order {
        page.tab_to(&format!("#quiz-match-{k}"), 20).await?;
        choose_by_keyboard(page, wanted[k], q.answers.len()).await?;
    }
    page.tab_to("#quiz-check", 20).await?;
    page.press(Key::Enter).await?;
    page.wait_for(
        "document.activeElement?.id === 'quiz-feedback-title'",
        "focus on the feedback",
    )
    .await?;
    let credit = (n - 2) * 100 / n;
    let verdict: String = page
        .js("return document.getElementById('quiz-feedback-title').textContent;")
        .await?;
    let expected = format!("Partly right: {} of 1 point.", points(credit));
    ensure!(verdict == expected, "“{verdict}”, wanted “{expected}”");

    // Each pair says whether it is right, and a wrong one names its right answer.
    let pairs: Vec<(usize, String, String, bool)> = page
        .js("return [...document.querySelectorAll('.quiz-pair')].map(li => [Number(li.dataset.item), \
               li.dataset.state ?? '', li.querySelector('.quiz-option__verdict').textContent, \
               li.querySelector('select').disabled]);")
        .await?;
    for (k, state, words, disabled) in pairs {
        let swapped = k == shown_order[0] || k == shown_order[1];
        ensure!(
            state == if swapped { "wrong" } else { "right" },
            "item {k} is “{state}”"
        );
        ensure!(disabled, "item {k}'s list is closed once checked");
        if swapped {
            let right = shown(q.answers[k]);
            ensure!(words.contains(&right), "item {k} names “{right}”: {words}");
        }
    }
    let feedback: String = page
        .js("return document.getElementById('quiz-feedback').textContent;")
        .await?;
    for o in q.options {
        let text = shown(o.feedback);
        ensure!(feedback.contains(&text), "each pair's feedback: {text}");
    }

    page.tab_to("#quiz-next", 20).await?;
    page.press(Key::Enter).await?;
    page.wait_for("document.querySelector('.quiz-score')", "the results")
        .await?;
    let score = score_text(page).await?;
    let expected = format!(
        "0 of 1 right, 1 partly: {} of 1 point ({credit}%).",
        points(credit)
    );
    ensure!(score == expected, "“{score}”, wanted “{expected}”");
    Ok(())
}

pub async fn the_results_lead_in_words_with_marks_that_jump_to_each_review(
    page: &Page,
) -> TestResult {
    // A chapter with two single-choice questions, a true/false one and a "choose all" one.
    let chapter = crate::guide::chapters()
        .iter()
        .map(|c| c.id)
        .find(|id| {
            let of = |kind: Kind| {
                bank()
                    .iter()
                    .filter(|q| q.chapter == *id && q.kind == kind)
                    .count()
            };
            of(Kind::Single) >= 2 && of(Kind::TrueFalse) >= 1 && of(Kind::Multiple) >= 1
        })
        .ok_or("a chapter with every choice kind")?;
    let of = |kind: Kind| {
        bank()
            .iter()
            .filter(move |q| q.chapter == chapter && q.kind == kind)
    };
    let mut singles = of(Kind::Single);
    let (single, missed_single) = (
        singles.next().ok_or("single")?,
        singles.next().ok_or("single")?,
    );
    let tf = of(Kind::TrueFalse).next().ok_or("true/false")?;
    let multiple = of(Kind::Multiple).next().ok_or("multiple")?;
    let right_of = |q: &Question| q.correct_options().collect::<Vec<_>>();
    let wrong_of = |q: &Question| vec![q.options.iter().position(|o| !o.correct).unwrap_or(0)];
    let first_right = vec![right_of(multiple)[0]];
    let items = vec![
        item(single, all(single), Some(right_of(single))),
        item(tf, all(tf), Some(right_of(tf))),
        item(
            missed_single,
            all(missed_single),
            Some(wrong_of(missed_single)),
        ),
        item(multiple, all(multiple), Some(first_right)),
    ];
    open_stored_attempt(page, attempt(chapter, items, true)).await?;
    page.wait_for("document.querySelector('.quiz-score')", "the results")
        .await?;

    let partly = 100 / multiple.correct_options().count();
    let total = 200 + partly;
    let expected = format!(
        "2 of 4 right, 1 partly: {} of 4 points ({}%).",
        points(total),
        total / 4
    );
    let score = score_text(page).await?;
    ensure!(score == expected, "“{score}”, wanted “{expected}”");

    let marks: Vec<String> = page
        .js("return [...document.querySelectorAll('.quiz-marks button')].map(b => b.className);")
        .await?;
    let classes: Vec<&str> = marks
        .iter()
        .map(|c| c.split("quiz-mark--").nth(1).unwrap_or_default())
        .collect();
    ensure!(
        classes == ["right", "right", "wrong", "partly"],
        "a mark per question, in order: {classes:?}"
    );
    page.click(".quiz-marks li:nth-child(3) button").await?;
    page.wait_for(
        "document.activeElement?.id === 'quiz-review-3'",
        "the third question's review, focused",
    )
    .await?;
    let reviewed: String = page
        .js("return document.activeElement.dataset.question;")
        .await?;
    ensure!(
        reviewed == missed_single.id,
        "the mark jumps to its question: {reviewed}"
    );

    // The ways on right under the score and the marks.
    let (retry, way_on): (String, String) = page
        .js("const a = document.querySelector('.quiz-marks + .quiz-results__actions'); \
             return [a?.querySelector('#quiz-retry')?.textContent ?? '', a?.querySelector('#quiz-way-on')?.textContent ?? ''];")
        .await?;
    ensure!(
        retry == "Retry the 2 missed questions",
        "retry under the score: “{retry}”"
    );
    let chapters = crate::guide::chapters();
    let at = chapters.iter().position(|c| c.id == chapter).unwrap_or(0);
    let want = chapters
        .get(at + 1)
        .map_or("Back to the guide".to_string(), |c| {
            format!("Next chapter: {}", c.title)
        });
    ensure!(way_on == want, "“{way_on}”, wanted “{want}”");
    let (note, breakdown, well_done): (String, bool, bool) = page
        .js("return [document.querySelector('.quiz-review-note')?.textContent ?? '', \
                !!document.getElementById('quiz-breakdown'), !!document.querySelector('.quiz-all-right')];")
        .await?;
    ensure!(
        note.starts_with("2 questions come back for review tomorrow"),
        "the review queue, plainly: “{note}”"
    );
    ensure!(!breakdown, "no breakdown by chapter for one chapter's quiz");
    ensure!(!well_done, "no “Well done” with questions missed");
    Ok(())
}

/// Whether the element is wholly inside the window.
async fn in_view(page: &Page, css: &str) -> TestResult<bool> {
    page.js(&format!(
        "const e = document.querySelector({}); if (!e) return false; \
         const r = e.getBoundingClientRect(); \
         const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2); \
         return r.top >= 0 && r.bottom <= innerHeight && r.width > 0 && !!hit && e.contains(hit);",
        js_string(css)
    ))
    .await
}

pub async fn on_a_phone_check_and_next_stay_within_reach_and_the_question_in_view(
    page: &Page,
) -> TestResult {
    page.set_viewport(375, 812).await?;
    let size = |q: &Question| {
        q.prompt.len()
            + q.options
                .iter()
                .map(|o| o.text.len() + o.feedback.len())
                .sum::<usize>()
    };
    let q = bank()
        .iter()
        .filter(|q| matches!(q.kind, Kind::Single | Kind::Multiple))
        .max_by_key(|q| size(q))
        .ok_or("a choice question")?;
    open_with_another_question(page, q).await?;
    ensure!(
        in_view(page, "#quiz-check").await?,
        "“Check answer” is on screen before answering"
    );
    let wrong = picks(q, Answer::Wrong)[0];
    page.click(&format!("label[for='quiz-option-{wrong}']"))
        .await?;
    let before: f64 = page.js("return scrollY;").await?;
    // As a finger would: where the button is, without scrolling to it first.
    page.client
        .find(fantoccini::Locator::Css("#quiz-check"))
        .await
        .map_err(|e| format!("no check button: {e}"))?
        .click()
        .await
        .map_err(|e| format!("cannot press check: {e}"))?;
    page.wait_for(
        "document.activeElement?.id === 'quiz-feedback-title'",
        "the feedback, focused",
    )
    .await?;
    let (after, long): (f64, bool) = page
        .js("return [scrollY, document.documentElement.scrollHeight > innerHeight + 200];")
        .await?;
    ensure!(long, "the question and its feedback run past the screen");
    let stayed = (after - before).abs() < 1.0;
    ensure!(
        stayed,
        "the question stays where it was ({before} → {after})"
    );
    ensure!(
        in_view(page, "#quiz-next").await?,
        "“Next question” is on screen after checking"
    );
    let question_visible: bool = page
        .js(
            "const r = document.querySelector('form.quiz-question').getBoundingClientRect(); \
             return r.bottom > 100 && r.top < innerHeight - 100;",
        )
        .await?;
    ensure!(question_visible, "the question stays in view");
    page.client
        .find(fantoccini::Locator::Css("#quiz-next"))
        .await
        .map_err(|e| format!("no next button: {e}"))?
        .click()
        .await
        .map_err(|e| format!("cannot press next: {e}"))?;
    current_question(page, 2, 2).await?;
    Ok(())
}

pub async fn order_steps_cannot_move_past_an_end_and_each_move_is_announced(
    page: &Page,
) -> TestResult {
    let q = bank()
        .iter()
        .find(|q| q.kind == Kind::Order)
        .ok_or("an order question")?;
    let n = q.options.len();
    let start: Vec<usize> = (1..n).chain([0]).collect();
    open_stored_attempt(
        page,
        attempt(q.chapter, vec![item(q, start.clone(), None)], false),
    )
    .await?;
    current_question(page, 1, 1).await?;
    let disabled: Vec<(bool, bool)> = page
        .js("return [...document.querySelectorAll('.quiz-step')].map(li => \
               [li.querySelector('[id^=\"quiz-move-up-\"]').disabled, li.querySelector('[id^=\"quiz-move-down-\"]').disabled]);")
        .await?;
    for (place, (up, down)) in disabled.iter().enumerate() {
        ensure!(
            *up == (place == 0) && *down == (place + 1 == n),
            "step {place}: Up disabled {up}, Down disabled {down}"
        );
    }
    let top = start[0];
    let text = shown(q.options[top].text);
    let news = "return document.querySelector('.quiz-steps + [aria-live]').textContent;";
    page.js::<Value>("document.getElementById('quiz-position').focus(); return null;")
        .await?;
    page.tab_to(&format!("#quiz-move-down-{top}"), 20).await?;
    for to in 2..=n {
        page.press(Key::Enter).await?;
        page.wait_for(
            &format!(
                "document.querySelectorAll('.quiz-steps li')[{}]?.querySelector('#quiz-move-up-{top}')",
                to - 1
            ),
            "the step one place down",
        )
        .await?;
        let focus = if to == n { "up" } else { "down" };
        page.wait_for(
            &format!("document.activeElement?.id === 'quiz-move-{focus}-{top}'"),
            &format!("focus on the moved step's {focus} button"),
        )
        .await?;
        let said: String = page.js(news).await?;
        let end = if to == n { " It is now last." } else { "" };
        let want = format!("“{text}” moved to position {to} of {n}.{end}");
        ensure!(said == want, "announced “{said}”, wanted “{want}”");
    }
    Ok(())
}

pub async fn a_saved_attempt_whose_questions_were_all_removed_starts_afresh(
    page: &Page,
) -> TestResult {
    let chapter = "databases";
    for finished in [true, false] {
        let gone = vec![
            serde_json::json!({ "question": "a-removed-question", "options": [0, 1], "answer": [1] }),
            serde_json::json!({ "question": "another-removed-question", "options": [0, 1, 2], "answer": null }),
        ];
        open_stored_attempt(page, attempt(chapter, gone, finished)).await?;
        page.wait_for_h1(&format!("Quiz: {}", chapter_title(chapter)))
            .await?;
        page.wait_for(
            "document.querySelector('.quiz-restart')?.textContent.includes('starts afresh')",
            "a note that the quiz starts afresh",
        )
        .await?;
        let (start, score, text): (bool, bool, String) = page
            .js("return [!!document.getElementById('quiz-start'), !!document.querySelector('.quiz-score'), \
                   document.querySelector('main').textContent];")
            .await?;
        ensure!(start, "the start button (finished: {finished})");
        ensure!(
            !score && !text.contains("Well done") && !text.contains("0 of 0"),
            "no score of nothing (finished: {finished}): {text}"
        );
        page.click("#quiz-start").await?;
        current_question(page, 1, of_chapter(chapter)).await?;
        ensure!(
            !page
                .js::<bool>("return !!document.querySelector('.quiz-restart');")
                .await?,
            "the note goes once the quiz starts"
        );
    }
    Ok(())
}

/// For the audits: a match question answered partly, its feedback on screen.
pub(crate) async fn answer_a_match_question_partly(page: &Page) -> TestResult {
    let q = bank()
        .iter()
        .find(|q| q.kind == Kind::Match)
        .ok_or("a match question")?;
    open_stored_attempt(page, attempt(q.chapter, vec![item(q, all(q), None)], false)).await?;
    current_question(page, 1, 1).await?;
    let n = q.options.len();
    for k in 0..n {
        let a = if k < 2 { 1 - k } else { k };
        page.select(&format!("#quiz-match-{k}"), &a.to_string())
            .await?;
    }
    page.click("#quiz-check").await?;
    page.wait_for(
        "document.activeElement?.id === 'quiz-feedback-title'",
        "the feedback, focused",
    )
    .await
}

/// Opens a stored attempt at question 1 of 2: `q`, then another question of its chapter.
async fn open_with_another_question(page: &Page, q: &Question) -> TestResult {
    let other = bank()
        .iter()
        .find(|o| o.chapter == q.chapter && o.id != q.id)
        .ok_or("a second question")?;
    open_stored_attempt(
        page,
        attempt(
            q.chapter,
            vec![item(q, all(q), None), item(other, all(other), None)],
            false,
        ),
    )
    .await?;
    current_question(page, 1, 2).await.map(|_| ())
}
