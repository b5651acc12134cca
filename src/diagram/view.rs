//! The diagram explorer: the SVG drawing (every part a focusable control; the grid on a wide
//! screen, the sides stacked on a phone), the trace sheet under it (◀ ▶, Play, the step's
//! caption and its message; sticky at the bottom of the screen while the drawing is in view),
//! the detail panel, the stack switcher and the "view as list" outline.

use std::cell::RefCell;

use guide_content::diagram::{Builder, Diagram, Node, Scenario, Side, Stack, Step};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::model::{
    connection_line, neighbour, step_millis, svg_number, wrap_label, Direction, Layout, Player,
};
use crate::content::{self, LinkTarget};
use crate::progress::store::{use_progress, use_progress_store, ProgressStore};
use crate::routes::{href, Page};

/// A chapter's `::diagram`, from the diagram chunk (`chunks::lazy_diagram_embed`): the
/// explorer's code is not in the main module.
#[component]
pub fn DiagramEmbed(chapter: &'static str) -> impl IntoView {
    crate::chunks::lazy_diagram_embed(chapter)
}

/// A chapter's `::diagram` once its code and `diagram`'s texts are there: the one trace
/// `content/diagram.toml` names for the chapter, drawn with only the parts it uses (the whole
/// explorer if it names none).
#[component]
pub fn TraceEmbed(chapter: &'static str, diagram: &'static Diagram) -> impl IntoView {
    let only = diagram.embedded_trace(chapter).map(|s| s.id);
    view! { <DiagramExplorer diagram heading_level=3 only /> }
}

/// The diagram cut down to one trace: its parts, the connections between them, the trace.
/// Made once per trace and kept (a few parts: the memory is bounded by the number of traces).
fn trace_diagram(diagram: &'static Diagram, id: &str) -> Option<&'static Diagram> {
    thread_local! {
        static MADE: RefCell<Vec<&'static Diagram>> = const { RefCell::new(Vec::new()) };
    }
    let scenario = diagram.scenario(id)?;
    MADE.with(|made| {
        if let Some(d) = made.borrow().iter().find(|d| d.scenarios[0].id == id) {
            return Some(*d);
        }
        let used = |n: &str| {
            scenario
                .steps
                .iter()
                .any(|s| s.node == n || s.from == Some(n))
        };
        let nodes: Vec<Node> = diagram
            .nodes
            .iter()
            .filter(|n| used(n.id))
            .copied()
            .collect();
        let connections: Vec<_> = diagram
            .connections
            .iter()
            .filter(|c| used(c.from) && used(c.to))
            .copied()
            .collect();
        let d: &'static Diagram = Box::leak(Box::new(Diagram {
            nodes: Box::leak(nodes.into_boxed_slice()),
            connections: Box::leak(connections.into_boxed_slice()),
            scenarios: std::slice::from_ref(scenario),
            stacks: diagram.stacks,
            embeds: &[],
        }));
        made.borrow_mut().push(d);
        Some(d)
    })
}

/// The whole explorer of `diagram` (with its texts). `heading_level` is the level of its
/// section headings (2 on the diagram page, 3 inside a chapter section). `only`: a chapter's
/// compact embed of one trace (only its parts, no trace picker, no list toggle).
#[component]
pub fn DiagramExplorer(
    diagram: &'static Diagram,
    #[prop(default = 2)] heading_level: u8,
    #[prop(default = None)] only: Option<&'static str>,
) -> impl IntoView {
    let store = use_progress_store();
    let d: &'static Diagram = only
        .and_then(|id| trace_diagram(diagram, id))
        .unwrap_or(diagram);
    let only = only.filter(|_| !std::ptr::eq(d, diagram));
    let Some(first) = d.scenarios.first() else {
        // The build rejects a diagram without traces; nothing to draw otherwise.
        return ().into_any();
    };
    let selected = RwSignal::new(None::<&'static Node>);
    let focused = RwSignal::new(d.nodes.first().map_or("", |n| n.id));
    let stack = RwSignal::new(None::<&'static Stack>);
    let scenario = RwSignal::new(first);
    let player = RwSignal::new(Player::default());
    // A prerendered page shows the list (the form that reads without JavaScript) in the wide
    // layout; in the browser the drawing is the default at every width.
    let layout = RwSignal::new(if crate::PRERENDERING {
        Layout::Wide
    } else {
        Layout::for_width(window_width())
    });
    if !crate::PRERENDERING {
        let handle = window_event_listener(leptos::ev::resize, move |_| {
            let now = Layout::for_width(window_width());
            if layout.get_untracked() != now {
                layout.set(now);
            }
        });
        on_cleanup(move || handle.remove());
    }
    let as_list = RwSignal::new(crate::PRERENDERING);
    let root = NodeRef::<leptos::html::Div>::new();

    // The trace's current step, and progress when a trace is followed to its end (by Play,
    // by ◀ ▶, in any order).
    let current_step = Memo::new(move |_| {
        player
            .get()
            .step
            .and_then(|i| scenario.get().steps.get(i).copied())
    });
    // While playing, advance when the reader has had time to read the step.
    Effect::new(move |_| {
        if player.get().playing {
            let millis = current_step
                .get_untracked()
                .map_or(1500, |s| step_millis(s.caption));
            let advance = move || {
                if player.with_untracked(|p| p.playing) {
                    step_forward(store, player, scenario);
                }
            };
            if let Ok(handle) =
                set_timeout_with_handle(advance, std::time::Duration::from_millis(millis))
            {
                on_cleanup(move || handle.clear());
            }
        }
    });
    // Each new step: the dot travels from the sender (unless the reader asked for less motion:
    // then it stands at the receiver, and the arrowhead shows the direction), and the lit part
    // stays on screen between the header and the trace sheet.
    Effect::new(move |previous: Option<Option<usize>>| {
        let step = player.with(|p| p.step);
        if previous.is_some_and(|p| p != step) {
            if let (Some(step), Some(root)) = (current_step.get_untracked(), root.get_untracked()) {
                request_animation_frame(move || {
                    start_travel(&root);
                    keep_in_view(&root, step.node);
                    // Once more when the sheet has settled (fonts, the message's wrapping).
                    set_timeout(
                        move || keep_in_view(&root, step.node),
                        std::time::Duration::from_millis(150),
                    );
                });
            }
        }
        step
    });

    let open = move |node: &'static Node| {
        selected.set(Some(node));
        focused.set(node.id);
        store.explore_node(node.id);
    };
    let close = move || {
        if let Some(node) = selected.get_untracked() {
            selected.set(None);
            focus_node(node.id);
        }
    };
    let on_keydown = move |ev: web_sys::KeyboardEvent| {
        if ev.key() == "Escape" && selected.get_untracked().is_some() {
            ev.prevent_default();
            close();
        }
    };

    let trace_picker = only.is_none().then(|| {
        view! {
            <div class="diagram-field">
                <label for="trace-select">"Follow a request"</label>
                <select
                    id="trace-select"
                    on:change=move |ev| {
                        if let Some(s) = diagram.scenario(&event_target_value(&ev)) {
                            scenario.set(s);
                            player.set(Player::default());
                        }
                    }
                >
                    {diagram
                        .scenarios
                        .iter()
                        .map(|s| view! { <option value=s.id>{s.title}</option> })
                        .collect_view()}
                </select>
            </div>
        }
    });
    let list_toggle = only.is_none().then(|| {
        view! {
            <button
                type="button"
                class="button list-toggle"
                aria-pressed=move || as_list.get().to_string()
                on:click=move |_| as_list.update(|l| *l = !*l)
            >
                {move || if as_list.get() { "View as diagram" } else { "View as list" }}
            </button>
        }
    });

    let toolbar = view! {
        <div class="diagram-toolbar">
            {trace_picker}
            <div class="diagram-field">
                <label for="stack-select">"Technology stack"</label>
                <select
                    id="stack-select"
                    on:change=move |ev| stack.set(diagram.stack(&event_target_value(&ev)))
                >
                    <option value="">"Roles only"</option>
                    {diagram
                        .stacks
                        .iter()
                        .map(|s| view! { <option value=s.id>{s.name}</option> })
                        .collect_view()}
                </select>
            </div>
            {list_toggle}
        </div>
    }
    .into_any();

    view! {
        <div
            class="diagram"
            class:diagram--compact=only.is_some()
            data-layout=move || match layout.get() {
                Layout::Wide => "wide",
                Layout::Narrow => "narrow",
            }
            node_ref=root
            on:keydown=on_keydown
        >
            {toolbar}
            <p class="diagram-trace__summary">
                <strong>{move || scenario.get().title}</strong>
                ": "
                {move || scenario.get().summary}
            </p>
            <Show
                when=move || !as_list.get()
                fallback=move || view! { <DiagramList diagram stack heading_level /> }.into_any()
            >
                {view! {
                    // One hint per way of using it; the stylesheet shows (and gives screen
                    // readers) the ones that fit the device's input, already in the prerender.
                    <p class="diagram-help">
                        "Press Next to follow the request step by step. "
                        <span class="hint hint--touch">"Tap a part to see what it does."</span>
                        <span class="hint hint--keyboard">
                            "Select a part to see what it does. With the keyboard: Tab to the drawing, arrow keys move between the parts (along the lines on a wide screen), Enter opens a part, Escape closes it."
                        </span>
                    </p>
                    <div class="diagram-canvas">
                        <DiagramSvg d stack selected focused current_step layout open />
                    </div>
                    <TraceSheet scenario player current_step stack />
                    <DetailPanel diagram stack selected close heading_level />
                }
                    .into_any()}
            </Show>
        </div>
    }
    .into_any()
}

fn window_width() -> f64 {
    window()
        .inner_width()
        .ok()
        .and_then(|w| w.as_f64())
        .unwrap_or(1024.0)
}

/// Scrolls just enough for a part's box to sit between the sticky header and the trace sheet,
/// with the sheet showing the new caption from its start.
fn keep_in_view(root: &web_sys::HtmlDivElement, node: &str) {
    if let Some(sheet) = root.query_selector(".diagram-sheet").ok().flatten() {
        sheet.set_scroll_top(0);
    }
    let selector = format!(".diagram-node[data-node='{node}'] rect");
    let Some(part) = root.query_selector(&selector).ok().flatten() else {
        return;
    };
    let viewport = window()
        .inner_height()
        .ok()
        .and_then(|h| h.as_f64())
        .unwrap_or(0.0);
    let top = document()
        .query_selector(".site-header")
        .ok()
        .flatten()
        // Its height, not where it is: on a phone it slides away while the page scrolls down
        // and comes back when it scrolls up, over whatever sits in its place.
        .map_or(0.0, |h| h.get_bounding_client_rect().height());
    let bottom = root
        .query_selector(".diagram-sheet")
        .ok()
        .flatten()
        .map_or(viewport, |s| {
            s.get_bounding_client_rect().top().min(viewport)
        });
    let r = part.get_bounding_client_rect();
    let margin = 8.0;
    let dy = if r.top() < top + margin {
        r.top() - top - margin
    } else if r.bottom() > bottom - margin {
        (r.bottom() - bottom + margin).min(r.top() - top - margin)
    } else {
        0.0
    };
    if dy.abs() >= 1.0 {
        // An absolute target: a relative scroll during a smooth one is added to where that
        // one is going in some engines, not to where the page is.
        let w = window();
        let (x, y) = (w.scroll_x().unwrap_or(0.0), w.scroll_y().unwrap_or(0.0));
        w.scroll_to_with_x_and_y(x, y + dy);
    }
}

/// Starts the travelling dot's animation, unless the reader prefers reduced motion.
fn start_travel(root: &web_sys::HtmlDivElement) {
    use js_sys::{Function, Reflect};
    use wasm_bindgen::JsValue;
    let call = |target: &JsValue, method: &str, arg: Option<&JsValue>| {
        Reflect::get(target, &JsValue::from_str(method))
            .ok()
            .and_then(|f| f.dyn_into::<Function>().ok())
            .and_then(|f| match arg {
                Some(arg) => f.call1(target, arg).ok(),
                None => f.call0(target).ok(),
            })
    };
    let query = JsValue::from_str("(prefers-reduced-motion: reduce)");
    let reduce = call(&window().into(), "matchMedia", Some(&query))
        .and_then(|list| Reflect::get(&list, &JsValue::from_str("matches")).ok())
        .and_then(|m| m.as_bool())
        .unwrap_or(false);
    if reduce {
        return;
    }
    if let Some(animation) = root
        .query_selector(".diagram-dot animateTransform")
        .ok()
        .flatten()
    {
        call(&animation.into(), "beginElement", None);
    }
}

fn focus_node(id: &str) {
    let selector = format!(".diagram-node[data-node='{id}']");
    if let Some(el) = document().query_selector(&selector).ok().flatten() {
        if let Some(el) = el.dyn_ref::<web_sys::SvgElement>() {
            let _ = el.focus();
        }
    }
}

fn node_label(node: &'static Node, stack: Option<&'static Stack>) -> &'static str {
    stack.and_then(|s| s.label(node.id)).unwrap_or(node.label)
}

/// A part's name (its label, or the stack's for it): names are in the index.
fn node_name(id: &'static str, stack: Option<&'static Stack>) -> &'static str {
    super::INDEX.node(id).map_or(id, |n| node_label(n, stack))
}

#[component]
fn DiagramSvg(
    d: &'static Diagram,
    stack: RwSignal<Option<&'static Stack>>,
    selected: RwSignal<Option<&'static Node>>,
    focused: RwSignal<&'static str>,
    current_step: Memo<Option<Step>>,
    layout: RwSignal<Layout>,
    open: impl Fn(&'static Node) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let progress = use_progress();
    move || {
        let l = layout.get();
        let (width, height) = (l.width(), l.height(d));
        let (node_w, node_h) = (l.node_width(), l.node_height());
        let bands = Side::ALL
            .iter()
            .filter_map(|side| {
                let (x, y, w, h) = l.band(d, *side)?;
                Some(view! {
                    <rect class=format!("diagram-side diagram-side--{}", side_name(*side)) x=svg_number(x) y=svg_number(y) width=svg_number(w) height=svg_number(h) rx="14" />
                    <text class="diagram-side__title" x=svg_number(x + 12.0) y=svg_number(y + 22.0)>
                        {side_title(*side, l)}
                    </text>
                })
            })
            .collect_view();
        // On a phone only the connection in use is drawn: stacked parts would make the others
        // cross each other and the boxes.
        let connections = (l == Layout::Wide).then(|| {
            d
                .connections
                .iter()
                .filter_map(|c| {
                    let (from, to) = (d.node(c.from)?, d.node(c.to)?);
                    let ((x1, y1), (x2, y2)) = connection_line(d, l, from, to);
                    let active = move || current_step.get().and_then(|s| s.connection) == Some(c.id);
                    Some(view! {
                        <line class="diagram-connection" class:is-active=active data-connection=c.id x1=svg_number(x1) y1=svg_number(y1) x2=svg_number(x2) y2=svg_number(y2) />
                    })
                })
                .collect_view()
        });
        // The message in transit: an arrow from the sender to the receiver.
        let flow = move || {
            let step = current_step.get()?;
            let (from, to) = (d.node(step.from?)?, d.node(step.node)?);
            let ((x1, y1), (x2, y2)) = connection_line(d, l, from, to);
            Some(view! {
                <line class="diagram-flow" data-from=from.id data-to=to.id x1=svg_number(x1) y1=svg_number(y1) x2=svg_number(x2) y2=svg_number(y2) marker-end="url(#diagram-arrow)" />
            })
        };
        // A dot travelling along it (standing at the receiver when motion is reduced), and the
        // connection's name on a wide screen.
        let dot = move || {
            let step = current_step.get()?;
            let (from, to) = (d.node(step.from?)?, d.node(step.node)?);
            let ((x1, y1), (x2, y2)) = connection_line(d, l, from, to);
            let label = (l == Layout::Wide)
                .then(|| step.connection.and_then(|id| d.connection(id)))
                .flatten()
                .map(|c| {
                    let (mx, my) = ((x1 + x2) / 2.0, (y1 + y2) / 2.0);
                    let w = c.label.chars().count() as f64 * 7.0 + 14.0;
                    view! {
                        <g class="diagram-flow__label" aria-hidden="true">
                            <rect x=svg_number(mx - w / 2.0) y=svg_number(my - 11.0) width=svg_number(w) height="20" rx="10" />
                            <text x=svg_number(mx) y=svg_number(my + 4.0) text-anchor="middle">{c.label}</text>
                        </g>
                    }
                });
            Some(view! {
                {label}
                <circle class="diagram-dot" cx=svg_number(x2) cy=svg_number(y2) r="7">
                    // Started from the sender's end by `start_travel` (no inline styles: the
                    // Content-Security-Policy forbids them).
                    <animateTransform
                        attributeName="transform"
                        type="translate"
                        from=format!("{} {}", svg_number(x1 - x2), svg_number(y1 - y2))
                        to="0 0"
                        dur="0.9s"
                        begin="indefinite"
                        fill="freeze"
                    />
                </circle>
            })
        };

        let nodes = d
            .nodes
            .iter()
            .map(|node| {
                let (cx, cy) = l.centre(d, node);
                let (x, y) = (cx - node_w / 2.0, cy - node_h / 2.0);
                let label = move || node_label(node, stack.get());
                let explored =
                    move || progress.with(|p| p.diagram.explored_nodes.contains(node.id));
                let on_keydown = move |ev: web_sys::KeyboardEvent| {
                    let key = ev.key();
                    if key == "Enter" || key == " " {
                        ev.prevent_default();
                        open(node);
                    } else if let Some(direction) = Direction::from_key(&key) {
                        ev.prevent_default();
                        if let Some(next) = neighbour(d, l, node.id, direction) {
                            focused.set(next);
                            focus_node(next);
                        }
                    }
                };
                // The label's lines and, with a stack chosen, the role under them, centred.
                let text = move || {
                    let lines = wrap_label(label(), l.label_chars());
                    let role = (label() != node.label).then_some(node.label);
                    let line_h = 19.0;
                    let block = lines.len() as f64 * line_h + if role.is_some() { 17.0 } else { 0.0 };
                    let first = cy - block / 2.0 + 14.0;
                    let role_y = first + lines.len() as f64 * line_h - 2.0;
                    let count = lines.len();
                    view! {
                        <text class="diagram-node__label" text-anchor="middle">
                            {lines
                                .into_iter()
                                .enumerate()
                                .map(|(i, line)| {
                                    // A space ends every line but the last: the text reads as
                                    // the label (for assistive technology and axe's check that
                                    // the visible text is in the part's name).
                                    let text = if i + 1 < count { format!("{line} ") } else { line };
                                    view! {
                                        <tspan x=svg_number(cx) y=svg_number(first + i as f64 * line_h)>{text}</tspan>
                                    }
                                })
                                .collect_view()}
                        </text>
                        {role.map(|role| view! {
                            <text class="diagram-node__role" x=svg_number(cx) y=svg_number(role_y) text-anchor="middle">{format!(" {role}")}</text>
                        })}
                    }
                };
                view! {
                    <g
                        class=format!("diagram-node diagram-node--{}", side_name(node.side))
                        class:is-selected=move || selected.get().is_some_and(|s| s.id == node.id)
                        class:is-active=move || current_step.get().is_some_and(|s| s.node == node.id)
                        class:is-source=move || current_step.get().is_some_and(|s| s.from == Some(node.id))
                        class:is-explored=explored
                        data-node=node.id
                        data-label=label
                        data-explored=move || explored().to_string()
                        role="button"
                        tabindex=move || if focused.get() == node.id { "0" } else { "-1" }
                        aria-label=move || {
                            // The visible text first, word for word (WCAG 2.5.3), then the side.
                            let name = label();
                            if name == node.label {
                                format!("{name}: {}", side_text(node.side))
                            } else {
                                format!("{name} {}: {}", node.label, side_text(node.side))
                            }
                        }
                        aria-expanded=move || selected.get().is_some_and(|s| s.id == node.id).to_string()
                        aria-controls="diagram-panel"
                        on:click=move |_| open(node)
                        on:focus=move |_| focused.set(node.id)
                        on:keydown=on_keydown
                    >
                        <rect x=svg_number(x) y=svg_number(y) width=svg_number(node_w) height=svg_number(node_h) rx="10" />
                        {text}
                    </g>
                }
            })
            .collect_view();

        view! {
            <svg
                class=move || format!("diagram-svg diagram-svg--{}", match l { Layout::Wide => "wide", Layout::Narrow => "narrow" })
                viewBox=format!("0 0 {} {}", svg_number(width), svg_number(height))
                role="group"
                aria-label="Diagram of a web application: frontend parts in the browser, the network between, and the backend's servers and services"
            >
                <defs>
                    <marker id="diagram-arrow" class="diagram-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" markerHeight="6" orient="auto">
                        <path d="M0,0 L10,5 L0,10 z" />
                    </marker>
                </defs>
                {bands}
                {connections}
                {flow}
                {nodes}
                {dot}
            </svg>
        }
        .into_any()
    }
}

fn side_name(side: Side) -> &'static str {
    match side {
        Side::Frontend => "frontend",
        Side::Network => "network",
        Side::Backend => "backend",
    }
}

fn side_title(side: Side, layout: Layout) -> &'static str {
    match (side, layout) {
        (Side::Frontend, _) => "Frontend · in the browser",
        (Side::Network, _) => "Network",
        (Side::Backend, Layout::Wide) => "Backend · the shop's servers and the services they call",
        (Side::Backend, Layout::Narrow) => "Backend · servers and services",
    }
}

fn side_text(side: Side) -> &'static str {
    match side {
        Side::Frontend => "Frontend, in the browser",
        Side::Network => "Network, between the browser and the servers",
        Side::Backend => "Backend, on servers",
    }
}

/// A heading at the given level (2 or 3).
fn heading(level: u8, id: &'static str, text: impl IntoView + 'static) -> AnyView {
    if level <= 2 {
        view! { <h2 id=id>{text}</h2> }.into_any()
    } else {
        view! { <h3 id=id>{text}</h3> }.into_any()
    }
}

fn section_link(target: LinkTarget) -> Option<(String, String)> {
    let LinkTarget::Chapter { chapter, section } = target else {
        return None;
    };
    let found = content::chapter(chapter)?;
    let title = section
        .and_then(|id| found.sections.iter().find(|s| s.id == id))
        .map_or(found.title, |s| s.title);
    Some((
        href(Page::Chapter {
            id: chapter,
            section,
        }),
        title.to_string(),
    ))
}

/// One step on. A trace followed to its end — by Play or by Next, in any order — is recorded by
/// the move that reaches the end (no effect watches the player to write the store).
fn step_forward(
    store: ProgressStore,
    player: RwSignal<Player>,
    scenario: RwSignal<&'static Scenario>,
) {
    let (id, steps) = scenario.with_untracked(|s| (s.id, s.steps.len()));
    player.update(|p| {
        p.forward(steps);
    });
    if player.with_untracked(|p| p.at_end(steps)) {
        store.complete_scenario(id);
    }
}

/// The trace's controls, the current step's caption and its message: sticky at the bottom of
/// the screen while the drawing is in view, so both stay in sight and ◀ ▶ within reach.
#[component]
fn TraceSheet(
    scenario: RwSignal<&'static Scenario>,
    player: RwSignal<Player>,
    current_step: Memo<Option<Step>>,
    stack: RwSignal<Option<&'static Stack>>,
) -> impl IntoView {
    let steps = move || scenario.with(|s| s.steps.len());
    let store = use_progress_store();
    view! {
        <section class="diagram-sheet" aria-label="Follow the request">
            <div class="diagram-sheet__controls" role="group" aria-label="Trace controls">
                <button
                    type="button"
                    class="button trace-back"
                    disabled=move || player.with(|p| p.step.is_none())
                    on:click=move |_| player.update(Player::back)
                >
                    <span aria-hidden="true">"◀ "</span>
                    "Back"
                </button>
                <button
                    type="button"
                    class="button button--primary trace-forward"
                    disabled=move || {
                        let n = steps();
                        player.with(|p| p.at_end(n))
                    }
                    on:click=move |_| {
                        player.update(Player::pause);
                        step_forward(store, player, scenario);
                    }
                >
                    "Next"
                    <span aria-hidden="true">" ▶"</span>
                </button>
                <button
                    type="button"
                    class="button trace-play"
                    on:click=move |_| {
                        let n = steps();
                        player.update(|p| if p.playing { p.pause() } else { p.play(n) })
                    }
                >
                    {move || if player.with(|p| p.playing) { "Pause" } else { "Play" }}
                </button>
                <button
                    type="button"
                    class="button trace-restart"
                    on:click=move |_| player.update(Player::restart)
                >
                    "Restart"
                </button>
            </div>
            <p class="diagram-trace__step" aria-live="polite" aria-atomic="true">
                {move || match (player.get().step, current_step.get()) {
                    (Some(i), Some(step)) => {
                        let s = stack.get();
                        let route = match step.from {
                            Some(from) => format!("{} → {}", node_name(from, s), node_name(step.node, s)),
                            None => node_name(step.node, s).to_string(),
                        };
                        format!("Step {} of {} · {route}: {}", i + 1, steps(), step.caption)
                    }
                    _ => format!("{} steps. Press Next to go at your own pace, or Play.", steps()),
                }}
            </p>
            {move || {
                current_step
                    .get()
                    .map(|step| {
                        let message = step.message_for(stack.get().map(|s| s.id));
                        view! {
                            <pre class="diagram-trace__message" aria-label="The message">
                                <code>{message}</code>
                            </pre>
                        }
                    })
            }}
        </section>
    }
    .into_any()
}

#[component]
fn DetailPanel(
    diagram: &'static Diagram,
    stack: RwSignal<Option<&'static Stack>>,
    selected: RwSignal<Option<&'static Node>>,
    close: impl Fn() + Copy + Send + Sync + 'static,
    heading_level: u8,
) -> impl IntoView {
    view! {
        <section id="diagram-panel" class="diagram-panel" aria-live="polite" aria-labelledby="diagram-panel-title">
            {move || match selected.get() {
                None => view! {
                    <p id="diagram-panel-title" class="diagram-panel__empty">
                        "Select a part of the diagram to see what it is, what it does in one request, and who builds it."
                    </p>
                }
                .into_any(),
                Some(node) => {
                    let s = stack.get();
                    let name = node_label(node, s);
                    let title = if name == node.label {
                        name.to_string()
                    } else {
                        format!("{name} — {}", node.label)
                    };
                    let mut examples: Vec<&str> = node.examples.to_vec();
                    if name != node.label && !examples.contains(&name) {
                        examples.insert(0, name);
                    }
                    let links: Vec<String> = diagram
                        .connections_of(node.id)
                        .filter_map(|c| {
                            let other = c.other_end(node.id)?;
                            Some(format!("{} ({})", node_name(other, s), c.label))
                        })
                        .collect();
                    view! {
                        {heading(heading_level, "diagram-panel-title", title)}
                        <p class="diagram-panel__meta">
                            {format!("{} · Built by: {}", side_text(node.side), node.builder.describe())}
                        </p>
                        <p><strong>"What it is: "</strong>{node.what}</p>
                        <p><strong>"In one request: "</strong>{node.in_a_request}</p>
                        <p><strong>"Connects to: "</strong>{links.join(", ")}</p>
                        <p><strong>"Example technologies: "</strong>{examples.join(", ")}</p>
                        {section_link(node.section)
                            .map(|(url, title)| {
                                view! {
                                    <p>
                                        <a href=url>{format!("Read more: “{title}”")}</a>
                                    </p>
                                }
                            })}
                        <button type="button" class="button diagram-panel__close" on:click=move |_| close()>
                            "Close"
                        </button>
                    }
                    .into_any()
                }
            }}
        </section>
    }
    .into_any()
}

/// The "view as list" outline: every part, connection and trace step (with its message) as
/// text.
#[component]
fn DiagramList(
    diagram: &'static Diagram,
    stack: RwSignal<Option<&'static Stack>>,
    heading_level: u8,
) -> impl IntoView {
    let side_list = move |side: Side| {
        diagram
            .nodes
            .iter()
            .filter(move |n| n.side == side)
            .map(move |node| {
                let links: Vec<String> = diagram
                    .connections_of(node.id)
                    .filter_map(|c| {
                        let other = diagram.node(c.other_end(node.id)?)?;
                        Some(format!("{} ({})", other.label, c.label))
                    })
                    .collect();
                view! {
                    <li class="diagram-list__node" data-node=node.id>
                        <strong>{move || node_label(node, stack.get())}</strong>
                        {move || {
                            let name = node_label(node, stack.get());
                            (name != node.label).then(|| format!(" ({})", node.label))
                        }}
                        {format!(" — {} ", node.what)}
                        <br />
                        {format!("In one request: {} ", node.in_a_request)}
                        <br />
                        {format!(
                            "Built by: {}. Connects to: {}.",
                            builder_short(node.builder),
                            links.join(", ")
                        )}
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <div class="diagram-list">
            {heading(heading_level, "diagram-list-frontend", "Frontend (in the browser)")}
            <ul>{side_list(Side::Frontend)}</ul>
            {heading(heading_level, "diagram-list-network", "Network (between the browser and the servers)")}
            <ul>{side_list(Side::Network)}</ul>
            {heading(heading_level, "diagram-list-backend", "Backend (servers and the services they call)")}
            <ul>{side_list(Side::Backend)}</ul>
            {heading(heading_level, "diagram-list-requests", "Requests, step by step")}
            {diagram
                .scenarios
                .iter()
                .map(|s| {
                    view! {
                        <p class="diagram-list__scenario"><strong>{s.title}</strong>{format!(" — {}", s.summary)}</p>
                        <ol>
                            {s.steps
                                .iter()
                                .map(|step| {
                                    view! {
                                        <li>
                                            {move || {
                                                let st = stack.get();
                                                match step.from {
                                                    Some(from) => format!("{} → {}", node_name(from, st), node_name(step.node, st)),
                                                    None => node_name(step.node, st).to_string(),
                                                }
                                            }}
                                            ": "
                                            {step.caption}
                                            <pre class="diagram-list__message">
                                                <code>{move || step.message_for(stack.get().map(|s| s.id))}</code>
                                            </pre>
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ol>
                    }
                })
                .collect_view()}
        </div>
    }
}

fn builder_short(builder: Builder) -> &'static str {
    match builder {
        Builder::Frontend => "frontend developers",
        Builder::Backend => "backend developers",
        Builder::Both => "frontend and backend developers",
    }
}
