//! Extraction throughput, the whole pipeline on one thread (issue 2's speed target,
//! >= 20 MB/s): `cargo bench --bench extract`.
//!
//! Runs `claims::extract_text` (sentences, attribution, atomic claims, ids) over every text
//! of `../shared/data/bench/bbc_news.jsonl` when that corpus is present, and over the
//! bundled seed article repeated otherwise. Criterion reports bytes per second.
//! Memory is measured on the real binary: `benches/extract.sh`.

mod common;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;

fn bench(c: &mut Criterion) {
    let (name, texts) = common::corpus();
    let bytes: usize = texts.iter().map(String::len).sum();
    let mut group = c.benchmark_group("extract");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(20);
    group.bench_function(name, |b| {
        b.iter(|| {
            let mut claims = 0;
            for text in &texts {
                claims += claims::extract_text(black_box(text)).claims.len();
            }
            claims
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
