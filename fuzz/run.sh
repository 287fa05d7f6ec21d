#!/usr/bin/env bash
# Runs every fuzz target (or those named) one after another for SECS seconds each
# (default 180), one process at a time, and prints libFuzzer's closing figures.
# Needs cargo-fuzz; on a stable toolchain RUSTC_BOOTSTRAP=1 lets it use its nightly flags.
#   fuzz/run.sh                      # every target, 180 s each
#   SECS=600 fuzz/run.sh extract     # one target, 10 minutes
#   fuzz/run.sh extract=600 relate=300   # seconds per target
set -uo pipefail
cd "$(dirname "$0")"
export RUSTC_BOOTSTRAP=1
SECS="${SECS:-180}"
TARGETS=("$@")
if [ ${#TARGETS[@]} -eq 0 ]; then
    mapfile -t TARGETS < <(cargo fuzz list)
fi
# Build every target once, then run the binaries: edits to the sources meanwhile do not
# change what a long run is fuzzing.
cargo fuzz build --sanitizer none || exit 2
BIN="target/$(rustc -vV | sed -n 's/^host: //p')/release"
mkdir -p logs
for arg in "${TARGETS[@]}"; do
    t="${arg%%=*}"
    secs="$SECS"
    [ "$arg" != "$t" ] && secs="${arg#*=}"
    mkdir -p "corpus/$t"
    log="logs/$t.log"
    echo "== $t ($secs s) -> fuzz/$log"
    mkdir -p "artifacts/$t"
    # CPU time as well as wall time: on a shared machine the two differ.
    /usr/bin/time -f "cpu: %U s user, %S s system, %e s wall" -o "logs/$t.time" \
        "$BIN/$t" "corpus/$t" -artifact_prefix="artifacts/$t/" \
        -max_total_time="$secs" -rss_limit_mb=2048 -timeout=10 -max_len="${MAX_LEN:-8192}" \
        -print_final_stats=1 ${FUZZ_FLAGS:-} >"$log" 2>&1
    rc=$?
    grep -E '^(stat::number_of_executed_units|stat::peak_rss_mb)|^#[0-9]+ +DONE|ERROR|panicked' "$log" | head -5
    cat "logs/$t.time"
    [ $rc -eq 0 ] || echo "   $t stopped with exit code $rc: see fuzz/$log and fuzz/artifacts/$t/"
done
