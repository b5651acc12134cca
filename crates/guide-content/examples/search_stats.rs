//! The search index's size and what it answers, for the README and the bench's notes:
//! `cargo run --example search_stats --features pipeline,search -- [query…]`.

use std::path::Path;
use std::time::Instant;

use guide_content::pipeline::search::{index_file, to_json};
use guide_content::search::Search;

fn main() {
    let content = guide_content::pipeline::load(Path::new("content")).unwrap_or_else(|errors| {
        for e in errors {
            eprintln!("{e}");
        }
        std::process::exit(1)
    });
    let file = index_file(&content);
    let json = to_json(&file);
    println!(
        "index: {} docs, {} stemmed forms, {} bytes raw",
        file.docs.len(),
        file.stems.len(),
        json.len()
    );
    if let Ok(out) = std::env::var("SEARCH_INDEX_OUT") {
        std::fs::write(&out, &json).expect("write the index");
    }
    let started = Instant::now();
    let search = Search::new(file);
    println!(
        "built in {:.1} ms (native)",
        started.elapsed().as_secs_f64() * 1e3
    );
    let queries: Vec<String> = std::env::args().skip(1).collect();
    for query in &queries {
        let started = Instant::now();
        let groups = search.query(query);
        let took = started.elapsed().as_secs_f64() * 1e3;
        println!("\n“{query}” ({took:.2} ms):");
        for group in groups.iter().take(4) {
            for hit in group.hits.iter().take(3) {
                println!(
                    "  {}#{}  {}  | {}",
                    group.chapter_id,
                    hit.anchor,
                    hit.title.text,
                    hit.snippet.text.chars().take(90).collect::<String>()
                );
            }
        }
    }
}
