//! The stylesheet is written by hand (and merged by hand): an unclosed block does not fail the
//! build — the minifier reads what follows as nested rules, and the page quietly loses them.

/// `text` without its comments and strings (their braces mean nothing), line for line.
fn code_only(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        if let Some(after) = rest.strip_prefix("/*") {
            let end = after.find("*/").map_or(after.len(), |i| i + 2);
            // Keep the comment's line breaks: line numbers stay true.
            out.extend(after[..end].chars().filter(|&c| c == '\n'));
            rest = &after[end..];
        } else if c == '"' || c == '\'' {
            let after = &rest[1..];
            let end = after.find(c).map_or(after.len(), |i| i + 1);
            rest = &after[end..];
        } else {
            out.push(c);
            rest = &rest[c.len_utf8()..];
        }
    }
    out
}

/// Each line where a block was still open although the next one starts at the margin (a rule
/// or an at-rule written as top level), and the depth at the end.
fn unclosed(css: &str) -> (Vec<usize>, i64) {
    let mut depth = 0i64;
    let mut lines = Vec::new();
    for (n, line) in code_only(css).lines().enumerate() {
        let starts_top_level = line
            .chars()
            .next()
            .is_some_and(|c| !c.is_whitespace() && c != '}');
        if depth > 0 && starts_top_level && line.trim_end().ends_with('{') {
            lines.push(n + 1);
        }
        depth += line.matches('{').count() as i64 - line.matches('}').count() as i64;
    }
    (lines, depth)
}

#[test]
fn every_block_of_the_stylesheet_is_closed() {
    let css = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/style/main.css"))
        .expect("style/main.css");
    let (lines, depth) = unclosed(&css);
    assert!(
        lines.is_empty() && depth == 0,
        "style/main.css: a block is still open where a top-level rule starts, at lines \
         {lines:?}; open at the end: {depth}"
    );
}

#[test]
fn a_block_left_open_is_found() {
    let (lines, depth) = unclosed("a {\n  color: red;\n/* c { */\nb {\n  x: \"}\";\n}\n");
    assert_eq!((lines, depth), (vec![4], 1));
    assert_eq!(
        unclosed("a {\n}\n@media (x) {\n  b {\n  }\n}\n"),
        (vec![], 0)
    );
}
