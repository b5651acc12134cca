//! Host tests of the real guide content in `content/chapters/`, through the same pipeline
//! `build.rs` runs. (The pipeline's own rules are unit-tested in `crates/guide-content`.)

use std::path::Path;

use guide_content::pipeline::{build_chapters, read_chapter_dir, SourceFile};
use guide_content::{plain_text, Block, Chapter};

fn guide() -> Vec<Chapter> {
    let files = read_chapter_dir(Path::new("content/chapters")).expect("content/chapters readable");
    build_chapters(&files).unwrap_or_else(|errors| {
        panic!(
            "content has errors:\n{}",
            errors
                .iter()
                .map(|e| format!("  {e}\n"))
                .collect::<String>()
        )
    })
}

fn all_text(blocks: &[Block]) -> String {
    let mut out = String::new();
    for block in blocks {
        match block {
            Block::Heading { content, .. } | Block::Paragraph(content) => {
                out.push_str(&plain_text(content))
            }
            Block::List { items, .. } => items.iter().for_each(|i| out.push_str(&all_text(i))),
            Block::Callout { label, blocks } => {
                out.push_str(label);
                out.push_str(&all_text(blocks));
            }
            Block::Table { header, rows, .. } => {
                for cell in header.iter().chain(rows.iter().flat_map(|r| r.iter())) {
                    out.push_str(&plain_text(cell));
                }
            }
            Block::Code { .. } | Block::Rule | Block::Embed(_) => {}
        }
        out.push('\n');
    }
    out
}

#[test]
fn every_chapter_parses_with_unique_ids_and_resolving_links() {
    let chapters = guide();
    let mut ids: Vec<_> = chapters.iter().map(|c| c.id).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), chapters.len(), "chapter ids are unique");
}

#[test]
fn the_guide_is_deep_enough() {
    let chapters = guide();
    assert!(
        chapters.len() >= 13,
        "{} chapters; at least 13 wanted",
        chapters.len()
    );
    let words: u32 = chapters.iter().map(|c| c.words).sum();
    assert!(words >= 18_000, "{words} words; at least 18,000 wanted");
    for c in &chapters {
        assert!(
            c.words >= 1_200,
            "{} is too thin: {} words; at least 1,200 wanted",
            c.id,
            c.words
        );
    }
}

/// Every chapter id and anchor ever published still exists: saved progress, bookmarks and quiz
/// links point at them (`tests/fixtures/published-anchors.txt`).
#[test]
fn no_published_chapter_or_anchor_disappears() {
    let chapters = guide();
    let fixture =
        std::fs::read_to_string("tests/fixtures/published-anchors.txt").expect("fixture readable");
    let missing: Vec<&str> = fixture
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .filter(|line| {
            let (id, anchor) = line.split_once('#').unwrap_or((line, ""));
            !chapters.iter().any(|c| {
                c.id == id && (anchor.is_empty() || c.sections.iter().any(|s| s.id == anchor))
            })
        })
        .collect();
    assert!(missing.is_empty(), "published but gone: {missing:?}");
    assert!(
        fixture.lines().count() > 60,
        "the fixture lists today's anchors"
    );
}

#[test]
fn the_guide_covers_every_topic_of_the_source_article() {
    let text = guide()
        .iter()
        .map(|c| all_text(c.blocks).to_lowercase())
        .collect::<String>();
    for topic in [
        "API",
        "database",
        "security",
        "performance",
        "debug",
        "user",
        "Java",
        "Python",
        "PHP",
        "TypeScript",
        "Go",
        "C#",
        "Ruby",
        "Laravel",
        "Ruby on Rails",
        "Express",
        "Django",
        "Spring",
        "ASP.NET",
        "MySQL",
        "PostgreSQL",
        "MongoDB",
        "Cassandra",
        "salary",
        "freelanc",
        "frontend",
    ] {
        let topic = topic.to_lowercase();
        assert!(text.contains(&topic), "no chapter mentions `{topic}`");
    }
}

#[test]
fn the_guide_covers_what_a_beginner_expects_first() {
    let text = guide()
        .iter()
        .map(|c| all_text(c.blocks))
        .collect::<String>();
    for topic in [
        "REST",
        "DNS",
        "TLS",
        "CDN",
        "load balancer",
        "reverse proxy",
        "idempoten",
        "OpenAPI",
        "GraphQL",
        "gRPC",
        "WebSocket",
        "webhook",
        "OWASP",
        "JWT",
        "OpenID Connect",
        "CSRF",
        "SameSite",
        "ACID",
        "NoSQL",
        "CI/CD",
        "container",
        "Kubernetes",
        "serverless",
        "on call",
        "Flask",
        "pytest",
        "curl",
    ] {
        assert!(text.contains(topic), "no chapter mentions `{topic}`");
    }
}

#[test]
fn common_myths_correct_the_source_article() {
    let myths: Vec<String> = guide()
        .iter()
        .flat_map(|c| c.blocks.iter())
        .filter_map(|b| match b {
            Block::Callout {
                label: "Common myth",
                blocks,
            } => Some(all_text(blocks)),
            _ => None,
        })
        .collect();
    assert!(
        myths
            .iter()
            .any(|m| m.contains("React") && m.contains("Vue") && m.contains("frontend")),
        "a Common myth callout says React and Vue are frontend: {myths:?}"
    );
    assert!(
        myths
            .iter()
            .any(|m| m.contains("Node.js") && m.contains("runtime") && m.contains("Express")),
        "a Common myth callout says Node.js is a runtime and Express runs on it: {myths:?}"
    );
    // Said once, linked elsewhere.
    let about_react = myths.iter().filter(|m| m.contains("React")).count();
    assert_eq!(
        about_react, 1,
        "the React/Vue/Angular myth is corrected in one callout: {myths:?}"
    );
}

#[test]
fn every_chapter_ends_with_key_points() {
    for c in guide() {
        let last = c
            .sections
            .iter()
            .rfind(|s| s.level == 2)
            .expect("has sections");
        assert_eq!(
            (last.id, last.title),
            ("key-points", "Key points"),
            "{}",
            c.id
        );
        assert!(
            matches!(c.blocks.last(), Some(Block::List { start: None, items }) if (3..=5).contains(&items.len())),
            "{} ends with 3–5 key points",
            c.id
        );
    }
}

#[test]
fn a_broken_fixture_chapter_is_rejected_naming_its_file() {
    let path = "tests/fixtures/broken-chapter.md";
    let mut files = read_chapter_dir(Path::new("content/chapters")).expect("readable");
    files.push(SourceFile {
        path: path.into(),
        text: std::fs::read_to_string(path).expect("fixture readable"),
    });
    let errors = build_chapters(&files).expect_err("the broken chapter is rejected");
    let messages: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert_eq!(
        messages,
        ["tests/fixtures/broken-chapter.md:8: link to unknown chapter `no-such-chapter`"]
    );
}

#[test]
fn summaries_and_titles_are_plain_text() {
    for c in guide() {
        for text in [c.title, c.summary] {
            assert!(
                !text.contains(['*', '`', '[', '<']),
                "{}: `{text}` holds markup",
                c.id
            );
        }
        assert!(c.summary.ends_with('.'), "{}: summary is a sentence", c.id);
    }
}

fn real_diagram() -> guide_content::diagram::Diagram {
    let path = "content/diagram.toml";
    let file = SourceFile {
        path: path.into(),
        text: std::fs::read_to_string(path).expect("diagram readable"),
    };
    guide_content::pipeline::build_diagram(&file, &guide()).unwrap_or_else(|errors| {
        panic!(
            "diagram has errors:\n{}",
            errors
                .iter()
                .map(|e| format!("  {e}\n"))
                .collect::<String>()
        )
    })
}

#[test]
fn the_diagram_joins_existing_parts_and_every_stack_labels_every_part() {
    // build_diagram checks connections, steps, stack labels and section links; this asserts
    // the real file passes and has everything the guide promises.
    let d = real_diagram();
    for id in [
        "browser",
        "ui",
        "frontend-framework",
        "web-server",
        "app",
        "auth",
        "database",
        "cache",
        "queue",
        "external",
    ] {
        assert!(d.node(id).is_some(), "the diagram has `{id}`");
    }
    assert!(d.scenarios.len() >= 4, "{} scenarios", d.scenarios.len());
    for id in [
        "php-laravel-mysql",
        "python-django-postgresql",
        "javascript-express-mongodb",
        "java-spring-cassandra",
    ] {
        let stack = d.stack(id).unwrap_or_else(|| panic!("stack `{id}`"));
        assert!(d
            .nodes
            .iter()
            .all(|n| stack.label(n.id).is_some_and(|l| !l.is_empty())));
    }
    for s in d.scenarios {
        for step in s.steps {
            assert!(d.node(step.node).is_some());
            if let Some(c) = step.connection {
                assert!(d.connection(c).is_some_and(|c| c.touches(step.node)));
            }
        }
    }
    // The HTTP boundary is crossed by at least one connection.
    assert!(d.connections.iter().any(|c| {
        let sides = (d.node(c.from).unwrap().side, d.node(c.to).unwrap().side);
        sides.0 != sides.1
    }));
}

#[test]
fn the_frontend_and_backend_chapter_embeds_the_diagram() {
    let chapters = guide();
    let chapter = chapters
        .iter()
        .find(|c| c.id == "frontend-vs-backend")
        .unwrap();
    assert!(chapter
        .blocks
        .iter()
        .any(|b| matches!(b, Block::Embed(guide_content::Embed::Diagram))));
}

#[test]
fn the_question_bank_covers_every_chapter_with_every_kind() {
    use guide_content::pipeline::{build_quiz, read_quiz_dir, MIN_PER_CHAPTER, MIN_QUESTIONS};
    use guide_content::quiz::{Difficulty, Kind};
    let chapters = guide();
    let files = read_quiz_dir(Path::new("content/quiz")).expect("content/quiz readable");
    let questions = build_quiz(&files, &chapters).unwrap_or_else(|errors| {
        panic!(
            "quiz has errors:\n{}",
            errors
                .iter()
                .map(|e| format!("  {e}\n"))
                .collect::<String>()
        )
    });
    assert!(questions.len() >= MIN_QUESTIONS);
    for chapter in &chapters {
        let n = questions.iter().filter(|q| q.chapter == chapter.id).count();
        assert!(n >= MIN_PER_CHAPTER, "{}: {n} questions", chapter.id);
    }
    for kind in [Kind::Single, Kind::Multiple, Kind::TrueFalse, Kind::Order] {
        assert!(
            questions.iter().any(|q| q.kind == kind),
            "no {kind:?} question"
        );
    }
    for level in [Difficulty::Easy, Difficulty::Medium, Difficulty::Hard] {
        assert!(
            questions.iter().any(|q| q.difficulty == level),
            "no {level:?} question"
        );
    }
    // Every "Re-read this section" link lands on a real heading (not the key points).
    for q in &questions {
        let chapter = chapters.iter().find(|c| c.id == q.chapter).unwrap();
        assert!(
            chapter.sections.iter().any(|s| s.id == q.section) && q.section != "key-points",
            "{} → #{}",
            q.id,
            q.section
        );
    }
}
