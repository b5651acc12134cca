//! One chapter: title, contents ("On this page", which marks the section in view), body, the
//! read toggle with its confirmation, previous/next links.

use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_params_map};
use wasm_bindgen::JsCast;

use crate::content::{self, chapters, Chapter, Section};
use crate::pages::chapter_body::ChapterBody;
use crate::progress::model::ChapterState;
use crate::progress::store::{use_progress, use_progress_store};
use crate::routes::{href, Page};
use crate::ui::not_found::NotFound;
use crate::ui::page_meta::PageMeta;

#[component]
pub fn ChapterPage() -> impl IntoView {
    let params = use_params_map();
    let chapter = Memo::new(move |_| params.read().get("id").and_then(|id| content::chapter(&id)));
    move || match chapter.get() {
        Some(chapter) => view! { <ChapterView chapter /> }.into_any(),
        None => view! { <NotFound /> }.into_any(),
    }
}

#[component]
fn ChapterView(chapter: &'static Chapter) -> impl IntoView {
    let number = content::position(chapter.id).unwrap_or(0);
    let (previous, next) = content::neighbours(chapter.id);
    let sections = chapter.sections.iter().filter(|s| s.level == 2);
    // Once the reader uses the toggle, their choice stands: reaching the end no longer marks
    // the chapter read during this visit.
    let toggled = StoredValue::new(false);
    // The section in view, marked in "On this page": none until the page is read on screen.
    let in_view = RwSignal::new(None::<&'static str>);
    if !crate::PRERENDERING {
        use_reading_tracker(chapter, toggled, in_view);
    }
    view! {
        <PageMeta title=Some(chapter.title.to_string()) description=chapter.summary.to_string() />
        <article class="chapter" aria-labelledby="chapter-title">
            <header class="chapter__header">
                <p class="chapter__meta">
                    {format!(
                        "Chapter {number} of {} · {} min read",
                        chapters().len(),
                        chapter.reading_minutes,
                    )}
                </p>
                <h1 id="chapter-title" tabindex="-1">{chapter.title}</h1>
                <p class="chapter__summary">{chapter.summary}</p>
            </header>
            <nav class="toc" aria-label="On this page">
                <h2 class="toc__title">"On this page"</h2>
                <ol>
                    {sections
                        .map(|s| {
                            view! {
                                <li>
                                    <a
                                        href=href(Page::Chapter { id: chapter.id, section: Some(s.id) })
                                        aria-current=move || (in_view.get() == Some(s.id)).then_some("location")
                                    >
                                        {s.title}
                                    </a>
                                </li>
                            }
                        })
                        .collect_view()}
                </ol>
            </nav>
            <ChapterBody chapter />
            <ReadToggle chapter=chapter toggled />
            <nav class="pager" aria-label="Previous and next chapter">
                {previous
                    .map(|c| {
                        view! {
                            <a class="pager__link pager__link--previous" href=href(Page::Chapter { id: c.id, section: None }) rel="prev">
                                <span class="pager__direction">"Previous chapter"</span>
                                <span class="pager__title">{c.title}</span>
                            </a>
                        }
                    })}
                {next
                    .map(|c| {
                        view! {
                            <a class="pager__link pager__link--next" href=href(Page::Chapter { id: c.id, section: None }) rel="next">
                                <span class="pager__direction">"Next chapter"</span>
                                <span class="pager__title">{c.title}</span>
                            </a>
                        }
                    })}
            </nav>
        </article>
    }
}

/// "Mark as read / unread" at the end of the chapter (the end also marks it read by itself).
/// The state shows as "✓ Read"; the button stays neutral (undoing is no success), and what the
/// reader did is confirmed beside it, politely, once.
#[component]
fn ReadToggle(chapter: &'static Chapter, toggled: StoredValue<bool>) -> impl IntoView {
    let store = use_progress_store();
    let progress = use_progress();
    let saves = store.saves();
    let read = move || progress.with(|p| p.chapter_state(chapter.id) == ChapterState::Read);
    let confirmation = RwSignal::new("");
    let on_click = move |_| {
        toggled.set_value(true);
        let mark_read = !read();
        let saves_before = saves.get_untracked();
        store.set_read(chapter.id, mark_read);
        confirmation.set(confirmation_text(
            mark_read,
            saves.get_untracked() != saves_before,
        ));
    };
    view! {
        <section class="chapter__end" aria-label="Your progress in this chapter">
            <p class="chapter__end-status">
                {move || {
                    if read() {
                        view! { <strong class="read-state">"✓ Read"</strong> }.into_any()
                    } else {
                        "Reach the end or use the button to mark this chapter as read.".into_any()
                    }
                }}
            </p>
            <div class="chapter__end-actions">
                <button
                    type="button"
                    class="button read-toggle"
                    aria-pressed=move || read().to_string()
                    on:click=on_click
                >
                    {move || if read() { "Mark as unread" } else { "Mark as read" }}
                </button>
                // Nothing at all until the reader acts (an empty text would prerender as a space).
                <p class="read-confirmation" role="status">
                    {move || Some(confirmation.get()).filter(|text| !text.is_empty())}
                </p>
            </div>
            <p class="chapter__quiz">
                <a class="button button--primary" href=href(Page::Quiz { key: chapter.id })>
                    {format!(
                        "Test yourself: {} questions on this chapter",
                        crate::quiz::QUESTIONS.iter().filter(|q| q.chapter == chapter.id).count()
                    )}
                </a>
            </p>
        </section>
    }
}

/// What the read toggle says after the reader used it.
fn confirmation_text(read: bool, saved: bool) -> &'static str {
    match (read, saved) {
        (true, true) => "Marked as read. Saved in this browser.",
        (false, true) => "Marked as unread. Saved in this browser.",
        (true, false) => "Marked as read for this visit.",
        (false, false) => "Marked as unread for this visit.",
    }
}

/// Records reading progress while this chapter is on screen: opening it, the section the
/// reader has reached (for "Continue where you left off"), and reaching the end (read).
/// `in_view` follows the section in view as the reader scrolls (a view signal, for "On this
/// page").
fn use_reading_tracker(
    chapter: &'static Chapter,
    toggled: StoredValue<bool>,
    in_view: RwSignal<Option<&'static str>>,
) {
    let store = use_progress_store();
    let progress = use_progress();
    let hash = use_location().hash.get_untracked();
    let deep_link = hash
        .strip_prefix('#')
        .and_then(|id| chapter.sections.iter().find(|s| s.id == id))
        .map(|s| s.id);
    // Opening the chapter is saved once it is on screen, not while the view is built: the
    // effect reads nothing reactive, so it runs once, after mounting (and never while
    // rendering on a server).
    Effect::new(move |_| store.open_chapter(chapter.id, deep_link));
    // Where the page opened (a deep link, a kept scroll position), once it is on screen: this
    // effect only reads the page and sets the view's mark.
    Effect::new(move |_| {
        request_animation_frame(move || {
            let _ = in_view.try_set(toc_section_in_view(chapter));
        })
    });
    let last_section = StoredValue::new(deep_link);
    let end_reached = StoredValue::new(false);
    let frame_pending = StoredValue::new(false);

    let check = move || {
        frame_pending.set_value(false);
        let toc_section = toc_section_in_view(chapter);
        // The view may be gone by the time the frame comes.
        if in_view
            .try_get_untracked()
            .is_some_and(|shown| shown != toc_section)
        {
            let _ = in_view.try_set(toc_section);
        }
        if let Some(section) = section_in_view(chapter) {
            if last_section.get_value() != Some(section) {
                last_section.set_value(Some(section));
                store.visit(chapter.id, section);
            }
        }
        if !end_reached.get_value() && !toggled.get_value() && end_in_view() {
            end_reached.set_value(true);
            let already_read =
                progress.with_untracked(|p| p.chapter_state(chapter.id) == ChapterState::Read);
            if !already_read {
                store.set_read(chapter.id, true);
            }
        }
    };
    // Only scrolling counts: a chapter is read when the reader got to its end.
    let handle = window_event_listener(leptos::ev::scroll, move |_| {
        if !frame_pending.get_value() {
            frame_pending.set_value(true);
            request_animation_frame(check);
        }
    });
    on_cleanup(move || handle.remove());
}

/// The last section heading that has scrolled into the top part of the window.
fn section_in_view(chapter: &'static Chapter) -> Option<&'static str> {
    last_heading_above_fold(chapter.sections.iter())
}

/// The last of "On this page"'s sections (the `##` ones) whose heading has scrolled into the
/// top part of the window.
fn toc_section_in_view(chapter: &'static Chapter) -> Option<&'static str> {
    last_heading_above_fold(chapter.sections.iter().filter(|s| s.level == 2))
}

fn last_heading_above_fold<'a>(
    mut sections: impl DoubleEndedIterator<Item = &'a Section>,
) -> Option<&'static str> {
    let limit = window().inner_height().ok()?.as_f64()? * 0.35;
    sections
        .rfind(|s| {
            document()
                .get_element_by_id(s.id)
                .is_some_and(|el| el.get_bounding_client_rect().top() <= limit)
        })
        .map(|s| s.id)
}

/// Whether the end of the chapter (the read toggle) is on screen.
fn end_in_view() -> bool {
    let height = window()
        .inner_height()
        .ok()
        .and_then(|h| h.as_f64())
        .unwrap_or(0.0);
    document()
        .query_selector(".chapter__end")
        .ok()
        .flatten()
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
        .is_some_and(|el| el.get_bounding_client_rect().top() < height)
}
