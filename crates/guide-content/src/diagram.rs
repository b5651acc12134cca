//! The frontend/backend diagram as ready-to-draw, `'static` data (from `content/diagram.toml`,
//! validated at build time: every connection joins existing nodes, every step names existing
//! parts, every stack labels every node, every link resolves).

use crate::LinkTarget;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Diagram {
    pub nodes: &'static [Node],
    pub connections: &'static [Connection],
    pub scenarios: &'static [Scenario],
    pub stacks: &'static [Stack],
}

/// One part of a web application.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Node {
    pub id: &'static str,
    /// The generic role, e.g. "Database".
    pub label: &'static str,
    pub side: Side,
    pub builder: Builder,
    /// Layout grid: columns 0–1 are the frontend, 2–4 the backend; rows 0–2.
    pub column: u8,
    pub row: u8,
    pub what: &'static str,
    pub in_a_request: &'static str,
    pub examples: &'static [&'static str],
    /// The guide section that explains it.
    pub section: LinkTarget,
}

/// In `content/diagram.toml`: `frontend`, `backend`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "pipeline", derive(serde::Deserialize))]
#[cfg_attr(feature = "pipeline", serde(rename_all = "lowercase"))]
pub enum Side {
    Frontend,
    Backend,
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
    /// The active node.
    pub node: &'static str,
    /// The connection in use, if any (it touches `node`).
    pub connection: Option<&'static str>,
    pub caption: &'static str,
}

/// The same diagram relabelled for one technology stack.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stack {
    pub id: &'static str,
    pub name: &'static str,
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
