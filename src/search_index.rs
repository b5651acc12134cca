//! The search index file (`search-index.json`, written by the build with serde_json) read with
//! the app's own JSON reader, as serde's derives of `IndexFile` read it: every field required,
//! unknown fields ignored, the pairs as two-item arrays, a document's kind as its one-letter
//! name. Anything else is not an index (`None`).

use guide_content::search::{Doc, DocKind, IndexFile};

use crate::json::{self, Json};

/// The index in `text`, or `None` if it is not one.
pub fn read(text: &str) -> Option<IndexFile> {
    let file = json::parse(text)?;
    Some(IndexFile {
        chapters: pairs(file.get("chapters")?)?,
        docs: items(file.get("docs")?, doc)?,
        stems: pairs(file.get("stems")?)?,
        synonyms: pairs(file.get("synonyms")?)?,
    })
}

fn items<T>(json: &Json, read: impl Fn(&Json) -> Option<T>) -> Option<Vec<T>> {
    match json {
        Json::Array(items) => items.iter().map(read).collect(),
        _ => None,
    }
}

fn string(json: &Json) -> Option<String> {
    json.as_str().map(str::to_string)
}

fn pairs(json: &Json) -> Option<Vec<(String, String)>> {
    items(json, |pair| match pair {
        Json::Array(two) if two.len() == 2 => Some((string(&two[0])?, string(&two[1])?)),
        _ => None,
    })
}

fn doc(json: &Json) -> Option<Doc> {
    let kind = match json.get("kind")?.as_str()? {
        "s" => DocKind::Section,
        "q" => DocKind::Quiz,
        "t" => DocKind::Term,
        _ => return None,
    };
    Some(Doc {
        kind,
        chapter: u16::try_from(json.get("chapter")?.as_u64()?).ok()?,
        anchor: string(json.get("anchor")?)?,
        title: string(json.get("title")?)?,
        text: string(json.get("text")?)?,
    })
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use guide_content::pipeline::{load, search};

    use super::*;

    /// The guide's own index, as the build writes it.
    fn built() -> (IndexFile, String) {
        let content = load(Path::new("content")).expect("the content loads");
        let file = search::index_file(&content);
        let text = search::to_json(&file);
        (file, text)
    }

    #[test]
    fn the_built_index_reads_back_as_written() {
        let (file, text) = built();
        assert!(file.docs.len() > 100 && !file.stems.is_empty());
        assert_eq!(read(&text), Some(file));
    }

    #[test]
    fn what_serde_refuses_is_not_an_index() {
        let (_, text) = built();
        let doc = r#"{"kind":"s","chapter":0,"anchor":"","title":"T","text":""}"#;
        let file = |chapters: &str, doc: &str| {
            format!(r#"{{"chapters":{chapters},"docs":[{doc}],"stems":[],"synonyms":[]}}"#)
        };
        assert!(read(&file(r#"[["a","A"]]"#, doc)).is_some());
        for bad in [
            text[..text.len() - 1].to_string(),
            file(r#"[["a"]]"#, doc),
            file(r#"[["a","A","x"]]"#, doc),
            file(r#"{"a":"A"}"#, doc),
            file("[]", &doc.replace(r#""s""#, r#""x""#)),
            file("[]", &doc.replace(r#""chapter":0"#, r#""chapter":70000"#)),
            file("[]", &doc.replace(r#","text":"""#, "")),
            r#"{"chapters":[],"docs":[],"stems":[]}"#.to_string(),
        ] {
            assert_eq!(read(&bad), None, "{bad}");
            assert!(
                serde_json::from_str::<IndexFile>(&bad).is_err(),
                "serde_json refuses it too: {bad}"
            );
        }
    }
}
