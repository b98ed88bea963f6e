# Shared settings of the scripts (sourced, not run). Build output lives outside the clone, so a
# fresh clone on a warm machine reuses it and CI never uploads it.
export PARALLAX_CACHE="${PARALLAX_CACHE:-$HOME/.cache/parallax}"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$PARALLAX_CACHE/target}"
export PARALLAX_TOOLS="$PARALLAX_CACHE/tools"
export PATH="$PARALLAX_TOOLS/bin:$PATH"
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"
export NO_COLOR=1 FORCE_COLOR=0
