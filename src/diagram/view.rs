//! The diagram explorer: the SVG drawing (every part a focusable control), the detail panel,
//! the request-trace player, the stack switcher and the "view as list" outline.

use guide_content::diagram::{Builder, Connection, Node, Scenario, Side, Stack, Step};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::model::{
    centre, connection_line, neighbour, svg_number, Direction, Player, BOUNDARY_X, HEIGHT,
    NODE_HEIGHT, NODE_WIDTH, WIDTH,
};
use super::DIAGRAM;
use crate::content::{self, LinkTarget};
use crate::progress::store::{use_progress, use_progress_store, ProgressStore};
use crate::routes::{href, Page};

/// How long each step of a playing trace stays on screen.
const STEP_MILLIS: u64 = 1600;

/// The whole explorer. `heading_level` is the level of its section headings (2 on the
/// diagram page, 3 inside a chapter section).
#[component]
pub fn DiagramExplorer(#[prop(default = 2)] heading_level: u8) -> impl IntoView {
    // The build rejects a diagram without parts or traces; should one get through, there is
    // nothing to explore.
    let (Some(first_node), Some(first_scenario)) =
        (DIAGRAM.nodes.first(), DIAGRAM.scenarios.first())
    else {
        return ().into_any();
    };
    let store = use_progress_store();
    let selected = RwSignal::new(None::<&'static Node>);
    let focused = RwSignal::new(first_node.id);
    let stack = RwSignal::new(None::<&'static Stack>);
    // A prerendered page shows the list: the form that reads without JavaScript.
    let narrow = crate::PRERENDERING
        || window()
            .inner_width()
            .ok()
            .and_then(|w| w.as_f64())
            .is_some_and(|w| w < 560.0);
    let as_list = RwSignal::new(narrow);
    let trace = Trace::new(first_scenario, store);
    let current_step = trace.current_step();
    use_trace_timer(trace);

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

    view! {
        <div class="diagram" on:keydown=on_keydown>
            <DiagramToolbar stack as_list />
            <Show
                when=move || !as_list.get()
                fallback=move || view! { <DiagramList stack heading_level /> }
            >
                <div class="diagram-canvas">
                    <DiagramSvg stack selected focused current_step open />
                </div>
                <DetailPanel stack selected close heading_level />
            </Show>
            <TracePlayer trace current_step stack heading_level />
        </div>
    }
    .into_any()
}

/// The stack switcher, "View as list / diagram", and the help that goes with the view.
#[component]
fn DiagramToolbar(
    stack: RwSignal<Option<&'static Stack>>,
    as_list: RwSignal<bool>,
) -> impl IntoView {
    view! {
        <div class="diagram-toolbar">
            <div class="diagram-field">
                <label for="stack-select">"Technology stack"</label>
                <select
                    id="stack-select"
                    on:change=move |ev| stack.set(DIAGRAM.stack(&event_target_value(&ev)))
                >
                    <option value="">"Roles only"</option>
                    {DIAGRAM
                        .stacks
                        .iter()
                        .map(|s| view! { <option value=s.id>{s.name}</option> })
                        .collect_view()}
                </select>
            </div>
            <button
                type="button"
                class="button list-toggle"
                aria-pressed=move || as_list.get().to_string()
                on:click=move |_| as_list.update(|l| *l = !*l)
            >
                {move || if as_list.get() { "View as diagram" } else { "View as list" }}
            </button>
        </div>
        <p class="diagram-help">
            {move || {
                if as_list.get() {
                    "The same parts, connections and requests as a list."
                } else {
                    "Select a part to see what it does. With the keyboard: Tab to the diagram, arrow keys follow the connections, Enter opens a part, Escape closes it."
                }
            }}
        </p>
    }
}

/// While the trace plays, moves it on one step at a time (the timer is cleared when anything
/// changes).
fn use_trace_timer(trace: Trace) {
    Effect::new(move |_| {
        if trace.player.get().playing {
            let advance = move || {
                trace.drive(|p, steps| {
                    if p.playing {
                        p.forward(steps);
                    }
                })
            };
            if let Ok(handle) =
                set_timeout_with_handle(advance, std::time::Duration::from_millis(STEP_MILLIS))
            {
                on_cleanup(move || handle.clear());
            }
        }
    });
}

/// The request trace being followed: which one, and the player's place in it. Every move of
/// the player goes through [`Trace::drive`], which records a trace followed to its end.
#[derive(Clone, Copy)]
struct Trace {
    scenario: RwSignal<&'static Scenario>,
    player: RwSignal<Player>,
    store: ProgressStore,
}

impl Trace {
    fn new(first: &'static Scenario, store: ProgressStore) -> Self {
        Trace {
            scenario: RwSignal::new(first),
            player: RwSignal::new(Player::default()),
            store,
        }
    }

    /// The step on screen, if the trace has started.
    fn current_step(&self) -> Memo<Option<Step>> {
        let Trace {
            scenario, player, ..
        } = *self;
        Memo::new(move |_| {
            player
                .get()
                .step
                .and_then(|i| scenario.get().steps.get(i).copied())
        })
    }

    fn steps(&self) -> usize {
        self.scenario.with(|s| s.steps.len())
    }

    /// Changes the player (given the number of steps); reaching the end completes the trace.
    fn drive(&self, change: impl FnOnce(&mut Player, usize)) {
        let steps = self.scenario.with_untracked(|s| s.steps.len());
        self.player.update(|p| change(p, steps));
        if self.player.with_untracked(|p| p.at_end(steps)) {
            self.store
                .complete_scenario(self.scenario.with_untracked(|s| s.id));
        }
    }

    /// Switches to another trace, from its start.
    fn choose(&self, scenario: &'static Scenario) {
        self.scenario.set(scenario);
        self.player.set(Player::default());
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

#[component]
fn DiagramSvg(
    stack: RwSignal<Option<&'static Stack>>,
    selected: RwSignal<Option<&'static Node>>,
    focused: RwSignal<&'static str>,
    current_step: Memo<Option<Step>>,
    open: impl Fn(&'static Node) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let connections = DIAGRAM
        .connections
        .iter()
        .filter_map(|c| {
            let (from, to) = (DIAGRAM.node(c.from)?, DIAGRAM.node(c.to)?);
            Some(view! { <DiagramConnection c from to selected current_step /> })
        })
        .collect_view();
    let nodes = DIAGRAM
        .nodes
        .iter()
        .map(|node| view! { <DiagramNode node stack selected focused current_step open /> })
        .collect_view();

    view! {
        <svg
            class="diagram-svg"
            viewBox=format!("0 0 {} {}", svg_number(WIDTH), svg_number(HEIGHT))
            role="group"
            aria-label="Diagram of a web application: frontend parts on the left, backend parts on the right, the network between them"
        >
            <rect class="diagram-side diagram-side--frontend" x="4" y="4" width=svg_number(BOUNDARY_X - 24.0) height=svg_number(HEIGHT - 8.0) rx="14" />
            <rect class="diagram-side diagram-side--backend" x=svg_number(BOUNDARY_X + 20.0) y="4" width=svg_number(WIDTH - BOUNDARY_X - 24.0) height=svg_number(HEIGHT - 8.0) rx="14" />
            <text class="diagram-side__title" x="24" y="34">"Frontend · runs in the browser"</text>
            <text class="diagram-side__title" x=svg_number(BOUNDARY_X + 40.0) y="34">"Backend · runs on servers"</text>
            <line class="diagram-boundary" x1=svg_number(BOUNDARY_X) y1="10" x2=svg_number(BOUNDARY_X) y2=svg_number(HEIGHT - 10.0) />
            <text
                class="diagram-boundary__label"
                x=svg_number(BOUNDARY_X - 6.0)
                y=svg_number(HEIGHT / 2.0)
                text-anchor="middle"
                transform=format!("rotate(-90 {} {})", svg_number(BOUNDARY_X - 6.0), svg_number(HEIGHT / 2.0))
            >
                "Network · HTTP requests and responses"
            </text>
            {connections}
            {nodes}
        </svg>
    }
}

/// A connection between two parts; its label shows while it is active in the trace or
/// touches the selected part.
#[component]
fn DiagramConnection(
    c: &'static Connection,
    from: &'static Node,
    to: &'static Node,
    selected: RwSignal<Option<&'static Node>>,
    current_step: Memo<Option<Step>>,
) -> impl IntoView {
    let ((x1, y1), (x2, y2)) = connection_line(from, to);
    let active = move || current_step.get().and_then(|s| s.connection) == Some(c.id);
    let related = move || active() || selected.get().is_some_and(|n| c.touches(n.id));
    view! {
        <g class="diagram-connection" class:is-active=active data-connection=c.id>
            <line x1=svg_number(x1) y1=svg_number(y1) x2=svg_number(x2) y2=svg_number(y2) />
            <text
                class="diagram-connection__label"
                class:is-visible=related
                x=svg_number((x1 + x2) / 2.0)
                y=svg_number((y1 + y2) / 2.0 - 6.0)
                text-anchor="middle"
            >
                {c.label}
            </text>
        </g>
    }
}

/// A part of the diagram: a focusable button (roving tabindex; arrow keys follow the
/// connections, Enter or Space opens it).
#[component]
fn DiagramNode(
    node: &'static Node,
    stack: RwSignal<Option<&'static Stack>>,
    selected: RwSignal<Option<&'static Node>>,
    focused: RwSignal<&'static str>,
    current_step: Memo<Option<Step>>,
    open: impl Fn(&'static Node) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let progress = use_progress();
    let (cx, cy) = centre(node);
    let (x, y) = (cx - NODE_WIDTH / 2.0, cy - NODE_HEIGHT / 2.0);
    let label = move || node_label(node, stack.get());
    let explored = move || progress.with(|p| p.diagram.explored_nodes.contains(node.id));
    let on_keydown = move |ev: web_sys::KeyboardEvent| {
        let key = ev.key();
        if key == "Enter" || key == " " {
            ev.prevent_default();
            open(node);
        } else if let Some(direction) = Direction::from_key(&key) {
            ev.prevent_default();
            if let Some(next) = neighbour(&DIAGRAM, node.id, direction) {
                focused.set(next);
                focus_node(next);
            }
        }
    };
    view! {
        <g
            class=format!("diagram-node diagram-node--{}", side_name(node.side))
            class:is-selected=move || selected.get().is_some_and(|s| s.id == node.id)
            class:is-active=move || current_step.get().is_some_and(|s| s.node == node.id)
            class:is-explored=explored
            data-node=node.id
            data-explored=move || explored().to_string()
            role="button"
            tabindex=move || if focused.get() == node.id { "0" } else { "-1" }
            aria-label=move || node_aria_label(node, label())
            aria-expanded=move || selected.get().is_some_and(|s| s.id == node.id).to_string()
            aria-controls="diagram-panel"
            on:click=move |_| open(node)
            on:focus=move |_| focused.set(node.id)
            on:keydown=on_keydown
        >
            <rect x=svg_number(x) y=svg_number(y) width=svg_number(NODE_WIDTH) height=svg_number(NODE_HEIGHT) rx="10" />
            <text
                class="diagram-node__label"
                x=svg_number(cx)
                y=move || svg_number(if stack.get().is_some() { cy - 4.0 } else { cy + 5.0 })
                text-anchor="middle"
                textLength=move || (label().chars().count() > 13).then(|| svg_number(NODE_WIDTH - 14.0))
                lengthAdjust="spacingAndGlyphs"
            >
                {label}
            </text>
            <text
                class="diagram-node__role"
                x=svg_number(cx)
                y=svg_number(cy + 16.0)
                text-anchor="middle"
            >
                {move || stack.get().map(|_| node.label)}
            </text>
        </g>
    }
}

/// "Load balancer: Backend, on servers", or with a stack "nginx (Load balancer): …".
fn node_aria_label(node: &Node, name: &str) -> String {
    if name == node.label {
        format!("{name}: {}", side_text(node.side))
    } else {
        format!("{name} ({}): {}", node.label, side_text(node.side))
    }
}

fn side_name(side: Side) -> &'static str {
    match side {
        Side::Frontend => "frontend",
        Side::Backend => "backend",
    }
}

fn side_text(side: Side) -> &'static str {
    match side {
        Side::Frontend => "Frontend, in the browser",
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

#[component]
fn DetailPanel(
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
                    let name = node_label(node, stack.get());
                    let title = if name == node.label {
                        name.to_string()
                    } else {
                        format!("{name} — {}", node.label)
                    };
                    let mut examples: Vec<&str> = node.examples.to_vec();
                    if name != node.label && !examples.contains(&name) {
                        examples.insert(0, name);
                    }
                    view! {
                        {heading(heading_level, "diagram-panel-title", title)}
                        <p class="diagram-panel__meta">
                            {format!("{} · Built by: {}", side_text(node.side), node.builder.describe())}
                        </p>
                        <p><strong>"What it is: "</strong>{node.what}</p>
                        <p><strong>"In one request: "</strong>{node.in_a_request}</p>
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
}

#[component]
fn TracePlayer(
    trace: Trace,
    current_step: Memo<Option<Step>>,
    stack: RwSignal<Option<&'static Stack>>,
    heading_level: u8,
) -> impl IntoView {
    let Trace {
        scenario, player, ..
    } = trace;
    let steps = move || trace.steps();
    view! {
        <section class="diagram-trace" aria-labelledby="trace-title">
            {heading(heading_level, "trace-title", "Follow a request")}
            <div class="diagram-field">
                <label for="trace-select">"Request"</label>
                <select
                    id="trace-select"
                    on:change=move |ev| {
                        let id = event_target_value(&ev);
                        if let Some(s) = DIAGRAM.scenarios.iter().find(|s| s.id == id) {
                            trace.choose(s);
                        }
                    }
                >
                    {DIAGRAM
                        .scenarios
                        .iter()
                        .map(|s| view! { <option value=s.id>{s.title}</option> })
                        .collect_view()}
                </select>
            </div>
            <p class="diagram-trace__summary">{move || scenario.get().summary}</p>
            <div class="diagram-trace__controls" role="group" aria-label="Trace controls">
                <button
                    type="button"
                    class="button trace-restart"
                    on:click=move |_| trace.drive(|p, _| p.restart())
                >
                    "Restart"
                </button>
                <button
                    type="button"
                    class="button trace-back"
                    disabled=move || player.with(|p| p.step.is_none())
                    on:click=move |_| trace.drive(|p, _| p.back())
                >
                    "Step back"
                </button>
                <button
                    type="button"
                    class="button button--primary trace-play"
                    on:click=move |_| {
                        trace.drive(|p, n| if p.playing { p.pause() } else { p.play(n) })
                    }
                >
                    {move || if player.with(|p| p.playing) { "Pause" } else { "Play" }}
                </button>
                <button
                    type="button"
                    class="button trace-forward"
                    disabled=move || { let n = steps(); player.with(|p| p.at_end(n)) }
                    on:click=move |_| {
                        trace.drive(|p, n| {
                            p.pause();
                            p.forward(n);
                        })
                    }
                >
                    "Step forward"
                </button>
            </div>
            <p class="diagram-trace__step" aria-live="polite" aria-atomic="true">
                {move || match (player.get().step, current_step.get()) {
                    (Some(i), Some(step)) => {
                        let who = DIAGRAM
                            .node(step.node)
                            .map(|n| node_label(n, stack.get()))
                            .unwrap_or(step.node);
                        format!("Step {} of {} · {who}: {}", i + 1, steps(), step.caption)
                    }
                    _ => format!("{} steps. Press Play, or Step forward to go at your own pace.", steps()),
                }}
            </p>
        </section>
    }
}

/// The "view as list" outline: every part, connection and trace as text.
#[component]
fn DiagramList(stack: RwSignal<Option<&'static Stack>>, heading_level: u8) -> impl IntoView {
    let side_list = move |side: Side| {
        DIAGRAM
            .nodes
            .iter()
            .filter(move |n| n.side == side)
            .map(move |node| {
                let links: Vec<String> = DIAGRAM
                    .connections_of(node.id)
                    .filter_map(|c| {
                        let other = DIAGRAM.node(c.other_end(node.id)?)?;
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
            {heading(heading_level, "diagram-list-backend", "Backend (on servers)")}
            <ul>{side_list(Side::Backend)}</ul>
            {heading(heading_level, "diagram-list-requests", "Requests, step by step")}
            {DIAGRAM
                .scenarios
                .iter()
                .map(|s| {
                    view! {
                        <p class="diagram-list__scenario"><strong>{s.title}</strong>{format!(" — {}", s.summary)}</p>
                        <ol>
                            {s.steps
                                .iter()
                                .map(|step| {
                                    let node = DIAGRAM.node(step.node);
                                    view! {
                                        <li>
                                            {move || node.map(|n| node_label(n, stack.get())).unwrap_or(step.node)}
                                            ": "
                                            {step.caption}
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
