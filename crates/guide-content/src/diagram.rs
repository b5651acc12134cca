//! The frontend/backend diagram as ready-to-draw, `'static` data (from `content/diagram.toml`,
//! validated at build time: every connection joins existing nodes, every step names existing
//! parts joined by a connection and shows a message, every stack labels every node and can run
//! every step (a step needing a multi-table transaction needs a database that has them), every
//! link resolves).

use crate::LinkTarget;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Diagram {
    pub nodes: &'static [Node],
    pub connections: &'static [Connection],
    pub scenarios: &'static [Scenario],
    pub stacks: &'static [Stack],
    /// `(chapter id, trace id)`: the one compact trace a chapter's `::diagram` shows.
    pub embeds: &'static [(&'static str, &'static str)],
}

/// One part of a web application.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Node {
    pub id: &'static str,
    /// The generic role, e.g. "Database".
    pub label: &'static str,
    pub side: Side,
    pub builder: Builder,
    /// Layout grid: columns 0–1 are the frontend, 2 the network between, 3–5 the backend;
    /// rows 0–2.
    pub column: u8,
    pub row: u8,
    pub what: &'static str,
    pub in_a_request: &'static str,
    pub examples: &'static [&'static str],
    /// The guide section that explains it.
    pub section: LinkTarget,
}

/// In `content/diagram.toml`: `frontend` (on the user's device), `network` (between: DNS, a
/// CDN), `backend` (the shop's servers and the services they call).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "pipeline", derive(serde::Deserialize))]
#[cfg_attr(feature = "pipeline", serde(rename_all = "lowercase"))]
pub enum Side {
    Frontend,
    Network,
    Backend,
}

impl Side {
    /// In that order, top to bottom on a phone and left to right on a wide screen.
    pub const ALL: [Side; 3] = [Side::Frontend, Side::Network, Side::Backend];
}

/// Who builds and looks after a part. In `content/diagram.toml`: `frontend`, `backend`, `both`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "pipeline", derive(serde::Deserialize))]
#[cfg_attr(feature = "pipeline", serde(rename_all = "lowercase"))]
pub enum Builder {
    Frontend,
    Backend,
    Both,
}

impl Builder {
    pub fn describe(self) -> &'static str {
        match self {
            Builder::Frontend => "Frontend developers",
            Builder::Backend => "Backend developers",
            Builder::Both => "Frontend and backend developers together",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Connection {
    pub id: &'static str,
    pub from: &'static str,
    pub to: &'static str,
    pub label: &'static str,
}

impl Connection {
    pub fn touches(&self, node: &str) -> bool {
        self.from == node || self.to == node
    }

    /// The node at the other end, if `node` is one end.
    pub fn other_end(&self, node: &str) -> Option<&'static str> {
        if self.from == node {
            Some(self.to)
        } else if self.to == node {
            Some(self.from)
        } else {
            None
        }
    }
}

/// A request traced step by step through the parts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Scenario {
    pub id: &'static str,
    pub title: &'static str,
    pub summary: &'static str,
    pub steps: &'static [Step],
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Step {
    /// The active node: where the step's message arrives, or where the work happens.
    pub node: &'static str,
    /// The node the message comes from, if it travels (joined to `node` by `connection`).
    pub from: Option<&'static str>,
    /// The connection in use (derived from `from` and `node`).
    pub connection: Option<&'static str>,
    pub caption: &'static str,
    /// What a developer would see: a request, a response, an SQL statement, a queue message.
    pub message: &'static str,
    /// `(stack id, message)` where a stack shows something else (its router line, its SQL).
    pub stack_messages: &'static [(&'static str, &'static str)],
    /// The step runs a transaction across several tables.
    pub needs_transaction: bool,
}

impl Step {
    /// The message as shown with a stack chosen (or with roles only).
    pub fn message_for(&self, stack: Option<&str>) -> &'static str {
        stack
            .and_then(|id| self.stack_messages.iter().find(|(s, _)| *s == id))
            .map_or(self.message, |(_, m)| *m)
    }
}

/// The same diagram relabelled for one technology stack.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stack {
    pub id: &'static str,
    pub name: &'static str,
    /// Its database runs transactions across several tables.
    pub transactions: bool,
    /// `(node id, label)` for every node, in node order.
    pub labels: &'static [(&'static str, &'static str)],
}

impl Stack {
    pub fn label(&self, node: &str) -> Option<&'static str> {
        self.labels
            .iter()
            .find(|(id, _)| *id == node)
            .map(|(_, l)| *l)
    }
}

impl Diagram {
    /// The trace a chapter embeds.
    pub fn embedded_trace(&self, chapter: &str) -> Option<&'static Scenario> {
        let (_, trace) = self.embeds.iter().find(|(c, _)| *c == chapter)?;
        self.scenario(trace)
    }

    pub fn scenario(&self, id: &str) -> Option<&'static Scenario> {
        self.scenarios.iter().find(|s| s.id == id)
    }

    pub fn node(&self, id: &str) -> Option<&'static Node> {
        self.nodes.iter().find(|n| n.id == id)
    }

    pub fn connection(&self, id: &str) -> Option<&'static Connection> {
        self.connections.iter().find(|c| c.id == id)
    }

    pub fn stack(&self, id: &str) -> Option<&'static Stack> {
        self.stacks.iter().find(|s| s.id == id)
    }

    /// Connections that touch a node.
    pub fn connections_of<'a>(
        &'a self,
        node: &'a str,
    ) -> impl Iterator<Item = &'static Connection> + 'a {
        self.connections.iter().filter(move |c| c.touches(node))
    }
}

/// The diagram's texts as one file (`data/diagram-<hash>.txt` in the site, a
/// [`crate::text_file`]), which the diagram's views fetch with their chunk instead of carrying
/// the texts in the app's main module. The main module keeps the diagram's index: the same
/// [`Diagram`] with every text below left empty (ids, names, sides, the grid, links, each
/// step's parts), which is what the home page's preview and the progress page use.
///
/// One record per node (`id`, `what`, `in_a_request`, the examples), per connection (`id`,
/// `label`), per trace (`id`, `summary`), followed by one per step (`caption`, `message`, then
/// stack id and message pairs), and per stack (`id`, then node id and label pairs), in the
/// index's order.
pub mod texts {
    use super::{Connection, Diagram, Node, Scenario, Stack, Step};
    use crate::text_file::{self, Fields};

    /// The texts of `d` as the file's text. Fails naming a text that holds a separator
    /// character (U+001E, U+001F).
    pub fn encode(d: &Diagram) -> Result<String, String> {
        let mut records: Vec<Vec<&str>> = Vec::new();
        for n in d.nodes {
            records.push(
                [n.id, n.what, n.in_a_request]
                    .into_iter()
                    .chain(n.examples.iter().copied())
                    .collect(),
            );
        }
        for c in d.connections {
            records.push(vec![c.id, c.label]);
        }
        for s in d.scenarios {
            records.push(vec![s.id, s.summary]);
            for step in s.steps {
                let pairs = step.stack_messages.iter().flat_map(|(s, m)| [*s, *m]);
                records.push(
                    [step.caption, step.message]
                        .into_iter()
                        .chain(pairs)
                        .collect(),
                );
            }
        }
        for s in d.stacks {
            let pairs = s.labels.iter().flat_map(|(n, l)| [*n, *l]);
            records.push([s.id].into_iter().chain(pairs).collect());
        }
        text_file::write(records).map_err(|bad| {
            format!("the diagram: a separator character (U+001E, U+001F) in {bad:?} cannot go into its texts' file")
        })
    }

    /// The diagram `index` with its texts from `text` (kept for the page's lifetime: the
    /// diagram borrows from it), if `text` holds exactly the texts of `index`'s parts, traces,
    /// steps and stacks, in its order, with stack messages and labels only for stacks and
    /// nodes it has. `None` for anything else (a damaged file, another build's); never panics.
    pub fn decode(text: &'static str, index: &Diagram) -> Option<Diagram> {
        let mut records = text_file::records(text)?;
        let mut next = |id: Option<&str>| {
            let mut fields = records.next()?;
            match id {
                Some(id) => (fields.next()? == id).then_some(fields),
                None => Some(fields),
            }
        };
        let nodes = index
            .nodes
            .iter()
            .map(|n| node(n, next(Some(n.id))?))
            .collect::<Option<Vec<_>>>()?;
        let connections = index
            .connections
            .iter()
            .map(|c| {
                let label = single(next(Some(c.id))?)?;
                Some(Connection { label, ..*c })
            })
            .collect::<Option<Vec<_>>>()?;
        let mut scenarios = Vec::with_capacity(index.scenarios.len());
        for s in index.scenarios {
            let summary = single(next(Some(s.id))?)?;
            let steps = s
                .steps
                .iter()
                .map(|step| self::step(step, next(None)?, index))
                .collect::<Option<Vec<_>>>()?;
            scenarios.push(Scenario {
                summary,
                steps: leak(steps),
                ..*s
            });
        }
        let stacks = index
            .stacks
            .iter()
            .map(|s| {
                let labels = pairs(next(Some(s.id))?, |n| index.node(n).is_some())?;
                Some(Stack { labels, ..*s })
            })
            .collect::<Option<Vec<_>>>()?;
        if records.next().is_some() {
            return None;
        }
        Some(Diagram {
            nodes: leak(nodes),
            connections: leak(connections),
            scenarios: leak(scenarios),
            stacks: leak(stacks),
            embeds: index.embeds,
        })
    }

    fn node(n: &Node, mut fields: Fields) -> Option<Node> {
        let (what, in_a_request) = (fields.next()?, fields.next()?);
        Some(Node {
            what,
            in_a_request,
            examples: leak(fields.collect()),
            ..*n
        })
    }

    fn step(step: &Step, mut fields: Fields, index: &Diagram) -> Option<Step> {
        let (caption, message) = (fields.next()?, fields.next()?);
        let stack_messages = pairs(fields, |s| index.stack(s).is_some())?;
        Some(Step {
            caption,
            message,
            stack_messages,
            ..*step
        })
    }

    /// The one field left.
    fn single(mut fields: Fields) -> Option<&'static str> {
        let field = fields.next()?;
        fields.next().is_none().then_some(field)
    }

    /// The fields left as `(key, text)` pairs, each key one that `known` accepts.
    fn pairs(
        fields: Fields,
        known: impl Fn(&str) -> bool,
    ) -> Option<&'static [(&'static str, &'static str)]> {
        let fields: Vec<&'static str> = fields.collect();
        if !fields.len().is_multiple_of(2) {
            return None;
        }
        let pairs = fields
            .chunks(2)
            .map(|p| known(p[0]).then_some((p[0], p[1])))
            .collect::<Option<Vec<_>>>()?;
        Some(leak(pairs))
    }

    fn leak<T>(items: Vec<T>) -> &'static [T] {
        Box::leak(items.into_boxed_slice())
    }

    /// The texts' file name in the site, from its text (`data/diagram-<hash>.txt`).
    pub fn file_name(text: &str) -> String {
        text_file::hashed_name("diagram", text)
    }
}
