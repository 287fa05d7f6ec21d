//! The benchmark corpus, shared by the criterion benches.

/// The texts of `../shared/data/bench/bbc_news.jsonl` (2,225 BBC News articles) when that
/// corpus is present, else the bundled seed article repeated; with a name for the report.
pub fn corpus() -> (String, Vec<String>) {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/data/bench/bbc_news.jsonl"
    );
    if let Ok(data) = std::fs::read_to_string(path) {
        let texts: Vec<String> = data
            .lines()
            .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
            .filter_map(|v| v.get("text")?.as_str().map(str::to_owned))
            .collect();
        if !texts.is_empty() {
            return ("bbc_news".into(), texts);
        }
    }
    let seed = include_str!("../../examples/articles/china-north-korea.txt");
    ("seed article x200".into(), vec![seed.repeat(200)])
}
