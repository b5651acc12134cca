//! The header's search over the whole guide: a combobox with a listbox popup (WAI-ARIA
//! Authoring Practices). The index (`search-index.json`, written by the build) is fetched when
//! the reader first focuses the field, and precached by the service worker like every file;
//! the engine (`guide_content::search::Search`, probly-search) lives in a wasm chunk of its own
//! (`search`), loaded with the index, and answers each keystroke. `/` focuses the field from
//! anywhere but another field; arrow keys move through the hits, Enter opens one, Escape
//! closes. On a phone the header shows a Search button that opens the field over the header
//! row.

use std::sync::Arc;

use guide_content::search::{DocKind, Group, Hit, Search, Snippet, INDEX_FILE};
use leptos::html;
use leptos::prelude::*;
use leptos::wasm_split::{wasm_split, SplitLoaderError};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::routes::{href, Page};

/// The engine over the index file's text, built in the search chunk (which this call loads);
/// `Ok(None)` if the text is not an index.
#[wasm_split(search, wasm_split_path = ::leptos::wasm_split, fallible)]
fn read_index(text: String) -> Result<Option<Arc<Search>>, SplitLoaderError> {
    let file = crate::search_index::read(&text);
    Ok(file.map(|file| Arc::new(Search::new(file))))
}

/// The hits for `typed`, found by the engine's code in the search chunk.
#[wasm_split(search, wasm_split_path = ::leptos::wasm_split, fallible, preload(preload_answer))]
fn answer(search: Arc<Search>, typed: String) -> Result<Vec<Group>, SplitLoaderError> {
    Ok(search.query(&typed))
}

/// The hits as the popup's options, drawn by the search chunk's code.
#[wasm_split(search, wasm_split_path = ::leptos::wasm_split, fallible, preload(preload_hits_view))]
fn hits_view(groups: Vec<Group>, active: Option<usize>) -> Result<AnyView, SplitLoaderError> {
    Ok(results(&groups, active).into_any())
}

/// A split function's answer at once: the chunk is loaded by then (`fetch_index` loaded it for
/// each split function: each has a loader of its own).
fn at_once<T>(call: impl std::future::Future<Output = Result<T, SplitLoaderError>>) -> Option<T> {
    match crate::chunks::poll_once(std::pin::pin!(call)) {
        std::task::Poll::Ready(Ok(value)) => Some(value),
        _ => None,
    }
}

fn hits_for(search: Arc<Search>, typed: String) -> Vec<Group> {
    at_once(answer(search, typed)).unwrap_or_default()
}

/// Where the index is, as the field knows it.
#[derive(Clone)]
enum Index {
    NotLoaded,
    Loading,
    Ready(Arc<Search>),
    Failed,
}

#[component]
pub fn SiteSearch() -> impl IntoView {
    let index = RwSignal::new(Index::NotLoaded);
    let typed = RwSignal::new(String::new());
    let open = RwSignal::new(false);
    let active = RwSignal::new(None::<usize>);
    // On a phone: the field is shown over the header row (the Search button opened it).
    let expanded = RwSignal::new(false);
    let input = NodeRef::<html::Input>::new();
    let toggle = NodeRef::<html::Button>::new();
    let groups = Memo::new(move |_| match index.get() {
        Index::Ready(search) => hits_for(search, typed.get()),
        _ => Vec::new(),
    });
    let count = Memo::new(move |_| groups.with(|g| g.iter().map(|g| g.hits.len()).sum::<usize>()));
    // What the status line says, shown in the popup and announced from the live region.
    let said = Memo::new(move |_| status(&index.get(), &typed.get(), count.get()));
    focus_on_slash(input, expanded);
    let collapse = move || {
        expanded.set(false);
        open.set(false);
        if let Some(button) = toggle.get_untracked() {
            let _ = button.focus();
        }
    };

    let load = move || {
        if matches!(index.get_untracked(), Index::NotLoaded | Index::Failed) {
            index.set(Index::Loading);
            leptos::task::spawn_local(async move {
                index.set(match fetch_index().await {
                    Some(engine) => Index::Ready(engine),
                    None => Index::Failed,
                });
            });
        }
    };
    let on_key = move |ev: web_sys::KeyboardEvent| {
        let total = count.get_untracked();
        match ev.key().as_str() {
            "ArrowDown" | "ArrowUp" if total > 0 => {
                ev.prevent_default();
                open.set(true);
                let down = ev.key() == "ArrowDown";
                active.update(|a| *a = Some(step(*a, total, down)));
            }
            "Enter" => {
                if let Some(i) = active.get_untracked() {
                    ev.prevent_default();
                    follow(i);
                }
            }
            "Escape" => {
                if open.get_untracked() && !typed.get_untracked().trim().is_empty() {
                    open.set(false);
                    active.set(None);
                } else if !typed.get_untracked().is_empty() {
                    typed.set(String::new());
                } else if expanded.get_untracked() {
                    collapse();
                }
            }
            _ => {}
        }
    };

    view! {
        <div class="site-search" class:is-expanded=move || expanded.get()>
            <button
                class="site-search__toggle"
                type="button"
                node_ref=toggle
                aria-controls="site-search-box"
                aria-expanded=move || expanded.get().to_string()
                on:click=move |_| open_field(expanded, input)
            >
                <SearchIcon />
                <span class="visually-hidden">"Search"</span>
            </button>
            <div id="site-search-box" class="site-search__box" role="search">
            <label class="visually-hidden" for="site-search-input">
                "Search the guide"
            </label>
            <input
                id="site-search-input"
                class="site-search__input"
                type="text"
                inputmode="search"
                enterkeyhint="search"
                node_ref=input
                placeholder="Search the guide"
                autocomplete="off"
                spellcheck="false"
                role="combobox"
                aria-autocomplete="list"
                aria-controls="site-search-results"
                aria-expanded=move || (open.get() && !typed.get().trim().is_empty()).to_string()
                aria-activedescendant=move || active.get().map(option_id)
                aria-describedby="site-search-status"
                prop:value=move || typed.get()
                on:focus=move |_| {
                    load();
                    open.set(true);
                }
                on:input=move |ev| {
                    typed.set(event_target_value(&ev));
                    active.set(None);
                    open.set(true);
                }
                on:keydown=on_key
                on:blur=move |ev| close_unless_within(&ev, open, expanded, typed)
            />
            <kbd class="site-search__key" aria-hidden="true">"/"</kbd>
            <button class="site-search__close" type="button" on:click=move |_| {
                typed.set(String::new());
                collapse();
            }>
                "Close"
            </button>
            </div>
            <p id="site-search-status" class="visually-hidden" role="status">
                {move || said.get()}
            </p>
            <div
                class="site-search__popup"
                hidden=move || !open.get() || typed.get().trim().is_empty()
                on:mousedown=|ev| ev.prevent_default()
            >
                <p class="site-search__note" aria-hidden="true">
                    {move || said.get()}
                </p>
                <div
                    id="site-search-results"
                    class="site-search__results"
                    role="listbox"
                    aria-label="Search results"
                    on:click=move |_| {
                        open.set(false);
                        active.set(None);
                        expanded.set(false);
                    }
                >
                    {move || {
                        // (Only with hits: calling into the chunk would load it.)
                        let groups = groups.get();
                        (!groups.is_empty()).then(|| at_once(hits_view(groups, active.get())))
                    }}
                </div>
            </div>
        </div>
    }
}

/// The next option with the arrow keys, wrapping around.
fn step(active: Option<usize>, total: usize, down: bool) -> usize {
    match (active, down) {
        (None, true) => 0,
        (None, false) => total - 1,
        (Some(i), true) => (i + 1) % total,
        (Some(i), false) => (i + total - 1) % total,
    }
}

fn option_id(i: usize) -> String {
    format!("site-search-hit-{i}")
}

/// What the status line says (and screen readers announce).
fn status(index: &Index, typed: &str, count: usize) -> String {
    match index {
        _ if typed.trim().is_empty() => String::new(),
        Index::NotLoaded | Index::Loading => "Loading the search…".into(),
        Index::Failed => {
            "The search could not load. Check your connection and focus the field again.".into()
        }
        Index::Ready(_) if count == 0 => format!("No results for “{}”.", typed.trim()),
        Index::Ready(_) => format!(
            "{} for “{}”. Use the up and down arrow keys to choose, Enter to open.",
            crate::words::count(count, "result", "results"),
            typed.trim()
        ),
    }
}

/// The hits grouped under their chapter's title, numbered in reading order for the arrow keys.
fn results(groups: &[Group], active: Option<usize>) -> impl IntoView {
    let mut n = 0;
    groups
        .iter()
        .map(|group| {
            let heading = format!("site-search-group-{}", group.chapter_id);
            let hits = group
                .hits
                .iter()
                .map(|hit| {
                    let i = n;
                    n += 1;
                    hit_view(&group.chapter_id, hit, i, active == Some(i))
                })
                .collect_view();
            let labelled_by = heading.clone();
            view! {
                <ul role="group" class="site-search__group" aria-labelledby=labelled_by>
                    <li id=heading role="presentation" class="site-search__chapter">
                        {group.chapter_title.clone()}
                    </li>
                    {hits}
                </ul>
            }
        })
        .collect_view()
}

fn hit_view(chapter: &str, hit: &Hit, i: usize, active: bool) -> impl IntoView {
    let section = (!hit.anchor.is_empty()).then_some(hit.anchor.as_str());
    let link = href(Page::Chapter {
        id: chapter,
        section,
    });
    let kind = match hit.kind {
        DocKind::Quiz => Some("From a quiz: "),
        DocKind::Term => Some("Glossary: "),
        DocKind::Section => None,
    };
    view! {
        <li role="presentation" class="site-search__hit">
            <a id=option_id(i) role="option" href=link tabindex="-1" aria-selected=active.to_string()>
                <span class="site-search__title">{kind}{marked(&hit.title)}</span>
                <span class="site-search__snippet">{marked(&hit.snippet)}</span>
            </a>
        </li>
    }
}

/// The snippet's text with its matching words in `<mark>`.
fn marked(snippet: &Snippet) -> impl IntoView {
    let text = &snippet.text;
    let mut parts = Vec::new();
    let mut at = 0;
    for range in &snippet.marks {
        parts.push(text[at..range.start].to_string().into_any());
        parts.push(view! { <mark>{text[range.clone()].to_string()}</mark> }.into_any());
        at = range.end;
    }
    parts.push(text[at..].to_string().into_any());
    parts
}

/// Shows the field (on a phone it is behind the Search button) and focuses it, once it is
/// displayed.
fn open_field(expanded: RwSignal<bool>, input: NodeRef<html::Input>) {
    expanded.set(true);
    request_animation_frame(move || {
        if let Some(field) = input.get_untracked() {
            let _ = field.focus();
        }
    });
}

/// A magnifying glass.
#[component]
fn SearchIcon() -> impl IntoView {
    view! {
        <svg class="site-search__icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
            <circle cx="10.5" cy="10.5" r="6.5" fill="none" stroke="currentColor" stroke-width="2.2" />
            <path d="M15.5 15.5 21 21" stroke="currentColor" stroke-width="2.2" stroke-linecap="round" />
        </svg>
    }
}

/// Opens the hit's link as if it was clicked (the router handles it).
fn follow(i: usize) {
    let link = document()
        .get_element_by_id(&option_id(i))
        .and_then(|a| a.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(a) = link {
        a.click();
    }
}

/// Closes the popup when focus leaves the search (and, on a phone, the field if it is empty).
fn close_unless_within(
    ev: &web_sys::FocusEvent,
    open: RwSignal<bool>,
    expanded: RwSignal<bool>,
    typed: RwSignal<String>,
) {
    let within = ev
        .related_target()
        .and_then(|t| t.dyn_into::<web_sys::Node>().ok())
        .zip(document().query_selector(".site-search").ok().flatten())
        .is_some_and(|(to, search)| search.contains(Some(&to)));
    if !within {
        open.set(false);
        if typed.get_untracked().trim().is_empty() {
            expanded.set(false);
        }
    }
}

/// `/` focuses the field, unless the reader is typing in a field.
fn focus_on_slash(input: NodeRef<html::Input>, expanded: RwSignal<bool>) {
    if crate::PRERENDERING {
        return;
    }
    let handle = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.key() != "/" || ev.ctrl_key() || ev.meta_key() || ev.alt_key() {
            return;
        }
        let typing = document().active_element().is_some_and(|e| {
            matches!(e.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
                || e.has_attribute("contenteditable")
        });
        if !typing {
            ev.prevent_default();
            open_field(expanded, input);
        }
    });
    on_cleanup(move || handle.remove());
}

/// The build's index, fetched and read by the engine; `None` on any failure (the file or the
/// chunk could not load, or the file is not an index).
async fn fetch_index() -> Option<Arc<Search>> {
    let response = JsFuture::from(window().fetch_with_str(INDEX_FILE))
        .await
        .ok()?;
    let response: web_sys::Response = response.dyn_into().ok()?;
    if !response.ok() {
        return None;
    }
    let text = JsFuture::from(response.text().ok()?).await.ok()?;
    let search = read_index(text.as_string()?).await.ok().flatten()?;
    preload_answer().await.ok()?;
    preload_hits_view().await.ok()?;
    Some(search)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arrows_wrap_around_the_hits() {
        assert_eq!(step(None, 3, true), 0);
        assert_eq!(step(None, 3, false), 2);
        assert_eq!(step(Some(2), 3, true), 0);
        assert_eq!(step(Some(0), 3, false), 2);
    }
}
