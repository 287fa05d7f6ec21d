#!/usr/bin/env bash
# Rebuilds the repository's example claim store (claims/) from examples/articles/.
#
# The seed article stays byte for byte as the user gave it, so its metadata is passed by
# flags; every other article in examples/articles/ carries its own in TOML front matter
# (+++ lines: title, outlet, url, published, id). SOURCE_DATE_EPOCH fixes `logged_at`,
# so the same articles and the same release always build the same files.
set -euo pipefail
cd "$(dirname "$0")/.."
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-1729814400} # 2024-10-25T00:00:00Z
cargo build --release --quiet
claims=target/release/claims
seed=examples/articles/china-north-korea.txt

rm -rf claims
"$claims" init --store claims
"$claims" --store claims add "$seed" \
    --title "North Korean troops in Russia test China’s ties with Pyongyang" \
    --outlet "Seed article (machine translation)" \
    --published 2024-10-25
for article in examples/articles/*; do
    [ "$article" = "$seed" ] && continue
    case "$article" in *.txt | *.md) "$claims" --store claims add "$article" ;; esac
done
"$claims" --store claims verify
