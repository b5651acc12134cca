//! The pages whose code loads when they open: the quiz (`/quiz`, `/quiz/<key>`), the diagram
//! (`/diagram`) and the progress page with export and import (`/progress`) each live in a wasm
//! chunk of their own (`split_<chunk>.wasm`, cut out of the app by the post-build hook,
//! `scripts/split-wasm.sh`), so home and chapter pages load only the main module.
//!
//! Each split point is a `fallible` `wasm_split` function: a chunk that cannot load (offline
//! before the service worker has cached it, a flaky connection, a tab older than the deployed
//! files) gives [`Load::Failed`] — a message and "Try again" — never a panic. A chunk is loaded
//! before the app mounts over a page that needs it (`src/lib.rs`), when a link to it is hovered
//! or focused ([`preload_on_intent`]), or when its page opens. Natively (the prerenderer, host
//! tests) the functions are called directly: nothing to load, the page renders at once.

use std::future::Future;
use std::pin::{pin, Pin};
use std::task::{Context, Poll, Waker};

use leptos::leptos_dom::helpers::WindowListenerHandle;
use leptos::prelude::*;
use leptos::wasm_split::{wasm_split, SplitLoaderError};

use guide_content::diagram::Diagram;

use crate::diagram::view::TraceEmbed;
use crate::pages::{
    diagram::DiagramPage,
    progress::ProgressPage,
    quiz::{QuizHubPage, QuizPage},
};

/// A wasm chunk loaded on demand.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Chunk {
    Quiz,
    Diagram,
    Progress,
}

impl Chunk {
    /// The chunk a page's path (below the base, e.g. `/quiz/guide`) needs, if any.
    pub fn for_path(path: &str) -> Option<Chunk> {
        let path = path.split(['?', '#']).next().unwrap_or_default();
        let path = path.trim_end_matches('/');
        match path {
            "/quiz" => Some(Chunk::Quiz),
            "/diagram" => Some(Chunk::Diagram),
            "/progress" => Some(Chunk::Progress),
            _ if path.starts_with("/quiz/") && !path["/quiz/".len()..].contains('/') => {
                Some(Chunk::Quiz)
            }
            _ => None,
        }
    }

    /// Loads the chunk (at once if it is loaded already) for each of its split functions (each
    /// has a loader of its own; the module itself is fetched once), and the data its pages
    /// need, fetched alongside: the quiz's question bank, the diagram's texts. Failures are not remembered: a later
    /// call tries again.
    pub async fn load(self) -> Result<(), LoadFailed> {
        match self {
            Chunk::Quiz => {
                let code = async {
                    preload_quiz_hub().await?;
                    preload_quiz().await
                };
                let (code, bank) = both(code, crate::quiz::bank::load()).await;
                code.map_err(|_| LoadFailed)?;
                bank.map_err(|_| LoadFailed)
            }
            Chunk::Diagram => {
                let (code, texts) = both(preload_diagram(), crate::diagram::texts::load()).await;
                code.map_err(|_| LoadFailed)?;
                texts.map_err(|_| LoadFailed)
            }
            Chunk::Progress => preload_progress().await.map_err(|_| LoadFailed),
        }
    }
}

/// A page's chunk, or the data it needs, could not be loaded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LoadFailed;

/// Runs two futures side by side; their results once both have finished.
async fn both<A: Future, B: Future>(a: A, b: B) -> (A::Output, B::Output) {
    let (mut a, mut b) = (pin!(a), pin!(b));
    let (mut done_a, mut done_b) = (None, None);
    std::future::poll_fn(move |cx| {
        if done_a.is_none() {
            if let Poll::Ready(out) = a.as_mut().poll(cx) {
                done_a = Some(out);
            }
        }
        if done_b.is_none() {
            if let Poll::Ready(out) = b.as_mut().poll(cx) {
                done_b = Some(out);
            }
        }
        match (done_a.take(), done_b.take()) {
            (Some(a), Some(b)) => Poll::Ready((a, b)),
            (a, b) => {
                (done_a, done_b) = (a, b);
                Poll::Pending
            }
        }
    })
    .await
}

/// A file of the site (relative to the document's base) as text, or `None` on any failure.
#[cfg(target_arch = "wasm32")]
pub(crate) async fn fetch_text(url: &str) -> Option<String> {
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;
    let response = JsFuture::from(leptos::prelude::window().fetch_with_str(url))
        .await
        .ok()?;
    let response: web_sys::Response = response.dyn_into().ok()?;
    if !response.ok() {
        return None;
    }
    JsFuture::from(response.text().ok()?)
        .await
        .ok()?
        .as_string()
}

#[wasm_split(quiz, wasm_split_path = ::leptos::wasm_split, fallible, preload(preload_quiz_hub))]
fn quiz_hub_view() -> Result<AnyView, SplitLoaderError> {
    Ok(view! { <QuizHubPage /> }.into_any())
}

#[wasm_split(quiz, wasm_split_path = ::leptos::wasm_split, fallible, preload(preload_quiz))]
fn quiz_view() -> Result<AnyView, SplitLoaderError> {
    Ok(view! { <QuizPage /> }.into_any())
}

#[wasm_split(diagram, wasm_split_path = ::leptos::wasm_split, fallible, preload(preload_diagram))]
fn diagram_view(diagram: &'static Diagram) -> Result<AnyView, SplitLoaderError> {
    Ok(view! { <DiagramPage diagram /> }.into_any())
}

#[wasm_split(diagram, wasm_split_path = ::leptos::wasm_split, fallible, preload(preload_diagram_embed))]
fn diagram_embed_view(
    chapter: &'static str,
    diagram: &'static Diagram,
) -> Result<AnyView, SplitLoaderError> {
    Ok(view! { <TraceEmbed chapter diagram /> }.into_any())
}

/// A view of the diagram chunk, drawn with the diagram's texts (which its loader has loaded).
async fn with_texts<V>(view: impl FnOnce(&'static Diagram) -> V) -> Result<AnyView, LoadFailed>
where
    V: Future<Output = Result<AnyView, SplitLoaderError>>,
{
    let diagram = crate::diagram::texts::get().ok_or(LoadFailed)?;
    view(diagram).await.map_err(|_| LoadFailed)
}

#[wasm_split(progress, wasm_split_path = ::leptos::wasm_split, fallible, preload(preload_progress))]
fn progress_view() -> Result<AnyView, SplitLoaderError> {
    Ok(view! { <ProgressPage /> }.into_any())
}

/// `/quiz`, from the quiz chunk.
#[component]
pub fn LazyQuizHubPage() -> impl IntoView {
    lazy_page(Chunk::Quiz, quiz_hub_view)
}

/// `/quiz/<key>`, from the quiz chunk.
#[component]
pub fn LazyQuizPage() -> impl IntoView {
    lazy_page(Chunk::Quiz, quiz_view)
}

/// `/diagram`, from the diagram chunk, with the diagram's texts.
#[component]
pub fn LazyDiagramPage() -> impl IntoView {
    lazy_view(
        move || Chunk::Diagram.load(),
        || with_texts(diagram_view),
        Part::Page,
    )
}

/// `/progress`, from the progress chunk.
#[component]
pub fn LazyProgressPage() -> impl IntoView {
    lazy_page(Chunk::Progress, progress_view)
}

/// A chapter's diagram (`::diagram`), from the diagram chunk, which holds the explorer's code,
/// with the diagram's texts, fetched alongside: home and chapter pages without a diagram never
/// load them, and a chapter loads them only when the reader nears the diagram
/// ([`near_viewport`]). "Loading the diagram…" meanwhile, or a message and "Try again" if
/// either cannot be loaded. When it arrives while the reader is below its top, the page is
/// scrolled by what it grew ([`keep_place`]), so the text in view does not move.
pub fn lazy_diagram_embed(chapter: &'static str) -> impl IntoView {
    let holder = NodeRef::<leptos::html::Div>::new();
    let listening = StoredValue::new_local(Vec::<WindowListenerHandle>::new());
    on_cleanup(move || {
        listening.try_update_value(|handles| handles.drain(..).for_each(|h| h.remove()));
    });
    let load = move || async move {
        near_viewport(holder, listening).await;
        let (code, texts) = both(preload_diagram_embed(), crate::diagram::texts::load()).await;
        keep_place(holder);
        code.map_err(|_| LoadFailed)?;
        texts.map_err(|_| LoadFailed)
    };
    let view = move || with_texts(move |diagram| diagram_embed_view(chapter, diagram));
    view! {
        <div class="embed__holder" node_ref=holder>
            {lazy_view(load, view, Part::Diagram)}
        </div>
    }
}

/// How near the viewport (in screen heights, above or below) a chapter's diagram starts loading.
const NEAR_SCREENS: f64 = 1.0;

/// Whether `element` is within [`NEAR_SCREENS`] of the viewport.
fn is_near(element: &web_sys::Element) -> bool {
    let screen = screen_height();
    let rect = element.get_bounding_client_rect();
    rect.bottom() > -NEAR_SCREENS * screen && rect.top() < (1.0 + NEAR_SCREENS) * screen
}

/// Resolves after the next frame (the view is on the page then).
async fn next_frame() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        request_animation_frame(move || {
            let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
        });
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Resolves once `holder` is near the viewport: at once if it is, else on the scroll or resize
/// that brings it there (the listeners, kept in `listening`, go then or with the view).
async fn near_viewport(
    holder: NodeRef<leptos::html::Div>,
    listening: StoredValue<Vec<WindowListenerHandle>, LocalStorage>,
) {
    next_frame().await;
    let Some(element) = holder.try_get_untracked() else {
        // The reader left the chapter meanwhile: nothing to load.
        return std::future::pending().await;
    };
    let Some(element) = element else {
        return;
    };
    if is_near(&element) {
        return;
    }
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let element = element.clone();
        let check = move || {
            if is_near(&element) {
                let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
                listening.try_update_value(|handles| handles.drain(..).for_each(|h| h.remove()));
            }
        };
        let on_resize = check.clone();
        listening.try_update_value(|handles| {
            handles.push(window_event_listener(leptos::ev::scroll, move |_| check()));
            handles.push(window_event_listener(leptos::ev::resize, move |_| {
                on_resize()
            }));
        });
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Called just before the diagram replaces "Loading the diagram…": when the chapter's embed
/// starts above the screen (the reader is past its start, at the text below it), scrolls by
/// what the embed's bottom moved once the diagram is drawn (twice: the first frame, and the
/// next for what settled after it), so the text in view stays put, in an engine that anchors
/// scrolling itself (then nothing is left to do) and in one that does not. When its start is
/// on screen the reader is looking at it, and the diagram grows downwards from there.
fn keep_place(holder: NodeRef<leptos::html::Div>) {
    let Some(element) = holder.try_get_untracked().flatten() else {
        return;
    };
    let embed = element
        .closest(".embed")
        .ok()
        .flatten()
        .unwrap_or_else(|| element.into());
    let rect = embed.get_bounding_client_rect();
    if rect.top() >= 0.0 {
        return;
    }
    let bottom = rect.bottom();
    let settle = move || {
        let moved = embed.get_bounding_client_rect().bottom() - bottom;
        if moved.abs() >= 1.0 {
            scroll_instantly_by(moved);
        }
    };
    request_animation_frame(move || {
        settle();
        request_animation_frame(settle);
    });
}

/// Scrolls the page by `y` pixels at once, even where the page scrolls smoothly (`window.scrollBy`
/// with `behavior: "instant"`; web-sys's `ScrollToOptions` is not among the crate's features).
fn scroll_instantly_by(y: f64) {
    use wasm_bindgen::{JsCast, JsValue};
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"top".into(), &y.into());
    let _ = js_sys::Reflect::set(&options, &"behavior".into(), &"instant".into());
    let window: JsValue = window().into();
    if let Ok(scroll_by) = js_sys::Reflect::get(&window, &"scrollBy".into()) {
        if let Some(scroll_by) = scroll_by.dyn_ref::<js_sys::Function>() {
            let _ = scroll_by.call1(&window, &options);
        }
    }
}

/// The viewport's height in CSS pixels.
fn screen_height() -> f64 {
    window()
        .inner_height()
        .ok()
        .and_then(|h| h.as_f64())
        .unwrap_or(800.0)
}

/// What a view loaded from a chunk is: a page (the message is its heading) or a part of one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    Page,
    Diagram,
}

/// Where a page's chunk is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Load {
    Loading,
    Failed,
    Ready,
}

/// Polls a future once, without waiting: a chunk already loaded answers at once.
pub(crate) fn poll_once<F: Future>(future: Pin<&mut F>) -> Poll<F::Output> {
    future.poll(&mut Context::from_waker(Waker::noop()))
}

/// The page from `view` once `chunk` has loaded: at once if it is loaded (the app mounts over a
/// prerendered page with the same markup), else "Loading…", then the page or the failure with
/// "Try again".
fn lazy_page<V, E>(chunk: Chunk, view: fn() -> V) -> impl IntoView
where
    V: Future<Output = Result<AnyView, E>> + 'static,
{
    lazy_view(move || chunk.load(), view, Part::Page)
}

/// `view` once `loader` has loaded what it needs (see [`lazy_page`]).
fn lazy_view<L, LF, V, VF, E>(loader: L, view: V, part: Part) -> impl IntoView
where
    L: Fn() -> LF + Copy + Send + Sync + 'static,
    LF: Future<Output = Result<(), LoadFailed>> + 'static,
    V: Fn() -> VF + Send + Sync + 'static,
    VF: Future<Output = Result<AnyView, E>>,
{
    let load = RwSignal::new(Load::Loading);
    let start = move || {
        let mut loading = Box::pin(loader());
        match poll_once(loading.as_mut()) {
            Poll::Ready(result) => load.set(ready_or_failed(result)),
            Poll::Pending => {
                load.set(Load::Loading);
                leptos::task::spawn_local(async move {
                    // (The view may have gone meanwhile, and its signal with it.)
                    let _ = load.try_set(ready_or_failed(loading.await));
                });
            }
        }
    };
    start();
    move || match load.get() {
        Load::Ready => match poll_once(pin!(view())) {
            Poll::Ready(Ok(page)) => page,
            // Loaded a moment ago: cannot happen, but never a blank page.
            _ => view! { <ChunkFailed part retry=start /> }.into_any(),
        },
        Load::Loading => view! { <ChunkLoading part /> }.into_any(),
        Load::Failed => view! { <ChunkFailed part retry=start /> }.into_any(),
    }
}

fn ready_or_failed(result: Result<(), LoadFailed>) -> Load {
    match result {
        Ok(()) => Load::Ready,
        Err(_) => Load::Failed,
    }
}

/// While a page's (or a part's) code loads.
#[component]
fn ChunkLoading(part: Part) -> impl IntoView {
    let text = match part {
        Part::Page => "Loading this page…",
        Part::Diagram => "Loading the diagram…",
    };
    view! {
        <div class="chunk-loading" role="status">
            <p>{text}</p>
        </div>
    }
}

/// A page's (or a part's) code could not be loaded.
#[component]
fn ChunkFailed(part: Part, retry: impl Fn() + Clone + Send + Sync + 'static) -> impl IntoView {
    let heading = match part {
        Part::Page => view! { <h1>"This page couldn't be loaded"</h1> }.into_any(),
        Part::Diagram => {
            view! { <p><strong>"The diagram couldn't be loaded"</strong></p> }.into_any()
        }
    };
    view! {
        <div class="chunk-failed" role="alert">
            {heading}
            <p>
                "Some of its files didn't arrive: you may be offline, or the guide was updated since this \
                 tab opened. Check your connection and try again, or reload the page."
            </p>
            <button type="button" class="button" on:click=move |_| retry()>
                "Try again"
            </button>
        </div>
    }
}

/// Starts loading a page's chunk when a link to it is hovered or focused, so that it is usually
/// there before the click. Failures are left to the page, which shows them when it opens.
pub fn preload_on_intent() {
    use wasm_bindgen::prelude::*;
    if crate::PRERENDERING {
        return;
    }
    let handler = Closure::<dyn Fn(web_sys::Event)>::new(|event: web_sys::Event| {
        if let Some(chunk) = chunk_of_link(&event) {
            leptos::task::spawn_local(async move {
                let _ = chunk.load().await;
            });
        }
    });
    let document = leptos::prelude::document();
    for kind in ["pointerover", "focusin", "touchstart"] {
        let _ = document.add_event_listener_with_callback_and_bool(
            kind,
            handler.as_ref().unchecked_ref(),
            true,
        );
    }
    handler.forget();
}

/// The chunk the link an event happened on leads to (same origin, below the base).
fn chunk_of_link(event: &web_sys::Event) -> Option<Chunk> {
    use wasm_bindgen::JsCast;
    let target: web_sys::Element = event.target()?.dyn_into().ok()?;
    let link: web_sys::HtmlAnchorElement = target.closest("a[href]").ok()??.dyn_into().ok()?;
    let location = leptos::prelude::window().location();
    if link.origin() != location.origin().ok()? {
        return None;
    }
    let base = crate::routes::router_base();
    let path = link.pathname();
    Chunk::for_path(path.strip_prefix(&base)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_lazy_route_needs_its_chunk_and_no_other_page_needs_one() {
        assert_eq!(Chunk::for_path("/quiz"), Some(Chunk::Quiz));
        assert_eq!(Chunk::for_path("/quiz/"), Some(Chunk::Quiz));
        assert_eq!(Chunk::for_path("/quiz/guide"), Some(Chunk::Quiz));
        assert_eq!(Chunk::for_path("/quiz/apis?x=1"), Some(Chunk::Quiz));
        assert_eq!(Chunk::for_path("/diagram"), Some(Chunk::Diagram));
        assert_eq!(Chunk::for_path("/diagram#trace"), Some(Chunk::Diagram));
        assert_eq!(Chunk::for_path("/progress"), Some(Chunk::Progress));
        assert_eq!(Chunk::for_path("/"), None);
        assert_eq!(Chunk::for_path("/chapters/apis"), None);
        assert_eq!(Chunk::for_path("/quiz/guide/extra"), None);
        assert_eq!(Chunk::for_path("/quizzes"), None);
    }

    #[test]
    fn every_page_of_a_lazy_route_is_covered() {
        use crate::routes::{every_page, Page};
        for page in every_page() {
            let lazy = matches!(
                page,
                Page::QuizHub | Page::Quiz { .. } | Page::Diagram | Page::Progress
            );
            assert_eq!(Chunk::for_path(&page.path()).is_some(), lazy, "{page:?}");
        }
    }

    #[test]
    fn natively_a_chunk_is_there_at_once() {
        assert!(matches!(
            poll_once(pin!(Chunk::Quiz.load())),
            Poll::Ready(Ok(()))
        ));
    }
}
