#!/usr/bin/env bash
# The store's performance targets (issue 3), measured on the BBC benchmark corpus:
#   bulk add of all articles in one `claims add` (and its ratio to `claims extract`),
#   re-adding them all (no new versions), `show` by prefix and `list --article`,
#   `verify`, and peak memory of each.
# Release build; each figure is the best of N runs (default 5; `RUNS=9 benches/store.sh`),
# since a shared machine adds noise but never makes a run faster than it is.
# Skipped when ../shared/data/bench/bbc_news.jsonl is absent.
#
# Before each bulk add the script syncs and waits SETTLE seconds (default 6): on an ext4
# file system without a journal (as in some VMs), creating a file skips every inode
# deleted in the last seconds (minutes while the inode table is dirty), so file creation
# right after a big deletion (a previous run's store, a `cargo clean`) is many times
# slower. Runs never delete a store until the end, for the same reason.
# BENCH_DIR picks the file system the stores are made on (default /tmp); BENCH_DIR=/dev/shm
# measures the program without the disk.
set -euo pipefail
cd "$(dirname "$0")/.."
. benches/setup.sh store

# best LABEL CMD...: runs CMD $runs times, prints "LABEL<TAB>best seconds<TAB>max KB".
# With FRESH=1, each run gets a new empty store, passed as the argument after --store.
fresh=0
best() {
    local label=$1; shift
    local best_s="" max_kb=0
    for _ in $(seq "$runs"); do
        if [ "${FRESH:-0}" = 1 ]; then
            fresh=$((fresh + 1))
            store=$work/fresh$fresh
            "$bin" init --store "$store" >/dev/null
            sync
            sleep "${SETTLE:-6}"
        fi
        local cmd=("$@")
        if [ "${FRESH:-0}" = 1 ]; then
            for i in "${!cmd[@]}"; do
                if [ "${cmd[$i]}" = "--store" ]; then cmd[$((i + 1))]=$store; fi
            done
        fi
        /usr/bin/time -f "%e %M" -o "$work/time" "${cmd[@]}" >/dev/null 2>"$work/stderr" || {
            cat "$work/stderr"; exit 1; }
        read -r s kb < "$work/time"
        if [ -z "$best_s" ] || awk "BEGIN{exit !($s < $best_s)}"; then best_s=$s; fi
        if [ "$kb" -gt "$max_kb" ]; then max_kb=$kb; fi
    done
    printf '%s\t%s\t%s\n' "$label" "$best_s" "$max_kb"
}

results=$work/results
best "extract (jsonl, no store)" "$bin" extract --input-format jsonl --format jsonl "$corpus" > "$results"
FRESH=1 best "add: all articles, fresh store" "$bin" --store fresh add --input-format jsonl "$corpus" >> "$results"
store=$work/fresh1
best "re-add: all articles again" "$bin" --store "$store" add --input-format jsonl "$corpus" >> "$results"

articles=$(ls "$store/refs" | wc -l)
versions=$(find "$store/versions" -name '*.toml' | wc -l)
article=$(ls "$store/refs" | sed -n '1000p')
prefix=$("$bin" --store "$store" list --article "$article" --format jsonl | head -1 | sed 's/.*"id":"\([0-9a-f]\{8\}\).*/\1/')
{
    best "show $prefix (8-digit prefix)" "$bin" --store "$store" show "$prefix"
    best "list --article $article" "$bin" --store "$store" list --article "$article"
    best "list (every claim, jsonl)" "$bin" --store "$store" list --format jsonl
    best "verify" "$bin" --store "$store" verify
} >> "$results"
# The index cache is rebuilt after any change to the refs (a git pull, say).
{
    rm -rf "$store/cache"
    /usr/bin/time -f "%e %M" -o "$work/time" "$bin" --store "$store" show "$prefix" >/dev/null
    read -r s kb < "$work/time"
    printf 'show, index cache rebuilt first\t%s\t%s\n' "$s" "$kb"
} >> "$results"

echo "corpus: $corpus ($articles articles stored, $versions versions after re-adding); best of $runs runs"
echo
echo "| what | seconds | max RSS |"
echo "|---|---|---|"
while IFS=$'\t' read -r label s kb; do
    printf '| %s | %s | %d MB |\n' "$label" "$s" $(( (kb + 1023) / 1024 ))
done < "$results"
extract=$(sed -n 1p "$results" | cut -f2)
add=$(sed -n 2p "$results" | cut -f2)
readd=$(sed -n 3p "$results" | cut -f2)
echo
awk -v e="$extract" -v a="$add" -v r="$readd" 'BEGIN {
    printf "add / extract = %.1fx (target: under 5x, and under 10 s)\n", a / e
    printf "re-add / extract = %.2fx (target: under 1x, no new versions)\n", r / e
}'
du -sh "$store" | awk '{print "store size: " $1}'
echo "files in the store: $(find "$store" -type f -not -path '*/cache/*' | wc -l)"
