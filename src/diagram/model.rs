//! Pure logic of the diagram: where arrow keys lead, the trace player, and the drawing geometry.

use guide_content::diagram::{Diagram, Node};

/// An arrow key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Left,
    Right,
    Up,
    Down,
}

impl Direction {
    pub fn from_key(key: &str) -> Option<Self> {
        match key {
            "ArrowLeft" => Some(Direction::Left),
            "ArrowRight" => Some(Direction::Right),
            "ArrowUp" => Some(Direction::Up),
            "ArrowDown" => Some(Direction::Down),
            _ => None,
        }
    }
}

/// The node an arrow key moves to from `from`: among the nodes connected to it that lie in
/// that direction, the one most nearly straight ahead (then the nearest); `None` (focus
/// stays) when no connection leads that way.
pub fn neighbour(diagram: &Diagram, from: &str, direction: Direction) -> Option<&'static str> {
    let here = diagram.node(from)?;
    diagram
        .connections_of(from)
        .filter_map(|c| c.other_end(from))
        .filter_map(|id| diagram.node(id))
        .filter_map(|there| {
            let dx = i32::from(there.column) - i32::from(here.column);
            let dy = i32::from(there.row) - i32::from(here.row);
            let (ahead, aside) = match direction {
                Direction::Right => (dx, dy),
                Direction::Left => (-dx, dy),
                Direction::Down => (dy, dx),
                Direction::Up => (-dy, dx),
            };
            (ahead > 0).then_some((ahead + 3 * aside.abs(), there.id))
        })
        .min()
        .map(|(_, id)| id)
}

/// Playback of one request trace.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Player {
    /// The current step, or `None` before the trace starts.
    pub step: Option<usize>,
    pub playing: bool,
}

impl Player {
    /// Moves one step on; returns whether it moved. Stops playing at the last step.
    pub fn forward(&mut self, steps: usize) -> bool {
        let next = self.step.map_or(0, |s| s + 1);
        if next < steps {
            self.step = Some(next);
            if next + 1 == steps {
                self.playing = false;
            }
            true
        } else {
            self.playing = false;
            false
        }
    }

    pub fn back(&mut self) {
        self.playing = false;
        self.step = match self.step {
            Some(0) | None => None,
            Some(s) => Some(s - 1),
        };
    }

    pub fn restart(&mut self) {
        *self = Player::default();
    }

    /// Play from the start if finished (or not started), else resume.
    pub fn play(&mut self, steps: usize) {
        if self.at_end(steps) {
            self.step = None;
        }
        self.playing = true;
        if self.step.is_none() {
            self.forward(steps);
        }
    }

    pub fn pause(&mut self) {
        self.playing = false;
    }

    pub fn at_end(&self, steps: usize) -> bool {
        self.step.is_some_and(|s| s + 1 >= steps)
    }
}

/// The drawing's size in SVG units.
pub const WIDTH: f64 = 1000.0;
pub const HEIGHT: f64 = 410.0;
pub const NODE_WIDTH: f64 = 150.0;
pub const NODE_HEIGHT: f64 = 62.0;
/// The x of the network (HTTP) boundary between the frontend and backend columns.
pub const BOUNDARY_X: f64 = 418.0;

/// A coordinate as SVG attribute text, to a tenth of a unit ("418", "-6.5", "73.3"). Written
/// with integer formatting: the float formatter alone would add some 9 KB to the wasm.
pub fn svg_number(value: f64) -> String {
    let tenths = (value * 10.0).round() as i64;
    let sign = if tenths < 0 { "-" } else { "" };
    let (whole, tenth) = (tenths.unsigned_abs() / 10, tenths.unsigned_abs() % 10);
    if tenth == 0 {
        format!("{sign}{whole}")
    } else {
        format!("{sign}{whole}.{tenth}")
    }
}

/// Centre of a node's box.
pub fn centre(node: &Node) -> (f64, f64) {
    let x = match node.column {
        0 => 105.0,
        1 => 300.0,
        2 => 540.0,
        3 => 715.0,
        _ => 895.0,
    };
    let y = 100.0 + f64::from(node.row) * 118.0;
    (x, y)
}

/// A connection's line, from edge to edge of the two boxes (not centre to centre).
pub fn connection_line(from: &Node, to: &Node) -> ((f64, f64), (f64, f64)) {
    let (a, b) = (centre(from), centre(to));
    (edge_point(a, b), edge_point(b, a))
}

/// Where the line from the centre `a` towards `b` leaves the box around `a`.
fn edge_point(a: (f64, f64), b: (f64, f64)) -> (f64, f64) {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    if dx == 0.0 && dy == 0.0 {
        return a;
    }
    let sx = if dx == 0.0 {
        f64::INFINITY
    } else {
        (NODE_WIDTH / 2.0) / dx.abs()
    };
    let sy = if dy == 0.0 {
        f64::INFINITY
    } else {
        (NODE_HEIGHT / 2.0) / dy.abs()
    };
    let s = sx.min(sy);
    (a.0 + dx * s, a.1 + dy * s)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagram::DIAGRAM;

    #[test]
    fn svg_numbers_are_written_to_a_tenth() {
        for (value, text) in [
            (418.0, "418"),
            (0.0, "0"),
            (-0.04, "0"),
            (73.333, "73.3"),
            (12.96, "13"),
            (-6.5, "-6.5"),
            (-0.5, "-0.5"),
            (1000.05, "1000.1"),
        ] {
            assert_eq!(svg_number(value), text, "{value}");
        }
    }

    #[test]
    fn arrow_keys_follow_connections() {
        // browser → web server is the HTTP connection across the boundary.
        assert_eq!(
            neighbour(&DIAGRAM, "browser", Direction::Right),
            Some("web-server")
        );
        assert_eq!(
            neighbour(&DIAGRAM, "web-server", Direction::Left),
            Some("browser")
        );
        assert_eq!(
            neighbour(&DIAGRAM, "web-server", Direction::Right),
            Some("app")
        );
    }

    #[test]
    fn an_arrow_with_no_connection_that_way_keeps_focus() {
        for node in DIAGRAM.nodes {
            for dir in [
                Direction::Left,
                Direction::Right,
                Direction::Up,
                Direction::Down,
            ] {
                if let Some(to) = neighbour(&DIAGRAM, node.id, dir) {
                    assert!(
                        DIAGRAM.connections_of(node.id).any(|c| c.touches(to)),
                        "{} → {to} is not a connection",
                        node.id
                    );
                }
            }
        }
        assert_eq!(neighbour(&DIAGRAM, "no-such-node", Direction::Right), None);
    }

    #[test]
    fn every_node_can_be_reached_by_arrow_keys() {
        let mut seen = vec![DIAGRAM.nodes[0].id];
        let mut i = 0;
        while i < seen.len() {
            for dir in [
                Direction::Left,
                Direction::Right,
                Direction::Up,
                Direction::Down,
            ] {
                if let Some(to) = neighbour(&DIAGRAM, seen[i], dir) {
                    if !seen.contains(&to) {
                        seen.push(to);
                    }
                }
            }
            i += 1;
        }
        assert_eq!(seen.len(), DIAGRAM.nodes.len(), "reached {seen:?}");
    }

    #[test]
    fn the_player_steps_plays_and_stops_at_the_end() {
        let mut p = Player::default();
        assert!(!p.at_end(3));
        p.play(3);
        assert_eq!((p.step, p.playing), (Some(0), true));
        assert!(p.forward(3));
        assert!(p.forward(3));
        assert_eq!(
            (p.step, p.playing),
            (Some(2), false),
            "stops at the last step"
        );
        assert!(p.at_end(3));
        assert!(!p.forward(3));
        p.back();
        assert_eq!(p.step, Some(1));
        p.play(3);
        assert_eq!(p.step, Some(1), "resumes where it was");
        p.forward(3);
        p.play(3);
        assert_eq!(p.step, Some(0), "playing a finished trace starts again");
        p.back();
        assert_eq!(p.step, None);
        p.forward(3);
        p.restart();
        assert_eq!(p, Player::default());
    }

    #[test]
    fn lines_start_and_end_on_box_edges() {
        let a = DIAGRAM.node("browser").unwrap();
        let b = DIAGRAM.node("web-server").unwrap();
        let ((x1, _), (x2, _)) = connection_line(a, b);
        assert!((x1 - (centre(a).0 + NODE_WIDTH / 2.0)).abs() < 1.0);
        assert!((x2 - (centre(b).0 - NODE_WIDTH / 2.0)).abs() < 1.0);
    }

    #[test]
    fn nodes_sit_on_their_side_of_the_boundary() {
        for node in DIAGRAM.nodes {
            let (x, y) = centre(node);
            let frontend = node.side == guide_content::diagram::Side::Frontend;
            assert_eq!(x + NODE_WIDTH / 2.0 < BOUNDARY_X, frontend, "{}", node.id);
            assert!(frontend || x - NODE_WIDTH / 2.0 > BOUNDARY_X, "{}", node.id);
            assert!(
                x + NODE_WIDTH / 2.0 <= WIDTH && y + NODE_HEIGHT / 2.0 <= HEIGHT,
                "{}",
                node.id
            );
        }
    }
}
