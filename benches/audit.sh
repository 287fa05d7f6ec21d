#!/usr/bin/env bash
# `claims audit` speed (issue 5: a 2,000-word draft against a store of the 2,225 BBC
# articles in under 200 ms). Builds the store in a temp folder, writes a draft of about
# 2,000 words from openings of the corpus's own articles (so every sentence has
# candidates in the store: the costly case), runs the audit once to build the caches,
# then reports the best wall time of RUNS runs (default 5) and peak memory. Release
# build; skipped when the corpus is absent.
set -euo pipefail
cd "$(dirname "$0")/.."
. benches/setup.sh audit
store=$work/claims
"$bin" init --store "$store" >/dev/null
"$bin" --store "$store" add --input-format jsonl "$corpus" >/dev/null
python3 - "$corpus" "$work/draft.md" <<'PY'
import json, sys
words, paras = 0, []
for n, line in enumerate(open(sys.argv[1])):
    if n % 37:
        continue
    for para in json.loads(line)["text"].split("\n\n")[:3]:
        paras.append(para.strip())
        words += len(para.split())
    if words >= 2000:
        break
open(sys.argv[2], "w").write("\n\n".join(paras) + "\n")
PY
words=$(wc -w <"$work/draft.md")
"$bin" --store "$store" audit --format json "$work/draft.md" >"$work/first.json" || true
best="" max_kb=0
for _ in $(seq "$runs"); do
    /usr/bin/time -f "%e %M" -o "$work/time" "$bin" --store "$store" audit --format json "$work/draft.md" >"$work/out.json" || true
    read -r s kb <"$work/time"
    if [ -z "$best" ] || awk "BEGIN{exit !($s < $best)}"; then best=$s; fi
    if [ "$kb" -gt "$max_kb" ]; then max_kb=$kb; fi
done
findings=$(python3 -c 'import json,sys; print(sum(len(f["findings"]) for f in json.load(open(sys.argv[1]))["files"]))' "$work/out.json")
echo "audit of a $words-word draft against 2,225 stored articles: best ${best} s of $runs runs, max RSS $((max_kb / 1024)) MB, $findings findings"
