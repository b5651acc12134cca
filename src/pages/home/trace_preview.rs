//! The home page's small live preview of the diagram: one trace's parts in three lanes
//! (frontend, network, backend), the connections its steps use, and a dot that travels the
//! steps in order (SMIL, no code: the same markup prerendered and mounted; hidden when the
//! reader asks for less motion). The whole figure links to the diagram.

use guide_content::diagram::{Scenario, Side};
use leptos::prelude::*;

use crate::diagram::model::{svg_number, wrap_label};
use crate::diagram::INDEX;
use crate::routes::{href, Page};

/// The trace shown: the first visit to a site, from DNS to the page.
pub const TRACE: &str = "open-the-site";

const LANE_WIDTH: f64 = 100.0;
const LANE_GAP: f64 = 15.0;
const BOX_HEIGHT: f64 = 30.0;
const ROW_PITCH: f64 = 38.0;
const TOP: f64 = 22.0;
/// Seconds the dot takes per step.
const STEP_SECONDS: usize = 2;

/// A part's box: its label's lines and its top-left corner.
#[derive(Debug, Clone, PartialEq)]
pub struct PartBox {
    pub id: &'static str,
    pub lines: Vec<String>,
    pub x: f64,
    pub y: f64,
}

impl PartBox {
    fn centre(&self) -> (f64, f64) {
        (self.x + LANE_WIDTH / 2.0, self.y + BOX_HEIGHT / 2.0)
    }
}

/// The preview's geometry, in SVG units.
#[derive(Debug, Clone, PartialEq)]
pub struct Preview {
    pub width: f64,
    pub height: f64,
    pub parts: Vec<PartBox>,
    /// Each distinct sender → receiver pair, once: `(x1, y1, x2, y2)`.
    pub lines: Vec<(f64, f64, f64, f64)>,
    /// The dot's path: one segment per travelling step, in order.
    pub route: String,
    pub steps: usize,
}

fn lane(side: Side) -> f64 {
    let index = match side {
        Side::Frontend => 0.0,
        Side::Network => 1.0,
        Side::Backend => 2.0,
    };
    index * (LANE_WIDTH + LANE_GAP)
}

impl Preview {
    /// Parts in the order the trace first meets them, stacked in their side's lane.
    pub fn of(scenario: &Scenario) -> Preview {
        let mut parts: Vec<PartBox> = Vec::new();
        let ids = scenario
            .steps
            .iter()
            .flat_map(|s| s.from.into_iter().chain([s.node]));
        for id in ids {
            let Some(node) = INDEX.node(id) else {
                continue;
            };
            if parts.iter().any(|p| p.id == id) {
                continue;
            }
            let x = lane(node.side);
            let row = parts.iter().filter(|p| p.x == x).count() as f64;
            parts.push(PartBox {
                id,
                lines: wrap_label(node.label, 13),
                x,
                y: TOP + row * ROW_PITCH,
            });
        }
        let centre = |id: &str| parts.iter().find(|p| p.id == id).map(PartBox::centre);
        let mut lines = Vec::new();
        let mut route = String::new();
        for step in scenario.steps {
            let (Some(from), Some(to)) = (step.from.and_then(centre), centre(step.node)) else {
                continue;
            };
            let line = (from.0, from.1, to.0, to.1);
            if !lines.contains(&line) && !lines.contains(&(to.0, to.1, from.0, from.1)) {
                lines.push(line);
            }
            route.push_str(&format!(
                "M{} {}L{} {}",
                svg_number(from.0),
                svg_number(from.1),
                svg_number(to.0),
                svg_number(to.1)
            ));
        }
        let rows = parts.iter().map(|p| p.y).fold(TOP, f64::max);
        Preview {
            width: 3.0 * LANE_WIDTH + 2.0 * LANE_GAP + 1.0,
            height: rows + BOX_HEIGHT + 2.0,
            parts,
            lines,
            route,
            steps: scenario.steps.len(),
        }
    }
}

/// The figure: the drawing (decorative: the link's words say where it goes) and a caption.
#[component]
pub fn TracePreview() -> impl IntoView {
    let scenario = INDEX.scenario(TRACE).or(INDEX.scenarios.first());
    scenario.map(|scenario| {
        let preview = Preview::of(scenario);
        view! {
            <figure class="trace-preview">
                <a class="trace-preview__link" href=href(Page::Diagram)>
                    <PreviewDrawing preview />
                    <span class="trace-preview__label">
                        {format!("Follow “{}”, step by step", scenario.title)}
                    </span>
                </a>
                <figcaption class="trace-preview__caption">
                    {format!(
                        "{} steps, from the browser to the servers and back. Open the diagram to follow them with the message of each.",
                        scenario.steps.len()
                    )}
                </figcaption>
            </figure>
        }
        .into_any()
    })
}

#[component]
fn PreviewDrawing(preview: Preview) -> impl IntoView {
    let view_box = format!(
        "0 0 {} {}",
        svg_number(preview.width),
        svg_number(preview.height)
    );
    let lanes = [
        ("Frontend", Side::Frontend),
        ("Network", Side::Network),
        ("Backend", Side::Backend),
    ];
    view! {
        <svg class="trace-preview__svg" viewBox=view_box aria-hidden="true" focusable="false">
            {lanes
                .into_iter()
                .map(|(name, side)| {
                    view! {
                        <text class="trace-preview__lane" x=svg_number(lane(side) + LANE_WIDTH / 2.0) y="12">
                            {name}
                        </text>
                    }
                })
                .collect_view()}
            {preview
                .lines
                .iter()
                .map(|&(x1, y1, x2, y2)| {
                    view! {
                        <line
                            class="trace-preview__line"
                            x1=svg_number(x1)
                            y1=svg_number(y1)
                            x2=svg_number(x2)
                            y2=svg_number(y2)
                        />
                    }
                })
                .collect_view()}
            {preview.parts.iter().map(part_box).collect_view()}
            <circle class="trace-preview__dot" r="5">
                <animateMotion
                    path=preview.route.clone()
                    dur=format!("{}s", preview.steps * STEP_SECONDS)
                    repeatCount="indefinite"
                />
            </circle>
        </svg>
    }
}

fn part_box(part: &PartBox) -> impl IntoView {
    let (cx, cy) = part.centre();
    let first = cy - (part.lines.len() as f64 - 1.0) * 6.0;
    view! {
        <rect
            class="trace-preview__part"
            x=svg_number(part.x)
            y=svg_number(part.y)
            width=svg_number(LANE_WIDTH)
            height=svg_number(BOX_HEIGHT)
            rx="6"
        />
        {part
            .lines
            .iter()
            .enumerate()
            .map(|(i, line)| {
                view! {
                    <text class="trace-preview__text" x=svg_number(cx) y=svg_number(first + i as f64 * 12.0)>
                        {line.clone()}
                    </text>
                }
            })
            .collect_view()}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_part_of_the_trace_has_one_box_in_its_sides_lane_and_the_dot_travels_each_step() {
        let scenario = INDEX.scenario(TRACE).expect("the previewed trace exists");
        let preview = Preview::of(scenario);
        for step in scenario.steps {
            for id in step.from.into_iter().chain([step.node]) {
                let boxes: Vec<&PartBox> = preview.parts.iter().filter(|p| p.id == id).collect();
                assert_eq!(boxes.len(), 1, "{id}");
                assert_eq!(boxes[0].x, lane(INDEX.node(id).unwrap().side), "{id}");
            }
        }
        let travelling = scenario.steps.iter().filter(|s| s.from.is_some()).count();
        assert_eq!(preview.route.matches('M').count(), travelling);
        // No two boxes overlap, and all fit the drawing.
        for (i, a) in preview.parts.iter().enumerate() {
            assert!(a.y + BOX_HEIGHT <= preview.height);
            for b in &preview.parts[i + 1..] {
                assert!(
                    a.x != b.x || (a.y - b.y).abs() >= BOX_HEIGHT,
                    "{} {}",
                    a.id,
                    b.id
                );
            }
        }
    }
}
