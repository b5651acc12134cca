//! End-to-end tests: the release build of the guide, served like GitHub Pages under
//! `/backend-guide/`, driven through WebDriver in Chromium, Firefox and WebKit.
//!
//! Run through `scripts/test.sh` (it builds the site and installs browsers and drivers), or
//! `cargo test --test e2e` once `dist/` holds a release build. Filter like any cargo test:
//! `cargo test --test e2e -- webkit::`, `-- offline::` (one module) or `-- home`. Tests are
//! named `engine::module::test`. Set `E2E_SITE_DIR` to test another build.
//!
//! Every test runs in a fresh browser session (fresh storage) in each of the three engines.
//! After each test the page's recorded uncaught errors and Content-Security-Policy violations
//! must be empty.
//!
//! Two tests run at a time, of two different engines (`schedule.rs`: geckodriver serves one
//! session at a time, and two browsers are what 2 cores carry); `--test-threads=1` runs all
//! in order.

mod audit;
mod browsers;
mod code_and_tables;
mod diagram;
mod faults;
mod glossary;
mod guide;
mod offline;
mod page;
mod progress;
mod quiz;
mod reading;
mod schedule;
mod search;
mod server;

use std::collections::HashMap;
use std::future::Future;
use std::path::PathBuf;
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use libtest_mimic::{Arguments, Failed, Trial};

use browsers::{Driver, Engine, ENGINES};
use page::{Page, TestResult};
use schedule::{interleaved, Schedule};
use server::StaticServer;

type TestFn = for<'a> fn(&'a Page) -> Pin<Box<dyn Future<Output = TestResult> + 'a>>;

macro_rules! tests {
    ($($module:ident :: $name:ident),* $(,)?) => {
        &[$((concat!(stringify!($module), "::", stringify!($name)), |page| Box::pin($module::$name(page)))),*]
    };
}

const TESTS: &[(&str, TestFn)] = tests![
    guide::home_lists_every_chapter,
    guide::every_chapter_opens_from_the_navigation,
    guide::chapter_deep_link_loads_on_a_fresh_page,
    guide::section_deep_link_scrolls_to_its_heading,
    guide::back_and_forward_move_between_views,
    guide::unknown_paths_show_a_helpful_not_found_view,
    guide::every_route_is_a_real_page_and_unknown_paths_are_404,
    guide::every_route_is_prerendered_and_the_app_mounts_over_it_unchanged,
    guide::without_javascript_every_page_reads_and_offers_no_dead_controls,
    guide::keyboard_alone_reaches_content_and_the_menu,
    guide::narrow_screens_do_not_scroll_sideways,
    guide::no_route_scrolls_sideways_at_320px_or_with_text_at_200_percent,
    guide::theme_choice_is_applied_and_remembered,
    guide::a_panic_shows_an_error_panel_with_reload,
    guide::home_says_what_it_is_for_whom_and_what_to_do_first,
    progress::reading_to_the_end_marks_a_chapter_read_and_up_next_follows_it,
    progress::the_toggle_and_the_progress_page_agree,
    progress::bad_stored_values_are_kept_aside_and_the_app_keeps_working,
    progress::full_storage_shows_the_notice_and_the_app_still_works,
    progress::blocked_storage_shows_the_notice_and_the_app_still_works,
    progress::two_tabs_keep_both_changes,
    progress::export_then_reset_then_import_restores_the_same_state,
    progress::a_malformed_import_file_is_refused_and_changes_nothing,
    progress::an_oversized_import_is_refused_before_it_is_read,
    progress::imported_text_is_only_ever_shown_as_text,
    progress::a_returning_reader_is_offered_up_next_on_home_and_the_progress_page,
    progress::the_progress_page_gives_direction_in_honest_plurals,
    progress::the_import_control_opens_by_keyboard_and_previews_a_file,
    diagram::a_part_opens_by_mouse_and_its_panel_explains_it,
    diagram::keyboard_alone_opens_parts_and_follows_connections,
    diagram::a_trace_plays_to_its_end_and_steps_back,
    diagram::switching_the_stack_relabels_the_parts_and_messages,
    diagram::the_list_view_holds_every_part_and_step,
    diagram::explored_parts_are_remembered_after_a_reload,
    diagram::chapters_embed_their_trace_compact,
    diagram::a_chapter_diagram_loads_near_the_reader_and_moves_nothing_in_view,
    diagram::every_trace_steps_to_its_end_with_direction_and_message,
    diagram::on_a_phone_the_drawing_fits_with_readable_labels,
    diagram::stepping_keeps_the_caption_and_the_lit_part_in_view,
    diagram::the_diagram_mid_trace_passes_axe,
    quiz::a_chapter_quiz_can_be_completed_by_keyboard_alone,
    quiz::a_wrong_answer_shows_its_feedback_and_the_section_link,
    quiz::reloading_mid_quiz_resumes_at_the_same_question,
    quiz::retry_missed_asks_only_the_missed_questions,
    quiz::the_best_score_shows_on_the_progress_page_after_a_reload,
    quiz::missed_questions_come_back_for_review_when_due,
    quiz::a_saved_quiz_naming_a_removed_question_resumes_without_it,
    quiz::the_whole_guide_quiz_asks_two_questions_from_each_chapter,
    quiz::a_saved_attempt_with_numbers_out_of_range_is_pruned,
    quiz::an_attempt_from_another_tab_with_numbers_out_of_range_is_pruned,
    quiz::after_checking_each_option_shows_one_of_four_states_in_words,
    quiz::a_match_question_is_answered_by_keyboard_alone_with_credit_per_pair,
    quiz::the_results_lead_in_words_with_marks_that_jump_to_each_review,
    quiz::on_a_phone_check_and_next_stay_within_reach_and_the_question_in_view,
    quiz::order_steps_cannot_move_past_an_end_and_each_move_is_announced,
    quiz::a_saved_attempt_whose_questions_were_all_removed_starts_afresh,
    code_and_tables::every_table_reads_whole_on_a_phone,
    code_and_tables::a_code_block_is_copied_by_keyboard_exactly,
    code_and_tables::line_notes_are_linked_from_their_lines,
    code_and_tables::a_chapter_with_code_notes_and_tables_passes_axe_on_a_phone,
    reading::on_a_phone_the_header_is_one_compact_row_with_the_quiz,
    reading::on_a_phone_the_header_hides_on_scroll_down_and_returns_on_scroll_up_or_focus,
    reading::saving_is_quiet_and_marking_read_is_confirmed_beside_a_neutral_toggle,
    reading::on_a_wide_screen_on_this_page_stays_in_view_and_marks_the_section,
    reading::heading_anchors_show_only_on_hover_or_keyboard_focus,
    reading::the_keyboard_hint_shows_without_a_touch_screen,
    search::search_finds_sections_by_keyboard_by_another_form_a_typo_and_a_synonym,
    search::on_a_phone_search_opens_from_a_button_in_the_header,
    search::the_open_search_passes_axe_in_light_and_dark,
    glossary::a_terms_definition_opens_and_closes_by_mouse,
    glossary::a_terms_definition_opens_by_keyboard_and_escape_returns_focus,
    glossary::on_a_phone_a_tap_opens_a_definition_that_covers_no_text,
    glossary::the_glossary_page_jumps_by_letter_and_links_each_entry_to_its_section,
    glossary::without_javascript_a_term_is_a_link_to_its_entry,
    audit::every_view_passes_axe_in_light_and_dark,
    audit::home_and_progress_pass_axe_for_a_new_and_a_returning_reader,
    audit::every_view_has_a_title_description_lang_and_no_console_error,
    audit::first_load_stays_within_its_budget_and_the_text_paints_first,
    audit::a_full_tour_meets_the_content_security_policy,
    offline::after_one_visit_the_guide_works_with_the_server_gone,
    offline::the_guide_opens_offline_after_the_browser_is_reopened,
    offline::a_repeat_visit_paints_the_chapter_at_once_online_and_offline,
    offline::a_chapter_that_cannot_be_fetched_says_so_and_can_be_retried,
    offline::a_new_version_is_offered_and_taken_only_on_reload,
    offline::the_manifest_makes_the_guide_installable_under_the_subpath,
    offline::no_request_leaves_the_site_during_a_full_tour,
    faults::missing_or_blocked_storage_leaves_every_route_working,
    faults::storage_that_throws_on_reading_leaves_every_route_working,
    faults::storage_that_refuses_writes_leaves_every_route_working,
    faults::without_webassembly_the_page_stays_readable_with_a_note,
    faults::a_wasm_that_cannot_be_fetched_or_compiled_leaves_the_page_readable,
    faults::a_panic_or_trap_while_starting_leaves_the_page_readable,
    faults::a_trap_after_the_start_shows_the_error_panel,
    faults::a_returning_reader_keeps_the_chapters_text_when_the_wasm_is_damaged,
    faults::a_chunk_that_cannot_load_gives_a_message_and_a_retry,
    faults::a_question_bank_that_cannot_load_gives_a_message_and_a_retry,
    faults::a_chapter_diagram_that_cannot_load_gives_a_message_and_a_retry,
    faults::the_diagrams_texts_that_cannot_load_give_a_message_and_a_retry,
];

/// Tests an engine cannot run, listed as ignored there.
const NOT_IN: &[(Engine, &str)] = &[
    // MiniBrowser in automation mode keeps no data: there is no profile to reopen.
    (
        Engine::WebKit,
        "offline::the_guide_opens_offline_after_the_browser_is_reopened",
    ),
];

/// The subpath the site is served under, as on GitHub Pages.
const SUBPATH: &str = "/backend-guide/";

struct Harness {
    site_url: String,
    site_dir: PathBuf,
    drivers: Mutex<HashMap<Engine, Arc<Result<Driver, String>>>>,
    schedule: Schedule,
}

impl Harness {
    fn driver(&self, engine: Engine) -> Arc<Result<Driver, String>> {
        let mut drivers = self.drivers.lock().unwrap_or_else(|e| e.into_inner());
        Arc::clone(
            drivers
                .entry(engine)
                .or_insert_with(|| Arc::new(Driver::start(engine))),
        )
    }

    /// Runs one trial. A browser that stops answering mid-test (seen in CI: WebKit's
    /// MiniBrowser went away, and its driver answered every command with an empty error) is
    /// infrastructure, not the app under test: the trial runs once more in a new browser and
    /// says so on stderr. A trial that fails in a browser that still answers, or fails twice,
    /// fails.
    fn run(&self, engine: Engine, name: &str, test: TestFn) -> Result<(), Failed> {
        let _turn = self.schedule.turn(engine);
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .map_err(|e| format!("tokio: {e}"))?;
        match self.attempt(&runtime, engine, test)? {
            Ended::Passed => Ok(()),
            Ended::Failed(failure) => Err(failure.into()),
            Ended::BrowserLost(first) => {
                eprintln!(
                    "note: {}::{name}: the browser stopped answering, so the test runs again in a new one. The first run said: {first}",
                    engine.name()
                );
                match self.attempt(&runtime, engine, test)? {
                    Ended::Passed => Ok(()),
                    Ended::Failed(failure) | Ended::BrowserLost(failure) => Err(format!(
                        "{failure}\n(the first run had lost its browser: {first})"
                    )
                    .into()),
                }
            }
        }
    }

    /// Runs a trial once in a new session and closes it.
    fn attempt(
        &self,
        runtime: &tokio::runtime::Runtime,
        engine: Engine,
        test: TestFn,
    ) -> Result<Ended, String> {
        let (driver, client) = self.session(runtime, engine)?;
        let ended = runtime.block_on(async {
            // Every WebDriver exchange is bounded: a browser that stops answering fails the
            // trial instead of hanging the run.
            let page = Page {
                client,
                site_url: self.site_url.clone(),
                site_dir: self.site_dir.clone(),
                engine,
            };
            let outcome = tokio::time::timeout(Duration::from_secs(150), checked(&page, test))
                .await
                .unwrap_or_else(|_| Err(TIMED_OUT.into()));
            let answers = outcome.is_ok() || answers(&page).await;
            let closed = tokio::time::timeout(Duration::from_secs(20), page.client.close()).await;
            match outcome {
                Err(failure) if !answers => Ended::BrowserLost(failure),
                Err(failure) if closed.is_err() => {
                    Ended::Failed(format!("{failure}; and the browser did not close"))
                }
                Err(failure) => Ended::Failed(failure),
                Ok(()) if closed.is_err() => Ended::Failed("the browser did not close".into()),
                Ok(()) => Ended::Passed,
            }
        });
        let restart = match &ended {
            Ended::Passed => false,
            Ended::Failed(failure) => {
                failure.contains(TIMED_OUT) || failure.contains("did not close")
            }
            Ended::BrowserLost(_) => true,
        };
        if restart {
            // Start this engine's driver afresh for the next trials.
            self.forget_driver(engine);
        }
        Ok(match ended {
            Ended::BrowserLost(failure) => {
                let log = driver.as_ref().as_ref().map(Driver::log_tail);
                Ended::BrowserLost(format!("{failure}\n{}", log.unwrap_or_default()))
            }
            ended => ended,
        })
    }

    /// A new session of `engine`. Starting a browser is infrastructure, not the app under
    /// test: if a driver cannot give a session in time (WebKitWebDriver could not, under
    /// load, before Xvfb ran with `-noreset`), that driver starts afresh once before the
    /// trial fails.
    fn session(
        &self,
        runtime: &tokio::runtime::Runtime,
        engine: Engine,
    ) -> Result<(Arc<Result<Driver, String>>, fantoccini::Client), String> {
        let mut problem = String::new();
        for _attempt in 0..2 {
            let driver = self.driver(engine);
            let started = driver.as_ref().as_ref().map_err(|e| e.clone())?;
            match runtime.block_on(async {
                tokio::time::timeout(Duration::from_secs(60), started.new_session()).await
            }) {
                Ok(Ok(client)) => return Ok((driver, client)),
                Ok(Err(e)) => problem = e,
                Err(_) => problem = "no session after 60 s".into(),
            }
            self.forget_driver(engine);
        }
        Err(problem)
    }

    /// Drops an engine's driver (its processes are killed once no trial uses it); the next
    /// trial starts a new one.
    fn forget_driver(&self, engine: Engine) {
        self.drivers
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .remove(&engine);
    }
}

const TIMED_OUT: &str = "timed out after 150 s";

/// How one run of a trial ended.
enum Ended {
    Passed,
    Failed(String),
    /// The test failed and the browser no longer answers: it crashed or hung.
    BrowserLost(String),
}

/// The test, then what every test asserts: no uncaught error and nothing the
/// Content-Security-Policy blocked.
async fn checked(page: &Page, test: TestFn) -> TestResult {
    test(page).await?;
    let errors = page.uncaught_errors().await?;
    if !errors.is_empty() {
        return Err(format!("uncaught errors on the page: {errors:?}"));
    }
    let blocked = page.csp_violations().await?;
    if !blocked.is_empty() {
        return Err(format!("the Content-Security-Policy blocked: {blocked:?}"));
    }
    Ok(())
}

/// Whether the browser still runs a script within 10 s.
async fn answers(page: &Page) -> bool {
    let ran = page.client.execute("return 1;", Vec::new());
    matches!(
        tokio::time::timeout(Duration::from_secs(10), ran).await,
        Ok(Ok(_))
    )
}

fn site_dir() -> Result<PathBuf, String> {
    let dir = std::env::var_os("E2E_SITE_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("dist"));
    for file in ["index.html", "404.html"] {
        if !dir.join(file).is_file() {
            return Err(format!(
                "{} has no {file}: build the site first (scripts/test.sh does: trunk build --release)",
                dir.display()
            ));
        }
    }
    Ok(dir)
}

fn main() {
    let mut args = Arguments::from_args();
    // Four threads, so that each engine usually has a trial waiting for a free place
    // (`schedule.rs` lets two browsers run at once).
    args.test_threads.get_or_insert(4);

    let site = match site_dir() {
        Ok(site) => site,
        Err(message) => {
            eprintln!("error: {message}");
            std::process::exit(1);
        }
    };
    browsers::clear_earlier_runs();
    let server = StaticServer::start(site.clone(), SUBPATH).expect("start the static server");
    let harness = Arc::new(Harness {
        site_url: server.url(),
        site_dir: site,
        drivers: Mutex::new(HashMap::new()),
        schedule: Schedule::new(),
    });
    eprintln!("serving the site at {}", server.url());

    let trials = ENGINES
        .iter()
        .flat_map(|&engine| {
            TESTS.iter().map({
                let harness = Arc::clone(&harness);
                move |&(name, test)| {
                    let harness = Arc::clone(&harness);
                    let trial = Trial::test(format!("{}::{name}", engine.name()), move || {
                        harness.run(engine, name, test)
                    })
                    .with_ignored_flag(NOT_IN.contains(&(engine, name)));
                    (engine, trial)
                }
            })
        })
        .collect();
    let trials = interleaved(trials);

    let conclusion = libtest_mimic::run(&args, trials);
    harness
        .drivers
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .clear();
    drop(server);
    conclusion.exit();
}
