#!/usr/bin/env bash
# Builds and launches the Parallax app (set-up included). On the first run the library is new and
# opens with the built-in sample articles. Extra arguments are passed to the app.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
source scripts/env.sh
echo "== Building the UI"
npm --prefix ui run --silent build
echo "== Building the app"
cargo build --quiet -p parallax-app --features custom-protocol
echo "== Starting Parallax"
exec "$CARGO_TARGET_DIR/debug/parallax-app" "$@"
