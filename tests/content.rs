//! Host tests of the real guide content under `content/`, loaded through the pipeline entry
//! `build.rs` uses (`pipeline::load`): what the guide promises its readers — depth, topics,
//! the myths it corrects, the parts and stacks of the diagram, the kinds of questions. The
//! pipeline's rules themselves (ids, links, endings, option rules, fairness) are unit-tested in
//! `crates/guide-content`, and a rule broken by the content fails the build.

use std::path::Path;

use guide_content::pipeline::{build_chapters, load, read_chapter_dir, Content, SourceFile};
use guide_content::{plain_text, Block, Chapter};

fn content() -> Content {
    load(Path::new("content")).unwrap_or_else(|errors| {
        panic!(
            "content has errors:\n{}",
            errors
                .iter()
                .map(|e| format!("  {e}\n"))
                .collect::<String>()
        )
    })
}

fn guide() -> Vec<Chapter> {
    content().chapters
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
fn the_guide_covers_every_topic_an_introduction_to_backend_work_needs() {
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
fn common_myths_correct_frontend_tools_and_nodejs_once() {
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

#[test]
fn the_diagram_has_every_part_and_stack_the_guide_promises() {
    let d = content().diagram;
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
        "dns",
        "cdn",
        "load-balancer",
        "payment",
    ] {
        assert!(d.node(id).is_some(), "the diagram has `{id}`");
    }
    // The traces a beginner needs (issue 14), today's ids kept for saved progress.
    for id in [
        "open-the-site",
        "log-in",
        "search-products",
        "place-an-order",
        "cached-page",
        "database-down",
    ] {
        assert!(d.scenario(id).is_some(), "the diagram has the trace `{id}`");
    }
    for id in [
        "php-laravel-mysql",
        "python-django-postgresql",
        "javascript-express-postgresql",
        "java-spring-postgresql",
        "csharp-aspnetcore-postgresql",
    ] {
        let stack = d.stack(id).unwrap_or_else(|| panic!("stack `{id}`"));
        assert!(d
            .nodes
            .iter()
            .all(|n| stack.label(n.id).is_some_and(|l| !l.is_empty())));
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
fn the_question_bank_asks_every_kind_at_every_difficulty() {
    use guide_content::quiz::{Difficulty, Kind};
    let questions = content().questions;
    for kind in Kind::ALL {
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
}

/// The glossary (issue 18) passes every rule of the build and explains at least
/// `MIN_TERMS` terms, among them the ones a beginner meets first, sorted A–Z for the
/// `/glossary` page, with "also called" names search can use as synonyms.
#[test]
fn the_glossary_explains_the_terms_a_beginner_meets() {
    use guide_content::pipeline::MIN_TERMS;
    use guide_content::LinkTarget;
    let glossary = content().glossary;
    assert!(
        glossary.len() >= MIN_TERMS,
        "{} glossary terms; at least {MIN_TERMS} wanted",
        glossary.len()
    );
    let entry = |name: &str| {
        glossary
            .iter()
            .find(|t| t.names().any(|n| n.eq_ignore_ascii_case(name)))
            .unwrap_or_else(|| panic!("the glossary has no entry for `{name}`"))
    };
    for name in [
        "API",
        "endpoint",
        "HTTP",
        "status code",
        "JSON",
        "ORM",
        "index",
        "cache",
        "CDN",
        "DNS",
        "TLS",
        "JWT",
        "session cookie",
        "container",
        "CI/CD",
        "idempotent",
        "load balancer",
        "queue",
        "webhook",
        "transaction",
        "migration",
        "framework",
        "runtime",
    ] {
        entry(name);
    }
    // Synonyms for search: "auth" is authentication.
    assert_eq!(entry("auth").id, "authentication");
    // Password hashing is explained in one place only (the writers' brief).
    let security = |anchor| LinkTarget::Chapter {
        chapter: "security",
        section: Some(anchor),
    };
    for name in ["password hashing", "password hash", "salt"] {
        assert_eq!(entry(name).section, security("password-hashing"), "{name}");
    }
    let terms: Vec<String> = glossary.iter().map(|t| t.term.to_lowercase()).collect();
    assert!(terms.is_sorted(), "not sorted A–Z: {terms:?}");
}
