//! Syntax highlighting at build time, for the languages the chapters use: a small tokenizer per
//! language family (no dependency, nothing in the wasm). It marks only what helps a beginner
//! read an example — keywords, strings, numbers, comments, keys (JSON and YAML keys, HTTP header
//! names), the "meta" parts (an HTTP version, a Python decorator), a console's prompt and output
//! — as classes the stylesheet colours for the light and dark themes.

/// What a piece of code is, for the stylesheet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tok {
    Plain,
    Keyword,
    String,
    Number,
    Comment,
    Key,
    Meta,
    /// A console's `$ ` (not copied).
    Prompt,
    /// A console's output line (not copied).
    Output,
}

impl Tok {
    /// The `class` of its `<span>` (none for plain text).
    pub fn class(self) -> Option<&'static str> {
        Some(match self {
            Tok::Plain => return None,
            Tok::Keyword => "tok-kw",
            Tok::String => "tok-str",
            Tok::Number => "tok-num",
            Tok::Comment => "tok-com",
            Tok::Key => "tok-key",
            Tok::Meta => "tok-meta",
            Tok::Prompt => "tok-prompt nocopy",
            Tok::Output => "tok-out nocopy",
        })
    }
}

/// Every fence language a chapter may use, with the label a reader sees.
pub const LANGUAGES: [(&str, &str); 11] = [
    ("bash", "Bash"),
    ("console", "Console"),
    ("graphql", "GraphQL"),
    ("http", "HTTP"),
    ("javascript", "JavaScript"),
    ("json", "JSON"),
    ("protobuf", "Protocol Buffers"),
    ("python", "Python"),
    ("sql", "SQL"),
    ("text", "Text"),
    ("yaml", "YAML"),
];

/// The label of a fence language, `None` for one the guide does not know.
pub fn label(language: &str) -> Option<&'static str> {
    LANGUAGES
        .iter()
        .find(|(fence, _)| *fence == language)
        .map(|(_, label)| *label)
}

/// One line of highlighted code (without its line break).
pub type Line<'a> = Vec<(Tok, &'a str)>;

/// The code as lines of tokens; the tokens of a line joined are the line exactly.
pub fn highlight<'a>(language: &str, code: &'a str) -> Vec<Line<'a>> {
    let code = code.strip_suffix('\n').unwrap_or(code);
    match language {
        "http" => http(code),
        "console" => console(code),
        _ => match syntax(language) {
            Some(syntax) => split_lines(scan(&syntax, code)),
            None => code.split('\n').map(|l| vec![(Tok::Plain, l)]).collect(),
        },
    }
}

/// Splits tokens that hold line breaks, line by line.
fn split_lines(tokens: Vec<(Tok, &str)>) -> Vec<Line<'_>> {
    let mut lines = vec![Vec::new()];
    for (tok, text) in tokens {
        let mut parts = text.split('\n');
        if let Some(first) = parts.next() {
            push(lines.last_mut().expect("a line"), tok, first);
        }
        for part in parts {
            lines.push(Vec::new());
            push(lines.last_mut().expect("a line"), tok, part);
        }
    }
    lines
}

fn push<'a>(line: &mut Line<'a>, tok: Tok, text: &'a str) {
    if !text.is_empty() {
        line.push((tok, text));
    }
}

/// A request and its response as HTTP/1.1 writes them: start line, header fields, an empty
/// line, a body (JSON here) — possibly several messages in one block.
fn http(code: &str) -> Vec<Line<'_>> {
    let json = syntax("json").expect("json");
    let mut in_body = false;
    code.split('\n')
        .map(|line| {
            if is_start_line(line) {
                in_body = false;
                return start_line(line);
            }
            if line.is_empty() {
                in_body = true;
                return Vec::new();
            }
            match line.split_once(':') {
                Some((name, value)) if !in_body && is_token(name) => {
                    let mut out = vec![(Tok::Key, name), (Tok::Plain, ":")];
                    push(&mut out, Tok::Plain, value);
                    out
                }
                _ => scan(&json, line),
            }
        })
        .collect()
}

fn is_token(text: &str) -> bool {
    !text.is_empty()
        && text
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_".contains(c))
}

fn is_start_line(line: &str) -> bool {
    let mut words = line.split(' ');
    let first = words.next().unwrap_or("");
    first.starts_with("HTTP/")
        || (first.len() > 2
            && first.chars().all(|c| c.is_ascii_uppercase())
            && line
                .split(' ')
                .nth(2)
                .is_some_and(|v| v.starts_with("HTTP/")))
}

fn start_line(line: &str) -> Line<'_> {
    let mut out = Vec::new();
    let mut rest = line;
    let mut first = true;
    while !rest.is_empty() {
        let (word, after) = rest.split_at(rest.find(' ').unwrap_or(rest.len()));
        let tok = if word.starts_with("HTTP/") {
            Tok::Meta
        } else if first {
            Tok::Keyword
        } else if word.chars().all(|c| c.is_ascii_digit()) && word.len() == 3 {
            Tok::Number
        } else {
            Tok::Plain
        };
        push(&mut out, tok, word);
        let spaces = after.len() - after.trim_start_matches(' ').len();
        push(&mut out, Tok::Plain, &after[..spaces]);
        rest = &after[spaces..];
        first = false;
    }
    out
}

/// A terminal: `$ command` lines (a command continues on the next line after a `\`), the
/// rest output. Prompt and output are marked, so that the Copy button leaves them out.
fn console(code: &str) -> Vec<Line<'_>> {
    if !code.split('\n').any(|line| line.starts_with("$ ")) {
        // No prompt: a transcript to read, not commands (copied whole).
        return code.split('\n').map(|l| vec![(Tok::Plain, l)]).collect();
    }
    let bash = syntax("bash").expect("bash");
    let mut continues = false;
    code.split('\n')
        .map(|line| {
            let command = if let Some(command) = line.strip_prefix("$ ") {
                let mut out = vec![(Tok::Prompt, "$ ")];
                out.extend(scan(&bash, command));
                Some((out, command))
            } else if continues {
                Some((scan(&bash, line), line))
            } else {
                None
            };
            match command {
                Some((out, text)) => {
                    continues = text.trim_end().ends_with('\\');
                    out
                }
                None => {
                    // Even an empty output line is marked (a copy leaves it out).
                    continues = false;
                    vec![(Tok::Output, line)]
                }
            }
        })
        .collect()
}

/// How one language family is written.
struct Syntax {
    line_comments: &'static [&'static str],
    /// `#` starts a comment only at the start of a word (shell).
    comment_at_word_start: bool,
    block_comment: Option<(&'static str, &'static str)>,
    quotes: &'static [char],
    /// Python's `"""` and `'''`.
    triple_quotes: bool,
    keywords: &'static [&'static str],
    case_insensitive: bool,
    /// A string or name followed by `:` is a key (JSON, YAML).
    keys: bool,
    /// `@name` is meta (a Python decorator).
    decorators: bool,
}

const NONE: Syntax = Syntax {
    line_comments: &[],
    comment_at_word_start: false,
    block_comment: None,
    quotes: &[],
    triple_quotes: false,
    keywords: &[],
    case_insensitive: false,
    keys: false,
    decorators: false,
};

fn syntax(language: &str) -> Option<Syntax> {
    Some(match language {
        "json" => Syntax {
            quotes: &['"'],
            keywords: &["true", "false", "null"],
            keys: true,
            ..NONE
        },
        "yaml" => Syntax {
            line_comments: &["#"],
            comment_at_word_start: true,
            quotes: &['"', '\''],
            keywords: &["true", "false", "null"],
            keys: true,
            ..NONE
        },
        "sql" => Syntax {
            line_comments: &["--"],
            quotes: &['\''],
            keywords: &[
                "ADD",
                "ALTER",
                "AND",
                "AS",
                "ASC",
                "BEGIN",
                "BY",
                "COMMIT",
                "CREATE",
                "DATE",
                "DEFAULT",
                "DELETE",
                "DESC",
                "FOREIGN",
                "FROM",
                "GROUP",
                "INDEX",
                "INSERT",
                "INTEGER",
                "INTO",
                "IS",
                "JOIN",
                "KEY",
                "LEFT",
                "LIMIT",
                "NOT",
                "NULL",
                "ON",
                "OR",
                "ORDER",
                "PRAGMA",
                "PRIMARY",
                "REFERENCES",
                "ROLLBACK",
                "SELECT",
                "SET",
                "TABLE",
                "TEXT",
                "UNIQUE",
                "UPDATE",
                "VALUES",
                "VARCHAR",
                "WHERE",
            ],
            case_insensitive: true,
            ..NONE
        },
        "python" => Syntax {
            line_comments: &["#"],
            quotes: &['"', '\''],
            triple_quotes: true,
            keywords: &[
                "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class",
                "continue", "def", "del", "elif", "else", "except", "finally", "for", "from",
                "global", "if", "import", "in", "is", "lambda", "not", "or", "pass", "raise",
                "return", "try", "while", "with", "yield",
            ],
            decorators: true,
            ..NONE
        },
        "javascript" => Syntax {
            line_comments: &["//"],
            block_comment: Some(("/*", "*/")),
            quotes: &['"', '\'', '`'],
            keywords: &[
                "async",
                "await",
                "break",
                "case",
                "catch",
                "class",
                "const",
                "continue",
                "default",
                "else",
                "export",
                "false",
                "for",
                "function",
                "if",
                "import",
                "let",
                "new",
                "null",
                "return",
                "switch",
                "this",
                "throw",
                "true",
                "try",
                "undefined",
                "var",
                "while",
            ],
            ..NONE
        },
        "bash" => Syntax {
            line_comments: &["#"],
            comment_at_word_start: true,
            quotes: &['"', '\''],
            keywords: &[
                "cd", "do", "done", "echo", "else", "export", "fi", "for", "if", "in", "then",
            ],
            ..NONE
        },
        "graphql" => Syntax {
            line_comments: &["#"],
            quotes: &['"'],
            keywords: &["query", "mutation", "subscription", "fragment", "on"],
            ..NONE
        },
        "protobuf" => Syntax {
            line_comments: &["//"],
            block_comment: Some(("/*", "*/")),
            quotes: &['"'],
            keywords: &[
                "syntax", "package", "import", "message", "service", "rpc", "returns", "repeated",
                "string", "int32", "int64", "bool", "double", "float",
            ],
            ..NONE
        },
        _ => return None,
    })
}

fn is_ident_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// The whole text as tokens (they join to the text exactly).
fn scan<'a>(syntax: &Syntax, text: &'a str) -> Vec<(Tok, &'a str)> {
    let mut out: Vec<(Tok, &'a str)> = Vec::new();
    let mut plain_from = 0;
    let mut i = 0;
    while i < text.len() {
        let rest = &text[i..];
        let c = rest.chars().next().expect("a char");
        let before = text[..i].chars().next_back();
        let found = token_at(syntax, text, i, c, before);
        match found {
            Some((tok, len)) => {
                push(&mut out, Tok::Plain, &text[plain_from..i]);
                out.push((tok, &text[i..i + len]));
                i += len;
                plain_from = i;
            }
            None => i += c.len_utf8(),
        }
    }
    push(&mut out, Tok::Plain, &text[plain_from..]);
    out
}

/// The token starting at byte `i` (its kind and length), if it is not plain text.
fn token_at(
    syntax: &Syntax,
    text: &str,
    i: usize,
    c: char,
    before: Option<char>,
) -> Option<(Tok, usize)> {
    let rest = &text[i..];
    let word_start = before.is_none_or(|b| b.is_whitespace());
    for prefix in syntax.line_comments {
        if rest.starts_with(prefix) && (!syntax.comment_at_word_start || word_start) {
            return Some((Tok::Comment, rest.find('\n').unwrap_or(rest.len())));
        }
    }
    if let Some((open, close)) = syntax.block_comment {
        if let Some(body) = rest.strip_prefix(open) {
            let end = body
                .find(close)
                .map_or(rest.len(), |at| open.len() + at + close.len());
            return Some((Tok::Comment, end));
        }
    }
    if syntax.quotes.contains(&c) {
        let len = string_len(syntax, rest, c);
        let tok = if syntax.keys && is_followed_by_colon(&rest[len..]) {
            Tok::Key
        } else {
            Tok::String
        };
        return Some((tok, len));
    }
    if before.is_some_and(is_ident_char) {
        return None;
    }
    if c.is_ascii_digit() {
        let len = rest
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '.' || c == '_'))
            .unwrap_or(rest.len());
        return Some((Tok::Number, len));
    }
    if syntax.decorators && c == '@' && word_start {
        let len = 1 + rest[1..]
            .find(|c: char| !(is_ident_char(c) || c == '.'))
            .unwrap_or(rest.len() - 1);
        return Some((Tok::Meta, len));
    }
    if is_ident_char(c) {
        let len = rest.find(|c: char| !is_ident_char(c)).unwrap_or(rest.len());
        let word = &rest[..len];
        if syntax.keys && is_followed_by_colon(&rest[len..]) && line_starts_key(text, i) {
            return Some((Tok::Key, len));
        }
        let keyword = syntax.keywords.iter().any(|k| {
            if syntax.case_insensitive {
                k.eq_ignore_ascii_case(word)
            } else {
                *k == word
            }
        });
        return keyword.then_some((Tok::Keyword, len));
    }
    None
}

/// A string from its opening quote to its closing one (escapes skipped); an unclosed string
/// ends with its line.
fn string_len(syntax: &Syntax, rest: &str, quote: char) -> usize {
    if syntax.triple_quotes {
        let triple: String = std::iter::repeat_n(quote, 3).collect();
        if let Some(body) = rest.strip_prefix(triple.as_str()) {
            return body
                .find(triple.as_str())
                .map_or(rest.len(), |at| 3 + at + 3);
        }
    }
    let mut escaped = false;
    for (at, c) in rest.char_indices().skip(1) {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            '\n' if quote != '`' => return at,
            c if c == quote => return at + c.len_utf8(),
            _ => {}
        }
    }
    rest.len()
}

fn is_followed_by_colon(rest: &str) -> bool {
    rest.trim_start_matches([' ', '\t']).starts_with(':')
}

/// A bare name is a key only as the first thing on its line (YAML's `name:`, `- name:`).
fn line_starts_key(text: &str, i: usize) -> bool {
    let line_start = text[..i].rfind('\n').map_or(0, |at| at + 1);
    text[line_start..i]
        .chars()
        .all(|c| c == ' ' || c == '-' || c == '\t')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn classes(language: &str, code: &str) -> Vec<Vec<(Tok, String)>> {
        highlight(language, code)
            .into_iter()
            .map(|l| l.into_iter().map(|(t, s)| (t, s.to_string())).collect())
            .collect()
    }

    fn marked<'a>(line: &'a Line<'a>) -> Vec<(Tok, &'a str)> {
        line.iter()
            .copied()
            .filter(|(t, _)| *t != Tok::Plain)
            .collect()
    }

    #[test]
    fn every_line_joins_back_to_the_code() {
        let code = "SELECT name, 'it''s' -- a comment\nFROM orders WHERE id = 1043;\n";
        for language in LANGUAGES.map(|(fence, _)| fence) {
            let lines = highlight(language, code);
            let joined: Vec<String> = lines
                .iter()
                .map(|l| l.iter().map(|(_, s)| *s).collect())
                .collect();
            assert_eq!(joined.join("\n") + "\n", code, "{language}");
        }
    }

    #[test]
    fn sql_keywords_strings_numbers_and_comments() {
        let lines = highlight(
            "sql",
            "select id FROM orders -- all\nWHERE ordered_on >= '2024-05-01' AND id > 7;",
        );
        assert_eq!(
            marked(&lines[0]),
            [
                (Tok::Keyword, "select"),
                (Tok::Keyword, "FROM"),
                (Tok::Comment, "-- all")
            ]
        );
        assert_eq!(
            marked(&lines[1]),
            [
                (Tok::Keyword, "WHERE"),
                (Tok::String, "'2024-05-01'"),
                (Tok::Keyword, "AND"),
                (Tok::Number, "7")
            ]
        );
    }

    #[test]
    fn json_keys_differ_from_string_values() {
        let lines = highlight("json", r#"{"name": "Blue mug", "price": 1299, "ok": true}"#);
        assert_eq!(
            marked(&lines[0]),
            [
                (Tok::Key, r#""name""#),
                (Tok::String, r#""Blue mug""#),
                (Tok::Key, r#""price""#),
                (Tok::Number, "1299"),
                (Tok::Key, r#""ok""#),
                (Tok::Keyword, "true")
            ]
        );
    }

    #[test]
    fn http_start_lines_header_names_and_a_json_body() {
        let lines = classes(
            "http",
            "POST /products HTTP/1.1\nContent-Type: application/json\n\n{\"a\": 1}\n\nHTTP/1.1 201 Created\nLocation: /products/45",
        );
        let tok = |l: usize, i: usize| (lines[l][i].0, lines[l][i].1.as_str());
        assert_eq!(tok(0, 0), (Tok::Keyword, "POST"));
        assert_eq!(tok(0, 4), (Tok::Meta, "HTTP/1.1"));
        assert_eq!(tok(1, 0), (Tok::Key, "Content-Type"));
        assert!(lines[2].is_empty());
        assert_eq!(tok(3, 1), (Tok::Key, "\"a\""));
        assert_eq!(tok(5, 0), (Tok::Meta, "HTTP/1.1"));
        assert_eq!(tok(5, 2), (Tok::Number, "201"));
        assert_eq!(tok(6, 0), (Tok::Key, "Location"));
    }

    #[test]
    fn console_prompts_and_output_are_marked_commands_continue_after_a_backslash() {
        let lines = highlight(
            "console",
            "$ curl -i \\\n    http://x/ # go\nHTTP/1.1 200 OK\n$ echo 'hi'\nhi",
        );
        assert_eq!(lines[0][0], (Tok::Prompt, "$ "));
        assert_eq!(lines[1].last(), Some(&(Tok::Comment, "# go")));
        assert_eq!(lines[2], [(Tok::Output, "HTTP/1.1 200 OK")]);
        assert_eq!(
            marked(&lines[3]),
            [
                (Tok::Prompt, "$ "),
                (Tok::Keyword, "echo"),
                (Tok::String, "'hi'")
            ]
        );
        assert_eq!(lines[4], [(Tok::Output, "hi")]);
    }

    #[test]
    fn python_strings_span_lines_and_decorators_are_meta() {
        let lines = highlight(
            "python",
            "@app.get(\"/x\")\ndef f():\n    \"\"\"Two\n    lines.\"\"\"\n    return 1  # one",
        );
        assert_eq!(lines[0][0], (Tok::Meta, "@app.get"));
        assert_eq!(lines[1][0], (Tok::Keyword, "def"));
        assert_eq!(marked(&lines[2]), [(Tok::String, "\"\"\"Two")]);
        assert_eq!(marked(&lines[3]), [(Tok::String, "    lines.\"\"\"")]);
        assert_eq!(
            marked(&lines[4]),
            [
                (Tok::Keyword, "return"),
                (Tok::Number, "1"),
                (Tok::Comment, "# one")
            ]
        );
    }

    #[test]
    fn names_inside_words_are_not_keywords_or_numbers() {
        let lines = highlight("sql", "SELECT order_id2, fromage FROM t1;");
        assert_eq!(
            marked(&lines[0]),
            [(Tok::Keyword, "SELECT"), (Tok::Keyword, "FROM")]
        );
    }

    #[test]
    fn every_language_has_a_label() {
        assert_eq!(label("http"), Some("HTTP"));
        assert_eq!(label("console"), Some("Console"));
        assert_eq!(label("rust"), None);
    }
}
