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
