#!/usr/bin/env bash
# Runs every test of Parallax, set-up included: formatting and lints (rustfmt, clippy, rustdoc,
# svelte-check, eslint), the Rust tests (core, store, CLI, app), a short run of every fuzz
# target, the UI tests (Vitest), the
# end-to-end tests of the real app under Xvfb over WebDriver, and the .deb package installed and
# started headless. Screenshots and logs go to test-artifacts/.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --test
source scripts/env.sh
export PARALLAX_ARTIFACTS="$PWD/test-artifacts"
rm -rf "$PARALLAX_ARTIFACTS" && mkdir -p "$PARALLAX_ARTIFACTS"
started=$(date +%s)
step() { printf '\n== %s (%ss)\n' "$*" "$(( $(date +%s) - started ))"; }

step "Formatting and lints"
cargo fmt --all -- --check
cargo clippy --workspace --all-targets --quiet -- -D warnings
RUSTDOCFLAGS="-D warnings" cargo doc --workspace --no-deps --quiet
(cd ui && npm run --silent check && npm run --silent lint)

step "Rust tests"
cargo test --workspace --quiet 2>&1 | tee "$PARALLAX_ARTIFACTS/rust-tests.log"

step "Fuzzing: every target ${FUZZ_SECONDS:-10} s"
# From the seeds alone (fixtures, shared corpus, the small hostile files): libFuzzer replays a
# whole corpus before its clock starts, and the long runs' corpora take 20 minutes to replay.
short_corpus="$PARALLAX_CACHE/fuzz-corpus-test"
rm -rf "$short_corpus"
FUZZ_CORPUS="$short_corpus" scripts/fuzz.sh "${FUZZ_SECONDS:-10}" 2>&1 | tee "$PARALLAX_ARTIFACTS/fuzz.log"

step "UI tests"
(cd ui && npm test --silent) 2>&1 | tee "$PARALLAX_ARTIFACTS/ui-tests.log"

step "Building the app and its .deb package"
npm --prefix ui run --silent build
ui/node_modules/.bin/tauri build --debug --bundles deb --ci > "$PARALLAX_ARTIFACTS/tauri-build.log" 2>&1 \
  || { tail -n 40 "$PARALLAX_ARTIFACTS/tauri-build.log"; exit 1; }
tail -n 2 "$PARALLAX_ARTIFACTS/tauri-build.log"

step "End-to-end tests (real app, Xvfb, WebDriver, native drag and drop)"
xvfb-run --auto-servernum --server-args="-screen 0 1600x900x24 -nolisten tcp" \
  "$PARALLAX_CACHE/venv/bin/python" -m pytest -p no:cacheprovider -v e2e 2>&1 | tee "$PARALLAX_ARTIFACTS/e2e-tests.log"

step "The installed package"
scripts/check-package.sh 2>&1 | tee "$PARALLAX_ARTIFACTS/package-check.log"

# One closing line for the whole run (pipefail has already stopped the script on any failure).
cd "$PARALLAX_ARTIFACTS"
rust=$(awk '/^test result:/ {p += $4; f += $6} END {print p + 0, f + 0}' rust-tests.log)
ui=$(grep -E '^ *Tests +[0-9]+ passed' ui-tests.log | awk '{print $2}')
e2e=$(grep -oE '[0-9]+ passed' e2e-tests.log | tail -n 1 | awk '{print $1}')
package=$(grep -oE '[0-9]+ passed' package-check.log | tail -n 1 | awk '{print $1}')
read -r rust_passed rust_failed <<<"$rust"
step "Done: Rust $rust_passed, UI ${ui:-0}, end-to-end ${e2e:-0}, package ${package:-0}"
echo "total: $((rust_passed + ${ui:-0} + ${e2e:-0} + ${package:-0})) passed, $rust_failed failed"
