#!/usr/bin/env bash
# Runs every cargo-fuzz target in fuzz/ for SECONDS each (default 10): the readers, the encoding
# detection, the sentence splitter, the quote finder, the aligner and a session's whole analysis.
# A crash, an input slower than the timeout or one over the memory limit fails the run; libFuzzer
# leaves the input in fuzz/artifacts/<target>/ (turn it into a regression test). The corpora grow
# under $FUZZ_CORPUS (default $PARALLAX_CACHE/fuzz-corpus), seeded by fuzz/seeds.py.
# scripts/test.sh runs the short form from the seeds alone; docs/reliability.md records the long
# runs (scripts/fuzz.sh 3600).
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
seconds=${1:-10}
shift || true
# The stable toolchain without a sanitizer: coverage-guided, no nightly needed.
command -v cargo-fuzz >/dev/null || { echo "cargo-fuzz is missing: run scripts/setup.sh --test" >&2; exit 1; }
cargo fuzz build -s none --fuzz-dir fuzz 2>&1 | tail -n 1
corpus="${FUZZ_CORPUS:-$PARALLAX_CACHE/fuzz-corpus}"
python3 fuzz/seeds.py "$corpus"
targets=("$@")
[ ${#targets[@]} -gt 0 ] || mapfile -t targets < <(cargo fuzz list --fuzz-dir fuzz)
logs="${PARALLAX_ARTIFACTS:-$PWD/test-artifacts}/fuzz"
mkdir -p "$logs"
for target in "${targets[@]}"; do
  log="$logs/$target.log"
  if ! cargo fuzz run -s none --fuzz-dir fuzz "$target" "$corpus/$target" -- \
      -max_total_time="$seconds" -timeout="${FUZZ_TIMEOUT:-10}" -rss_limit_mb=2048 \
      -print_final_stats=1 > "$log" 2>&1; then
    tail -n 40 "$log"
    echo "fuzz target $target failed; its input is in fuzz/artifacts/$target/" >&2
    exit 1
  fi
  runs=$(grep -oE 'stat::number_of_executed_units: *[0-9]+' "$log" | grep -oE '[0-9]+$' || echo '?')
  peak=$(grep -oE 'stat::peak_rss_mb: *[0-9]+' "$log" | grep -oE '[0-9]+$' || echo '?')
  printf 'fuzz %-14s %ss: %s inputs, no crash, peak %s MB\n' "$target" "$seconds" "$runs" "$peak"
done
