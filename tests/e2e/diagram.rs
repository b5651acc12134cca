//! The interactive frontend/backend diagram: panel by mouse and keyboard, arrow keys along
//! connections, request traces (each to its end, with its messages, the direction of travel,
//! the caption and the lit part on screen together on a phone and a laptop), stacks, the list
//! view, the phone layout (fits, readable labels), progress, the chapter embed, axe.

use std::path::Path;
use std::sync::OnceLock;

use fantoccini::key::Key;
use guide_content::diagram::Diagram;
use guide_content::pipeline::{build_diagram, SourceFile};

use crate::ensure;
use crate::page::{js_string, Page, TestResult};

/// The diagram as the content pipeline sees it: what the page must show.
pub(crate) fn diagram() -> &'static Diagram {
    static DIAGRAM: OnceLock<Diagram> = OnceLock::new();
    DIAGRAM.get_or_init(|| {
        let path = "content/diagram.toml";
        let file = SourceFile {
            path: path.into(),
            text: std::fs::read_to_string(Path::new(path)).expect("diagram readable"),
        };
        build_diagram(&file, crate::guide::chapters()).expect("diagram valid")
    })
}

fn node_selector(id: &str) -> String {
    format!(".diagram-node[data-node='{id}']")
}

/// What a pointer clicks on: the part's box (WebDriver can't click an SVG `<g>` itself in
/// every engine; the click bubbles to it, as a mouse click does).
fn node_box(id: &str) -> String {
    format!("{} rect", node_selector(id))
}

async fn panel_title(page: &Page) -> TestResult<String> {
    page.js("return document.getElementById('diagram-panel-title')?.textContent ?? '';")
        .await
}

pub async fn a_part_opens_by_mouse_and_its_panel_explains_it(page: &Page) -> TestResult {
    page.open("diagram").await?;
    let d = diagram();
    let node = d.node("database").ok_or("the diagram has a database")?;
    page.click(&node_box(node.id)).await?;
    page.wait_for(
        &format!(
            "document.getElementById('diagram-panel-title')?.textContent === {}",
            js_string(node.label)
        ),
        "the database's panel",
    )
    .await?;
    let panel: String = page
        .js("return document.getElementById('diagram-panel').textContent;")
        .await?;
    for part in [node.what, node.in_a_request, "Built by", node.examples[0]] {
        ensure!(panel.contains(part), "the panel says “{part}”: {panel}");
    }
    let link: String = page
        .js("return document.querySelector('#diagram-panel a')?.getAttribute('href') ?? '';")
        .await?;
    ensure!(
        link.starts_with("/backend-guide/chapters/"),
        "the panel links to the guide: {link}"
    );
    page.click(".diagram-panel__close").await?;
    page.wait_for(
        "!!document.querySelector('.diagram-panel__empty')",
        "the panel to close",
    )
    .await?;
    // The link leads to the section that explains the part.
    page.click(&node_box(node.id)).await?;
    page.click("#diagram-panel a").await?;
    page.wait_for(
        &format!("location.pathname + location.hash === {}", js_string(&link)),
        "the section",
    )
    .await?;
    Ok(())
}

pub async fn keyboard_alone_opens_parts_and_follows_connections(page: &Page) -> TestResult {
    page.open("diagram").await?;
    let first = diagram().nodes[0].id;
    // As a keyboard reader does: the skip link past the header and the chapter list, then on
    // through the diagram's toolbar to its first part.
    page.skip_to_content().await?;
    page.tab_to(&node_selector(first), 10).await?;
    page.press(Key::Enter).await?;
    let first_label = diagram().nodes[0].label;
    page.wait_for(
        &format!(
            "document.getElementById('diagram-panel-title')?.textContent === {}",
            js_string(first_label)
        ),
        "the first part's panel, opened with Enter",
    )
    .await?;
    page.press(Key::Escape).await?;
    page.wait_for(
        "!!document.querySelector('.diagram-panel__empty')",
        "Escape to close the panel",
    )
    .await?;
    ensure!(
        page.js::<String>("return document.activeElement?.dataset?.node ?? '';")
            .await?
            == first,
        "focus stays on the part after Escape, not {}",
        page.focused().await?
    );

    // The browser's connection to the right crosses the network to the load balancer; the
    // request goes on up to the web server and across to the application.
    page.js::<serde_json::Value>(&format!(
        "document.querySelector({}).focus(); return null;",
        js_string(&node_selector("browser"))
    ))
    .await?;
    for (key, id, what) in [
        (
            Key::Right,
            "load-balancer",
            "ArrowRight to the load balancer",
        ),
        (Key::Up, "web-server", "ArrowUp on to the web server"),
        (Key::Right, "app", "ArrowRight on to the application"),
        (Key::Up, "auth", "ArrowUp to auth"),
        (Key::Down, "app", "ArrowDown back to the application"),
    ] {
        page.press(key).await?;
        page.wait_for(
            &format!(
                "document.activeElement?.dataset?.node === {}",
                js_string(id)
            ),
            what,
        )
        .await?;
    }
    page.press(Key::Space).await?;
    let app = diagram().node("app").ok_or("app")?.label;
    page.wait_for(
        &format!(
            "document.getElementById('diagram-panel-title')?.textContent === {}",
            js_string(app)
        ),
        "Space to open the application's panel",
    )
    .await?;
    // Only one part at a time is in the Tab order (roving tabindex).
    let tabbable: usize = page
        .js("return document.querySelectorAll('.diagram-node[tabindex=\"0\"]').length;")
        .await?;
    ensure!(tabbable == 1, "{tabbable} parts in the Tab order");
    Ok(())
}

/// Play paces steps by the length of their captions (3 to 12 seconds): the trace is stepped
/// to its second-to-last step, then Play finishes it.
pub async fn a_trace_plays_to_its_end_and_steps_back(page: &Page) -> TestResult {
    page.open("diagram").await?;
    let scenario = diagram()
        .scenarios
        .iter()
        .min_by_key(|s| s.steps.len())
        .ok_or("scenarios")?;
    page.select("#trace-select", scenario.id).await?;
    let n = scenario.steps.len();
    for i in 1..n {
        next_step(page, i, n).await?;
    }
    page.click(".trace-play").await?;
    page.wait_for(
        "document.querySelector('.trace-play').textContent === 'Pause'",
        "Play to start",
    )
    .await?;
    let last = scenario.steps[n - 1];
    page.wait_for(
        &format!(
            "document.querySelector('.diagram-trace__step').textContent.startsWith('Step {n} of {n}')"
        ),
        "the trace to play to its end",
    )
    .await?;
    let text: String = page
        .js("return document.querySelector('.diagram-trace__step').textContent;")
        .await?;
    ensure!(
        text.contains(last.caption),
        "the last caption is shown: {text}"
    );
    let active: String = page
        .js("return document.querySelector('.diagram-node.is-active')?.dataset.node ?? '';")
        .await?;
    ensure!(
        active == last.node,
        "the last step highlights {}, not {active}",
        last.node
    );
    ensure!(
        page.js::<String>("return document.querySelector('.trace-play').textContent;")
            .await?
            == "Play",
        "playing stops at the end"
    );
    page.click(".trace-back").await?;
    page.wait_for(
        &format!(
            "document.querySelector('.diagram-trace__step').textContent.startsWith('Step {} of {n}')",
            n - 1
        ),
        "Step back",
    )
    .await?;
    let previous = scenario.steps[n - 2];
    page.wait_for(
        &format!(
            "document.querySelector('.diagram-node.is-active')?.dataset.node === {}",
            js_string(previous.node)
        ),
        "the previous step's part to be highlighted",
    )
    .await?;
    if let Some(connection) = previous.connection {
        page.wait_for(
            &format!(
                "document.querySelector('.diagram-connection.is-active')?.dataset.connection === {}",
                js_string(connection)
            ),
            "the step's connection to be highlighted",
        )
        .await?;
    }
    page.click(".trace-restart").await?;
    page.wait_for(
        "document.querySelectorAll('.diagram-node.is-active').length === 0",
        "Restart to clear the trace",
    )
    .await?;
    Ok(())
}

pub async fn switching_the_stack_relabels_the_parts_and_messages(page: &Page) -> TestResult {
    page.open("diagram").await?;
    let label_of = |id: &str| {
        format!(
            "document.querySelector({}).dataset.label",
            js_string(&node_selector(id))
        )
    };
    let generic = diagram().node("database").ok_or("database")?.label;
    ensure!(
        page.js::<String>(&format!("return {};", label_of("database")))
            .await?
            == generic,
        "roles only at first"
    );
    for stack in diagram().stacks {
        page.select("#stack-select", stack.id).await?;
        for node in diagram().nodes {
            let expected = stack.label(node.id).ok_or("every node labelled")?;
            page.wait_for(
                &format!("{} === {}", label_of(node.id), js_string(expected)),
                &format!("{} to read “{expected}” in {}", node.id, stack.name),
            )
            .await?;
        }
        // The drawn label is the same text, wrapped at spaces into at most two lines.
        let drawn: String = page
            .js(&format!(
                "return document.querySelector({} + ' .diagram-node__label').textContent;",
                js_string(&node_selector("app"))
            ))
            .await?;
        ensure!(
            Some(drawn.as_str()) == stack.label("app"),
            "the application's label is drawn as “{drawn}”"
        );
    }
    // A step's message follows the stack where it differs: the login's router line.
    page.select("#trace-select", "log-in").await?;
    let scenario = diagram().scenario("log-in").ok_or("log-in")?;
    let router = scenario
        .steps
        .iter()
        .position(|s| !s.stack_messages.is_empty() && s.node == "app")
        .ok_or("a login step with stack messages")?;
    for i in 1..=router + 1 {
        next_step(page, i, scenario.steps.len()).await?;
    }
    for stack in [None].into_iter().chain(diagram().stacks.iter().map(Some)) {
        page.select("#stack-select", stack.map_or("", |s| s.id))
            .await?;
        let expected = scenario.steps[router].message_for(stack.map(|s| s.id));
        page.wait_for(
            &format!(
                "document.querySelector('.diagram-trace__message')?.textContent === {}",
                js_string(expected)
            ),
            &format!(
                "the router line of {}",
                stack.map_or("roles only", |s| s.name)
            ),
        )
        .await?;
    }
    Ok(())
}

pub async fn the_list_view_holds_every_part_and_step(page: &Page) -> TestResult {
    page.open("diagram").await?;
    page.click(".list-toggle").await?;
    page.wait_for("!!document.querySelector('.diagram-list')", "the list view")
        .await?;
    let listed: Vec<String> = page
        .js("return [...document.querySelectorAll('.diagram-list__node')].map(li => li.dataset.node);")
        .await?;
    let expected: Vec<&str> = diagram().nodes.iter().map(|n| n.id).collect();
    ensure!(
        listed.len() == expected.len() && expected.iter().all(|id| listed.iter().any(|l| l == id)),
        "every part is listed: {listed:?}"
    );
    let text: String = page
        .js("return document.querySelector('.diagram-list').textContent;")
        .await?;
    for node in diagram().nodes {
        ensure!(text.contains(node.what), "the list explains {}", node.id);
    }
    for scenario in diagram().scenarios {
        for step in scenario.steps {
            ensure!(
                text.contains(step.caption) && text.contains(step.message),
                "the list holds step “{}” and its message",
                step.caption
            );
        }
    }
    ensure!(
        page.js::<bool>("return !document.querySelector('.diagram-svg');")
            .await?,
        "the drawing is replaced by the list"
    );
    Ok(())
}

pub async fn explored_parts_are_remembered_after_a_reload(page: &Page) -> TestResult {
    page.open("diagram").await?;
    for id in ["cache", "queue"] {
        page.click(&node_box(id)).await?;
        page.wait_for(
            &format!(
                "document.querySelector({})?.dataset.explored === 'true'",
                js_string(&node_selector(id))
            ),
            &format!("{id} to be marked explored"),
        )
        .await?;
    }
    page.open("diagram").await?;
    let explored: Vec<String> = page
        .js("return [...document.querySelectorAll('.diagram-node[data-explored=true]')].map(n => n.dataset.node).sort();")
        .await?;
    ensure!(
        explored == ["cache", "queue"],
        "explored after reload: {explored:?}"
    );
    page.open("progress").await?;
    let slot: String = page
        .js("return document.querySelector('[data-slot=diagram]').textContent;")
        .await?;
    ensure!(
        slot.starts_with("2 parts explored"),
        "the progress page counts them: {slot}"
    );
    Ok(())
}

/// The parts a trace uses: the ones a chapter's compact embed draws.
fn parts_of(trace: &str) -> TestResult<Vec<&'static str>> {
    let scenario = diagram().scenario(trace).ok_or(format!("trace {trace}"))?;
    Ok(diagram()
        .nodes
        .iter()
        .filter(|n| {
            scenario
                .steps
                .iter()
                .any(|s| s.node == n.id || s.from == Some(n.id))
        })
        .map(|n| n.id)
        .collect())
}

/// Each chapter that describes a flow embeds its trace, compact: only the parts the trace
/// uses, no trace picker, and a link to the full diagram. The login embed steps and opens
/// parts like the full one.
pub async fn chapters_embed_their_trace_compact(page: &Page) -> TestResult {
    for &(chapter, trace) in diagram().embeds {
        page.open(&format!("chapters/{chapter}")).await?;
        scroll_to_embed(page).await?;
        page.wait_for(
            "!!document.querySelector('.embed--diagram .diagram-svg')",
            &format!("the drawing embedded in {chapter}"),
        )
        .await?;
        let drawn: Vec<String> = page
            .js("return [...document.querySelectorAll('.embed--diagram .diagram-node')].map(n => n.dataset.node);")
            .await?;
        let expected = parts_of(trace)?;
        ensure!(
            drawn == expected,
            "{chapter} draws the parts of {trace}: {drawn:?}, not {expected:?}"
        );
        let picker: bool = page
            .js("return !!document.querySelector('.embed--diagram #trace-select');")
            .await?;
        ensure!(!picker, "{chapter}: one trace, no picker");
        let link: String = page
            .js("return document.querySelector('.embed--diagram .embed__more a')?.getAttribute('href') ?? '';")
            .await?;
        ensure!(
            link.ends_with("/diagram"),
            "{chapter} links to the full diagram: {link}"
        );
    }
    page.open("chapters/frontend-vs-backend").await?;
    let login = diagram().scenario("log-in").ok_or("log-in")?;
    // The reader scrolls to the embed; its trace sheet then sits at the bottom of the screen.
    scroll_to_embed(page).await?;
    page.wait_for(
        "!!document.querySelector('.embed--diagram .diagram-svg')",
        "the embedded drawing",
    )
    .await?;
    page.js::<serde_json::Value>(
        "document.querySelector('.embed--diagram .diagram-canvas').scrollIntoView({block: 'start', behavior: 'instant'}); return null;",
    )
    .await?;
    next_step(page, 1, login.steps.len()).await?;
    page.click(&format!(".embed--diagram {}", node_box("auth")))
        .await?;
    let auth = diagram().node("auth").ok_or("auth")?.label;
    page.wait_for(
        &format!(
            "document.getElementById('diagram-panel-title')?.textContent === {}",
            js_string(auth)
        ),
        "the embedded diagram's panel",
    )
    .await?;
    ensure!(
        panel_title(page).await? == auth,
        "one panel, in the chapter"
    );
    Ok(())
}

/// Scrolls a chapter's page to its diagram embed (which loads its code as the reader nears it).
pub async fn scroll_to_embed(page: &Page) -> TestResult {
    page.wait_for(
        "!!document.querySelector('.embed--diagram .embed__holder')",
        "the diagram's place in the chapter",
    )
    .await?;
    page.js::<serde_json::Value>(
        "document.querySelector('.embed--diagram').scrollIntoView({block: 'start', behavior: 'instant'}); return null;",
    )
    .await?;
    Ok(())
}

/// A chapter's diagram loads its code only when the reader nears it (a chapter whose diagram
/// is further down than a screen below the first does not fetch it at once); when it arrives
/// above the text the reader is at, that text does not move, and when the reader is at its
/// start, it stays there.
pub async fn a_chapter_diagram_loads_near_the_reader_and_moves_nothing_in_view(
    page: &Page,
) -> TestResult {
    page.set_viewport(375, 700).await?;
    page.open("chapters/databases").await?;
    page.wait_for(
        "!!document.querySelector('.embed--diagram .embed__holder')",
        "the diagram's place in the chapter",
    )
    .await?;
    let (far, fetched): (bool, bool) = page
        .js("return new Promise(done => requestAnimationFrame(() => setTimeout(() => done([\
                document.querySelector('.embed--diagram').getBoundingClientRect().top > 2 * innerHeight,\
                performance.getEntriesByType('resource').some(r => r.name.includes('split_diagram'))]), 300)));")
        .await?;
    ensure!(
        far,
        "the databases chapter's diagram is more than a screen below the first (the test needs it)"
    );
    ensure!(
        !fetched,
        "the diagram's code was fetched before the reader neared it"
    );
    // The reader is just below the diagram's place, within a screen of it: it loads, and what
    // the reader sees stays where it was.
    let before: f64 = page
        .js(
            "const after = document.querySelector('.embed--diagram').nextElementSibling; \
             after.scrollIntoView({block: 'start', behavior: 'instant'}); \
             return after.getBoundingClientRect().top;",
        )
        .await?;
    page.wait_for(
        "!!document.querySelector('.embed--diagram .diagram-svg .diagram-node')",
        "the diagram drawn as the reader neared it",
    )
    .await?;
    let after: f64 = page
        .js("return new Promise(done => requestAnimationFrame(() => requestAnimationFrame(() => \
                done(document.querySelector('.embed--diagram').nextElementSibling.getBoundingClientRect().top))));")
        .await?;
    let stayed = (after - before).abs() < 2.0;
    ensure!(
        stayed,
        "the text below the diagram moved from {before} to {after} px when the diagram arrived"
    );
    // A reader who scrolls to the diagram's start sees the diagram arrive there, not the text
    // after it.
    page.open("chapters/databases").await?;
    scroll_to_embed(page).await?;
    let before: f64 = page
        .js("return document.querySelector('.embed--diagram').getBoundingClientRect().top;")
        .await?;
    page.wait_for(
        "!!document.querySelector('.embed--diagram .diagram-svg .diagram-node')",
        "the diagram drawn where the reader is",
    )
    .await?;
    let after: f64 = page
        .js(
            "return new Promise(done => requestAnimationFrame(() => requestAnimationFrame(() => \
                done(document.querySelector('.embed--diagram').getBoundingClientRect().top))));",
        )
        .await?;
    page.set_viewport(1280, 800).await?;
    let kept = (after - before).abs() < 2.0;
    ensure!(
        kept,
        "the diagram's start moved from {before} to {after} px as it arrived under the reader"
    );
    Ok(())
}

/// Presses Next (as a tap on the sheet's button, without scrolling to it: it must already be on
/// screen) and waits for step `i` of `n`.
async fn next_step(page: &Page, i: usize, n: usize) -> TestResult {
    let reachable: bool = page
        .js(
            "const b = document.querySelector('.trace-forward').getBoundingClientRect(); \
             return b.top >= 0 && b.bottom <= innerHeight && b.left >= 0 && b.right <= innerWidth;",
        )
        .await?;
    ensure!(reachable, "Next is on screen before step {i}");
    page.js::<serde_json::Value>("document.querySelector('.trace-forward').click(); return null;")
        .await?;
    page.wait_for(
        &format!(
            "document.querySelector('.diagram-trace__step').textContent.startsWith('Step {i} of {n} ')"
        ),
        &format!("step {i} of {n}"),
    )
    .await
}

/// Every trace, followed with Next to its end: each step lights its part, draws an arrow from
/// the part its message comes from, shows its caption and its message; the last step disables
/// Next and counts the trace as followed on the progress page.
pub async fn every_trace_steps_to_its_end_with_direction_and_message(page: &Page) -> TestResult {
    page.open("diagram").await?;
    for scenario in diagram().scenarios {
        page.select("#trace-select", scenario.id).await?;
        let n = scenario.steps.len();
        for (index, step) in scenario.steps.iter().enumerate() {
            next_step(page, index + 1, n).await?;
            let seen: serde_json::Value = page
                .js(
                    "const f = document.querySelector('.diagram-flow'); return { \
                       active: [...document.querySelectorAll('.diagram-node.is-active')].map(n => n.dataset.node), \
                       from: f?.dataset.from ?? null, to: f?.dataset.to ?? null, \
                       arrow: f?.getAttribute('marker-end') ?? null, \
                       caption: document.querySelector('.diagram-trace__step').textContent, \
                       message: document.querySelector('.diagram-trace__message')?.textContent ?? '' };",
                )
                .await?;
            let at = format!("{} step {}", scenario.id, index + 1);
            ensure!(
                seen["active"] == serde_json::json!([step.node]),
                "{at} lights {}: {seen}",
                step.node
            );
            ensure!(
                seen["from"].as_str() == step.from
                    && (step.from.is_none() || seen["to"].as_str() == Some(step.node)),
                "{at}: the arrow runs from {:?} to {}: {seen}",
                step.from,
                step.node
            );
            ensure!(
                step.from.is_none()
                    || seen["arrow"]
                        .as_str()
                        .is_some_and(|a| a.contains("diagram-arrow")),
                "{at}: the line ends in an arrowhead: {seen}"
            );
            ensure!(
                seen["caption"]
                    .as_str()
                    .is_some_and(|c| c.contains(step.caption))
                    && seen["message"].as_str() == Some(step.message),
                "{at} shows its caption and message: {seen}"
            );
        }
        ensure!(
            page.js::<bool>("return document.querySelector('.trace-forward').disabled;")
                .await?,
            "{}: Next is disabled at the end",
            scenario.id
        );
    }
    page.open("progress").await?;
    let slot: String = page
        .js("return document.querySelector('[data-slot=diagram]').textContent;")
        .await?;
    let all = diagram().scenarios.len();
    ensure!(
        slot.contains(&format!("{all} request traces followed")),
        "the progress page counts every trace as followed: {slot}"
    );
    Ok(())
}

/// At 375 px (or the narrowest window the engine keeps) the drawing is the default view, fits
/// the width with no sideways scroll, and every label is drawn at 13 px or more, with the
/// parts stacked when the window is under 640 px.
pub async fn on_a_phone_the_drawing_fits_with_readable_labels(page: &Page) -> TestResult {
    page.set_viewport(375, 812).await?;
    page.open("diagram").await?;
    page.wait_for(
        "!!document.querySelector('.diagram-svg')",
        "the drawing, by default",
    )
    .await?;
    let width: f64 = page.js("return innerWidth;").await?;
    let narrow = width < 640.0;
    ensure!(
        page.js::<bool>(&format!(
            "return document.querySelector('.diagram-svg').classList.contains('diagram-svg--{}');",
            if narrow { "narrow" } else { "wide" }
        ))
        .await?,
        "the {} layout on a {width}px window",
        if narrow { "stacked" } else { "wide" }
    );
    for stack in ["", "csharp-aspnetcore-postgresql"] {
        page.select("#stack-select", stack).await?;
        let report: serde_json::Value = page
            .js(
                "const svg = document.querySelector('.diagram-svg'); \
                 const scale = svg.getScreenCTM().a; \
                 const texts = [...svg.querySelectorAll('text')].filter(t => t.textContent.trim()); \
                 const small = texts.map(t => [t.textContent, parseFloat(getComputedStyle(t).fontSize) * scale]) \
                   .filter(([, px]) => px < 12.95); \
                 const box = svg.getBoundingClientRect(); \
                 return { small, count: texts.length, right: box.right, \
                   overflow: document.documentElement.scrollWidth - innerWidth };",
            )
            .await?;
        ensure!(
            report["small"].as_array().is_some_and(Vec::is_empty)
                && report["count"].as_u64().unwrap_or(0) >= diagram().nodes.len() as u64,
            "every label is 13 px or more on a {width}px window ({stack}): {report}"
        );
        ensure!(
            report["overflow"].as_f64().unwrap_or(1.0) <= 0.5
                && report["right"].as_f64().unwrap_or(f64::MAX) <= width + 0.5,
            "the drawing fits a {width}px window: {report}"
        );
    }
    Ok(())
}

/// Stepping the longest trace keeps the lit part and the caption on screen together, the lit
/// part clear of the sticky header and of the trace sheet, on a phone and on a laptop.
pub async fn stepping_keeps_the_caption_and_the_lit_part_in_view(page: &Page) -> TestResult {
    let scenario = diagram()
        .scenarios
        .iter()
        .max_by_key(|s| s.steps.len())
        .ok_or("scenarios")?;
    for (w, h) in [(375, 812), (1280, 800)] {
        page.set_viewport(w, h).await?;
        page.open("diagram").await?;
        page.select("#trace-select", scenario.id).await?;
        let n = scenario.steps.len();
        for (index, step) in scenario.steps.iter().enumerate() {
            next_step(page, index + 1, n).await?;
            let check = format!(
                "const part = document.querySelector({}).getBoundingClientRect(); \
                 const header = document.querySelector('.site-header').getBoundingClientRect().bottom; \
                 const sheet = document.querySelector('.diagram-sheet').getBoundingClientRect(); \
                 const caption = document.querySelector('.diagram-trace__step').getBoundingClientRect(); \
                 const ok = part.top >= header - 1 && part.bottom <= sheet.top + 1 \
                   && caption.top >= header - 1 && caption.bottom <= innerHeight + 1; \
                 return {{ ok, part: [part.top, part.bottom], header, sheet: [sheet.top, sheet.bottom], \
                   caption: [caption.top, caption.bottom], inner: [innerWidth, innerHeight] }};",
                js_string(&node_box(step.node))
            );
            // Smooth scrolling may still be moving: give it up to 3 seconds.
            let mut seen = serde_json::Value::Null;
            for _ in 0..30 {
                seen = page.js(&check).await?;
                if seen["ok"] == true {
                    break;
                }
                tokio::time::sleep(std::time::Duration::from_millis(100)).await;
            }
            ensure!(
                seen["ok"] == true,
                "{w}×{h}: step {} ({}) and its caption both on screen: {seen}",
                index + 1,
                step.node
            );
        }
    }
    Ok(())
}

/// axe finds nothing mid-trace with a stack chosen, on a phone and on a laptop.
pub async fn the_diagram_mid_trace_passes_axe(page: &Page) -> TestResult {
    for (w, h) in [(375, 812), (1280, 800)] {
        page.set_viewport(w, h).await?;
        page.open("diagram").await?;
        page.select("#stack-select", "python-django-postgresql")
            .await?;
        page.select("#trace-select", "place-an-order").await?;
        for i in 1..=4 {
            next_step(
                page,
                i,
                diagram()
                    .scenario("place-an-order")
                    .ok_or("order")?
                    .steps
                    .len(),
            )
            .await?;
        }
        let violations = crate::audit::axe_violations(page).await?;
        ensure!(violations.is_empty(), "{w}×{h}: {violations:#?}");
    }
    Ok(())
}
