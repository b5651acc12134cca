//! The interactive frontend/backend diagram: panel by mouse and keyboard, arrow keys along
//! connections, request traces, stacks, the list view, progress, the chapter embed.

use std::path::Path;
use std::sync::OnceLock;

use fantoccini::key::Key;
use guide_content::diagram::Diagram;
use guide_content::pipeline::{build_diagram, SourceFile};

use crate::ensure;
use crate::page::{js_string, Page, TestResult};

/// The diagram as the content pipeline sees it: what the page must show.
fn diagram() -> &'static Diagram {
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
    page.tab_to(&node_selector(first), 30).await?;
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

    // The browser's connection to the right crosses the network to the web server.
    page.js::<serde_json::Value>(&format!(
        "document.querySelector({}).focus(); return null;",
        js_string(&node_selector("browser"))
    ))
    .await?;
    page.press(Key::Right).await?;
    page.wait_for(
        "document.activeElement?.dataset?.node === 'web-server'",
        "ArrowRight to follow the connection to the web server",
    )
    .await?;
    page.press(Key::Right).await?;
    page.wait_for(
        "document.activeElement?.dataset?.node === 'app'",
        "ArrowRight to go on to the application",
    )
    .await?;
    page.press(Key::Left).await?;
    page.wait_for(
        "document.activeElement?.dataset?.node === 'web-server'",
        "ArrowLeft to come back",
    )
    .await?;
    page.press(Key::Space).await?;
    let web_server = diagram().node("web-server").ok_or("web server")?.label;
    page.wait_for(
        &format!(
            "document.getElementById('diagram-panel-title')?.textContent === {}",
            js_string(web_server)
        ),
        "Space to open the web server's panel",
    )
    .await?;
    // Only one part at a time is in the Tab order (roving tabindex).
    let tabbable: usize = page
        .js("return document.querySelectorAll('.diagram-node[tabindex=\"0\"]').length;")
        .await?;
    ensure!(tabbable == 1, "{tabbable} parts in the Tab order");
    Ok(())
}

pub async fn a_trace_plays_to_its_end_and_steps_back(page: &Page) -> TestResult {
    page.open("diagram").await?;
    let scenario = diagram()
        .scenarios
        .iter()
        .min_by_key(|s| s.steps.len())
        .ok_or("scenarios")?;
    page.select("#trace-select", scenario.id).await?;
    let n = scenario.steps.len();
    page.click(".trace-play").await?;
    page.wait_for(
        "document.querySelectorAll('.diagram-node.is-active').length === 1",
        "the first step to highlight a part",
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

pub async fn switching_the_stack_relabels_the_parts(page: &Page) -> TestResult {
    page.open("diagram").await?;
    let label_of = |id: &str| {
        format!(
            "document.querySelector(\"{} .diagram-node__label\").textContent",
            node_selector(id).replace('"', "\\\"")
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
                text.contains(step.caption),
                "the list holds step “{}”",
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

pub async fn the_chapter_on_frontend_and_backend_embeds_the_diagram(page: &Page) -> TestResult {
    page.open("chapters/frontend-vs-backend").await?;
    let nodes: usize = page
        .js("return document.querySelectorAll('.embed--diagram .diagram-node').length;")
        .await?;
    ensure!(
        nodes == diagram().nodes.len(),
        "{nodes} parts in the embedded diagram"
    );
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
