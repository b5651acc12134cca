//! Pure logic of the diagram: where arrow keys lead, the trace player, and the drawing geometry.

use guide_content::diagram::{Diagram, Node, Side};

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

/// The node an arrow key moves to from `from`: on a wide screen, among the nodes connected to
/// it (the lines drawn) that lie in that direction, the one most nearly straight ahead (then
/// the nearest); on a phone, where the parts stand in a grid without lines, the next part in
/// the grid that way. `None` (focus stays) when nothing lies that way.
pub fn neighbour(
    diagram: &Diagram,
    layout: Layout,
    from: &str,
    direction: Direction,
) -> Option<&'static str> {
    let here = layout.centre(diagram, diagram.node(from)?);
    let candidates: Vec<&'static Node> = match layout {
        Layout::Wide => diagram
            .connections_of(from)
            .filter_map(|c| c.other_end(from))
            .filter_map(|id| diagram.node(id))
            .collect(),
        Layout::Narrow => diagram.nodes.iter().filter(|n| n.id != from).collect(),
    };
    candidates
        .into_iter()
        .filter_map(|there| {
            let (x, y) = layout.centre(diagram, there);
            let (dx, dy) = (x - here.0, y - here.1);
            let (ahead, aside) = match direction {
                Direction::Right => (dx, dy),
                Direction::Left => (-dx, dy),
                Direction::Down => (dy, dx),
                Direction::Up => (-dy, dx),
            };
            // Most nearly straight ahead first (the smallest angle), then the nearest.
            let angle = (aside.abs() / ahead * 1000.0).round() as i64;
            (ahead > 1.0).then_some((angle, ahead.hypot(aside).round() as i64, there.id))
        })
        .min()
        .map(|(_, _, id)| id)
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

/// How long Play shows a step: time to read its caption at about 215 words a minute (280 ms
/// a word, plus a second and a fifth to find the lit part), at least 3 and at most 12 seconds.
/// Stepping with ◀ ▶ is the main way; Play is for watching a whole trace.
pub fn step_millis(caption: &str) -> u64 {
    let words = caption.split_whitespace().count() as u64;
    (1200 + 280 * words).clamp(3000, 12_000)
}

/// How the drawing is laid out: the grid of `content/diagram.toml` on a wide screen; on a
/// narrow one the sides stacked (frontend, network, backend), each in two columns, so every
/// part fits the width with labels of a readable size.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    Wide,
    Narrow,
}

/// A side's background band: x, y, width, height.
pub type Band = (f64, f64, f64, f64);

/// The x of each grid column's centre on a wide screen.
const WIDE_COLUMNS: [f64; 6] = [80.0, 255.0, 415.0, 590.0, 760.0, 930.0];
const NARROW_COLUMNS: [f64; 2] = [82.0, 238.0];
/// Narrow: a side's title line, and the gaps between rows and between sides.
const NARROW_TITLE: f64 = 34.0;
const NARROW_ROW_GAP: f64 = 12.0;
const NARROW_SIDE_GAP: f64 = 12.0;

impl Layout {
    /// Narrow below this many CSS pixels of window width.
    pub const NARROW_BELOW: f64 = 640.0;

    pub fn for_width(width: f64) -> Self {
        if width < Self::NARROW_BELOW {
            Layout::Narrow
        } else {
            Layout::Wide
        }
    }

    pub fn width(self) -> f64 {
        match self {
            Layout::Wide => 1015.0,
            Layout::Narrow => 320.0,
        }
    }

    pub fn node_width(self) -> f64 {
        match self {
            Layout::Wide => 146.0,
            Layout::Narrow => 150.0,
        }
    }

    pub fn node_height(self) -> f64 {
        76.0
    }

    /// Characters on one line of a part's label before it wraps.
    pub fn label_chars(self) -> usize {
        match self {
            Layout::Wide => 14,
            Layout::Narrow => 15,
        }
    }

    /// The drawing's height.
    pub fn height(self, diagram: &Diagram) -> f64 {
        match self {
            Layout::Wide => 400.0,
            Layout::Narrow => {
                let last = Side::ALL
                    .iter()
                    .rev()
                    .find_map(|side| self.band(diagram, *side))
                    .map_or(0.0, |(_, y, _, h)| y + h);
                last + 4.0
            }
        }
    }

    /// Centre of a node's box.
    pub fn centre(self, diagram: &Diagram, node: &Node) -> (f64, f64) {
        match self {
            Layout::Wide => {
                let x = WIDE_COLUMNS[usize::from(node.column).min(WIDE_COLUMNS.len() - 1)];
                (x, 100.0 + f64::from(node.row) * 120.0)
            }
            Layout::Narrow => {
                let index = diagram
                    .nodes
                    .iter()
                    .filter(|n| n.side == node.side)
                    .position(|n| n.id == node.id)
                    .unwrap_or(0);
                let (top, ..) = self.band_top(diagram, node.side);
                let row = (index / 2) as f64;
                let y = top
                    + NARROW_TITLE
                    + self.node_height() / 2.0
                    + row * (self.node_height() + NARROW_ROW_GAP);
                (NARROW_COLUMNS[index % 2], y)
            }
        }
    }

    /// Narrow: the top of a side's band and how many rows of parts it holds.
    fn band_top(self, diagram: &Diagram, side: Side) -> (f64, usize) {
        let mut top = 4.0;
        for s in Side::ALL {
            let rows = diagram
                .nodes
                .iter()
                .filter(|n| n.side == s)
                .count()
                .div_ceil(2);
            if s == side {
                return (top, rows);
            }
            if rows > 0 {
                top += self.band_height(rows) + NARROW_SIDE_GAP;
            }
        }
        (top, 0)
    }

    fn band_height(self, rows: usize) -> f64 {
        NARROW_TITLE + rows as f64 * (self.node_height() + NARROW_ROW_GAP)
    }

    /// The background band of a side, if it has parts.
    pub fn band(self, diagram: &Diagram, side: Side) -> Option<Band> {
        let nodes = || diagram.nodes.iter().filter(move |n| n.side == side);
        nodes().next()?;
        match self {
            Layout::Wide => {
                let w = self.node_width() / 2.0;
                let left = nodes()
                    .map(|n| self.centre(diagram, n).0 - w)
                    .fold(f64::MAX, f64::min);
                let right = nodes()
                    .map(|n| self.centre(diagram, n).0 + w)
                    .fold(f64::MIN, f64::max);
                Some((
                    left - 5.0,
                    4.0,
                    right - left + 10.0,
                    self.height(diagram) - 8.0,
                ))
            }
            Layout::Narrow => {
                let (top, rows) = self.band_top(diagram, side);
                Some((2.0, top, self.width() - 4.0, self.band_height(rows)))
            }
        }
    }
}

/// A part's label in lines of at most `max` characters (a longer word keeps a line to itself),
/// at most two lines: the rest joins the second.
pub fn wrap_label(label: &str, max: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in label.split_whitespace() {
        let full = lines.len() == 2;
        match lines.last_mut() {
            Some(line) if full || line.chars().count() + 1 + word.chars().count() <= max => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_string()),
        }
    }
    lines
}

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

/// A connection's line between two parts, from edge to edge of their boxes (not centre to
/// centre), starting at `from`.
pub fn connection_line(
    diagram: &Diagram,
    layout: Layout,
    from: &Node,
    to: &Node,
) -> ((f64, f64), (f64, f64)) {
    let (a, b) = (layout.centre(diagram, from), layout.centre(diagram, to));
    let half = (layout.node_width() / 2.0, layout.node_height() / 2.0);
    (edge_point(a, b, half), edge_point(b, a, half))
}

/// Where the line from the centre `a` towards `b` leaves the box around `a`.
fn edge_point(a: (f64, f64), b: (f64, f64), half: (f64, f64)) -> (f64, f64) {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    if dx == 0.0 && dy == 0.0 {
        return a;
    }
    let sx = if dx == 0.0 {
        f64::INFINITY
    } else {
        half.0 / dx.abs()
    };
    let sy = if dy == 0.0 {
        f64::INFINITY
    } else {
        half.1 / dy.abs()
    };
    let s = sx.min(sy);
    (a.0 + dx * s, a.1 + dy * s)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagram::DIAGRAM;

    const LAYOUTS: [Layout; 2] = [Layout::Wide, Layout::Narrow];
    const DIRECTIONS: [Direction; 4] = [
        Direction::Left,
        Direction::Right,
        Direction::Up,
        Direction::Down,
    ];

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
        let wide = Layout::Wide;
        // The browser's connection to the right crosses the network to the load balancer.
        assert_eq!(
            neighbour(&DIAGRAM, wide, "browser", Direction::Right),
            Some("load-balancer")
        );
        assert_eq!(
            neighbour(&DIAGRAM, wide, "load-balancer", Direction::Up),
            Some("web-server")
        );
        assert_eq!(
            neighbour(&DIAGRAM, wide, "web-server", Direction::Right),
            Some("app")
        );
        assert_eq!(
            neighbour(&DIAGRAM, wide, "web-server", Direction::Down),
            Some("load-balancer")
        );
        assert_eq!(
            neighbour(&DIAGRAM, wide, "browser", Direction::Up),
            Some("dns")
        );
        assert_eq!(
            neighbour(&DIAGRAM, wide, "browser", Direction::Down),
            Some("cdn")
        );
        // Stacked on a phone, arrows move through the grid, down from the frontend into the
        // network.
        assert_eq!(
            neighbour(&DIAGRAM, Layout::Narrow, "browser", Direction::Down),
            Some("dns")
        );
    }

    #[test]
    fn on_a_wide_screen_an_arrow_with_no_connection_that_way_keeps_focus() {
        for node in DIAGRAM.nodes {
            for dir in DIRECTIONS {
                if let Some(to) = neighbour(&DIAGRAM, Layout::Wide, node.id, dir) {
                    assert!(
                        DIAGRAM.connections_of(node.id).any(|c| c.touches(to)),
                        "{} → {to} is not a connection",
                        node.id
                    );
                }
            }
        }
        assert_eq!(
            neighbour(&DIAGRAM, Layout::Wide, "no-such-node", Direction::Right),
            None
        );
    }

    #[test]
    fn every_node_can_be_reached_by_arrow_keys_in_both_layouts() {
        for layout in LAYOUTS {
            let mut seen = vec![DIAGRAM.nodes[0].id];
            let mut i = 0;
            while i < seen.len() {
                for dir in DIRECTIONS {
                    if let Some(to) = neighbour(&DIAGRAM, layout, seen[i], dir) {
                        if !seen.contains(&to) {
                            seen.push(to);
                        }
                    }
                }
                i += 1;
            }
            assert_eq!(
                seen.len(),
                DIAGRAM.nodes.len(),
                "{layout:?}: reached {seen:?}"
            );
        }
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
    fn play_gives_longer_captions_more_time() {
        assert_eq!(step_millis("Short."), 3000, "at least 3 seconds");
        let twenty = "word ".repeat(20);
        assert_eq!(step_millis(&twenty), 1200 + 20 * 280);
        assert_eq!(step_millis(&"word ".repeat(200)), 12_000, "at most 12");
        for scenario in DIAGRAM.scenarios {
            for step in scenario.steps {
                assert!(step_millis(step.caption) >= 3000);
            }
        }
    }

    #[test]
    fn labels_wrap_at_word_boundaries_into_two_lines_at_most() {
        assert_eq!(wrap_label("Database", 15), ["Database"]);
        assert_eq!(
            wrap_label("Frontend framework", 15),
            ["Frontend", "framework"]
        );
        assert_eq!(
            wrap_label("HTML from Django templates", 16),
            ["HTML from Django", "templates"]
        );
        assert_eq!(
            wrap_label("Application & API", 14),
            ["Application &", "API"]
        );
        assert_eq!(wrap_label("a b c d e f g h i", 3), ["a b", "c d e f g h i"]);
        for layout in LAYOUTS {
            for stack in DIAGRAM.stacks {
                for (_, label) in stack.labels {
                    let lines = wrap_label(label, layout.label_chars());
                    assert!(lines.len() <= 2, "{label}");
                    for line in lines {
                        assert!(
                            line.chars().count() <= layout.label_chars() + 4,
                            "{layout:?}: “{line}” of “{label}” is too long for its box"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn lines_start_and_end_on_box_edges() {
        let a = DIAGRAM.node("browser").unwrap();
        let b = DIAGRAM.node("load-balancer").unwrap();
        let layout = Layout::Wide;
        let ((x1, _), (x2, _)) = connection_line(&DIAGRAM, layout, a, b);
        let half = layout.node_width() / 2.0;
        assert!((x1 - (layout.centre(&DIAGRAM, a).0 + half)).abs() < 1.0);
        assert!((x2 - (layout.centre(&DIAGRAM, b).0 - half)).abs() < 1.0);
    }

    #[test]
    fn parts_fit_their_band_and_the_drawing_and_never_overlap() {
        for layout in LAYOUTS {
            let (w, h) = (layout.node_width() / 2.0, layout.node_height() / 2.0);
            let boxes: Vec<_> = DIAGRAM
                .nodes
                .iter()
                .map(|n| (n, layout.centre(&DIAGRAM, n)))
                .collect();
            for (node, (x, y)) in &boxes {
                let (bx, by, bw, bh) = layout.band(&DIAGRAM, node.side).expect("a band");
                assert!(
                    x - w >= bx && x + w <= bx + bw && y - h >= by && y + h <= by + bh,
                    "{layout:?}: {} leaves its band",
                    node.id
                );
                assert!(
                    x - w >= 0.0 && x + w <= layout.width() && y + h <= layout.height(&DIAGRAM),
                    "{layout:?}: {} leaves the drawing",
                    node.id
                );
                for (other, (ox, oy)) in &boxes {
                    if other.id != node.id {
                        assert!(
                            (x - ox).abs() >= 2.0 * w || (y - oy).abs() >= 2.0 * h,
                            "{layout:?}: {} overlaps {}",
                            node.id,
                            other.id
                        );
                    }
                }
            }
            // Bands do not overlap either.
            let bands: Vec<Band> = Side::ALL
                .iter()
                .filter_map(|s| layout.band(&DIAGRAM, *s))
                .collect();
            for (i, a) in bands.iter().enumerate() {
                for b in &bands[i + 1..] {
                    assert!(
                        a.0 + a.2 <= b.0
                            || b.0 + b.2 <= a.0
                            || a.1 + a.3 <= b.1
                            || b.1 + b.3 <= a.1,
                        "{layout:?}: bands {a:?} and {b:?} overlap"
                    );
                }
            }
        }
    }

    #[test]
    fn the_narrow_layout_stacks_frontend_network_backend() {
        let layout = Layout::Narrow;
        let y = |id: &str| layout.centre(&DIAGRAM, DIAGRAM.node(id).unwrap()).1;
        assert!(y("browser") < y("dns"));
        assert!(y("cdn") < y("load-balancer"));
        assert!(layout.width() <= 320.0);
    }
}
