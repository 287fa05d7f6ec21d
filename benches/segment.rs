//! Segmenter throughput: `cargo bench --bench segment`.
//!
//! Splits the texts of `../shared/data/bench/bbc_news.jsonl` (2,225 BBC News articles)
//! when that corpus is present, and the bundled seed article repeated otherwise.

mod common;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;

fn bench(c: &mut Criterion) {
    let (name, texts) = common::corpus();
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
