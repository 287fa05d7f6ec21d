#!/usr/bin/env bash
# Renders the comparison report of the report fixtures (tests/fixtures/report/, articles
# written for this repository) in headless Chromium and writes docs/report.png, the
# screenshot the README shows. Needs chromium (apt-get install chromium).
set -euo pipefail
cd "$(dirname "$0")/../.."
export SOURCE_DATE_EPOCH=1772668800 # fixed, so the store is the same every run
cargo build --quiet
claims=target/debug/claims
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$claims" init --store "$work/claims" >/dev/null
"$claims" --store "$work/claims" add tests/fixtures/report/*.md >/dev/null
"$claims" --store "$work/claims" compare --format html >"$work/report.html"
chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$work/profile" --hide-scrollbars --window-size=1100,1400 \
    --screenshot="$PWD/docs/report.png" "file://$work/report.html" 2>/dev/null
echo "wrote docs/report.png"
