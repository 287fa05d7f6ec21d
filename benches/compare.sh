#!/usr/bin/env bash
# `claims compare` at scale (issue 4): stores of the first 500, 1,000 and 2,225 articles
# of the BBC benchmark corpus, each compared in full (`claims compare --format json`).
# Prints, per store: articles, claims, candidate pairs related, best wall time and best
# CPU time (user + system, all threads) of RUNS runs (default 5), peak memory (max RSS),
# and the growth of each time per doubling of the store ((t2/t1)^(log 2 / log(n2/n1));
# the target is at most 2.5). On a machine shared with other work the CPU time is the
# steadier figure.
# Release build; timings are the best of the runs because a shared machine adds noise
# but never makes a run faster than it is. Skipped when the corpus is absent.
set -euo pipefail
cd "$(dirname "$0")/.."
. benches/setup.sh compare
sizes=${SIZES:-"500 1000 2225"}

printf '%-9s %-8s %-9s %-9s %-8s %-8s %-8s %-9s %s\n' articles claims pairs "wall (s)" "per 2x" "cpu (s)" "per 2x" "max RSS" "compare stats"
prev_n="" prev_t="" prev_c=""
for n in $sizes; do
    store=$work/s$n
    "$bin" init --store "$store" >/dev/null
    head -n "$n" "$corpus" | "$bin" --store "$store" add --input-format jsonl - >/dev/null
    "$bin" --store "$store" list --format jsonl >/dev/null # builds the index cache
    best="" cpu="" max_kb=0
    for _ in $(seq "$runs"); do
        /usr/bin/time -f "%e %U %S %M" -o "$work/time" "$bin" --store "$store" compare --format json >"$work/out.json"
        read -r s user sys kb <"$work/time"
        c=$(awk "BEGIN{print $user + $sys}")
        if [ -z "$best" ] || awk "BEGIN{exit !($s < $best)}"; then best=$s; fi
        if [ -z "$cpu" ] || awk "BEGIN{exit !($c < $cpu)}"; then cpu=$c; fi
        if [ "$kb" -gt "$max_kb" ]; then max_kb=$kb; fi
    done
    stats=$(python3 -c "import json,sys; s=json.load(open(sys.argv[1]))['stats']; print(s['articles'], s['claims'], s['candidate_pairs'], 'agreements=%d contradictions=%d other_stories=%d' % (s['agreements'], s['contradictions'], s['other_stories']))" "$work/out.json")
    read -r articles claims pairs rest <<<"$stats"
    growth="-" cpu_growth="-"
    if [ -n "$prev_n" ]; then
        growth=$(awk "BEGIN{printf \"%.2f\", ($best/$prev_t)^(log(2)/log($n/$prev_n))}")
        cpu_growth=$(awk "BEGIN{printf \"%.2f\", ($cpu/$prev_c)^(log(2)/log($n/$prev_n))}")
    fi
    printf '%-9s %-8s %-9s %-9s %-8s %-8s %-8s %-9s %s\n' "$articles" "$claims" "$pairs" "$best" "$growth" "$cpu" "$cpu_growth" "$((max_kb / 1024)) MB" "$rest"
    prev_n=$n prev_t=$best prev_c=$cpu
done
