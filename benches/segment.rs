//! Segmenter throughput: `cargo bench --bench segment`.
//!
//! Splits the texts of `../shared/data/bench/bbc_news.jsonl` (2,225 BBC News articles)
//! when that corpus is present, and the bundled seed article repeated otherwise.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;

fn corpus() -> (String, Vec<String>) {
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
    let seed = include_str!("../examples/articles/china-north-korea.txt");
    ("seed article x200".into(), vec![seed.repeat(200)])
}

fn bench(c: &mut Criterion) {
    let (name, texts) = corpus();
    let bytes: usize = texts.iter().map(String::len).sum();
    let mut group = c.benchmark_group("segment");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function(name, |b| {
        b.iter(|| {
            let mut sentences = 0;
            for text in &texts {
                sentences += claims::segment::split(black_box(text)).len();
            }
            sentences
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
