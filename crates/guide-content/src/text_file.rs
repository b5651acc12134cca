//! The site's files of texts that the app fetches instead of carrying them in its wasm (the
//! question bank's, `quiz::bank`; the diagram's, `diagram::texts`): records, each ending with
//! U+001E, of fields separated by U+001F. Content never holds those two characters (a writer
//! refuses a field that does), so a field cannot be mistaken for a separator; line breaks and
//! tabs (the diagram's messages) are kept as they are. Each file is named by a
//! hash of its text, so a tab of an older deployment never reads a newer file.

/// Ends every record.
pub const RECORD: char = '\u{1e}';
/// Separates a record's fields.
pub const FIELD: char = '\u{1f}';

/// The first of `fields` that holds a separator (it could not be told apart from one), if any.
pub fn bad_field<'a>(fields: &[&'a str]) -> Option<&'a str> {
    fields.iter().copied().find(|f| f.contains([RECORD, FIELD]))
}

/// The text of `records` (each a list of fields), or the first field that cannot be written
/// ([`bad_field`]).
pub fn write<'a>(records: impl IntoIterator<Item = Vec<&'a str>>) -> Result<String, &'a str> {
    let mut out = String::new();
    for fields in records {
        if let Some(bad) = bad_field(&fields) {
            return Err(bad);
        }
        out.push_str(&fields.join(&FIELD.to_string()));
        out.push(RECORD);
    }
    Ok(out)
}

/// The records of `text`, each as an iterator over its fields (borrowing from `text`, which
/// the reader keeps for the page's lifetime), or `None` if the text does not end with a
/// record's end: a file cut short is never read. An empty text has no records.
pub fn records(text: &'static str) -> Option<impl Iterator<Item = Fields>> {
    let body = if text.is_empty() {
        None
    } else {
        Some(text.strip_suffix(RECORD)?)
    };
    Some(
        body.into_iter()
            .flat_map(|b| b.split(RECORD))
            .map(|r| r.split(FIELD)),
    )
}

/// A record's fields.
pub type Fields = std::str::Split<'static, char>;

/// The site's name for a file of texts: `data/<stem>-<hash>.txt`, the FNV-1a (64 bits) hash of
/// its text, so new texts get a new name.
pub fn hashed_name(stem: &str, text: &str) -> String {
    let hash = text.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    });
    format!("data/{stem}-{hash:016x}.txt")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &'static str) -> Option<Vec<Vec<&'static str>>> {
        Some(records(text)?.map(Iterator::collect).collect())
    }

    #[test]
    fn records_read_back_as_written() {
        let records = vec![vec!["a", "b c"], vec![""], vec!["é", "", "line\n\tbreak"]];
        let text = write(records.clone()).unwrap();
        let text: &'static str = Box::leak(text.into_boxed_str());
        assert_eq!(read(text), Some(records));
        assert_eq!(read(""), Some(vec![]));
    }

    #[test]
    fn a_text_cut_short_is_not_read_and_a_control_character_is_not_written() {
        assert_eq!(read("a\u{1f}b"), None);
        assert_eq!(read("<!doctype html>"), None);
        assert_eq!(write([vec!["ok", "a\u{1e}b"]]), Err("a\u{1e}b"));
        assert_eq!(write([vec!["a\u{1f}b"]]), Err("a\u{1f}b"));
    }

    #[test]
    fn the_name_changes_with_the_text() {
        assert_eq!(hashed_name("quiz", ""), "data/quiz-cbf29ce484222325.txt");
        assert_ne!(hashed_name("x", "a"), hashed_name("x", "b"));
    }
}
