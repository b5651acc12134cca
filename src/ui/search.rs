//! The header's search over the whole guide: a combobox with a listbox popup (WAI-ARIA
//! Authoring Practices). The index (`search-index.json`, written by the build) is fetched when
//! the reader first focuses the field, and precached by the service worker like every file;
//! `guide_content::search::Search` answers each keystroke. `/` focuses the field from anywhere
//! but another field; arrow keys move through the hits, Enter opens one, Escape closes.

use std::sync::Arc;

use guide_content::search::{DocKind, Group, Hit, Search, Snippet, INDEX_FILE};
use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::routes::{href, Page};

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
    let input = NodeRef::<html::Input>::new();
    let groups = Memo::new(move |_| match index.get() {
        Index::Ready(search) => search.query(&typed.get()),
        _ => Vec::new(),
    });
    let count = Memo::new(move |_| groups.with(|g| g.iter().map(|g| g.hits.len()).sum::<usize>()));
    focus_on_slash(input);

    let load = move || {
        if matches!(index.get_untracked(), Index::NotLoaded | Index::Failed) {
            index.set(Index::Loading);
            leptos::task::spawn_local(async move {
                index.set(match fetch_index().await {
                    Some(search) => Index::Ready(Arc::new(search)),
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
                if open.get_untracked() {
                    open.set(false);
                    active.set(None);
                } else {
                    typed.set(String::new());
                }
            }
            _ => {}
        }
    };

    view! {
        <div class="site-search" role="search">
            <label class="visually-hidden" for="site-search-input">
                "Search the guide"
            </label>
            <input
                id="site-search-input"
                class="site-search__input"
                type="search"
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
                on:blur=move |ev| close_unless_within(&ev, open)
            />
            <kbd class="site-search__key" aria-hidden="true">"/"</kbd>
            <p id="site-search-status" class="visually-hidden" role="status">
                {move || status(&index.get(), &typed.get(), count.get())}
            </p>
            <div
                class="site-search__popup"
                hidden=move || !open.get() || typed.get().trim().is_empty()
                on:mousedown=|ev| ev.prevent_default()
            >
                <p class="site-search__note" aria-hidden="true">
                    {move || status(&index.get(), &typed.get(), count.get())}
                </p>
                <div id="site-search-results" class="site-search__results" role="listbox" aria-label="Search results">
                    {move || results(&groups.get(), active.get())}
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

/// Opens the hit's link as if it was clicked (the router handles it).
fn follow(i: usize) {
    let link = document()
        .get_element_by_id(&option_id(i))
        .and_then(|a| a.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(a) = link {
        a.click();
    }
}

/// Closes the popup when focus leaves the search.
fn close_unless_within(ev: &web_sys::FocusEvent, open: RwSignal<bool>) {
    let within = ev
        .related_target()
        .and_then(|t| t.dyn_into::<web_sys::Node>().ok())
        .zip(document().query_selector(".site-search").ok().flatten())
        .is_some_and(|(to, search)| search.contains(Some(&to)));
    if !within {
        open.set(false);
    }
}

/// `/` focuses the field, unless the reader is typing in a field.
fn focus_on_slash(input: NodeRef<html::Input>) {
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
            if let Some(field) = input.get_untracked() {
                ev.prevent_default();
                let _ = field.focus();
            }
        }
    });
    on_cleanup(move || handle.remove());
}

/// The build's index, fetched and read; `None` on any failure.
async fn fetch_index() -> Option<Search> {
    let response = JsFuture::from(window().fetch_with_str(INDEX_FILE))
        .await
        .ok()?;
    let response: web_sys::Response = response.dyn_into().ok()?;
    if !response.ok() {
        return None;
    }
    let text = JsFuture::from(response.text().ok()?).await.ok()?;
    let file = serde_json::from_str(&text.as_string()?).ok()?;
    Some(Search::new(file))
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
