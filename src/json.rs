//! A small JSON reader and writer, so the wasm carries no serde_json: the stored progress
//! (`progress::codec`) and the search index (`search_index`) are read with it.
//!
//! [`parse`] accepts exactly the texts `serde_json::from_str::<serde_json::Value>` accepts,
//! and reads them to the same tree (a property test in this module holds it to that): objects
//! keep the last of duplicate keys and compare regardless of key order; nesting deeper than
//! 127 arrays or objects, lone surrogate escapes and numbers too large for an `f64` are
//! refused. Numbers other than non-negative integers that fit a `u64` are kept only as their
//! text ([`Json::OtherNumber`]): nothing in the progress is one.

use std::collections::BTreeMap;

/// A JSON value.
#[derive(Debug, Clone, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    /// A non-negative integer that fits a `u64`, written without a fraction or exponent.
    Uint(u64),
    /// Any other number, as written (negative, fractional, with an exponent, or too large).
    OtherNumber(String),
    Str(String),
    Array(Vec<Json>),
    Object(BTreeMap<String, Json>),
}

impl Json {
    /// The member `key` of an object.
    pub fn get(&self, key: &str) -> Option<&Json> {
        match self {
            Json::Object(map) => map.get(key),
            _ => None,
        }
    }

    pub fn get_mut(&mut self, key: &str) -> Option<&mut Json> {
        match self {
            Json::Object(map) => map.get_mut(key),
            _ => None,
        }
    }

    /// Sets the member `key` of an object (nothing happens to other values).
    pub fn set(&mut self, key: &str, value: Json) {
        if let Json::Object(map) = self {
            map.insert(key.to_string(), value);
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Json::Str(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_u64(&self) -> Option<u64> {
        match self {
            Json::Uint(n) => Some(*n),
            _ => None,
        }
    }

    /// What kind of value this is, for messages: "a string", "an object".
    pub fn kind(&self) -> &'static str {
        match self {
            Json::Null => "null",
            Json::Bool(_) => "a boolean",
            Json::Uint(_) | Json::OtherNumber(_) => "a number",
            Json::Str(_) => "a string",
            Json::Array(_) => "an array",
            Json::Object(_) => "an object",
        }
    }
}

/// How deep arrays and objects may nest (as serde_json: 127 levels read, the 128th refused).
const MAX_DEPTH: usize = 127;

/// The value of `text`, or `None` if it is not exactly one JSON value (whitespace around it
/// allowed). Never panics.
pub fn parse(text: &str) -> Option<Json> {
    let mut reader = Reader {
        bytes: text.as_bytes(),
        at: 0,
        depth: 0,
    };
    let value = reader.value()?;
    reader.skip_whitespace();
    (reader.at == reader.bytes.len()).then_some(value)
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
    depth: usize,
}

impl Reader<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn next(&mut self) -> Option<u8> {
        let byte = self.peek()?;
        self.at += 1;
        Some(byte)
    }

    fn eat(&mut self, byte: u8) -> bool {
        let found = self.peek() == Some(byte);
        if found {
            self.at += 1;
        }
        found
    }

    fn skip_whitespace(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\n' | b'\t' | b'\r')) {
            self.at += 1;
        }
    }

    fn literal(&mut self, word: &str, value: Json) -> Option<Json> {
        let end = self.at + word.len();
        (self.bytes.get(self.at..end)? == word.as_bytes()).then(|| {
            self.at = end;
            value
        })
    }

    fn value(&mut self) -> Option<Json> {
        self.skip_whitespace();
        match self.peek()? {
            b'n' => self.literal("null", Json::Null),
            b't' => self.literal("true", Json::Bool(true)),
            b'f' => self.literal("false", Json::Bool(false)),
            b'"' => self.string().map(Json::Str),
            b'[' | b'{' => self.nested(),
            _ => self.number(),
        }
    }

    fn nested(&mut self) -> Option<Json> {
        if self.depth == MAX_DEPTH {
            return None;
        }
        self.depth += 1;
        let value = if self.peek() == Some(b'[') {
            self.array()
        } else {
            self.object()
        };
        self.depth -= 1;
        value
    }

    /// The items of an array or members of an object, after its opening bracket: `item` reads
    /// one; they are separated by commas and end with `close`.
    fn items(&mut self, close: u8, mut item: impl FnMut(&mut Self) -> Option<()>) -> Option<()> {
        self.at += 1;
        self.skip_whitespace();
        if self.eat(close) {
            return Some(());
        }
        loop {
            item(self)?;
            self.skip_whitespace();
            if self.eat(close) {
                return Some(());
            }
            if !self.eat(b',') {
                return None;
            }
        }
    }

    fn array(&mut self) -> Option<Json> {
        let mut items = Vec::new();
        self.items(b']', |r| {
            items.push(r.value()?);
            Some(())
        })?;
        Some(Json::Array(items))
    }

    fn object(&mut self) -> Option<Json> {
        let mut map = BTreeMap::new();
        self.items(b'}', |r| {
            r.skip_whitespace();
            if r.peek() != Some(b'"') {
                return None;
            }
            let key = r.string()?;
            r.skip_whitespace();
            if !r.eat(b':') {
                return None;
            }
            map.insert(key, r.value()?);
            Some(())
        })?;
        Some(Json::Object(map))
    }

    /// A string, from its opening quote.
    fn string(&mut self) -> Option<String> {
        self.at += 1;
        let mut out = String::new();
        loop {
            let start = self.at;
            while matches!(self.peek(), Some(b) if b != b'"' && b != b'\\' && b >= 0x20) {
                self.at += 1;
            }
            // Only ASCII bytes stop the scan, so both ends are character boundaries.
            out.push_str(std::str::from_utf8(&self.bytes[start..self.at]).ok()?);
            match self.next()? {
                b'"' => return Some(out),
                b'\\' => out.push(self.escape()?),
                _ => return None,
            }
        }
    }

    fn escape(&mut self) -> Option<char> {
        Some(match self.next()? {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => return self.unicode_escape(),
            _ => return None,
        })
    }

    /// After `\u`: one character, or a surrogate pair as two escapes. A lone surrogate is
    /// refused.
    fn unicode_escape(&mut self) -> Option<char> {
        let first = self.hex4()?;
        if !(0xD800..0xDC00).contains(&first) {
            return char::from_u32(first);
        }
        if !(self.eat(b'\\') && self.eat(b'u')) {
            return None;
        }
        let second = self.hex4()?;
        if !(0xDC00..0xE000).contains(&second) {
            return None;
        }
        char::from_u32(0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00))
    }

    fn hex4(&mut self) -> Option<u32> {
        let digits = self.bytes.get(self.at..self.at + 4)?;
        let mut n = 0;
        for &d in digits {
            n = n * 16 + char::from(d).to_digit(16)?;
        }
        self.at += 4;
        Some(n)
    }

    fn digits(&mut self) -> usize {
        let start = self.at;
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.at += 1;
        }
        self.at - start
    }

    /// A number: `-`, then `0` or digits not starting with `0`, then maybe a fraction and an
    /// exponent, each with at least one digit.
    fn number(&mut self) -> Option<Json> {
        let start = self.at;
        let negative = self.eat(b'-');
        let int_start = self.at;
        let int_digits = self.digits();
        if int_digits == 0 || (int_digits > 1 && self.bytes[int_start] == b'0') {
            return None;
        }
        let int_end = self.at;
        let mut frac = (int_end, int_end);
        if self.eat(b'.') {
            let from = self.at;
            if self.digits() == 0 {
                return None;
            }
            frac = (from, self.at);
        }
        let mut exponent = None;
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.at += 1;
            let minus = self.eat(b'-') || {
                self.eat(b'+');
                false
            };
            let from = self.at;
            if self.digits() == 0 {
                return None;
            }
            exponent = Some((minus, from));
        }
        let text = &self.bytes[start..self.at];
        let plain = frac.0 == frac.1 && exponent.is_none();
        if plain && !negative {
            if let Ok(n) = std::str::from_utf8(text).ok()?.parse::<u64>() {
                return Some(Json::Uint(n));
            }
        }
        let mantissa = Mantissa::of(&self.bytes[int_start..int_end], &self.bytes[frac.0..frac.1]);
        let exponent = exponent.map_or(Some(0), |(minus, from)| {
            exponent_value(minus, &self.bytes[from..self.at], mantissa.significand == 0)
        })?;
        if mantissa.overflows(exponent) {
            return None;
        }
        Some(Json::OtherNumber(
            std::str::from_utf8(text).ok()?.to_string(),
        ))
    }
}

/// A number's digits as serde_json reads them: a `u64` significand of the leading digits (up
/// to where it would overflow) and the power of ten it is scaled by.
struct Mantissa {
    significand: u64,
    scale: i64,
}

impl Mantissa {
    fn of(int: &[u8], frac: &[u8]) -> Mantissa {
        let mut m = Mantissa {
            significand: 0,
            scale: 0,
        };
        let mut full = false;
        for (i, &d) in int.iter().chain(frac).enumerate() {
            let in_fraction = i >= int.len();
            let next = m
                .significand
                .checked_mul(10)
                .and_then(|n| n.checked_add(u64::from(d - b'0')));
            match next {
                Some(n) if !full => {
                    m.significand = n;
                    m.scale -= i64::from(in_fraction);
                }
                _ => {
                    full = true;
                    m.scale += i64::from(!in_fraction);
                }
            }
        }
        m
    }

    /// Whether this number times ten to `exponent` is too large for an `f64`, computed as
    /// serde_json computes it (the significand as an `f64` times the power of ten). A `u64`
    /// times less than 10^289 never is.
    fn overflows(&self, exponent: i64) -> bool {
        const POWERS: [f64; 20] = [
            1e289, 1e290, 1e291, 1e292, 1e293, 1e294, 1e295, 1e296, 1e297, 1e298, 1e299, 1e300,
            1e301, 1e302, 1e303, 1e304, 1e305, 1e306, 1e307, 1e308,
        ];
        let power = self.scale.saturating_add(exponent);
        if self.significand == 0 || power < 289 {
            return false;
        }
        usize::try_from(power - 289)
            .ok()
            .and_then(|i| POWERS.get(i))
            .is_none_or(|p| (self.significand as f64 * p).is_infinite())
    }
}

/// An exponent's value; `None` when it is too large to be a real number (a non-zero number
/// with an exponent beyond `i32`).
fn exponent_value(minus: bool, digits: &[u8], zero: bool) -> Option<i64> {
    let mut n: i64 = 0;
    for &d in digits {
        n = n * 10 + i64::from(d - b'0');
        if n > i64::from(i32::MAX) {
            return (zero || minus).then_some(if minus { i64::MIN / 2 } else { 0 });
        }
    }
    Some(if minus { -n } else { n })
}

/// Appends `s` as a JSON string, escaped as serde_json escapes it.
pub fn write_str(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c < ' ' => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.push_str("\\u00");
                out.push(char::from(HEX[c as usize >> 4]));
                out.push(char::from(HEX[c as usize & 15]));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;
    use serde_json::Value;

    use super::*;

    /// serde_json's tree, as this module's.
    fn from_serde(value: &Value) -> Json {
        match value {
            Value::Null => Json::Null,
            Value::Bool(b) => Json::Bool(*b),
            Value::Number(n) => n
                .as_u64()
                .map_or(Json::OtherNumber(String::new()), Json::Uint),
            Value::String(s) => Json::Str(s.clone()),
            Value::Array(items) => Json::Array(items.iter().map(from_serde).collect()),
            Value::Object(map) => Json::Object(
                map.iter()
                    .map(|(k, v)| (k.clone(), from_serde(v)))
                    .collect(),
            ),
        }
    }

    /// The same tree, with other numbers' texts forgotten (serde_json keeps their values).
    fn shape(value: &Json) -> Json {
        match value {
            Json::OtherNumber(_) => Json::OtherNumber(String::new()),
            Json::Array(items) => Json::Array(items.iter().map(shape).collect()),
            Json::Object(map) => {
                Json::Object(map.iter().map(|(k, v)| (k.clone(), shape(v))).collect())
            }
            other => other.clone(),
        }
    }

    /// Reads `text` both ways: the same verdict, and the same tree.
    fn agrees(text: &str) -> Result<(), String> {
        let ours = parse(text).map(|v| shape(&v));
        let theirs = serde_json::from_str::<Value>(text)
            .ok()
            .map(|v| from_serde(&v));
        if ours == theirs {
            Ok(())
        } else {
            Err(format!("{text:?}: ours {ours:?}, serde_json {theirs:?}"))
        }
    }

    #[test]
    fn reads_what_serde_json_reads_and_refuses_what_it_refuses() {
        let cases = [
            "",
            " ",
            "null",
            " true ",
            "false",
            "nul",
            "truex",
            "0",
            "-0",
            "01",
            "-01",
            "1.",
            ".5",
            "1.5",
            "-1.5e3",
            "1e",
            "1e+",
            "1E-2",
            "+1",
            "-",
            "18446744073709551615",
            "18446744073709551616",
            "-9223372036854775808",
            "1e308",
            "1.7976931348623157e308",
            "1e309",
            "1e400",
            "1.7976931348623158e308",
            "17976931348623157e292",
            "179769313486231581e291",
            "0.17976931348623159e309",
            "1797693134862315807e289",
            "0e999999999999",
            "1e-999999999999",
            "1e999999999999",
            "-1e400",
            "123456789012345678901234567890e280",
            "0.000001e310",
            r#""a""#,
            r#""\u00e9\n\t\"\\\/\b\f\r""#,
            r#""\ud83d\ude00""#,
            r#""\ud83d""#,
            r#""\ude00""#,
            r#""\ud83d\u0041""#,
            r#""\ud83d\ue000""#,
            r#""\udbff\udfff""#,
            r#""\ud83dx""#,
            r#""\x""#,
            r#""\u12""#,
            "\"tab\there\"",
            "\"é ✓\"",
            r#""unterminated"#,
            "[]",
            "[1,]",
            "[,1]",
            "[1 2]",
            "[1,[2,[3]]]",
            "{}",
            r#"{"a":1,}"#,
            r#"{"a" 1}"#,
            r#"{a:1}"#,
            r#"{"a":1,"a":2}"#,
            r#"{"b":[],"a":{"c":null}}"#,
            "{\"a\":1}x",
            "[1] [2]",
            " \r\n\t[ 1 , 2 ]\n",
            "\u{a0}1",
            "[\"\u{7f}\"]",
        ];
        for text in cases {
            agrees(text).unwrap();
        }
        for depth in [126, 127, 128, 129] {
            agrees(&format!("{}{}", "[".repeat(depth), "]".repeat(depth))).unwrap();
            agrees(&format!(
                "{}1{}",
                r#"{"a":"#.repeat(depth),
                "}".repeat(depth)
            ))
            .unwrap();
        }
    }

    #[test]
    fn equal_objects_compare_equal_whatever_their_key_order() {
        assert_eq!(
            parse(r#"{"a":1,"b":[true]}"#),
            parse(r#" { "b" : [true] , "a" : 1 } "#)
        );
        assert_ne!(parse(r#"{"a":1}"#), parse(r#"{"a":1.0}"#));
    }

    #[test]
    fn strings_are_written_as_serde_json_writes_them() {
        let tricky = "quote \" back \\ slash / nl \n tab \t cr \r bs \u{8} ff \u{c} nul \u{0} us \u{1f} del \u{7f} é ✓ 😀";
        let mut ours = String::new();
        write_str(&mut ours, tricky);
        assert_eq!(ours, serde_json::to_string(tricky).unwrap());
        assert_eq!(parse(&ours), Some(Json::Str(tricky.into())));
    }

    proptest! {
        #[test]
        fn any_text_is_read_as_serde_json_reads_it(text in r#"[\[\]{}",:0-9.eE+\- a-z\\/u\t\n]{0,24}"#) {
            prop_assert!(agrees(&text).is_ok(), "{}", agrees(&text).unwrap_err());
        }

        #[test]
        fn any_number_is_read_as_serde_json_reads_it(text in r#"-?[0-9]{0,25}(\.[0-9]{0,5})?([eE][+-]?[0-9]{0,4})?"#) {
            prop_assert!(agrees(&text).is_ok(), "{}", agrees(&text).unwrap_err());
        }

        #[test]
        fn any_string_round_trips(s in any::<String>()) {
            let mut text = String::new();
            write_str(&mut text, &s);
            prop_assert_eq!(parse(&text), Some(Json::Str(s)));
        }
    }
}
