#!/usr/bin/env bash
# Runs every test of Parallax, set-up included: formatting and lints (rustfmt, clippy, rustdoc,
# svelte-check, eslint), the Rust tests (core, store, CLI, app), the UI tests (Vitest), the
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
cargo test --workspace --quiet

step "UI tests"
(cd ui && npm test --silent)

step "Building the app and its .deb package"
npm --prefix ui run --silent build
ui/node_modules/.bin/tauri build --debug --bundles deb --ci > "$PARALLAX_ARTIFACTS/tauri-build.log" 2>&1 \
  || { tail -n 40 "$PARALLAX_ARTIFACTS/tauri-build.log"; exit 1; }
tail -n 2 "$PARALLAX_ARTIFACTS/tauri-build.log"

step "End-to-end tests (real app, Xvfb, WebDriver, native drag and drop)"
xvfb-run --auto-servernum --server-args="-screen 0 1600x900x24 -nolisten tcp" \
  "$PARALLAX_CACHE/venv/bin/python" -m pytest -p no:cacheprovider -v e2e

step "The installed package"
scripts/check-package.sh

step "All tests passed"
