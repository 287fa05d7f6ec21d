#!/usr/bin/env bash
# `claims extract` over the BBC benchmark corpus as a user runs it (release build, one
# thread, JSON Lines in and out): best wall and CPU time of RUNS runs (default 5), the
# throughput that gives, and peak memory (max RSS), for the whole corpus and for three
# copies of it (memory must stay flat in the input size). Skipped when the corpus is absent.
set -euo pipefail
cd "$(dirname "$0")/.."
. benches/setup.sh extract
cat "$corpus" "$corpus" "$corpus" >"$work/x3.jsonl"

# Bytes of article text (what the throughput is of), not of the JSON around it.
text_bytes() {
    python3 -c 'import json,sys; print(sum(len(json.loads(l)["text"].encode()) for l in open(sys.argv[1]) if l.strip()))' "$1"
}

printf '%-14s %-10s %-9s %-9s %-10s %s\n' input "text (MB)" "wall (s)" "cpu (s)" "MB/s (cpu)" "max RSS"
for input in "$corpus" "$work/x3.jsonl"; do
    bytes=$(text_bytes "$input")
    best="" cpu="" max_kb=0
    for _ in $(seq "$runs"); do
        /usr/bin/time -f "%e %U %S %M" -o "$work/time" "$bin" extract --input-format jsonl --format jsonl <"$input" >/dev/null
        read -r s user sys kb <"$work/time"
        c=$(awk "BEGIN{print $user + $sys}")
        if [ -z "$best" ] || awk "BEGIN{exit !($s < $best)}"; then best=$s; fi
        if [ -z "$cpu" ] || awk "BEGIN{exit !($c < $cpu)}"; then cpu=$c; fi
        if [ "$kb" -gt "$max_kb" ]; then max_kb=$kb; fi
    done
    name=$(basename "$input")
    [ "$input" = "$corpus" ] || name="bbc_news x3"
    printf '%-14s %-10s %-9s %-9s %-10s %s MB\n' "$name" "$(awk "BEGIN{printf \"%.2f\", $bytes/1e6}")" "$best" "$cpu" \
        "$(awk "BEGIN{printf \"%.1f\", $bytes/1e6/$cpu}")" "$((max_kb / 1024))"
done
