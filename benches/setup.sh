# Sourced by the benchmark scripts, from the repository root: `. benches/setup.sh NAME`.
# Sets corpus, runs (RUNS, default 5), bin (a fresh release build) and work (a temporary
# folder under BENCH_DIR, default /tmp, removed on exit); skips the benchmark when the
# corpus is absent.
corpus=../shared/data/bench/bbc_news.jsonl
runs=${RUNS:-5}
if [ ! -f "$corpus" ]; then
    echo "$1 benchmark skipped: $corpus not found"
    exit 0
fi
[ -x /usr/bin/time ] || { echo "needs /usr/bin/time (GNU time)"; exit 1; }
cargo build --release --quiet
bin=$PWD/target/release/claims
work=$(mktemp -d -p "${BENCH_DIR:-/tmp}")
trap 'rm -rf "$work"' EXIT
