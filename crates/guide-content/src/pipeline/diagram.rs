//! `content/diagram.toml` → a validated [`Diagram`] → Rust source.

use std::collections::{BTreeMap, HashSet};
use std::fmt::Write;

use serde::Deserialize;

use super::emit::emit_link_target;
use super::validate::check_link;
use super::{is_kebab_id, leak, leak_str, ContentError, SourceFile};
use crate::diagram::{Builder, Connection, Diagram, Node, Scenario, Side, Stack, Step};
use crate::{Block, Chapter, Embed, LinkTarget};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DiagramFile {
    nodes: Vec<NodeIn>,
    connections: Vec<ConnectionIn>,
    scenarios: Vec<ScenarioIn>,
    stacks: Vec<StackIn>,
    #[serde(default)]
    embeds: Vec<EmbedIn>,
}

/// A chapter's `::diagram`: the one trace it shows.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct EmbedIn {
    chapter: String,
    trace: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NodeIn {
    id: String,
    label: String,
    side: Side,
    builder: Builder,
    column: u8,
    row: u8,
    what: String,
    in_a_request: String,
    examples: Vec<String>,
    section: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ConnectionIn {
    id: String,
    from: String,
    to: String,
    label: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ScenarioIn {
    id: String,
    title: String,
    summary: String,
    steps: Vec<StepIn>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct StepIn {
    node: String,
    from: Option<String>,
    caption: String,
    message: String,
    #[serde(default)]
    message_for: BTreeMap<String, String>,
    #[serde(default)]
    needs_transaction: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct StackIn {
    id: String,
    name: String,
    transactions: bool,
    labels: BTreeMap<String, String>,
}

/// The columns of each side in the layout grid.
const FRONTEND_COLUMNS: std::ops::RangeInclusive<u8> = 0..=1;
const NETWORK_COLUMNS: std::ops::RangeInclusive<u8> = 2..=2;
const BACKEND_COLUMNS: std::ops::RangeInclusive<u8> = 3..=5;
const ROWS: std::ops::RangeInclusive<u8> = 0..=2;

/// Parses and validates the diagram against the guide's chapters (for its section links).
pub fn build_diagram(
    file: &SourceFile,
    chapters: &[Chapter],
) -> Result<Diagram, Vec<ContentError>> {
    let parsed = parse_file(file)?;
    let mut problems = Vec::new();
    let mut check = |ok: bool, message: String| {
        if !ok {
            problems.push(message);
        }
    };
    check_not_empty(&parsed, &mut check);
    let nodes = build_nodes(&parsed.nodes, chapters, &mut check);
    let node_ids: Vec<&str> = nodes.iter().map(|n| n.id).collect();
    let connections = build_connections(&parsed.connections, &node_ids, &mut check);
    let stacks = build_stacks(&parsed.stacks, &node_ids, &mut check);
    let scenarios = build_scenarios(
        &parsed.scenarios,
        &node_ids,
        &connections,
        &stacks,
        &mut check,
    );
    check_transactions(&scenarios, &stacks, &mut check);
    let embeds = build_embeds(&parsed.embeds, chapters, &scenarios, &mut check);
    if problems.is_empty() {
        Ok(Diagram {
            nodes: leak(nodes),
            connections: leak(connections),
            scenarios: leak(scenarios),
            stacks: leak(stacks),
            embeds: leak(embeds),
        })
    } else {
        Err(problems
            .into_iter()
            .map(|message| ContentError {
                file: file.path.clone(),
                line: None,
                message,
            })
            .collect())
    }
}

fn parse_file(file: &SourceFile) -> Result<DiagramFile, Vec<ContentError>> {
    toml::from_str(&file.text).map_err(|e| {
        let line = e
            .span()
            .map(|span| file.text[..span.start].matches('\n').count() + 1);
        vec![ContentError {
            file: file.path.clone(),
            line,
            message: format!("invalid diagram: {}", e.message()),
        }]
    })
}

/// The view opens on the first scenario and the first stack, and draws at least one part.
fn check_not_empty(parsed: &DiagramFile, check: &mut impl FnMut(bool, String)) {
    for (what, empty) in [
        ("nodes", parsed.nodes.is_empty()),
        ("scenarios", parsed.scenarios.is_empty()),
        ("stacks", parsed.stacks.is_empty()),
    ] {
        check(
            !empty,
            format!("the diagram needs at least one of its {what}"),
        );
    }
}

/// Ids kebab-case and unique, one node per grid cell on its side's columns, text filled in,
/// section links resolving.
fn build_nodes(
    parsed: &[NodeIn],
    chapters: &[Chapter],
    check: &mut impl FnMut(bool, String),
) -> Vec<Node> {
    let mut ids = HashSet::new();
    let mut cells = HashSet::new();
    let mut nodes = Vec::new();
    for n in parsed {
        check(
            is_kebab_id(&n.id),
            format!("node id `{}` must be lowercase-kebab", n.id),
        );
        check(
            ids.insert(n.id.as_str()),
            format!("duplicate node id `{}`", n.id),
        );
        check(
            cells.insert((n.column, n.row)),
            format!(
                "node `{}` shares column {} row {} with another node",
                n.id, n.column, n.row
            ),
        );
        let columns = match n.side {
            Side::Frontend => FRONTEND_COLUMNS,
            Side::Network => NETWORK_COLUMNS,
            Side::Backend => BACKEND_COLUMNS,
        };
        check(
            columns.contains(&n.column) && ROWS.contains(&n.row),
            format!(
                "node `{}` is outside its side's columns {columns:?} or rows {ROWS:?}",
                n.id
            ),
        );
        for (field, value) in [
            ("label", &n.label),
            ("what", &n.what),
            ("in_a_request", &n.in_a_request),
        ] {
            check(
                !value.trim().is_empty(),
                format!("node `{}` has an empty {field}", n.id),
            );
        }
        check(
            !n.examples.is_empty(),
            format!("node `{}` has no examples", n.id),
        );
        nodes.push(Node {
            id: leak_str(n.id.as_str()),
            label: leak_str(n.label.trim()),
            side: n.side,
            builder: n.builder,
            column: n.column,
            row: n.row,
            what: leak_str(n.what.trim()),
            in_a_request: leak_str(n.in_a_request.trim()),
            examples: leak(n.examples.iter().map(|e| leak_str(e.trim())).collect()),
            section: node_section(n, chapters, check),
        });
    }
    nodes
}

/// A node's "Read more" link: `/chapters/<id>#<anchor>`, resolving.
fn node_section(
    n: &NodeIn,
    chapters: &[Chapter],
    check: &mut impl FnMut(bool, String),
) -> LinkTarget {
    match parse_section(&n.section) {
        Some(target) => {
            if let Some(problem) = check_link(chapters, &target) {
                check(false, format!("node `{}`: {problem}", n.id));
            }
            target
        }
        None => {
            check(
                false,
                format!(
                    "node `{}`: section `{}` must look like /chapters/<id>#<anchor>",
                    n.id, n.section
                ),
            );
            LinkTarget::External("")
        }
    }
}

/// Ids kebab-case and unique; every connection joins two different existing nodes, and every
/// node has a connection.
fn build_connections(
    parsed: &[ConnectionIn],
    node_ids: &[&str],
    check: &mut impl FnMut(bool, String),
) -> Vec<Connection> {
    let mut ids = HashSet::new();
    let mut connections = Vec::new();
    for c in parsed {
        check(
            is_kebab_id(&c.id),
            format!("connection id `{}` must be lowercase-kebab", c.id),
        );
        check(
            ids.insert(c.id.as_str()),
            format!("duplicate connection id `{}`", c.id),
        );
        for end in [&c.from, &c.to] {
            check(
                node_ids.contains(&end.as_str()),
                format!("connection `{}` joins unknown node `{end}`", c.id),
            );
        }
        check(
            c.from != c.to,
            format!("connection `{}` joins a node to itself", c.id),
        );
        connections.push(Connection {
            id: leak_str(c.id.as_str()),
            from: leak_str(c.from.as_str()),
            to: leak_str(c.to.as_str()),
            label: leak_str(c.label.trim()),
        });
    }
    for n in node_ids {
        check(
            connections.iter().any(|c| c.touches(n)),
            format!("node `{n}` is not connected to anything"),
        );
    }
    connections
}

/// Ids kebab-case and unique, at least two steps, each naming an existing node, the node its
/// message comes from (if any: joined to it by a connection), a caption and a message (and
/// messages only for stacks that exist).
fn build_scenarios(
    parsed: &[ScenarioIn],
    node_ids: &[&str],
    connections: &[Connection],
    stacks: &[Stack],
    check: &mut impl FnMut(bool, String),
) -> Vec<Scenario> {
    let mut ids = HashSet::new();
    let mut scenarios = Vec::new();
    for s in parsed {
        check(
            is_kebab_id(&s.id),
            format!("scenario id `{}` must be lowercase-kebab", s.id),
        );
        check(
            ids.insert(s.id.as_str()),
            format!("duplicate scenario id `{}`", s.id),
        );
        check(
            s.steps.len() >= 2,
            format!("scenario `{}` needs at least 2 steps", s.id),
        );
        let steps = s
            .steps
            .iter()
            .enumerate()
            .map(|(i, step)| {
                let at = format!("scenario `{}` step {}", s.id, i + 1);
                build_step(step, &at, node_ids, connections, stacks, check)
            })
            .collect();
        scenarios.push(Scenario {
            id: leak_str(s.id.as_str()),
            title: leak_str(s.title.trim()),
            summary: leak_str(s.summary.trim()),
            steps: leak(steps),
        });
    }
    scenarios
}

fn build_step(
    step: &StepIn,
    at: &str,
    node_ids: &[&str],
    connections: &[Connection],
    stacks: &[Stack],
    check: &mut impl FnMut(bool, String),
) -> Step {
    check(
        node_ids.contains(&step.node.as_str()),
        format!("{at} names unknown node `{}`", step.node),
    );
    let connection = step.from.as_deref().and_then(|from| {
        if !node_ids.contains(&from) {
            check(false, format!("{at} comes from unknown node `{from}`"));
            return None;
        }
        if from == step.node {
            check(false, format!("{at} comes from its own node `{from}`"));
            return None;
        }
        let joining = connections
            .iter()
            .find(|c| c.other_end(from) == Some(step.node.as_str()));
        check(
            joining.is_some(),
            format!(
                "{at}: no connection joins `{from}` and `{}` for its message to travel",
                step.node
            ),
        );
        joining.map(|c| c.id)
    });
    for (field, value) in [("caption", &step.caption), ("message", &step.message)] {
        check(!value.trim().is_empty(), format!("{at} has no {field}"));
    }
    for (stack, message) in &step.message_for {
        check(
            stacks.iter().any(|s| s.id == stack),
            format!("{at} has a message for unknown stack `{stack}`"),
        );
        check(
            !message.trim().is_empty(),
            format!("{at} has an empty message for stack `{stack}`"),
        );
    }
    Step {
        node: leak_str(step.node.as_str()),
        from: step.from.as_deref().map(leak_str),
        connection,
        caption: leak_str(step.caption.trim()),
        message: leak_str(trim_message(&step.message)),
        stack_messages: leak(
            step.message_for
                .iter()
                .map(|(stack, m)| (leak_str(stack.as_str()), leak_str(trim_message(m))))
                .collect(),
        ),
        needs_transaction: step.needs_transaction,
    }
}

/// A message keeps its indentation; only blank lines around it go.
fn trim_message(message: &str) -> &str {
    message.trim_matches('\n').trim_end()
}

/// A stack whose database has no multi-table transactions cannot run a step that needs one.
fn check_transactions(
    scenarios: &[Scenario],
    stacks: &[Stack],
    check: &mut impl FnMut(bool, String),
) {
    for stack in stacks.iter().filter(|s| !s.transactions) {
        for scenario in scenarios {
            for (i, step) in scenario.steps.iter().enumerate() {
                check(
                    !step.needs_transaction,
                    format!(
                        "stack `{}` has no multi-table transactions, but scenario `{}` step {} needs one",
                        stack.id,
                        scenario.id,
                        i + 1
                    ),
                );
            }
        }
    }
}

/// Ids kebab-case and unique; every stack labels every node (in node order) and nothing else.
fn build_stacks(
    parsed: &[StackIn],
    node_ids: &[&str],
    check: &mut impl FnMut(bool, String),
) -> Vec<Stack> {
    let mut ids = HashSet::new();
    let mut stacks = Vec::new();
    for s in parsed {
        check(
            is_kebab_id(&s.id),
            format!("stack id `{}` must be lowercase-kebab", s.id),
        );
        check(
            ids.insert(s.id.as_str()),
            format!("duplicate stack id `{}`", s.id),
        );
        for n in node_ids {
            check(
                s.labels.get(*n).is_some_and(|l| !l.trim().is_empty()),
                format!("stack `{}` has no label for node `{n}`", s.id),
            );
        }
        for labelled in s.labels.keys() {
            check(
                node_ids.contains(&labelled.as_str()),
                format!("stack `{}` labels unknown node `{labelled}`", s.id),
            );
        }
        stacks.push(Stack {
            id: leak_str(s.id.as_str()),
            name: leak_str(s.name.trim()),
            transactions: s.transactions,
            labels: leak(
                node_ids
                    .iter()
                    .map(|n| {
                        let label = s.labels.get(*n).map_or("", |l| l.trim());
                        (leak_str(*n), leak_str(label))
                    })
                    .collect(),
            ),
        });
    }
    stacks
}

/// Every chapter with a `::diagram` names the trace it shows (an existing one), and only such
/// chapters do, once each.
fn build_embeds(
    parsed: &[EmbedIn],
    chapters: &[Chapter],
    scenarios: &[Scenario],
    check: &mut impl FnMut(bool, String),
) -> Vec<(&'static str, &'static str)> {
    let embeds_diagram = |c: &Chapter| {
        c.blocks
            .iter()
            .any(|b| matches!(b, Block::Embed(Embed::Diagram)))
    };
    let mut seen = HashSet::new();
    let mut embeds = Vec::new();
    for e in parsed {
        check(
            seen.insert(e.chapter.as_str()),
            format!("chapter `{}` has more than one embed entry", e.chapter),
        );
        check(
            scenarios.iter().any(|s| s.id == e.trace),
            format!("embed in `{}` names unknown trace `{}`", e.chapter, e.trace),
        );
        match chapters.iter().find(|c| c.id == e.chapter) {
            None => check(
                false,
                format!("embed names unknown chapter `{}`", e.chapter),
            ),
            Some(c) => check(
                embeds_diagram(c),
                format!(
                    "chapter `{}` has no `::diagram` line for its embed",
                    e.chapter
                ),
            ),
        }
        embeds.push((leak_str(e.chapter.as_str()), leak_str(e.trace.as_str())));
    }
    for c in chapters.iter().filter(|c| embeds_diagram(c)) {
        check(
            parsed.iter().any(|e| e.chapter == c.id),
            format!(
                "chapter `{}` embeds the diagram: name its trace in an [[embeds]] entry",
                c.id
            ),
        );
    }
    embeds
}

/// `/chapters/<id>` or `/chapters/<id>#<anchor>` as a link target (not yet checked to exist):
/// the diagram's and the glossary's section links.
pub(super) fn parse_section(path: &str) -> Option<LinkTarget> {
    let rest = path.strip_prefix("/chapters/")?;
    let (chapter, section) = match rest.split_once('#') {
        Some((chapter, section)) => (chapter, Some(section)),
        None => (rest, None),
    };
    Some(LinkTarget::Chapter {
        chapter: leak_str(chapter),
        section: section.map(leak_str),
    })
}

/// Rust source defining `pub static DIAGRAM`, the whole diagram (for native builds: the
/// prerenderer, host tests).
pub fn emit_diagram(d: &Diagram) -> String {
    let mut out =
        String::from("// Generated by build.rs from content/diagram.toml. Do not edit.\n");
    emit_diagram_value(&mut out, "DIAGRAM", d, Texts::Included);
    out
}

/// Rust source for what the app's main module knows of the diagram (`diagram_index.rs`):
/// `INDEX`, the diagram without its texts (see [`crate::diagram::texts`]), and `TEXTS_FILE`,
/// the name of the file that holds them (fetched by the diagram's views).
pub fn emit_diagram_index(d: &Diagram) -> Result<String, String> {
    let texts = crate::diagram::texts::encode(d)?;
    let mut out =
        String::from("// Generated by build.rs from content/diagram.toml. Do not edit.\n");
    emit_diagram_value(&mut out, "INDEX", d, Texts::LeftOut);
    let _ = writeln!(
        out,
        "/// The diagram's texts' file in the site.\npub const TEXTS_FILE: &str = {:?};",
        crate::diagram::texts::file_name(&texts)
    );
    Ok(out)
}

/// Whether an emitted diagram carries its texts, or leaves them empty (the index).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Texts {
    Included,
    LeftOut,
}

impl Texts {
    /// A text of [`crate::diagram::texts`], or nothing.
    fn text(self, t: &'static str) -> &'static str {
        if self == Texts::Included {
            t
        } else {
            ""
        }
    }

    /// A list of texts of [`crate::diagram::texts`], or none.
    fn list<T>(self, items: &'static [T]) -> &'static [T] {
        if self == Texts::Included {
            items
        } else {
            &[]
        }
    }
}

fn emit_diagram_value(out: &mut String, name: &str, d: &Diagram, texts: Texts) {
    let text = |t| texts.text(t);
    let _ = write!(
        out,
        "pub static {name}: ::guide_content::diagram::Diagram = ::guide_content::diagram::Diagram {{\n nodes: &[\n"
    );
    for n in d.nodes {
        emit_node(out, n, texts);
    }
    out.push_str("], connections: &[\n");
    for c in d.connections {
        let _ = writeln!(
            out,
            "::guide_content::diagram::Connection {{ id: {:?}, from: {:?}, to: {:?}, label: {:?} }},",
            c.id, c.from, c.to, text(c.label)
        );
    }
    out.push_str("], scenarios: &[\n");
    for s in d.scenarios {
        let _ =
            write!(
            out,
            "::guide_content::diagram::Scenario {{ id: {:?}, title: {:?}, summary: {:?}, steps: &[",
            s.id, s.title, text(s.summary)
        );
        for step in s.steps {
            let _ = write!(
                out,
                "::guide_content::diagram::Step {{ node: {:?}, from: {:?}, connection: {:?}, caption: {:?}, message: {:?}, stack_messages: &{:?}, needs_transaction: {:?} }},",
                step.node, step.from, step.connection, text(step.caption), text(step.message), texts.list(step.stack_messages), step.needs_transaction
            );
        }
        out.push_str("] },\n");
    }
    out.push_str("], stacks: &[\n");
    for s in d.stacks {
        let _ = writeln!(
            out,
            "::guide_content::diagram::Stack {{ id: {:?}, name: {:?}, transactions: {:?}, labels: &{:?} }},",
            s.id, s.name, s.transactions, texts.list(s.labels)
        );
    }
    let _ = writeln!(out, "], embeds: &{:?} }};", d.embeds);
}

fn emit_node(out: &mut String, n: &Node, texts: Texts) {
    let side = match n.side {
        Side::Frontend => "Frontend",
        Side::Network => "Network",
        Side::Backend => "Backend",
    };
    let builder = match n.builder {
        Builder::Frontend => "Frontend",
        Builder::Backend => "Backend",
        Builder::Both => "Both",
    };
    let _ = write!(
        out,
        "::guide_content::diagram::Node {{ id: {:?}, label: {:?}, side: ::guide_content::diagram::Side::{side}, builder: ::guide_content::diagram::Builder::{builder}, column: {}, row: {}, what: {:?}, in_a_request: {:?}, examples: &{:?}, section: ",
        n.id, n.label, n.column, n.row, texts.text(n.what), texts.text(n.in_a_request), texts.list(n.examples)
    );
    emit_link_target(out, &n.section);
    out.push_str(" },\n");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pipeline::build_chapters;

    fn chapters() -> Vec<Chapter> {
        let intro = crate::pipeline::tests::chapter("intro", 1, "## Servers {#servers}\n\nText.");
        let flow = crate::pipeline::tests::chapter("flow", 2, "## Flow {#flow}\n\n::diagram\n");
        build_chapters(&[intro, flow]).expect("valid chapters")
    }

    const VALID: &str = r#"
[[nodes]]
id = "browser"
label = "Browser"
side = "frontend"
builder = "frontend"
column = 0
row = 1
what = "Shows pages."
in_a_request = "Sends the request."
examples = ["Firefox"]
section = "/chapters/intro#servers"

[[nodes]]
id = "database"
label = "Database"
side = "backend"
builder = "backend"
column = 4
row = 1
what = "Keeps data."
in_a_request = "Answers the query."
examples = ["PostgreSQL"]
section = "/chapters/intro"

[[connections]]
id = "browser-to-database"
from = "browser"
to = "database"
label = "asks"

[[scenarios]]
id = "look-up"
title = "Look up"
summary = "A lookup."
[[scenarios.steps]]
node = "database"
from = "browser"
caption = "The browser asks."
message = "SELECT 1;"
needs_transaction = true
[scenarios.steps.message_for]
plain = "SELECT 1 FROM dual;"
[[scenarios.steps]]
node = "browser"
caption = "The browser shows the answer."
message = "<p>1</p>"

[[stacks]]
id = "plain"
name = "Plain"
transactions = true
[stacks.labels]
browser = "Browser"
database = "SQLite"

[[embeds]]
chapter = "flow"
trace = "look-up"
"#;

    fn build(text: &str) -> Result<Diagram, Vec<String>> {
        let file = SourceFile {
            path: "content/diagram.toml".into(),
            text: text.into(),
        };
        build_diagram(&file, &chapters()).map_err(|e| e.iter().map(ToString::to_string).collect())
    }

    fn errors(text: &str) -> Vec<String> {
        build(text).expect_err("the diagram is rejected")
    }

    #[test]
    fn a_valid_diagram_is_built_and_emitted() {
        let d = build(VALID).expect("valid");
        assert_eq!(d.nodes.len(), 2);
        assert_eq!(d.node("database").unwrap().examples, ["PostgreSQL"]);
        assert_eq!(d.stack("plain").unwrap().label("database"), Some("SQLite"));
        let step = d.scenarios[0].steps[0];
        assert_eq!(step.connection, Some("browser-to-database"));
        assert_eq!(step.from, Some("browser"));
        assert_eq!(step.message_for(None), "SELECT 1;");
        assert_eq!(step.message_for(Some("plain")), "SELECT 1 FROM dual;");
        assert_eq!(step.message_for(Some("other")), "SELECT 1;");
        assert!(step.needs_transaction);
        assert!(!d.scenarios[0].steps[1].needs_transaction);
        assert_eq!(
            d.node("browser").unwrap().section,
            LinkTarget::Chapter {
                chapter: "intro",
                section: Some("servers")
            }
        );
        let source = emit_diagram(&d);
        assert!(source.contains("pub static DIAGRAM"));
        assert!(source.contains("\"SQLite\""));
        let index = emit_diagram_index(&d).expect("the texts can be written");
        assert!(index.contains("pub static INDEX") && index.contains("name: \"Plain\""));
        assert!(!index.contains("\"SQLite\""), "the stack labels are texts");
        assert!(!index.contains("SELECT 1") && !index.contains("Shows pages."));
        let texts = crate::diagram::texts::encode(&d).unwrap();
        let name = crate::diagram::texts::file_name(&texts);
        assert!(index.contains(&format!("pub const TEXTS_FILE: &str = {name:?};")));
        let texts: &'static str = Box::leak(texts.into_boxed_str());
        assert_eq!(crate::diagram::texts::decode(texts, &d), Some(d));
    }

    #[test]
    fn a_diagram_text_with_a_control_character_fails_the_build() {
        let d = build(&VALID.replace("Shows pages.", "Shows\\u001Epages.")).expect("valid");
        let e = emit_diagram_index(&d).unwrap_err();
        assert!(e.contains("separator character"), "{e}");
    }

    #[test]
    fn connections_must_join_existing_nodes() {
        let text = VALID.replace("to = \"database\"", "to = \"cache\"");
        let e = errors(&text);
        assert!(
            e.iter()
                .any(|m| m.contains("connection `browser-to-database` joins unknown node `cache`")),
            "{e:?}"
        );
    }

    #[test]
    fn steps_must_name_existing_parts_joined_by_a_connection() {
        let e = errors(&VALID.replace("node = \"browser\"\ncaption", "node = \"queue\"\ncaption"));
        assert!(
            e.iter()
                .any(|m| m.contains("scenario `look-up` step 2 names unknown node `queue`")),
            "{e:?}"
        );
        let e = errors(&VALID.replace("from = \"browser\"", "from = \"nowhere\""));
        assert!(
            e.iter()
                .any(|m| m.contains("step 1 comes from unknown node `nowhere`")),
            "{e:?}"
        );
        let e = errors(&VALID.replace("from = \"browser\"", "from = \"database\""));
        assert!(
            e.iter()
                .any(|m| m.contains("step 1 comes from its own node `database`")),
            "{e:?}"
        );
        // Two parts with no connection between them: the message has no way to travel.
        let unconnected = VALID.replace(
            "[[connections]]",
            "[[nodes]]\nid = \"cache\"\nlabel = \"Cache\"\nside = \"backend\"\nbuilder = \"backend\"\ncolumn = 5\nrow = 0\nwhat = \"Keeps copies.\"\nin_a_request = \"Answers fast.\"\nexamples = [\"Redis\"]\nsection = \"/chapters/intro\"\n\n[[connections]]\nid = \"cache-to-database\"\nfrom = \"cache\"\nto = \"database\"\nlabel = \"x\"\n\n[[connections]]",
        )
        .replace("database = \"SQLite\"\n", "database = \"SQLite\"\ncache = \"Redis\"\n")
        .replace(
            "node = \"database\"\nfrom = \"browser\"",
            "node = \"browser\"\nfrom = \"cache\"",
        );
        let e = errors(&unconnected);
        assert_eq!(
            e,
            ["content/diagram.toml: scenario `look-up` step 1: no connection joins `cache` and `browser` for its message to travel"]
        );
    }

    #[test]
    fn every_step_shows_a_message_and_stack_messages_name_stacks() {
        let e = errors(&VALID.replace("message = \"<p>1</p>\"", "message = \"  \""));
        assert!(
            e.iter().any(|m| m.contains("step 2 has no message")),
            "{e:?}"
        );
        let e = errors(&VALID.replace("plain = \"SELECT 1 FROM dual;\"", "fancy = \"SELECT 1;\""));
        assert!(
            e.iter()
                .any(|m| m.contains("step 1 has a message for unknown stack `fancy`")),
            "{e:?}"
        );
        let e = errors(&VALID.replace("message = \"<p>1</p>\"\n", ""));
        assert!(
            e.iter().any(|m| m.contains("invalid diagram")),
            "a step without a message does not parse: {e:?}"
        );
    }

    #[test]
    fn a_stack_without_transactions_cannot_run_a_step_that_needs_one() {
        assert!(build(VALID).is_ok());
        let e = errors(&VALID.replace("transactions = true", "transactions = false"));
        assert_eq!(
            e,
            ["content/diagram.toml: stack `plain` has no multi-table transactions, but scenario `look-up` step 1 needs one"]
        );
        // Without the step's need, the same stack is fine.
        let relaxed = VALID
            .replace("transactions = true", "transactions = false")
            .replace("needs_transaction = true\n", "");
        assert!(build(&relaxed).is_ok());
        // Every stack says whether its database has them.
        let e = errors(&VALID.replace("transactions = true\n", ""));
        assert!(e.iter().any(|m| m.contains("invalid diagram")), "{e:?}");
    }

    #[test]
    fn a_chapter_that_embeds_the_diagram_names_an_existing_trace() {
        let d = build(VALID).expect("valid");
        assert_eq!(d.embeds, [("flow", "look-up")]);
        assert_eq!(d.embedded_trace("flow").map(|s| s.id), Some("look-up"));
        assert_eq!(d.embedded_trace("intro"), None);
        let e = errors(&VALID.replace("trace = \"look-up\"", "trace = \"nowhere\""));
        assert!(
            e.iter()
                .any(|m| m.contains("embed in `flow` names unknown trace `nowhere`")),
            "{e:?}"
        );
        let e = errors(&VALID.replace("chapter = \"flow\"", "chapter = \"intro\""));
        assert!(
            e.iter()
                .any(|m| m.contains("chapter `intro` has no `::diagram` line")),
            "{e:?}"
        );
        assert!(
            e.iter()
                .any(|m| m.contains("chapter `flow` embeds the diagram: name its trace")),
            "{e:?}"
        );
        let source = emit_diagram(&d);
        assert!(
            source.contains("embeds: &[(\"flow\", \"look-up\")]"),
            "{source}"
        );
    }

    #[test]
    fn messages_keep_their_indentation() {
        let text = VALID.replace(
            "message = \"SELECT 1;\"",
            "message = \"\"\"\nSELECT 1\n  FROM t;\n\"\"\"",
        );
        let d = build(&text).expect("valid");
        assert_eq!(d.scenarios[0].steps[0].message, "SELECT 1\n  FROM t;");
    }

    #[test]
    fn every_stack_labels_every_node() {
        let e = errors(&VALID.replace("database = \"SQLite\"\n", "cache = \"Redis\"\n"));
        assert!(
            e.iter()
                .any(|m| m.contains("stack `plain` has no label for node `database`")),
            "{e:?}"
        );
        assert!(
            e.iter()
                .any(|m| m.contains("stack `plain` labels unknown node `cache`")),
            "{e:?}"
        );
    }

    #[test]
    fn section_links_must_resolve() {
        let e = errors(&VALID.replace("/chapters/intro#servers", "/chapters/intro#clients"));
        assert!(
            e.iter().any(|m| m
                .contains("node `browser`: link to unknown section `#clients` of chapter `intro`")),
            "{e:?}"
        );
        let e = errors(&VALID.replace("section = \"/chapters/intro\"", "section = \"intro.md\""));
        assert!(
            e.iter()
                .any(|m| m.contains("must look like /chapters/<id>#<anchor>")),
            "{e:?}"
        );
    }

    #[test]
    fn a_diagram_without_nodes_scenarios_or_stacks_is_rejected() {
        let e = errors("nodes = []\nconnections = []\nscenarios = []\nstacks = []\n");
        for what in ["nodes", "scenarios", "stacks"] {
            let expected =
                format!("content/diagram.toml: the diagram needs at least one of its {what}");
            assert!(e.contains(&expected), "{what}: {e:?}");
        }
        let start = VALID.find("[[scenarios]]").unwrap();
        let end = VALID.find("[[stacks]]").unwrap();
        let no_scenarios = format!("scenarios = []\n{}{}", &VALID[..start], &VALID[end..]);
        let e = errors(&no_scenarios);
        assert!(
            e.iter()
                .any(|m| m
                    == "content/diagram.toml: the diagram needs at least one of its scenarios"),
            "{e:?}"
        );
    }

    #[test]
    fn layout_and_ids_are_checked() {
        let e = errors(&VALID.replace("column = 4", "column = 2"));
        assert!(
            e.iter()
                .any(|m| m.contains("node `database` is outside its side's columns")),
            "{e:?}"
        );
        let e = errors(&VALID.replace("id = \"database\"", "id = \"browser\""));
        assert!(
            e.iter().any(|m| m.contains("duplicate node id `browser`")),
            "{e:?}"
        );
        let e = errors("[[nodes]]\nid = 3\n");
        assert!(
            e.iter()
                .any(|m| m.starts_with("content/diagram.toml:") && m.contains("invalid diagram")),
            "{e:?}"
        );
    }
}
